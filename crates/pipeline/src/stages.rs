//! The [`Stage`] adapters over each stage crate.

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

use crate::{Result, Stage};

/// Body vs. site chrome (`rasd-clean`).
pub struct CleanStage(pub rasd_clean::Cleaner);
/// Matching form, tokens, clitics, sentences (`rasd-text`).
pub struct TextStage(pub rasd_text::Analyzer);
/// Entities (`rasd-recognize`).
pub struct RecognizeStage(pub rasd_recognize::EntityRecognizer);
/// Times and quantities (`rasd-measure`).
pub struct MeasureStage(pub rasd_measure::Measurer);
/// Claims (`rasd-attribute`).
pub struct AttributeStage(pub rasd_attribute::Attributor);
/// Events (`rasd-events`).
pub struct EventsStage(pub rasd_events::EventExtractor);

impl CleanStage {
    /// Load from lexicons.
    pub fn load(src: &Source) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_clean::Cleaner::load(src);
        (CleanStage(s), i)
    }
}

impl TextStage {
    /// Load from lexicons.
    pub fn load(src: &Source) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_text::Analyzer::load(src);
        (TextStage(s), i)
    }
}

impl RecognizeStage {
    /// Load from lexicons; `tagger` adds the statistical tagger.
    pub fn load(src: &Source, tagger: bool) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_recognize::EntityRecognizer::load_with(src, tagger);
        (RecognizeStage(s), i)
    }
}

impl MeasureStage {
    /// Load from lexicons.
    pub fn load(src: &Source) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_measure::Measurer::load(src);
        (MeasureStage(s), i)
    }
}

impl AttributeStage {
    /// Load from lexicons.
    pub fn load(src: &Source) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_attribute::Attributor::load(src);
        (AttributeStage(s), i)
    }
}

impl EventsStage {
    /// Load from lexicons.
    pub fn load(src: &Source) -> (Self, Vec<Issue>) {
        let (s, i) = rasd_events::EventExtractor::load(src);
        (EventsStage(s), i)
    }
}

impl Stage for CleanStage {
    fn name(&self) -> &'static str {
        "clean"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        Ok(self.0.run(doc)?)
    }
}

impl Stage for TextStage {
    fn name(&self) -> &'static str {
        "text"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        self.0.analyze(doc);
        Ok(())
    }
}

impl Stage for RecognizeStage {
    fn name(&self) -> &'static str {
        "recognize"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        Ok(self.0.run(doc)?)
    }
}

impl Stage for MeasureStage {
    fn name(&self) -> &'static str {
        "measure"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        Ok(self.0.run(doc)?)
    }
}

impl Stage for AttributeStage {
    fn name(&self) -> &'static str {
        "attribute"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        Ok(self.0.run(doc)?)
    }
}

impl Stage for EventsStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn run(&self, doc: &mut Doc) -> Result<()> {
        Ok(self.0.run(doc)?)
    }
}
