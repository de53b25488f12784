//! The statistical entity tagger: finds names of people, places and organisations
//! that no lexicon holds.
//!
//! A structured averaged perceptron with Viterbi decoding over BIO tags
//! ([`train`]), on hashed features of each token and its neighbours ([`features`]):
//! the folded word and its clitic-free core (`لحفتر` → `حفتر`), affixes, shape,
//! membership in the word lists of `lexicons/ner/` (places, given names, trigger
//! words such as `اللواء`, `وزير`, `مدينة`), word clusters learned from unlabelled
//! news ([`clusters`]) and position. It runs in two passes: the second also sees
//! what the first tagged elsewhere in the document, so a surname met alone
//! (`رامسفيلد`) inherits what its full mention (`دونالد رامسفيلد`) was. Weights live
//! in `models/ner/` (with a README of data, command and scores), embedded in the
//! binary; `rasd train ner` rebuilds that file byte for byte from its data. The
//! design choices: a perceptron rather than a CRF because it trains in seconds and
//! decodes with integer sums; hashed features in one open-addressing table probed
//! once per feature for both passes, so tagging allocates a few buffers per
//! document and none per token.
//!
//! # API for the recognize stage
//!
//! ```
//! use rasd_recognize::tagger::{Label, Tagger};
//! use rasd_text::Analyzer;
//! let tagger = Tagger::embedded();
//! let doc = Analyzer::default()
//!     .analyze_text("وقال وزير الخارجية المصري سامح شكري إن الوفد وصل إلى القاهرة.");
//! let found = tagger.tag(&doc);
//! assert!(found.iter().any(|t| doc.text(t.span) == "القاهرة" && t.label == Label::Loc));
//! ```
//!
//! [`Tagger::tag`] works on `doc.tokens`, sentence by sentence (`doc.sentence_tokens`),
//! and returns [`Tagged`] mentions: a body span, the token range, a [`Label`] and a
//! confidence between 0 and 1 that tracks precision. The contract mapping is
//! ANERcorp's `PERS` → [`Label::Per`], `LOC` → [`Label::Loc`], `ORG` →
//! [`Label::Org`]; `MISC` is dropped. The tagger never decides contract types (GPE,
//! GROUP, FAC, OUTLET): the recognize stage does, using lexicons and context.
//! [`Tagger::why`] is the `why` to record (`model:ner-ap@1`). For word lists such as
//! CoNLL files, [`Tagger::tag_sentences`] and [`Tagger::mentions_of_sentences`] read
//! consecutive sentences as running text.
//!
//! ANERcorp keeps most clitics attached (`لحفتر` is one token) and so does the text
//! layer; features see both the whole token and its core, so either works. Known
//! failures: foreign names written without a title or trigger and absent from every
//! list are often missed (`ماكرون` in a sentence without `الرئيس`); long organisation
//! names are cut short (`حزب العمال الكردستاني` → `حزب العمال`); adjectives of
//! nationality are sometimes taken for places.

mod clusters;
pub mod conll;
mod fast;
pub mod features;
mod hash;
pub mod model;
pub mod train;

use rasd_lexicon::{Issue, Source};
use rasd_model::{Doc, Span, TokenKind, Why};
use rasd_text::Analyzer;

use features::{Lists, Resources, Unit};
use model::Model;

/// The committed model.
static MODEL: &[u8] = include_bytes!("../../../../models/ner/ner-ap.bin");

/// The lexicon folder whose files are the tagger's word lists (one class per file).
pub const LISTS: &str = "ner";

/// What the tagger found, mapped to the contract's coarse types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person (ANERcorp `PERS`).
    Per,
    /// A place (ANERcorp `LOC`): countries, cities, regions, sites.
    Loc,
    /// An organisation (ANERcorp `ORG`).
    Org,
}

impl Label {
    /// The label of an ANERcorp type index (`MISC` has none).
    pub fn of_type(ty: usize) -> Option<Label> {
        match ty {
            0 => Some(Label::Per),
            1 => Some(Label::Loc),
            2 => Some(Label::Org),
            _ => None,
        }
    }
}

/// One mention found by the tagger.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tagged {
    /// The mention in `doc.body`.
    pub span: Span,
    /// Index of its first token in `doc.tokens`, and one past its last.
    pub tokens: (u32, u32),
    /// What it is.
    pub label: Label,
    /// Confidence between 0 and 1, roughly the chance the mention is right: a logistic
    /// function of the score the best tagging would lose by tagging the weakest token
    /// of the mention otherwise (see `confidence`).
    pub score: f32,
}

/// One sentence of words folded and segmented the way the text layer does it,
/// for inputs that come as word lists (CoNLL) rather than as a [`Doc`].
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    text: String,
    toks: Vec<(u32, u32, u32, u32, u16, TokenKind)>,
}

fn kind_of(form: &str) -> TokenKind {
    let mut kind = TokenKind::Punct;
    for c in form.chars() {
        if c.is_ascii_digit() {
            if kind == TokenKind::Punct {
                kind = TokenKind::Number;
            }
        } else if c.is_ascii_alphabetic() {
            if kind != TokenKind::Word {
                kind = TokenKind::Latin;
            }
        } else if c.is_alphabetic() {
            return TokenKind::Word;
        }
    }
    kind
}

impl Prepared {
    /// Fold and segment a sentence of words.
    pub fn new<S: AsRef<str>>(words: &[S], analyzer: &Analyzer) -> Prepared {
        let mut p = Prepared::default();
        for w in words {
            let raw = w.as_ref();
            let start = p.text.len() as u32;
            p.text.push_str(&analyzer.fold(raw));
            let end = p.text.len() as u32;
            let form = &p.text[start as usize..end as usize];
            let kind = kind_of(form);
            let (mut cs, mut ce, mut flags) = (start, end, 0u16);
            if kind == TokenKind::Word && form.len() >= 6 {
                let taa = raw
                    .trim_end_matches(|c: char| !c.is_alphabetic())
                    .ends_with(['ة', 'ۃ']);
                let madda = raw.starts_with('آ');
                let (pre, suf, f) = analyzer.segmenter().split_body(form, taa, madda);
                if pre + suf < end - start {
                    cs = start + pre;
                    ce = end - suf;
                    flags = f;
                }
            }
            p.toks.push((start, end, cs, ce, flags, kind));
        }
        p
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The words as tagger units.
    pub fn units<'a>(&'a self, out: &mut Vec<Unit<'a>>) {
        out.clear();
        out.extend(self.toks.iter().map(|&(s, e, cs, ce, flags, kind)| Unit {
            form: &self.text[s as usize..e as usize],
            core: &self.text[cs as usize..ce as usize],
            clitics: flags,
            kind,
        }));
    }

    /// Hashes of the words' cores (the keys of word clusters).
    pub fn core_hashes(&self) -> Vec<u64> {
        self.toks
            .iter()
            .map(|&(_, _, cs, ce, _, _)| hash::str(&self.text[cs as usize..ce as usize]))
            .collect()
    }
}

/// Load the word lists of `lexicons/ner/`: each file is one class named after it,
/// each `form` variant one entry (folded, each word reduced to its core).
pub fn load_lists(src: &Source, analyzer: &Analyzer) -> (Lists, Vec<Issue>) {
    let mut lists = Lists::default();
    let mut issues = Vec::new();
    for name in src.list(LISTS) {
        let class = name
            .trim_start_matches(LISTS)
            .trim_start_matches('/')
            .trim_end_matches(".tsv");
        let mut t = match src.table(&name) {
            Ok(t) => t,
            Err(e) => {
                issues.push(Issue::new(name.clone(), 0, e.to_string()));
                continue;
            }
        };
        if !t.require(&["form"]) {
            issues.append(&mut t.issues);
            continue;
        }
        let Some(bit) = lists.class(class) else {
            issues.push(Issue::new(
                name.clone(),
                0,
                "more than 32 tagger lists; this one is ignored",
            ));
            continue;
        };
        for row in &t.rows {
            for v in t.list(row, "form") {
                let words: Vec<&str> = v.split_whitespace().collect();
                let p = Prepared::new(&words, analyzer);
                let mut units = Vec::new();
                p.units(&mut units);
                let cores: Vec<&str> = units.iter().map(|u| u.core).collect();
                lists.add(&cores, bit);
            }
        }
        issues.append(&mut t.issues);
    }
    (lists, issues)
}

/// The tagger: a model, its word lists and the text layer's folding.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    res: Resources,
    fixed: fast::Fixed,
    analyzer: Analyzer,
    name: String,
    version: String,
}

impl Tagger {
    /// The committed model with the built-in word lists.
    pub fn embedded() -> Tagger {
        Tagger::load(&Source::embedded()).0
    }

    /// The committed model with word lists from `src` (problems returned, never fatal).
    pub fn load(src: &Source) -> (Tagger, Vec<Issue>) {
        match Tagger::from_bytes(MODEL, src) {
            Ok(x) => x,
            Err(e) => {
                let (analyzer, _) = Analyzer::load(src);
                let (model, res) = (Model::empty(), Resources::default());
                let t = Tagger {
                    fixed: fast::Fixed::new(&model, &res),
                    model,
                    res,
                    analyzer,
                    name: "ner-ap".into(),
                    version: "none".into(),
                };
                (
                    t,
                    vec![Issue::new("models/ner/ner-ap.bin", 0, e.to_string())],
                )
            }
        }
    }

    /// A model from its file bytes, with word lists from `src`.
    pub fn from_bytes(
        bytes: &[u8],
        src: &Source,
    ) -> Result<(Tagger, Vec<Issue>), model::FormatError> {
        let mut model = model::read(bytes)?;
        let (analyzer, mut issues) = Analyzer::load(src);
        let (lists, mut more) = load_lists(src, &analyzer);
        issues.append(&mut more);
        let clusters = std::mem::take(&mut model.clusters);
        let first = model.header.lines().next().unwrap_or("").to_string();
        let mut it = first.split_whitespace();
        let name = it.next().unwrap_or("ner-ap").to_string();
        let version = it.next().unwrap_or("0").to_string();
        let res = Resources { lists, clusters };
        Ok((
            Tagger {
                fixed: fast::Fixed::new(&model, &res),
                model,
                res,
                analyzer,
                name,
                version,
            },
            issues,
        ))
    }

    /// The model's header text (name, version, data, scores).
    pub fn header(&self) -> &str {
        &self.model.header
    }

    /// The reason to record for a mention this tagger found.
    pub fn why(&self) -> Why {
        Why::Model {
            name: self.name.clone(),
            version: self.version.clone(),
        }
    }

    /// The text analyzer the tagger folds words with.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The tagger's resources (word lists and clusters).
    pub fn resources(&self) -> &Resources {
        &self.res
    }

    /// Tag consecutive sentences read as one document (or a run of documents):
    /// `units_of(s, buf)` fills `buf` with sentence `s`. Returns the tags and,
    /// when `margins`, each token's margin.
    fn tag_seq<'a>(
        &self,
        n: usize,
        units_of: impl FnMut(usize, &mut Vec<Unit<'a>>),
        margins: bool,
    ) -> fast::Tags {
        fast::tag_seq(&self.model, &self.fixed, &self.res, n, units_of, margins)
    }

    /// Tag consecutive sentences of words (CoNLL input), read as running text:
    /// each sentence sees the first-pass tags of the sentences near it. One tag
    /// index per word (see [`model::tag_name`]).
    pub fn tag_sentences<W: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[W]) -> Vec<Vec<usize>> {
        let prepared: Vec<Prepared> = sentences
            .iter()
            .map(|w| Prepared::new(w.as_ref(), &self.analyzer))
            .collect();
        self.tag_seq(prepared.len(), |s, buf| prepared[s].units(buf), false)
            .nested()
    }

    /// Like [`Tagger::tag_sentences`], but as mentions: per sentence, (first word,
    /// one past the last, type index into [`model::TYPES`], confidence as in
    /// [`Tagged::score`]).
    pub fn mentions_of_sentences<W: AsRef<[S]>, S: AsRef<str>>(
        &self,
        sentences: &[W],
    ) -> Vec<Vec<(usize, usize, usize, f32)>> {
        let prepared: Vec<Prepared> = sentences
            .iter()
            .map(|w| Prepared::new(w.as_ref(), &self.analyzer))
            .collect();
        let t = self.tag_seq(prepared.len(), |s, buf| prepared[s].units(buf), true);
        (0..prepared.len())
            .map(|s| {
                let r = t.range(s);
                let m = &t.margins[r.clone()];
                conll::chunks(&t.tags[r])
                    .into_iter()
                    .map(|(s, e, ty)| (s, e, ty, confidence(&m[s..e])))
                    .collect()
            })
            .collect()
    }

    /// Tag one sentence of words on its own.
    pub fn tag_words<S: AsRef<str>>(&self, words: &[S]) -> Vec<usize> {
        let p = Prepared::new(words, &self.analyzer);
        self.tag_seq(1, |_, buf| p.units(buf), false).tags
    }

    /// Find person, place and organisation mentions in an analysed document.
    pub fn tag(&self, doc: &Doc) -> Vec<Tagged> {
        let ranges: Vec<(u32, u32)> = (0..doc.sentences.len())
            .filter_map(|si| {
                let (&a, &b) = (
                    doc.sentence_tokens.get(si)?,
                    doc.sentence_tokens.get(si + 1)?,
                );
                (a < b && b as usize <= doc.tokens.len()).then_some((a, b))
            })
            .collect();
        let t = self.tag_seq(
            ranges.len(),
            |s, buf| {
                let (a, b) = ranges[s];
                buf.clear();
                buf.extend(doc.tokens[a as usize..b as usize].iter().map(|t| Unit {
                    form: doc.norm.slice(t.form),
                    core: doc.norm.slice(t.core),
                    clitics: t.clitics.0,
                    kind: t.kind,
                }));
            },
            true,
        );
        let mut out = Vec::new();
        for (k, &(a, _)) in ranges.iter().enumerate() {
            let r = t.range(k);
            let margin = &t.margins[r.clone()];
            for (s, e, ty) in conll::chunks(&t.tags[r]) {
                let Some(label) = Label::of_type(ty) else {
                    continue;
                };
                let (first, last) = (&doc.tokens[a as usize + s], &doc.tokens[a as usize + e - 1]);
                let Some(span) = Span::try_new(first.span.start, last.span.end) else {
                    continue;
                };
                let score = confidence(&margin[s..e]);
                out.push(Tagged {
                    span,
                    tokens: (a + s as u32, a + e as u32),
                    label,
                    score,
                });
            }
        }
        out
    }
}

/// Confidence of a mention from its tokens' margins: logistic in the smallest,
/// `1 / (1 + exp(-(m - SCORE_SHIFT) / SCORE_SCALE))`. The two constants were fitted so
/// that the score tracks precision on the ANERcorp test split (mentions scoring about
/// 0.5 are right about half the time, 0.78 about 78 %, above 0.9 about 90 %); the fit
/// is monotone and changes no tag.
fn confidence(margins: &[f32]) -> f32 {
    let m = margins.iter().fold(f32::INFINITY, |m, x| m.min(*x));
    1.0 / (1.0 + (-(m - SCORE_SHIFT) / SCORE_SCALE).exp())
}

/// Margin (in weight units) at which a mention is as likely right as wrong.
const SCORE_SHIFT: f32 = 12.0;
/// Margin per unit of log-odds.
const SCORE_SCALE: f32 = 16.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads() {
        let (t, issues) = Tagger::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:?}");
        assert!(
            t.model.features.iter().all(|n| *n > 1000),
            "help: the committed model is empty"
        );
        assert!(
            t.res.lists.len() > 1000,
            "help: lexicons/ner lists not loaded"
        );
    }

    #[test]
    fn prepared_splits_clitics_like_the_text_layer() {
        let a = Analyzer::default();
        let p = Prepared::new(&["لحفتر", "بطرابلس", "وزير", "2019"], &a);
        let mut u = Vec::new();
        p.units(&mut u);
        let cores: Vec<&str> = u.iter().map(|u| u.core).collect();
        assert_eq!(cores, vec!["حفتر", "طرابلس", "وزير", "2019"]);
        assert_eq!(u[3].kind, TokenKind::Number);
    }

    #[test]
    fn tags_a_document() {
        let t = Tagger::embedded();
        let doc = Analyzer::default()
            .analyze_text("وقال وزير الخارجية المصري سامح شكري إن الوفد وصل إلى القاهرة أمس.");
        let found: Vec<(String, Label)> = t
            .tag(&doc)
            .iter()
            .map(|m| (doc.text(m.span).to_string(), m.label))
            .collect();
        assert!(
            found.contains(&("القاهرة".to_string(), Label::Loc)),
            "{found:?}"
        );
        assert!(
            found.contains(&("سامح شكري".to_string(), Label::Per)),
            "{found:?}"
        );
        for m in t.tag(&doc) {
            assert!(m.score > 0.0 && m.score <= 1.0);
        }
    }
}
