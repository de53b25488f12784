//! The tokenizer: words, numbers, Latin words, punctuation and symbols, found on
//! the matching form and mapped back to body spans.
//!
//! Numbers keep internal separators (`1,200`, `3.5`) but a slash splits
//! (`4 أبريل/نيسان` gives `أبريل`, `/`, `نيسان`). Letters of the Arabic script and
//! digits never share a token (`2019م` is `2019` and `م`).

use rasd_model::{Clitics, FormRange, Normalized, Token, TokenKind};

/// Character classes the tokenizer distinguishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    Arabic,
    Latin,
    Digit,
    Punct,
    Symbol,
}

#[inline]
fn class(c: char) -> Class {
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

/// Split a matching form into tokens. Clitics are left unsplit (`core == form`);
/// [`crate::clitic::Segmenter`] fills them in.
pub fn tokenize(norm: &Normalized, out: &mut Vec<Token>) {
    let form = norm.form.as_str();
    let bytes = form.as_bytes();
    let mut it = form.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let cl = class(c);
        let mut end = start + c.len_utf8();
        let kind = match cl {
            Class::Space => continue,
            Class::Arabic => {
                while let Some(&(i, n)) = it.peek() {
                    if class(n) != Class::Arabic || i - start >= MAX_TOKEN_BYTES {
                        break;
                    }
                    end = i + n.len_utf8();
                    it.next();
                }
                TokenKind::Word
            }
            Class::Latin => {
                while let Some(&(i, n)) = it.peek() {
                    let k = class(n);
                    if (k != Class::Latin && k != Class::Digit) || i - start >= MAX_TOKEN_BYTES {
                        break;
                    }
                    end = i + n.len_utf8();
                    it.next();
                }
                TokenKind::Latin
            }
            Class::Digit => {
                while let Some(&(i, n)) = it.peek() {
                    let digit = n.is_ascii_digit();
                    // A separator counts only between two digits.
                    let sep = (n == '.' || n == ',')
                        && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
                    if (!digit && !sep) || i - start >= MAX_TOKEN_BYTES {
                        break;
                    }
                    end = i + 1;
                    it.next();
                }
                TokenKind::Number
            }
            Class::Punct => TokenKind::Punct,
            Class::Symbol => TokenKind::Symbol,
        };
        let range = FormRange::new(start as u32, end as u32);
        if let Some(span) = norm.range_to_body(range) {
            out.push(Token { span, kind, form: range, core: range, clitics: Clitics::default() });
        }
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
        v.iter().map(|t| (norm.slice(t.form).to_string(), t.kind)).collect()
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
    fn digits_and_letters_split() {
        let t = toks("2019م و٢٠ 2019.");
        let words: Vec<&str> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(words, vec!["2019", "م", "و", "20", "2019", "."]);
    }
}
