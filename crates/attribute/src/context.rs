//! Per-document lookups the attribute and events stages share: which entity covers a
//! token, what class a function word has, where punctuation stands.

use rasd_model::{Clitics, Doc, Entity, EntityType, Token, TokenKind};

use rasd_model::Why;

use crate::lex::{Cue, Lexicons, ModalCue, SourceHead};
use crate::words::{key_hashes, sentence_ends, Hit, HitIndex, Lookup};

/// A document with its lexicons and a token → entity index.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Doc,
    /// The lexicons.
    pub lx: &'a Lexicons,
    /// For each token, the index (plus one) of the entity overlapping it, 0 for none.
    ent_of: Vec<u32>,
    /// The hashes of every token's keys (shared with the events stage's own tables).
    pub hashes: Vec<[u64; 3]>,
    /// One past the last token of each token's sentence.
    pub sent_end: Vec<u32>,
    cues: HitIndex,
    sources: HitIndex,
    outlets: HitIndex,
    particles: HitIndex,
    negation: HitIndex,
    modality: HitIndex,
}

impl<'a> Ctx<'a> {
    /// Index a document.
    pub fn new(doc: &'a Doc, lx: &'a Lexicons) -> Ctx<'a> {
        let mut ent_of = vec![0u32; doc.tokens.len()];
        // Entities come in reading order: one sweep over the tokens (a binary search only
        // when one starts before the last).
        let mut a = 0usize;
        let mut last_start = 0u32;
        for (n, e) in doc.entities.iter().enumerate() {
            if e.start < last_start {
                a = doc.tokens.partition_point(|t| t.span.end <= e.start);
            } else {
                while a < doc.tokens.len() && doc.tokens[a].span.end <= e.start {
                    a += 1;
                }
            }
            last_start = e.start;
            for (i, t) in doc.tokens.iter().enumerate().skip(a) {
                if t.span.start >= e.end {
                    break;
                }
                if ent_of[i] == 0 {
                    ent_of[i] = n as u32 + 1;
                }
            }
        }
        let n = doc.tokens.len();
        Ctx {
            doc,
            lx,
            ent_of,
            cues: lx.cues.index(n),
            sources: lx.sources.index(n),
            outlets: lx.outlets.index(n),
            particles: lx.particles.index(n),
            negation: lx.negation.index(n),
            modality: lx.modality.index(n),
            hashes: key_hashes(doc),
            sent_end: sentence_ends(doc),
        }
    }

    /// What a table's index needs to look tokens up.
    #[inline]
    pub fn lookup(&self) -> Lookup<'_> {
        Lookup {
            doc: self.doc,
            hashes: &self.hashes,
            sent_end: &self.sent_end,
        }
    }

    /// Token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The folded form of token `i`.
    #[inline]
    pub fn form(&self, i: usize) -> &str {
        self.doc.form(self.doc.tokens[i].form)
    }

    /// The folded core of token `i`.
    #[inline]
    pub fn core(&self, i: usize) -> &str {
        self.doc.form(self.doc.tokens[i].core)
    }

    /// The entity overlapping token `i`, with its index.
    #[inline]
    pub fn entity(&self, i: usize) -> Option<(usize, &'a Entity)> {
        let n = *self.ent_of.get(i)?;
        (n > 0).then(|| (n as usize - 1, &self.doc.entities[n as usize - 1]))
    }

    /// The entity that begins at token `i` (overlaps it, and not the token before).
    pub fn entity_starting(&self, i: usize) -> Option<(usize, &'a Entity)> {
        let (n, e) = self.entity(i)?;
        if i > 0 && self.entity(i - 1).is_some_and(|(m, _)| m == n) {
            return None;
        }
        Some((n, e))
    }

    /// One past the last token overlapping entity `n`, searching from token `i`.
    pub fn entity_end(&self, n: usize, i: usize) -> usize {
        let mut k = i;
        while k < self.len() && self.ent_of[k] == n as u32 + 1 {
            k += 1;
        }
        k.max(i + 1)
    }

    /// Whether token `i` is a punctuation mark among `chars`.
    #[inline]
    pub fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
            && self
                .form(i)
                .chars()
                .next()
                .is_some_and(|c| chars.contains(&c))
    }

    /// Whether token `i` is a quote mark.
    #[inline]
    pub fn quote(&self, i: usize) -> bool {
        self.punct(i, &['"', '\''])
    }

    /// The class of the function word (phrase) at `i`, bounded by `end`, and its length.
    #[inline]
    pub fn particle(&self, i: usize, end: usize) -> Option<(&str, usize)> {
        // A word with the article is a particle only as written (`التي`), never by its
        // core (`الأم` "the mother" is not `أم` "or").
        let al = self.doc.tokens[i].clitics.has(Clitics::AL);
        self.lx
            .particles
            .hit_whole(&self.particles, self.lookup(), i, end)
            .filter(|(_, _, whole)| *whole || !al)
            .map(|(c, n, _)| (c, n))
    }

    /// Whether token `k` is a preposition with the pronoun of a relative word standing
    /// at `rel` (`الذي دعا إليه مجلس الأمن`, `التي أكدت فيها`): the verb's subject or doer
    /// follows it.
    pub fn relative_pronoun_prep(&self, rel: usize, k: usize, end: usize) -> bool {
        k < end
            && self.is_particle(rel, end, "rel").is_some()
            && self.is_particle(k, end, "prep") == Some(1)
            && self.form(k).ends_with(['ه', 'م', 'ا'])
    }

    /// Whether a function word of `class` stands at `i`; its length if so.
    #[inline]
    pub fn is_particle(&self, i: usize, end: usize, class: &str) -> Option<usize> {
        self.particle(i, end)
            .filter(|(c, _)| *c == class)
            .map(|(_, n)| n)
    }

    /// Whether a function word of `class` ends right before token `i` (one to three
    /// tokens long: `فيما`, `في حين`, `في الوقت الذي`).
    pub fn particle_before(&self, i: usize, class: &str) -> bool {
        (1..=3.min(i)).any(|n| self.is_particle(i - n, i, class) == Some(n))
    }

    /// Whether an according-to cue ends right before token `i` (`وفق ما`, `بحسب`): what
    /// follows is credited by it.
    pub fn prep_cue_before(&self, i: usize, end: usize) -> bool {
        (i.saturating_sub(3)..i).any(|p| {
            self.cue(p, end)
                .is_some_and(|h| h.end == i && h.value.kind == crate::lex::CueKind::Prep)
        })
    }

    /// The reporting cue at `i`.
    #[inline]
    pub fn cue(&self, i: usize, end: usize) -> Option<Hit<'a, Cue>> {
        self.lx.cues.hit(&self.cues, self.lookup(), i, end)
    }

    /// The speaker head at `i`.
    #[inline]
    pub fn head(&self, i: usize, end: usize) -> Option<Hit<'a, SourceHead>> {
        self.lx.sources.hit(&self.sources, self.lookup(), i, end)
    }

    /// The outlet pattern at `i`: its class (`noun`, `frame`) and length.
    #[inline]
    pub fn outlet(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx.outlets.hit(&self.outlets, self.lookup(), i, end)
    }

    /// The negation cue at `i`: its class and length.
    #[inline]
    pub fn negation(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx.negation.hit(&self.negation, self.lookup(), i, end)
    }

    /// The modality cue at `i`.
    #[inline]
    pub fn modality(&self, i: usize, end: usize) -> Option<Hit<'a, ModalCue>> {
        self.lx.modality.hit(&self.modality, self.lookup(), i, end)
    }

    /// Whether token `i` carries a preposition clitic (ب ل ك).
    #[inline]
    pub fn has_prep_clitic(&self, i: usize) -> bool {
        let c = self.doc.tokens[i].clitics;
        c.has(Clitics::BI) || c.has(Clitics::LI) || c.has(Clitics::KA)
    }

    /// Whether token `i` carries the article.
    #[inline]
    pub fn has_article(&self, i: usize) -> bool {
        self.doc.tokens[i].clitics.has(Clitics::AL)
    }

    /// Whether token `i` ends like a relational adjective (nisba): `الحوثي`, `الليبية`
    /// (folded, ة is ه).
    pub fn nisba(&self, i: usize) -> bool {
        let c = self.core(i);
        c.ends_with('ي') || c.ends_with("يه")
    }

    /// Whether token `i` is a word (Arabic or Latin).
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Latin)
    }

    /// The sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> usize {
        self.doc
            .sentence_tokens
            .partition_point(|&a| a as usize <= t)
            .saturating_sub(1)
    }

    /// The sentence bounds `[a, b)` (token indices) of sentence `s`.
    pub fn sentence(&self, s: usize) -> (usize, usize) {
        let st = &self.doc.sentence_tokens;
        match (st.get(s), st.get(s + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        }
    }
}

/// Entity types that can speak.
pub fn speaker_type(t: EntityType) -> bool {
    matches!(
        t,
        EntityType::PER
            | EntityType::ORG
            | EntityType::GROUP
            | EntityType::OUTLET
            | EntityType::GPE
    )
}
