//! Claims and events end to end: who says what, and what happened, on the seeds.

use serde_json::Value;

use crate::util::*;

fn seeds() -> Vec<Value> {
    let out = run(
        &["extract", repo_path("corpus/seeds.jsonl").to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

/// The claim with this id: one of `claims`, or the outlet's `voice`.
fn claim<'a>(d: &'a Value, id: &str) -> &'a Value {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .chain(d.get("voice"))
        .find(|c| c["id"] == id)
        .expect("claim id exists")
}

/// The first seed: the Tajoura shelter strike has three attributed accounts — the UN's,
/// al-Mismari's to Sky News Arabia and al-Mismari's to Sputnik — and is one event with
/// more than 53 killed, at Tajoura, in July 2019.
#[test]
fn tajoura_accounts_and_one_strike() {
    let docs = seeds();
    let d = &docs[0];
    let claims = d["claims"].as_array().unwrap();
    let speaker = |c: &Value| c["speaker"]["ref"].as_str().unwrap_or("").to_string();
    let via = |c: &Value| c["via"]["ref"].as_str().unwrap_or("").to_string();
    assert!(
        claims.iter().any(|c| speaker(c) == "un"),
        "help: a UN claim"
    );
    assert!(
        claims
            .iter()
            .any(|c| speaker(c) == "ahmed-mismari" && via(c) == "sky-news-arabia"),
        "help: al-Mismari via Sky News Arabia"
    );
    assert!(
        claims
            .iter()
            .any(|c| speaker(c) == "ahmed-mismari" && via(c) == "sputnik"),
        "help: al-Mismari via Sputnik"
    );
    let strikes: Vec<&Value> = d["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "air_drone_strike" && e["place"] == "tajoura-ly")
        .collect();
    assert_eq!(strikes.len(), 1, "help: one event for the shelter strike");
    let e = strikes[0];
    assert_eq!(e["fatalities"]["value"], 53);
    assert_eq!(e["fatalities"]["approx"], "more_than");
    assert_eq!(e["time"]["value"], "2019-07");
    assert_eq!(e["site"], "tajoura-detention-ly");
    let by: Vec<String> = e["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| speaker(claim(d, c.as_str().unwrap())))
        .collect();
    assert!(
        by.contains(&"un".to_string()) && by.contains(&"ahmed-mismari".to_string()),
        "{by:?}"
    );
    assert!(e["negated"] == false);
}

/// Every claim and event carries its sentence and `why`; every event's claims exist;
/// spans are non-empty and inside the body.
#[test]
fn claims_and_events_are_sourced() {
    for d in seeds() {
        let body = d["body"].as_str().unwrap();
        let n = body.chars().count() as u64;
        let sentences = d["sentences"].as_array().unwrap().len() as u64;
        for c in d["claims"].as_array().unwrap() {
            let (a, b) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            assert!(a < b && b <= n);
            assert!(c["sentence"].as_u64().unwrap() < sentences);
            assert!(
                c["why"].as_str().unwrap().contains("cues/reporting.tsv"),
                "{c}"
            );
            if let Some(ct) = c["content"].as_array() {
                assert!(ct[0].as_u64().unwrap() < ct[1].as_u64().unwrap());
                assert!(ct[1].as_u64().unwrap() <= n);
            }
        }
        for e in d["events"].as_array().unwrap() {
            let t = &e["trigger"];
            let (a, b) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
            assert_eq!(t["text"].as_str().unwrap(), cp_slice(body, a, b));
            assert!(e["sentence"].as_u64().unwrap() < sentences);
            assert!(
                e["why"].as_str().unwrap().contains("events/triggers/"),
                "{e}"
            );
            for id in e["claims"].as_array().into_iter().flatten() {
                claim(&d, id.as_str().unwrap());
            }
        }
    }
}

/// With the outlet known, every event is tied to a claim: the outlet's own voice when
/// no named source reports it.
#[test]
fn outlet_voice_holds_unattributed_events() {
    let d = tempfile::tempdir().unwrap();
    let rec = serde_json::json!({
        "id": "a1", "outlet": "Al Arabiya", "published": "2018-03-03",
        "text": "قصفت طائرات حربية بلدة في ريف إدلب. وقال ناشطون إن اشتباكات اندلعت في منطقة سراقب."
    });
    let p = d.path().join("a.jsonl");
    std::fs::write(&p, format!("{rec}\n")).unwrap();
    let out = run(&["extract", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &json_lines(&out.stdout)[0];
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let c = claim(doc, e["claim"].as_str().expect("every event has a claim"));
        assert!(c["voice"] == "outlet" || c["anonymous"] == true, "{c}");
    }
    let voice = &doc["voice"];
    assert_eq!(
        (&voice["id"], &voice["speaker"]["text"], &voice["cue"]),
        (&"C0".into(), &"Al Arabiya".into(), &"".into()),
        "help: the outlet's voice is its own field"
    );
    assert!(
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["voice"].is_null() && c["cue"] != ""),
        "help: every claim has a reporting cue; the outlet's voice is not one of them"
    );
}

/// A user adds a trigger table without recompiling: its rows become events.
#[test]
fn trigger_tables_are_user_data() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("events/triggers")).unwrap();
    std::fs::write(
        d.path().join("events/triggers/mine.tsv"),
        "forms\ttype\tretype\tdetail\nكمين|كمينا\tarmed_clash\t\tambush\n",
    )
    .unwrap();
    let input = d.path().join("a.txt");
    std::fs::write(&input, "نصب مسلحون كمينا لدورية في منطقة الشيخ زويد أمس.").unwrap();
    let out = run(
        &[
            "extract",
            "--lexicons",
            d.path().to_str().unwrap(),
            "--published",
            "2018-03-03",
            input.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &json_lines(&out.stdout)[0];
    let e = &doc["events"][0];
    assert_eq!(e["detail"], "ambush", "{doc}");
    assert!(e["why"]
        .as_str()
        .unwrap()
        .contains("lexicon:events/triggers/mine.tsv:2"));
}

/// On the development corpus (not redistributable; `RASD_SHARED`), every article gets
/// through both stages with valid spans.
#[test]
fn dev_corpus_claims_and_events_are_valid() {
    let Some(p) = shared("corpus/news-dev.jsonl") else {
        return;
    };
    let out = run(&["extract", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    assert!(docs.len() > 700);
    let mut events = 0;
    for d in &docs {
        let n = d["body"].as_str().unwrap().chars().count() as u64;
        for e in d["events"].as_array().unwrap() {
            events += 1;
            assert!(e["trigger"]["end"].as_u64().unwrap() <= n);
            assert!(
                e["claim"].is_string(),
                "help: the outlet is known, so every event has a claim: {e}"
            );
        }
    }
    assert!(events > 500, "{events} events");
}
