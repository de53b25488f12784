//! Finds every lexicon name in a document: one Aho-Corasick automaton over the
//! token-joined matching form, with clitics checked at token boundaries.
//!
//! Why this design: the text layer gives tokens whose folded forms may be separated by
//! several spaces, a newline or a tatweel-free gap, so the matcher first joins the
//! folded tokens with single spaces (the lexicon names are joined the same way, see
//! [`crate::lexicon::join_tokens`]). One automaton then finds every name in one pass,
//! overlapping, and each hit is kept only when it ends at a token end and starts at a
//! token start or right after a proclitic: و ف ب ل ك and their pairs for names without
//! the article, ال وال بال لل … for names with it (the automaton holds both `العزيزيه`
//! and `عزيزيه`, so `بالعزيزية` and `للعزيزية` are found). The text layer's own cut is
//! always among the accepted ones, but it is not required: it keeps `بنغازي` whole, which
//! is right, and cuts `وبنغازي` to `نغازي`, which the matcher repairs by trying `و` alone.
//! A word-level trie would do the same job; the automaton was kept because one
//! byte-level pass over the form is cheaper than a hash lookup per token and clitic cut.
//!
//! Known failures: a name written with a different word split (`أبوقرين` for `أبو
//! قرين`) needs its own variant in the lexicon; a short name after ك or ف (`كسرت`,
//! `فسرت`) is not taken, since those are far more often verbs.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rasd_model::{Doc, TokenKind};

use crate::lexicon::Lexicon;

/// Proclitics accepted before a name that has no article.
const PLAIN: &[&str] = &["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"];
/// Proclitics that carry the article, accepted before the article-less part of a name.
const WITH_AL: &[&str] = &[
    "ال", "وال", "فال", "بال", "كال", "لل", "وبال", "وكال", "فبال", "فكال", "ولل", "فلل",
];

/// The automaton and what each pattern stands for.
#[derive(Debug)]
pub struct Matcher {
    ac: Option<AhoCorasick>,
    /// For each pattern: (form index, whether the pattern is the form without its article).
    pats: Vec<Vec<(u32, bool)>>,
}

/// A name found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cand {
    /// First token.
    pub first: u32,
    /// One past the last token.
    pub end: u32,
    /// Form index.
    pub form: u32,
    /// Byte in `doc.norm.form` where the mention starts (after particle proclitics).
    pub start_byte: u32,
    /// Byte in `doc.norm.form` where it ends.
    pub end_byte: u32,
    /// A particle (و ف ب ل ك) was attached.
    pub particle: bool,
    /// The preposition ل (or لل) was attached: a dative (`قال للجزيرة`).
    pub li: bool,
}

impl Cand {
    /// Number of tokens.
    pub fn len(&self) -> u32 {
        self.end - self.first
    }

    /// Whether it covers no token (never, for found names).
    pub fn is_empty(&self) -> bool {
        self.end <= self.first
    }
}

/// The document's folded tokens joined by single spaces, with each token's place in it.
#[derive(Debug, Default)]
pub struct Joined {
    /// The joined text.
    pub text: String,
    /// Start of each token in `text`.
    pub starts: Vec<u32>,
    /// End of each token in `text`.
    pub ends: Vec<u32>,
}

impl Joined {
    /// Join a document's tokens.
    pub fn new(doc: &Doc) -> Joined {
        let mut j = Joined {
            text: String::with_capacity(doc.norm.form.len() + 16),
            starts: Vec::with_capacity(doc.tokens.len()),
            ends: Vec::with_capacity(doc.tokens.len()),
        };
        for t in &doc.tokens {
            if !j.text.is_empty() {
                j.text.push(' ');
            }
            j.starts.push(j.text.len() as u32);
            j.text.push_str(doc.form(t.form));
            j.ends.push(j.text.len() as u32);
        }
        j
    }
}

impl Matcher {
    /// Build the automaton over every form of a lexicon.
    pub fn new(lx: &Lexicon) -> Matcher {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut pats: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut add = |s: &str, form: u32, stripped: bool| {
            let n = strings.len();
            let i = *index.entry(s.to_string()).or_insert(n);
            if i == n {
                strings.push(s.to_string());
                pats.push(Vec::new());
            }
            pats[i].push((form, stripped));
        };
        for (i, f) in lx.forms.iter().enumerate() {
            add(&f.text, i as u32, false);
            if let Some(rest) = f.text.strip_prefix("ال") {
                if rest.chars().take_while(|c| *c != ' ').count() >= 2 {
                    add(rest, i as u32, true);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&strings)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&strings)
            })
            .ok();
        Matcher { ac, pats }
    }

    /// Every accepted hit in a document, in no particular order.
    pub fn find(&self, doc: &Doc, joined: &Joined) -> Vec<Cand> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        for m in ac.find_overlapping_iter(&joined.text) {
            let (s, e) = (m.start() as u32, m.end() as u32);
            // the hit must end where a token ends
            let Ok(last) = joined.ends.binary_search(&e) else {
                continue;
            };
            // and start inside a word token, at its start or after a proclitic
            let first = joined.starts.partition_point(|&x| x <= s);
            if first == 0 {
                continue;
            }
            let first = first - 1;
            if first > last || s >= joined.ends[first] {
                continue;
            }
            let tok = &doc.tokens[first];
            if !matches!(
                tok.kind,
                TokenKind::Word | TokenKind::Latin | TokenKind::Number
            ) {
                continue;
            }
            let pre = &joined.text[joined.starts[first] as usize..s as usize];
            for &(form, stripped) in &self.pats[m.pattern().as_usize()] {
                let ok = if stripped {
                    WITH_AL.contains(&pre)
                } else {
                    pre.is_empty() || PLAIN.contains(&pre)
                };
                if !ok {
                    continue;
                }
                let single_short = first == last && (e - s) <= 8;
                if single_short && (pre.contains('ك') || pre.contains('ف')) {
                    continue;
                }
                // span: particles stay outside, the article inside; a merged لل stays whole
                let particles = if stripped {
                    if pre.ends_with("لل") {
                        0
                    } else {
                        pre.len() - "ال".len()
                    }
                } else {
                    pre.len()
                };
                out.push(Cand {
                    first: first as u32,
                    end: last as u32 + 1,
                    form,
                    start_byte: tok.form.start + particles as u32,
                    end_byte: doc.tokens[last].form.end,
                    particle: pre.len() > if stripped { 4 } else { 0 } || pre.ends_with("لل"),
                    li: pre.contains('ل') && pre != "ال" && !pre.ends_with("ال"),
                });
            }
        }
        out
    }
}
