//! rasd's attribute stage: who says what. It adds [`Claim`]s to a document — the
//! speaker (a named person or institution, or an anonymous source), the outlet the
//! statement went through, the reporting cue as written, asserted or denied, and the
//! span said — so that no fact rasd outputs stands without a source.
//!
//! The main types are [`Attributor`] (the stage), [`Lexicons`] (the cue, speaker-head,
//! outlet, function-word, negation and modality tables under `lexicons/cues/`) and
//! [`words::Phrases`] (the token phrase matcher the events stage shares). The stage
//! reads the text layer and, when present, the entities of the recognize stage; it
//! never finds entities itself, and never decides whether a claim is true.
//!
//! ```
//! use rasd_attribute::Attributor;
//! use rasd_lexicon::Source;
//! use rasd_text::Analyzer;
//! let (stage, issues) = Attributor::load(&Source::embedded());
//! assert!(issues.is_empty());
//! let mut doc = Analyzer::default().analyze_text("وقال المسماري لوكالة سبوتنيك إن الغارة استهدفت معسكراً.");
//! stage.run(&mut doc).unwrap();
//! let c = &doc.claims[0];
//! assert_eq!((c.cue.as_str(), c.speaker.as_ref().unwrap().text.as_str()), ("قال", "المسماري"));
//! assert_eq!(c.via.as_ref().unwrap().text, "سبوتنيك");
//! assert_eq!(doc.text(c.content.unwrap()), "الغارة استهدفت معسكراً");
//! ```
#![warn(missing_docs)]

mod claims;
pub mod context;
mod error;
pub mod lex;
pub mod speaker;
pub mod words;

pub use error::{Error, Result};
pub use lex::Lexicons;

use rasd_lexicon::{Issue, Source};
use rasd_model::{Claim, Doc};
use rasd_text::Analyzer;

/// The attribute stage.
#[derive(Debug, Default)]
pub struct Attributor {
    lx: Lexicons,
}

impl Attributor {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(src: &Source) -> (Attributor, Vec<Issue>) {
        let (an, _) = Analyzer::load(src);
        let (lx, issues) = Lexicons::load(src, &an);
        (Attributor { lx }, issues)
    }

    /// The loaded lexicons (the events stage reads negation and modality from them).
    pub fn lexicons(&self) -> &Lexicons {
        &self.lx
    }

    /// Add this stage's layer to `doc`: `doc.claims`, in reading order, and — when the
    /// article's outlet is known — `doc.voice`, the outlet's own voice (id `C0`,
    /// `voice: "outlet"`, spanning the body, with no cue), which every event no named
    /// source reports is tied to. It is not one of the claims: it has no reporting cue.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        doc.claims = claims::find(&context::Ctx::new(doc, &self.lx));
        doc.voice = outlet_voice(doc);
        Ok(())
    }
}

/// The claim of the outlet's own voice, when the outlet is known and the body is not
/// empty. Its speaker's `ref` is the outlet's record when the article names it.
fn outlet_voice(doc: &Doc) -> Option<Claim> {
    let outlet = doc
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())?;
    if doc.is_empty() {
        return None;
    }
    let key = |s: &str| s.to_lowercase().replace(|c: char| !c.is_alphanumeric(), "");
    let reference = doc
        .refs
        .iter()
        .find(|(_, r)| {
            r.kind == "outlet"
                && r.name_en
                    .as_deref()
                    .is_some_and(|en| key(en) == key(outlet))
        })
        .map(|(k, _)| k.clone());
    Some(Claim {
        id: "C0".to_string(),
        start: 0,
        end: doc.len(),
        cue: String::new(),
        stance: rasd_model::Stance::Assert,
        speaker: Some(rasd_model::Mention {
            text: outlet.to_string(),
            reference,
            start: None,
            end: None,
            role: None,
            of: None,
        }),
        anonymous: false,
        via: None,
        content: None,
        sentence: 0,
        within: None,
        voice: Some("outlet".to_string()),
        why: rasd_model::Why::rule("attribute/outlet-voice"),
    })
}
