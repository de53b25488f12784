//! The measure stage's lexicons (`lexicons/measure/*.tsv`), loaded into one phrase
//! index: every form is folded and tokenized exactly as a body is, so a phrase matches
//! a run of tokens. What the words mean is here; how they combine is the grammar's.

use rasd_lexicon::{Issue, Source, Table};
use rasd_model::{Approx, Grain, Why};
use rasd_text::hash::FxHashMap;
use rasd_text::Normalizer;

use crate::calendar::{civil, Hijri};

/// Folder of this stage's lexicons.
pub const DIR: &str = "measure";

/// A calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cal {
    /// Gregorian.
    Gregorian,
    /// Hijri (Umm al-Qura).
    Hijri,
}

/// What a number word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumKind {
    /// 0-9.
    Unit,
    /// 11-19 in one word.
    Teen,
    /// 10, 20 … 90.
    Ten,
    /// 100 … 900.
    Hundred,
    /// Thousand, million, billion (multiplies what precedes).
    Scale,
    /// Thousands, millions (only after a number: `3 آلاف`).
    ScalePlural,
    /// Two thousand, two million … (a value of its own).
    ScaleDual,
    /// First … tenth; -1 for "last".
    Ordinal,
    /// Half, third, quarter.
    Fraction,
    /// A decade (ثمانينيات → 80).
    Decade,
    /// عشر after a unit: the teens.
    TeenSuffix,
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TUnit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl TUnit {
    /// The unit's name in output (`unit` of a duration).
    pub fn name(self) -> &'static str {
        match self {
            TUnit::Second => "second",
            TUnit::Minute => "minute",
            TUnit::Hour => "hour",
            TUnit::Day => "day",
            TUnit::Week => "week",
            TUnit::Month => "month",
            TUnit::Year => "year",
            TUnit::Decade => "decade",
            TUnit::Century => "century",
        }
    }

    /// The grain and count of one unit (a decade is ten years).
    pub fn grain(self) -> (Grain, i64) {
        match self {
            TUnit::Second => (Grain::Second, 1),
            TUnit::Minute => (Grain::Minute, 1),
            TUnit::Hour => (Grain::Hour, 1),
            TUnit::Day => (Grain::Day, 1),
            TUnit::Week => (Grain::Week, 1),
            TUnit::Month => (Grain::Month, 1),
            TUnit::Year => (Grain::Year, 1),
            TUnit::Decade => (Grain::Year, 10),
            TUnit::Century => (Grain::Year, 100),
        }
    }

    fn parse(s: &str) -> Option<TUnit> {
        Some(match s {
            "second" => TUnit::Second,
            "minute" => TUnit::Minute,
            "hour" => TUnit::Hour,
            "day" => TUnit::Day,
            "week" => TUnit::Week,
            "month" => TUnit::Month,
            "year" => TUnit::Year,
            "decade" => TUnit::Decade,
            "century" => TUnit::Century,
            _ => return None,
        })
    }
}

/// Kinds of relative words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelKind {
    /// A day offset (أمس).
    Day,
    /// This moment.
    Now,
    /// After a unit, weekday or month (الماضي).
    Shift,
    /// Before a unit (هذا).
    This,
    /// Relative to the narrative (التالي).
    Anaphoric,
    /// Tonight.
    Tonight,
}

/// Which half of the day a daypart word fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mer {
    /// Morning.
    Am,
    /// Noon.
    Noon,
    /// Afternoon and evening.
    Pm,
    /// Night.
    Night,
}

/// Where a qualifier stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// Before the number.
    Before,
    /// After it.
    After,
    /// Alone (a vague count).
    Vague,
}

/// How a holiday's date is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayCal {
    /// A Gregorian month and day.
    Gregorian,
    /// A Hijri month and day.
    Hijri,
    /// Western Easter.
    Easter,
}

/// Kinds of named-event rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedKind {
    /// A named event with its own date.
    Event,
    /// A word that makes a following year-less date a name of an event.
    Trigger,
    /// A word that makes a following date part of a name that is no event.
    Block,
    /// A name that holds a time word (an outlet: `عين اليوم`).
    Name,
}

/// Roles of function words (`markers.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// في.
    In,
    /// من between an ordinal and a month.
    Of,
    /// يوم.
    Day,
    /// شهر.
    Month,
    /// عام.
    Year,
    /// الساعة.
    Hour,
    /// القرن.
    Century,
    /// م after a year.
    EraGregorian,
    /// هـ after a year.
    EraHijri,
    /// الموافق.
    Equals,
    /// من (range start).
    From,
    /// إلى (range end).
    To,
    /// بين.
    Between,
    /// و.
    And,
    /// منذ (interval up to the publication).
    Since,
    /// قبل / منذ + a count.
    Ago,
    /// بعد.
    After,
    /// خلال.
    Within,
    /// حتى.
    Until,
    /// إلا.
    Except,
    /// فاصلة.
    Decimal,
    /// حوالي before a time.
    ApproxTime,
    /// A future cue.
    Future,
    /// لمدة.
    DurationCue,
    /// رقم.
    Id,
    /// من between a number and its noun.
    OfSkip,
    /// Not a counted noun.
    NotNoun,
    /// After اليوم: it is not "today" (اليوم العالمي).
    NotToday,
    /// Before هذا اليوم: a day of another year (في مثل هذا اليوم).
    Anniversary,
    /// After قبل/بعد + a count: counted from another event (قبل يومين من مصرعه).
    Anchored,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "in" => Role::In,
            "of" => Role::Of,
            "day" => Role::Day,
            "month" => Role::Month,
            "year" => Role::Year,
            "hour" => Role::Hour,
            "century" => Role::Century,
            "era_gregorian" => Role::EraGregorian,
            "era_hijri" => Role::EraHijri,
            "equals" => Role::Equals,
            "from" => Role::From,
            "to" => Role::To,
            "between" => Role::Between,
            "and" => Role::And,
            "since" => Role::Since,
            "ago" => Role::Ago,
            "after" => Role::After,
            "within" => Role::Within,
            "until" => Role::Until,
            "except" => Role::Except,
            "decimal" => Role::Decimal,
            "approx_time" => Role::ApproxTime,
            "future" => Role::Future,
            "duration_cue" => Role::DurationCue,
            "id" => Role::Id,
            "of_skip" => Role::OfSkip,
            "not_noun" => Role::NotNoun,
            "not_today" => Role::NotToday,
            "anniversary" => Role::Anniversary,
            "anchored" => Role::Anchored,
            _ => return None,
        })
    }
}

/// What a lexicon phrase means.
#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A month name.
    Month {
        /// Calendar.
        cal: Cal,
        /// 1-12.
        month: u32,
        /// Whether the bare word is a month.
        standalone: bool,
    },
    /// A weekday name, 1 = Monday.
    Weekday {
        /// 1-7.
        wd: u32,
        /// A form without the article (needs a context).
        bare: bool,
    },
    /// A number word.
    Num {
        /// Its value.
        value: f64,
        /// What it is.
        kind: NumKind,
        /// Whether it counts alone.
        standalone: bool,
    },
    /// A unit of time.
    Unit {
        /// Which.
        unit: TUnit,
        /// 1, 2 (dual) or 0 (plural).
        count: u8,
    },
    /// A relative word.
    Rel {
        /// Kind.
        kind: RelKind,
        /// Offset.
        offset: i32,
    },
    /// Part of a period.
    Part {
        /// Days of a month, `[from, to)`, to 0 = end.
        days: (u32, u32),
        /// Months of a year, `[from, to)`.
        months: (u32, u32),
    },
    /// Part of the day.
    Daypart(Mer),
    /// A quantity qualifier.
    Qual {
        /// Qualifier.
        approx: Approx,
        /// Where it stands.
        pos: Pos,
    },
    /// A holiday.
    Holiday {
        /// Calendar.
        cal: HolidayCal,
        /// Month.
        month: u32,
        /// Day.
        day: u32,
    },
    /// A named event, trigger or block.
    Named {
        /// Kind.
        kind: NamedKind,
        /// Value and grain of an event row.
        value: Option<(String, Grain)>,
    },
    /// A time zone, minutes east of UTC.
    Tz(i32),
    /// The dual of a counted noun (`شخصين`, `قتيلان`): two of it.
    Dual,
    /// A function word.
    Role(Role),
}

/// One phrase of a lexicon.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Folded tokens after the first.
    pub rest: Box<[Box<str>]>,
    /// Meaning.
    pub sem: Sem,
    /// The row it came from.
    pub why: Why,
}

/// Every phrase of the measure lexicons, indexed by its first token.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Entries.
    pub entries: Vec<Entry>,
    /// First folded token → entry ids, longest phrase first.
    pub index: FxHashMap<Box<str>, Vec<u32>>,
    /// The Umm al-Qura calendar.
    pub hijri: Hijri,
}

/// Split a lexicon form into folded tokens, as the text layer would.
fn tokens(norm: &Normalizer, form: &str) -> Vec<Box<str>> {
    let n = norm.normalize(form);
    let mut toks = Vec::new();
    rasd_text::tokenize(&n, &mut toks);
    toks.iter().map(|t| n.slice(t.form).into()).collect()
}

impl Lexicon {
    fn add(&mut self, norm: &Normalizer, form: &str, sem: Sem, why: Why) {
        let toks = tokens(norm, form);
        let Some((first, rest)) = toks.split_first() else {
            return;
        };
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            rest: rest.into(),
            sem,
            why,
        });
        self.index.entry(first.clone()).or_default().push(id);
    }

    fn add_forms(
        &mut self,
        norm: &Normalizer,
        t: &Table,
        row: &rasd_lexicon::Row,
        col: &str,
        sem: Sem,
    ) {
        for f in t.list(row, col) {
            self.add(norm, f, sem.clone(), row.why(t));
        }
    }

    /// Load every table; bad rows are skipped and reported.
    pub fn load(src: &Source) -> (Lexicon, Vec<Issue>) {
        let norm = Normalizer::matching();
        let mut lx = Lexicon::default();
        let mut issues = Vec::new();
        let open = |name: &str, cols: &[&str], issues: &mut Vec<Issue>| -> Option<Table> {
            let file = format!("{DIR}/{name}");
            match src.table(&file) {
                Ok(mut t) => {
                    t.require(cols);
                    Some(t)
                }
                Err(e) => {
                    issues.push(Issue::new(file, 0, e.to_string()));
                    None
                }
            }
        };
        let yes = |s: Option<&str>| !matches!(s, Some("no"));

        if let Some(mut t) = open("months.tsv", &["calendar", "month", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let cal = match t.get(&r, "calendar") {
                    Some("gregorian") => Cal::Gregorian,
                    Some("hijri") => Cal::Hijri,
                    other => {
                        t.issue(r.line, format!("unknown calendar {other:?}"));
                        continue;
                    }
                };
                let Some(month) = t
                    .get(&r, "month")
                    .and_then(|m| m.parse().ok())
                    .filter(|m| (1..=12).contains(m))
                else {
                    t.issue(r.line, "month must be 1-12");
                    continue;
                };
                let standalone = yes(t.get(&r, "standalone"));
                lx.add_forms(
                    &norm,
                    &t,
                    &r,
                    "forms",
                    Sem::Month {
                        cal,
                        month,
                        standalone,
                    },
                );
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("weekdays.tsv", &["weekday", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let Some(wd) = t
                    .get(&r, "weekday")
                    .and_then(|m| m.parse().ok())
                    .filter(|m| (1..=7).contains(m))
                else {
                    t.issue(r.line, "weekday must be 1-7");
                    continue;
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Weekday { wd, bare: false });
                lx.add_forms(&norm, &t, &r, "bare", Sem::Weekday { wd, bare: true });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("numbers.tsv", &["value", "kind", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let kind = match t.get(&r, "kind") {
                    Some("unit") => NumKind::Unit,
                    Some("teen") => NumKind::Teen,
                    Some("ten") => NumKind::Ten,
                    Some("hundred") => NumKind::Hundred,
                    Some("scale") => NumKind::Scale,
                    Some("scale_dual") => NumKind::ScaleDual,
                    Some("scale_plural") => NumKind::ScalePlural,
                    Some("ordinal") => NumKind::Ordinal,
                    Some("fraction") => NumKind::Fraction,
                    Some("decade") => NumKind::Decade,
                    Some("teen_suffix") => NumKind::TeenSuffix,
                    other => {
                        t.issue(r.line, format!("unknown kind {other:?}"));
                        continue;
                    }
                };
                let Some(value) = t.get(&r, "value").and_then(|v| v.parse::<f64>().ok()) else {
                    t.issue(r.line, "value must be a number");
                    continue;
                };
                let standalone = yes(t.get(&r, "standalone"));
                lx.add_forms(
                    &norm,
                    &t,
                    &r,
                    "forms",
                    Sem::Num {
                        value,
                        kind,
                        standalone,
                    },
                );
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("units.tsv", &["unit", "count", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let Some(unit) = t.get(&r, "unit").and_then(TUnit::parse) else {
                    t.issue(r.line, "unknown unit");
                    continue;
                };
                let Some(count) = t
                    .get(&r, "count")
                    .and_then(|v| v.parse::<u8>().ok())
                    .filter(|c| *c <= 2)
                else {
                    t.issue(r.line, "count must be 0, 1 or 2");
                    continue;
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Unit { unit, count });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("relative.tsv", &["kind", "offset", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let kind = match t.get(&r, "kind") {
                    Some("day") => RelKind::Day,
                    Some("now") => RelKind::Now,
                    Some("shift") => RelKind::Shift,
                    Some("this") => RelKind::This,
                    Some("anaphoric") => RelKind::Anaphoric,
                    Some("tonight") => RelKind::Tonight,
                    other => {
                        t.issue(r.line, format!("unknown kind {other:?}"));
                        continue;
                    }
                };
                let Some(offset) = t.get(&r, "offset").and_then(|v| v.parse::<i32>().ok()) else {
                    t.issue(r.line, "offset must be an integer");
                    continue;
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Rel { kind, offset });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open(
            "parts.tsv",
            &["forms", "month_from", "month_to", "year_from", "year_to"],
            &mut issues,
        ) {
            for r in t.rows.clone() {
                let n = |c: &str| t.get(&r, c).and_then(|v| v.parse::<u32>().ok());
                let (Some(a), Some(b), Some(c), Some(d)) =
                    (n("month_from"), n("month_to"), n("year_from"), n("year_to"))
                else {
                    t.issue(r.line, "day and month bounds must be numbers");
                    continue;
                };
                lx.add_forms(
                    &norm,
                    &t,
                    &r,
                    "forms",
                    Sem::Part {
                        days: (a, b),
                        months: (c, d),
                    },
                );
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("dayparts.tsv", &["meridiem", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let mer = match t.get(&r, "meridiem") {
                    Some("am") => Mer::Am,
                    Some("noon") => Mer::Noon,
                    Some("pm") => Mer::Pm,
                    Some("night") => Mer::Night,
                    other => {
                        t.issue(r.line, format!("unknown meridiem {other:?}"));
                        continue;
                    }
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Daypart(mer));
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open(
            "qualifiers.tsv",
            &["approx", "position", "forms"],
            &mut issues,
        ) {
            for r in t.rows.clone() {
                let approx = match t.get(&r, "approx") {
                    Some("more_than") => Approx::MoreThan,
                    Some("less_than") => Approx::LessThan,
                    Some("about") => Approx::About,
                    Some("at_least") => Approx::AtLeast,
                    Some("dozens") => Approx::Dozens,
                    Some("hundreds") => Approx::Hundreds,
                    Some("thousands") => Approx::Thousands,
                    other => {
                        t.issue(r.line, format!("unknown approx {other:?}"));
                        continue;
                    }
                };
                let pos = match t.get(&r, "position") {
                    Some("before") => Pos::Before,
                    Some("after") => Pos::After,
                    Some("vague") => Pos::Vague,
                    other => {
                        t.issue(r.line, format!("unknown position {other:?}"));
                        continue;
                    }
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Qual { approx, pos });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("duals.tsv", &["noun", "forms"], &mut issues) {
            for r in t.rows.clone() {
                lx.add_forms(&norm, &t, &r, "forms", Sem::Dual);
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open(
            "holidays.tsv",
            &["calendar", "month", "day", "forms"],
            &mut issues,
        ) {
            for r in t.rows.clone() {
                let cal = match t.get(&r, "calendar") {
                    Some("gregorian") => HolidayCal::Gregorian,
                    Some("hijri") => HolidayCal::Hijri,
                    Some("easter") => HolidayCal::Easter,
                    other => {
                        t.issue(r.line, format!("unknown calendar {other:?}"));
                        continue;
                    }
                };
                let n = |c: &str| t.get(&r, c).and_then(|v| v.parse::<u32>().ok());
                let (Some(month), Some(day)) = (n("month"), n("day")) else {
                    t.issue(r.line, "month and day must be numbers");
                    continue;
                };
                if cal != HolidayCal::Easter
                    && (!(1..=12).contains(&month) || !(1..=30).contains(&day))
                {
                    t.issue(r.line, "month or day out of range");
                    continue;
                }
                lx.add_forms(&norm, &t, &r, "forms", Sem::Holiday { cal, month, day });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("named_events.tsv", &["kind", "value", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let kind = match t.get(&r, "kind") {
                    Some("event") => NamedKind::Event,
                    Some("trigger") => NamedKind::Trigger,
                    Some("block") => NamedKind::Block,
                    Some("name") => NamedKind::Name,
                    other => {
                        t.issue(r.line, format!("unknown kind {other:?}"));
                        continue;
                    }
                };
                let value = match t.get(&r, "value") {
                    None => None,
                    Some(v) => match iso_grain(v) {
                        Some(g) => Some((v.to_string(), g)),
                        None => {
                            t.issue(
                                r.line,
                                format!("value `{v}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                            );
                            continue;
                        }
                    },
                };
                if kind == NamedKind::Event && value.is_none() {
                    t.issue(r.line, "an event row needs a value");
                    continue;
                }
                lx.add_forms(&norm, &t, &r, "forms", Sem::Named { kind, value });
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("markers.tsv", &["role", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let Some(role) = t.get(&r, "role").and_then(Role::parse) else {
                    t.issue(r.line, "unknown role");
                    continue;
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Role(role));
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open("timezones.tsv", &["offset", "forms"], &mut issues) {
            for r in t.rows.clone() {
                let Some(off) = t
                    .get(&r, "offset")
                    .and_then(|v| v.parse::<i32>().ok())
                    .filter(|o| o.abs() <= 14 * 60)
                else {
                    t.issue(r.line, "offset must be minutes within ±840");
                    continue;
                };
                lx.add_forms(&norm, &t, &r, "forms", Sem::Tz(off));
            }
            issues.append(&mut t.issues);
        }
        if let Some(mut t) = open(
            "hijri_umm_al_qura.tsv",
            &["year", "start", "lengths"],
            &mut issues,
        ) {
            let mut rows = Vec::new();
            for r in t.rows.clone() {
                let year = t.get(&r, "year").and_then(|v| v.parse::<i32>().ok());
                let start = t.get(&r, "start").and_then(parse_date);
                let lengths: Vec<u8> = t
                    .list(&r, "lengths")
                    .iter()
                    .filter_map(|l| l.parse().ok())
                    .collect();
                match (year, start, <[u8; 12]>::try_from(lengths)) {
                    (Some(y), Some(s), Ok(l)) if l.iter().all(|x| (28..=31).contains(x))
                        && rows.last().is_none_or(|p: &(i32, i64, [u8; 12])| p.0 + 1 == y) =>
                    {
                        rows.push((y, s, l))
                    }
                    _ => t.issue(r.line, "bad row: year, start date and twelve month lengths (28-31 days), years in order"),
                }
            }
            lx.hijri = Hijri::new(rows);
            issues.append(&mut t.issues);
        }
        for ids in lx.index.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(lx.entries[i as usize].rest.len()));
        }
        (lx, issues)
    }
}

/// The grain of an ISO value `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn iso_grain(v: &str) -> Option<Grain> {
    let parts: Vec<&str> = v.split('-').collect();
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match n.as_slice() {
        [y] if parts[0].len() == 4 && *y > 0 => Some(Grain::Year),
        [_, m] if (1..=12).contains(m) => Some(Grain::Month),
        [y, m, d] => civil(*y as i32, *m, *d).map(|_| Grain::Day),
        _ => None,
    }
}

fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    civil(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load_cleanly() {
        let (lx, issues) = Lexicon::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:#?}");
        assert!(lx.entries.len() > 500);
        assert_eq!(lx.hijri.years(), 1343..=1500);
        // كانون الثاني is one phrase of two tokens, found under its first.
        let ids = &lx.index["كانون"];
        assert!(ids.iter().any(|&i| lx.entries[i as usize].sem
            == Sem::Month {
                cal: Cal::Gregorian,
                month: 1,
                standalone: true
            }));
    }

    #[test]
    fn bad_rows_are_reported_not_fatal() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("measure")).unwrap();
        std::fs::write(
            d.path().join("measure/months.tsv"),
            "calendar\tmonth\tforms\ngregorian\t13\tفوو\ngregorian\t1\tيناير\n",
        )
        .unwrap();
        let (lx, issues) = Lexicon::load(&Source::with_dir(d.path()));
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].line, 2);
        assert!(lx.index.contains_key("يناير"));
    }
}
