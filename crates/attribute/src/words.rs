//! Word and phrase lookup over tokens, shared by the attribute and events stages.
//!
//! A lexicon entry is one or more words in the matching form. A word of an entry
//! matches a token when it equals one of the token's three [`keys`]: the whole token,
//! the token without its proclitics (`وأكدت` → `اكدت`, `اعتبره`), or its core
//! (`اعتبره` → `اعتبر`, `بحسب` → `حسب`). So one entry `اكد` covers `وأكد`, `فأكد` and
//! `أكد`, while `اكدت` stays a separate entry: inflection is spelled out in the data,
//! clitics are not. Lookups hash a few short slices of the form per token (Fx hash),
//! so they stay cheap in the hot loop.

use std::cell::Cell;

use rasd_lexicon::{Issue, Row, Table};
use rasd_model::{Clitics, Doc, Token, TokenKind, Why};
use rasd_text::hash::FxHashMap;
use rasd_text::Analyzer;

/// The matching keys of a token: whole form, form without proclitics, core.
/// Duplicates are left in; callers stop at the first hit. A short word the segmenter
/// left whole after a conjunction (`ومن`, `فقد`) gets the word without it as its stem,
/// and so does a word it split a ك off (`وكشفت` → `كشفت`).
#[inline]
pub fn keys<'d>(doc: &'d Doc, t: &Token) -> [&'d str; 3] {
    let f = &doc.norm.form;
    let whole = &f[t.form.range()];
    let mut stem = f
        .get(t.core.start as usize..t.form.end as usize)
        .unwrap_or(whole);
    let core = &f[t.core.range()];
    // A split-off ك is most often the word's own first letter (`وكشفت`, `كرر`): the stem
    // keeps it, with only the conjunction left out.
    if t.clitics.has(Clitics::KA) && t.kind == TokenKind::Word {
        stem = whole
            .strip_prefix('و')
            .or_else(|| whole.strip_prefix('ف'))
            .unwrap_or(whole);
    }
    if stem == whole && t.kind == TokenKind::Word {
        if let Some(rest) = whole.strip_prefix('و').or_else(|| whole.strip_prefix('ف')) {
            if rest.chars().count() >= 2 {
                stem = rest;
            }
        }
    }
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
        let rest: String = it
            .as_str()
            .trim_start_matches(|c: char| is_mark(c))
            .to_string();
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

/// One lexicon entry: its words (and their hashes) and its value.
#[derive(Clone, Debug)]
struct Entry<T> {
    words: Box<[Box<str>]>,
    hashes: Box<[u64]>,
    value: T,
}

/// Bits of the first-word filter of a [`Phrases`].
const FILTER_BITS: u64 = 1 << 16;

/// The Fx hash of a key, as [`Phrases`] filters use it.
#[inline]
fn key_hash(k: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rasd_text::hash::FxHasher::default();
    h.write(k.as_bytes());
    h.finish()
}

/// The hashes of the three [`keys`] of every token of a document, computed once so that
/// each table can reject a token with three bit tests.
pub fn key_hashes(doc: &Doc) -> Vec<[u64; 3]> {
    doc.tokens
        .iter()
        .map(|t| {
            let [a, b, c] = keys(doc, t);
            let ha = key_hash(a);
            let hb = if b == a { ha } else { key_hash(b) };
            let hc = if c == b { hb } else { key_hash(c) };
            [ha, hb, hc]
        })
        .collect()
}

/// A lexicon of (possibly multi-word) phrases with a value each, matched on tokens.
#[derive(Clone, Debug)]
pub struct Phrases<T> {
    /// Entries by the hash of their first word.
    first: FxHashMap<u64, Vec<u32>>,
    entries: Vec<Entry<T>>,
    /// A bit per hash bucket of the first words: most tokens are rejected here.
    filter: Vec<u64>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            first: FxHashMap::default(),
            entries: Vec::new(),
            filter: vec![0; (FILTER_BITS / 64) as usize],
        }
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

/// The longest phrase of one table at each token of one document, looked up the first
/// time a stage asks and remembered (phrases never cross a sentence end), so a stage that
/// asks about a token many times pays once, and tokens it never asks about cost nothing.
#[derive(Clone, Debug, Default)]
pub struct HitIndex {
    /// Entry id plus one, 0 for none, `UNKNOWN` before the first lookup.
    id: Vec<Cell<u32>>,
    /// Length in tokens; the top bit says the first token matched whole.
    len: Vec<Cell<u8>>,
}

const UNKNOWN: u32 = u32::MAX;

/// What a [`HitIndex`] needs to look a token up: the document, its tokens'
/// [`key_hashes`] and, per token, one past the last token of its sentence.
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'d> {
    /// The document.
    pub doc: &'d Doc,
    /// Key hashes per token.
    pub hashes: &'d [[u64; 3]],
    /// Sentence end per token.
    pub sent_end: &'d [u32],
}

/// One past the last token of each token's sentence.
pub fn sentence_ends(doc: &Doc) -> Vec<u32> {
    let mut out = vec![doc.tokens.len() as u32; doc.tokens.len()];
    for (a, b) in sentence_bounds(doc) {
        for x in &mut out[a..b] {
            *x = b as u32;
        }
    }
    out
}

/// The first word of a phrase of several words without its article, when it has one.
fn bare_first(words: &[Box<str>]) -> Option<&str> {
    if words.len() < 2 {
        return None;
    }
    words[0]
        .strip_prefix("ال")
        .filter(|rest| rest.chars().count() >= 2)
}

impl<T> Phrases<T> {
    /// Add a phrase, already folded; words are separated by spaces.
    pub fn insert(&mut self, folded: &str, value: T) {
        let words: Box<[Box<str>]> = folded.split_whitespace().map(Box::from).collect();
        let Some(first) = words.first() else { return };
        let id = self.entries.len() as u32;
        let mut starts = vec![key_hash(first)];
        // A phrase that begins with the article also starts at a word whose article
        // follows a clitic (`بالحرب العالمية الأولى` for `الحرب العالمية الأولى`).
        if let Some(bare) = bare_first(&words) {
            starts.push(key_hash(bare));
        }
        for h in starts {
            let b = h % FILTER_BITS;
            self.filter[(b / 64) as usize] |= 1 << (b % 64);
            let ids = self.first.entry(h).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
        let hashes = words.iter().map(|w| key_hash(w)).collect();
        self.entries.push(Entry {
            words,
            hashes,
            value,
        });
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[inline]
    fn may_start(&self, h: u64) -> bool {
        let b = h % FILTER_BITS;
        self.filter[(b / 64) as usize] & (1 << (b % 64)) != 0
    }

    /// The longest phrase at token `i` of `toks`: entry id, length, whole-token match.
    /// `hashes` are the [`key_hashes`] of the document's tokens, when known.
    fn at_id(
        &self,
        doc: &Doc,
        toks: &[Token],
        i: usize,
        hashes: Option<&[[u64; 3]]>,
    ) -> Option<(u32, usize, bool)> {
        let t = toks.get(i)?;
        if !matches!(
            t.kind,
            TokenKind::Word | TokenKind::Latin | TokenKind::Punct
        ) {
            return None;
        }
        let own;
        let h = match hashes.and_then(|h| h.get(i)) {
            Some(h) => h,
            None => {
                let [a, b, c] = keys(doc, t);
                own = [key_hash(a), key_hash(b), key_hash(c)];
                &own
            }
        };
        if !(self.may_start(h[0]) || self.may_start(h[1]) || self.may_start(h[2])) {
            return None;
        }
        let mut best: Option<(u32, usize, bool)> = None;
        let ks = keys(doc, t);
        for n in 0..3 {
            if n > 0 && h[..n].contains(&h[n]) {
                continue;
            }
            let Some(ids) = self.first.get(&h[n]) else {
                continue;
            };
            for &id in ids {
                let e = &self.entries[id as usize];
                let len = e.words.len();
                let first_ok = *e.words[0] == *ks[n]
                    || (n > 0 && t.clitics.has(Clitics::AL) && bare_first(&e.words) == Some(ks[n]));
                if best.is_some_and(|b| b.1 >= len) || i + len > toks.len() || !first_ok {
                    continue;
                }
                let rest_ok = (1..len).all(|j| {
                    let tok = &toks[i + j];
                    let th = match hashes.and_then(|h| h.get(i + j)) {
                        Some(th) => th.contains(&e.hashes[j]),
                        None => true,
                    };
                    th && keys(doc, tok).contains(&&*e.words[j])
                });
                if rest_ok {
                    best = Some((id, len, n == 0));
                }
            }
        }
        best
    }

    /// The longest phrase starting at token `i` of `toks` (a slice of `doc.tokens`).
    pub fn at<'p>(&'p self, doc: &Doc, toks: &[Token], i: usize) -> Option<Hit<'p, T>> {
        let (id, len, whole) = self.at_id(doc, toks, i, None)?;
        Some(Hit {
            start: i,
            end: i + len,
            value: &self.entries[id as usize].value,
            whole,
        })
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

    /// An empty index of this table for a document of `n` tokens.
    pub fn index(&self, n: usize) -> HitIndex {
        HitIndex {
            id: vec![Cell::new(UNKNOWN); n],
            len: vec![Cell::new(0); n],
        }
    }

    /// The phrase at token `i`, if it ends by `end` (looked up once, then remembered).
    #[inline]
    pub fn hit<'p>(&'p self, ix: &HitIndex, l: Lookup, i: usize, end: usize) -> Option<Hit<'p, T>> {
        let mut id = ix.id.get(i)?.get();
        if id == UNKNOWN {
            let se = l
                .sent_end
                .get(i)
                .map_or(l.doc.tokens.len(), |&e| e as usize);
            let toks = &l.doc.tokens[..se.min(l.doc.tokens.len())];
            id = match self.at_id(l.doc, toks, i, Some(l.hashes)) {
                Some((e, len, whole)) => {
                    ix.len[i].set((len.min(127) as u8) | if whole { 128 } else { 0 });
                    e + 1
                }
                None => 0,
            };
            ix.id[i].set(id);
        }
        if id == 0 {
            return None;
        }
        let len = (ix.len[i].get() & 127) as usize;
        (i + len <= end).then(|| Hit {
            start: i,
            end: i + len,
            value: &self.entries[id as usize - 1].value,
            whole: ix.len[i].get() & 128 != 0,
        })
    }
}

/// Token bounds of every sentence (the whole document when it has none).
pub fn sentence_bounds(doc: &Doc) -> Vec<(usize, usize)> {
    let st = &doc.sentence_tokens;
    if st.len() < 2 {
        return vec![(0, doc.tokens.len())];
    }
    st.windows(2)
        .map(|w| (w[0] as usize, (w[1] as usize).min(doc.tokens.len())))
        .collect()
}

/// Split a `|` field into folded variants (each may hold several words).
pub fn variants(an: &Analyzer, t: &Table, row: &Row, col: &str) -> Vec<String> {
    t.list(row, col)
        .into_iter()
        .map(|v| an.fold(v))
        .filter(|v| !v.trim().is_empty())
        .collect()
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
        self.phrases
            .at(doc, toks, i)
            .map(|h| (&*h.value.0, h.end - h.start, &h.value.1))
    }

    /// Whether the phrase at token `i` has class `class`; its length if so.
    pub fn is(&self, doc: &Doc, toks: &[Token], i: usize, class: &str) -> Option<usize> {
        self.at(doc, toks, i)
            .filter(|(c, _, _)| *c == class)
            .map(|(_, n, _)| n)
    }

    /// An empty index for a document of `n` tokens.
    pub fn index(&self, n: usize) -> HitIndex {
        self.phrases.index(n)
    }

    /// The class of the phrase at token `i`, with its length, if it ends by `end`.
    #[inline]
    pub fn hit(
        &self,
        ix: &HitIndex,
        l: Lookup,
        i: usize,
        end: usize,
    ) -> Option<(&str, usize, &Why)> {
        self.phrases
            .hit(ix, l, i, end)
            .map(|h| (&*h.value.0, h.end - h.start, &h.value.1))
    }

    /// As [`Classes::hit`], with whether the token's whole form matched (not its stem
    /// or core).
    #[inline]
    pub fn hit_whole(
        &self,
        ix: &HitIndex,
        l: Lookup,
        i: usize,
        end: usize,
    ) -> Option<(&str, usize, bool)> {
        self.phrases
            .hit(ix, l, i, end)
            .map(|h| (&*h.value.0, h.end - h.start, h.whole))
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
    fn a_phrase_with_the_article_matches_after_a_clitic() {
        let an = Analyzer::default();
        let mut p: Phrases<u8> = Phrases::default();
        p.insert(&an.fold("الحرب العالمية الأولى"), 1);
        p.insert(&an.fold("الحرب"), 2);
        let doc = an.analyze_text("بالحرب العالمية الأولى والحرب العالمية الأولى حرب عالمية");
        let hits: Vec<(usize, usize, u8)> = p
            .scan(&doc, &doc.tokens)
            .iter()
            .map(|h| (h.start, h.end, *h.value))
            .collect();
        // A one-word entry keeps its article: `حرب` alone is not `الحرب`.
        assert_eq!(hits, [(0, 3, 1), (3, 6, 1)]);
    }

    #[test]
    fn phrases_match_on_keys_longest_first() {
        let an = Analyzer::default();
        let mut p: Phrases<u8> = Phrases::default();
        p.insert(&an.fold("أكد"), 1);
        p.insert(&an.fold("على حد زعمه"), 2);
        p.insert(&an.fold("على"), 3);
        p.insert(&an.fold("حسب"), 4);
        let doc = an.analyze_text("وأكد الموقع على حد زعمه بحسب أكدت");
        let hits: Vec<(usize, usize, u8)> = p
            .scan(&doc, &doc.tokens)
            .iter()
            .map(|h| (h.start, h.end, *h.value))
            .collect();
        assert_eq!(
            hits,
            vec![(0, 1, 1), (2, 5, 2), (5, 6, 4)],
            "help: أكدت is not أكد"
        );
    }

    #[test]
    fn cue_text_drops_conjunction_only() {
        let an = Analyzer::default();
        let doc = an.analyze_text("وأكّد بحسب");
        assert_eq!(text_without_conjunction(&doc, &doc.tokens[0]), "أكّد");
        assert_eq!(text_without_conjunction(&doc, &doc.tokens[1]), "بحسب");
    }
}
