//! rasd's Arabic text layer: it gives a cleaned body a matching form with an offset
//! map back to the body, tokens whose clitics are sub-ranges, and sentences.
//!
//! The main types are [`Normalizer`] (character [`Fold`]s, lossless and lossy kept
//! apart), [`Segmenter`] (proclitics و ف ب ل ك ال لل س and pronoun suffixes) and
//! [`Analyzer`], which runs the three over a [`Doc`]. This crate finds no entities,
//! dates or numbers: it only prepares text so later stages can match on it and map
//! every hit back to a body span.
//!
//! ```
//! use rasd_text::Analyzer;
//! let doc = Analyzer::default().analyze_text("قال المسماري لوكالة “سبوتنيك”. وأضاف");
//! assert_eq!(doc.sentences.len(), 2);
//! let t = &doc.tokens[2]; // لوكالة
//! assert_eq!(doc.form(t.form), "لوكاله");
//! assert_eq!(doc.form(t.core), "وكاله");
//! ```
#![warn(missing_docs)]

mod clitic;
mod fold;
pub mod hash;
mod presentation;
pub mod sentence;
mod token;

pub use clitic::Segmenter;
pub use fold::{lossless_folds, lossy_folds, Fold, Folded, Normalizer};
pub use sentence::MAX_SENTENCE;
pub use token::{tokenize, MAX_TOKEN_BYTES};

use rasd_lexicon::{Issue, Source};
use rasd_model::{Content, Doc, Why};

/// The lexicon file of stems never split into clitics.
pub const NO_SPLIT: &str = "text/no_split.tsv";

/// Normalizes, tokenizes, segments clitics and splits sentences.
#[derive(Debug)]
pub struct Analyzer {
    normalizer: Normalizer,
    segmenter: Segmenter,
}

impl Default for Analyzer {
    /// An analyzer with the embedded lexicons.
    fn default() -> Analyzer {
        Analyzer::load(&Source::embedded()).0
    }
}

impl Analyzer {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(src: &Source) -> (Analyzer, Vec<Issue>) {
        let normalizer = Normalizer::matching();
        let mut issues = Vec::new();
        let words = match src.table(NO_SPLIT) {
            Ok(mut t) => {
                t.require(&["word"]);
                t.check_unique("word");
                let words: Vec<String> = t
                    .rows
                    .iter()
                    .filter_map(|r| t.get(r, "word"))
                    .map(|w| normalizer.fold_str(w))
                    .collect();
                issues.append(&mut t.issues);
                words
            }
            Err(e) => {
                issues.push(Issue::new(NO_SPLIT, 0, e.to_string()));
                Vec::new()
            }
        };
        (
            Analyzer {
                normalizer,
                segmenter: Segmenter::new(words),
            },
            issues,
        )
    }

    /// The matching normalizer (also for folding lexicon entries and queries).
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The clitic segmenter.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// Fold a string to the matching form.
    pub fn fold(&self, s: &str) -> String {
        self.normalizer.fold_str(s)
    }

    /// Fill the text layer of a document whose body is set.
    pub fn analyze(&self, doc: &mut Doc) {
        let mut offsets = Vec::new();
        doc.norm = self
            .normalizer
            .normalize_tokenize(&doc.body, &mut doc.tokens, &mut offsets);
        let index = rasd_model::CharIndex::from_offsets(offsets);
        self.segmenter
            .segment(&doc.norm, &doc.body, &index, &mut doc.tokens);
        doc.set_chars(index);
        let (sentences, firsts) = sentence::split(&doc.norm, &doc.tokens);
        doc.sentences = sentences;
        doc.sentence_tokens = firsts;
    }

    /// A document made of `body` alone, analyzed (for tests and tools).
    pub fn analyze_text(&self, body: &str) -> Doc {
        let mut doc = Doc::new("text", "-", Content::Text(String::new()));
        doc.raw = None;
        doc.set_body(body.to_string());
        self.analyze(&mut doc);
        doc
    }
}

/// The reason recorded for anything the text layer alone decided.
pub fn why(rule: &str) -> Why {
    Why::rule(format!("text/{rule}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With the built-in stem list, `لل` is ل + ال (`للحوثيين`, `للأمم`), and a listed stem
    /// in ل keeps its letter (`لليبيا` is ل + ليبيا).
    #[test]
    fn built_in_list_reads_lam_lam_as_li_and_article() {
        let (an, issues) = Analyzer::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:?}");
        let doc = an.analyze_text("للحوثيين للأمم للحرب لليبيا وزير");
        let cores: Vec<&str> = doc
            .tokens
            .iter()
            .map(|t| &doc.norm.form[t.core.range()])
            .collect();
        assert_eq!(cores, ["حوثيين", "امم", "حرب", "ليبيا", "وزير"]);
    }
}
