//! Code-point spans into a document's `body`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-empty `[start, end)` range of Unicode code points into `Doc::body`.
///
/// Every annotation in rasd points into the cleaned body with one of these, so a
/// user's tool (Python slicing, JavaScript `Array.from(body)`) can cut the same
/// text out again. The constructor rejects empty and reversed ranges once, for all
/// callers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

impl Span {
    /// A span, or `None` when `start >= end`.
    pub fn try_new(start: u32, end: u32) -> Option<Span> {
        (start < end).then_some(Span { start, end })
    }

    /// A span; panics when `start >= end` (a bug in the caller, never in the input).
    #[track_caller]
    pub fn new(start: u32, end: u32) -> Span {
        assert!(start < end, "empty or reversed span [{start}, {end})");
        Span { start, end }
    }

    /// Number of code points.
    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    /// Always false: spans are never empty.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(d)?;
        Span::try_new(start, end)
            .ok_or_else(|| serde::de::Error::custom(format!("empty span [{start}, {end})")))
    }
}

/// Maps code-point offsets of a string to byte offsets, so spans can be sliced.
///
/// Built once per body by [`crate::Doc::set_body`]; no stage converts offsets itself.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Byte offset of each code point, plus one sentinel equal to the byte length.
    bytes: Vec<u32>,
}

impl CharIndex {
    /// Index the code points of `s`.
    pub fn new(s: &str) -> CharIndex {
        let mut bytes = Vec::with_capacity(s.len() / 2 + 1);
        bytes.extend(s.char_indices().map(|(b, _)| b as u32));
        bytes.push(s.len() as u32);
        CharIndex { bytes }
    }

    /// An index from the byte offset of each code point plus a final sentinel equal to
    /// the byte length (as a single pass over the text can record them).
    pub fn from_offsets(bytes: Vec<u32>) -> CharIndex {
        CharIndex { bytes }
    }

    /// Number of code points indexed.
    pub fn len(&self) -> u32 {
        (self.bytes.len().saturating_sub(1)) as u32
    }

    /// Whether the indexed string is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Byte offset of code point `cp` (the byte length for `cp == len`).
    pub fn byte(&self, cp: u32) -> usize {
        self.bytes[cp.min(self.len()) as usize] as usize
    }

    /// Code-point offset of byte offset `b`, which must sit on a char boundary.
    pub fn char_of_byte(&self, b: usize) -> u32 {
        match self.bytes.binary_search(&(b as u32)) {
            Ok(i) => i as u32,
            Err(i) => i as u32,
        }
    }

    /// The byte range of a span.
    pub fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        self.byte(span.start)..self.byte(span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty() {
        assert!(Span::try_new(3, 3).is_none());
        assert!(Span::try_new(4, 3).is_none());
        assert_eq!(Span::try_new(3, 4), Some(Span { start: 3, end: 4 }));
    }

    #[test]
    fn char_index_round_trip() {
        let s = "قال a حفتر";
        let ix = CharIndex::new(s);
        assert_eq!(ix.len(), s.chars().count() as u32);
        let span = Span::new(6, 10);
        assert_eq!(&s[ix.byte_range(span)], "حفتر");
        assert_eq!(ix.char_of_byte(ix.byte(6)), 6);
    }

    #[test]
    fn serializes_as_pair() {
        let j = serde_json::to_string(&Span::new(1, 5)).unwrap();
        assert_eq!(j, "[1,5]");
        assert!(serde_json::from_str::<Span>("[5,5]").is_err());
    }
}
