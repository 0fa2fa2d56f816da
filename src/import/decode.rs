//! Turning a text file's bytes into text: UTF-8 (with or without BOM), GB18030 (the
//! superset of GBK that Excel writes for "CSV" on a Chinese Windows), or Latin-1
//! (Windows-1252, what Excel writes on a Western Windows). The guess is shown in the
//! window's preview, where it can be changed.

use super::Why;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
    Latin1,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Gb18030, Encoding::Latin1];

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030 (GBK)",
            Encoding::Latin1 => "Latin-1 (Windows-1252)",
        }
    }

    /// From a name a user types on the command line (`utf-8`, `gbk`, `latin1` …).
    pub fn from_name(name: &str) -> Option<Encoding> {
        let n: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match n.as_str() {
            "utf8" => Some(Encoding::Utf8),
            "gb18030" | "gbk" | "gb2312" => Some(Encoding::Gb18030),
            "latin1" | "iso88591" | "windows1252" | "cp1252" => Some(Encoding::Latin1),
            _ => None,
        }
    }
}

/// The encoding the bytes most likely are. Valid UTF-8 is UTF-8 (a file of only ASCII is
/// valid in all three). Bytes valid as GB18030 are GB18030 only when most of their
/// non-ASCII characters are the common ones of GB2312: Latin-1 text such as "Müller" is
/// often valid GBK too, but as rare characters ("M黮ler"). Anything else is Latin-1,
/// which every byte is. UTF-16 (Excel's "Unicode text") is refused with a hint.
pub fn guess(bytes: &[u8]) -> Result<Encoding, Why> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Why::Utf16);
    }
    let bytes = strip_bom(bytes);
    // simdutf8: std's check walks Chinese text a byte at a time.
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return Ok(Encoding::Utf8);
    }
    let Some(text) =
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    else {
        return Ok(Encoding::Latin1);
    };
    let (mut common, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if is_gb2312(c) {
            common += 1;
        } else {
            other += 1;
        }
    }
    Ok(if common >= other {
        Encoding::Gb18030
    } else {
        Encoding::Latin1
    })
}

/// A character of GB2312, the everyday set: both its GBK bytes are 0xA1 or above.
fn is_gb2312(c: char) -> bool {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
    !unmappable && bytes.len() == 2 && bytes.iter().all(|b| *b >= 0xA1)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Decodes `bytes` as `encoding`; an error names the encoding the bytes are not.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>, Why> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Why::Utf16);
    }
    let bytes = strip_bom(bytes);
    match encoding {
        Encoding::Utf8 => simdutf8::compat::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| Why::NotUtf8 {
                byte: e.valid_up_to() + 1,
            }),
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(Why::NotGb18030),
        Encoding::Latin1 => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> String {
        decode(bytes, guess(bytes).unwrap()).unwrap().into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom_and_gb18030() {
        assert_eq!(read("商机,金额".as_bytes()), "商机,金额");
        assert_eq!(read("\u{feff}商机".as_bytes()), "商机");
        let (gbk, _, _) = encoding_rs::GB18030.encode("客户,负责人,华东区");
        assert!(std::str::from_utf8(&gbk).is_err());
        assert_eq!(guess(&gbk), Ok(Encoding::Gb18030));
        assert_eq!(read(&gbk), "客户,负责人,华东区");
        assert!(guess(b"\xFF\xFEa\x00").unwrap_err() == Why::Utf16);
    }

    #[test]
    fn latin1_that_is_valid_gbk_is_guessed_latin1() {
        assert_eq!(guess(b"M\xFCller,Fran\xE7ois"), Ok(Encoding::Latin1));
        assert_eq!(read(b"M\xFCller"), "Müller");
        // A lone lead byte at the end is not GB18030: Latin-1 reads every byte.
        assert_eq!(read(b"abc\xE9"), "abcé");
        assert!(decode(b"\xE9", Encoding::Utf8).is_err());
        assert_eq!(Encoding::from_name("GBK"), Some(Encoding::Gb18030));
        assert_eq!(Encoding::from_name("latin-1"), Some(Encoding::Latin1));
    }
}
