//! A fast writer of the RON that SalesDesk writes: byte for byte what
//! `ron::ser::to_string_pretty` makes with [`super::files::pretty`] (two-space indent,
//! records inline below the depth limit, no extensions), about four times faster.
//!
//! Like the fast reader it only knows that form: structs, lists, tuples, enums,
//! options, integers, booleans and strings with the escapes of `char::escape_debug`.
//! A float, a char, bytes, a map or an identifier that ron would write raw (`r#…`) is
//! [`Unsupported`], and the caller asks ron for the whole file instead. Tests hold the
//! two writers to the same bytes on every file of the demo and on random strings.

use super::fast_ron::Unsupported;
use serde::ser::{self, Serialize};

type Result<T> = std::result::Result<T, Unsupported>;

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

/// `value` as `ron::ser::to_string_pretty(value, files::pretty(depth))` writes it, or
/// Unsupported when it holds something outside the written form.
pub fn to_string<T: Serialize + ?Sized>(value: &T, depth: usize) -> Result<String> {
    let mut w = Writer {
        out: String::with_capacity(4096),
        depth,
        indent: 0,
        is_empty: None,
        nesting: 0,
        plain_seen: [(0, 0); 64],
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// Deeper than this is left to ron (whose recursion limit is 128).
const MAX_NESTING: usize = 100;

struct Writer {
    out: String,
    /// `PrettyConfig::depth_limit`: compounds this deep or less break their lines.
    depth: usize,
    /// How many line-breaking compounds (lists, structs) are open.
    indent: usize,
    /// What ron's serializer keeps as `is_empty`: set by a list or struct as it opens
    /// (when its length is known), cleared when one closes.
    is_empty: Option<bool>,
    nesting: usize,
    /// Address and length of names already found plain (see `identifier`).
    plain_seen: [(usize, usize); 64],
}

impl Writer {
    fn pretty_here(&self) -> bool {
        self.indent <= self.depth
    }

    fn write_indent(&mut self) {
        if self.pretty_here() {
            for _ in 0..self.indent {
                self.out.push_str("  ");
            }
        }
    }

    fn start_indent(&mut self) -> Result<()> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(Unsupported);
        }
        self.indent += 1;
        if self.pretty_here() && !self.is_empty.unwrap_or(false) {
            self.out.push('\n');
        }
        Ok(())
    }

    fn end_indent(&mut self) {
        if self.pretty_here() && !self.is_empty.unwrap_or(false) {
            for _ in 1..self.indent {
                self.out.push_str("  ");
            }
        }
        self.indent -= 1;
        self.nesting -= 1;
        self.is_empty = None;
    }

    /// Between two elements of a list or fields of a struct.
    fn separate(&mut self) {
        self.out.push(',');
        if self.pretty_here() {
            self.out.push('\n');
        } else {
            self.out.push(' ');
        }
    }

    /// After the last element, before the closing bracket.
    fn close(&mut self, first: bool, bracket: char) {
        if !first && self.pretty_here() {
            self.out.push_str(",\n");
        }
        self.end_indent();
        self.out.push(bracket);
    }

    /// A field or variant name, which ron writes as is when it is a plain identifier.
    fn identifier(&mut self, name: &'static str) -> Result<()> {
        // Names are the same few dozen `&'static str` again and again (every field of
        // every record): one found plain is known by its address from then on.
        let key = (name.as_ptr() as usize, name.len());
        let slot = &mut self.plain_seen[(key.0 >> 3) % self.plain_seen.len()];
        if *slot != key {
            plain_identifier(name)?;
            *slot = key;
        }
        self.out.push_str(name);
        Ok(())
    }

    fn unsigned(&mut self, mut v: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.out
            .push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
    }

    fn signed(&mut self, v: i64) {
        if v < 0 {
            self.out.push('-');
        }
        self.unsigned(v.unsigned_abs());
    }

    /// `"…"` with every char as `char::escape_debug` writes it (ron's escaping). Runs of
    /// characters that stand for themselves are copied whole.
    fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut run = 0;
        for (i, c) in s.char_indices() {
            let plain = match c {
                '"' | '\\' | '\'' => false,
                ' '..='~' => true,
                c if c.is_ascii() => false,
                // Most text is Chinese: skip the printable-table lookup for it.
                c if stands_for_itself(c) => true,
                c => c.escape_debug().len() == 1,
            };
            if !plain {
                self.out.push_str(&s[run..i]);
                for e in c.escape_debug() {
                    self.out.push(e);
                }
                run = i + c.len_utf8();
            }
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }
}

/// CJK ideographs and full-width forms, which `escape_debug` leaves as they are (a test
/// checks every one of them).
fn stands_for_itself(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{FF01}'..='\u{FF5E}' | '\u{3001}'..='\u{3003}')
}

/// `name` when ron writes it without `r#` (and accepts it at all), else Unsupported.
fn plain_identifier(name: &str) -> Result<&str> {
    // Called for every field of every record: a table lookup per byte, and the keyword
    // list only for names that start like one.
    let b = name.as_bytes();
    let plain = match b.split_first() {
        Some((first, rest)) => {
            IDENT_START[usize::from(*first)] && rest.iter().all(|&c| IDENT[usize::from(c)])
        }
        None => false,
    };
    let keyword = matches!(b.first(), Some(b't' | b'f' | b'S' | b'N' | b'i' | b'_'))
        && matches!(
            name,
            "true"
                | "false"
                | "Some"
                | "None"
                | "inf"
                | "inff32"
                | "inff64"
                | "NaN"
                | "NaNf32"
                | "NaNf64"
                | "_"
        );
    if plain && !keyword {
        Ok(name)
    } else {
        Err(Unsupported)
    }
}

/// The bytes a plain identifier may start with, and hold.
const IDENT_START: [bool; 256] = byte_table(false);
const IDENT: [bool; 256] = byte_table(true);

const fn byte_table(digits: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphabetic() || c == b'_' || (digits && c.is_ascii_digit());
        i += 1;
    }
    t
}

/// A struct or enum name: ron only checks it (an odd one is an error there).
fn checked_name(name: &str) -> Result<()> {
    plain_identifier(name).map(|_| ())
}

/// An open list, tuple or struct; `first` until an element is written.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.signed(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.unsigned(v);
        Ok(())
    }
    // Not in the written form: ron writes these.
    fn serialize_f32(self, _v: f32) -> Result<()> {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Result<()> {
        Err(Unsupported)
    }
    fn serialize_char(self, _v: char) -> Result<()> {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<()> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unsupported)
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.string(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<()> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<()> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<()> {
        checked_name(name)?;
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        checked_name(name)?;
        self.identifier(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        checked_name(name)?;
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        checked_name(name)?;
        self.identifier(variant)?;
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.out.push('[');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent()?;
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        self.out.push('(');
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        checked_name(name)?;
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        checked_name(name)?;
        self.identifier(variant)?;
        self.serialize_tuple(len)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        checked_name(name)?;
        self.out.push('(');
        self.is_empty = Some(len == 0);
        self.start_indent()?;
        Ok(Compound {
            w: self,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        checked_name(name)?;
        self.identifier(variant)?;
        self.serialize_struct(name, len)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        if !std::mem::take(&mut self.first) {
            self.w.separate();
        }
        self.w.write_indent();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        self.w.close(self.first, ']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        if !std::mem::take(&mut self.first) {
            self.w.out.push_str(", ");
        }
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        self.w.out.push(')');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeTuple::serialize_element(self, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeTuple::serialize_element(self, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeTuple::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        if !std::mem::take(&mut self.first) {
            self.w.separate();
        }
        self.w.write_indent();
        self.w.identifier(key)?;
        self.w.out.push_str(": ");
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        self.w.close(self.first, ')');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeStruct::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn ron(value: &impl Serialize, depth: usize) -> String {
        ron::ser::to_string_pretty(value, super::super::files::pretty(depth)).unwrap()
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Tagged(u32),
        Pair(i8, bool),
        Named { a: u8, list: Vec<u8> },
    }

    #[derive(Serialize)]
    struct Empty {}

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Wrap(u16);

    #[derive(Serialize)]
    struct Row {
        id: u64,
        name: String,
        kinds: Vec<Kind>,
        maybe: Option<i64>,
        nested: Option<Option<Vec<Empty>>>,
        pair: (bool, Unit, Wrap),
        rows: Vec<Vec<u8>>,
        empty: Vec<u8>,
    }

    #[derive(Serialize)]
    struct File {
        table: Vec<Row>,
        next_id: u64,
        none: Vec<Empty>,
    }

    fn sample(name: &str) -> File {
        let row = |id: u64| Row {
            id,
            name: name.to_string(),
            kinds: vec![
                Kind::Plain,
                Kind::Tagged(7),
                Kind::Pair(-128, true),
                Kind::Named {
                    a: 255,
                    list: vec![],
                },
            ],
            maybe: Some(i64::MIN),
            nested: Some(Some(vec![Empty {}])),
            pair: (false, Unit, Wrap(65535)),
            rows: vec![vec![], vec![1, 2]],
            empty: vec![],
        };
        File {
            table: vec![row(0), row(u64::MAX)],
            next_id: 3,
            none: vec![],
        }
    }

    /// Every shape the written form has, at every depth limit: the same bytes as ron.
    #[test]
    fn writes_what_ron_writes_at_every_depth() {
        for depth in 0..6 {
            let value = sample("客户 \"A\" \\ 'q' \n\t\r\0 \u{7f} \u{200b} é\u{301} 🙂 \u{202e}");
            assert_eq!(
                to_string(&value, depth).unwrap(),
                ron(&value, depth),
                "{depth}"
            );
        }
    }

    /// Strings with every kind of character ron escapes, built from a seed.
    #[test]
    fn strings_are_escaped_as_ron_escapes_them() {
        let pool: Vec<char> = "a Z~\"\\'\n\r\t\0\u{1}\u{7f}\u{80}\u{a0}\u{ad}é\u{301}\u{300}中文\u{3000}\u{feff}\u{200d}\u{e000}\u{10ffff}🙂\u{1f3fb}"
            .chars()
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..500 {
            let text: String = (0..12)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pool[(seed % pool.len() as u64) as usize]
                })
                .collect();
            assert_eq!(to_string(&text, 3).unwrap(), ron(&text, 3), "{text:?}");
        }
    }

    #[test]
    fn the_chinese_shortcut_holds_only_chars_that_stand_for_themselves() {
        let all = ('\u{3000}'..='\u{FFFF}').filter(|c| stands_for_itself(*c));
        for c in all {
            assert_eq!(c.escape_debug().len(), 1, "{:x}", c as u32);
        }
    }

    #[test]
    fn leaves_to_ron_what_it_does_not_write() {
        assert_eq!(to_string(&1.5f64, 3), Err(Unsupported));
        assert_eq!(to_string(&'x', 3), Err(Unsupported));
        let map: std::collections::BTreeMap<u8, u8> = [(1, 2)].into();
        assert_eq!(to_string(&map, 3), Err(Unsupported));
        #[derive(Serialize)]
        #[allow(non_snake_case)]
        struct Odd {
            None: u8,
        }
        assert_eq!(to_string(&Odd { None: 1 }, 3), Err(Unsupported));
    }
}
