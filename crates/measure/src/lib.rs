//! rasd's measure stage: time expressions resolved against the publication date, and
//! quantities with their qualifiers.
//!
//! [`Measurer::run`] fills three layers of a [`Doc`]:
//! - `times`: dates, periods and clock times in the four month-naming systems
//!   (`يناير`, `كانون الثاني`, `جانفي`, Hijri `رمضان`), paired forms (`4 أبريل/نيسان`),
//!   relative expressions (`أمس الخميس`, `الاثنين الماضي`, `في يوليو من العام الماضي`,
//!   `الأسبوع الفارط`), parts (`مطلع`, `منتصف`, `أواخر`), ranges (`من … إلى …`, `بين …
//!   و…`), `منذ …`, decades (`ثمانينيات القرن الماضي`), Hijri dates converted with the
//!   Umm al-Qura calendar, and named events (`ثورة يناير`) marked as such;
//! - `quantities`: digits and number words with qualifiers (`أكثر من 53`, `العشرات`)
//!   and the counted noun next to them;
//! - `durations`: `17 دقيقة`, `يومين` — never times.
//!
//! Values follow DESIGN.md: ISO 8601 cut to the grain, weeks as their Monday, intervals
//! with an exclusive `to`, and a null value (never a guess) when an expression needs a
//! publication date the document does not have. Words live in `lexicons/measure/`;
//! the grammar that combines them is in `grammar.rs`, the calendar in `resolve.rs`.
//! This crate does not attach times or tolls to events; the events stage does.
//!
//! ```
//! use rasd_measure::Measurer;
//! use rasd_text::Analyzer;
//! let (m, issues) = Measurer::load(&rasd_lexicon::Source::embedded());
//! assert!(issues.is_empty());
//! let mut doc = Analyzer::default().analyze_text("قتل أكثر من 53 مهاجرا أمس الخميس.");
//! doc.set_published(Some("2020-03-27".into()));
//! m.run(&mut doc).unwrap();
//! assert_eq!(doc.times[0].text, "أمس الخميس");
//! assert_eq!(doc.times[0].value.as_deref(), Some("2020-03-26"));
//! assert_eq!(doc.quantities[0].value, Some(53.0));
//! assert_eq!(doc.quantities[0].of.as_deref(), Some("مهاجرا"));
//! ```
#![warn(missing_docs)]

pub mod calendar;
mod cx;
mod error;
pub mod eval;
mod grammar;
pub mod lexicon;
mod numbers;
mod quantity;
pub mod resolve;
mod scan;
mod spec;

pub use error::{Error, Result};

use std::collections::HashMap;

use rasd_lexicon::{Issue, Source};
use rasd_model::{
    Clitics, Doc, Grain, Quantity, Span, TimeExpr, TimeKind, TimePart, TokenKind, Why,
};

use crate::cx::Cx;
use crate::grammar::{Found, Grammar, Shape};
use crate::lexicon::{Lexicon, Role, Sem};
use crate::numbers::NumOpts;
use crate::resolve::{Bias, Ref, Resolver, Val};

/// How many tokens back in its clause a verb with the future prefix س makes a bare
/// weekday or month the coming one.
const FUTURE_VERB_REACH: usize = 16;

/// The punctuation that ends a clause for [`FUTURE_VERB_REACH`].
const CLAUSE_ENDS: [&str; 6] = [".", ";", ":", "؛", "،", ","];

/// How expressions are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// News (the default): bare weekdays and months lean to the past unless a future cue
    /// precedes them; `التالي`/`السابق` are relative to the narrative (null value);
    /// `الآن` and `حتى الآن` are not dates.
    #[default]
    News,
    /// An assistant's reading, Duckling's convention: bare weekdays and months are the
    /// next ones, `التالي`/`السابق` count from now, `الآن` is now, `حتى X` and `خلال n`
    /// are intervals from now.
    Assistant,
}

/// Options of the measurer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Reading profile.
    pub profile: Profile,
    /// Read all-digit dates (`30-02-33`) in the Hijri calendar, as dateparser's
    /// `HijriCalendar` does; by default only a year of 1300-1500 or a following هـ does.
    pub hijri_numeric: bool,
}

/// The measure stage.
#[derive(Debug, Default)]
pub struct Measurer {
    lx: Lexicon,
    opts: Options,
}

/// A number found by [`Measurer::numerals`] or [`Measurer::ordinals`].
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// Where it is.
    pub span: Span,
    /// Its value.
    pub value: f64,
}

impl Measurer {
    /// Build from lexicons; problems in them are returned, never fatal.
    pub fn load(src: &Source) -> (Measurer, Vec<Issue>) {
        let (lx, issues) = Lexicon::load(src);
        (
            Measurer {
                lx,
                opts: Options::default(),
            },
            issues,
        )
    }

    /// The same measurer with other options.
    pub fn with_options(mut self, opts: Options) -> Measurer {
        self.opts = opts;
        self
    }

    /// The options in use.
    pub fn options(&self) -> Options {
        self.opts
    }

    fn sentences(doc: &Doc) -> Vec<(usize, usize)> {
        if doc.sentence_tokens.len() >= 2 {
            doc.sentence_tokens
                .windows(2)
                .map(|w| (w[0] as usize, w[1] as usize))
                .collect()
        } else {
            vec![(0, doc.tokens.len())]
        }
    }

    fn span(doc: &Doc, start: usize, conj: u8, end: usize) -> Option<Span> {
        let a = doc.tokens.get(start)?;
        let b = doc.tokens.get(end.checked_sub(1)?)?;
        let s = (a.form.start + u32::from(conj)).min(a.form.end.saturating_sub(1));
        doc.norm.to_body(s as usize, b.form.end as usize)
    }

    /// Add this stage's layers to `doc`: `times`, `quantities`, `durations`.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        self.run_with(doc, self.opts)
    }

    /// [`Measurer::run`] with other options for this document.
    pub fn run_with(&self, doc: &mut Doc, opts: Options) -> Result<()> {
        let hits = scan::scan(&self.lx, doc);
        let rf = doc.published_at.as_ref().map(Ref::from_published);
        let assistant = opts.profile == Profile::Assistant;
        let mut used = vec![false; doc.tokens.len()];
        let mut times = Vec::new();
        let mut qs = Vec::new();
        let mut ds = Vec::new();
        for (lo, hi) in Self::sentences(doc) {
            let cx = Cx {
                lx: &self.lx,
                doc,
                hits: &hits,
                lo,
                hi,
            };
            let g = Grammar {
                cx: &cx,
                assistant,
                hijri_numeric: opts.hijri_numeric,
            };
            let mut i = lo;
            while i < hi {
                if doc.tokens[i].kind != TokenKind::Number
                    && !hits
                        .at(i)
                        .iter()
                        .any(|h| can_start(&self.lx.entries[h.entry as usize].sem))
                {
                    i += 1;
                    continue;
                }
                let Some(f) = g.at(i) else {
                    i += 1;
                    continue;
                };
                // A future cue shortly before: a lexicon word (من المقرر) or a verb with
                // the future prefix س (سيعود), as the text layer splits it, anywhere in
                // the clause before, up to a comma (`سيجتمع مع X في موسكو قبل نهائي كأس
                // العالم يوم الأحد`; not `سيدعم الهجوم، الذي بدأ الإثنين`).
                let future_verb = || {
                    let from = f.start.saturating_sub(FUTURE_VERB_REACH).max(lo);
                    let clause = (from..f.start)
                        .rev()
                        .find(|&k| CLAUSE_ENDS.iter().any(|p| cx.punct(k, p)))
                        .map_or(from, |k| k + 1);
                    (clause..f.start).any(|k| doc.tokens[k].clitics.has(Clitics::SA))
                };
                let bias = if assistant {
                    Bias::Ahead
                } else if (f.start.saturating_sub(8).max(lo)..f.start)
                    .any(|k| cx.role(k, Role::Future).is_some())
                    || future_verb()
                {
                    Bias::Future
                } else {
                    Bias::Past
                };
                let res = Resolver {
                    rf,
                    hijri: &self.lx.hijri,
                    bias,
                    assistant,
                };
                let t = self.emit(doc, &res, &f);
                if t.is_none() && !matches!(f.shape, Shape::Blocked) {
                    i += 1;
                    continue;
                }
                used[f.start..f.end].iter_mut().for_each(|u| *u = true);
                times.extend(t);
                i = f.end.max(i + 1);
            }
            quantity::scan(&cx, &used, &mut qs, &mut ds);
        }
        let to_q = |it: &quantity::Item, doc: &Doc| -> Option<Quantity> {
            let span = Self::span(doc, it.start, it.conj, it.end)?;
            let of = it.of.map(|k| doc.text(doc.tokens[k].span).to_string());
            Some(Quantity {
                start: span.start,
                end: span.end,
                text: doc.text(span).to_string(),
                value: it.value,
                approx: it.approx,
                of,
                unit: it.unit.map(|u| u.name().to_string()),
                why: join_why(&it.why),
            })
        };
        doc.quantities = qs.iter().filter_map(|q| to_q(q, doc)).collect();
        doc.durations = ds.iter().filter_map(|q| to_q(q, doc)).collect();
        doc.times = times;
        link_repeats(doc);
        Ok(())
    }

    fn emit(&self, doc: &Doc, res: &Resolver<'_>, f: &Found) -> Option<TimeExpr> {
        let span = Self::span(doc, f.start, f.conj, f.end)?;
        let mut kind = TimeKind::Date;
        let val = match &f.shape {
            Shape::Single(s) => res.single(s)?,
            Shape::Range(a, b) => {
                let (va, vb) = (res.single(a)?, res.single(b)?);
                match (va.start(), vb.end()) {
                    (Some(x), Some(y)) if x < y => Val::Span(x, y, va.grain().min(vb.grain())),
                    (Some(_), Some(_)) => return None,
                    _ => Val::Null(va.grain().min(vb.grain())),
                }
            }
            Shape::Since(s) => match (res.single(s)?, res.rf) {
                (v @ Val::Null(_), _) => v,
                (v, None) => Val::Null(v.grain()),
                (v, Some(r)) => {
                    let g = v.grain();
                    let to = r.now.floor(g).add(g, 1);
                    match v.start() {
                        Some(a) if a < to => Val::Span(a, to, g),
                        _ => v,
                    }
                }
            },
            Shape::Ago {
                unit,
                count: n,
                vague,
                fraction,
            } => {
                let (g, k) = unit.grain();
                // A count of weeks back is a day for an assistant (Duckling), the week (as
                // its Monday's date) in news, as the gold guideline writes weeks.
                let out_g = if g == Grain::Week && res.assistant {
                    Grain::Day
                } else {
                    g
                };
                match (n, res.rf) {
                    // `قبل نحو سبع سنوات`: a vague count of weeks or longer names its period
                    // at that grain (the week as its Monday's date); of days or less, nothing.
                    (Some(_), _) if *vague && g < Grain::Week => Val::Null(out_g),
                    (Some(n), Some(r)) if *vague || g >= Grain::Day || r.has_time => {
                        let mut m = if g == Grain::Week {
                            r.now.floor(Grain::Day).add(Grain::Day, -7 * n * k)
                        } else {
                            r.now.floor(g).add(g, -n * k)
                        };
                        // `شهر ونصف`: the fraction of a unit further back, in whole units
                        // one grain finer (a month as 30 days).
                        if *fraction > 0.0 {
                            let part = |per: f64| -(per * fraction).floor() as i64 * k;
                            m = match g {
                                Grain::Year => m.add(Grain::Month, part(12.0)),
                                Grain::Month => m.add(Grain::Day, part(30.0)),
                                Grain::Week => m.add(Grain::Day, part(7.0)),
                                _ => m,
                            };
                        }
                        if *vague || out_g == Grain::Week {
                            Val::Point(m.floor(g), g)
                        } else {
                            Val::Point(m, out_g)
                        }
                    }
                    _ => Val::Null(out_g),
                }
            }
            Shape::Until(s) => {
                let v = res.single(s)?;
                match (res.rf, v.start()) {
                    (Some(r), Some(x)) if r.has_time && x > r.now => {
                        Val::Span(r.now, x, Grain::Second)
                    }
                    _ => v,
                }
            }
            Shape::Within(unit, n) => {
                let (g, k) = unit.grain();
                match res.rf {
                    Some(r) if r.has_time => {
                        Val::Span(r.now, r.now.add(g, n * k).floor(Grain::Day), Grain::Second)
                    }
                    Some(r) => Val::Span(r.now, r.now.add(g, n * k), Grain::Day),
                    None => Val::Null(Grain::Day),
                }
            }
            Shape::Named(v) => {
                kind = TimeKind::NamedEvent;
                return Some(TimeExpr {
                    start: span.start,
                    end: span.end,
                    text: doc.text(span).to_string(),
                    value: v.as_ref().map(|x| x.0.clone()),
                    grain: v.as_ref().map_or(Grain::Day, |x| x.1),
                    to: None,
                    kind,
                    part: None,
                    why: join_why(&f.why),
                    mentions: Vec::new(),
                    repeat_of: None,
                });
            }
            Shape::Blocked => return None,
        };
        // News reads a part of a period (`أواخر العام 2014`, `مطلع الشهر الجاري`) as the
        // period, as the annotation guideline does; the part's days or months go to `part`.
        // The assistant profile keeps Duckling's reading (the part itself).
        let (val, part) = match (&f.shape, val.start()) {
            (Shape::Single(s), Some(a))
                if s.part.is_some()
                    && !res.assistant
                    && matches!(val.grain(), Grain::Day | Grain::Month) =>
            {
                let g = if val.grain() == Grain::Day {
                    Grain::Month
                } else {
                    Grain::Year
                };
                let (pv, pto, pg) = val.render();
                let part = pv.map(|value| TimePart {
                    value,
                    grain: pg,
                    to: pto,
                });
                (Val::Point(a.floor(g), g), part)
            }
            _ => (val, None),
        };
        let (value, to, grain) = val.render();
        Some(TimeExpr {
            start: span.start,
            end: span.end,
            text: doc.text(span).to_string(),
            value,
            grain,
            to,
            kind,
            part,
            why: join_why(&f.why),
            mentions: Vec::new(),
            repeat_of: None,
        })
    }

    /// Every number in a document (digits, words, fractions `11/10`, signs), inside
    /// times or not, ambiguous single words included: Duckling's `numeral` dimension.
    pub fn numerals(&self, doc: &Doc) -> Vec<NumberMention> {
        let hits = scan::scan(&self.lx, doc);
        let mut out = Vec::new();
        // Across sentence ends: the splitter may take the point of `.77` for one.
        for (lo, hi) in [(0, doc.tokens.len())] {
            let cx = Cx {
                lx: &self.lx,
                doc,
                hits: &hits,
                lo,
                hi,
            };
            let mut i = lo;
            while i < hi {
                if let Some(n) = numbers::cardinal(&cx, i, NumOpts { symbols: true }) {
                    if let Some(span) = Self::span(doc, n.start, 0, n.end) {
                        out.push(NumberMention {
                            span,
                            value: n.value,
                        });
                    }
                    i = n.end.max(i + 1);
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    /// Every ordinal in a document (`الأول`, `الحادي عشر`, `الخامس والعشرين`).
    pub fn ordinals(&self, doc: &Doc) -> Vec<NumberMention> {
        let hits = scan::scan(&self.lx, doc);
        let mut out = Vec::new();
        for (lo, hi) in Self::sentences(doc) {
            let cx = Cx {
                lx: &self.lx,
                doc,
                hits: &hits,
                lo,
                hi,
            };
            let mut i = lo;
            while i < hi {
                match numbers::ordinal(&cx, i) {
                    Some((e, v, _)) if v > 0 => {
                        if let Some(span) = Self::span(doc, i, 0, e) {
                            out.push(NumberMention {
                                span,
                                value: v as f64,
                            });
                        }
                        i = e;
                    }
                    _ => i += 1,
                }
            }
        }
        out
    }

    /// Whether a folded word is a month name of the lexicons (for tests and tools).
    pub fn is_month_word(&self, folded: &str) -> bool {
        self.lx.index.get(folded).is_some_and(|ids| {
            ids.iter()
                .any(|&i| matches!(self.lx.entries[i as usize].sem, Sem::Month { .. }))
        })
    }
}

/// Whether a phrase can begin a time expression (function words such as من after a day,
/// و or إلا never do), so the grammar is not tried at every preposition.
pub(crate) fn can_start(sem: &Sem) -> bool {
    match sem {
        Sem::Role(r) => matches!(
            r,
            Role::In
                | Role::From
                | Role::Between
                | Role::Since
                | Role::Ago
                | Role::Until
                | Role::Within
                | Role::Day
                | Role::Month
                | Role::Year
                | Role::Hour
                | Role::Century
                | Role::ApproxTime
        ),
        Sem::Qual { .. } | Sem::Tz(_) | Sem::Dual => false,
        _ => true,
    }
}

fn join_why(parts: &[Why]) -> Why {
    let mut seen: Vec<Why> = Vec::new();
    for p in parts {
        if !seen.contains(p) {
            seen.push(p.clone());
        }
        if seen.len() >= 6 {
            break;
        }
    }
    match seen.len() {
        0 => Why::rule("measure/time"),
        1 => seen.remove(0),
        _ => Why::All(seen),
    }
}

/// Link the repeated mentions of one expression: a later time with the same folded
/// text (the tokens' matching forms), value, interval end and kind gets `repeat_of`, and
/// its span joins the first mention's `mentions`.
fn link_repeats(doc: &mut Doc) {
    if doc.times.len() < 2 {
        return;
    }
    let mut first: HashMap<(String, Option<String>, Option<String>, TimeKind), u32> =
        HashMap::new();
    for i in 0..doc.times.len() {
        let t = &doc.times[i];
        let lo = doc.tokens.partition_point(|k| k.span.start < t.start);
        let hi = doc.tokens.partition_point(|k| k.span.start < t.end);
        let mut folded = String::new();
        for k in &doc.tokens[lo..hi] {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(doc.norm.slice(k.form));
        }
        let key = (folded, t.value.clone(), t.to.clone(), t.kind);
        match first.get(&key) {
            Some(&f) => {
                let span = Span {
                    start: t.start,
                    end: t.end,
                };
                doc.times[i].repeat_of = Some(f);
                doc.times[f as usize].mentions.push(span);
            }
            None => {
                first.insert(key, i as u32);
            }
        }
    }
}
