//! A fast reader for the RON that SalesDesk itself writes.
//!
//! The `ron` crate parses about 100 MB/s here, which puts a 100k-deal workspace over its
//! half-second load budget. This reader understands only the strict subset that
//! `files::to_ron` produces: structs without names, `[…]` lists, `(…)` tuples, unit and
//! newtype enum variants, canonical decimal integers, `true`/`false`, `None`/`Some(…)`
//! (or an implicit `Some` under `#![enable(implicit_some)]`), and strings with the
//! escapes of `char::escape_debug`.
//!
//! It reads from a stream, a few lines at a time, so loading never holds a whole big
//! file in memory next to the records built from it (at 100k deals that halves the
//! peak). Every token of the written form sits within one line, so the buffer is only
//! refilled between tokens, where a line has ended.
//!
//! It is never the judge of a file. The moment it meets anything else (a comment, a
//! hex number, an unknown field, a raw string, a typo) it gives up with [`Unsupported`],
//! and the caller parses the whole text again with `ron`, which either accepts it or
//! reports the error with its line and column. So a hand-edited file reads exactly as
//! `ron` reads it; only files in the written form take the fast road. What it accepts
//! it must read as `ron` does: `tests/app/store.rs` holds it to that, on written workspaces
//! and on randomly mutated files.

use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;
use std::io::BufRead;

/// The text is outside the subset this reader handles (or is not valid at all):
/// parse it with `ron` instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the subset the fast reader handles")
    }
}

impl std::error::Error for Unsupported {}

impl de::Error for Unsupported {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

/// Reads `text` as a `T`, or says it cannot (see the module docs).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    from_reader(text.as_bytes())
}

/// Reads a `T` from `source` (a file, buffered), or says it cannot. A read error is
/// `Unsupported` too: the caller's slow path reads the file again and reports it.
pub fn from_reader<T: DeserializeOwned>(source: impl BufRead) -> Result<T> {
    from_reader_with_capacity(source, REFILL)
}

/// [`from_reader`] with the buffer refilled `fill` bytes at a time (rounded up to whole
/// lines) instead of 64 KiB. For tests: a tiny `fill` makes every line its own filling,
/// so the refill paths run on small files too.
#[doc(hidden)]
pub fn from_reader_with_capacity<T: DeserializeOwned>(
    source: impl BufRead,
    fill: usize,
) -> Result<T> {
    let mut de = Reader {
        source,
        buf: String::with_capacity(fill),
        fill,
        pos: 0,
        implicit_some: false,
        broken: false,
    };
    de.refill();
    // A byte-order mark is not data (editors on Windows add one).
    if de.buf.starts_with('\u{FEFF}') {
        de.pos = 3;
    }
    de.attributes()?;
    let value = T::deserialize(&mut de)?;
    de.skip_ws();
    if de.at_end() && !de.broken {
        Ok(value)
    } else {
        Err(Unsupported)
    }
}

/// `String::from_utf8`, faster on Chinese text: std's check walks it a byte at a time
/// (7 % of a load), simdutf8 32 bytes per step. Invalid bytes get std's error, which
/// says where.
pub(crate) fn into_string(
    bytes: Vec<u8>,
) -> std::result::Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: `bytes` was checked to be UTF-8 just above.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}

/// How much the buffer takes in at a time: whole lines, at least this many bytes.
const REFILL: usize = 64 * 1024;

struct Reader<R> {
    source: R,
    /// Whole lines of the source; `pos` is the next byte. Refilled only when every
    /// byte is used, so a token never straddles two fillings. Checked as UTF-8 once
    /// per filling (whole lines never cut a character), not once per string.
    buf: String,
    /// Refill until the buffer holds at least this many bytes (or the source ends).
    fill: usize,
    pos: usize,
    implicit_some: bool,
    /// A filling was not UTF-8 (or could not be read): the reader stopped there, and
    /// the text goes to ron whatever was read before.
    broken: bool,
}

impl<R: BufRead> Reader<R> {
    /// The next byte of the current line(s), without refilling: tokens are scanned
    /// with this, so their bytes stay in the buffer.
    fn peek(&self) -> Option<u8> {
        self.buf.as_bytes().get(self.pos).copied()
    }

    /// The text from `start` to the current position. Tokens start and end at ASCII
    /// bytes, so this is always a whole run of characters; if not, it is Unsupported.
    fn since(&self, start: usize) -> Result<&str> {
        self.buf.get(start..self.pos).ok_or(Unsupported)
    }

    /// Replaces the used-up buffer with the next whole lines; false at the end (or on a
    /// read error or text that is not UTF-8, which the slow path will report).
    fn refill(&mut self) -> bool {
        self.pos = 0;
        if self.broken {
            return false;
        }
        let mut bytes = std::mem::take(&mut self.buf).into_bytes();
        bytes.clear();
        while bytes.len() < self.fill {
            match self.source.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(_) => {
                    self.broken = true;
                    return false;
                }
            }
        }
        match into_string(bytes) {
            Ok(text) => self.buf = text,
            Err(_) => {
                self.broken = true;
                return false;
            }
        }
        !self.buf.is_empty()
    }

    fn at_end(&mut self) -> bool {
        self.pos >= self.buf.len() && !self.refill()
    }

    /// Spaces, tabs and line ends, across fillings. A comment is outside the subset.
    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\r' | b'\t') => self.pos += 1,
                Some(_) => return,
                None => {
                    if !self.refill() {
                        return;
                    }
                }
            }
        }
    }

    /// The next non-blank byte, not consumed.
    fn next_byte(&mut self) -> Result<u8> {
        self.skip_ws();
        self.peek().ok_or(Unsupported)
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.next_byte()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    fn consume(&mut self, byte: u8) -> bool {
        if self.next_byte() == Ok(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// After an element of a list, tuple or struct: a comma, or the closing bracket
    /// (left for the caller).
    fn after_element(&mut self, close: u8) -> Result<()> {
        match self.next_byte()? {
            b',' => {
                self.pos += 1;
                Ok(())
            }
            b if b == close => Ok(()),
            _ => Err(Unsupported),
        }
    }

    /// An ASCII identifier that is not followed by more identifier characters.
    fn identifier(&mut self) -> Result<&str> {
        self.skip_ws();
        self.identifier_here()
    }

    /// The identifier that starts exactly here.
    fn identifier_here(&mut self) -> Result<&str> {
        let start = self.pos;
        match self.peek() {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => self.pos += 1,
            _ => return Err(Unsupported),
        }
        while let Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_') = self.peek() {
            self.pos += 1;
        }
        // A raw identifier (`r#…`) or a non-ASCII one: leave it to ron.
        if matches!(self.peek(), Some(b'#') | Some(0x80..)) {
            return Err(Unsupported);
        }
        self.since(start)
    }

    /// Consumes `word` when it stands next as a whole identifier.
    fn consume_word(&mut self, word: &str) -> bool {
        self.skip_ws();
        let save = self.pos;
        match self.identifier_here() {
            Ok(found) if found == word => true,
            _ => {
                self.pos = save;
                false
            }
        }
    }

    /// `#![enable(implicit_some)]` lines before the value; any other attribute is
    /// left to ron.
    fn attributes(&mut self) -> Result<()> {
        while self.next_byte() == Ok(b'#') {
            self.pos += 1;
            for b in [b'!', b'[', b'e', b'n', b'a', b'b', b'l', b'e', b'('] {
                self.expect(b)?;
            }
            loop {
                match self.identifier()? {
                    "implicit_some" => self.implicit_some = true,
                    _ => return Err(Unsupported),
                }
                if !self.consume(b',') {
                    break;
                }
            }
            self.expect(b')')?;
            self.expect(b']')?;
        }
        Ok(())
    }

    /// A canonical decimal integer: `0`, or digits without a leading zero, maybe
    /// negative. Underscores, signs, other bases and overflow are left to ron.
    fn integer(&mut self) -> Result<(bool, u64)> {
        self.skip_ws();
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
                .ok_or(Unsupported)?;
            self.pos += 1;
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && self.buf.as_bytes()[start] == b'0';
        let ends_cleanly = !matches!(
            self.peek(),
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'#' | 0x80..)
        );
        if digits == 0 || leading_zero || (negative && value == 0) || !ends_cleanly {
            return Err(Unsupported);
        }
        Ok((negative, value))
    }

    fn unsigned(&mut self) -> Result<u64> {
        match self.integer()? {
            (false, v) => Ok(v),
            (true, _) => Err(Unsupported),
        }
    }

    fn signed(&mut self) -> Result<i64> {
        match self.integer()? {
            (false, v) => i64::try_from(v).map_err(|_| Unsupported),
            (true, v) if v <= i64::MAX as u64 => Ok(-(v as i64)),
            (true, v) if v == i64::MAX as u64 + 1 => Ok(i64::MIN),
            _ => Err(Unsupported),
        }
    }

    /// A `"…"` string, handed to `visit`: straight from the buffer when it has no
    /// escapes, else decoded.
    fn string<T>(&mut self, visit: impl FnOnce(&str) -> Result<T>) -> Result<T> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek().ok_or(Unsupported)? {
                b'"' => {
                    let text = self.since(start)?;
                    let value = visit(text);
                    self.pos += 1;
                    return value;
                }
                b'\\' => break,
                // Raw control characters: leave to ron.
                0..=0x1f => return Err(Unsupported),
                _ => self.pos += 1,
            }
        }
        let mut out = self.since(start)?.to_owned();
        loop {
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.since(run)?);
            match self.peek().ok_or(Unsupported)? {
                b'"' => {
                    self.pos += 1;
                    return visit(&out);
                }
                b'\\' => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                _ => return Err(Unsupported),
            }
        }
    }

    /// The character after a backslash: the escapes `char::escape_debug` writes.
    fn escape(&mut self) -> Result<char> {
        let b = self.peek().ok_or(Unsupported)?;
        self.pos += 1;
        Ok(match b {
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'\\' => '\\',
            b'"' => '"',
            b'\'' => '\'',
            b'u' => {
                if self.peek() != Some(b'{') {
                    return Err(Unsupported);
                }
                self.pos += 1;
                let start = self.pos;
                while let Some(b'0'..=b'9' | b'a'..=b'f' | b'A'..=b'F') = self.peek() {
                    self.pos += 1;
                }
                let hex = self.since(start)?;
                if hex.is_empty() || hex.len() > 6 || self.peek() != Some(b'}') {
                    return Err(Unsupported);
                }
                let c = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(Unsupported)?;
                self.pos += 1;
                c
            }
            _ => return Err(Unsupported),
        })
    }
}

macro_rules! unsigned {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let v = <$ty>::try_from(self.unsigned()?).map_err(|_| Unsupported)?;
            visitor.$visit(v)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let v = <$ty>::try_from(self.signed()?).map_err(|_| Unsupported)?;
            visitor.$visit(v)
        }
    )*};
}

macro_rules! unsupported {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(Unsupported)
        }
    )*};
}

impl<'de, R: BufRead> de::Deserializer<'de> for &mut Reader<R> {
    type Error = Unsupported;

    unsigned!(deserialize_u8 => visit_u8: u8, deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32, deserialize_u64 => visit_u64: u64);
    signed!(deserialize_i8 => visit_i8: i8, deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32, deserialize_i64 => visit_i64: i64);
    // Self-describing reads, floats, chars, bytes, maps and skipped fields are not
    // written by SalesDesk: ron handles them.
    unsupported!(
        deserialize_any,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_map,
        deserialize_ignored_any
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.consume_word("true") {
            visitor.visit_bool(true)
        } else if self.consume_word("false") {
            visitor.visit_bool(false)
        } else {
            Err(Unsupported)
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string(|s| visitor.visit_str(s))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // Only a value starting N or S can be None or Some(…): others skip the tries.
        let first = self.next_byte()?;
        if first == b'N' && self.consume_word("None") {
            visitor.visit_none()
        } else if first == b'S' && self.consume_word("Some") {
            self.expect(b'(')?;
            let value = visitor.visit_some(&mut *self)?;
            self.consume(b',');
            self.expect(b')')?;
            Ok(value)
        } else if self.implicit_some {
            visitor.visit_some(self)
        } else {
            Err(Unsupported)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.consume(b',');
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(Elements {
            de: &mut *self,
            close: b']',
        })?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_seq(Elements {
            de: &mut *self,
            close: b')',
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Fields { de: &mut *self })?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_str(self.identifier()?)
    }
}

/// The elements of a list or tuple, up to `close`.
struct Elements<'a, R> {
    de: &'a mut Reader<R>,
    close: u8,
}

impl<'de, R: BufRead> de::SeqAccess<'de> for Elements<'_, R> {
    type Error = Unsupported;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.de.next_byte()? == self.close {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.de.after_element(self.close)?;
        Ok(Some(value))
    }
}

/// The `name: value` pairs of a struct, up to `)`.
struct Fields<'a, R> {
    de: &'a mut Reader<R>,
}

impl<'de, R: BufRead> de::MapAccess<'de> for Fields<'_, R> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.de.next_byte()? == b')' {
            return Ok(None);
        }
        self.de.skip_ws();
        let start = self.de.pos;
        self.de.identifier_here()?;
        let end = self.de.pos;
        // The written form is `name: value`. Requiring the colon right after the name
        // keeps the name in the buffer (no refill in between).
        if self.de.peek() != Some(b':') {
            return Err(Unsupported);
        }
        self.de.pos += 1;
        let name = self.de.buf.get(start..end).ok_or(Unsupported)?;
        seed.deserialize(StrDeserializer::new(name)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.de)?;
        self.de.after_element(b')')?;
        Ok(value)
    }
}

impl<'de, R: BufRead> de::EnumAccess<'de> for &mut Reader<R> {
    type Error = Unsupported;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.identifier()?;
        let variant = seed.deserialize(name.into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de, R: BufRead> de::VariantAccess<'de> for &mut Reader<R> {
    type Error = Unsupported;

    fn unit_variant(self) -> Result<()> {
        // `Lead(…)` for a unit variant is not the written form.
        if self.next_byte() == Ok(b'(') {
            Err(Unsupported)
        } else {
            Ok(())
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.expect(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.consume(b',');
        self.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        Plain,
        Tagged(u32),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Row {
        id: u64,
        name: String,
        kind: Kind,
        #[serde(default)]
        maybe: Option<i64>,
        flags: (bool, bool),
        list: Vec<u8>,
    }

    fn both(
        text: &str,
    ) -> (
        Result<Row>,
        std::result::Result<Row, ron::error::SpannedError>,
    ) {
        (from_str(text), ron::from_str(text))
    }

    #[test]
    fn reads_the_written_form_as_ron_does() {
        let text = "#![enable(implicit_some)]\n(id: 7, name: \"客户 \\\"A\\\"\\n\\u{202e}x\\'\", kind: Tagged(3), maybe: -12, flags: (true, false), list: [1, 2, 3,],)\n";
        let (fast, slow) = both(text);
        assert_eq!(fast.unwrap(), slow.unwrap());
    }

    /// A list far longer than one filling of the buffer, read from a stream, ending
    /// without a line break.
    #[test]
    fn a_long_stream_reads_across_many_fillings() {
        let rows: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    "(id: {i}, name: \"客户 {i} \\\"q\\\"\", kind: Tagged({}), maybe: Some({}), flags: (true, false), list: [{}])",
                    i * 7,
                    i - 2500,
                    i % 256
                )
            })
            .collect();
        let text = format!("[\n{}\n]", rows.join(",\n"));
        assert!(text.len() > 4 * REFILL);
        let slow: Vec<Row> = ron::from_str(&text).expect("ron reads it");
        let fast: Vec<Row> = from_reader(std::io::BufReader::new(text.as_bytes())).unwrap();
        assert_eq!(fast, slow);
        assert_eq!(fast[4999].name, "客户 4999 \"q\"");
    }

    /// Odd spacing, trailing commas, explicit `Some` and the integer limits: still the
    /// subset, read as ron reads them.
    #[test]
    fn odd_but_valid_forms_read_as_ron_reads_them() {
        for text in [
            "( id:1 ,name:\"a\",kind:Tagged ( 3 , ),maybe:Some ( -5 ),flags:(true,false,),list:[ ],)",
            "\n\t(id: 1, name: \"\", kind: Plain, maybe: None, flags: (false, true), list: [0])\r\n",
            "#![enable(implicit_some)] (id: 1, name: \"\\u{1F600}\", kind: Plain, maybe: Some(1), flags: (true, true), list: [])",
            "(id: 18446744073709551615, name: \"a\", kind: Plain, maybe: Some(-9223372036854775808), flags: (true, true), list: [255])",
        ] {
            let (fast, slow) = both(text);
            assert_eq!(fast.ok(), Some(slow.expect("ron reads it")), "{text}");
        }
    }

    /// UTF-8 is checked once per filling: characters of every width next to the
    /// ends of fillings (a tiny fill makes each line one), escapes among them, read
    /// as ron reads them.
    #[test]
    fn non_ascii_text_reads_the_same_at_every_filling_size() {
        let names = [
            "é",
            "客户",
            "🙂x",
            "\\u{e9}中",
            "a\\\"🙂\\n",
            "\u{feff}",
            "中",
        ];
        let rows: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!("(id: {i}, name: \"{n}\", kind: Plain, flags: (true, false), list: [])")
            })
            .collect();
        let text = format!("[\n{}\n]\n", rows.join(",\n"));
        let slow: Vec<Row> = ron::from_str(&text).expect("ron reads it");
        for fill in [1, 2, 3, 7, 40, 64 * 1024] {
            let fast: Vec<Row> = from_reader_with_capacity(text.as_bytes(), fill).unwrap();
            assert_eq!(fast, slow, "fill {fill}");
        }
    }

    /// Bytes that are not UTF-8 anywhere, even after a whole value, in a later
    /// filling, or cut in the middle of a character at the end: ron judges the file.
    #[test]
    fn text_that_is_not_utf8_goes_to_ron_wherever_it_is() {
        let row = "(id: 1, name: \"客\", kind: Plain, flags: (true, true), list: [])";
        let (before, after) = row.split_once('客').unwrap();
        let cases: Vec<Vec<u8>> = vec![
            [row.as_bytes(), b"\n\xff\n"].concat(),
            [row.as_bytes(), b"\n  \xe5\xae"].concat(),
            [before.as_bytes(), b"\xc3", after.as_bytes()].concat(),
            [
                b"[\n".as_slice(),
                row.as_bytes(),
                b",\n",
                before.as_bytes(),
                b"\xe5\xae",
                after.as_bytes(),
                b"\n]",
            ]
            .concat(),
        ];
        for bytes in cases {
            assert!(std::str::from_utf8(&bytes).is_err());
            for fill in [1, 64 * 1024] {
                let fast = if bytes.starts_with(b"[") {
                    from_reader_with_capacity::<Vec<Row>>(&bytes[..], fill).map(|_| ())
                } else {
                    from_reader_with_capacity::<Row>(&bytes[..], fill).map(|_| ())
                };
                assert_eq!(fast, Err(Unsupported), "{bytes:?}, fill {fill}");
            }
        }
    }

    #[test]
    fn gives_up_on_what_only_ron_may_judge() {
        for text in [
            "(id: 1, name: \"a\", kind: Plain, flags: (true, true), list: []) // note",
            "(id: 0x1, name: \"a\", kind: Plain, flags: (true, true), list: [])",
            "(id: 01, name: \"a\", kind: Plain, flags: (true, true), list: [])",
            "(id: 1, name: r\"a\", kind: Plain, flags: (true, true), list: [])",
            "(id: 1, name: \"a\", kind: Plain, flags: (true, true), list: [], extra: 1)",
            "(id: 1, name: \"a\", kind: Plain, flags: (true, true), list: [256])",
            "(id: 1, name: \"a\", kind: Plain, flags: (true, true), list: []) trailing",
            "(id: 1, name: \"a\", kind: Plain, maybe: 5, flags: (true, true), list: [])",
            "(id: 1, name: \"a\nb\", kind: Plain, flags: (true, true), list: [])",
            // A space before the colon (the written form has none).
            "(id : 1, name: \"a\", kind: Plain, flags: (true, true), list: [])",
        ] {
            assert_eq!(from_str::<Row>(text), Err(Unsupported), "{text}");
        }
    }
}
