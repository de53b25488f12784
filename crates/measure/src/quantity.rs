//! Quantities and durations: numbers not taken by a time expression, with their
//! qualifier (`أكثر من 53` → more_than), vague counts (`العشرات` → dozens, null value),
//! the counted noun next to them (`53 مهاجرا` → of `مهاجرا`, `8 من أفرادنا` → `أفرادنا`),
//! and durations (`17 دقيقة`, `يومين`, `لمدة أسبوع`), which are never times.

use rasd_model::{Approx, TokenKind, Why};

use crate::cx::Cx;
use crate::lexicon::{Pos, Role, Sem, TUnit};
use crate::numbers::{cardinal, NumOpts};

/// A quantity or duration over tokens `[start, end)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes of a conjunction on the first token, left out of the span.
    pub conj: u8,
    /// Value, `None` for a vague count.
    pub value: Option<f64>,
    /// Qualifier.
    pub approx: Approx,
    /// Token of the counted noun.
    pub of: Option<usize>,
    /// Unit of a duration.
    pub unit: Option<TUnit>,
    /// Rules and lexicon rows.
    pub why: Vec<Why>,
}

fn rule(name: &str) -> Why {
    Why::rule(format!("measure/{name}"))
}

/// The counted noun after a number ending at token `e`, if there is one.
fn counted(cx: &Cx<'_>, e: usize) -> Option<usize> {
    let k = cx.role_bare(e, Role::OfSkip).unwrap_or(e);
    if cx.kind(k) != Some(TokenKind::Word) || cx.role_bare(k, Role::NotNoun).is_some() {
        return None;
    }
    let taken = cx.hits(k).any(|(h, en)| {
        h.conj == 0
            && matches!(
                en.sem,
                Sem::Month { .. }
                    | Sem::Weekday { .. }
                    | Sem::Unit { .. }
                    | Sem::Num { .. }
                    | Sem::Rel { .. }
                    | Sem::Qual { .. }
            )
    });
    (!taken).then_some(k)
}

/// A qualifier written after a count (`على الأقل`, `تقريبا`) at token `i`: its end,
/// its approximation and its row.
fn qualifier_after(cx: &Cx<'_>, i: usize) -> Option<(usize, Approx, Why)> {
    cx.find(i, |s, _| match s {
        Sem::Qual {
            approx,
            pos: Pos::After,
        } => Some(*approx),
        _ => None,
    })
    .map(|(e, a, _, w)| (e, a, w))
}

/// The unit of time at token `i`: `(end, unit, count)`.
fn unit_at(cx: &Cx<'_>, i: usize) -> Option<(usize, TUnit, u8, u8)> {
    let (e, (u, c, conj), ..) = cx.find(i, |s, h| match s {
        Sem::Unit { unit, count } if h.prep == 0 => Some((*unit, *count, h.conj)),
        _ => None,
    })?;
    Some((e, u, c, conj))
}

/// Quantities and durations of one sentence; `used` marks tokens already in a time.
pub fn scan(cx: &Cx<'_>, used: &[bool], quantities: &mut Vec<Item>, durations: &mut Vec<Item>) {
    let mut i = cx.lo;
    while i < cx.hi {
        // Every quantity starts with digits or a lexicon word.
        if used[i] || (cx.kind(i) != Some(TokenKind::Number) && cx.hits(i).next().is_none()) {
            i += 1;
            continue;
        }
        let qual = cx.find(i, |s, h| match s {
            Sem::Qual {
                approx,
                pos: Pos::Before,
            } if h.prep == 0 => Some(*approx),
            _ => None,
        });
        let (j, approx, mut why) = match &qual {
            Some((e, a, _, w)) => (*e, *a, vec![w.clone()]),
            None => (i, Approx::Exact, Vec::new()),
        };
        if qual.is_none() {
            if let Some((e, a, h, w)) = cx.find(i, |s, _| match s {
                Sem::Qual {
                    approx,
                    pos: Pos::Vague,
                } => Some(*approx),
                _ => None,
            }) {
                if !used[i..e].iter().any(|u| *u) && cardinal(cx, e, NumOpts::default()).is_none() {
                    quantities.push(Item {
                        start: i,
                        end: e,
                        conj: h.conj,
                        value: None,
                        approx: a,
                        of: counted(cx, e),
                        unit: None,
                        why: vec![w, rule("vague-count")],
                    });
                    i = e;
                    continue;
                }
            }
        }
        if let Some(n) = cardinal(cx, j, NumOpts::default()) {
            if n.end <= cx.hi && !used[j..n.end].iter().any(|u| *u) {
                let label = i > cx.lo && cx.role_bare(i - 1, Role::Id).is_some();
                // واحد من: "one of", not a count.
                let one_of = n.value == 1.0
                    && n.words
                    && n.end == j + 1
                    && cx.role_bare(n.end, Role::OfSkip).is_some();
                if (n.ambiguous && qual.is_none()) || label || one_of {
                    i = n.end;
                    continue;
                }
                why.extend(n.why.iter().cloned());
                let mut e = n.end;
                let mut approx = approx;
                if qual.is_none() {
                    if let Some((e2, a, w)) = qualifier_after(cx, e) {
                        approx = a;
                        why.push(w);
                        e = e2;
                    }
                }
                let conj = cx.hits(i).next().map_or(0, |(h, _)| h.conj);
                if let Some((ue, unit, count, uconj)) =
                    unit_at(cx, n.end).filter(|u| u.2 != 2 && u.3 == 0)
                {
                    let _ = (count, uconj);
                    why.push(rule("duration"));
                    durations.push(Item {
                        start: i,
                        end: ue,
                        conj,
                        value: Some(n.value),
                        approx,
                        of: None,
                        unit: Some(unit),
                        why,
                    });
                    i = ue;
                    continue;
                }
                let of = counted(cx, e);
                // A qualifier after the counted noun: 25 قتيلا على الأقل.
                if let (None, Approx::Exact, Some(k)) = (&qual, approx, of) {
                    if let Some((e2, a, w)) = qualifier_after(cx, k + 1) {
                        approx = a;
                        why.push(w);
                        e = e2;
                    }
                }
                why.push(rule("quantity"));
                quantities.push(Item {
                    start: i,
                    end: e,
                    conj,
                    value: Some(n.value),
                    approx,
                    of,
                    unit: None,
                    why,
                });
                i = e;
                continue;
            }
        }
        // The dual of a counted noun is two of it: مقتل شخصين، إصابة جنديين.
        if let Some((e, (), h, w)) = cx.find(i, |s, h| match s {
            Sem::Dual if h.prep == 0 => Some(()),
            _ => None,
        }) {
            if !used[i..e].iter().any(|u| *u) {
                quantities.push(Item {
                    start: i,
                    end: e,
                    conj: h.conj,
                    value: Some(2.0),
                    approx: Approx::Exact,
                    of: Some(i),
                    unit: None,
                    why: vec![w, rule("dual-count")],
                });
                i = e;
                continue;
            }
        }
        // A dual unit is two of it: يومين، ساعتين.
        if let Some((e, unit, 2, conj)) = unit_at(cx, i) {
            if !cx.form(i).contains("ال") || conj > 0 {
                durations.push(Item {
                    start: i,
                    end: e,
                    conj,
                    value: Some(2.0),
                    approx: Approx::Exact,
                    of: None,
                    unit: Some(unit),
                    why: vec![rule("duration-dual")],
                });
                i = e;
                continue;
            }
        }
        // A lone unit after a duration cue is one of it: لمدة أسبوع.
        if let Some(e) = cx.role(i, Role::DurationCue) {
            if let Some((ue, unit, 1, 0)) = unit_at(cx, e) {
                if !used[e..ue].iter().any(|u| *u) && !cx.form(e).starts_with("ال") {
                    durations.push(Item {
                        start: e,
                        end: ue,
                        conj: 0,
                        value: Some(1.0),
                        approx: Approx::Exact,
                        of: None,
                        unit: Some(unit),
                        why: vec![rule("duration-cue")],
                    });
                    i = ue;
                    continue;
                }
            }
        }
        i += 1;
    }
}
