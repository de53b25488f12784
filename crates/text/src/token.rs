//! The tokenizer: words, numbers, Latin words, punctuation and symbols, found on
//! the matching form and mapped back to body spans.
//!
//! Numbers keep internal separators (`1,200`, `3.5`) but a slash splits
//! (`4 أبريل/نيسان` gives `أبريل`, `/`, `نيسان`). Letters of the Arabic script and
//! digits never share a token (`2019م` is `2019` and `م`).

use rasd_model::{Clitics, FormRange, Normalized, Span, Token, TokenKind};

/// Character classes the tokenizer distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Space,
    Arabic,
    Latin,
    Digit,
    Punct,
    Symbol,
}

/// The tokenizer class of a (folded) character.
#[inline]
pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Latin,
            '0'..='9' => Class::Digit,
            ' ' | '\n' | '\t' | '\r' | '\x0b' | '\x0c' => Class::Space,
            '%' | '+' | '$' | '#' | '@' | '&' | '*' | '=' | '<' | '>' | '|' | '~' | '^' => {
                Class::Symbol
            }
            c if c.is_ascii_control() => Class::Space,
            _ => Class::Punct,
        };
    }
    match c as u32 {
        0x0621..=0x064A | 0x066E..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FF => {
            Class::Arabic
        }
        0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Class::Arabic,
        0x0600..=0x06FF => Class::Punct,
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphanumeric() => Class::Latin,
        0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F => Class::Punct,
        _ => Class::Symbol,
    }
}

/// The longest token, in bytes of the form; a longer run (a 10 MB line of letters)
/// is cut into pieces so that no later stage meets an unbounded token.
pub const MAX_TOKEN_BYTES: usize = 256;

/// The class of every code point below U+0800, computed once.
fn low_classes() -> &'static [Class] {
    static TABLE: std::sync::OnceLock<Vec<Class>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x800u32)
            .map(|u| char::from_u32(u).map_or(Class::Symbol, class))
            .collect()
    })
}

/// The class and UTF-8 length of the character at byte `i`.
#[inline(always)]
fn class_at(form: &str, table: &[Class], i: usize) -> (Class, usize) {
    let b = form.as_bytes();
    let x = b[i];
    if x < 0x80 {
        (table[x as usize], 1)
    } else if x < 0xE0 {
        let u = (usize::from(x & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
        (table[u], 2)
    } else {
        let c = form[i..].chars().next().unwrap_or(' ');
        (class(c), c.len_utf8())
    }
}

/// Split a matching form into tokens. Clitics are left unsplit (`core == form`);
/// [`crate::clitic::Segmenter`] fills them in.
///
/// This is the plain reference implementation; [`crate::Analyzer`] tokenizes while it
/// normalizes ([`TokenStream`]), and a property test checks that both agree.
pub fn tokenize(norm: &Normalized, out: &mut Vec<Token>) {
    let form = norm.form.as_str();
    let bytes = form.as_bytes();
    let table = low_classes();
    out.reserve(bytes.len() / 8);
    let mut i = 0usize;
    while i < bytes.len() {
        let start = i;
        let (cl, len) = class_at(form, table, i);
        i += len;
        let kind = match cl {
            Class::Space => continue,
            // A hashtag's mark is not a word of the sentence (`في #سوريا`).
            Class::Symbol if bytes[start] == b'#' && hashtag_next(form, table, i) => continue,
            Class::Arabic | Class::Latin => {
                while i < bytes.len() && i - start < MAX_TOKEN_BYTES {
                    let (k, l) = class_at(form, table, i);
                    let same = k == cl || (cl == Class::Latin && k == Class::Digit);
                    if !same {
                        break;
                    }
                    i += l;
                }
                if cl == Class::Arabic {
                    TokenKind::Word
                } else {
                    TokenKind::Latin
                }
            }
            Class::Digit => {
                while i < bytes.len() && i - start < MAX_TOKEN_BYTES {
                    let x = bytes[i];
                    // A separator counts only between two digits.
                    let sep = (x == b'.' || x == b',')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                    if !x.is_ascii_digit() && !sep {
                        break;
                    }
                    i += 1;
                }
                TokenKind::Number
            }
            Class::Punct => TokenKind::Punct,
            Class::Symbol => TokenKind::Symbol,
        };
        let range = FormRange::new(start as u32, i as u32);
        if let Some(span) = norm.range_to_body(range) {
            out.push(Token {
                span,
                kind,
                form: range,
                core: range,
                clitics: Clitics::default(),
            });
        }
    }
}

/// Whether the character at byte `i` is an Arabic letter (a `#` before it marks a
/// hashtag).
fn hashtag_next(form: &str, table: &[Class], i: usize) -> bool {
    i < form.len() && class_at(form, table, i).0 == Class::Arabic
}

/// The tokenizer as a stream: fed each folded character as the normalizer emits it,
/// it closes a token when the next character cannot extend it, so a token's body span
/// runs up to the next emitted character (dropped diacritics stay with their word).
#[derive(Debug)]
pub(crate) struct TokenStream<'a> {
    out: &'a mut Vec<Token>,
    /// The open token: class, form start, body start.
    open: Option<(Class, usize, u32)>,
    /// A `.` or `,` after digits, waiting to see whether a digit follows: form offset
    /// and code point.
    sep: Option<(usize, u32)>,
    /// Whether the open token is a `#`, dropped when an Arabic letter follows it.
    hash: bool,
}

impl<'a> TokenStream<'a> {
    pub(crate) fn new(out: &'a mut Vec<Token>) -> TokenStream<'a> {
        TokenStream {
            out,
            open: None,
            sep: None,
            hash: false,
        }
    }

    fn push(&mut self, class: Class, form: (usize, usize), cps: (u32, u32)) {
        let kind = match class {
            Class::Arabic => TokenKind::Word,
            Class::Latin => TokenKind::Latin,
            Class::Digit => TokenKind::Number,
            Class::Punct => TokenKind::Punct,
            Class::Symbol | Class::Space => TokenKind::Symbol,
        };
        let range = FormRange::new(form.0 as u32, form.1 as u32);
        let span = Span::new(cps.0, cps.1.max(cps.0 + 1));
        self.out.push(Token {
            span,
            kind,
            form: range,
            core: range,
            clitics: Clitics::default(),
        });
    }

    /// Close the open token (and a pending separator) before form offset `o`, code point `cp`.
    fn close(&mut self, o: usize, cp: u32) {
        if let Some((class, fs, cs)) = self.open.take() {
            match self.sep.take() {
                Some((so, scp)) => {
                    self.push(class, (fs, so), (cs, scp));
                    self.push(Class::Punct, (so, so + 1), (scp, cp));
                }
                None => self.push(class, (fs, o), (cs, cp)),
            }
        }
    }

    /// One emitted character: its class, its form bytes `[o, o_end)`, its code point, and
    /// its first byte.
    #[inline(always)]
    pub(crate) fn feed(&mut self, class: Class, o: usize, cp: u32, first_byte: u8) {
        if let Some((open, fs, _)) = self.open {
            let room = o - fs < MAX_TOKEN_BYTES;
            let extends = room
                && match (open, class) {
                    (Class::Arabic, Class::Arabic)
                    | (Class::Latin, Class::Latin | Class::Digit) => true,
                    (Class::Digit, Class::Digit) => {
                        self.sep = None;
                        true
                    }
                    (Class::Digit, Class::Punct)
                        if self.sep.is_none() && (first_byte == b'.' || first_byte == b',') =>
                    {
                        self.sep = Some((o, cp));
                        return;
                    }
                    _ => false,
                };
            if extends {
                return;
            }
            if self.hash && class == Class::Arabic {
                self.open = None;
            } else {
                self.close(o, cp);
            }
        }
        // Punctuation and symbols open single-character tokens: nothing extends them.
        self.hash = class == Class::Symbol && first_byte == b'#';
        if class != Class::Space {
            self.open = Some((class, o, cp));
        }
    }

    /// End of text at form length `o`, code-point count `cp`.
    pub(crate) fn finish(mut self, o: usize, cp: u32) {
        self.close(o, cp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Normalizer;

    fn toks(s: &str) -> Vec<(String, TokenKind)> {
        let norm = Normalizer::matching().normalize(s);
        let mut v = Vec::new();
        tokenize(&norm, &mut v);
        v.iter()
            .map(|t| (norm.slice(t.form).to_string(), t.kind))
            .collect()
    }

    #[test]
    fn splits_kinds() {
        use TokenKind::*;
        assert_eq!(
            toks("ومنذ 4 أبريل/نيسان، قُتل 1,200 (3.5%) BBC."),
            vec![
                ("ومنذ".into(), Word),
                ("4".into(), Number),
                ("ابريل".into(), Word),
                ("/".into(), Punct),
                ("نيسان".into(), Word),
                (",".into(), Punct),
                ("قتل".into(), Word),
                ("1,200".into(), Number),
                ("(".into(), Punct),
                ("3.5".into(), Number),
                ("%".into(), Symbol),
                (")".into(), Punct),
                ("bbc".into(), Latin),
                (".".into(), Punct),
            ]
        );
    }

    #[test]
    fn hashtag_mark_is_no_token() {
        let t = toks("في #سوريا و# 5");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, vec!["في", "سوريا", "و", "#", "5"]);
    }

    #[test]
    fn digits_and_letters_split() {
        let t = toks("2019م و٢٠ 2019.");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, vec!["2019", "م", "و", "20", "2019", "."]);
    }
}
