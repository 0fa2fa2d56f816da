//! Any `Serialize` value as a small tree, keeping the one distinction a spreadsheet needs
//! that serde_json's `Value` loses: text the user wrote (`serialize_str`) against values
//! that print themselves (`collect_str`, which is how chrono writes a date). So a note
//! that happens to read "2026-01-01" stays text, and a real date becomes a date cell.

use serde::Serialize;
use serde::ser;
use std::fmt::Display;

/// One value of the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `None`, `()` and unit structs.
    Empty,
    Bool(bool),
    Int(i64),
    /// Unsigned values above `i64::MAX` (none are stored today; kept exact as text).
    BigUint(u64),
    Float(f64),
    /// Text as written (a `String` field).
    Text(String),
    /// A value written through `Display` (a date, a time).
    Shown(String),
    /// A unit enum variant, by name (`Won`, `NoBudget`).
    Variant(&'static str),
    /// A variant holding data: `Name(value)`.
    Wrapped(&'static str, Box<Node>),
    Seq(Vec<Node>),
    /// A struct (by its type name) or a map, field by field.
    Struct(&'static str, Vec<(String, Node)>),
}

impl Node {
    /// The value as one line of text: lists joined with "; ", a struct's fields with
    /// spaces (`Lead 2026-01-05`), nothing for empty.
    pub fn plain_text(&self) -> String {
        match self {
            Node::Empty => String::new(),
            Node::Bool(b) => b.to_string(),
            Node::Int(i) => i.to_string(),
            Node::BigUint(u) => u.to_string(),
            Node::Float(f) => f.to_string(),
            Node::Text(s) | Node::Shown(s) => s.clone(),
            Node::Variant(v) => snake_case(v),
            Node::Wrapped(v, inner) => format!("{} {}", snake_case(v), inner.plain_text()),
            Node::Seq(items) => join(items.iter().map(Node::plain_text), "; "),
            Node::Struct(_, fields) => join(fields.iter().map(|(_, n)| n.plain_text()), " "),
        }
    }
}

fn join(parts: impl Iterator<Item = String>, sep: &str) -> String {
    parts
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// `NoBudget` → `no_budget`: a variant's stable machine name, as `Stage::key` and
/// `LostReason::key` spell them (and import reads them).
pub fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The tree of `value`.
pub fn to_node<T: Serialize + ?Sized>(value: &T) -> Result<Node, Error> {
    value.serialize(NodeSer)
}

struct NodeSer;

/// A sequence or tuple being collected.
pub struct SeqSer(Vec<Node>, Option<&'static str>);
/// A struct or map being collected (a map's pending key in `.2`).
pub struct StructSer(
    &'static str,
    Vec<(String, Node)>,
    Option<String>,
    Option<&'static str>,
);

fn wrap(variant: Option<&'static str>, node: Node) -> Node {
    match variant {
        Some(v) => Node::Wrapped(v, Box::new(node)),
        None => node,
    }
}

impl ser::Serializer for NodeSer {
    type Ok = Node;
    type Error = Error;
    type SerializeSeq = SeqSer;
    type SerializeTuple = SeqSer;
    type SerializeTupleStruct = SeqSer;
    type SerializeTupleVariant = SeqSer;
    type SerializeMap = StructSer;
    type SerializeStruct = StructSer;
    type SerializeStructVariant = StructSer;

    fn serialize_bool(self, v: bool) -> Result<Node, Error> {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Error> {
        Ok(Node::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Error> {
        Ok(Node::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Error> {
        Ok(i64::try_from(v).map_or(Node::BigUint(v), Node::Int))
    }
    fn serialize_f32(self, v: f32) -> Result<Node, Error> {
        Ok(Node::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Node, Error> {
        Ok(Node::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Node, Error> {
        Ok(Node::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Error> {
        Ok(Node::Text(v.to_owned()))
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> Result<Node, Error> {
        Ok(Node::Shown(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, Error> {
        Ok(Node::Seq(
            v.iter().map(|b| Node::Int((*b).into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, Error> {
        Ok(Node::Empty)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Node, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Error> {
        Ok(Node::Empty)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Node, Error> {
        Ok(Node::Empty)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<Node, Error> {
        Ok(Node::Variant(v))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Node, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Node, Error> {
        Ok(Node::Wrapped(variant, Box::new(v.serialize(self)?)))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSer, Error> {
        Ok(SeqSer(Vec::with_capacity(len.unwrap_or(0)), None))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSer, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqSer, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqSer, Error> {
        Ok(SeqSer(Vec::with_capacity(len), Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<StructSer, Error> {
        Ok(StructSer("", Vec::new(), None, None))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<StructSer, Error> {
        Ok(StructSer(name, Vec::with_capacity(len), None, None))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<StructSer, Error> {
        Ok(StructSer(
            name,
            Vec::with_capacity(len),
            None,
            Some(variant),
        ))
    }
}

impl SeqSer {
    fn push<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.push(to_node(v)?);
        Ok(())
    }
    fn done(self) -> Result<Node, Error> {
        Ok(wrap(self.1, Node::Seq(self.0)))
    }
}

macro_rules! seq_impl {
    ($($tr:ident :: $f:ident),*) => {$(
        impl ser::$tr for SeqSer {
            type Ok = Node;
            type Error = Error;
            fn $f<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.push(v)
            }
            fn end(self) -> Result<Node, Error> {
                self.done()
            }
        }
    )*};
}
seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl StructSer {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result<(), Error> {
        self.1.push((key.to_owned(), to_node(v)?));
        Ok(())
    }
    fn done(self) -> Result<Node, Error> {
        Ok(wrap(self.3, Node::Struct(self.0, self.1)))
    }
}

impl ser::SerializeStruct for StructSer {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<Node, Error> {
        self.done()
    }
}

impl ser::SerializeStructVariant for StructSer {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        k: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(k, v)
    }
    fn end(self) -> Result<Node, Error> {
        self.done()
    }
}

impl ser::SerializeMap for StructSer {
    type Ok = Node;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.2 = Some(to_node(k)?.plain_text());
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self.2.take().unwrap_or_default();
        self.field(&key, v)
    }
    fn end(self) -> Result<Node, Error> {
        self.done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_shown_and_a_string_is_text() {
        let d: chrono::NaiveDate = "2026-03-01".parse().unwrap();
        assert_eq!(to_node(&d).unwrap(), Node::Shown("2026-03-01".into()));
        assert_eq!(
            to_node("2026-03-01").unwrap(),
            Node::Text("2026-03-01".into())
        );
        assert_eq!(to_node(&Some(3u8)).unwrap(), Node::Int(3));
        assert_eq!(to_node(&None::<u8>).unwrap(), Node::Empty);
    }
}
