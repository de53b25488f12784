//! Calendar arithmetic: civil dates as day counts, moments with a time of day, the
//! Umm al-Qura Hijri calendar (from a table, `lexicons/measure/hijri_umm_al_qura.tsv`),
//! Western Easter, and the contract's ISO forms cut to a grain.
//!
//! Days are counted from 1970-01-01 (`rasd_model::days_from_civil`); a [`Moment`] is a
//! day plus seconds since midnight in the publication's local wall-clock time. No time
//! zone is ever applied implicitly.

use rasd_model::{civil_from_days, days_from_civil, days_in_month, weekday, Grain};

/// A local wall-clock instant: a day and the seconds since its midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    /// Days since 1970-01-01.
    pub day: i64,
    /// Seconds since midnight.
    pub sec: u32,
}

impl Moment {
    /// Midnight of a day.
    pub fn day(day: i64) -> Moment {
        Moment { day, sec: 0 }
    }

    /// A day and a clock time.
    pub fn at(day: i64, h: u32, m: u32, s: u32) -> Moment {
        Moment::day(day).plus_secs(i64::from(h * 3600 + m * 60 + s))
    }

    /// This moment moved by a number of seconds (may cross days).
    pub fn plus_secs(self, secs: i64) -> Moment {
        let total = self.day * 86_400 + i64::from(self.sec) + secs;
        Moment {
            day: total.div_euclid(86_400),
            sec: total.rem_euclid(86_400) as u32,
        }
    }

    /// The start of the period of `grain` that holds this moment.
    pub fn floor(self, grain: Grain) -> Moment {
        let (y, m, _) = civil_from_days(self.day);
        match grain {
            Grain::Second => self,
            Grain::Minute => Moment {
                day: self.day,
                sec: self.sec - self.sec % 60,
            },
            Grain::Hour => Moment {
                day: self.day,
                sec: self.sec - self.sec % 3600,
            },
            Grain::Day => Moment::day(self.day),
            Grain::Week => Moment::day(self.day - i64::from(weekday(self.day))),
            Grain::Month => Moment::day(days_from_civil(y, m, 1)),
            Grain::Quarter => Moment::day(days_from_civil(y, (m - 1) / 3 * 3 + 1, 1)),
            Grain::Year => Moment::day(days_from_civil(y, 1, 1)),
        }
    }

    /// This moment moved by `n` periods of `grain` (months and years keep the day of
    /// month where it exists, else the month's last day).
    pub fn add(self, grain: Grain, n: i64) -> Moment {
        match grain {
            Grain::Second => self.plus_secs(n),
            Grain::Minute => self.plus_secs(n * 60),
            Grain::Hour => self.plus_secs(n * 3600),
            Grain::Day => Moment {
                day: self.day + n,
                sec: self.sec,
            },
            Grain::Week => Moment {
                day: self.day + 7 * n,
                sec: self.sec,
            },
            Grain::Month | Grain::Quarter | Grain::Year => {
                let months = match grain {
                    Grain::Month => n,
                    Grain::Quarter => 3 * n,
                    _ => 12 * n,
                };
                let (y, m, d) = civil_from_days(self.day);
                let idx = i64::from(y) * 12 + i64::from(m) - 1 + months;
                let (ny, nm) = (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u8);
                let nd = d.min(days_in_month(ny, nm));
                Moment {
                    day: days_from_civil(ny, nm, nd),
                    sec: self.sec,
                }
            }
        }
    }

    /// The ISO 8601 form of the contract, cut to `grain`.
    pub fn format(self, grain: Grain) -> String {
        let (y, m, d) = civil_from_days(self.day);
        let (h, mi, s) = (self.sec / 3600, self.sec / 60 % 60, self.sec % 60);
        match grain {
            Grain::Year => format!("{y:04}"),
            Grain::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            Grain::Month => format!("{y:04}-{m:02}"),
            Grain::Week => {
                let (y, m, d) = civil_from_days(self.floor(Grain::Week).day);
                format!("{y:04}-{m:02}-{d:02}")
            }
            Grain::Day => format!("{y:04}-{m:02}-{d:02}"),
            Grain::Hour => format!("{y:04}-{m:02}-{d:02}T{h:02}"),
            Grain::Minute => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"),
            Grain::Second => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}"),
        }
    }
}

/// A day count from a civil date, `None` when the date does not exist.
pub fn civil(y: i32, m: u32, d: u32) -> Option<i64> {
    if !(1..=12).contains(&m) || d == 0 || d > u32::from(days_in_month(y, m as u8)) {
        return None;
    }
    Some(days_from_civil(y, m as u8, d as u8))
}

/// Year, month and day of a day count.
pub fn ymd(day: i64) -> (i32, u32, u32) {
    let (y, m, d) = civil_from_days(day);
    (y, u32::from(m), u32::from(d))
}

/// Weekday of a day count, 1 = Monday … 7 = Sunday.
pub fn iso_weekday(day: i64) -> u32 {
    u32::from(weekday(day)) + 1
}

/// Western (Gregorian) Easter Sunday of a year (the anonymous Gregorian algorithm).
pub fn easter(y: i32) -> i64 {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days_from_civil(y, month as u8, day as u8)
}

/// The Umm al-Qura calendar, one entry per Hijri year: 1 Muharram as a day count and
/// the twelve month lengths.
#[derive(Clone, Debug, Default)]
pub struct Hijri {
    first_year: i32,
    years: Vec<(i64, [u8; 12])>,
}

impl Hijri {
    /// A calendar from rows `(year, start day, lengths)`; rows must be consecutive years.
    pub fn new(rows: Vec<(i32, i64, [u8; 12])>) -> Hijri {
        let first_year = rows.first().map_or(0, |r| r.0);
        Hijri {
            first_year,
            years: rows.into_iter().map(|(_, s, l)| (s, l)).collect(),
        }
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }

    /// The range of Hijri years covered.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.first_year + self.years.len() as i32 - 1
    }

    /// Day count of Hijri `y-m-d`; `None` outside the table or for a day past the month.
    ///
    /// The 30th of a month the table gives 29 days is the day after its 29th: a month's
    /// length follows the sighting of the moon, and a local calendar may have had a 30th
    /// day where Umm al-Qura had not (dateparser reads `30-02-1433` so too).
    pub fn to_days(&self, y: i32, m: u32, d: u32) -> Option<i64> {
        let (start, lengths) = self.years.get(usize::try_from(y - self.first_year).ok()?)?;
        if !(1..=12).contains(&m) || d == 0 || d > 30 || d > u32::from(lengths[m as usize - 1]) + 1
        {
            return None;
        }
        let before: i64 = lengths[..m as usize - 1]
            .iter()
            .map(|&l| i64::from(l))
            .sum();
        Some(start + before + i64::from(d) - 1)
    }

    /// The first day of Hijri month `m` of year `y` and the first day of the next month.
    pub fn month_span(&self, y: i32, m: u32) -> Option<(i64, i64)> {
        let a = self.to_days(y, m, 1)?;
        let (_, lengths) = self.years.get(usize::try_from(y - self.first_year).ok()?)?;
        Some((a, a + i64::from(lengths[m as usize - 1])))
    }

    /// The first day of Hijri year `y` and the first day of the next year.
    pub fn year_span(&self, y: i32) -> Option<(i64, i64)> {
        let (start, lengths) = self.years.get(usize::try_from(y - self.first_year).ok()?)?;
        Some((
            *start,
            start + lengths.iter().map(|&l| i64::from(l)).sum::<i64>(),
        ))
    }

    /// The Hijri year and month holding a day.
    pub fn from_days(&self, day: i64) -> Option<(i32, u32, u32)> {
        let i = self
            .years
            .partition_point(|(s, _)| *s <= day)
            .checked_sub(1)?;
        let (start, lengths) = &self.years[i];
        let mut off = day - start;
        for (mi, &l) in lengths.iter().enumerate() {
            if off < i64::from(l) {
                return Some((self.first_year + i as i32, mi as u32 + 1, off as u32 + 1));
            }
            off -= i64::from(l);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_and_formats() {
        let d = days_from_civil(2019, 5, 11); // a Saturday
        let m = Moment::at(d, 15, 30, 12);
        assert_eq!(m.format(Grain::Second), "2019-05-11T15:30:12");
        assert_eq!(m.format(Grain::Hour), "2019-05-11T15");
        assert_eq!(m.floor(Grain::Week).format(Grain::Day), "2019-05-06");
        assert_eq!(m.format(Grain::Week), "2019-05-06");
        assert_eq!(m.format(Grain::Quarter), "2019-Q2");
        assert_eq!(
            Moment::day(days_from_civil(2020, 1, 31))
                .add(Grain::Month, 1)
                .format(Grain::Day),
            "2020-02-29"
        );
        assert_eq!(
            Moment::day(d).add(Grain::Year, -1).format(Grain::Day),
            "2018-05-11"
        );
        assert_eq!(m.plus_secs(-16 * 3600).format(Grain::Hour), "2019-05-10T23");
    }

    #[test]
    fn easter_dates() {
        assert_eq!(Moment::day(easter(2013)).format(Grain::Day), "2013-03-31");
        assert_eq!(Moment::day(easter(2019)).format(Grain::Day), "2019-04-21");
    }

    #[test]
    fn hijri_round_trip() {
        // 1440: starts 2018-09-11; months of 30/29 days, approximately.
        let h = Hijri::new(vec![(
            1440,
            days_from_civil(2018, 9, 11),
            [29, 30, 29, 30, 29, 30, 29, 30, 30, 29, 30, 29],
        )]);
        assert_eq!(h.to_days(1440, 1, 1), Some(days_from_civil(2018, 9, 11)));
        assert_eq!(h.to_days(1440, 2, 1), Some(days_from_civil(2018, 10, 10)));
        assert_eq!(
            h.from_days(days_from_civil(2018, 10, 10)),
            Some((1440, 2, 1))
        );
        assert_eq!(h.to_days(1440, 1, 30), Some(days_from_civil(2018, 10, 10)));
        assert_eq!(h.to_days(1440, 1, 31), None);
        assert_eq!(h.to_days(1441, 1, 1), None);
    }
}
