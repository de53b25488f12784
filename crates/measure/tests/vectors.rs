//! Third-party test vectors bundled in `tests/data/` (with their licences): Duckling's
//! Arabic corpora, each dimension with a minimum pass rate, and dateparser's Arabic
//! cases, which must all pass; and rasd's own news test set (`tests/data/news/`),
//! sentences of real articles. Failures are printed with `--nocapture`.

use std::collections::BTreeMap;
use std::path::Path;

use rasd_lexicon::Source;
use rasd_measure::eval::{
    assistant, dateparser_file, duckling_dim, duckling_file, news_file, Outcome,
};
use rasd_measure::Measurer;
use rasd_text::Analyzer;

fn data(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

fn report(name: &str, outs: &[Outcome]) -> (usize, usize) {
    let scored: Vec<&Outcome> = outs.iter().filter(|o| o.pass.is_some()).collect();
    let pass = scored.iter().filter(|o| o.pass == Some(true)).count();
    for o in scored.iter().filter(|o| o.pass == Some(false)) {
        eprintln!(
            "FAIL {name} {:?}: want {} got {} ({})",
            o.text, o.want, o.got, o.source
        );
    }
    eprintln!("{name}: {pass}/{} passed", scored.len());
    (pass, scored.len())
}

#[test]
fn duckling_pass_rates() {
    let m = assistant(Measurer::load(&Source::embedded()).0);
    let an = Analyzer::default();
    let mut by_dim: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for f in [
        "time",
        "time_negative",
        "numeral",
        "numeral_ar_eg",
        "ordinal",
        "duration",
    ] {
        let outs = duckling_file(&m, &an, &data(&format!("duckling-ar/{f}.jsonl")))
            .expect("bundled Duckling file");
        let (p, n) = report(f, &outs);
        let e = by_dim.entry(duckling_dim(f)).or_default();
        e.0 += p;
        e.1 += n;
    }
    // Minimum pass rates per dimension (the bar; the figures are higher).
    for (dim, min) in [("time", 0.95), ("numeral", 0.98), ("ordinal", 1.0)] {
        let (p, n) = by_dim[dim];
        let rate = p as f64 / n as f64;
        eprintln!("{dim}: {p}/{n} = {:.1}%", 100.0 * rate);
        assert!(
            n > 0 && rate >= min,
            "help: Duckling {dim} pass rate {rate:.3} below {min}"
        );
    }
}

#[test]
fn dateparser_cases_all_pass() {
    let m = Measurer::load(&Source::embedded()).0;
    let an = Analyzer::default();
    let outs = dateparser_file(&m, &an, &data("dateparser-ar/cases.jsonl"))
        .expect("bundled dateparser file");
    let (p, n) = report("dateparser", &outs);
    assert_eq!(n, 38, "help: every dateparser case is scored");
    assert_eq!(p, n, "help: every dateparser Arabic case must pass");
}

#[test]
fn news_test_set() {
    let m = Measurer::load(&Source::embedded()).0;
    let an = Analyzer::default();
    let outs = news_file(&m, &an, &data("news/cases.jsonl")).expect("bundled news test set");
    let (p, n) = report("news", &outs);
    let rate = p as f64 / n as f64;
    eprintln!("news: {p}/{n} = {:.1}%", 100.0 * rate);
    assert!(n >= 150, "help: the news test set has at least 150 cases");
    assert!(
        rate >= 0.93,
        "help: news test set pass rate {rate:.3} below 0.93"
    );
}

/// A count as (value, qualifier, text).
type Count = (f64, rasd_model::Approx, &'static str);

/// Counts written after their noun or as a dual, and words that only look like one.
#[test]
fn quantities_after_the_noun_and_duals() {
    use rasd_model::Approx;
    let m = Measurer::load(&Source::embedded()).0;
    let an = Analyzer::default();
    let cases: &[(&str, Option<Count>)] = &[
        (
            "قتل 25 شخصا على الأقل في الغارة.",
            Some((25.0, Approx::AtLeast, "25 شخصا على الأقل")),
        ),
        (
            "وأصيب 3 على الأقل.",
            Some((3.0, Approx::AtLeast, "3 على الأقل")),
        ),
        (
            "أسفر القصف عن مقتل شخصين وإصابة آخرين.",
            Some((2.0, Approx::Exact, "شخصين")),
        ),
        (
            "وقتل جنديان في الهجوم.",
            Some((2.0, Approx::Exact, "جنديان")),
        ),
        (
            "عثر على جثتين في الوادي.",
            Some((2.0, Approx::Exact, "جثتين")),
        ),
        ("قتل عدد من المدنيين والمسلحين.", None),
        ("سيطرت حركة طالبان على المنطقة.", None),
        ("أطلق سراح الجنديين أمس.", None),
    ];
    for (text, want) in cases {
        let mut doc = an.analyze_text(text);
        m.run(&mut doc).unwrap();
        let got = doc
            .quantities
            .first()
            .map(|q| (q.value.unwrap_or(f64::NAN), q.approx, q.text.as_str()));
        assert_eq!(
            got, *want,
            "help: quantities of {text:?}: {:?}",
            doc.quantities
        );
    }
}

/// The night between two days is one interval, with or without إلى.
#[test]
fn night_between_two_days() {
    let m = Measurer::load(&Source::embedded()).0;
    let an = Analyzer::default();
    for text in [
        "وقع الكمين ليل الخميس الجمعة قرب المدينة.",
        "وقع الكمين ليل الخميس إلى الجمعة قرب المدينة.",
    ] {
        let mut doc = an.analyze_text(text);
        doc.set_published(Some("2018-10-08".into()));
        m.run(&mut doc).unwrap();
        let got: Vec<_> = doc
            .times
            .iter()
            .map(|t| (t.value.as_deref(), t.to.as_deref()))
            .collect();
        assert_eq!(
            got,
            [(Some("2018-10-04"), Some("2018-10-06"))],
            "help: times of {text:?}"
        );
    }
    let mut doc = an.analyze_text("ليل الخميس السبت");
    doc.set_published(Some("2018-10-08".into()));
    m.run(&mut doc).unwrap();
    assert_eq!(
        doc.times.len(),
        2,
        "help: days that do not follow each other stay apart"
    );
}

/// `هذا اليوم` is today and joins a following weekday; `بين الاثنين` alone is "between
/// the two", not Monday.
#[test]
fn this_day_and_between_the_two() {
    let m = Measurer::load(&Source::embedded()).0;
    let an = Analyzer::default();
    let cases: &[(&str, &[&str])] = &[
        ("اعتقل هذا اليوم الاثنين في درنة.", &["هذا اليوم الاثنين"]),
        ("تطور الخلاف بين الاثنين، ليتدخل القيادي.", &[]),
        ("وقعت الاشتباكات بين الاثنين والخميس.", &["الاثنين", "الخميس"]),
    ];
    for (text, want) in cases {
        let mut doc = an.analyze_text(text);
        doc.set_published(Some("2018-10-09".into()));
        m.run(&mut doc).unwrap();
        let got: Vec<&str> = doc.times.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(&got, want, "help: times of {text:?}");
    }
}
