//! The time grammar: pieces (a weekday, a day and month, a year, a relative day, a
//! relative unit, a part of a period, a clock time, an ordinal inside a month, a decade,
//! a holiday) are read one after another into a [`Spec`], with glue between them
//! (`،`, `-`, `من`, `في`, `الموافق`), and whole expressions are built around them:
//! ranges (`من … إلى …`, `بين … و…`, `13-15 تموز`), `منذ …`, `قبل/منذ` + a count, named
//! events. Each piece checks that it fits what is already read, so two dates side by
//! side stay two expressions.
//!
//! Which words play which part is in the lexicons; the order of the parts is here.

use rasd_model::{Grain, TokenKind, Why};

use crate::cx::Cx;
use crate::lexicon::{Cal, Mer, NamedKind, NumKind, Pos, RelKind, Role, Sem, TUnit};
use crate::numbers::{cardinal, ordinal, ordinal_simple, NumOpts};
use crate::spec::{Century, Clock, NthWhat, Spec};

/// What kind of expression was found.
#[derive(Clone, Debug)]
pub enum Shape {
    /// One date, time or period.
    Single(Box<Spec>),
    /// From the first to the second, inclusive of the second.
    Range(Box<Spec>, Box<Spec>),
    /// `منذ X`: from X up to the publication.
    Since(Box<Spec>),
    /// `قبل/منذ n unit`: a point in the past. `قبل 3 سنوات`: a count of units back from
    /// the reference (`None` for a vague one, `قبل أيام`).
    Ago {
        /// The unit counted.
        unit: TUnit,
        /// How many.
        count: Option<i64>,
        /// A qualifier stands before the count (`قبل نحو سبع سنوات`, `منذ أكثر من أربع
        /// سنوات`).
        vague: bool,
        /// A fraction of a unit joined after it (`منذ شهر ونصف شهر`: 0.5), else 0.
        fraction: f64,
    },
    /// `حتى X` (assistant profile): from now to X.
    Until(Box<Spec>),
    /// `خلال n unit` (assistant profile): from now to the day n units ahead.
    Within(TUnit, i64),
    /// A named event, with its lexicon value if any.
    Named(Option<(String, Grain)>),
    /// A date inside a name that is no event: output nothing.
    Blocked,
}

/// An expression over tokens `[start, end)`.
#[derive(Clone, Debug)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// Bytes of a conjunction on the first token, left out of the span.
    pub conj: u8,
    /// One past the last token.
    pub end: usize,
    /// What it is.
    pub shape: Shape,
    /// Rules and lexicon rows.
    pub why: Vec<Why>,
}

/// The grammar over one sentence.
pub struct Grammar<'c, 'a> {
    /// The sentence.
    pub cx: &'c Cx<'a>,
    /// Assistant profile: deictic readings of التالي/السابق, now, حتى, خلال.
    pub assistant: bool,
    /// All-digit dates are Hijri.
    pub hijri_numeric: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A whole expression.
    Single,
    /// One side of a range: a bare day (`13`) may stand alone.
    Side,
}

/// A piece reader: fills a spec, returns where it ends.
type Piece<'p> = dyn Fn(&mut Spec) -> Option<usize> + 'p;

fn rule(name: &str) -> Why {
    Why::rule(format!("measure/{name}"))
}

impl<'c, 'a> Grammar<'c, 'a> {
    /// The longest expression starting at token `i`.
    pub fn at(&self, i: usize) -> Option<Found> {
        let conj = self.cx.hits(i).next().map_or(0, |(h, _)| h.conj);
        if let Some(f) = self.named(i) {
            return Some(f);
        }
        let mut cands = vec![self.range(i), self.since_ago(i)];
        if self.assistant {
            cands.push(self.until_within(i));
        } else if let Some(j) = self.cx.role(i, Role::Until) {
            // حتى 2015: in news the date itself, without the preposition.
            cands.push(
                self.single_p(j, Mode::Single, true)
                    .map(|(end, spec)| Found {
                        start: j,
                        conj: 0,
                        end,
                        why: spec.why.clone(),
                        shape: Shape::Single(Box::new(spec)),
                    }),
            );
        }
        cands.push(self.single(i, Mode::Single).map(|(end, spec)| Found {
            start: i,
            conj: 0,
            end,
            why: spec.why.clone(),
            shape: Shape::Single(Box::new(spec)),
        }));
        let mut best: Option<Found> = None;
        for f in cands.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
        best.map(|mut f| {
            if f.start == i && f.conj == 0 {
                f.conj = conj.min(self.first_conj(i));
            }
            f
        })
    }

    /// Bytes of a leading conjunction (و ف) on token `i`, when the token is longer.
    fn first_conj(&self, i: usize) -> u8 {
        let f = self.cx.form(i);
        if self.cx.kind(i) == Some(TokenKind::Word)
            && f.len() >= 6
            && (f.starts_with('و') || f.starts_with('ف'))
        {
            self.cx
                .hits(i)
                .find(|(h, _)| h.conj > 0)
                .map_or(0, |(h, _)| h.conj)
        } else {
            0
        }
    }

    // ---- named events ------------------------------------------------------------

    fn named(&self, i: usize) -> Option<Found> {
        let (end, (kind, value), _, why) = self.cx.find(i, |s, _| match s {
            Sem::Named { kind, value } => Some((*kind, value.clone())),
            _ => None,
        })?;
        match kind {
            NamedKind::Event => Some(Found {
                start: i,
                conj: 0,
                end,
                shape: Shape::Named(value),
                why: vec![why, rule("named-event")],
            }),
            NamedKind::Name => Some(Found {
                start: i,
                conj: 0,
                end,
                shape: Shape::Blocked,
                why: vec![why],
            }),
            NamedKind::Trigger | NamedKind::Block => {
                // A day joined to the named date (`طرفي 14 و8 آذار`: the March 14 and
                // March 8 camps) is part of the name too.
                let from = match self.day_num(end) {
                    Some((e1, _)) if kind == NamedKind::Block && self.cx.and_token(e1) => e1 + 1,
                    _ => end,
                };
                let (e2, spec) = self.single(from, Mode::Single)?;
                let yearless = (spec.day.is_some() || spec.month.is_some())
                    && spec.year.is_none()
                    && spec.year_rel.is_none()
                    && spec.month_shift.is_none()
                    && spec.rel_day.is_none()
                    && spec.clock.is_none();
                if !yearless {
                    return None;
                }
                let shape = if kind == NamedKind::Trigger {
                    Shape::Named(None)
                } else {
                    Shape::Blocked
                };
                Some(Found {
                    start: i,
                    conj: 0,
                    end: e2,
                    shape,
                    why: vec![why, rule("named-event-date")],
                })
            }
        }
    }

    // ---- ranges ------------------------------------------------------------------

    fn range(&self, i: usize) -> Option<Found> {
        let cx = self.cx;
        // A head before the range that both sides share: الخميس من الساعة 9 حتى 11.
        let mut head = Spec::default();
        let mut j = i;
        if let Some(e) = self
            .p_weekday(j, &mut head)
            .or_else(|| self.p_relday(j, &mut head))
        {
            if cx.role(e, Role::From).is_some() {
                j = e;
            } else {
                head = Spec::default();
            }
        }
        let (a_start, between) = if let Some(e) = cx.role(j, Role::From) {
            (e, false)
        } else if let Some(e) = cx.role(j, Role::Between) {
            (e, true)
        } else if j == i {
            (i, false)
        } else {
            return None;
        };
        let (a_end, mut a) = self.single(a_start, Mode::Side)?;
        let b_start = if between {
            if cx.and_token(a_end) {
                a_end + 1
            } else if cx.hits(a_end).any(|(h, _)| h.conj > 0)
                || (cx.form(a_end).starts_with('و') && cx.kind(a_end) == Some(TokenKind::Word))
            {
                a_end
            } else {
                return None;
            }
        } else if let Some(e) = cx.role(a_end, Role::To) {
            e
        } else if cx.punct(a_end, "-") {
            a_end + 1
        } else if a.daypart == Some(Mer::Night) && a.weekday.is_some() {
            // The night between two days, written without إلى: ليل الخميس الجمعة.
            a_end
        } else {
            return None;
        };
        let (b_end, mut b) = if between && b_start == a_end {
            self.single_conj(a_end)?
        } else {
            self.single(b_start, Mode::Side)?
        };
        if b_start == a_end && !between {
            // Only the next day makes the pair one night.
            let next = a.weekday.map(|w| w % 7 + 1);
            if b.weekday.is_none() || b.weekday != next || b.day.is_some() || b.month.is_some() {
                return None;
            }
        }
        for s in [&mut a, &mut b] {
            merge_head(s, &head);
        }
        share(&mut a, &b);
        share(&mut b, &a);
        if !complete(&a) || !complete(&b) {
            return None;
        }
        let mut why = vec![rule(if between { "range-between" } else { "range" })];
        why.extend(a.why.iter().cloned());
        why.extend(b.why.iter().cloned());
        Some(Found {
            start: i,
            conj: 0,
            end: b_end,
            shape: Shape::Range(Box::new(a), Box::new(b)),
            why,
        })
    }

    /// A side of `بين … و…` whose first token carries the و.
    fn single_conj(&self, i: usize) -> Option<(usize, Spec)> {
        let mut spec = Spec::default();
        // A bare number after و: و15، و2015.
        let f = self.cx.form(i);
        if let Some(rest) = f.strip_prefix('و') {
            if let Ok(n) = rest.parse::<u32>() {
                if (1..=31).contains(&n) {
                    spec.day = Some(n);
                } else if (1000..=2100).contains(&n) {
                    spec.year = Some((Cal::Gregorian, n as i32));
                } else {
                    return None;
                }
                let mut end = i + 1;
                self.pieces(&mut end, &mut spec, false);
                return Some((end, spec));
            }
        }
        self.single(i, Mode::Side)
    }

    // ---- since and ago -----------------------------------------------------------

    /// A count and a time unit at `j`: its end, the unit, the count (none for a bare
    /// unit word that counts nothing) and whether a qualifier made it vague.
    fn count_unit(&self, j: usize) -> Option<(usize, TUnit, Option<i64>, bool)> {
        let cx = self.cx;
        // A qualifier makes the count vague: منذ أكثر من 3 سنوات.
        let (j, qualified) = match cx.find(j, |s, _| {
            matches!(
                s,
                Sem::Qual {
                    pos: Pos::Before,
                    ..
                }
            )
            .then_some(())
        }) {
            Some((e, ..)) => (e, true),
            None => (j, false),
        };
        if let Some((e, (unit, count), ..)) = cx.find(j, |s, h| match s {
            Sem::Unit { unit, count } if h.conj == 0 && h.prep == 0 => Some((*unit, *count)),
            _ => None,
        }) {
            // منذ عام 2013: عام is the year's head noun, not one year.
            if cx.form(j).starts_with("ال") || (count == 1 && cx.digits(e).is_some()) {
                return None;
            }
            let n = match count {
                0 => None,
                c => Some(i64::from(c)),
            };
            return Some((e, unit, n, qualified));
        }
        let n = cardinal(cx, j, NumOpts::default())?;
        if n.ambiguous || n.value <= 0.0 || n.value.fract() != 0.0 || n.value > 10_000.0 {
            return None;
        }
        let (e, unit, _, _) = cx.find(n.end, |s, h| match s {
            Sem::Unit { unit, count } if *count != 2 && h.conj == 0 && h.prep == 0 => Some(*unit),
            _ => None,
        })?;
        Some((e, unit, Some(n.value as i64), qualified))
    }

    fn since_ago(&self, i: usize) -> Option<Found> {
        let cx = self.cx;
        let since = cx.role(i, Role::Since);
        let ago = cx.role(i, Role::Ago);
        let j = since.or(ago)?;
        if let Some((e, unit, n, vague)) = self.count_unit(j) {
            // `قبل يومين من مصرعه`, `قبل 72 ساعة من الضربة`: counted back from another event,
            // not from the publication; the count stays a duration.
            if cx.role(e, Role::Anchored).is_some() && !self.starts_time(e + 1) {
                return None;
            }
            // `منذ شهر ونصف شهر`, `قبل شهر ونصف الشهر`: a fraction of `numbers.tsv` joined
            // by و after the unit, which may be said again.
            let joined = n
                .and_then(|_| {
                    cx.find(e, |s, h| match s {
                        Sem::Num {
                            kind: NumKind::Fraction,
                            value,
                            ..
                        } if h.conj > 0 => Some(*value),
                        _ => None,
                    })
                })
                .map(|(_, value, _, why)| (value, why));
            let mut why = vec![rule(if vague { "ago-vague" } else { "ago" })];
            let (fraction, e) = match joined {
                Some((value, w)) => {
                    why.push(w);
                    let again = cx.form(e + 1).trim_start_matches("ال") == cx.form(e - 1);
                    (value, if again { e + 2 } else { e + 1 })
                }
                None => (0.0, e),
            };
            return Some(Found {
                start: i,
                conj: 0,
                end: e,
                shape: Shape::Ago {
                    unit,
                    count: n,
                    vague,
                    fraction,
                },
                why,
            });
        }
        let j = since?;
        let (e, spec) = self.single_p(j, Mode::Single, true)?;
        Some(Found {
            start: i,
            conj: 0,
            end: e,
            why: std::iter::once(rule("since"))
                .chain(spec.why.iter().cloned())
                .collect(),
            shape: Shape::Since(Box::new(spec)),
        })
    }

    /// Whether a time expression can begin at token `i` (`الآن`, `اليوم`, a date).
    fn starts_time(&self, i: usize) -> bool {
        self.cx.hits(i).any(|(_, e)| crate::can_start(&e.sem))
    }

    fn until_within(&self, i: usize) -> Option<Found> {
        let cx = self.cx;
        if let Some(j) = cx.role(i, Role::Within) {
            if let Some((e, unit, Some(n), false)) = self.count_unit(j) {
                return Some(Found {
                    start: i,
                    conj: 0,
                    end: e,
                    shape: Shape::Within(unit, n),
                    why: vec![rule("within")],
                });
            }
        }
        let j = cx.role(i, Role::Until)?;
        let (e, spec) = self.single_p(j, Mode::Single, true)?;
        spec.clock?;
        Some(Found {
            start: i,
            conj: 0,
            end: e,
            why: vec![rule("until")],
            shape: Shape::Until(Box::new(spec)),
        })
    }

    // ---- single expressions ------------------------------------------------------

    fn single(&self, i: usize, mode: Mode) -> Option<(usize, Spec)> {
        self.single_p(i, mode, false)
    }

    /// A single expression; `after_prep` says a preposition (منذ, حتى) stands before it,
    /// which lets a bare year count (`منذ 2015`).
    fn single_p(&self, i: usize, mode: Mode, after_prep: bool) -> Option<(usize, Spec)> {
        let cx = self.cx;
        let mut spec = Spec::default();
        let mut j = i;
        let mut prep = after_prep;
        if let Some(e) = cx.role(j, Role::In) {
            if e > j && cx.tok(e).is_some() {
                j = e;
                prep = true;
            }
        }
        if let Some(e) = cx.role_bare(j, Role::ApproxTime) {
            j = e;
        }
        let first = j;
        if mode == Mode::Side {
            if let Some((e, d)) = self.day_num(j) {
                // A bare day or year starts a range side; what follows may complete it.
                let mut s2 = Spec {
                    day: Some(d),
                    ..Spec::default()
                };
                let mut end = e;
                let mut trial = Spec::default();
                let mut tend = j;
                if self.piece(&mut tend, &mut trial, prep) && tend > e {
                    self.pieces(&mut tend, &mut trial, false);
                    return Some((tend, trial));
                }
                self.pieces(&mut end, &mut s2, false);
                return Some((end, s2));
            }
            if let Some((v, 4)) = cx.digits(j) {
                if (1000..=2100).contains(&v) {
                    let mut s2 = Spec {
                        year: Some((Cal::Gregorian, v as i32)),
                        ..Spec::default()
                    };
                    let mut end = j + 1;
                    self.pieces(&mut end, &mut s2, false);
                    return Some((end, s2));
                }
            }
        }
        // يوم before a date: يوم 15 مارس.
        if let Some(e) = cx.role_bare(j, Role::Day) {
            let mut trial = Spec::default();
            let mut tend = e;
            if self.piece(&mut tend, &mut trial, true)
                && (trial.day.is_some() || trial.weekday.is_some())
            {
                j = e;
            }
        }
        let mut end = j;
        if !self.piece(&mut end, &mut spec, prep) {
            return None;
        }
        self.pieces(&mut end, &mut spec, false);
        let _ = first;
        // Dayparts and weak month names need support.
        if !spec.is_time()
            || (spec.weak
                && !prep
                && spec.day.is_none()
                && spec.year.is_none()
                && spec.month_shift.is_none()
                && spec.part.is_none()
                && spec.year_rel.is_none())
        {
            return None;
        }
        if mode == Mode::Single
            && spec.day.is_some()
            && spec.month.is_none()
            && spec.month_rel.is_none()
            && spec.weekday.is_none()
            && spec.nth.is_none()
        {
            return None;
        }
        Some((end, spec))
    }

    /// Read further pieces into `spec`, with glue between them.
    fn pieces(&self, end: &mut usize, spec: &mut Spec, prep: bool) {
        loop {
            let mut j = *end;
            let mut trial = spec.clone();
            if self.cx.tok(j).is_some() && self.piece(&mut j, &mut trial, prep) {
                *end = j;
                *spec = trial;
                continue;
            }
            // Glue, kept only if a piece follows.
            let cx = self.cx;
            let glue = if cx.punct(*end, ",") || cx.punct(*end, "-") || cx.punct(*end, "(") {
                Some(*end + 1)
            } else {
                cx.role_bare(*end, Role::Of)
                    .or_else(|| cx.role(*end, Role::Equals))
                    .or_else(|| cx.role_bare(*end, Role::In))
            };
            let Some(g) = glue else { break };
            let mut j = g;
            let mut trial = spec.clone();
            if self.piece(&mut j, &mut trial, false) {
                *end = j;
                *spec = trial;
                if cx.punct(*end, ")") {
                    *end += 1;
                }
                continue;
            }
            break;
        }
    }

    /// Try every piece at `*j`; on success advance `*j` and fill `spec`.
    fn piece(&self, j: &mut usize, spec: &mut Spec, prep: bool) -> bool {
        let i = *j;
        // Every piece starts with digits or a lexicon phrase.
        if self.cx.kind(i) != Some(TokenKind::Number) && self.cx.hits(i).next().is_none() {
            return false;
        }
        // What can start here, so that only the pieces that may match are tried.
        const NUM: u16 = 1;
        const ORD: u16 = 1 << 1;
        const WD: u16 = 1 << 2;
        const UNIT: u16 = 1 << 3;
        const PART: u16 = 1 << 4;
        const DEC: u16 = 1 << 5;
        const HOL: u16 = 1 << 6;
        const HOUR: u16 = 1 << 7;
        const DAYW: u16 = 1 << 8;
        const REL: u16 = 1 << 9;
        const MON: u16 = 1 << 10;
        const YEAR: u16 = 1 << 11;
        const DP: u16 = 1 << 12;
        let cx = self.cx;
        let mut have: u16 = if cx.kind(i) == Some(TokenKind::Number) {
            NUM
        } else {
            0
        };
        if cx.form(i) == "ال" {
            have |= UNIT;
        }
        for (_, e) in cx.hits(i) {
            have |= match &e.sem {
                Sem::Num {
                    kind: NumKind::Decade,
                    ..
                } => DEC,
                Sem::Num { .. } => ORD | NUM,
                Sem::Weekday { .. } => WD,
                Sem::Unit { .. } => UNIT | DEC,
                Sem::Part { .. } => PART,
                Sem::Holiday { .. } => HOL,
                Sem::Rel { .. } => REL | UNIT,
                Sem::Month { .. } => MON,
                Sem::Daypart(_) => DP,
                Sem::Role(Role::Hour) => HOUR,
                Sem::Role(Role::Day) => DAYW,
                Sem::Role(Role::Month) => MON,
                Sem::Role(Role::Year) => YEAR,
                Sem::Role(Role::Century) => DEC,
                _ => 0,
            };
        }
        let tries: [(u16, &Piece<'_>); 14] = [
            (ORD | WD | UNIT, &|s| self.p_nth(i, s)),
            (PART, &|s| self.p_part(i, s)),
            (DEC, &|s| self.p_decade(i, s)),
            (HOL, &|s| self.p_holiday(i, s)),
            (NUM | ORD, &|s| self.p_daymonth(i, s)),
            (HOUR | NUM | ORD, &|s| self.p_clock(i, s)),
            (DAYW | WD, &|s| self.p_weekday(i, s)),
            (DAYW | REL, &|s| self.p_relday(i, s)),
            (MON, &|s| self.p_monthday(i, s)),
            (MON, &|s| self.p_month(i, s, prep)),
            (YEAR | NUM, &|s| self.p_year(i, s, prep)),
            (UNIT | REL, &|s| self.p_unit(i, s)),
            (DP, &|s| self.p_daypart(i, s)),
            (REL, &|s| self.p_now(i, s)),
        ];
        let mut best: Option<(usize, Spec)> = None;
        for (need, f) in tries {
            if have & need == 0 {
                continue;
            }
            let mut s = spec.clone();
            if let Some(e) = f(&mut s) {
                if e > i && best.as_ref().is_none_or(|b| e > b.0) {
                    best = Some((e, s));
                }
            }
        }
        match best {
            Some((e, s)) => {
                *j = e;
                *spec = s;
                true
            }
            None => false,
        }
    }

    // ---- atoms -------------------------------------------------------------------

    /// A day of the month: 1-31 in digits or as an ordinal.
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        if let Some((v, n)) = self.cx.digits(i) {
            return (n <= 2 && (1..=31).contains(&v)).then_some((i + 1, v as u32));
        }
        let (e, v, _) = ordinal(self.cx, i)?;
        (1..=31).contains(&v).then_some((e, v as u32))
    }

    /// A month name, with a paired writing (`أبريل/نيسان`, `نيسان (أبريل)`).
    fn month_name(&self, i: usize) -> Option<(usize, Cal, u32, bool, Why)> {
        let cx = self.cx;
        let (mut end, (cal, m, mut standalone), _, why) = cx.find(i, |s, _| match s {
            Sem::Month {
                cal,
                month,
                standalone,
            } => Some((*cal, *month, *standalone)),
            _ => None,
        })?;
        // Two writings side by side without a mark: يوليو تموز، سبتمبر أيلول.
        if let Some((e2, s2, ..)) = cx.find(end, |s, h| match s {
            Sem::Month {
                cal: c2,
                month,
                standalone,
            } if *c2 == cal && *month == m && h.conj == 0 && h.prep == 0 => Some(*standalone),
            _ => None,
        }) {
            return Some((e2, cal, m, standalone || s2, why));
        }
        let open = cx.punct(end, "(");
        if cx.punct(end, "/") || cx.punct(end, "-") || open {
            if let Some((e2, (_, s2), ..)) = cx.find(end + 1, |s, h| match s {
                Sem::Month {
                    cal: c2,
                    month,
                    standalone,
                } if *c2 == cal && *month == m && h.conj == 0 && h.prep == 0 => {
                    Some(((), *standalone))
                }
                _ => None,
            }) {
                standalone |= s2;
                end = e2;
                if open && cx.punct(end, ")") {
                    end += 1;
                }
            }
        }
        Some((end, cal, m, standalone, why))
    }

    /// A month in a day-of context: a name, شهر + a number, الشهر + an ordinal, or a
    /// month relative to the publication (`الشهر القادم`, `هذا الشهر`).
    fn month_expr(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.month.is_some() || spec.month_rel.is_some() {
            return None;
        }
        let mut rel = Spec::default();
        if let Some(e) = self.p_unit(i, &mut rel) {
            if let Some((TUnit::Month, off)) = rel.unit_rel {
                spec.month_rel = Some(off);
                return Some(e);
            }
        }
        let (mut j, has_word) = match cx.role(i, Role::Month) {
            Some(e) => (e, true),
            None => (i, false),
        };
        if let Some((e, cal, m, _, why)) = self.month_name(j) {
            spec.month = Some((cal, m));
            spec.why.push(why);
            j = e;
        } else if has_word {
            if let Some((v, n)) = cx.digits(j) {
                if n > 2 || !(1..=12).contains(&v) {
                    return None;
                }
                spec.month = Some((Cal::Gregorian, v as u32));
                j += 1;
            } else if cx.form(i).starts_with("ال") {
                let (e, v, w) = ordinal(cx, j)?;
                if !(1..=12).contains(&v) {
                    return None;
                }
                spec.month = Some((Cal::Gregorian, v as u32));
                spec.why.push(w);
                j = e;
            } else {
                let n = cardinal(cx, j, NumOpts::default())?;
                if n.value.fract() != 0.0 || !(2.0..=12.0).contains(&n.value) {
                    return None;
                }
                spec.month = Some((Cal::Gregorian, n.value as u32));
                j = n.end;
            }
        } else {
            return None;
        }
        Some(j)
    }

    // ---- pieces ------------------------------------------------------------------

    fn p_weekday(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.weekday.is_some()
            || spec.unit_rel.is_some()
            || spec.year.is_some() && spec.month.is_none()
        {
            return None;
        }
        let (mut j, after_day) = match cx.role_bare(i, Role::Day) {
            Some(e) if cx.form(i) == "يوم" => (e, true),
            _ => (i, false),
        };
        let (e, (wd, bare), _, why) = cx.find(j, |s, h| match s {
            Sem::Weekday { wd, bare } if h.conj == 0 || j == i => Some((*wd, *bare)),
            _ => None,
        })?;
        // الأحد عشر is eleven.
        if cx.hits(e).any(|(_, en)| {
            matches!(
                en.sem,
                Sem::Num {
                    kind: NumKind::TeenSuffix,
                    ..
                }
            )
        }) {
            return None;
        }
        let week = self.week_after(e);
        if bare && !after_day && week.is_none() {
            return None;
        }
        // بين الاثنين is "between the two" unless a second day follows: بين الاثنين والخميس.
        if wd == 1 && !after_day && i > cx.lo && cx.role_bare(i - 1, Role::Between).is_some() {
            let weekday = |k: usize, conj: bool| {
                cx.hits(k)
                    .any(|(h, en)| (h.conj > 0) == conj && matches!(en.sem, Sem::Weekday { .. }))
            };
            if !(weekday(e, true) || cx.and_token(e) && weekday(e + 1, false)) {
                return None;
            }
        }
        spec.weekday = Some(wd);
        spec.why.push(why);
        j = e;
        if let Some((e2, off)) = week {
            spec.wd_week = Some(off);
            return Some(e2);
        }
        if let Some((e2, off)) = self.shift(j, true) {
            spec.wd_shift = Some(off);
            j = e2;
        }
        Some(j)
    }

    /// `الأسبوع الماضي`, `من هذا الأسبوع` after a weekday: the week's offset.
    fn week_after(&self, i: usize) -> Option<(usize, i32)> {
        let j = self.cx.role_bare(i, Role::Of).unwrap_or(i);
        let mut s = Spec::default();
        let e = self.p_unit(j, &mut s)?;
        match s.unit_rel {
            Some((TUnit::Week, off)) => Some((e, off)),
            _ => None,
        }
    }

    /// A shift word at `i` (`الماضي`, `المقبل`, `الجاري`); with `deictic` an anaphoric
    /// word (`السابق`) counts as one too.
    fn shift(&self, i: usize, deictic: bool) -> Option<(usize, i32)> {
        let (e, off, _, _) = self.cx.find(i, |s, h| match s {
            Sem::Rel {
                kind: RelKind::Shift,
                offset,
            } if h.conj == 0 && h.prep == 0 => Some(*offset),
            Sem::Rel {
                kind: RelKind::Anaphoric,
                offset,
            } if (deictic || self.assistant) && *offset != 0 && h.conj == 0 && h.prep == 0 => {
                Some(*offset)
            }
            _ => None,
        })?;
        Some((e, off))
    }

    fn p_relday(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.rel_day.is_some()
            || spec.day.is_some()
            || spec.month.is_some()
            || spec.year.is_some()
            || spec.unit_rel.is_some()
            || spec.nth.is_some()
        {
            return None;
        }
        let j = match cx.role_bare(i, Role::Day) {
            Some(e)
                if cx.form(i) == "يوم"
                    && cx.hits(e).any(|(_, en)| {
                        matches!(
                            en.sem,
                            Sem::Rel {
                                kind: RelKind::Day,
                                ..
                            }
                        )
                    }) =>
            {
                e
            }
            _ => i,
        };
        let (e, off, _, why) = cx.find(j, |s, _| match s {
            Sem::Rel {
                kind: RelKind::Day,
                offset,
            } => Some(*offset),
            _ => None,
        })?;
        if off == 0 && e == j + 1 {
            // اليوم followed by an ordinal, a shift or a name is not today; `في اليوم`
            // alone is "per day" (مليون برميل في اليوم).
            let per_day = j > cx.lo
                && cx.role_bare(j - 1, Role::In).is_some()
                && cx
                    .find(e, |s, _| matches!(s, Sem::Weekday { .. }).then_some(()))
                    .is_none();
            if per_day
                || ordinal(cx, e).is_some()
                || cx.role(e, Role::NotToday).is_some()
                || cx.hits(e).any(|(_, en)| {
                    matches!(
                        en.sem,
                        Sem::Rel {
                            kind: RelKind::Shift | RelKind::Anaphoric,
                            ..
                        }
                    )
                })
            {
                return None;
            }
        }
        spec.rel_day = Some(off);
        spec.why.push(why);
        Some(e)
    }

    fn p_daymonth(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.day.is_some()
            || spec.month.is_some()
            || spec.rel_day.is_some()
            || spec.unit_rel.is_some()
            || spec.nth.is_some()
        {
            return None;
        }
        if let Some(e) = self.numeric_date(i, spec) {
            return Some(e);
        }
        let (mut j, d) = self.day_num(i)?;
        spec.day = Some(d);
        if let Some(e) = cx.role_bare(j, Role::Of) {
            j = e;
        }
        let mut e = self.month_expr(j, spec)?;
        spec.why.push(rule("day-month"));
        if spec.month.is_some() {
            if let Some((e2, off)) = self.shift(e, false) {
                spec.month_shift = Some(off);
                e = e2;
            }
        }
        Some(e)
    }

    /// `21/09`, `14-09-1432`, `2019/04/04`, `2/2013` (digits touching separators).
    fn numeric_date(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        let (a, na) = cx.digits(i)?;
        let sep = if cx.punct(i + 1, "/") {
            "/"
        } else if cx.punct(i + 1, "-") {
            "-"
        } else {
            return None;
        };
        if !cx.touching(i) || !cx.touching(i + 1) {
            return None;
        }
        let (b, nb) = cx.digits(i + 2)?;
        let third = (cx.punct(i + 3, sep) && cx.touching(i + 2) && cx.touching(i + 3))
            .then(|| cx.digits(i + 4))
            .flatten();
        let (y, m, d, end) = match third {
            Some((c, _)) if na == 4 => (a as i32, b as u32, c as u32, i + 5),
            Some((c, nc)) if nc == 4 || nc == 2 => {
                let y = if nc == 2 {
                    c as i32 + if c < 50 { 2000 } else { 1900 }
                } else {
                    c as i32
                };
                (y, b as u32, a as u32, i + 5)
            }
            Some(_) => return None,
            None if nb == 4 && na <= 2 && (1..=12).contains(&a) && sep == "/" => {
                spec.month = Some((Cal::Gregorian, a as u32));
                spec.year = Some((Cal::Gregorian, b as i32));
                spec.why.push(rule("numeric-month-year"));
                return Some(i + 3);
            }
            None if na <= 2
                && nb <= 2
                && (1..=31).contains(&a)
                && (1..=12).contains(&b)
                && sep == "/" =>
            {
                spec.day = Some(a as u32);
                spec.month = Some((Cal::Gregorian, b as u32));
                spec.why.push(rule("numeric-day-month"));
                return Some(i + 3);
            }
            None => return None,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        // A Hijri year (1300-1500, or two digits with هـ after) is read in the Hijri calendar.
        let mut end = end;
        let hijri_era = cx.role(end, Role::EraHijri);
        let cal = if self.hijri_numeric || hijri_era.is_some() || (1300..=1500).contains(&y) {
            Cal::Hijri
        } else {
            Cal::Gregorian
        };
        if let Some(e) = hijri_era.or_else(|| cx.role(end, Role::EraGregorian)) {
            end = e;
        }
        let y = match (cal, third.map(|t| t.1)) {
            (Cal::Hijri, Some(2)) => (y % 100) + if y % 100 < 50 { 1400 } else { 1300 },
            _ => y,
        };
        spec.day = Some(d);
        spec.month = Some((cal, m));
        spec.year = Some((cal, y));
        spec.why.push(rule("numeric-date"));
        Some(end)
    }

    /// `يوليو 13` when a range or a year follows.
    fn p_monthday(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.day.is_some() || spec.month.is_some() {
            return None;
        }
        let (e, cal, m, _, why) = self.month_name(i)?;
        let (v, n) = cx.digits(e)?;
        if n > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let next = e + 1;
        let ok = cx.tok(next).is_none()
            || cx.role(next, Role::To).is_some()
            || cx.punct(next, "-")
            || cx.punct(next, ",")
            || cx.punct(next, ".")
            || cx.digits(next).is_some_and(|(_, n)| n == 4);
        if !ok {
            return None;
        }
        spec.day = Some(v as u32);
        spec.month = Some((cal, m));
        spec.why.push(why);
        Some(next)
    }

    fn p_month(&self, i: usize, spec: &mut Spec, prep: bool) -> Option<usize> {
        let cx = self.cx;
        if spec.month.is_some()
            || spec.month_rel.is_some()
            || spec.rel_day.is_some()
            || spec.unit_rel.is_some()
        {
            return None;
        }
        let (j, has_word) = match cx.role(i, Role::Month) {
            Some(e) => (e, true),
            None => (i, false),
        };
        let mut e = if has_word {
            self.month_expr(i, spec)?
        } else {
            let (e, cal, m, standalone, why) = self.month_name(j)?;
            spec.month = Some((cal, m));
            spec.why.push(why);
            // A month word that is also a verb or a name needs support.
            if !standalone && !prep && spec.day.is_none() {
                spec.weak = true;
            }
            e
        };
        if let Some((e2, off)) = self.shift(e, false) {
            spec.month_shift = Some(off);
            spec.weak = false;
            e = e2;
        }
        Some(e)
    }

    fn p_year(&self, i: usize, spec: &mut Spec, prep: bool) -> Option<usize> {
        let cx = self.cx;
        if spec.year.is_some()
            || spec.year_rel.is_some()
            || spec.unit_rel.is_some()
            || spec.rel_day.is_some()
            || spec.decade.is_some()
        {
            return None;
        }
        if spec.weekday.is_some() && spec.month.is_none() && spec.day.is_none() {
            return None;
        }
        let anchored = spec.month.is_some()
            || spec.nth.is_some()
            || spec.holiday.is_some()
            || spec.part.is_some();
        let (j, marker) = match cx.role(i, Role::Year) {
            Some(e) => (e, true),
            None => (i, false),
        };
        if marker {
            // عام/العام + a shift is a relative year: من العام الماضي.
            if let Some((e, off)) = self.shift(j, false) {
                if spec.month.is_some() || spec.nth.is_some() || spec.holiday.is_some() {
                    spec.year_rel = Some(off);
                    return Some(e);
                }
                return None;
            }
        }
        let (v, n) = cx.digits(j)?;
        if n != 4 {
            return None;
        }
        let mut end = j + 1;
        let era_h = cx.role(end, Role::EraHijri);
        let era_g = cx.role(end, Role::EraGregorian);
        if !(marker || anchored || prep || era_h.is_some() || era_g.is_some()) {
            return None;
        }
        let y = v as i32;
        let hijri_month = matches!(spec.month, Some((Cal::Hijri, _)));
        let cal = if era_h.is_some()
            || (hijri_month && (1300..=1600).contains(&y))
            || (era_g.is_none() && spec.month.is_none() && (1340..=1500).contains(&y))
        {
            Cal::Hijri
        } else {
            Cal::Gregorian
        };
        if cal == Cal::Gregorian && !(1000..=2200).contains(&y) {
            return None;
        }
        if let Some(e) = era_h.or(era_g) {
            end = e;
        }
        spec.year = Some((cal, y));
        spec.why.push(rule("year"));
        Some(end)
    }

    /// `الأسبوع الماضي`, `هذا العام`, `الأيام الثلاثة الماضية`, `الـ24 ساعة الماضية`,
    /// `الأيام الماضية` (vague), `في اليوم التالي` (anaphoric).
    fn p_unit(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        let (j, this) = match cx.find(i, |s, _| {
            matches!(
                s,
                Sem::Rel {
                    kind: RelKind::This,
                    ..
                }
            )
            .then_some(())
        }) {
            Some((e, ..)) => (e, true),
            None => (i, false),
        };
        // الـ 24 ساعة الماضية: number before the unit.
        let mut pre_n: Option<(usize, i64)> = None;
        if cx.form(j) == "ال" && cx.kind(j) == Some(TokenKind::Word) {
            if let Some((v, _)) = cx.digits(j + 1) {
                pre_n = Some((j + 2, v as i64));
            }
        }
        let uj = pre_n.map_or(j, |p| p.0);
        let (mut e, (unit, count), hit, why) = cx.find(uj, |s, h| match s {
            Sem::Unit { unit, count } if h.conj == 0 || i == uj => Some((*unit, *count)),
            _ => None,
        })?;
        let definite = cx.form(uj)[usize::from(hit.conj) + usize::from(hit.prep)..]
            .starts_with("ال")
            || this
            || pre_n.is_some();
        if !definite || (this && i > cx.lo && cx.role_bare(i - 1, Role::Anniversary).is_some()) {
            return None;
        }
        let mut n: Option<i64> = pre_n.map(|p| p.1);
        if n.is_none() && count == 0 {
            // الأيام الثلاثة، الساعات الـ24
            if let Some(v) = self.def_number(e) {
                n = Some(v.1);
                e = v.0;
            }
        }
        let shift = self.shift(e, false);
        let ana = cx.find(e, |s, _| match s {
            Sem::Rel {
                kind: RelKind::Anaphoric,
                offset,
            } => Some(*offset),
            _ => None,
        });
        let last = cx.find(e, |s, _| {
            matches!(s, Sem::Num { kind: NumKind::Ordinal, value, .. } if *value < 0.0)
                .then_some(())
        });
        let (end, off, anaphoric) = match (shift, ana, last) {
            (Some((e2, o)), ..) => (e2, o, false),
            (None, Some((e2, o, ..)), _) => (e2, o, !self.assistant),
            (None, None, Some((e2, ..))) if count != 1 => (e2, -1, false),
            _ if this && count == 1 => (e, 0, false),
            _ => return None,
        };
        spec.why.push(why);
        if anaphoric {
            if spec.has_date() || spec.clock.is_some() {
                return None;
            }
            spec.null = Some(unit.grain().0);
            return Some(end);
        }
        if count == 1 && n.is_none() {
            // Merged into what is already read: a year for a month, a month for a day.
            if spec.month.is_some()
                && unit == TUnit::Year
                && spec.year.is_none()
                && spec.year_rel.is_none()
            {
                spec.year_rel = Some(off);
                return Some(end);
            }
            if (spec.day.is_some() || spec.nth.is_some())
                && spec.month.is_none()
                && unit == TUnit::Month
            {
                spec.month_rel = Some(off);
                return Some(end);
            }
            if spec.has_date() {
                return None;
            }
            spec.unit_rel = Some((unit, off));
            return Some(end);
        }
        if spec.has_date() || off == 0 {
            return None;
        }
        match n.or((count == 2).then_some(2)) {
            Some(n) if n > 0 => spec.unit_range = Some((unit, n, off)),
            _ => spec.null = Some(unit.grain().0),
        }
        Some(end)
    }

    /// `الثلاثة`, `الـ24`, `24` after a plural unit.
    fn def_number(&self, i: usize) -> Option<(usize, i64)> {
        let cx = self.cx;
        if cx.form(i) == "ال" {
            let (v, _) = cx.digits(i + 1)?;
            return Some((i + 2, v as i64));
        }
        if let Some((v, _)) = cx.digits(i) {
            return Some((i + 1, v as i64));
        }
        let f = cx.form(i).strip_prefix("ال")?;
        let ids = cx.lx.index.get(f)?;
        ids.iter()
            .find_map(|&id| match cx.lx.entries[id as usize].sem {
                Sem::Num {
                    value,
                    kind: NumKind::Unit | NumKind::Ten | NumKind::Teen,
                    ..
                } if cx.lx.entries[id as usize].rest.is_empty() && value > 1.0 => {
                    Some((i + 1, value as i64))
                }
                _ => None,
            })
    }

    fn p_part(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.part.is_some() || spec.has_date() {
            return None;
        }
        let (mut j, part, hit, why) = cx.find(i, |s, _| match s {
            Sem::Part { days, months } => Some((*days, *months)),
            _ => None,
        })?;
        // عامين ونصف العام: a half, not the middle.
        if hit.conj > 0
            && cx.hits(i).any(|(_, e)| {
                matches!(
                    e.sem,
                    Sem::Num {
                        kind: NumKind::Fraction,
                        ..
                    }
                )
            })
        {
            return None;
        }
        if let Some(e) = cx.role_bare(j, Role::Of) {
            j = e;
        }
        let mut s = Spec {
            part: Some(part),
            ..Spec::default()
        };
        s.why.push(why);
        // A season (no days of a month: `صيف 2016`) is a part of a year only.
        let of_month = part.0 != (0, 0);
        let e = of_month
            .then(|| {
                let mut t = s.clone();
                self.p_month(j, &mut t, true).map(|e| (e, t))
            })
            .flatten()
            .or_else(|| {
                let mut t = s.clone();
                self.p_year(j, &mut t, true).map(|e| (e, t))
            })
            .or_else(|| {
                let mut t = s.clone();
                self.p_unit(j, &mut t)
                    .filter(|_| t.unit_rel.is_some())
                    .map(|e| (e, t))
            })
            .or_else(|| {
                // نهاية الشهر، مطلع العام: the current one.
                let (e, (unit, count), _, w) = cx.find(j, |s, h| match s {
                    Sem::Unit { unit, count } if h.conj == 0 && h.prep == 0 => {
                        Some((*unit, *count))
                    }
                    _ => None,
                })?;
                (count == 1
                    && cx.form(j).starts_with("ال")
                    && (matches!(unit, TUnit::Week | TUnit::Month) && of_month
                        || unit == TUnit::Year))
                    .then(|| {
                        let mut t = s.clone();
                        t.unit_rel = Some((unit, 0));
                        t.why.push(w);
                        (e, t)
                    })
            });
        let (mut e, mut t) = e?;
        t.weak = false;
        if t.month.is_some() && t.year.is_none() {
            let mut end = e;
            let mut t2 = t.clone();
            let g = cx.role_bare(end, Role::Of).unwrap_or(end);
            if let Some(e2) = self.p_year(g, &mut t2, false) {
                end = e2;
                t = t2;
                e = end;
            }
        }
        *spec = t;
        Some(e)
    }

    fn hour(&self, i: usize) -> Option<(usize, u32, bool)> {
        let cx = self.cx;
        if let Some((v, n)) = cx.digits(i) {
            return (n <= 2 && v <= 24).then_some((i + 1, v as u32, false));
        }
        for o in [ordinal(cx, i), ordinal_simple(cx, i)]
            .into_iter()
            .flatten()
        {
            if (1..=12).contains(&o.1) {
                return Some((o.0, o.1 as u32, true));
            }
        }
        let n = cardinal(cx, i, NumOpts::default())?;
        (n.words && n.value.fract() == 0.0 && (1.0..=12.0).contains(&n.value)).then_some((
            n.end,
            n.value as u32,
            true,
        ))
    }

    /// Minutes after و: a number (`و18 دقيقة`, `وخمس واربعون دقيقة`) or a fraction
    /// (`وربع`, `ونصف`, `وثلث`).
    fn minutes_after_and(&self, i: usize) -> Option<(usize, u32)> {
        let cx = self.cx;
        let (j, sep) = if cx.and_token(i) {
            (i + 1, true)
        } else {
            (i, false)
        };
        // ودقيقتين: two minutes.
        if let Some((e, ..)) = cx.find(j, |s, h| {
            matches!(
                s,
                Sem::Unit {
                    unit: TUnit::Minute,
                    count: 2
                }
            )
            .then_some(())
            .filter(|_| sep || h.conj > 0)
        }) {
            return Some((e, 2));
        }
        if let Some((e, v, ..)) = cx.find(j, |s, h| match s {
            Sem::Num {
                value,
                kind: NumKind::Fraction,
                ..
            } if sep || h.conj > 0 => Some(*value),
            _ => None,
        }) {
            return Some((e, (v * 60.0).round() as u32));
        }
        if !sep && !cx.form(j).starts_with('و') {
            return None;
        }
        let num_start = j;
        // و18 is one token for the tokenizer only when letters and digits split: و + 18.
        let n = cardinal(cx, num_start, NumOpts::default()).or_else(|| {
            let f = cx.form(num_start);
            f.strip_prefix('و')
                .and_then(|r| r.parse::<u32>().ok())
                .map(|v| crate::numbers::Numeral {
                    start: num_start,
                    end: num_start + 1,
                    value: f64::from(v),
                    words: false,
                    ambiguous: false,
                    why: Vec::new(),
                })
        })?;
        if n.value.fract() != 0.0 || !(1.0..60.0).contains(&n.value) {
            return None;
        }
        if !sep
            && cx.hits(num_start).all(|(h, _)| h.conj == 0)
            && !cx.form(num_start).starts_with('و')
        {
            return None;
        }
        let mut e = n.end;
        if let Some((e2, ..)) = cx.find(e, |s, _| {
            matches!(
                s,
                Sem::Unit {
                    unit: TUnit::Minute,
                    ..
                }
            )
            .then_some(())
        }) {
            e = e2;
        }
        Some((e, n.value as u32))
    }

    fn p_clock(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.clock.is_some() {
            return None;
        }
        let (j, hour_word) = match cx.role(i, Role::Hour) {
            Some(e)
                if cx.form(i).starts_with("ال")
                    || cx.form(i).starts_with("بال")
                    || cx.form(i).starts_with("وال") =>
            {
                (e, true)
            }
            _ => (i, false),
        };
        let (mut e, h, in_words) = self.hour(j)?;
        let (mut m, mut s, mut grain) = (0u32, 0u32, Grain::Hour);
        let mut colon = false;
        let mut extra = false;
        if !in_words && cx.punct(e, ":") && cx.touching(e - 1) && cx.touching(e) {
            let (mm, nm) = cx.digits(e + 1)?;
            if nm != 2 || mm > 59 {
                return None;
            }
            m = mm as u32;
            grain = Grain::Minute;
            e += 2;
            colon = true;
            if cx.punct(e, ":") && cx.touching(e - 1) && cx.touching(e) {
                if let Some((ss, 2)) = cx.digits(e + 1) {
                    if ss <= 59 {
                        s = ss as u32;
                        grain = Grain::Second;
                        e += 2;
                    }
                }
            }
        } else if let Some((e2, mm)) = self.minutes_after_and(e) {
            m = mm;
            grain = Grain::Minute;
            e = e2;
            extra = true;
        }
        let mut h = h;
        if let Some(ex) = cx.role(e, Role::Except) {
            let sub = cx
                .find(ex, |s, _| match s {
                    Sem::Num {
                        value,
                        kind: NumKind::Fraction,
                        ..
                    } => Some((*value * 60.0).round() as u32),
                    _ => None,
                })
                .map(|(e2, v, ..)| (e2, v))
                .or_else(|| {
                    let n = cardinal(cx, ex, NumOpts::default())?;
                    let mut e2 = n.end;
                    if let Some((e3, ..)) = cx.find(e2, |s, _| {
                        matches!(
                            s,
                            Sem::Unit {
                                unit: TUnit::Minute,
                                ..
                            }
                        )
                        .then_some(())
                    }) {
                        e2 = e3;
                    }
                    (n.value.fract() == 0.0 && (1.0..60.0).contains(&n.value))
                        .then_some((e2, n.value as u32))
                });
            if let Some((e2, sub)) = sub {
                if m == 0 && h > 0 {
                    h = if h == 0 { 23 } else { h - 1 };
                    m = 60 - sub;
                    grain = Grain::Minute;
                    e = e2;
                    extra = true;
                }
            }
        }
        let mut mer = None;
        let mut mer_after_of = false;
        if let Some((e2, mr, _, why)) = cx.find(e, |s, _| match s {
            Sem::Daypart(m) => Some(*m),
            _ => None,
        }) {
            mer = Some(mr);
            spec.why.push(why);
            e = e2;
        } else if let Some(ofe) = cx.role_bare(e, Role::Of) {
            mer_after_of = true;
            // الثامنة من مساء الخميس: the daypart belongs to the day after it.
            if let Some((_, mr, ..)) = cx.find(ofe, |s, _| match s {
                Sem::Daypart(m) => Some(*m),
                _ => None,
            }) {
                mer = Some(mr);
            }
        }
        let mut tz = None;
        if let Some((e2, z, _, why)) = cx.find(e, |s, _| match s {
            Sem::Tz(z) => Some(*z),
            _ => None,
        }) {
            tz = Some(z);
            spec.why.push(why);
            e = e2;
        }
        // An hour in words needs a daypart or minutes; a daypart only after من (الساعات
        // الأولى من صباح الاثنين) needs a preposition before the hour (في الثامنة من مساء).
        let lead = i > cx.lo
            && (cx.role_bare(i - 1, Role::In).is_some()
                || cx.role_bare(i - 1, Role::ApproxTime).is_some());
        let word_ok = in_words && (extra || (mer.is_some() && (!mer_after_of || lead)));
        if !hour_word && !colon && !word_ok {
            return None;
        }
        spec.clock = Some(Clock {
            h,
            m,
            s,
            grain,
            mer,
            tz,
        });
        spec.why.push(rule("clock"));
        Some(e)
    }

    fn p_daypart(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        if spec.daypart.is_some() || spec.clock.is_some() {
            return None;
        }
        let (e, m, h, why) = self.cx.find(i, |s, _| match s {
            Sem::Daypart(m) => Some(*m),
            _ => None,
        })?;
        let _ = h;
        // A daypart alone is no time; it joins a day before or after it.
        let mut trial = spec.clone();
        trial.daypart = Some(m);
        trial.why.push(why);
        if !spec.has_date() {
            let mut j = e;
            let mut t2 = trial.clone();
            if !self.piece(&mut j, &mut t2, false)
                || !(t2.rel_day.is_some()
                    || t2.weekday.is_some()
                    || t2.day.is_some()
                    || t2.unit_rel.is_some_and(|u| u.0 == TUnit::Day))
            {
                return None;
            }
            *spec = t2;
            return Some(j);
        }
        if !(spec.rel_day.is_some()
            || spec.weekday.is_some()
            || spec.day.is_some()
            || spec.unit_rel.is_some_and(|u| u.0 == TUnit::Day))
        {
            return None;
        }
        *spec = trial;
        Some(e)
    }

    fn p_now(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        if spec.has_date() || spec.clock.is_some() {
            return None;
        }
        let (e, kind, _, why) = self.cx.find(i, |s, _| match s {
            Sem::Rel {
                kind: k @ (RelKind::Now | RelKind::Tonight),
                ..
            } => Some(*k),
            _ => None,
        })?;
        match kind {
            RelKind::Now if self.assistant => spec.now = true,
            RelKind::Tonight => spec.tonight = true,
            _ => return None,
        }
        spec.why.push(why);
        Some(e)
    }

    fn p_holiday(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        if spec.has_date() {
            return None;
        }
        let (e, hd, _, why) = self.cx.find(i, |s, _| match s {
            Sem::Holiday { cal, month, day } => Some((*cal, *month, *day)),
            _ => None,
        })?;
        spec.holiday = Some(hd);
        spec.why.push(why);
        Some(e)
    }

    fn p_decade(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.has_date() {
            return None;
        }
        let j = cx
            .find(i, |s, _| {
                matches!(
                    s,
                    Sem::Unit {
                        unit: TUnit::Decade,
                        count: 1
                    }
                )
                .then_some(())
            })
            .map_or(i, |(e, ..)| e);
        if let Some((e, d, _, why)) = cx.find(j, |s, _| match s {
            Sem::Num {
                value,
                kind: NumKind::Decade,
                ..
            } => Some(*value as u32),
            _ => None,
        }) {
            spec.decade = Some(d);
            spec.why.push(why);
            let mut end = e;
            if let Some((e2, c)) = self.century(e) {
                spec.century = Some(c);
                end = e2;
            }
            return Some(end);
        }
        let (e, c) = self.century(j)?;
        spec.century = Some(c);
        Some(e)
    }

    /// `القرن الماضي`, `القرن العشرين`, `القرن الحادي والعشرين`.
    fn century(&self, i: usize) -> Option<(usize, Century)> {
        let cx = self.cx;
        let j = cx.role(i, Role::Century)?;
        if let Some((e, off)) = self.shift(j, false) {
            return Some((e, Century::Rel(off)));
        }
        let (e, v, _) = ordinal(cx, j)?;
        (1..=30)
            .contains(&v)
            .then_some((e, Century::Ordinal(v as i32)))
    }

    /// Ordinals inside a month: `ثالث ثلاثاء من أيلول`, `اليوم الأخير من شهر عشرة`,
    /// `الأسبوع الأول من أكتوبر`, `الثلاثاء الثالث من أيلول`, `السبت السادس عشر`,
    /// `ثالث ثلاثاء بعد كريسماس 2014`.
    fn p_nth(&self, i: usize, spec: &mut Spec) -> Option<usize> {
        let cx = self.cx;
        if spec.nth.is_some()
            || spec.day.is_some()
            || spec.month.is_some()
            || spec.rel_day.is_some()
            || spec.unit_rel.is_some()
        {
            return None;
        }
        let mut s = spec.clone();
        let mut j;
        let n: i64;
        let what: NthWhat;
        if let Some((e, v, w)) = ordinal(cx, i) {
            // Form A: ordinal, then what it counts.
            n = v;
            s.why.push(w);
            j = e;
            let day_word = cx.find(j, |sm, h| {
                matches!(
                    sm,
                    Sem::Unit {
                        unit: TUnit::Day,
                        count: 1
                    }
                )
                .then_some(())
                .filter(|_| h.conj == 0 && h.prep == 0)
            });
            if let Some((e2, ..)) = day_word {
                j = e2;
            }
            if let Some((e2, (wd, _), ..)) = cx.find(j, |sm, h| match sm {
                Sem::Weekday { wd, bare } if h.conj == 0 && h.prep == 0 => Some((*wd, *bare)),
                _ => None,
            }) {
                what = NthWhat::Weekday(wd);
                j = e2;
            } else if day_word.is_some() {
                what = NthWhat::Day;
            } else if let Some((e2, ..)) = cx.find(j, |sm, h| {
                matches!(
                    sm,
                    Sem::Unit {
                        unit: TUnit::Week,
                        count: 1
                    }
                )
                .then_some(())
                .filter(|_| h.conj == 0 && h.prep == 0)
            }) {
                what = NthWhat::Week;
                j = e2;
            } else {
                return None;
            }
            if n > 5 && !matches!(what, NthWhat::Day) {
                return None;
            }
            if let Some(e3) = cx.role_bare(j, Role::After) {
                if let NthWhat::Weekday(_) = what {
                    let (e4, anchor) = self.single(e3, Mode::Single)?;
                    s.nth = Some((n, what));
                    s.after = Some(Box::new(anchor));
                    s.why.push(rule("nth-after"));
                    *spec = s;
                    return Some(e4);
                }
            }
        } else if let Some((e, (wd, _), _, w)) = cx.find(i, |sm, h| match sm {
            Sem::Weekday { wd, bare: false } if h.conj == 0 => Some((*wd, false)),
            _ => None,
        }) {
            // Form B: weekday, then an ordinal.
            let (e2, v, w2) = ordinal(cx, e)?;
            s.why.push(w);
            s.why.push(w2);
            s.weekday = Some(wd);
            j = e2;
            if v > 5 || v == 0 || v < -1 {
                if !(1..=31).contains(&v) {
                    return None;
                }
                s.day = Some(v as u32);
                let mut end = j;
                let g = cx.role_bare(end, Role::Of).unwrap_or(end);
                let mut t = s.clone();
                if let Some(e3) = self.month_expr(g, &mut t) {
                    end = e3;
                    s = t;
                }
                s.why.push(rule("weekday-day"));
                *spec = s;
                return Some(end);
            }
            n = v;
            what = NthWhat::Weekday(wd);
            s.nth_or_day = v > 0;
        } else if let Some((e, (unit, count), ..)) = cx.find(i, |sm, h| match sm {
            Sem::Unit { unit, count } if h.conj == 0 && h.prep == 0 => Some((*unit, *count)),
            _ => None,
        }) {
            // Form C: اليوم/الأسبوع, then an ordinal.
            if count != 1 || !cx.form(i).starts_with("ال") {
                return None;
            }
            what = match unit {
                TUnit::Day => NthWhat::Day,
                TUnit::Week => NthWhat::Week,
                _ => return None,
            };
            let (e2, v, w) = ordinal(cx, e)?;
            s.why.push(w);
            n = v;
            j = e2;
        } else {
            return None;
        }
        // Then the month.
        let g = cx.role_bare(j, Role::Of).unwrap_or(j);
        let e = self.month_expr(g, &mut s)?;
        let mut end = e;
        let g2 = cx.role_bare(end, Role::Of).unwrap_or(end);
        let mut t = s.clone();
        if let Some(e2) = self
            .p_year(g2, &mut t, true)
            .or_else(|| self.p_unit(g2, &mut t))
        {
            if t.year.is_some() || t.year_rel.is_some() {
                end = e2;
                s = t;
            }
        }
        if s.nth_or_day {
            s.day = Some(n as u32);
        }
        s.nth = Some((n, what));
        s.why.push(rule("nth-in-month"));
        *spec = s;
        Some(end)
    }
}

/// Add what a shared head (a weekday before `من … إلى …`) says.
fn merge_head(s: &mut Spec, head: &Spec) {
    if s.weekday.is_none() && s.day.is_none() && s.rel_day.is_none() {
        s.weekday = s.weekday.or(head.weekday);
        s.rel_day = s.rel_day.or(head.rel_day);
        s.wd_shift = s.wd_shift.or(head.wd_shift);
    }
}

/// Fill what one side of a range leaves out from the other (`13 الى 15 تموز`).
fn share(a: &mut Spec, b: &Spec) {
    if a.month.is_none() && a.month_rel.is_none() && a.day.is_some() {
        a.month = b.month;
        a.month_rel = b.month_rel;
        a.month_shift = b.month_shift;
    }
    if a.year.is_none()
        && a.year_rel.is_none()
        && (a.month.is_some() || a.month_rel.is_some())
        && a.month == b.month
    {
        a.year = b.year;
        a.year_rel = b.year_rel;
    } else if a.year.is_none()
        && a.year_rel.is_none()
        && a.month.is_some()
        && b.month.is_some()
        && b.year.is_some()
    {
        a.year = b.year;
    }
    if let (Some(ca), Some(cb)) = (a.clock.as_mut(), b.clock) {
        if ca.mer.is_none() {
            ca.mer = cb.mer;
        }
    }
    if a.clock.is_some() && !a.has_date() && b.has_date() {
        a.weekday = b.weekday;
        a.rel_day = b.rel_day;
        a.day = b.day;
        a.month = b.month;
        a.year = b.year;
    }
}

/// Whether a range side says enough to be placed (a bare day needs a month).
fn complete(s: &Spec) -> bool {
    if s.weak {
        return false;
    }
    if s.day.is_some() && s.month.is_none() && s.month_rel.is_none() && s.weekday.is_none() {
        return false;
    }
    s.is_time()
}
