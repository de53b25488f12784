//! Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or a clear
//! NUL pattern), Windows-1256 when the bytes are not UTF-8 and decode to Arabic.
//! Binary, truncated and undecodable inputs are rejected with a reason.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

use crate::Reason;

/// The encoding an input was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little endian.
    Utf16Le,
    /// UTF-16 big endian.
    Utf16Be,
    /// Windows-1256 (Arabic).
    Windows1256,
    /// UTF-8 with a few invalid sequences, each replaced by U+FFFD.
    Utf8Lossy {
        /// How many invalid sequences were replaced.
        replaced: u32,
        /// Byte offset of the first.
        first: usize,
    },
}

impl Charset {
    /// The encoding's usual name.
    pub fn name(&self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Utf8Bom => "UTF-8 (BOM)",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
            Charset::Windows1256 => "windows-1256",
            Charset::Utf8Lossy { .. } => "UTF-8 (repaired)",
        }
    }
}

/// Valid multi-byte characters and invalid sequences in bytes that are meant as UTF-8.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (multibyte, invalid)
}

/// Decode an input's bytes to text.
pub fn decode(bytes: &[u8]) -> Result<(String, Charset), Reason> {
    if bytes.is_empty() {
        return Err(Reason::Empty);
    }
    let (text, cs) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest)?, Charset::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, UTF_16LE)?, Charset::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, UTF_16BE)?, Charset::Utf16Be)
    } else if let Some(enc) = sniff_utf16(bytes) {
        let cs = if enc == UTF_16LE {
            Charset::Utf16Le
        } else {
            Charset::Utf16Be
        };
        (utf16(bytes, enc)?, cs)
    } else {
        if let Some(i) = memchr::memchr(0, bytes) {
            return Err(Reason::Binary(format!("NUL byte at offset {i}")));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Charset::Utf8),
            Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
                return Err(Reason::Truncated(e.valid_up_to()));
            }
            Err(e) => {
                let (multibyte, invalid) = utf8_census(bytes);
                if invalid * 8 < multibyte {
                    // UTF-8 with a few stray bytes (a scraper's slip), not another encoding.
                    let replaced = invalid.min(u32::MAX as usize) as u32;
                    (
                        String::from_utf8_lossy(bytes).into_owned(),
                        Charset::Utf8Lossy {
                            replaced,
                            first: e.valid_up_to(),
                        },
                    )
                } else {
                    match windows_1256(bytes) {
                        Some(s) => (s, Charset::Windows1256),
                        None => return Err(Reason::Undecodable(e.valid_up_to())),
                    }
                }
            }
        }
    };
    check_text(&text)?;
    Ok((text, cs))
}

fn utf8(bytes: &[u8]) -> Result<String, Reason> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) if e.error_len().is_none() => Err(Reason::Truncated(e.valid_up_to() + 3)),
        Err(e) => Err(Reason::Undecodable(e.valid_up_to() + 3)),
    }
}

fn utf16(bytes: &[u8], enc: &'static Encoding) -> Result<String, Reason> {
    if bytes.len() % 2 == 1 {
        return Err(Reason::Truncated(bytes.len()));
    }
    let (s, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Reason::Binary(format!("malformed {}", enc.name())));
    }
    Ok(s.into_owned())
}

/// UTF-16 without a BOM: most ASCII and Arabic code units have a zero or 0x06 high
/// byte, so one of the two byte lanes is dominated by those.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 8 {
        return None;
    }
    let lane = |odd: usize| {
        bytes[..n]
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0 || b == 6)
            .count()
            * 2
    };
    let (even, odd) = (lane(0), lane(1));
    if odd * 10 >= n * 9 && even * 10 < n * 3 {
        Some(UTF_16LE)
    } else if even * 10 >= n * 9 && odd * 10 < n * 3 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Windows-1256 text that is mostly Arabic letters, else `None`.
fn windows_1256(bytes: &[u8]) -> Option<String> {
    let (s, _, had_errors) = WINDOWS_1256.decode(bytes);
    if had_errors {
        return None;
    }
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                arabic += 1;
            }
        }
    }
    (letters > 0 && arabic * 2 >= letters).then(|| s.into_owned())
}

/// Reject decoded text that is empty or mostly control characters.
fn check_text(s: &str) -> Result<(), Reason> {
    if s.trim().is_empty() {
        return Err(Reason::Empty);
    }
    let mut total = 0usize;
    let mut control = 0usize;
    for c in s.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if control * 10 > total {
        return Err(Reason::Binary(format!(
            "{control} control characters in the first {total}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "قال المسماري إن الغارة استهدفت معسكراً في تاجوراء.";

    #[test]
    fn same_text_in_every_encoding() {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(AR.as_bytes());
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in AR.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let (w1256, _, _) = WINDOWS_1256.encode(AR);
        for (bytes, cs) in [
            (AR.as_bytes().to_vec(), Charset::Utf8),
            (bom, Charset::Utf8Bom),
            (le.clone(), Charset::Utf16Le),
            (be, Charset::Utf16Be),
            (le[2..].to_vec(), Charset::Utf16Le),
            (w1256.into_owned(), Charset::Windows1256),
        ] {
            let (s, got) = decode(&bytes).unwrap();
            assert_eq!(s, AR, "{cs:?}");
            assert_eq!(got, cs);
        }
    }

    #[test]
    fn rejects() {
        assert_eq!(decode(b""), Err(Reason::Empty));
        assert_eq!(decode(b"  \n "), Err(Reason::Empty));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0"),
            Err(Reason::Binary(_))
        ));
        let word = "تاجوراء";
        let cut = &word.as_bytes()[..word.len() - 1];
        assert!(matches!(decode(cut), Err(Reason::Truncated(_))));
        // Latin-1 French is not Arabic: not taken for Windows-1256.
        assert!(matches!(
            decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e"),
            Err(Reason::Undecodable(_))
        ));
    }

    #[test]
    fn stray_bytes_in_utf8_are_repaired_not_taken_for_1256() {
        let mut bytes = AR.as_bytes().to_vec();
        bytes.insert(6, 0xFF);
        let (s, cs) = decode(&bytes).unwrap();
        assert_eq!(
            cs,
            Charset::Utf8Lossy {
                replaced: 1,
                first: 6
            }
        );
        assert!(s.contains('\u{FFFD}'));
        assert!(s.contains("تاجوراء"));
    }
}
