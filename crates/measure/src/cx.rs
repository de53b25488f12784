//! The view the grammar has of one sentence: tokens, their folded forms and the
//! lexicon phrases that start at each.

use rasd_model::{Doc, Token, TokenKind, Why};

use crate::lexicon::{Entry, Lexicon, Role, Sem};
use crate::scan::{Hit, Hits};

/// One sentence of a document, with its lexicon hits.
pub struct Cx<'a> {
    /// Lexicons.
    pub lx: &'a Lexicon,
    /// The document.
    pub doc: &'a Doc,
    /// Phrase hits of every token.
    pub hits: &'a Hits,
    /// First token of the sentence.
    pub lo: usize,
    /// One past its last token.
    pub hi: usize,
}

impl<'a> Cx<'a> {
    /// Token `i`.
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        (i < self.hi).then(|| &self.doc.tokens[i])
    }

    /// The folded form of token `i` (empty past the sentence).
    pub fn form(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| self.doc.form(t.form))
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tok(i).map(|t| t.kind)
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.tok(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Punct | TokenKind::Symbol) && self.doc.form(t.form) == p
        })
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub fn touching(&self, i: usize) -> bool {
        match (self.tok(i), self.tok(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// The hits at token `i` that end inside the sentence, with their entries.
    pub fn hits(&self, i: usize) -> impl Iterator<Item = (Hit, &'a Entry)> + 'a {
        let (lx, hi) = (self.lx, self.hi);
        let hits: &'a [Hit] = if i < hi { self.hits.at(i) } else { &[] };
        hits.iter()
            .filter(move |h| h.end as usize <= hi)
            .map(move |h| (*h, &lx.entries[h.entry as usize]))
    }

    /// The first (longest) hit at `i` for which `f` gives a value: `(end, value, hit, why)`.
    pub fn find<T>(
        &self,
        i: usize,
        mut f: impl FnMut(&Sem, Hit) -> Option<T>,
    ) -> Option<(usize, T, Hit, Why)> {
        self.hits(i)
            .find_map(|(h, e)| f(&e.sem, h).map(|v| (h.end as usize, v, h, e.why.clone())))
    }

    /// End of the longest phrase of role `r` at `i`.
    pub fn role(&self, i: usize, r: Role) -> Option<usize> {
        self.hits(i)
            .find(|(_, e)| e.sem == Sem::Role(r))
            .map(|(h, _)| h.end as usize)
    }

    /// End of the longest phrase of role `r` at `i`, written without clitics.
    pub fn role_bare(&self, i: usize, r: Role) -> Option<usize> {
        self.hits(i)
            .find(|(h, e)| e.sem == Sem::Role(r) && h.conj == 0 && h.prep == 0)
            .map(|(h, _)| h.end as usize)
    }

    /// Whether token `i` is the conjunction و written alone.
    pub fn and_token(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.form(i) == "و"
    }

    /// A plain run of ASCII digits at `i`: its value and number of digits.
    pub fn digits(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let f = self.doc.form(t.form);
        if f.is_empty() || f.len() > 12 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        f.parse().ok().map(|v| (v, f.len()))
    }
}
