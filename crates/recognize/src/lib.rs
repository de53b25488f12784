//! rasd's recognize stage: finds the people, organisations, armed groups, states, places,
//! facilities and media outlets an article names, and links each mention to a record.
//!
//! [`EntityRecognizer`] loads the editable lexicons (`actors/`, `places/`, `outlets/`;
//! see `lexicons/README.md`), checks them ([`EntityRecognizer::load`] returns every bad
//! row), and on each [`Doc`] fills `doc.entities` and `doc.refs`:
//! - [`matcher`]: one automaton over the token-joined folded text, clitics checked at
//!   token boundaries (`لحفتر`, `بطرابلس`, `للأمم المتحدة`), longest match first;
//! - [`resolve`]: names that are also ordinary words fire only with evidence, homonyms
//!   (طرابلس) are chosen by the document's other places and states, titles before a
//!   person become its `role`, and every mention of one entry shares its `ref`;
//! - [`local`]: names only the statistical [`tagger`] finds get a type from the words
//!   around them and a document-local record named after their longest mention.
//!
//! A mention's span leaves attached particles (و ف ب ل ك) out and keeps the article:
//! `لحفتر` gives `حفتر`, `بالعزيزية` gives `العزيزية`; where the article is merged into a
//! preposition (`للأمم المتحدة`) the whole token is kept, since no code-point span holds
//! the name alone. This crate neither tokenizes (that is `rasd-text`) nor decides who did
//! what (`rasd-events`).
//!
//! ```
//! use rasd_lexicon::Source;
//! use rasd_recognize::EntityRecognizer;
//! use rasd_text::Analyzer;
//! let (rec, _issues) = EntityRecognizer::load(&Source::embedded());
//! let mut doc = Analyzer::default().analyze_text("قصفت قوات حفتر مركز إيواء المهاجرين بتاجوراء شرق طرابلس.");
//! rec.run(&mut doc).unwrap();
//! let refs: Vec<&str> = doc.entities.iter().filter_map(|e| e.reference.as_deref()).collect();
//! assert!(refs.contains(&"lna") && refs.contains(&"tajoura-ly") && refs.contains(&"tripoli-ly"));
//! assert_eq!(doc.refs["tripoli-ly"].country.as_deref(), Some("LY"));
//! ```
#![warn(missing_docs)]

mod error;
pub mod lexicon;
pub mod local;
pub mod matcher;
pub mod resolve;
pub mod tagger;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;
use rasd_text::Analyzer;

use crate::lexicon::Lexicon;
use crate::matcher::{Joined, Matcher};
use crate::tagger::Tagger;

/// The recognize stage.
pub struct EntityRecognizer {
    lexicon: Lexicon,
    matcher: Matcher,
    analyzer: Analyzer,
    tagger: Option<Tagger>,
}

impl std::fmt::Debug for EntityRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityRecognizer")
            .field("entries", &self.lexicon.entries.len())
            .field("forms", &self.lexicon.forms.len())
            .field("tagger", &self.tagger.is_some())
            .finish()
    }
}

impl EntityRecognizer {
    /// Build from lexicons, with the statistical tagger; problems in the lexicons are
    /// returned, never fatal.
    pub fn load(src: &Source) -> (EntityRecognizer, Vec<Issue>) {
        EntityRecognizer::load_with(src, true)
    }

    /// Build from lexicons, with or without the statistical tagger (preset `no-tagger`).
    pub fn load_with(src: &Source, tagger: bool) -> (EntityRecognizer, Vec<Issue>) {
        let (analyzer, mut issues) = Analyzer::load(src);
        issues.clear(); // the text stage reports its own lexicon's problems
        let (lexicon, mut i) = Lexicon::load(src, &analyzer);
        issues.append(&mut i);
        let matcher = Matcher::new(&lexicon);
        let tagger = tagger.then(|| {
            let (t, mut i) = Tagger::load(src);
            issues.append(&mut i);
            t
        });
        (EntityRecognizer { lexicon, matcher, analyzer, tagger }, issues)
    }

    /// The loaded lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Add this stage's layer to `doc` (analyzing it first if the text stage has not).
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        if doc.tokens.is_empty() && !doc.body.is_empty() {
            self.analyzer.analyze(doc);
        }
        let joined = Joined::new(doc);
        let cands = self.matcher.find(doc, &joined);
        let (ms, ctx) = resolve::mentions(&self.lexicon, doc, &cands);
        resolve::emit(&self.lexicon, doc, &ms);
        if let Some(t) = &self.tagger {
            let tagged = t.tag(doc);
            local::add(&self.lexicon, doc, &ctx, &ms, &tagged, &t.why());
        }
        doc.entities.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        for (i, e) in doc.entities.iter_mut().enumerate() {
            e.id = format!("E{}", i + 1);
        }
        Ok(())
    }
}
