//! Turning the file's bytes into text: UTF-8 (with or without BOM), else GB18030, the
//! superset of GBK that Excel writes for "CSV" on a Chinese Windows.

use std::borrow::Cow;

/// Decodes `bytes`. Valid UTF-8 is taken as UTF-8 (a file of only ASCII is valid in
/// both); anything else must be valid GB18030. UTF-16 (Excel's "Unicode text") is
/// refused with a hint rather than turned into garbage.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(
            "the file is UTF-16 text; save it as \"CSV UTF-8\" (or plain CSV) and import again"
                .into(),
        );
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| {
            "the file is neither UTF-8 nor GB18030/GBK text; save it as \"CSV UTF-8\" and import again"
                .to_string()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_gb18030() {
        assert_eq!(decode("商机,金额".as_bytes()).unwrap(), "商机,金额");
        assert_eq!(decode("\u{feff}商机".as_bytes()).unwrap(), "商机");
        let (gbk, _, _) = encoding_rs::GB18030.encode("客户,负责人");
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(decode(&gbk).unwrap(), "客户,负责人");
        assert!(decode(b"\xFF\xFEa\x00").unwrap_err().contains("UTF-16"));
        // A lone lead byte at the end is neither encoding.
        assert!(decode(b"abc\x81").is_err());
    }
}
