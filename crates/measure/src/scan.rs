//! Lexicon hits per token: every phrase of the measure lexicons that starts at a
//! token, found on the matching form with the token's proclitics tried off.
//!
//! A token is looked up whole, then without a conjunction (و ف), then without a
//! preposition (ب ل ك, and لل as ل + ال), so `وبالعام` finds `العام` and `لعام` finds
//! `عام`. A stripped preposition needs three letters left (`لست` "I am not" is not ل +
//! ست "six"). The conjunction is left out of the span; a preposition stays in it.
//! Words written with Persian-only letters (ی ک گ پ چ ژ) are not read: rasd reads
//! Arabic, and `6 دقیقه` is Persian.

use rasd_model::{Doc, TokenKind};

use crate::lexicon::{Entry, Lexicon};

/// One lexicon phrase found at a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Entry id in [`Lexicon::entries`].
    pub entry: u32,
    /// One past the phrase's last token.
    pub end: u32,
    /// Bytes of a conjunction (و ف) in front of the first token, left out of spans.
    pub conj: u8,
    /// Bytes of a preposition (ب ل ك) in front of the first token (after the conjunction).
    pub prep: u8,
}

/// The hits of a document, grouped by first token, longest first.
#[derive(Clone, Debug, Default)]
pub struct Hits {
    starts: Vec<u32>,
    hits: Vec<Hit>,
}

impl Hits {
    /// The hits starting at token `i`.
    pub fn at(&self, i: usize) -> &[Hit] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.hits[a as usize..b as usize],
            _ => &[],
        }
    }
}

const WAW: &str = "و";
const FA: &str = "ف";

fn persian(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(
            c,
            '\u{06CC}' | '\u{06A9}' | '\u{06AF}' | '\u{067E}' | '\u{0686}' | '\u{0698}'
        )
    })
}

/// Find every phrase at every token.
pub fn scan(lx: &Lexicon, doc: &Doc) -> Hits {
    let toks = &doc.tokens;
    let mut out = Hits {
        starts: Vec::with_capacity(toks.len() + 1),
        hits: Vec::new(),
    };
    let mut buf = String::new();
    for (i, t) in toks.iter().enumerate() {
        out.starts.push(out.hits.len() as u32);
        if !matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Latin
        ) {
            continue;
        }
        let form = doc.form(t.form);
        let first = out.hits.len();
        let try_key = |key: &str, conj: u8, prep: u8, out: &mut Hits| {
            let Some(ids) = lx.index.get(key) else { return };
            for &id in ids {
                let e: &Entry = &lx.entries[id as usize];
                let n = e.rest.len();
                if e.rest.iter().enumerate().all(|(k, r)| {
                    toks.get(i + 1 + k)
                        .is_some_and(|u| doc.form(u.form) == &**r)
                }) {
                    out.hits.push(Hit {
                        entry: id,
                        end: (i + 1 + n) as u32,
                        conj,
                        prep,
                    });
                }
            }
        };
        try_key(form, 0, 0, &mut out);
        if t.kind == TokenKind::Word {
            let letters = form.len() / 2;
            let (base, conj) = if letters >= 3 && (form.starts_with(WAW) || form.starts_with(FA)) {
                try_key(&form[2..], 2, 0, &mut out);
                (&form[2..], 2u8)
            } else {
                (form, 0u8)
            };
            let bl = base.len() / 2;
            if base.starts_with("لل") && bl >= 4 {
                buf.clear();
                buf.push_str("ال");
                buf.push_str(&base[4..]);
                try_key(&buf, conj, 2, &mut out);
            } else if bl >= 4
                && (base.starts_with('ب') || base.starts_with('ل') || base.starts_with('ك'))
            {
                try_key(&base[2..], conj, 2, &mut out);
            }
        }
        if out.hits.len() > first {
            if persian(doc.text(t.span)) {
                out.hits.truncate(first);
            } else {
                out.hits[first..].sort_by_key(|h| (std::cmp::Reverse(h.end), h.conj + h.prep));
            }
        }
    }
    out.starts.push(out.hits.len() as u32);
    out
}
