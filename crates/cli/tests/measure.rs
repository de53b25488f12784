//! The measure stage through the real binary: `rasd eval duckling` on the bundled
//! Duckling corpora, the issue's expressions on the seeds (and none of the false
//! positives), the news test set through `rasd extract`, durations never as times, and a
//! null value without a publication date.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::*;

/// The seeds with their publication dates, by id.
fn seeds() -> BTreeMap<String, Value> {
    let out = run_ok(
        &["extract", repo_path("corpus/seeds.jsonl").to_str().unwrap()],
        None,
    );
    json_lines(&out.stdout)
        .into_iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d))
        .collect()
}

/// A time as (text, value, grain, from, to).
type TimeRow = (
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

fn times(d: &Value) -> Vec<TimeRow> {
    d["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap().to_string(),
                t["value"].as_str().map(str::to_string),
                t["grain"].as_str().unwrap().to_string(),
                t["to"].as_str().map(str::to_string),
                t["kind"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn duckling_eval_command_reports_pass_rates() {
    let dir = repo_path("crates/measure/tests/data/duckling-ar");
    let out = run_ok(&["eval", "duckling", dir.to_str().unwrap(), "--json"], None);
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for (dim, min) in [("time", 0.95), ("numeral", 0.98), ("ordinal", 1.0)] {
        let rate = v[dim]["pass_rate"].as_f64().unwrap_or(0.0);
        assert!(rate >= min, "help: {dim} pass rate {rate} below {min}: {v}");
    }
    let out = run(
        &["eval", "duckling", dir.to_str().unwrap(), "--verbose"],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("time") && text.contains("FAIL"),
        "verbose lists failures: {text}"
    );
}

#[test]
fn the_issues_expressions_resolve_on_the_seeds() {
    let docs = seeds();
    // (article, text, value, grain, to)
    let want: &[(&str, &str, &str, &str, Option<&str>)] = &[
        (
            "001_6ce3bbe06b131295",
            "في الرابع من أبريل عام 2019",
            "2019-04-04",
            "day",
            None,
        ),
        (
            "000_c8684c63aeac1453",
            "في يوليو من العام الماضي",
            "2019-07",
            "month",
            None,
        ),
        ("000_c8684c63aeac1453", "الاثنين", "2020-01-27", "day", None),
        (
            "003_4f336850d5280de7",
            "منذ 4 أبريل/نيسان الماضي",
            "2019-04-04",
            "day",
            Some("2020-03-28"),
        ),
        (
            "003_4f336850d5280de7",
            "أمس الخميس",
            "2020-03-26",
            "day",
            None,
        ),
        (
            "004_3bbad0cd6e295111",
            "في 14 فيفري 2014",
            "2014-02-14",
            "day",
            None,
        ),
        (
            "004_3bbad0cd6e295111",
            "في 27 ماي 2014",
            "2014-05-27",
            "day",
            None,
        ),
        (
            "004_3bbad0cd6e295111",
            "في أوت 2014",
            "2014-08",
            "month",
            None,
        ),
        (
            "004_3bbad0cd6e295111",
            "الاسبوع الفارط",
            "2016-11-28",
            "week",
            None,
        ),
        (
            "002_46ee871706bb8a59",
            "ليل أمس الخميس",
            "2019-05-09",
            "day",
            None,
        ),
        (
            "002_46ee871706bb8a59",
            "نهاية هذا الأسبوع",
            "2019-05-06",
            "week",
            None,
        ),
        (
            "002_46ee871706bb8a59",
            "في ثمانينيات القرن الماضي",
            "1980",
            "year",
            Some("1990"),
        ),
    ];
    for (id, text, value, grain, to) in want {
        let ts = times(&docs[*id]);
        assert!(
            ts.iter().any(|t| t.0 == *text
                && t.1.as_deref() == Some(*value)
                && t.2 == *grain
                && t.3.as_deref() == *to),
            "help: {id}: `{text}` should be {value} ({grain}, to {to:?}); got {ts:?}"
        );
    }
    // ثورة يناير is a named event with its own date, never a date of the article.
    let ts = times(&docs["001_6ce3bbe06b131295"]);
    let rev = ts
        .iter()
        .find(|t| t.0.contains("يناير"))
        .expect("ثورة يناير found");
    assert_eq!(
        (rev.1.as_deref(), rev.4.as_deref()),
        (Some("2011-01"), Some("named_event"))
    );
    // The verb مارس and the duration 17 دقيقة are no times; the duration is a duration.
    let seed2 = times(&docs["002_46ee871706bb8a59"]);
    assert!(seed2.iter().all(|t| !t.0.contains("مارس")), "{seed2:?}");
    let d0 = &docs["000_c8684c63aeac1453"];
    assert!(times(d0).iter().all(|t| !t.0.contains("دقيقة")));
    let durs = d0["durations"].as_array().unwrap();
    assert!(
        durs.iter()
            .any(|q| q["text"] == "17 دقيقة" && q["value"] == 17 && q["unit"] == "minute"),
        "{durs:?}"
    );
    // Quantities with their qualifier and counted noun.
    let qs = d0["quantities"].as_array().unwrap();
    assert!(
        qs.iter().any(|q| q["text"] == "أكثر من 53"
            && q["value"] == 53
            && q["approx"] == "more_than"
            && q["of"] == "مهاجرا"),
        "{qs:?}"
    );
    let q2 = docs["002_46ee871706bb8a59"]["quantities"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        q2.iter()
            .any(|q| q["text"] == "العشرات" && q["value"].is_null() && q["approx"] == "dozens"),
        "{q2:?}"
    );
}

#[test]
fn news_test_set_through_extract() {
    let cases: Vec<Value> =
        std::fs::read_to_string(repo_path("crates/measure/tests/data/news/cases.jsonl"))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("cases.jsonl");
    let lines: Vec<String> = cases
        .iter()
        .map(|c| {
            serde_json::json!({"id": c["id"], "published": c["published"], "text": c["text"]})
                .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = run_ok(&["extract", input.to_str().unwrap()], None);
    let docs: BTreeMap<String, Value> = json_lines(&out.stdout)
        .into_iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d))
        .collect();
    let mut pass = 0;
    for c in &cases {
        let d = &docs[c["id"].as_str().unwrap()];
        let body = d["body"].as_str().unwrap();
        let find = c["find"].as_str().unwrap();
        let Some(byte) = body.find(find) else {
            continue;
        };
        let a = body[..byte].chars().count() as u64;
        let b = a + find.chars().count() as u64;
        let over: Vec<&Value> = d["times"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["start"].as_u64().unwrap() < b && a < t["end"].as_u64().unwrap())
            .collect();
        let ok = if c["absent"].as_bool() == Some(true) {
            over.iter().all(|t| t["kind"] == "named_event")
        } else {
            over.iter().any(|t| {
                t["value"] == c["value"]
                    && t["grain"] == c["grain"]
                    && t["to"] == c["to"]
                    && t["kind"] == c["kind"]
            })
        };
        if ok {
            pass += 1;
        } else {
            eprintln!("FAIL {} [{find}]: {:?}", c["id"], over);
        }
    }
    let rate = pass as f64 / cases.len() as f64;
    eprintln!(
        "news test set through rasd extract: {pass}/{} = {:.1}%",
        cases.len(),
        100.0 * rate
    );
    assert!(
        cases.len() >= 150 && rate >= 0.93,
        "help: news pass rate {rate:.3}"
    );
}

#[test]
fn no_publication_date_gives_null_never_a_guess() {
    let out = run_ok(
        &["extract", "-"],
        Some("قصف الطيران المدينة أمس الخميس في 4 أبريل 2019 ومنذ 4 أبريل.".as_bytes()),
    );
    let d = &json_lines(&out.stdout)[0];
    let ts = times(d);
    let yesterday = ts
        .iter()
        .find(|t| t.0 == "أمس الخميس")
        .expect("أمس الخميس found");
    assert_eq!(yesterday.1, None, "help: no publication date, no value");
    assert!(
        ts.iter()
            .any(|t| t.0 == "في 4 أبريل 2019" && t.1.as_deref() == Some("2019-04-04")),
        "an absolute date needs no publication: {ts:?}"
    );
    assert!(
        ts.iter()
            .any(|t| t.0 == "ومنذ 4 أبريل" || t.0 == "منذ 4 أبريل"),
        "{ts:?}"
    );
    assert!(
        ts.iter()
            .filter(|t| t.0.contains("منذ"))
            .all(|t| t.1.is_none()),
        "{ts:?}"
    );
}

/// An expression said twice is listed once, at its first mention, with the second span
/// in `mentions`; one with another value stays its own entry.
#[test]
fn repeated_expression_listed_once_with_its_mentions() {
    let text = "قتل ثمانية مدنيين في الغارات السبت بحسب المرصد. وتجددت الغارات السبت على المدينة. \
                وقالت الأمم المتحدة الجمعة إن القصف مستمر.";
    let rec = serde_json::json!({"id": "rep", "published": "2018-04-07", "text": text});
    let out = run_ok(&["extract", "-"], Some(rec.to_string().as_bytes()));
    let d = &json_lines(&out.stdout)[0];
    let body: Vec<char> = d["body"].as_str().unwrap().chars().collect();
    let ts = d["times"].as_array().unwrap();
    let sat: Vec<&Value> = ts.iter().filter(|t| t["text"] == "السبت").collect();
    assert_eq!(
        sat.len(),
        1,
        "help: one entry for the repeated السبت: {ts:?}"
    );
    assert_eq!(sat[0]["value"], "2018-04-07");
    let m = sat[0]["mentions"]
        .as_array()
        .expect("mentions of the repeat");
    assert_eq!(m.len(), 1, "help: {m:?}");
    let (a, b) = (
        m[0][0].as_u64().unwrap() as usize,
        m[0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(body[a..b].iter().collect::<String>(), "السبت");
    assert!(
        a as u64 > sat[0]["start"].as_u64().unwrap(),
        "help: the repeat comes later"
    );
    assert!(
        ts.iter()
            .any(|t| t["text"] == "الجمعة" && t["value"] == "2018-04-06"),
        "help: {ts:?}"
    );
}

/// A count before `من`/`على` and another event (`قبل يومين من مصرعه`) is counted from that
/// event, not from the publication: a duration, never a time; the same count alone is a
/// time.
#[test]
fn counts_from_another_event_are_durations() {
    for (text, time) in [
        ("توجه إلى جبهة نهم قبل يومين من مصرعه.", None),
        ("ضجت وسائل الإعلام قبل 72 ساعة من الضربة.", None),
        ("وصل الوفد قبل يومين.", Some("2018-04-14")),
    ] {
        let rec = serde_json::json!({"id": "a", "published": "2018-04-16", "text": text});
        let out = run_ok(&["extract", "-"], Some(rec.to_string().as_bytes()));
        let d = &json_lines(&out.stdout)[0];
        let times: Vec<&str> = d["times"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["value"].as_str())
            .collect();
        match time {
            Some(v) => assert_eq!(times, [v], "help: {text}"),
            None => {
                assert!(times.is_empty(), "help: {text}: {times:?}");
                assert_eq!(d["durations"].as_array().unwrap().len(), 1, "help: {text}");
            }
        }
    }
}

/// A day joined to a date that names a camp (`طرفي 14 و8 آذار`, Lebanon's March 14 and
/// March 8 alliances) is no date of the article.
#[test]
fn dates_that_name_camps_are_no_times() {
    let rec = serde_json::json!({"id": "m1", "published": "2013-12-28",
        "text": "باعتبارها أحد تعبيرات الصراع بين طرفي 14 و8 آذار. وقتل شطح في 27 ديسمبر."});
    let doc = &extract_one(rec);
    let values: Vec<&str> = doc["times"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["value"].as_str())
        .collect();
    assert_eq!(values, vec!["2013-12-27"], "help: {}", doc["times"]);
}
