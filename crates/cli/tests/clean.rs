//! The clean stage through `rasd extract`: scraped debris out of the seeds, credits,
//! headlines kept, one body whatever the encoding, HTML pages, deep nesting, user
//! patterns, and no article text eaten on the dev corpus.

use serde_json::Value;

use crate::util::*;

/// Debris of the seed scrapes, each a whole line in its article.
const DEBRIS: &[&str] = &[
    "الرئيسيتقاريرخبرسياسة",
    "[ads2]",
    "Facebook Comments",
    "اترك رد",
    "أترك تعليقا",
    "تعليقات",
    "الوسوم",
    "مقالات ذات صلة",
    "%d مدونون معجبون بهذه:",
    "خليفة",
    "المصدر : الجزيرة + وكالات",
];

/// Debris that never occurs inside article text, checked as substrings.
const DEBRIS_ANYWHERE: &[&str] = &[
    "[ads2]",
    "Facebook Comments",
    "Akismet",
    "مدونون معجبون",
    "الرئيسيتقاريرخبرسياسة",
];

fn extract(args: &[&str]) -> Vec<Value> {
    let out = run_ok(&[&["extract"], args].concat(), None);
    json_lines(&out.stdout)
}

fn body_lines(d: &Value) -> Vec<&str> {
    d["body"].as_str().unwrap().lines().collect()
}

fn by_id<'a>(docs: &'a [Value], prefix: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()
}

#[test]
fn seeds_lose_their_debris_and_keep_their_text() {
    let seeds = repo_path("corpus/seeds.jsonl");
    let docs = extract(&[seeds.to_str().unwrap()]);
    assert_eq!(docs.len(), 5);
    for d in &docs {
        let body = d["body"].as_str().unwrap();
        for line in body.lines() {
            assert!(
                !DEBRIS.contains(&line),
                "help: debris line {line:?} left in {}",
                d["id"]
            );
            assert_eq!(line, line.trim(), "help: untrimmed line in {}", d["id"]);
            assert!(!line.is_empty(), "help: blank line in {}", d["id"]);
        }
        for s in DEBRIS_ANYWHERE {
            assert!(!body.contains(s), "help: {s:?} left in {}", d["id"]);
        }
        for r in d["removed"].as_array().unwrap() {
            let kind = r["kind"].as_str().unwrap();
            assert!(
                ["nav", "ad", "widget", "comments", "tags", "related", "notice", "credit"]
                    .contains(&kind),
                "{r}"
            );
            assert!(
                r["why"].as_str().is_some_and(|w| !w.is_empty()),
                "help: no why in {r}"
            );
        }
    }
    // Every non-blank line of each raw text is either in the body or removed.
    let raw: Vec<Value> = std::fs::read_to_string(&seeds)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for r in &raw {
        let d = by_id(&docs, r["id"].as_str().unwrap());
        let body = body_lines(d);
        let removed: Vec<&str> = d["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["text"].as_str().unwrap())
            .collect();
        let lines: Vec<&str> = r["text"]
            .as_str()
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines.len(),
            body.len() + removed.len(),
            "help: lines lost in {}",
            r["id"]
        );
        for l in lines {
            assert!(
                body.contains(&l) || removed.contains(&l),
                "help: {l:?} lost from {}",
                r["id"]
            );
        }
    }

    let aj = by_id(&docs, "003");
    assert_eq!(aj["credits"], serde_json::json!(["الجزيرة", "وكالات"]));
    let h002 = "بالتزامن مع تواجده في أوروبا … حفتر يخسر الحرب في ليبيا وقواته تواجه هزيمة مذلة على الميدان";
    assert_eq!(body_lines(by_id(&docs, "002"))[0], h002);
    let h004 = "“ميديل إيست آي”: قوات غربية تدعم خليفة حفتر في بنغازي";
    assert_eq!(body_lines(by_id(&docs, "004"))[0], h004);
    for (id, sub) in [
        ("000", "تفجير بعد القصف"),
        ("000", "الرصاص بعد التفجير"),
        ("002", "حفتر يخسر الحرب ويطلب وساطة أوروبية"),
        ("002", "هزيمة مذلة للملشيات"),
        ("002", "حكومة الوفاق تكسب المعركة"),
        ("002", "حفتر مجرم حرب"),
        ("003", "عدوان وتحذير"),
    ] {
        assert!(
            body_lines(by_id(&docs, id)).contains(&sub),
            "help: subheading {sub:?} lost from {id}"
        );
    }
}

#[test]
fn one_article_in_four_encodings_gives_one_body() {
    let text = std::fs::read_to_string(repo_path("corpus/seeds/004_3bbad0cd6e295111.txt")).unwrap();
    let d = tempfile::tempdir().unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (cp1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(
        !unmappable,
        "the article must be representable in Windows-1256"
    );
    let files: [(&str, &[u8]); 4] = [
        ("utf8.txt", text.as_bytes()),
        ("utf8-bom.txt", &bom),
        ("utf16le.txt", &utf16),
        ("cp1256.txt", &cp1256),
    ];
    for (name, bytes) in files {
        std::fs::write(d.path().join(name), bytes).unwrap();
    }
    let docs = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(docs.len(), 4);
    let want = by_id(&docs, "utf8")["body"].as_str().unwrap().to_string();
    assert!(want.starts_with("“ميديل إيست آي”"), "{want}");
    for d in &docs {
        assert_eq!(
            d["body"].as_str().unwrap(),
            want,
            "help: body of {}",
            d["id"]
        );
        assert_eq!(
            d["removed"],
            by_id(&docs, "utf8")["removed"],
            "help: removed of {}",
            d["id"]
        );
    }
}

#[test]
fn an_html_page_yields_just_the_article() {
    let page = repo_path("crates/cli/tests/fixtures/clean/article.html");
    let docs = extract(&[page.to_str().unwrap()]);
    let d = &docs[0];
    assert_eq!(
        body_lines(d),
        vec![
            "قوات الوفاق تصد هجوما لقوات حفتر على محور أبو قرين",
            "صدت قوات حكومة الوفاق الوطني في ليبيا هجوما لقوات اللواء المتقاعد خليفة حفتر في محور أبو قرين شرق مدينة مصراتة، بينما طالب وزير الخارجية الليبي مجلس الأمن بالتدخل لمنع حدوث كارثة إنسانية.",
            "وقال مصدر من قوات حكومة الوفاق إن قوات حفتر، مدعومة بمرتزقة، حاولت التقدم على محور أبو قرين مدعومة بقصف مدفعي وصاروخي.",
            "وأضاف المصدر أن طائرات مسيرة لقوات الوفاق\u{a0}ومدفعية ثقيلة دمرت آليات وعربات تحمل ذخيرة، وأخرى على متنها صواريخ غراد ومدرعات.",
            "عدوان وتحذير",
            "يأتي ذلك بينما حذّر وزير خارجية حكومة الوفاق محمد سيالة -في رسالة إلى مجلس الأمن- من وقوع كارثة إنسانية مع استمرار قصف المنشآت المدنية في العاصمة.",
            "وكتب ناشطون على مواقع التواصل أن عبارة <script>alert(1)</script> ظهرت في تعليق مزيف نُسب إلى الوزارة، وهي عبارة برمجية لا معنى لها.",
        ]
    );
    assert_eq!(
        d["title"],
        "قوات الوفاق تصد هجوما لقوات حفتر على محور أبو قرين"
    );
    assert_eq!(d["outlet"], "أخبار ليبيا اليوم");
    assert_eq!(d["published"], "2020-04-10T14:32:00+02:00");
    assert_eq!(d["credits"], serde_json::json!(["الجزيرة", "وكالات"]));
    let body = d["body"].as_str().unwrap();
    for s in [
        "dataLayer",
        "document.write",
        "نص يكتبه سكربت",
        "جافاسكربت",
        "إعلان",
        "لا يظهر هذا النص",
    ] {
        assert!(
            !body.contains(s),
            "help: script or ad text {s:?} in the body"
        );
    }
    let removed = d["removed"].as_array().unwrap();
    let has = |kind: &str, text: &str| {
        removed
            .iter()
            .any(|r| r["kind"] == kind && r["text"].as_str().unwrap().contains(text))
    };
    for (kind, text) in [
        ("nav", "الرئيسية"),
        ("widget", "واتساب"),
        ("related", "مقالات ذات صلة"),
        ("comments", "متى تنتهي هذه الحرب"),
        ("tags", "مصراتة"),
        ("notice", "جميع الحقوق محفوظة"),
        ("widget", "الأكثر قراءة"),
        ("credit", "المصدر"),
    ] {
        assert!(
            has(kind, text),
            "help: no {kind} removal holding {text:?}: {removed:#?}"
        );
    }
}

#[test]
fn html_nested_a_million_levels_deep_is_handled() {
    let d = tempfile::tempdir().unwrap();
    let n = 1_000_000;
    let text = "صدت قوات الوفاق هجوما على محور أبو قرين، بحسب مصدر عسكري.";
    let pages = [
        (
            "deep.html",
            format!(
                "<html><body>{}<p>{text}</p>{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            ),
        ),
        (
            "unclosed.html",
            format!("<body>{}<p>{text}", "<span><div>".repeat(n / 2)),
        ),
        ("bold.html", format!("<p>{}{text}", "<b>".repeat(n))),
    ];
    for (name, html) in &pages {
        std::fs::write(d.path().join(name), html).unwrap();
    }
    let docs = extract(&[d.path().to_str().unwrap()]);
    assert_eq!(docs.len(), pages.len());
    for doc in &docs {
        assert!(
            doc["body"].as_str().unwrap().contains(text),
            "help: text lost from {}",
            doc["id"]
        );
    }
}

#[test]
fn users_extend_the_patterns_without_recompiling() {
    let d = tempfile::tempdir().unwrap();
    let lex = d.path().join("lex/clean");
    std::fs::create_dir_all(&lex).unwrap();
    let mut chrome = std::fs::read_to_string(repo_path("lexicons/clean/chrome.tsv")).unwrap();
    chrome.push_str("نهاية النشرة\tnotice\tline\tline\ta site's own sign-off\n");
    let row = chrome.lines().count();
    std::fs::write(lex.join("chrome.tsv"), chrome).unwrap();
    let input = d.path().join("a.txt");
    let para = "قالت مصادر محلية إن الاشتباكات تجددت صباح اليوم في محيط المطار.";
    std::fs::write(&input, format!("{para}\nنهاية النشرة\n")).unwrap();
    let lexdir = d.path().join("lex");
    let with = extract(&[
        "--lexicons",
        lexdir.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(with[0]["body"], para);
    assert_eq!(
        with[0]["removed"][0]["why"],
        format!("lexicon:clean/chrome.tsv:{row}")
    );
    let without = extract(&[input.to_str().unwrap()]);
    assert_eq!(without[0]["body"], format!("{para}\nنهاية النشرة"));
}

#[test]
fn the_dev_corpus_loses_no_article_text() {
    let Some(corpus) = shared("corpus/news-dev.jsonl") else {
        return;
    };
    let docs = extract(&[corpus.to_str().unwrap()]);
    let raw: Vec<Value> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), raw.len());
    let (mut lines, mut removed, mut teasers) = (0usize, 0usize, 0usize);
    for r in &raw {
        let d = by_id(&docs, r["id"].as_str().unwrap());
        let body = body_lines(d);
        let gone: Vec<&Value> = d["removed"].as_array().unwrap().iter().collect();
        let text: Vec<&str> = r["text"]
            .as_str()
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        lines += text.len();
        removed += gone.len();
        assert_eq!(
            text.len(),
            body.len() + gone.len(),
            "help: lines lost in {}",
            r["id"]
        );
        for g in &gone {
            let t = g["text"].as_str().unwrap();
            // Long lines are article text, except other stories' leads after the article.
            if g["why"] == "rule:clean/trailing-teasers" {
                teasers += 1;
                assert!(t.chars().count() <= 450, "help: a teaser is one lead: {t}");
            } else {
                assert!(
                    t.split_whitespace().count() <= 40,
                    "help: a long line was removed: {t}"
                );
            }
            assert!(g["why"].as_str().is_some(), "{g}");
            eprintln!("removed\t{}\t{}\t{}\t{t}", r["id"], g["kind"], g["why"]);
        }
    }
    eprintln!("news-dev: {removed} of {lines} non-blank lines removed, {teasers} as teasers");
    assert!(
        teasers <= 60,
        "help: {teasers} teaser paragraphs removed; the rule reaches beyond trailing leads"
    );
    assert!(
        removed * 100 <= lines * 2,
        "help: {removed} of {lines} lines removed (over 2%)"
    );
}
