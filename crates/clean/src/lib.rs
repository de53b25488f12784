//! rasd's clean stage: it keeps the article body of a raw input, takes out the site
//! chrome scrapers leave in and reports it in `removed`, and turns source-credit lines
//! into `credits`.
//!
//! The main type is [`Cleaner`]. Plain text goes line by line through
//! [`Cleaner::clean_text`]; an HTML page first has its main text extracted
//! ([`Cleaner::extract_html`], readability-style scoring over an html5ever tree) and
//! then goes through the same line cleaner, so credit and chrome rules apply to both.
//!
//! **What it removes**, each with the pattern row or rule that decided it in `why`:
//! lines matching `lexicons/clean/chrome.tsv` (breadcrumb and menu labels, `[ads2]`,
//! `Facebook Comments`, `اترك رد`, `الوسوم`, `مقالات ذات صلة`, the Akismet notice,
//! `%d مدونون معجبون بهذه:`, share and follow boxes, copyright lines …); glued
//! breadcrumbs made of section names (`الرئيسيتقاريرخبرسياسة`); a lone word above the
//! headline (a category label); short lines repeated three times or more; lines made
//! only of section names, an agency credit (`-رويترز-`) and closing runs of very short
//! lines at the edges of the text. Credit lines (`المصدر : الجزيرة + وكالات`) leave the
//! body with kind `credit` and fill `credits` (`["الجزيرة", "وكالات"]`).
//!
//! **What it never removes**: a line of more than 40 words (no pattern is tried on it);
//! a headline (a short line without a full stop at the top is kept unless it is a single
//! word above another headline, or made only of section names); subheadings between
//! paragraphs (only repeated lines and pattern matches are taken from the middle of a
//! text). Nothing inside a kept line is changed: lines are only trimmed.
//!
//! **Layout of `body`**: one kept line per paragraph, trimmed, joined by a single `\n`;
//! blank and whitespace-only lines (spaces, no-break spaces, format marks) vanish, so
//! any run of them is one paragraph break.
//!
//! **Speed**: patterns are compiled once at load (hash maps of keys, one regex list);
//! a line is folded only when its first word starts some pattern, and word counts are
//! a vectorized byte loop, so most article lines cost a scan and a hash lookup
//! (about 1 GB/s per core on the dev corpus, `rasd bench --preset text-only`).
//!
//! **Known failures**: chrome glued to article text on the same line stays (`… لعدن
//! رابط الخبر بصحيفة الوئام: …` keeps its link text); a breadcrumb whose last section
//! is not in `vocab.tsv` stays (`الرئيسيةأخبارليبيا`); a one-word headline above a
//! subtitle is taken for a category label; an article line that happens to be exactly a
//! chrome label (a one-word subheading `تعليقات`) is removed.
//!
//! ```
//! use rasd_clean::Cleaner;
//! let c = Cleaner::default();
//! let out = c.clean_text("خبر\nحفتر يخسر الحرب\n\u{a0}\nقال المتحدث إن القوات تقدمت نحو المدينة اليوم.\nالمصدر : الجزيرة + وكالات\n[ads2]");
//! assert_eq!(out.body, "حفتر يخسر الحرب\nقال المتحدث إن القوات تقدمت نحو المدينة اليوم.");
//! assert_eq!(out.credits, vec!["الجزيرة", "وكالات"]);
//! let kinds: Vec<&str> = out.removed.iter().map(|r| r.kind.as_str()).collect();
//! assert_eq!(kinds, vec!["nav", "credit", "ad"]);
//! ```
#![warn(missing_docs)]

mod error;
pub mod html;
mod lexicon;
mod lines;

pub use error::{Error, Result};
pub use html::{Page, MAX_DEPTH};
pub use lexicon::{Kind, CHROME, HTML_HINTS, VOCAB};
pub use lines::{Cleaned, MAX_CHROME_WORDS, REPEAT_MIN};

use rasd_lexicon::{Issue, Source};
use rasd_model::{Content, Doc};
use rasd_text::Normalizer;

use lexicon::{Hints, Patterns, Vocab};
use lines::Rules;

/// The clean stage: compiled chrome patterns, word lists and HTML hints.
#[derive(Debug)]
pub struct Cleaner {
    norm: Normalizer,
    patterns: Patterns,
    vocab: Vocab,
    hints: Hints,
}

impl Default for Cleaner {
    /// A cleaner with the embedded lexicons.
    fn default() -> Cleaner {
        Cleaner::load(&Source::embedded()).0
    }
}

impl Cleaner {
    /// Build from lexicons (`clean/chrome.tsv`, `clean/vocab.tsv`,
    /// `clean/html_hints.tsv`); bad rows are returned as issues and skipped.
    pub fn load(src: &Source) -> (Cleaner, Vec<Issue>) {
        let norm = Normalizer::matching();
        let mut issues = Vec::new();
        let patterns = Patterns::load(src, &norm, &mut issues);
        let vocab = Vocab::load(src, &norm, &mut issues);
        let hints = Hints::load(src, &mut issues);
        (
            Cleaner {
                norm,
                patterns,
                vocab,
                hints,
            },
            issues,
        )
    }

    /// Clean a scraped plain text: body, removed chrome, credits.
    pub fn clean_text(&self, text: &str) -> Cleaned {
        self.clean_titled(text, None)
    }

    /// [`Cleaner::clean_text`] for an article whose title is known, which also lets
    /// other stories' teasers after the article be told apart.
    pub fn clean_titled(&self, text: &str, title: Option<&str>) -> Cleaned {
        Rules {
            norm: &self.norm,
            patterns: &self.patterns,
            vocab: &self.vocab,
        }
        .clean(text, title)
    }

    /// Extract an HTML page's main text and metadata (before line cleaning).
    pub fn extract_html(&self, page: &str) -> Page {
        html::extract(page, &self.hints)
    }

    /// Take `doc.raw`, set `doc.body`, and fill `removed` and `credits`; for HTML also
    /// `title`, `outlet` and `published` when the record left them empty.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        let cleaned = match doc.raw.take() {
            Some(Content::Text(t)) => self.clean_titled(&t, doc.title.as_deref()),
            Some(Content::Html(h)) => {
                let page = self.extract_html(&h);
                if doc.title.is_none() {
                    doc.title = page.title;
                }
                if doc.outlet.is_none() {
                    doc.outlet = page.outlet;
                }
                if doc.published.is_none() && page.published.is_some() {
                    doc.set_published(page.published);
                }
                doc.removed.extend(page.removed);
                self.clean_titled(&page.text, doc.title.as_deref())
            }
            None => return Ok(()),
        };
        doc.set_body(cleaned.body);
        doc.removed.extend(cleaned.removed);
        for c in cleaned.credits {
            if !doc.credits.contains(&c) {
                doc.credits.push(c);
            }
        }
        Ok(())
    }
}
