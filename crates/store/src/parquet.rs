//! A lean Parquet writer: one row group, one uncompressed PLAIN data page (v1) per
//! column, optional columns of text, 64-bit integers or doubles, and the footer in
//! Thrift's compact protocol.
//!
//! Why not the `parquet` crate: with its default features off it still pulls thrift,
//! twox-hash, half, num and bytes, and with arrow it is one of the heaviest builds of
//! the ecosystem; an export of a few flat columns needs about two hundred lines. The
//! layout follows the Parquet format specification (apache/parquet-format,
//! `parquet.thrift`); pandas/pyarrow, DuckDB and R's arrow read the files.

use std::io::Write;

/// The physical and logical type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text (BYTE_ARRAY, logical type STRING).
    Text,
    /// 64-bit integer.
    Int64,
    /// IEEE double.
    Double,
}

/// Thrift compact protocol, write side.
#[derive(Default)]
struct Thrift {
    buf: Vec<u8>,
    last: Vec<i16>,
}

const I32: u8 = 5;
const I64: u8 = 6;
const BINARY: u8 = 8;
const LIST: u8 = 9;
const STRUCT: u8 = 12;

impl Thrift {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn field(&mut self, id: i16, ty: u8) {
        let last = self.last.last().copied().unwrap_or(0);
        let delta = id - last;
        if (1..=15).contains(&delta) {
            self.buf.push(((delta as u8) << 4) | ty);
        } else {
            self.buf.push(ty);
            self.zigzag(i64::from(id));
        }
        if let Some(l) = self.last.last_mut() {
            *l = id;
        }
    }

    fn i32(&mut self, id: i16, v: i32) {
        self.field(id, I32);
        self.zigzag(i64::from(v));
    }

    fn i64(&mut self, id: i16, v: i64) {
        self.field(id, I64);
        self.zigzag(v);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    fn string(&mut self, id: i16, s: &str) {
        self.field(id, BINARY);
        self.bytes(s.as_bytes());
    }

    fn list_header(&mut self, id: i16, elem: u8, n: usize) {
        self.field(id, LIST);
        if n < 15 {
            self.buf.push(((n as u8) << 4) | elem);
        } else {
            self.buf.push(0xf0 | elem);
            self.varint(n as u64);
        }
    }

    fn begin(&mut self, id: Option<i16>) {
        if let Some(id) = id {
            self.field(id, STRUCT);
        }
        self.last.push(0);
    }

    fn end(&mut self) {
        self.buf.push(0);
        self.last.pop();
    }
}

/// Definition levels (0 null, 1 present) as one RLE/bit-packed hybrid run of width 1,
/// with its 4-byte length prefix.
fn def_levels(present: &[bool]) -> Vec<u8> {
    let groups = present.len().div_ceil(8);
    let mut t = Thrift::default();
    t.varint(((groups as u64) << 1) | 1);
    for g in present.chunks(8) {
        let mut b = 0u8;
        for (i, p) in g.iter().enumerate() {
            if *p {
                b |= 1 << i;
            }
        }
        t.buf.push(b);
    }
    let mut out = (t.buf.len() as u32).to_le_bytes().to_vec();
    out.extend(t.buf);
    out
}

/// Write rows of text fields as a Parquet file; an empty field (or one that does not
/// parse as its column's number) is null.
pub fn write(
    out: &mut dyn Write,
    columns: &[(&str, Kind)],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut file: Vec<u8> = b"PAR1".to_vec();
    let mut chunks = Vec::new();
    for (ci, (_, kind)) in columns.iter().enumerate() {
        let mut present = Vec::with_capacity(rows.len());
        let mut values = Vec::new();
        for r in rows {
            let f = r.get(ci).map(String::as_str).unwrap_or("");
            let ok = match kind {
                Kind::Text if !f.is_empty() => {
                    values.extend_from_slice(&(f.len() as u32).to_le_bytes());
                    values.extend_from_slice(f.as_bytes());
                    true
                }
                Kind::Int64 => match f.parse::<i64>() {
                    Ok(v) => {
                        values.extend_from_slice(&v.to_le_bytes());
                        true
                    }
                    Err(_) => false,
                },
                Kind::Double => match f.parse::<f64>() {
                    Ok(v) if v.is_finite() => {
                        values.extend_from_slice(&v.to_le_bytes());
                        true
                    }
                    _ => false,
                },
                Kind::Text => false,
            };
            present.push(ok);
        }
        let mut page = def_levels(&present);
        page.extend(values);
        let mut h = Thrift::default();
        h.begin(None);
        h.i32(1, 0); // DATA_PAGE
        h.i32(2, page.len() as i32);
        h.i32(3, page.len() as i32);
        h.begin(Some(5));
        h.i32(1, rows.len() as i32);
        h.i32(2, 0); // PLAIN
        h.i32(3, 3); // RLE definition levels
        h.i32(4, 3); // RLE repetition levels (none: max level 0)
        h.end();
        h.end();
        let offset = file.len() as i64;
        let size = (h.buf.len() + page.len()) as i64;
        file.extend(h.buf);
        file.extend(page);
        chunks.push((offset, size));
    }
    let physical = |k: Kind| match k {
        Kind::Text => 6,
        Kind::Int64 => 2,
        Kind::Double => 5,
    };
    let mut m = Thrift::default();
    m.begin(None);
    m.i32(1, 1);
    m.list_header(2, STRUCT, columns.len() + 1);
    m.begin(None);
    m.string(4, "schema");
    m.i32(5, columns.len() as i32);
    m.end();
    for (name, kind) in columns {
        m.begin(None);
        m.i32(1, physical(*kind));
        m.i32(3, 1); // OPTIONAL
        m.string(4, name);
        if *kind == Kind::Text {
            m.i32(6, 0); // converted type UTF8
            m.begin(Some(10)); // logical type
            m.begin(Some(1)); // STRING
            m.end();
            m.end();
        }
        m.end();
    }
    m.i64(3, rows.len() as i64);
    m.list_header(4, STRUCT, 1);
    m.begin(None);
    m.list_header(1, STRUCT, columns.len());
    let mut total = 0;
    for ((name, kind), (offset, size)) in columns.iter().zip(&chunks) {
        total += size;
        m.begin(None);
        m.i64(2, *offset);
        m.begin(Some(3));
        m.i32(1, physical(*kind));
        m.list_header(2, I32, 2);
        m.zigzag(0);
        m.zigzag(3);
        m.list_header(3, BINARY, 1);
        m.bytes(name.as_bytes());
        m.i32(4, 0); // UNCOMPRESSED
        m.i64(5, rows.len() as i64);
        m.i64(6, *size);
        m.i64(7, *size);
        m.i64(9, *offset);
        m.end();
        m.end();
    }
    m.i64(2, total);
    m.i64(3, rows.len() as i64);
    m.end();
    m.string(6, concat!("rasd version ", env!("CARGO_PKG_VERSION")));
    m.end();
    file.extend_from_slice(&m.buf);
    file.extend_from_slice(&(m.buf.len() as u32).to_le_bytes());
    file.extend_from_slice(b"PAR1");
    out.write_all(&file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_protocol_basics() {
        let mut t = Thrift::default();
        t.begin(None);
        t.i32(1, -1);
        t.i64(20, 300);
        t.end();
        // field 1 delta 1 type i32 = 0x15, zigzag(-1) = 1; field 20 long form: 0x06, zigzag(20)=40, zigzag(300)=600.
        assert_eq!(t.buf, [0x15, 0x01, 0x06, 40, 0xd8, 0x04, 0x00]);
    }

    #[test]
    fn levels_pack_lsb_first() {
        assert_eq!(
            def_levels(&[true, false, true]),
            vec![2, 0, 0, 0, 0x03, 0b101]
        );
    }

    #[test]
    fn file_is_framed() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["a".to_string(), "1.5".into()],
            vec![String::new(), "x".into()],
        ];
        write(&mut out, &[("t", Kind::Text), ("d", Kind::Double)], &rows).unwrap();
        assert_eq!(&out[..4], b"PAR1");
        assert_eq!(&out[out.len() - 4..], b"PAR1");
        let n = u32::from_le_bytes(out[out.len() - 8..out.len() - 4].try_into().unwrap()) as usize;
        assert!(n < out.len());
    }
}
