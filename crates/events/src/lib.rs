//! rasd's events stage: what happened. It adds [`Event`]s to a document — typed as in
//! DESIGN.md (ACLED sub-event types for violent and strategic events, PLOVER types for
//! political ones), with actors, targets, place, time, weapons, killed and injured —
//! each tied to the claims that report it and to its evidence sentence, never asserted
//! as fact.
//!
//! The main types are [`EventExtractor`] (the stage) and [`Lexicons`] (trigger tables per
//! family under `lexicons/events/triggers/`, weapons, casualty words, targets, actor heads
//! and place words). Mentions are found per trigger ([`extract`]) and merged into one
//! event per incident ([`merge`]). The stage reads the text, entity, time, quantity and
//! claim layers; it recognises no names, dates or numbers itself.
//!
//! ```
//! use rasd_events::EventExtractor;
//! use rasd_lexicon::Source;
//! use rasd_text::Analyzer;
//! let (stage, issues) = EventExtractor::load(&Source::embedded());
//! assert!(issues.is_empty());
//! let mut doc = Analyzer::default().analyze_text("قصفت طائرات مسيرة مواقع في منطقة الوشكة.");
//! stage.run(&mut doc).unwrap();
//! let e = &doc.events[0];
//! assert_eq!(e.etype, "air_drone_strike");
//! assert_eq!(e.place.as_deref(), Some("الوشكة"));
//! assert_eq!(e.weapons, vec!["drone"]);
//! ```
#![warn(missing_docs)]

mod error;
pub mod extract;
pub mod lex;
pub mod merge;

pub use error::{Error, Result};
pub use lex::Lexicons;

use rasd_lexicon::{Issue, Source};
use rasd_model::{Doc, Event};
use rasd_text::Analyzer;

/// The events stage.
#[derive(Debug, Default)]
pub struct EventExtractor {
    lx: Lexicons,
    cues: rasd_attribute::Lexicons,
}

impl EventExtractor {
    /// Build from lexicons; problems in them are returned, never fatal. (Problems in
    /// the cue tables it shares with the attribute stage are reported there.)
    pub fn load(src: &Source) -> (EventExtractor, Vec<Issue>) {
        let (an, _) = Analyzer::load(src);
        let (cues, _) = rasd_attribute::Lexicons::load(src, &an);
        let (lx, issues) = Lexicons::load(src, &an);
        (EventExtractor { lx, cues }, issues)
    }

    /// Add this stage's layer to `doc`: `doc.events`, one per incident.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        let mentions = extract::Scan::new(doc, &self.cues, &self.lx).mentions();
        let events: Vec<Event> = merge::events(doc, mentions);
        doc.events = events;
        Ok(())
    }
}
