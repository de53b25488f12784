//! Placing a [`Spec`] on the calendar against the publication date.
//!
//! A news article speaks mostly of the past: a bare weekday or month is the latest one
//! on or before the publication date, unless a future cue (`من المقرر`, `سوف`) stands
//! before it or it is a day within a month ahead that lies nearer than its past reading
//! (`بحلول 26 فبراير` on 18 February); an assistant (Duckling's convention) looks ahead instead. A missing year
//! is taken from the publication, and a weekday written with a date picks the year in
//! which that date falls on that weekday. Without a publication date, anything relative
//! gets a null value, never a guess.

use rasd_model::{Grain, Published};

use crate::calendar::{civil, easter, iso_weekday, ymd, Hijri, Moment};
use crate::lexicon::{Cal, HolidayCal, Mer};
use crate::spec::{Century, Clock, NthWhat, Spec};

/// The publication moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ref {
    /// Publication date, and time when known.
    pub now: Moment,
    /// Whether the publication gave a time.
    pub has_time: bool,
    /// Its UTC offset in minutes, when given.
    pub offset: Option<i32>,
}

impl Ref {
    /// From a parsed publication date.
    pub fn from_published(p: &Published) -> Ref {
        let day = p.days();
        let (now, has_time) = match p.time {
            Some((h, m, s)) => (
                Moment::at(day, u32::from(h), u32::from(m), u32::from(s)),
                true,
            ),
            None => (Moment::day(day), false),
        };
        Ref {
            now,
            has_time,
            offset: p.offset_minutes.map(i32::from),
        }
    }

    fn day(&self) -> i64 {
        self.now.day
    }
}

/// A resolved value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Val {
    /// A point (a period of its grain).
    Point(Moment, Grain),
    /// `[from, to)` at a grain.
    Span(Moment, Moment, Grain),
    /// Cannot be placed.
    Null(Grain),
}

impl Val {
    /// The first moment.
    pub fn start(&self) -> Option<Moment> {
        match self {
            Val::Point(m, _) | Val::Span(m, _, _) => Some(*m),
            Val::Null(_) => None,
        }
    }

    /// The exclusive end.
    pub fn end(&self) -> Option<Moment> {
        match self {
            Val::Point(m, g) => Some(m.floor(*g).add(*g, 1)),
            Val::Span(_, e, _) => Some(*e),
            Val::Null(_) => None,
        }
    }

    /// The grain.
    pub fn grain(&self) -> Grain {
        match self {
            Val::Point(_, g) | Val::Span(_, _, g) | Val::Null(g) => *g,
        }
    }

    /// `(value, to, grain)` in the contract's forms.
    pub fn render(&self) -> (Option<String>, Option<String>, Grain) {
        match self {
            Val::Point(m, g) => (Some(m.format(*g)), None, *g),
            Val::Span(a, b, g) => (Some(a.format(*g)), Some(b.format(*g)), *g),
            Val::Null(g) => (None, None, *g),
        }
    }
}

/// How many days ahead of the publication a date without a year may be read as the
/// coming one when its past reading lies further back.
const SOON_DAYS: i64 = 31;

/// How far after the publication moment a bare clock time may fall and still be the
/// publication day's (six hours: a stamp in UTC, a clock in the Middle East's time).
const CLOCK_MARGIN_SECS: i64 = 6 * 3600;

/// Which way a bare weekday, month or holiday leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    /// The latest one on or before the publication (news).
    Past,
    /// The next one on or after the publication (news with a future cue).
    Future,
    /// The next one strictly after (Duckling's convention for weekdays).
    Ahead,
}

/// The resolver.
pub struct Resolver<'a> {
    /// Publication moment.
    pub rf: Option<Ref>,
    /// Umm al-Qura calendar.
    pub hijri: &'a Hijri,
    /// Lean.
    pub bias: Bias,
    /// Assistant profile: clock hours without a daypart are the next such hour.
    pub assistant: bool,
}

fn between(a: Moment, b: Moment, g: Grain) -> Val {
    Val::Span(a, b, g)
}

impl Resolver<'_> {
    /// Place one spec.
    pub fn single(&self, s: &Spec) -> Option<Val> {
        if let Some(g) = s.null {
            return Some(Val::Null(g));
        }
        if s.after.is_some() {
            return self.after(s);
        }
        if s.now {
            return Some(match self.rf {
                Some(r) if r.has_time => Val::Point(r.now, Grain::Second),
                Some(r) => Val::Point(Moment::day(r.day()), Grain::Day),
                None => Val::Null(Grain::Second),
            });
        }
        let base = self.date(s)?;
        let base = match (s.clock, base) {
            (Some(c), Val::Point(m, g)) if g <= Grain::Day => self.clock(c, m.day, s),
            (Some(c), Val::Null(_)) => Val::Null(c.grain),
            (Some(_), _) => return None,
            (None, v) => v,
        };
        Some(base)
    }

    fn clock(&self, c: Clock, day: i64, s: &Spec) -> Val {
        let mut h = c.h;
        match c.mer {
            Some(Mer::Am) if h == 12 => h = 0,
            Some(Mer::Pm) if h < 12 => h += 12,
            Some(Mer::Noon) if (1..=6).contains(&h) => h += 12,
            Some(Mer::Night) if (7..=11).contains(&h) => h += 12,
            Some(Mer::Night) if h == 12 => h = 0,
            _ => {}
        }
        let implicit_day = !s.has_date();
        if c.mer.is_none() && self.assistant && implicit_day && h <= 12 {
            if let Some(r) = self.rf.filter(|r| r.has_time) {
                let at = Moment::at(day, h, c.m, c.s);
                if at < r.now && h < 12 {
                    h += 12;
                }
            }
        }
        let mut m = Moment::at(day, h.min(23), c.m, c.s);
        if h == 24 {
            m = Moment::day(day + 1);
        }
        let mut grain = c.grain;
        if let (Some(z), Some(o)) = (c.tz, self.rf.and_then(|r| r.offset)) {
            m = m.plus_secs(i64::from(o - z) * 60);
            grain = grain.min(Grain::Minute);
        }
        // News tells what happened: a clock time with no day, well after the publication
        // moment, was the evening before (`تعرضت عند الساعة العاشرة والنصف ليلا` in a
        // report stamped 04:50). The margin absorbs a stamp in UTC and a local clock.
        if implicit_day && !self.assistant && self.bias == Bias::Past {
            if let Some(r) = self.rf.filter(|r| r.has_time) {
                if m > r.now.plus_secs(CLOCK_MARGIN_SECS) {
                    m = m.plus_secs(-86_400);
                }
            }
        }
        Val::Point(m, grain)
    }

    /// The date-level value of a spec (a clock time alone is the publication day).
    fn date(&self, s: &Spec) -> Option<Val> {
        let rf = self.rf;
        if s.tonight {
            let Some(r) = rf else {
                return Some(Val::Null(Grain::Hour));
            };
            return Some(between(
                Moment::at(r.day(), 18, 0, 0),
                Moment::day(r.day() + 1),
                Grain::Hour,
            ));
        }
        if let Some(h) = s.holiday {
            return self.holiday(h, s);
        }
        if s.decade.is_some() || s.century.is_some() {
            return self.decade(s);
        }
        if let Some((unit, n, dir)) = s.unit_range {
            let Some(r) = rf else {
                return Some(Val::Null(unit.grain().0));
            };
            let (g, k) = unit.grain();
            if g < Grain::Day && !r.has_time {
                // Hours before a date-only publication: the days they can fall on.
                let span = (n
                    * k
                    * if g == Grain::Hour {
                        3600
                    } else if g == Grain::Minute {
                        60
                    } else {
                        1
                    })
                .div_euclid(86_400)
                    + 1;
                return Some(if dir < 0 {
                    between(
                        Moment::day(r.day() - span),
                        Moment::day(r.day() + 1),
                        Grain::Day,
                    )
                } else {
                    between(
                        Moment::day(r.day()),
                        Moment::day(r.day() + span + 1),
                        Grain::Day,
                    )
                });
            }
            let cur = r.now.floor(g);
            return Some(if dir < 0 {
                between(cur.add(g, -n * k), cur, g)
            } else {
                between(cur.add(g, k), cur.add(g, k + n * k), g)
            });
        }
        if s.month.is_some()
            || s.day.is_some()
            || s.nth.is_some()
            || s.month_rel.is_some()
            || s.year.is_some()
        {
            return self.calendar_date(s);
        }
        if let Some(off) = s.rel_day {
            let Some(r) = rf else {
                return Some(Val::Null(Grain::Day));
            };
            let mut d = r.day() + i64::from(off);
            if let Some(wd) = s.weekday {
                d = if off <= 0 {
                    latest_on_or_before(d, wd)
                } else {
                    earliest_on_or_after(d, wd)
                };
            }
            return Some(Val::Point(Moment::day(d), Grain::Day));
        }
        if let Some(wd) = s.weekday {
            let Some(r) = rf else {
                return Some(Val::Null(Grain::Day));
            };
            let d = r.day();
            let day = if let Some(w) = s.wd_week {
                let monday = Moment::day(d).floor(Grain::Week).day + 7 * i64::from(w);
                monday + i64::from(wd) - 1
            } else {
                match s.wd_shift {
                    Some(x) if x < 0 => latest_on_or_before(d - 1, wd),
                    Some(x) if x > 0 => earliest_on_or_after(d + 1, wd),
                    Some(_) => Moment::day(d).floor(Grain::Week).day + i64::from(wd) - 1,
                    None => match self.bias {
                        Bias::Past => latest_on_or_before(d, wd),
                        Bias::Future => earliest_on_or_after(d, wd),
                        Bias::Ahead => earliest_on_or_after(d + 1, wd),
                    },
                }
            };
            return Some(Val::Point(Moment::day(day), Grain::Day));
        }
        if let Some((unit, off)) = s.unit_rel {
            let Some(r) = rf else {
                return Some(Val::Null(unit.grain().0));
            };
            let (g, k) = unit.grain();
            if g < Grain::Day && !r.has_time {
                return Some(Val::Null(g));
            }
            if k > 1 {
                let y = ymd(r.day()).0;
                let start = y - y.rem_euclid(k as i32) + off * k as i32;
                let a = Moment::day(civil(start, 1, 1)?);
                return Some(between(a, a.add(Grain::Year, k), Grain::Year));
            }
            let p = r.now.floor(g).add(g, i64::from(off));
            return Some(self.with_part(p, g, s));
        }
        if s.clock.is_some() {
            let Some(r) = rf else {
                return Some(Val::Null(Grain::Hour));
            };
            return Some(Val::Point(Moment::day(r.day()), Grain::Day));
        }
        None
    }

    /// A part (`مطلع`, `منتصف`, `أواخر`) of a period.
    fn with_part(&self, p: Moment, g: Grain, s: &Spec) -> Val {
        let Some((days, months)) = s.part else {
            return Val::Point(p, g);
        };
        match g {
            Grain::Month => {
                let (y, m, _) = ymd(p.day);
                let last = u32::from(rasd_model::days_in_month(y, m as u8));
                let from = days.0.clamp(1, last);
                let to = if days.1 == 0 {
                    last + 1
                } else {
                    days.1.min(last + 1)
                };
                let a = Moment::day(p.day + i64::from(from) - 1);
                if to == from + 1 {
                    return Val::Point(a, Grain::Day);
                }
                between(a, Moment::day(p.day + i64::from(to) - 1), Grain::Day)
            }
            Grain::Year => {
                let a = p.add(Grain::Month, i64::from(months.0.max(1)) - 1);
                let b = p.add(Grain::Month, i64::from(months.1.max(months.0 + 1)) - 1);
                between(a, b, Grain::Month)
            }
            _ => Val::Point(p, g),
        }
    }

    /// The year that a month (and day) without one falls in, by bias; a weekday
    /// written with the date picks the year where the date is that weekday.
    fn pick_year(
        &self,
        r: Ref,
        cands: &dyn Fn(i32) -> Option<(i64, i64)>,
        weekday: Option<u32>,
        shift: Option<i32>,
        base_year: i32,
    ) -> Option<i32> {
        let d = r.day();
        let years: Vec<(i32, i64, i64)> = (base_year - 2..=base_year + 2)
            .filter_map(|y| cands(y).map(|(a, b)| (y, a, b)))
            .collect();
        let pick = |ys: &[(i32, i64, i64)]| -> Option<i32> {
            match shift {
                Some(x) if x < 0 => ys.iter().filter(|(_, a, _)| *a < d).map(|t| t.0).max(),
                Some(x) if x > 0 => ys.iter().filter(|(_, a, _)| *a > d).map(|t| t.0).min(),
                Some(_) => ys.iter().find(|t| t.0 == ymd(d).0).map(|t| t.0),
                // Looking ahead, a date of the current month still counts (Duckling reads
                // الأول من شباط on 12 February as this year's).
                None => match self.bias {
                    // A day within a month ahead that is nearer than its past reading is
                    // the coming one (`بعد أيام، في السادس من أيار` on 30 April).
                    Bias::Past => {
                        let past = ys.iter().filter(|(_, a, _)| *a <= d).max_by_key(|t| t.0);
                        let soon = ys
                            .iter()
                            .filter(|(_, a, b)| b - a == 1 && *a > d && a - d <= SOON_DAYS)
                            .min_by_key(|t| t.0);
                        match (past, soon) {
                            (Some(p), Some(f)) if f.1 - d < d - p.1 => Some(f.0),
                            (None, Some(f)) => Some(f.0),
                            (p, _) => p.map(|t| t.0),
                        }
                    }
                    Bias::Future | Bias::Ahead => ys
                        .iter()
                        .filter(|(_, a, b)| (*b).max(month_end(*a)) > d)
                        .map(|t| t.0)
                        .min(),
                },
            }
        };
        if let Some(wd) = weekday {
            let matching: Vec<(i32, i64, i64)> = years
                .iter()
                .copied()
                .filter(|(_, a, b)| b - a == 1 && iso_weekday(*a) == wd)
                .collect();
            if let Some(y) = pick(&matching) {
                return Some(y);
            }
            if let Some(t) = matching.iter().min_by_key(|(_, a, _)| (a - d).abs()) {
                return Some(t.0);
            }
        }
        pick(&years)
    }

    /// Dates with a day, month or year.
    fn calendar_date(&self, s: &Spec) -> Option<Val> {
        let rf = self.rf;
        if let Some((Cal::Hijri, m)) = s.month {
            return self.hijri_date(s, m);
        }
        if s.month.is_none() && s.month_rel.is_none() {
            if let Some((cal, y)) = s.year {
                if s.day.is_none() && s.nth.is_none() {
                    if cal == Cal::Hijri {
                        let (a, b) = self.hijri.year_span(y)?;
                        return Some(between(Moment::day(a), Moment::day(b), Grain::Day));
                    }
                    let p = Moment::day(civil(y, 1, 1)?);
                    return Some(self.with_part(p, Grain::Year, s));
                }
            }
        }
        // The month.
        let (y, m) = match (s.month, s.month_rel) {
            (_, Some(off)) => {
                let Some(r) = rf else {
                    return Some(Val::Null(s.grain()));
                };
                let p = r.now.floor(Grain::Month).add(Grain::Month, i64::from(off));
                let (y, m, _) = ymd(p.day);
                (y, m)
            }
            (Some((_, m)), None) => {
                let year = match (s.year, s.year_rel) {
                    (Some((_, y)), _) => y,
                    (None, Some(off)) => {
                        let Some(r) = rf else {
                            return Some(Val::Null(s.grain()));
                        };
                        ymd(r.day()).0 + off
                    }
                    (None, None) => {
                        let Some(r) = rf else {
                            return Some(Val::Null(s.grain()));
                        };
                        let day = s.day;
                        let cands = |y: i32| -> Option<(i64, i64)> {
                            match day {
                                Some(d) if s.nth.is_none() || s.nth_or_day => {
                                    civil(y, m, d).map(|a| (a, a + 1))
                                }
                                _ => {
                                    let a = civil(y, m, 1)?;
                                    Some((a, Moment::day(a).add(Grain::Month, 1).day))
                                }
                            }
                        };
                        let wd = if s.nth.is_none() { s.weekday } else { None };
                        self.pick_year(r, &cands, wd, s.month_shift, ymd(r.day()).0)?
                    }
                };
                (year, m)
            }
            (None, None) => {
                // A day (السبت السادس عشر) in a month near the publication.
                let Some(r) = rf else {
                    return Some(Val::Null(Grain::Day));
                };
                let d = s.day?;
                let here = r.now.floor(Grain::Month);
                let mut best: Option<i64> = None;
                for off in [0i64, -1, 1, -2, 2] {
                    let (y, m, _) = ymd(here.add(Grain::Month, off).day);
                    if let Some(day) = civil(y, m, d) {
                        if s.weekday.is_none_or(|wd| iso_weekday(day) == wd) {
                            best = Some(day);
                            break;
                        }
                    }
                }
                return Some(Val::Point(Moment::day(best?), Grain::Day));
            }
        };
        let first = civil(y, m, 1)?;
        let next = Moment::day(first).add(Grain::Month, 1).day;
        if let Some((n, what)) = s.nth {
            let day = nth_in(first, next, n, what);
            if s.nth_or_day {
                if let (Some(d), Some(wd)) = (s.day, s.weekday) {
                    if let Some(x) = civil(y, m, d).filter(|x| iso_weekday(*x) == wd) {
                        return Some(Val::Point(Moment::day(x), Grain::Day));
                    }
                }
            }
            let day = day?;
            return Some(Val::Point(
                Moment::day(day),
                if what == NthWhat::Week {
                    Grain::Week
                } else {
                    Grain::Day
                },
            ));
        }
        if let Some(d) = s.day {
            return Some(Val::Point(Moment::day(civil(y, m, d)?), Grain::Day));
        }
        Some(self.with_part(Moment::day(first), Grain::Month, s))
    }

    fn hijri_date(&self, s: &Spec, m: u32) -> Option<Val> {
        let h = self.hijri;
        let hy = match s.year {
            Some((Cal::Hijri, y)) => y,
            Some((Cal::Gregorian, gy)) => {
                // رمضان 2019: the Hijri month that begins in that Gregorian year.
                let (a, _) = h.years().clone().find_map(|hy| {
                    h.month_span(hy, m)
                        .filter(|(a, _)| ymd(*a).0 == gy)
                        .map(|x| (x, hy))
                })?;
                h.from_days(a.0)?.0
            }
            None => {
                let Some(r) = self.rf else {
                    return Some(Val::Null(s.grain()));
                };
                let (ry, ..) = h.from_days(r.day())?;
                let day = s.day;
                let cands = |y: i32| -> Option<(i64, i64)> {
                    match day {
                        Some(d) => h.to_days(y, m, d).map(|a| (a, a + 1)),
                        None => h.month_span(y, m),
                    }
                };
                self.pick_year(r, &cands, s.weekday, s.month_shift, ry)?
            }
        };
        if let Some(d) = s.day {
            return Some(Val::Point(Moment::day(h.to_days(hy, m, d)?), Grain::Day));
        }
        let (a, b) = h.month_span(hy, m)?;
        if let Some((days, _)) = s.part {
            let len = (b - a) as u32;
            let from = days.0.clamp(1, len);
            let to = if days.1 == 0 {
                len + 1
            } else {
                days.1.min(len + 1)
            };
            let x = Moment::day(a + i64::from(from) - 1);
            if to == from + 1 {
                return Some(Val::Point(x, Grain::Day));
            }
            return Some(between(x, Moment::day(a + i64::from(to) - 1), Grain::Day));
        }
        Some(between(Moment::day(a), Moment::day(b), Grain::Day))
    }

    fn holiday(&self, (cal, m, d): (HolidayCal, u32, u32), s: &Spec) -> Option<Val> {
        let h = self.hijri;
        let on = |gy: i32| -> Vec<i64> {
            match cal {
                HolidayCal::Gregorian => civil(gy, m, d).into_iter().collect(),
                HolidayCal::Easter => vec![easter(gy)],
                HolidayCal::Hijri => {
                    let Some((a, ..)) = h.from_days(civil(gy, 1, 1).unwrap_or(0)) else {
                        return Vec::new();
                    };
                    [a, a + 1]
                        .iter()
                        .filter_map(|hy| h.to_days(*hy, m, d))
                        .filter(|x| ymd(*x).0 == gy)
                        .collect()
                }
            }
        };
        let day = if let Some((Cal::Gregorian, gy)) = s.year {
            *on(gy).first()?
        } else {
            let Some(r) = self.rf else {
                return Some(Val::Null(Grain::Day));
            };
            let y = ymd(r.day()).0;
            let all: Vec<i64> = (y - 1..=y + 1).flat_map(on).collect();
            match self.bias {
                Bias::Past => *all.iter().min_by_key(|x| (*x - r.day()).abs())?,
                Bias::Future | Bias::Ahead => *all.iter().filter(|x| **x >= r.day()).min()?,
            }
        };
        Some(Val::Point(Moment::day(day), Grain::Day))
    }

    fn decade(&self, s: &Spec) -> Option<Val> {
        let century_start = match s.century {
            Some(Century::Ordinal(n)) => Some((n - 1) * 100),
            Some(Century::Rel(off)) => {
                let Some(r) = self.rf else {
                    return Some(Val::Null(Grain::Year));
                };
                let y = ymd(r.day()).0;
                Some(y - y.rem_euclid(100) + 100 * off)
            }
            None => None,
        };
        let (a, len) = match (s.decade, century_start) {
            (Some(d), Some(c)) => (c + d as i32, 10),
            (Some(d), None) => {
                let Some(r) = self.rf else {
                    return Some(Val::Null(Grain::Year));
                };
                let y = ymd(r.day()).0;
                let c = y - y.rem_euclid(100);
                let start = if c + d as i32 <= y {
                    c + d as i32
                } else {
                    c - 100 + d as i32
                };
                (start, 10)
            }
            (None, Some(c)) => (c, 100),
            (None, None) => return None,
        };
        let from = Moment::day(civil(a, 1, 1)?);
        Some(between(from, from.add(Grain::Year, len), Grain::Year))
    }

    /// The n-th weekday (or day) after an anchor: `ثالث ثلاثاء بعد كريسماس 2014`.
    pub fn after(&self, s: &Spec) -> Option<Val> {
        let anchor = self.single(s.after.as_deref()?)?.start()?;
        let (n, what) = s.nth?;
        let NthWhat::Weekday(wd) = what else {
            return None;
        };
        let first = earliest_on_or_after(anchor.day + 1, wd);
        Some(Val::Point(Moment::day(first + 7 * (n - 1)), Grain::Day))
    }
}

/// The first day of the month after the one holding `d`.
fn month_end(d: i64) -> i64 {
    Moment::day(d).floor(Grain::Month).add(Grain::Month, 1).day
}

fn latest_on_or_before(d: i64, wd: u32) -> i64 {
    d - i64::from((iso_weekday(d) + 7 - wd) % 7)
}

fn earliest_on_or_after(d: i64, wd: u32) -> i64 {
    d + i64::from((wd + 7 - iso_weekday(d)) % 7)
}

/// The n-th weekday, day or week of the month `[first, next)`; n = -1 is the last.
fn nth_in(first: i64, next: i64, n: i64, what: NthWhat) -> Option<i64> {
    let day = match (what, n) {
        (NthWhat::Weekday(wd), -1) => latest_on_or_before(next - 1, wd),
        (NthWhat::Weekday(wd), n) if n > 0 => earliest_on_or_after(first, wd) + 7 * (n - 1),
        (NthWhat::Day, -1) => next - 1,
        (NthWhat::Day, n) if n > 0 => first + n - 1,
        (NthWhat::Week, -1) => latest_on_or_before(next - 7, 1),
        (NthWhat::Week, n) if n > 0 => earliest_on_or_after(first, 1) + 7 * (n - 1),
        _ => return None,
    };
    (first..next).contains(&day).then_some(day)
}
