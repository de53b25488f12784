//! rasd's facade: it re-exports the stages and chains them into a [`Pipeline`], the
//! one way the CLI, the server, the benches and the tests run rasd.
//!
//! A pipeline is a list of [`Stage`]s run in order on a [`Doc`]: clean, text,
//! recognize, measure, attribute, events (DESIGN.md). Named presets choose the
//! chain ([`Preset`]); [`Config`] says where lexicons come from. This crate holds no
//! text logic of its own.
//!
//! ```
//! use rasd_pipeline::{Config, Pipeline};
//! use rasd_model::{Content, Doc};
//! let (pipeline, issues) = Pipeline::from_config(&Config::default());
//! assert!(issues.is_empty(), "{issues:?}");
//! let mut doc = Doc::new("a1", "-", Content::Text("قال المسماري إن الغارة استهدفت معسكراً.".into()));
//! pipeline.run(&mut doc).unwrap();
//! assert_eq!(doc.sentences.len(), 1);
//! ```
#![warn(missing_docs)]

mod error;
mod stages;

use std::path::PathBuf;

pub use error::{Error, Result};
pub use rasd_attribute as attribute;
pub use rasd_clean as clean;
pub use rasd_events as events;
pub use rasd_ingest as ingest;
pub use rasd_lexicon as lexicon;
pub use rasd_measure as measure;
pub use rasd_model as model;
pub use rasd_recognize as recognize;
pub use rasd_text as text;
pub use stages::*;

use rasd_lexicon::{Issue, Source};
use rasd_model::Doc;

/// One step of the chain.
pub trait Stage: Send + Sync {
    /// The stage's name (`clean`, `text`, …).
    fn name(&self) -> &'static str;
    /// Add this stage's layer to `doc`.
    fn run(&self, doc: &mut Doc) -> Result<()>;
}

/// Named stage chains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preset {
    /// Every stage.
    #[default]
    Default,
    /// Every stage, entities from lexicons only (no statistical tagger).
    NoTagger,
    /// Clean and text only.
    TextOnly,
}

impl Preset {
    /// Every preset with its name.
    pub const ALL: [(&'static str, Preset); 3] = [
        ("default", Preset::Default),
        ("no-tagger", Preset::NoTagger),
        ("text-only", Preset::TextOnly),
    ];

    /// The preset of a name.
    pub fn parse(name: &str) -> Option<Preset> {
        Preset::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| *p)
    }
}

/// How to build a pipeline.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Lexicon directory overriding the embedded files.
    pub lexicons: Option<PathBuf>,
    /// Which chain.
    pub preset: Preset,
}

impl Config {
    /// The lexicon source of this configuration.
    pub fn source(&self) -> Source {
        match &self.lexicons {
            Some(d) => Source::with_dir(d),
            None => Source::embedded(),
        }
    }
}

/// A chain of stages.
#[derive(Default)]
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

/// Builds a [`Pipeline`] stage by stage.
#[derive(Default)]
pub struct Builder {
    stages: Vec<Box<dyn Stage>>,
}

impl Builder {
    /// Append a stage.
    pub fn stage(mut self, s: impl Stage + 'static) -> Builder {
        self.stages.push(Box::new(s));
        self
    }

    /// Append a boxed stage.
    pub fn boxed(mut self, s: Box<dyn Stage>) -> Builder {
        self.stages.push(s);
        self
    }

    /// The pipeline.
    pub fn build(self) -> Pipeline {
        Pipeline {
            stages: self.stages,
        }
    }
}

impl Pipeline {
    /// An empty builder.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// The chain a configuration asks for, and every lexicon problem met on the way
    /// (bad rows are skipped, never fatal).
    pub fn from_config(config: &Config) -> (Pipeline, Vec<Issue>) {
        let src = config.source();
        let mut issues = Vec::new();
        let mut b = Pipeline::builder();
        let (clean, mut i) = CleanStage::load(&src);
        issues.append(&mut i);
        b = b.stage(clean);
        let (text, mut i) = TextStage::load(&src);
        issues.append(&mut i);
        b = b.stage(text);
        if config.preset != Preset::TextOnly {
            let (s, mut i) = RecognizeStage::load(&src, config.preset != Preset::NoTagger);
            issues.append(&mut i);
            b = b.stage(s);
            let (s, mut i) = MeasureStage::load(&src);
            issues.append(&mut i);
            b = b.stage(s);
            let (s, mut i) = AttributeStage::load(&src);
            issues.append(&mut i);
            b = b.stage(s);
            let (s, mut i) = EventsStage::load(&src);
            issues.append(&mut i);
            b = b.stage(s);
        }
        (b.build(), issues)
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The stages, in order (for per-stage benchmarks).
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// Run every stage on one document.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        for s in &self.stages {
            s.run(doc)?;
        }
        Ok(())
    }

    /// Run on a batch in parallel, keeping the batch's order.
    pub fn run_batch(&self, docs: Vec<Doc>) -> Vec<(Doc, Result<()>)> {
        use rayon::prelude::*;
        docs.into_par_iter()
            .map(|mut d| {
                let r = self.run(&mut d);
                (d, r)
            })
            .collect()
    }
}

/// Load every stage's lexicons from a source and return all problems found
/// (`rasd lexicon check`).
pub fn check_lexicons(src: &Source) -> Vec<Issue> {
    let mut issues = Vec::new();
    issues.extend(CleanStage::load(src).1);
    issues.extend(TextStage::load(src).1);
    issues.extend(RecognizeStage::load(src, false).1);
    issues.extend(MeasureStage::load(src).1);
    issues.extend(AttributeStage::load(src).1);
    issues.extend(EventsStage::load(src).1);
    issues
}
