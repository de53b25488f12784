//! What a time expression says, before it is placed on the calendar: a [`Spec`] is
//! filled piece by piece by the grammar (`grammar.rs`) and placed by the resolver
//! (`resolve.rs`) against the publication date.

use rasd_model::{Grain, Why};

use crate::lexicon::{Cal, HolidayCal, Mer, TUnit};

/// A clock time as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// Hour as written (0-24).
    pub h: u32,
    /// Minute.
    pub m: u32,
    /// Second.
    pub s: u32,
    /// Hour, minute or second.
    pub grain: Grain,
    /// Half of the day, when a daypart word says it.
    pub mer: Option<Mer>,
    /// Time zone named after it, minutes east of UTC.
    pub tz: Option<i32>,
}

/// What an ordinal counts inside a month (`ثالث ثلاثاء`, `اليوم الأخير`, `الأسبوع الأول`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NthWhat {
    /// A weekday, 1 = Monday.
    Weekday(u32),
    /// A day.
    Day,
    /// A week (Monday to Sunday, inside the month).
    Week,
}

/// A century, by ordinal (`القرن العشرين` = 20) or relative to the publication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Century {
    /// The n-th century (20 = 1900-1999, as news uses it).
    Ordinal(i32),
    /// The publication's century plus an offset (`القرن الماضي` = -1).
    Rel(i32),
}

/// Everything one time expression says.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Weekday, 1 = Monday.
    pub weekday: Option<u32>,
    /// `الماضي` / `المقبل` after the weekday.
    pub wd_shift: Option<i32>,
    /// Week of the weekday relative to the publication's (`الأحد من الأسبوع الماضي`).
    pub wd_week: Option<i32>,
    /// Day of the month.
    pub day: Option<u32>,
    /// Month and its calendar.
    pub month: Option<(Cal, u32)>,
    /// `أبريل الماضي`: the month before (-1) or after (+1) the publication.
    pub month_shift: Option<i32>,
    /// `من هذا الشهر`, `الشهر القادم`: a month relative to the publication's.
    pub month_rel: Option<i32>,
    /// Year and its calendar.
    pub year: Option<(Cal, i32)>,
    /// `من العام الماضي`: a year relative to the publication's.
    pub year_rel: Option<i32>,
    /// `أمس`: a day relative to the publication.
    pub rel_day: Option<i32>,
    /// `الأسبوع الماضي`: a unit relative to the publication's.
    pub unit_rel: Option<(TUnit, i32)>,
    /// `الأيام الثلاثة الماضية`: n units before (-1) or after (+1) the current one.
    pub unit_range: Option<(TUnit, i64, i32)>,
    /// A time that cannot be placed (anaphoric or vague), with its grain.
    pub null: Option<Grain>,
    /// Part of the period: days of a month, months of a year.
    pub part: Option<((u32, u32), (u32, u32))>,
    /// Clock time.
    pub clock: Option<Clock>,
    /// A daypart before or after a day (`ليل أمس`), kept in the span only.
    pub daypart: Option<Mer>,
    /// An ordinal inside the month.
    pub nth: Option<(i64, NthWhat)>,
    /// `الثلاثاء الثالث من أيلول`: the ordinal is the day if that day is the weekday,
    /// else the n-th weekday.
    pub nth_or_day: bool,
    /// Decade (80 for ثمانينيات).
    pub decade: Option<u32>,
    /// Century.
    pub century: Option<Century>,
    /// A holiday.
    pub holiday: Option<(HolidayCal, u32, u32)>,
    /// `بعد`: the n-th weekday after this anchor (`ثالث ثلاثاء بعد كريسماس 2014`).
    pub after: Option<Box<Spec>>,
    /// Tonight.
    pub tonight: bool,
    /// Now.
    pub now: bool,
    /// A bare month word that alone may be something else (`مارس`): kept only with support.
    pub weak: bool,
    /// Lexicon rows and rules used.
    pub why: Vec<Why>,
}

impl Spec {
    /// Whether anything at or above the day was said.
    pub fn has_date(&self) -> bool {
        self.day.is_some()
            || self.month.is_some()
            || self.year.is_some()
            || self.rel_day.is_some()
            || self.weekday.is_some()
            || self.unit_rel.is_some()
            || self.unit_range.is_some()
            || self.nth.is_some()
            || self.decade.is_some()
            || self.century.is_some()
            || self.holiday.is_some()
            || self.null.is_some()
            || self.tonight
            || self.now
            || self.month_rel.is_some()
    }

    /// Whether it says anything that can be output.
    pub fn is_time(&self) -> bool {
        self.has_date() || self.clock.is_some()
    }

    /// The finest grain it speaks of (the grain of a null value).
    pub fn grain(&self) -> Grain {
        if let Some(c) = self.clock {
            return c.grain;
        }
        if let Some(g) = self.null {
            return g;
        }
        if self.day.is_some()
            || self.weekday.is_some()
            || self.rel_day.is_some()
            || self.nth.is_some()
            || self.holiday.is_some()
        {
            return Grain::Day;
        }
        if let Some((u, _)) = self.unit_rel.or(self.unit_range.map(|(u, _, d)| (u, d))) {
            return match u.grain().0 {
                Grain::Week if self.unit_range.is_some() => Grain::Week,
                g => g,
            };
        }
        if self.month.is_some() || self.month_rel.is_some() {
            return if self.part.is_some() {
                Grain::Day
            } else {
                Grain::Month
            };
        }
        Grain::Year
    }
}
