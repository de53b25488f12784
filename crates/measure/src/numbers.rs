//! Numbers: digits (ASCII or Arabic-Indic, already folded, with separators), number
//! words and their compounds, ordinals.
//!
//! Compounds follow Arabic order: units before tens joined by و (`خمسة وعشرون`),
//! hundreds first (`ثلاثمائة وخمسين`, spoken Egyptian without و: `متين واحد وعشرين`), a
//! scale multiplies what precedes (`ثلاثة آلاف`, `مئة وخمسون ألفا`, `2.5 مليون`), teens
//! are a unit plus عشر (`ثلاثة عشر`). A unit never follows a unit, so `ثلاثة وثمانية عشرة
//! دقيقة` (a clock time) reads as 3, then 18.

use rasd_model::{TokenKind, Why};

use crate::cx::Cx;
use crate::lexicon::{NumKind, Role, Sem};

/// A number found in the text, over tokens `[start, end)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Numeral {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Value.
    pub value: f64,
    /// Whether it was written in words.
    pub words: bool,
    /// A single word that alone is also something else (`متين`, `أحد`).
    pub ambiguous: bool,
    /// Lexicon rows used.
    pub why: Vec<Why>,
}

/// What a numeral reader may accept beyond plain numbers.
#[derive(Clone, Copy, Debug, Default)]
pub struct NumOpts {
    /// `11/10` as a fraction, `.77`, and a leading minus sign.
    pub symbols: bool,
}

/// Parse the digits of one number token: `1,200`, `3.5`, `100,000.00`, `1,5`.
pub fn parse_digits(s: &str) -> Option<f64> {
    let (has_comma, has_dot) = (s.contains(','), s.contains('.'));
    let clean: String = if has_comma && has_dot {
        s.replace(',', "")
    } else if has_comma {
        let groups: Vec<&str> = s.split(',').collect();
        if groups.len() > 1
            && groups[1..].iter().all(|g| g.len() == 3)
            && !groups[0].is_empty()
            && groups[0].len() <= 3
        {
            s.replace(',', "")
        } else if groups.len() == 2 {
            s.replace(',', ".")
        } else {
            return None;
        }
    } else {
        s.to_string()
    };
    if clean.matches('.').count() > 1 {
        return None;
    }
    clean.parse().ok()
}

/// The number words at token `i`, as `(value, kind, standalone, conj, prep, end, why)`.
fn word_hits<'c>(
    cx: &'c Cx<'_>,
    i: usize,
) -> impl Iterator<Item = (f64, NumKind, bool, u8, u8, usize, Why)> + 'c {
    cx.hits(i).filter_map(|(h, e)| match e.sem {
        Sem::Num {
            value,
            kind,
            standalone,
        } => Some((
            value,
            kind,
            standalone,
            h.conj,
            h.prep,
            h.end as usize,
            e.why.clone(),
        )),
        _ => None,
    })
}

/// A cardinal number starting at token `i` (digits, words, or both: `100 ألف`).
pub fn cardinal(cx: &Cx<'_>, i: usize, opts: NumOpts) -> Option<Numeral> {
    cx.tok(i)?;
    let mut n = if cx.kind(i) == Some(TokenKind::Number) {
        digits_at(cx, i, opts)?
    } else if opts.symbols
        && cx.punct(i, ".")
        && cx.touching(i)
        && cx.kind(i + 1) == Some(TokenKind::Number)
    {
        let f = format!("0.{}", cx.form(i + 1));
        let v = f.parse().ok()?;
        Numeral {
            start: i,
            end: i + 2,
            value: v,
            words: false,
            ambiguous: false,
            why: Vec::new(),
        }
    } else if opts.symbols
        && cx.punct(i, "-")
        && cx.touching(i)
        && (i == cx.lo || !cx.touching(i - 1))
    {
        let mut m = cardinal(cx, i + 1, NumOpts { symbols: true })?;
        if m.start != i + 1 || m.words {
            return None;
        }
        m.start = i;
        m.value = -m.value;
        return Some(m);
    } else {
        words_at(cx, i)?
    };
    // A decimal part written as a word: 1 فاصلة 1, واحد فاصلة واحد.
    if let Some(e) = cx.role(n.end, Role::Decimal) {
        if let Some(frac) = cardinal(cx, e, NumOpts::default()) {
            if frac.value.fract() == 0.0 && frac.value >= 0.0 {
                let digits = if frac.words {
                    format!("{}", frac.value as u64).len()
                } else {
                    cx.form(e).len()
                };
                n.value += frac.value / 10f64.powi(digits as i32);
                n.end = frac.end;
                n.ambiguous = false;
            }
        }
    }
    Some(n)
}

fn digits_at(cx: &Cx<'_>, i: usize, opts: NumOpts) -> Option<Numeral> {
    let mut v = parse_digits(cx.form(i))?;
    let mut end = i + 1;
    let mut why = Vec::new();
    if opts.symbols && cx.punct(end, "/") && cx.touching(i) && cx.touching(end) {
        if let Some(d) = cx
            .tok(end + 1)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(|_| parse_digits(cx.form(end + 1)))
        {
            if d != 0.0 {
                v /= d;
                end += 2;
            }
        }
    }
    // A scale word after the digits: 100 ألف، 2.5 مليون، 3 ملايين.
    if let Some((value, _, _, conj, prep, e, w)) =
        word_hits(cx, end).find(|(_, k, ..)| matches!(k, NumKind::Scale | NumKind::ScalePlural))
    {
        if conj == 0 && prep == 0 {
            v *= value;
            end = e;
            why.push(w);
        }
    }
    Some(Numeral {
        start: i,
        end,
        value: v,
        words: false,
        ambiguous: false,
        why,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Last {
    Unit,
    Teen,
    Ten,
    Hundred,
    Scale,
    Fraction,
}

fn words_at(cx: &Cx<'_>, i: usize) -> Option<Numeral> {
    let (mut total, mut cur) = (0f64, 0f64);
    let mut last: Option<Last> = None;
    let mut j = i;
    let mut end = i;
    let mut count = 0;
    let mut ambiguous = false;
    let mut why = Vec::new();
    'outer: loop {
        let (k, sep_and) = if count > 0 && cx.and_token(j) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if cx.hits(k).next().is_none() {
            break;
        }
        for (value, kind, standalone, conj, prep, e, w) in word_hits(cx, k).collect::<Vec<_>>() {
            if prep > 0 || (count == 0 && sep_and) {
                continue;
            }
            let and = sep_and || conj > 0;
            if count == 0
                && conj > 0
                && !matches!(
                    kind,
                    NumKind::Unit
                        | NumKind::Ten
                        | NumKind::Hundred
                        | NumKind::Teen
                        | NumKind::Scale
                        | NumKind::ScaleDual
                )
            {
                continue;
            }
            let next = match (last, kind, and) {
                (None, NumKind::Unit | NumKind::Teen | NumKind::Ten | NumKind::Hundred, _) => {
                    cur = value;
                    Some(match kind {
                        NumKind::Unit => Last::Unit,
                        NumKind::Teen => Last::Teen,
                        NumKind::Ten => Last::Ten,
                        _ => Last::Hundred,
                    })
                }
                (None, NumKind::Scale, _) => {
                    total = value;
                    Some(Last::Scale)
                }
                (None, NumKind::ScaleDual, _) => {
                    total = value;
                    Some(Last::Scale)
                }
                (None, NumKind::Fraction, false) => {
                    cur = value;
                    Some(Last::Fraction)
                }
                (Some(Last::Unit), NumKind::TeenSuffix, false) if cur % 100.0 < 10.0 => {
                    cur += 10.0;
                    Some(Last::Teen)
                }
                (Some(Last::Unit), NumKind::Ten, true) if cur % 100.0 < 10.0 && value >= 20.0 => {
                    cur += value;
                    Some(Last::Ten)
                }
                (Some(Last::Unit), NumKind::Hundred, false)
                    if value == 100.0 && (3.0..10.0).contains(&cur) =>
                {
                    cur *= 100.0;
                    Some(Last::Hundred)
                }
                (Some(Last::Hundred), NumKind::Unit | NumKind::Teen | NumKind::Ten, _)
                    if cur % 100.0 == 0.0 =>
                {
                    cur += value;
                    Some(match kind {
                        NumKind::Unit => Last::Unit,
                        NumKind::Teen => Last::Teen,
                        _ => Last::Ten,
                    })
                }
                (
                    Some(Last::Unit | Last::Teen | Last::Ten | Last::Hundred | Last::Fraction),
                    NumKind::Scale | NumKind::ScalePlural,
                    false,
                ) => {
                    total += cur * value;
                    cur = 0.0;
                    Some(Last::Scale)
                }
                (
                    Some(Last::Scale),
                    NumKind::Unit | NumKind::Teen | NumKind::Ten | NumKind::Hundred,
                    true,
                ) => {
                    cur = value;
                    Some(match kind {
                        NumKind::Unit => Last::Unit,
                        NumKind::Teen => Last::Teen,
                        NumKind::Ten => Last::Ten,
                        _ => Last::Hundred,
                    })
                }
                _ => None,
            };
            if let Some(l) = next {
                if count == 0 && !standalone {
                    ambiguous = true;
                } else if count > 0 {
                    ambiguous = false;
                }
                last = Some(l);
                count += 1;
                end = e;
                j = e;
                why.push(w);
                continue 'outer;
            }
        }
        break;
    }
    if count == 0 || last == Some(Last::Fraction) {
        return None;
    }
    Some(Numeral {
        start: i,
        end,
        value: total + cur,
        words: true,
        ambiguous,
        why,
    })
}

/// An ordinal at token `i` (`الرابع`, `الحادي عشر`, `الخامس والعشرين`, `التسعون`,
/// `الأخير` = -1): `(end, value, why)`.
pub fn ordinal(cx: &Cx<'_>, i: usize) -> Option<(usize, i64, Why)> {
    ordinal_with(cx, i, true)
}

/// An ordinal without a following `و` + tens: in a clock time `الرابعة واربعون دقيقة`
/// is 4:40, not the 44th.
pub fn ordinal_simple(cx: &Cx<'_>, i: usize) -> Option<(usize, i64, Why)> {
    ordinal_with(cx, i, false)
}

fn ordinal_with(cx: &Cx<'_>, i: usize, tens: bool) -> Option<(usize, i64, Why)> {
    cx.hits(i).next()?;
    let mut best: Option<(usize, i64, Why)> = None;
    for (value, kind, standalone, conj, prep, e, w) in word_hits(cx, i).collect::<Vec<_>>() {
        if conj > 0 || prep > 0 {
            continue;
        }
        let v = value as i64;
        let found = match kind {
            NumKind::Ordinal if v > 0 => {
                let teen = word_hits(cx, e)
                    .find(|(_, k, _, c, p, ..)| *k == NumKind::TeenSuffix && *c == 0 && *p == 0);
                if let (Some((_, _, _, _, _, e2, _)), true) = (teen, v < 10) {
                    Some((e2, v + 10))
                } else {
                    let (k, sep) = if cx.and_token(e) {
                        (e + 1, true)
                    } else {
                        (e, false)
                    };
                    let ten = word_hits(cx, k).find(|(tv, tk, _, c, p, ..)| {
                        tens && *tk == NumKind::Ten && *tv >= 20.0 && *p == 0 && (sep || *c > 0)
                    });
                    match ten {
                        Some((tv, .., e2, _)) if v < 10 => Some((e2, v + tv as i64)),
                        _ if standalone => Some((e, v)),
                        _ => None,
                    }
                }
            }
            NumKind::Ordinal if standalone => Some((e, v)),
            NumKind::Ten if cx.form(i).starts_with("ال") => Some((e, v)),
            _ => None,
        };
        if let Some((end, val)) = found {
            if best.as_ref().is_none_or(|b| end > b.0) {
                best = Some((end, val, w));
            }
        }
    }
    best
}
