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
//!   person become its `role`, and every mention of one entry shares its `ref`.
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
pub mod matcher;
pub mod resolve;
pub mod tagger;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;
use rasd_text::Analyzer;

use crate::lexicon::Lexicon;
use crate::matcher::{Joined, Matcher};

/// The recognize stage.
#[derive(Debug)]
pub struct EntityRecognizer {
    lexicon: Lexicon,
    matcher: Matcher,
    analyzer: Analyzer,
}

impl EntityRecognizer {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(src: &Source) -> (EntityRecognizer, Vec<Issue>) {
        let (analyzer, mut issues) = Analyzer::load(src);
        issues.clear(); // the text stage reports its own lexicon's problems
        let (lexicon, mut i) = Lexicon::load(src, &analyzer);
        issues.append(&mut i);
        let matcher = Matcher::new(&lexicon);
        (
            EntityRecognizer {
                lexicon,
                matcher,
                analyzer,
            },
            issues,
        )
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
        let ms = resolve::mentions(&self.lexicon, doc, &cands);
        resolve::emit(&self.lexicon, doc, &ms);
        Ok(())
    }
}
