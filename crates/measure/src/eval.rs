//! Evaluation harnesses over third-party test vectors, shared by `rasd eval duckling`
//! and this crate's tests.
//!
//! **Duckling** (`{text, dim, expected, reference_time}` JSON Lines): each text is a
//! document published at `reference_time`, read with the assistant profile (Duckling's
//! convention: bare weekdays are the next ones). A `time` case passes when the longest
//! time expression has the expected value, `to` (exclusive) and grain, each cut to its
//! grain as rasd writes it; `expected: null` passes when no time is found. `numeral`,
//! `ordinal` and `duration` compare the longest number, ordinal or duration. Other
//! dimensions (money, temperature, …) are not measured by rasd and are skipped.
//!
//! **dateparser** (`{text, test, expected, …}`): each kind of case is read as what it
//! means for a tagger; see [`dateparser_case`].

use std::path::Path;

use rasd_model::{Doc, Grain, TimeExpr};
use rasd_text::Analyzer;
use serde_json::Value;

use crate::calendar::{civil, Moment};
use crate::{Measurer, Options, Profile};

/// The result of one case.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Dimension or test kind.
    pub dim: String,
    /// Input text.
    pub text: String,
    /// Whether it passed; `None` when the case is not measured.
    pub pass: Option<bool>,
    /// What was expected, as rasd would write it.
    pub want: String,
    /// What rasd gave.
    pub got: String,
    /// Where the case comes from.
    pub source: String,
}

/// Parse an ISO datetime as Duckling and dateparser write it (`2013-02-12T04:30:00.000-02:00`).
pub fn parse_iso(s: &str) -> Option<Moment> {
    let y: i32 = s.get(0..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    let day = civil(y, m, d)?;
    let (h, mi, se) = if s.len() >= 19 {
        (
            s.get(11..13)?.parse().ok()?,
            s.get(14..16)?.parse().ok()?,
            s.get(17..19)?.parse().ok()?,
        )
    } else {
        (0, 0, 0)
    };
    Some(Moment::at(day, h, mi, se))
}

fn grain_of(s: &str) -> Option<Grain> {
    Some(match s {
        "second" => Grain::Second,
        "minute" => Grain::Minute,
        "hour" => Grain::Hour,
        "day" => Grain::Day,
        "week" => Grain::Week,
        "month" => Grain::Month,
        "quarter" => Grain::Quarter,
        "year" => Grain::Year,
        _ => return None,
    })
}

fn grain_name(g: Grain) -> &'static str {
    match g {
        Grain::Second => "second",
        Grain::Minute => "minute",
        Grain::Hour => "hour",
        Grain::Day => "day",
        Grain::Week => "week",
        Grain::Month => "month",
        Grain::Quarter => "quarter",
        Grain::Year => "year",
    }
}

fn show_time(t: Option<&TimeExpr>) -> String {
    match t {
        None => "no time".into(),
        Some(t) => format!(
            "{} {}{} [{}]",
            t.value.as_deref().unwrap_or("null"),
            grain_name(t.grain),
            t.to.as_ref()
                .map(|x| format!(" to {x}"))
                .unwrap_or_default(),
            t.text
        ),
    }
}

fn longest<T>(items: &[T], len: impl Fn(&T) -> u32) -> Option<&T> {
    items.iter().fold(None, |best: Option<&T>, x| match best {
        Some(b) if len(b) >= len(x) => Some(b),
        _ => Some(x),
    })
}

/// Read `text` published at `reference` with a measurer.
pub fn read(m: &Measurer, an: &Analyzer, text: &str, reference: Option<&str>) -> Doc {
    let mut doc = an.analyze_text(text);
    doc.set_published(reference.map(str::to_string));
    let _ = m.run(&mut doc);
    doc
}

/// One Duckling case.
pub fn duckling_case(m: &Measurer, an: &Analyzer, case: &Value) -> Outcome {
    let text = case["text"].as_str().unwrap_or_default().to_string();
    let dim = case["dim"].as_str().unwrap_or_default().to_string();
    let source = case["source"].as_str().unwrap_or_default().to_string();
    let reference = case["reference_time"].as_str();
    let exp = &case["expected"];
    let mut out = Outcome {
        dim: dim.clone(),
        text: text.clone(),
        pass: None,
        want: String::new(),
        got: String::new(),
        source,
    };
    let doc = read(m, an, &text, reference);
    match dim.as_str() {
        "time" => {
            let got = longest(&doc.times, |t| t.end - t.start);
            out.got = show_time(got);
            if exp.is_null() {
                out.want = "no time".into();
                out.pass = Some(doc.times.is_empty());
                return out;
            }
            let cut = |v: &Value| -> Option<(String, Grain)> {
                let g = grain_of(v["grain"].as_str()?)?;
                Some((parse_iso(v["value"].as_str()?)?.format(g), g))
            };
            let (want_v, want_to, want_g) = if exp["type"] == "interval" {
                let (Some((a, g)), Some((b, _))) = (cut(&exp["from"]), cut(&exp["to"])) else {
                    out.want = "unreadable case".into();
                    return out;
                };
                (a, Some(b), g)
            } else {
                let Some((a, g)) = cut(exp) else {
                    out.want = "unreadable case".into();
                    return out;
                };
                (a, None, g)
            };
            out.want = format!(
                "{want_v} {}{}",
                grain_name(want_g),
                want_to
                    .as_ref()
                    .map(|x| format!(" to {x}"))
                    .unwrap_or_default()
            );
            out.pass = Some(got.is_some_and(|t| {
                t.value.as_deref() == Some(want_v.as_str()) && t.to == want_to && t.grain == want_g
            }));
        }
        "numeral" | "ordinal" => {
            let found = if dim == "numeral" {
                m.numerals(&doc)
            } else {
                m.ordinals(&doc)
            };
            let got = longest(&found, |n| n.span.end - n.span.start);
            let want = exp["value"].as_f64();
            out.want = want
                .map(|v| v.to_string())
                .unwrap_or_else(|| "nothing".into());
            out.got = got
                .map(|n| n.value.to_string())
                .unwrap_or_else(|| "nothing".into());
            out.pass = Some(match (want, got) {
                (Some(w), Some(g)) => (w - g.value).abs() <= 1e-9 * w.abs().max(1.0),
                (None, None) => true,
                _ => false,
            });
        }
        "duration" => {
            let got = longest(&doc.durations, |q| q.end - q.start);
            let (wv, wu) = (exp["value"].as_f64(), exp["unit"].as_str());
            out.want = format!("{} {}", wv.unwrap_or(f64::NAN), wu.unwrap_or("?"));
            out.got = got
                .map(|q| {
                    format!(
                        "{} {}",
                        q.value.unwrap_or(f64::NAN),
                        q.unit.as_deref().unwrap_or("?")
                    )
                })
                .unwrap_or_else(|| "nothing".into());
            out.pass = Some(got.is_some_and(|q| q.value == wv && q.unit.as_deref() == wu));
        }
        _ => {
            out.want = "not measured by rasd".into();
        }
    }
    out
}

/// Every case of a Duckling JSON Lines file.
pub fn duckling_file(m: &Measurer, an: &Analyzer, path: &Path) -> std::io::Result<Vec<Outcome>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match serde_json::from_str::<Value>(l) {
            Ok(v) => duckling_case(m, an, &v),
            Err(e) => Outcome {
                dim: "?".into(),
                text: l.into(),
                pass: Some(false),
                want: format!("valid JSON ({e})"),
                got: String::new(),
                source: path.display().to_string(),
            },
        })
        .collect())
}

/// The dimension a Duckling file is scored under (`numeral_ar_eg` counts as `numeral`,
/// `time_negative` as `time`).
pub fn duckling_dim(file_stem: &str) -> String {
    let s = file_stem.trim_end_matches("_negative");
    match s {
        "numeral_ar_eg" => "numeral".into(),
        _ => s.to_string(),
    }
}

/// A measurer set up for Duckling's convention.
pub fn assistant(m: Measurer) -> Measurer {
    m.with_options(Options {
        profile: Profile::Assistant,
        ..Options::default()
    })
}

/// Months of dateparser's English translations.
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The reference time of dateparser's freshness tests (`now` in its test module).
pub const DATEPARSER_NOW: &str = "2014-09-01T10:30:00";

fn unit_name(s: &str) -> Option<&'static str> {
    Some(match s.trim_end_matches('s') {
        "second" => "second",
        "minute" => "minute",
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        _ => return None,
    })
}

/// Subtract `n` units from a moment the way python-dateutil's `relativedelta` does
/// (years and months first, then the rest).
fn minus(m: Moment, unit: &str, n: i64) -> Moment {
    match unit {
        "year" => m.add(Grain::Year, -n),
        "month" => m.add(Grain::Month, -n),
        "week" => m.add(Grain::Day, -7 * n),
        "day" => m.add(Grain::Day, -n),
        "hour" => m.add(Grain::Hour, -n),
        "minute" => m.add(Grain::Minute, -n),
        _ => m.add(Grain::Second, -n),
    }
}

/// One dateparser case. What each kind checks:
/// - `translation`: the English reading (`6 january 2015 05:16 pm`) is the value of the
///   one time expression found (to its grain);
/// - `freshness_translation`: `2 day` is a duration of 2 days; `1 day ago`, `ago 2 hour`
///   is a time that many units before dateparser's `now` (2014-09-01 10:30);
/// - `split`: dateparser's tokens are its own; the portable part is that the whole
///   string is read as one time expression;
/// - `applicable_language` (ar): rasd reads the string (a time or a duration);
///   `not_applicable_language`: a Persian spelling (`دقیقه`) yields no time and no
///   duration; for `fa` there is nothing to check (rasd has no Persian reader);
/// - `relative_past`, `normalized_relative_past`: the time found has the expected date
///   cut to its grain; a bare list of durations (`1 عام, 1 شهر, …`) is read as
///   dateparser reads a freshness string: their sum before `now`, to the minute;
/// - `hijri_to_gregorian`: with all-digit dates read as Hijri (dateparser's
///   `HijriCalendar`), the Gregorian date and time found;
/// - `search_date_string`: the whole string is one time expression;
/// - `search_and_parse`: each expected substring is a time expression with that value;
/// - `language_detection`: rasd finds the Arabic dates in the text.
pub fn dateparser_case(m: &Measurer, an: &Analyzer, case: &Value) -> Outcome {
    let text = case["text"].as_str().unwrap_or_default().to_string();
    let test = case["test"].as_str().unwrap_or_default().to_string();
    let exp = &case["expected"];
    let language = case["language"].as_str().unwrap_or("ar");
    let reference = case["reference_time"]
        .as_str()
        .unwrap_or(DATEPARSER_NOW)
        .to_string();
    let hijri = test == "hijri_to_gregorian";
    let opts = Options {
        profile: Profile::Assistant,
        hijri_numeric: hijri,
    };
    let mut out = Outcome {
        dim: test.clone(),
        text: text.clone(),
        pass: None,
        want: exp.to_string(),
        got: String::new(),
        source: case["source"].as_str().unwrap_or_default().into(),
    };
    let doc = {
        let mut doc = an.analyze_text(&text);
        doc.set_published(Some(reference.clone()));
        let _ = m.run_with(&mut doc, opts);
        doc
    };
    let now = parse_iso(&reference);
    let main = longest(&doc.times, |t| t.end - t.start);
    out.got = show_time(main);
    let whole =
        |t: &TimeExpr| t.text.trim() == text.trim().trim_end_matches(['.', '،', ','].as_ref());
    let pass = match test.as_str() {
        "translation" => {
            let e = exp.as_str().unwrap_or_default();
            let w: Vec<&str> = e.split_whitespace().collect();
            let want = (|| {
                let d: u32 = w.first()?.parse().ok()?;
                let name = *w.get(1)?;
                let mo = MONTHS_EN.iter().position(|x| *x == name)? as u32 + 1;
                let y: i32 = w.get(2)?.parse().ok()?;
                let (h, mi) = w.get(3)?.split_once(':')?;
                let (mut h, mi): (u32, u32) = (h.parse().ok()?, mi.parse().ok()?);
                if w.get(4) == Some(&"pm") && h < 12 {
                    h += 12;
                }
                Some(Moment::at(civil(y, mo, d)?, h, mi, 0).format(Grain::Minute))
            })();
            out.want = want.clone().unwrap_or_default();
            want.is_some() && main.and_then(|t| t.value.clone()) == want
        }
        "freshness_translation" => {
            let e = exp.as_str().unwrap_or_default();
            let ago = e.contains("ago");
            let parts: Vec<&str> = e.split_whitespace().filter(|p| *p != "ago").collect();
            let n: i64 = parts.first().and_then(|p| p.parse().ok()).unwrap_or(0);
            let unit = parts.get(1).and_then(|u| unit_name(u)).unwrap_or("day");
            if ago {
                let g = grain_of(unit).unwrap_or(Grain::Day);
                let g = if g == Grain::Week { Grain::Day } else { g };
                let want = now.map(|x| minus(x, unit, n).format(g));
                out.want = want.clone().unwrap_or_default();
                main.and_then(|t| t.value.clone()) == want
            } else {
                out.want = format!("duration {n} {unit}");
                out.got = doc
                    .durations
                    .first()
                    .map(|q| {
                        format!(
                            "duration {} {}",
                            q.value.unwrap_or(0.0),
                            q.unit.as_deref().unwrap_or("?")
                        )
                    })
                    .unwrap_or_else(|| "no duration".into());
                doc.durations.len() == 1
                    && doc.durations[0].value == Some(n as f64)
                    && doc.durations[0].unit.as_deref() == Some(unit)
            }
        }
        "split" | "search_date_string" => {
            out.want = "the whole string as one time expression".into();
            doc.times.len() == 1 && whole(&doc.times[0]) && doc.times[0].value.is_some()
        }
        "applicable_language" => {
            out.want = "read as Arabic (a time or a duration)".into();
            out.got = format!(
                "{} time(s), {} duration(s)",
                doc.times.len(),
                doc.durations.len()
            );
            !doc.times.is_empty() || !doc.durations.is_empty()
        }
        "not_applicable_language" => {
            out.got = format!(
                "{} time(s), {} duration(s)",
                doc.times.len(),
                doc.durations.len()
            );
            if language == "ar" {
                out.want = "not read as Arabic: no time, no duration".into();
                doc.times.is_empty() && doc.durations.is_empty()
            } else {
                out.want = format!("not read as {language}: rasd reads Arabic only");
                true
            }
        }
        "relative_past" | "normalized_relative_past" => {
            let want_dt = exp["date_obj"].as_str().and_then(parse_iso);
            match (main, want_dt) {
                (Some(t), Some(w)) => {
                    out.want = w.format(t.grain);
                    t.value.as_deref() == Some(out.want.as_str())
                }
                (None, Some(w)) => {
                    // A freshness string: durations before now.
                    let mut x = now.unwrap_or(w);
                    let mut ds: Vec<_> = doc.durations.iter().collect();
                    let order = ["year", "month", "week", "day", "hour", "minute", "second"];
                    ds.sort_by_key(|q| order.iter().position(|u| Some(*u) == q.unit.as_deref()));
                    for q in &ds {
                        x = minus(
                            x,
                            q.unit.as_deref().unwrap_or("second"),
                            q.value.unwrap_or(0.0) as i64,
                        );
                    }
                    out.want = w.format(Grain::Minute);
                    out.got = format!(
                        "{} durations before now: {}",
                        ds.len(),
                        x.format(Grain::Minute)
                    );
                    !ds.is_empty() && x.format(Grain::Minute) == out.want
                }
                _ => false,
            }
        }
        "hijri_to_gregorian" => {
            let want_dt = exp["date_obj"].as_str().and_then(parse_iso);
            match (main, want_dt) {
                (Some(t), Some(w)) => {
                    out.want = w.format(t.grain);
                    t.value.as_deref() == Some(out.want.as_str()) && t.grain <= Grain::Day
                }
                _ => false,
            }
        }
        "search_and_parse" => {
            let Some(items) = exp.as_array() else {
                return out;
            };
            let mut all = true;
            let mut wants = Vec::new();
            for it in items {
                let (Some(s), Some(d)) = (it[0].as_str(), it[1].as_str().and_then(parse_iso))
                else {
                    continue;
                };
                wants.push(format!("{s} = {}", d.format(Grain::Day)));
                all &= doc
                    .times
                    .iter()
                    .any(|t| t.text == s && t.value.as_deref() == Some(d.format(t.grain).as_str()));
            }
            out.want = wants.join("; ");
            out.got = doc
                .times
                .iter()
                .map(|t| format!("{} = {}", t.text, t.value.as_deref().unwrap_or("null")))
                .collect::<Vec<_>>()
                .join("; ");
            all && !items.is_empty()
        }
        "language_detection" => {
            out.want = "Arabic dates found".into();
            out.got = format!("{} time(s)", doc.times.len());
            !doc.times.is_empty()
        }
        _ => {
            out.want = "unknown test kind".into();
            return out;
        }
    };
    out.pass = Some(pass);
    out
}

/// Every case of dateparser's JSON Lines file.
pub fn dateparser_file(m: &Measurer, an: &Analyzer, path: &Path) -> std::io::Result<Vec<Outcome>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| dateparser_case(m, an, &v))
        .collect())
}

/// One case of rasd's news test set (`tests/data/news/cases.jsonl`): a sentence from a
/// real article with its publication date, the expression to `find`, and either its
/// expected `value`, `grain`, `to` and `kind`, or `absent: true` (no date may cover it:
/// a verb that spells a month, a duration, a name). A time passes when its span overlaps
/// the expression and its value, grain, `to` and kind are the expected ones.
pub fn news_case(m: &Measurer, an: &Analyzer, case: &Value) -> Outcome {
    let text = case["text"].as_str().unwrap_or_default();
    let find = case["find"].as_str().unwrap_or_default();
    let mut out = Outcome {
        dim: "news".into(),
        text: format!("{} [{find}]", case["id"].as_str().unwrap_or_default()),
        pass: Some(false),
        want: String::new(),
        got: String::new(),
        source: case["source"].as_str().unwrap_or_default().into(),
    };
    let doc = read(m, an, text, case["published"].as_str());
    let Some(byte) = text.find(find) else {
        out.want = "the expression inside the text".into();
        return out;
    };
    let a = text[..byte].chars().count() as u32;
    let b = a + find.chars().count() as u32;
    let over: Vec<&TimeExpr> = doc
        .times
        .iter()
        .filter(|t| t.start < b && a < t.end)
        .collect();
    out.got = if over.is_empty() {
        "no time there".into()
    } else {
        over.iter()
            .map(|t| show_time(Some(t)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if case["absent"].as_bool() == Some(true) {
        out.want = "no date there".into();
        out.pass = Some(over.iter().all(|t| t.kind != rasd_model::TimeKind::Date));
        return out;
    }
    let value = case["value"].as_str();
    let grain = case["grain"].as_str().and_then(grain_of);
    let to = case["to"].as_str();
    let named = case["kind"].as_str() == Some("named_event");
    out.want = format!(
        "{} {}{}{}",
        value.unwrap_or("null"),
        case["grain"].as_str().unwrap_or("?"),
        to.map(|x| format!(" to {x}")).unwrap_or_default(),
        if named { " (named event)" } else { "" }
    );
    out.pass = Some(over.iter().any(|t| {
        t.value.as_deref() == value
            && Some(t.grain) == grain
            && t.to.as_deref() == to
            && (t.kind == rasd_model::TimeKind::NamedEvent) == named
    }));
    out
}

/// Every case of the news test set.
pub fn news_file(m: &Measurer, an: &Analyzer, path: &Path) -> std::io::Result<Vec<Outcome>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| news_case(m, an, &v))
        .collect())
}
