//! Word and phrase lookup over tokens, shared by the attribute and events stages.
//!
//! A lexicon entry is one or more words in the matching form. A word of an entry
//! matches a token when it equals one of the token's three [`keys`]: the whole token,
//! the token without its proclitics (`وأكدت` → `اكدت`, `اعتبره`), or its core
//! (`اعتبره` → `اعتبر`, `بحسب` → `حسب`). So one entry `اكد` covers `وأكد`, `فأكد` and
//! `أكد`, while `اكدت` stays a separate entry: inflection is spelled out in the data,
//! clitics are not. Lookups hash a few short slices of the form per token (Fx hash),
//! so they stay cheap in the hot loop.

use rasd_lexicon::{Issue, Row, Table};
use rasd_model::{Clitics, Doc, Token, TokenKind, Why};
use rasd_text::hash::FxHashMap;
use rasd_text::Analyzer;

/// The matching keys of a token: whole form, form without proclitics, core.
/// Duplicates are left in; callers stop at the first hit.
#[inline]
pub fn keys<'d>(doc: &'d Doc, t: &Token) -> [&'d str; 3] {
    let f = &doc.norm.form;
    let whole = &f[t.form.range()];
    let stem = f.get(t.core.start as usize..t.form.end as usize).unwrap_or(whole);
    let core = &f[t.core.range()];
    [whole, stem, core]
}

/// The token's text in the body with a leading conjunction (و ف) left out, as a cue
/// is quoted (`وأكد` → `أكد`).
pub fn text_without_conjunction(doc: &Doc, t: &Token) -> String {
    let has_conj = t.clitics.has(Clitics::WA) || t.clitics.has(Clitics::FA);
    let full = doc.text(t.span);
    if has_conj {
        let mut it = full.chars();
        it.next();
        let rest: String = it.as_str().trim_start_matches(|c: char| is_mark(c)).to_string();
        if !rest.is_empty() {
            return rest;
        }
    }
    full.to_string()
}

/// Arabic combining marks and tatweel.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}')
}

/// One lexicon entry: its words and the row it came from.
#[derive(Clone, Debug)]
struct Entry<T> {
    words: Box<[Box<str>]>,
    value: T,
}

/// A lexicon of (possibly multi-word) phrases with a value each, matched on tokens.
#[derive(Clone, Debug)]
pub struct Phrases<T> {
    first: FxHashMap<Box<str>, Vec<u32>>,
    entries: Vec<Entry<T>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases { first: FxHashMap::default(), entries: Vec::new() }
    }
}

/// A phrase found at a token.
#[derive(Clone, Copy, Debug)]
pub struct Hit<'p, T> {
    /// Index of the first token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entry's value.
    pub value: &'p T,
    /// Whether the first token matched as a whole (clitics included), so a quoted cue
    /// keeps all of it (`وفقا`, not `فقا`).
    pub whole: bool,
}

impl<T> Phrases<T> {
    /// Add a phrase, already folded; words are separated by spaces.
    pub fn insert(&mut self, folded: &str, value: T) {
        let words: Box<[Box<str>]> = folded.split_whitespace().map(Box::from).collect();
        let Some(first) = words.first() else { return };
        let id = self.entries.len() as u32;
        self.first.entry(first.clone()).or_default().push(id);
        self.entries.push(Entry { words, value });
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest phrase starting at token `i` of `toks` (a slice of `doc.tokens`).
    pub fn at<'p>(&'p self, doc: &Doc, toks: &[Token], i: usize) -> Option<Hit<'p, T>> {
        let t = toks.get(i)?;
        if !matches!(t.kind, TokenKind::Word | TokenKind::Latin | TokenKind::Punct) {
            return None;
        }
        let mut best: Option<Hit<'p, T>> = None;
        let ks = keys(doc, t);
        for (n, k) in ks.iter().enumerate() {
            if n > 0 && ks[..n].contains(k) {
                continue;
            }
            let Some(ids) = self.first.get(*k) else { continue };
            for &id in ids {
                let e = &self.entries[id as usize];
                let len = e.words.len();
                if best.as_ref().is_some_and(|b| b.end - b.start >= len) {
                    continue;
                }
                if i + len > toks.len() {
                    continue;
                }
                let rest_ok = e.words[1..]
                    .iter()
                    .zip(&toks[i + 1..i + len])
                    .all(|(w, tok)| keys(doc, tok).contains(&&**w));
                if rest_ok {
                    best = Some(Hit { start: i, end: i + len, value: &e.value, whole: n == 0 });
                }
            }
        }
        best
    }

    /// Every non-overlapping longest phrase in `toks`, left to right.
    pub fn scan<'p>(&'p self, doc: &Doc, toks: &[Token]) -> Vec<Hit<'p, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match self.at(doc, toks, i) {
                Some(h) => {
                    i = h.end;
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}

/// Split a `|` field into folded variants (each may hold several words).
pub fn variants(an: &Analyzer, t: &Table, row: &Row, col: &str) -> Vec<String> {
    t.list(row, col).into_iter().map(|v| an.fold(v)).filter(|v| !v.trim().is_empty()).collect()
}

/// A table of words (or phrases) to a class name, with the row each came from.
#[derive(Clone, Debug, Default)]
pub struct Classes {
    /// The phrases, each with its class and provenance.
    pub phrases: Phrases<(Box<str>, Why)>,
}

impl Classes {
    /// Load a `forms  class` table; rows without either field are reported.
    pub fn load(an: &Analyzer, mut t: Table, allowed: &[&str]) -> (Classes, Vec<Issue>) {
        t.require(&["forms", "class"]);
        let mut c = Classes::default();
        let mut bad = Vec::new();
        for r in &t.rows {
            let Some(class) = t.get(r, "class") else {
                bad.push((r.line, "empty `class`".to_string()));
                continue;
            };
            if !allowed.is_empty() && !allowed.contains(&class) {
                bad.push((r.line, format!("unknown class `{class}`")));
                continue;
            }
            let forms = variants(an, &t, r, "forms");
            if forms.is_empty() {
                bad.push((r.line, "empty `forms`".to_string()));
            }
            for f in forms {
                c.phrases.insert(&f, (class.into(), r.why(&t)));
            }
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        (c, t.issues)
    }

    /// The class of the longest phrase at token `i`, with its length in tokens.
    pub fn at(&self, doc: &Doc, toks: &[Token], i: usize) -> Option<(&str, usize, &Why)> {
        self.phrases.at(doc, toks, i).map(|h| (&*h.value.0, h.end - h.start, &h.value.1))
    }

    /// Whether the phrase at token `i` has class `class`; its length if so.
    pub fn is(&self, doc: &Doc, toks: &[Token], i: usize, class: &str) -> Option<usize> {
        self.at(doc, toks, i).filter(|(c, _, _)| *c == class).map(|(_, n, _)| n)
    }
}

/// Load a table by name, turning a missing file into an issue.
pub fn table(src: &rasd_lexicon::Source, name: &str, issues: &mut Vec<Issue>) -> Table {
    match src.table(name) {
        Ok(t) => t,
        Err(e) => {
            issues.push(Issue::new(name, 0, e.to_string()));
            Table::parse(name, "")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_on_keys_longest_first() {
        let an = Analyzer::default();
        let mut p: Phrases<u8> = Phrases::default();
        p.insert(&an.fold("أكد"), 1);
        p.insert(&an.fold("على حد زعمه"), 2);
        p.insert(&an.fold("على"), 3);
        p.insert(&an.fold("حسب"), 4);
        let doc = an.analyze_text("وأكد الموقع على حد زعمه بحسب أكدت");
        let hits: Vec<(usize, usize, u8)> =
            p.scan(&doc, &doc.tokens).iter().map(|h| (h.start, h.end, *h.value)).collect();
        assert_eq!(hits, vec![(0, 1, 1), (2, 5, 2), (5, 6, 4)], "help: أكدت is not أكد");
    }

    #[test]
    fn cue_text_drops_conjunction_only() {
        let an = Analyzer::default();
        let doc = an.analyze_text("وأكّد بحسب");
        assert_eq!(text_without_conjunction(&doc, &doc.tokens[0]), "أكّد");
        assert_eq!(text_without_conjunction(&doc, &doc.tokens[1]), "بحسب");
    }
}
