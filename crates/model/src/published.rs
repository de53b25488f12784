//! Publication dates: a date, or a datetime with an optional UTC offset.

use std::fmt;

/// A parsed publication date. Times are the local wall-clock time of the outlet;
/// the offset, when given, is kept but never applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Published {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, minute and second, when the input had a time.
    pub time: Option<(u8, u8, u8)>,
    /// UTC offset in minutes, when given.
    pub offset_minutes: Option<i16>,
}

impl Published {
    /// Parse `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]` (a space may
    /// replace the `T`). `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Published> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s.get(0..4)?.parse().ok()?;
        let month: u8 = s.get(5..7)?.parse().ok()?;
        let day: u8 = s.get(8..10)?.parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut p = Published {
            year,
            month,
            day,
            time: None,
            offset_minutes: None,
        };
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(p);
        }
        let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let clock = clock.split('.').next()?;
        let mut parts = clock.split(':');
        let h: u8 = parts.next()?.parse().ok()?;
        let m: u8 = parts.next()?.parse().ok()?;
        let sec: u8 = match parts.next() {
            Some(x) => x.parse().ok()?,
            None => 0,
        };
        if h > 23 || m > 59 || sec > 60 || parts.next().is_some() {
            return None;
        }
        p.time = Some((h, m, sec.min(59)));
        if !zone.is_empty() {
            p.offset_minutes = Some(parse_offset(zone)?);
        }
        Some(p)
    }

    /// Days since 1970-01-01 of the date (proleptic Gregorian).
    pub fn days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// `YYYY-MM-DD`.
    pub fn date_string(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m, s)) = self.time {
            write!(f, "T{h:02}:{m:02}:{s:02}")?;
            if let Some(o) = self.offset_minutes {
                let sign = if o < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)?;
            }
        }
        Ok(())
    }
}

fn parse_offset(z: &str) -> Option<i16> {
    if z.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign: i16 = if z.starts_with('-') { -1 } else { 1 };
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 && digits.len() != 2 {
        return None;
    }
    let h: i16 = digits.get(0..2)?.parse().ok()?;
    let m: i16 = if digits.len() == 4 {
        digits.get(2..4)?.parse().ok()?
    } else {
        0
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Whether `y` is a Gregorian leap year.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// Day of week of a day count: 0 = Monday … 6 = Sunday.
pub fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        let p = Published::parse("2020-01-28").unwrap();
        assert_eq!((p.year, p.month, p.day, p.time), (2020, 1, 28, None));
        let p = Published::parse("2013-12-29T05:05:46+04:00").unwrap();
        assert_eq!(p.time, Some((5, 5, 46)));
        assert_eq!(p.offset_minutes, Some(240));
        assert_eq!(p.to_string(), "2013-12-29T05:05:46+04:00");
        let p = Published::parse("2013-02-12T04:30:00.000-02:00").unwrap();
        assert_eq!(p.offset_minutes, Some(-120));
        assert!(Published::parse("2019-02-30").is_none());
        assert!(Published::parse("yesterday").is_none());
        assert!(Published::parse("2019-13-01").is_none());
    }

    #[test]
    fn civil_round_trip() {
        for d in [-800_000i64, -1, 0, 1, 18_000, 20_000, 2_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        // 2020-01-28 was a Tuesday.
        assert_eq!(weekday(days_from_civil(2020, 1, 28)), 1);
    }
}
