//! The document every stage annotates.

use std::collections::BTreeMap;

use crate::{
    CharIndex, Claim, Entity, Event, Normalized, Published, Quantity, RefRecord, Removed, Span,
    TimeExpr, Token,
};

/// What an input held before cleaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Plain text (possibly with scraped site debris).
    Text(String),
    /// An HTML page.
    Html(String),
}

/// One article: its metadata, its cleaned body and every layer the stages add.
///
/// Stages run in pipeline order; each appends its own layer and reads only the
/// layers of earlier stages. All spans are code points into [`Doc::body`].
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Article id (from the record, or derived from the file name).
    pub id: String,
    /// Where it came from: a path, `path:line` for JSON Lines, or `-` for stdin.
    pub source: String,
    /// Outlet name, when known.
    pub outlet: Option<String>,
    /// Publication date as given (`2020-01-28` or `2013-12-29T05:05:46+04:00`).
    pub published: Option<String>,
    /// `published`, parsed; `None` when absent or unparseable.
    pub published_at: Option<Published>,
    /// URL, when known.
    pub url: Option<String>,
    /// Title, when the record or page gives one separately from the body.
    pub title: Option<String>,
    /// The input before cleaning; the clean stage takes it.
    pub raw: Option<Content>,
    /// Warnings about the input that did not stop it (a repaired encoding, an
    /// unparseable date); the CLI prints them with the input's name.
    pub notes: Vec<String>,
    /// The cleaned article text.
    pub body: String,
    /// Code-point index of `body`, built on first use (the text stage builds it while
    /// it normalizes, for free).
    chars: std::sync::OnceLock<CharIndex>,
    /// Site chrome taken out of the input.
    pub removed: Vec<Removed>,
    /// Source credits (`المصدر : الجزيرة + وكالات` → `["الجزيرة", "وكالات"]`).
    pub credits: Vec<String>,
    /// The matching form of `body` with its offset map.
    pub norm: Normalized,
    /// Tokens of `body`, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order, as spans of `body`.
    pub sentences: Vec<Span>,
    /// Index of the first token of each sentence, plus a sentinel (`tokens.len()`).
    pub sentence_tokens: Vec<u32>,
    /// Entity mentions.
    pub entities: Vec<Entity>,
    /// Canonical and document-local records the mentions point to.
    pub refs: BTreeMap<String, RefRecord>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Quantities.
    pub quantities: Vec<Quantity>,
    /// Durations (`17 دقيقة`): measured, but never times.
    pub durations: Vec<Quantity>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// The outlet's own voice (id `C0`, no cue, spanning the body), when the outlet is
    /// known: what no named source reports is said by the outlet that published it.
    /// Events resting on it reference it by id; it is not one of `claims`, since it
    /// has no reporting cue.
    pub voice: Option<Claim>,
    /// Events.
    pub events: Vec<Event>,
}

impl Doc {
    /// A document holding raw content, ready for the clean stage.
    pub fn new(id: impl Into<String>, source: impl Into<String>, raw: Content) -> Doc {
        Doc {
            id: id.into(),
            source: source.into(),
            raw: Some(raw),
            ..Doc::default()
        }
    }

    /// The claim with this id: one of `claims`, or the outlet's `voice`.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims
            .iter()
            .chain(self.voice.iter())
            .find(|c| c.id == id)
    }

    /// Set the cleaned body and index it.
    pub fn set_body(&mut self, body: String) {
        self.chars = std::sync::OnceLock::new();
        self.body = body;
    }

    /// The code-point index of the body.
    pub fn chars(&self) -> &CharIndex {
        self.chars.get_or_init(|| CharIndex::new(&self.body))
    }

    /// Install an index built elsewhere (it must index the current body).
    pub fn set_chars(&mut self, index: CharIndex) {
        debug_assert_eq!(index.len() as usize, self.body.chars().count());
        self.chars = std::sync::OnceLock::from(index);
    }

    /// Set `published` and parse it.
    pub fn set_published(&mut self, published: Option<String>) {
        self.published_at = published.as_deref().and_then(Published::parse);
        self.published = published;
    }

    /// Length of the body in code points.
    pub fn len(&self) -> u32 {
        self.chars().len()
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The body text of a span.
    pub fn text(&self, span: Span) -> &str {
        &self.body[self.chars().byte_range(span)]
    }

    /// Index of the sentence holding code point `cp`.
    pub fn sentence_at(&self, cp: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= cp);
        (i < self.sentences.len() && self.sentences[i].start <= cp).then_some(i)
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match (self.sentence_tokens.get(i), self.sentence_tokens.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.tokens[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        if a < b {
            &self.tokens[a..b]
        } else {
            &[]
        }
    }

    /// The text of a form range of a token, folded.
    pub fn form(&self, r: crate::FormRange) -> &str {
        self.norm.slice(r)
    }
}
