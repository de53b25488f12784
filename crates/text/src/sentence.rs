//! A sentence splitter for news.
//!
//! Boundaries: `.`, `!`, `?` (Arabic `؟` folds to it), `…` and runs of them, with any
//! closing quote or bracket that follows; every line break (a headline without a
//! stop is a sentence of its own). Not boundaries: decimals (`3.5` is one token),
//! one-letter abbreviations (`د.`, `م.`, `U.S.`) and listed Latin ones (`Mr.`).
//! No sentence is longer than [`MAX_SENTENCE`] code points: a longer run is cut at
//! its last `;`, `,`, `:` or dash before the limit, else at the last word.

use rasd_model::{Normalized, Span, Token, TokenKind};

/// The longest sentence the splitter emits, in code points.
pub const MAX_SENTENCE: u32 = 600;

const LATIN_ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "ltd", "co", "vs", "etc", "no", "gen", "col",
];

#[inline]
fn first_char(norm: &Normalized, t: &Token) -> char {
    norm.slice(t.form).chars().next().unwrap_or(' ')
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}')
}

fn is_soft_break(c: char) -> bool {
    matches!(c, ';' | ',' | ':' | '-')
}

/// Whether the stop at token `i` ends an abbreviation rather than a sentence.
fn is_abbreviation(norm: &Normalized, tokens: &[Token], i: usize) -> bool {
    if i == 0 || first_char(norm, &tokens[i]) != '.' {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.form.end != tokens[i].form.start {
        return false;
    }
    let w = norm.slice(prev.form);
    match prev.kind {
        TokenKind::Word => w.chars().count() == 1,
        TokenKind::Latin => w.len() == 1 || LATIN_ABBREV.contains(&w),
        _ => false,
    }
}

/// Whether there is a line break between two tokens.
fn line_break_between(norm: &Normalized, a: &Token, b: &Token) -> bool {
    // Gaps are usually one space: a plain loop beats a vectorised search here.
    norm.form.as_bytes()[a.form.end as usize..b.form.start as usize].contains(&b'\n')
}

/// Split tokens into sentences: the spans, and the index of each sentence's first
/// token plus a sentinel.
pub fn split(norm: &Normalized, tokens: &[Token]) -> (Vec<Span>, Vec<u32>) {
    let mut spans = Vec::new();
    let mut firsts = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    let mut last_soft: Option<usize> = None;
    let close = |first: usize, last: usize, spans: &mut Vec<Span>, firsts: &mut Vec<u32>| {
        spans.push(Span::new(tokens[first].span.start, tokens[last].span.end));
        firsts.push(first as u32);
    };
    while i < tokens.len() {
        // Too long: cut before this token at the best place seen.
        if tokens[i].span.end - tokens[start].span.start > MAX_SENTENCE && i > start {
            let cut = match last_soft {
                Some(s) if s >= start && s + 1 < i => s,
                _ => i - 1,
            };
            close(start, cut, &mut spans, &mut firsts);
            start = cut + 1;
            last_soft = None;
            continue;
        }
        let t = &tokens[i];
        let c = if t.kind == TokenKind::Punct {
            first_char(norm, t)
        } else {
            ' '
        };
        let mut end_here = false;
        if t.kind == TokenKind::Punct && is_stop(c) && !is_abbreviation(norm, tokens, i) {
            // Take further stops and adjacent closing quotes/brackets with it.
            while i + 1 < tokens.len()
                && tokens[i + 1].form.start == tokens[i].form.end
                && tokens[i + 1].kind == TokenKind::Punct
                && tokens[i + 1].span.end - tokens[start].span.start <= MAX_SENTENCE
                && {
                    let n = first_char(norm, &tokens[i + 1]);
                    is_stop(n) || is_closer(n)
                }
            {
                i += 1;
            }
            end_here = true;
        } else if t.kind == TokenKind::Punct && is_soft_break(c) {
            last_soft = Some(i);
        }
        if !end_here && i + 1 < tokens.len() && line_break_between(norm, t, &tokens[i + 1]) {
            end_here = true;
        }
        if end_here || i + 1 == tokens.len() {
            close(start, i, &mut spans, &mut firsts);
            start = i + 1;
            last_soft = None;
        }
        i += 1;
    }
    firsts.push(tokens.len() as u32);
    (spans, firsts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn sentences(body: &str) -> Vec<String> {
        let doc = Analyzer::default().analyze_text(body);
        doc.sentences
            .iter()
            .map(|s| doc.text(*s).to_string())
            .collect()
    }

    /// (text, expected sentences) checks, with a `help:` on failure.
    macro_rules! test_sentences {
        ($($text:literal => [$($s:literal),*]),+ $(,)?) => {$(
            let want: Vec<String> = vec![$($s.to_string()),*];
            assert_eq!(sentences($text), want, "help: splitting {:?}", $text);
        )+};
    }

    #[test]
    fn splits_news() {
        test_sentences!(
            "قال د. محمد إن 3.5 مليون نزحوا. وأضاف: “لن نتراجع.” ثم غادر!" =>
                ["قال د. محمد إن 3.5 مليون نزحوا.", "وأضاف: “لن نتراجع.”", "ثم غادر!"],
            "تفجير بعد القصف\nفي أول رد فعل" => ["تفجير بعد القصف", "في أول رد فعل"],
            "هل انتهت الحرب؟ لا…  ربما" => ["هل انتهت الحرب؟", "لا…", "ربما"],
            "زار U.S. Mr. Smith طرابلس." => ["زار U.S. Mr. Smith طرابلس."],
            "  " => [],
        );
    }

    #[test]
    fn caps_length() {
        let long = "كلمة، ".repeat(300);
        let s = sentences(&long);
        assert!(s.len() > 1);
        assert!(s.iter().all(|x| x.chars().count() <= MAX_SENTENCE as usize));
        assert!(
            s[0].ends_with('،'),
            "cut at a comma: {:?}",
            &s[0][s[0].len() - 10..]
        );
    }
}
