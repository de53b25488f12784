//! Claims and events end to end: who says what, and what happened, on the seeds.

use serde_json::Value;

use crate::recognize::{alias_match, fold, fold_en};
use crate::util::*;

fn seeds() -> Vec<Value> {
    let out = run_ok(
        &["extract", repo_path("corpus/seeds.jsonl").to_str().unwrap()],
        None,
    );
    json_lines(&out.stdout)
}

/// Two string fields of every claim, each named by its object and key
/// (`["speaker", "text"]`), `""` where absent.
fn claim_fields<'a>(d: &'a Value, a: [&str; 2], b: [&str; 2]) -> Vec<(&'a str, &'a str)> {
    let field = |c: &'a Value, [o, k]: [&str; 2]| c[o][k].as_str().unwrap_or("");
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (field(c, a), field(c, b)))
        .collect()
}

/// The cue and speaker text of every claim, in order.
fn cue_speakers(d: &Value) -> Vec<(&str, &str)> {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["cue"].as_str().unwrap_or(""),
                c["speaker"]["text"].as_str().unwrap_or(""),
            )
        })
        .collect()
}

/// Whether each claim, in order, is anonymous.
fn anonymous_flags(d: &Value) -> Vec<bool> {
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["anonymous"].as_bool().unwrap_or(false))
        .collect()
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
    let strikes: Vec<&Value> = events_of(d)
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
    let doc = &extract_one(serde_json::json!({
        "id": "a1", "outlet": "Al Arabiya", "published": "2018-03-03",
        "text": "قصفت طائرات حربية بلدة في ريف إدلب. وقال ناشطون إن اشتباكات اندلعت في منطقة سراقب."
    }));
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

/// A war or campaign is an event only with a time of its own, and it is the setting of
/// the incidents told beside it, never one of them.
#[test]
fn wars_are_events_only_when_dated() {
    let d = tempfile::tempdir().unwrap();
    let recs = [
        serde_json::json!({"id": "w1", "published": "2018-06-23",
            "text": "ويشهد إقليم دارفور منذ عام 2003 نزاعا بين القوات السودانية والمتمردين. ووفقا للأمم المتحدة، أوقع النزاع في دارفور حوالى 300 ألف قتيل."}),
        serde_json::json!({"id": "w2", "published": "2018-06-23",
            "text": "ويعاني اللاجئون الفارون من الحرب في سوريا من ظروف صعبة. ودعت المنظمة إلى محاكمة مرتكبي جرائم الحرب."}),
        serde_json::json!({"id": "w4", "published": "2018-07-11",
            "text": "واندلع الصراع المستمر في جنوب السودان بعدما اتهم كير في ديسمبر/كانون الأول 2013 نائبه رياك مشار بالتخطيط لانقلاب."}),
        serde_json::json!({"id": "w3", "published": "2016-07-21",
            "text": "وقالت المنظمة إن العشرات من الأطفال قتلوا في مدينة منبج جراء الصراع والقصف الجوي."}),
    ];
    let p = d.path().join("w.jsonl");
    let lines: Vec<String> = recs.iter().map(|r| r.to_string()).collect();
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    let out = run_ok(&["extract", p.to_str().unwrap()], None);
    let docs = json_lines(&out.stdout);
    let clashes = |d: &Value| -> Vec<Value> {
        events_of(d)
            .iter()
            .filter(|e| e["type"] == "armed_clash")
            .cloned()
            .collect()
    };
    let w1 = clashes(&docs[0]);
    assert_eq!(w1.len(), 1, "help: one dated conflict, told twice: {w1:?}");
    assert_eq!(w1[0]["time"]["value"], "2003");
    assert_eq!(w1[0]["fatalities"]["value"], 300000.0);
    assert!(w1[0]["why"]
        .as_str()
        .unwrap()
        .contains("events/triggers/battles.tsv"));
    assert!(
        clashes(&docs[1]).is_empty(),
        "help: an undated war and war crimes are no event: {}",
        docs[1]["events"]
    );
    let w4 = clashes(&docs[2]);
    assert_eq!(
        (w4.len(), &w4[0]["time"]["value"]),
        (1, &"2013-12".into()),
        "help: a war that broke out is dated by its clause: {w4:?}"
    );
    let w3 = &docs[3]["events"];
    assert!(
        w3.as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "air_drone_strike" && e["fatalities"]["approx"] == "dozens"),
        "help: the strike keeps its toll beside the war word: {w3}"
    );
}

/// `لقي مصرعه` is one death; deaths told alone at a front are a battle's, placed at the
/// front and not at the landmark a direction names (`نهم شرق العاصمة صنعاء`).
#[test]
fn one_death_at_a_front_is_a_battle_there() {
    let doc = &extract_one(serde_json::json!({"id": "f1", "published": "2018-03-03",
        "text": "وشيعت الجماعة القيادي الميداني يحيى الرزامي، الذي لقي مصرعه في جبهة نهم شرق العاصمة صنعاء."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    let e = &events[0];
    assert_eq!(e["type"], "armed_clash", "help: {e}");
    assert_eq!(e["place"], "nihm-ye", "help: {e}");
    assert_eq!(e["fatalities"]["value"], 1.0, "help: {e}");
    assert!(e["why"].as_str().unwrap().contains("events/casualties.tsv"));
}

/// Clashes told as earlier than the news (`وفي وقت سابق من هذا الشهر`) are another
/// incident than the undated raid the article leads with, though at its place.
#[test]
fn an_earlier_incident_at_the_same_place_stays_apart() {
    let doc = &extract_one(serde_json::json!({"id": "e1", "published": "2018-09-10",
        "text": "اقتحمت مجموعة مسلحة مقر المؤسسة الوطنية للنفط في العاصمة الليبية طرابلس.\nوقال مسؤول أمني إن اثنين من العاملين قتلوا في الهجوم.\nوخلال الأسبوع الماضي، أعلنت الأمم المتحدة أنه تم الاتفاق على هدنة.\nوفي وقت سابق من هذا الشهر، اندلعت اشتباكات بين الجماعات المسلحة في طرابلس."}));
    let violent: Vec<&Value> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["place"] == "tripoli-ly")
        .collect();
    assert_eq!(violent.len(), 2, "help: {violent:?}");
    assert!(violent[0]["time"].is_null(), "help: {}", violent[0]);
    assert_eq!(
        violent[1]["time"]["value"], "2018-09",
        "help: {}",
        violent[1]
    );
}

/// Civilians killed in attacks carried out by forces (`مدنيا قتلوا نتيجة هجمات شنتها
/// القوات الحكومية`): the forces are the doers, not the targets, and the attacks are on
/// civilians.
#[test]
fn civilians_killed_in_attacks_by_forces_are_attacked() {
    let doc = &extract_one(serde_json::json!({"id": "a1", "published": "2018-02-26",
        "text": "وقال المرصد إن نحو 30 مدنيا قتلوا نتيجة هجمات شنتها القوات الحكومية في الغوطة الشرقية."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    let e = &events[0];
    assert_eq!(e["type"], "attack", "help: {e}");
    assert_eq!(e["fatalities"]["value"], 30, "help: {e}");
    assert!(
        e["why"]
            .as_str()
            .unwrap()
            .contains("events/civilian-target"),
        "help: {e}"
    );
}

/// Deaths told for both sides (`X من ... مقابل Y من ...`) make one toll, their sum.
#[test]
fn a_toll_told_for_both_sides_is_their_sum() {
    let doc = &extract_one(serde_json::json!({"id": "v1", "published": "2018-03-03",
        "text": "واندلعت اشتباكات عنيفة في عفرين، وقتل 252 من الفصائل الموالية لأنقرة مقابل 281 من المقاتلين الأكراد."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(events[0]["fatalities"]["value"], 533, "help: {}", events[0]);
    assert_eq!(
        events[0]["fatalities"]["approx"], "exact",
        "help: {}",
        events[0]
    );
}

/// A court's death sentence is a sanction, not a killing, even a few words after the
/// verb (`قضت محكمة عسكرية غيابيا بإعدام`).
#[test]
fn a_death_sentence_is_no_killing() {
    let doc = &extract_one(serde_json::json!({"id": "s1", "published": "2018-10-08",
        "text": "وقضت محكمة عسكرية في بنغازي غيابيا بإعدام القيادي في التنظيم."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events.iter().all(|e| e["type"] != "attack"),
        "help: {events:?}"
    );
}

/// Deaths told in a protest's clause make it excessive force against protesters
/// (ACLED), with the toll; a war told beside a protest takes the war's toll.
#[test]
fn deaths_at_a_protest_are_excessive_force() {
    let doc = &extract_one(serde_json::json!({"id": "p1", "published": "2018-02-19",
        "text": "وقالت منظمات حقوقية إن عشرات الأشخاص قتلوا، حينما قمعت قوات الأمن احتجاجات في مدينة الأبيض."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    let e = &events[0];
    assert_eq!(e["type"], "excessive_force_against_protesters", "help: {e}");
    assert_eq!(e["fatalities"]["approx"], "dozens", "help: {e}");
    assert!(e["why"].as_str().unwrap().contains("events/protest-deaths"));
    let doc = &extract_one(serde_json::json!({"id": "p2", "published": "2018-03-15",
        "text": "فمن مظاهرات شعبية سلمية في درعا عام 2011، تحول الوضع إلى حرب خلفت أكثر من 350 ألف قتيل."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| e["type"] != "excessive_force_against_protesters"),
        "help: {events:?}"
    );
}

/// `سقوط` counts only a number after it: `سقوط القذافي` is a fall from power, not a death.
#[test]
fn a_leaders_fall_is_no_death() {
    let doc = &extract_one(serde_json::json!({"id": "q1", "published": "2015-06-01",
        "text": "وتشهد مدينة بنغازي معارك عنيفة منذ سقوط معمر القذافي."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events.iter().all(|e| e["fatalities"].is_null()),
        "help: {events:?}"
    );
    let doc = &extract_one(serde_json::json!({"id": "q2", "published": "2015-06-01",
        "text": "وأسفرت الغارة على مدينة درنة عن سقوط 12 قتيلا."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(events[0]["fatalities"]["value"], 12, "help: {events:?}");
}

/// Attacks told in the plural without the article (`قتل المئات في هجمات`) are many
/// incidents at once: they are not merged into the article's one specific incident.
#[test]
fn indefinite_plural_attacks_stay_apart() {
    let doc = &extract_one(serde_json::json!({"id": "h1", "published": "2018-10-08",
        "text": "وقضت محكمة غيابيا بإعدام القيادي إثر إدانته بالهجوم على كمين الفرافرة في صحراء مصر الغربية والذي أسفر عن قتل نحو 30 جنديا.\nوقتل المئات من أفراد الجيش والشرطة في هجمات، أعلن مسلحون مسؤوليتهم عن كثير منها."}));
    let events = doc["events"].as_array().unwrap();
    let tolls: Vec<&str> = events
        .iter()
        .filter_map(|e| e["fatalities"]["approx"].as_str())
        .collect();
    assert_eq!(tolls, ["about", "hundreds"], "help: {events:?}");
}

/// The doer after ل may stand past a time (`في غارة جوية الأسبوع الماضي لقوات التحالف`):
/// it is the doer, not a target, and the strike is the one told with its day.
#[test]
fn a_doer_after_a_time_is_the_doer() {
    let doc = &extract_one(serde_json::json!({"id": "d1", "published": "2018-04-23",
        "text": "قتل القيادي في غارة جوية الأسبوع الماضي لقوات التحالف الذي تقوده السعودية، كما أعلن الحوثيون.\nوكانت الغارة وقعت ظهر الخميس 19 نيسان/أبريل على محافظة الحديدة في غرب اليمن."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    let e = &events[0];
    assert_eq!(
        e["actors"],
        serde_json::json!(["saudi-coalition"]),
        "help: {e}"
    );
    assert_eq!(e["targets"], serde_json::json!([]), "help: {e}");
}

/// In a relative clause a preposition with the relative's pronoun stands between the verb
/// and its subject (`الذي أكدت فيه مصادر صحفية أن`): the subject speaks; without a
/// complementizer the clause tells no statement (`التظاهرة التي دعت إليها منظمات`), and
/// the subject after the pronoun is the event's doer (`الذي دعا إليه مجلس الأمن`).
#[test]
fn a_pronoun_of_the_relative_before_the_subject() {
    let doc = &extract_one(serde_json::json!({"id": "r1", "published": "2018-02-26",
        "text": "في الوقت الذي أكدت فيه مصادر صحفية أن سقوط القاعدة مسألة وقت."}));
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "help: {claims:?}");
    assert_eq!(claims[0]["anonymous"], true, "help: {claims:?}");
    let doc = &extract_one(serde_json::json!({"id": "r2", "published": "2018-02-26",
        "text": "وواكب عدد كبير من عناصر الأمن التظاهرة التي دعت إليها منظمات غير حكومية في المدينة."}));
    assert_eq!(
        doc["claims"],
        serde_json::json!([]),
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "r3", "published": "2018-02-26",
        "text": "وقال لافروف إن وقف إطلاق النار، الذي دعا إليه مجلس الأمن الدولي، سيبدأ قريبا."}));
    let speakers: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["speaker"]["text"].as_str())
        .collect();
    assert_eq!(speakers, ["لافروف"], "help: {}", doc["claims"]);
    let events = doc["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["type"] == "request" && e["actors"] == serde_json::json!(["unsc"])),
        "help: {events:?}"
    );
}

/// A vague count back (`منذ نحو أسبوعين`) is a time of the article, the week counted
/// back, but it dates no event.
#[test]
fn a_vague_count_back_dates_no_event() {
    let doc = &extract_one(serde_json::json!({"id": "t1", "published": "2018-03-03",
        "text": "وتدور معارك عنيفة في مدينة درنة منذ نحو أسبوعين."}));
    assert_eq!(
        doc["times"][0]["value"], "2018-02-12",
        "help: {}",
        doc["times"]
    );
    assert_eq!(doc["times"][0]["grain"], "week", "help: {}", doc["times"]);
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert!(events[0]["time"].is_null(), "help: {events:?}");
}

/// A part of a year is the year, with the part's months in `part`; a day and month a few
/// days after the publication are the coming ones.
#[test]
fn parts_of_a_period_and_coming_days() {
    let doc = &extract_one(serde_json::json!({"id": "t2", "published": "2018-04-30",
        "text": "وخرجت تظاهرات مماثلة في أواخر العام 2016، وتجري الانتخابات بعد أيام في السادس من أيار/ مايو."}));
    let times = doc["times"].as_array().unwrap();
    assert_eq!(times.len(), 2, "help: {times:?}");
    assert_eq!(times[0]["value"], "2016", "help: {times:?}");
    assert_eq!(times[0]["grain"], "year", "help: {times:?}");
    assert_eq!(
        times[0]["part"],
        serde_json::json!({"value": "2016-09", "grain": "month", "to": "2017-01"}),
        "help: {times:?}"
    );
    assert_eq!(times[1]["value"], "2018-05-06", "help: {times:?}");
}

/// A defence team (`هيئة الدفاع عنها`) is an unnamed source.
#[test]
fn a_defence_team_is_anonymous() {
    let doc = &extract_one(serde_json::json!({"id": "a2", "published": "2018-06-13",
        "text": "وطالبت هيئة الدفاع عنها باستئناف المحاكمة، مشيرة إلى أن الحكم جائر."}));
    assert_eq!(
        anonymous_flags(doc),
        [true, true],
        "help: {}",
        doc["claims"]
    );
}

/// An indefinite spokesman a nationality describes (`متحدث عسكري ليبي`) holds no named
/// office: anonymous, of the state; `متحدث باسم الجيش الليبي` is the army's.
#[test]
fn an_unnamed_spokesman_is_anonymous() {
    let doc = &extract_one(serde_json::json!({"id": "s1", "published": "2018-10-08",
        "text": "وذلك حسبما قال متحدث عسكري ليبي. وقال متحدث باسم الجيش الليبي إن القوات تقدمت."}));
    assert_eq!(
        anonymous_flags(doc),
        [true, false],
        "help: {}",
        doc["claims"]
    );
    assert_eq!(
        doc["claims"][0]["speaker"]["of"], "libya",
        "help: {}",
        doc["claims"]
    );
}

/// The doer right after a verb (`قصفت قوات النظام`) is no target of it, and a verbal
/// noun's object (`القبض على عشماوي`) is no doer.
#[test]
fn a_doer_is_not_its_own_target() {
    let doc = &extract_one(serde_json::json!({"id": "d1", "published": "2018-10-08",
        "text": "قصفت قوات النظام مدينة دوما. وتم القبض على هشام عشماوي في مدينة درنة."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "help: {events:?}");
    assert_eq!(
        events[0]["actors"],
        serde_json::json!(["قوات النظام"]),
        "help: {events:?}"
    );
    assert_eq!(
        events[0]["targets"],
        serde_json::json!([]),
        "help: {events:?}"
    );
    assert_eq!(events[1]["type"], "arrests", "help: {events:?}");
    assert_eq!(
        events[1]["actors"],
        serde_json::json!([]),
        "help: {events:?}"
    );
    assert_eq!(
        events[1]["targets"],
        serde_json::json!(["hisham-ashmawi"]),
        "help: {events:?}"
    );
}

/// A weapon right after the trigger, then its owner: the owner did it (`ضربت مدفعية
/// التحالف العربي`).
#[test]
fn a_weapons_owner_after_the_trigger_is_the_doer() {
    let doc = &extract_one(serde_json::json!({"id": "w1", "published": "2018-06-24",
        "text": "ضربت مدفعية التحالف العربي مواقع الميليشيات في مدينة الحديدة."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(
        events[0]["type"], "shelling_artillery_missile_attack",
        "help: {events:?}"
    );
    assert_eq!(
        events[0]["actors"],
        serde_json::json!(["saudi-coalition"]),
        "help: {events:?}"
    );
}

/// A body a fact is credited to (`وفقاً للمرصد`) does not go on to speak in quotation
/// marks: `وأضاف: "لا أعتقد"` continues the person who spoke before it, even three
/// sentences back.
#[test]
fn a_quote_after_according_to_is_the_last_persons() {
    let doc = &extract_one(serde_json::json!({"id": "q1", "published": "2018-05-11",
        "text": "وقال وزير الدفاع الإسرائيلي أفيغدور ليبرمان إن على الأسد طرد الإيرانيين. وأطلقت القوات الإيرانية نحو عشرين صاروخا باتجاه الجولان. وأتت الغارات بعد ذلك بيومين. وقتل تسعة مقاتلين في قصف صاروخي على الكسوة، وفقاً للمرصد السوري لحقوق الإنسان. وأضاف: \"لا أعتقد أن كل شيء انتهى\"."}));
    let claims = doc["claims"].as_array().unwrap();
    let added = claims
        .iter()
        .find(|c| c["cue"] == "أضاف")
        .expect("a claim of أضاف");
    assert_eq!(
        added["speaker"]["ref"], "avigdor-liberman",
        "help: {claims:?}"
    );
}

/// Of triggers joined by و before a toll (`أسفر القصف الجوي والمعارك عن سقوط عشرة قتلى`),
/// the first, the head of the phrase, takes it.
#[test]
fn the_first_of_joined_triggers_takes_the_toll() {
    let doc = &extract_one(serde_json::json!({"id": "t1", "published": "2018-07-02",
        "text": "وأسفر القصف الجوي والمعارك الجارية في منطقة طفس عن سقوط عشرة قتلى في صفوف الفصائل المسلحة."}));
    let events = doc["events"].as_array().unwrap();
    let strike = events
        .iter()
        .find(|e| e["type"] == "air_drone_strike")
        .expect("an air strike");
    assert_eq!(strike["fatalities"]["value"], 10, "help: {events:?}");
}

/// A lone word that begins exactly one longer person name is that person's given name
/// (`زينب` after `زينب أحمد`): the claims share the person's ref.
#[test]
fn a_lone_given_name_is_the_person_named_in_full() {
    let doc = &extract_one(serde_json::json!({"id": "g1", "published": "2018-06-13",
        "text": "وتقول أم نورا، زينب أحمد، لبي بي سي: \"كانت في صحة جيدة\". وقالت زينب إنها لم تكن لديها مشكلة مع زواج ابنتها."}));
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "help: {claims:?}");
    assert_eq!(
        claims[0]["speaker"]["text"], "زينب أحمد",
        "help: {claims:?}"
    );
    assert_eq!(claims[1]["speaker"]["text"], "زينب", "help: {claims:?}");
    assert_eq!(
        claims[0]["speaker"]["ref"], claims[1]["speaker"]["ref"],
        "help: {claims:?}"
    );
}

/// A service or directorate no lexicon names speaks by its whole phrase (`جهاز الإسعاف
/// والطوارئ`, `مديرية الصحة`), not by its head word.
#[test]
fn an_unnamed_service_speaks_by_its_whole_name() {
    let doc = &extract_one(serde_json::json!({"id": "j1", "published": "2019-10-14",
        "text": "قتل ثلاثة مدنيين في قصف صاروخي استهدف حي أبوسليم بطرابلس، حسب ما أفاد جهاز الإسعاف والطوارئ."}));
    assert_eq!(
        cue_speakers(doc),
        [("أفاد", "جهاز الإسعاف والطوارئ")],
        "help: {}",
        doc["claims"]
    );
}

/// A dual trigger (`غارتين`, `تفجيرين`) is an event word like its singular.
#[test]
fn dual_triggers_are_events() {
    let doc = &extract_one(serde_json::json!({"id": "u1", "published": "2019-12-10",
        "text": "وشن طيران حفتر غارتين على منطقة السواني جنوب طرابلس، دون وقوع إصابات."}));
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(events[0]["type"], "air_drone_strike", "help: {events:?}");
    assert_eq!(events[0]["place"], "sawani-ly", "help: {events:?}");
}

/// A time after a phrase that reports no event (`رغم وقف إطلاق نار أعلنته الخرطوم في
/// مارس`) is that phrase's, not the fighting's.
#[test]
fn a_ceasefire_time_is_not_the_fighting_time() {
    let doc = &extract_one(serde_json::json!({"id": "t1", "published": "2018-06-23",
        "text": "ونزح مئات المدنيين من منطقة جبل مرة حيث تستمر معارك بين القوات الحكومية والجماعات المتمردة رغم وقف إطلاق نار أحادي أعلنته الخرطوم في مارس."}));
    let clashes: Vec<&Value> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "armed_clash")
        .collect();
    assert_eq!(clashes.len(), 1, "help: {clashes:?}");
    assert!(clashes[0]["time"].is_null(), "help: {}", clashes[0]);
}

/// Past a comma, a time inside a relative clause on another noun dates that noun
/// (`عمليات التفجير التي شهدها لبنان في السنوات الماضية`), not the event; a comma that
/// closes the relative clause gives the time back to the main clause.
#[test]
fn a_time_in_another_nouns_relative_clause_is_not_the_events() {
    let doc = &extract_one(serde_json::json!({"id": "r1", "published": "2013-12-29",
        "text": "اغتيل في بيروت قبل يومين الوزير السابق محمد شطح في عملية تفجير سيارة مفخخة، تقارب الكثير من عمليات التفجير التي شهدها لبنان في السنوات الثماني الماضية."}));
    let events = doc["events"].as_array().unwrap();
    let first = events
        .iter()
        .find(|e| e["sentence"] == 0 && e["trigger"]["start"] == 0)
        .unwrap_or_else(|| panic!("help: {events:?}"));
    assert_eq!(
        first["type"], "remote_explosive_landmine_ied",
        "help: {events:?}"
    );
    assert_eq!(first["time"]["value"], "2013-12-27", "help: {events:?}");
    let doc = &extract_one(serde_json::json!({"id": "r2", "published": "2018-04-29",
        "text": "استعادت قوات سوريا الديمقراطية، المدعومة من قبل أمريكا، القرى التي سيطر عليها النظام السوري لفترة قصيرة، الأحد، شرقي نهر الفرات."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["type"] == "government_regains_territory"
                && e["time"]["value"] == "2018-04-29"),
        "help: {events:?}"
    );
}

/// What a call asks for (`دعا X إلى "طرد الإيرانيين"، وطرد ...`) is a request, not a
/// territory regained.
#[test]
fn what_a_call_asks_for_is_no_event() {
    let doc = &extract_one(serde_json::json!({"id": "c1", "published": "2018-05-11",
        "text": "دعا وزير الدفاع الإسرائيلي، أفيغدور ليبرمان، الجمعة، رئيس النظام السوري، بشار الأسد، إلى \"طرد الإيرانيين\" من سوريا، وطرد قاسم سليماني وفيلق القدس من سوريا."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| e["type"] != "government_regains_territory"),
        "help: {events:?}"
    );
    assert!(
        events.iter().any(|e| e["type"] == "request"),
        "help: the call itself is the event: {events:?}"
    );
}

/// Inside a quotation a verb is the quoted speaker's own word (`لأن أميركا تكذب`): it
/// is a claim only with a complementizer, colon or quote of its own.
#[test]
fn verbs_inside_a_quotation_are_the_quoted_words() {
    let doc = &extract_one(serde_json::json!({"id": "q1", "published": "2018-09-02",
        "text": "وقال نائب الأمين العام لحزب الله نعيم قاسم: \"يجب أن يعيدوا النظر في هذه العلاقة، لأن أميركا تكذب، وهي الشيطان الأكبر\"."}));
    let claims = doc["claims"].as_array().unwrap();
    let cues: Vec<&str> = claims.iter().map(|c| c["cue"].as_str().unwrap()).collect();
    assert_eq!(cues, ["قال"], "help: {claims:?}");
    assert_eq!(claims[0]["speaker"]["text"], "نعيم قاسم");
}

/// A rank between a title and the name continues the speaker: the claim is the
/// person's, with the title as role.
#[test]
fn a_rank_before_the_name_continues_the_speaker() {
    let doc = &extract_one(serde_json::json!({"id": "r1", "published": "2018-06-29",
        "text": "أعلن القائد العسكري الليبي المشير خليفة حفتر مساء الخميس أن قواته حررت مدينة درنة."}));
    let c = &doc["claims"][0];
    assert_eq!(c["cue"], "أعلن", "help: {c}");
    assert_eq!(c["speaker"]["ref"], "khalifa-haftar", "help: {c}");
}

/// A participle with no claim before it in its sentence speaks for its clause's
/// subject, not for the nearest noun before it.
#[test]
fn a_participle_speaks_for_its_clause_subject() {
    let doc = &extract_one(serde_json::json!({"id": "p1", "published": "2018-07-11",
        "text": "واندلعت الحرب عندما أقال الرئيس سالفا كير، نائبه رياك مشار، متهما إياه بالتخطيط لانقلاب."}));
    let c = &doc["claims"][0];
    assert_eq!(c["cue"], "متهما", "help: {c}");
    assert_eq!(c["speaker"]["ref"], "salva-kiir", "help: {c}");
}

/// After a place, `بالقرب من X` names a landmark: the battle is in the place.
#[test]
fn a_place_near_a_landmark_is_the_place() {
    let doc = &extract_one(serde_json::json!({"id": "n1", "published": "2018-03-03",
        "text": "وتقدمت قوات النظام داخل الغوطة الشرقية المحاصرة بالقرب من دمشق بعد معارك عنيفة خاضتها ضد فصيل جيش الإسلام."}));
    let e = &doc["events"][0];
    assert_eq!(
        (&e["type"], &e["place"]),
        (&"armed_clash".into(), &"eastern-ghouta-sy".into()),
        "help: {e}"
    );
}

/// Clashes told with a protest are the protest's breaking up, not a battle.
#[test]
fn clashes_at_a_protest_are_no_battle() {
    let doc = &extract_one(serde_json::json!({"id": "pr1", "published": "2018-02-27",
        "text": "وجاءت تنحية عطا بعد مواجهات بين أجهزة الأمن والمشاركين في احتجاجات شعبية شهدتها الخرطوم في يناير الماضي."}));
    let events = doc["events"].as_array().unwrap();
    assert!(
        events.iter().all(|e| e["type"] != "armed_clash"),
        "help: {events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e["type"] == "protest_with_intervention"
                && e["why"]
                    .as_str()
                    .unwrap()
                    .contains("events/clash-at-a-protest")),
        "help: {events:?}"
    );
}

/// Every event place has a record with a country and coordinates: a place no lexicon
/// holds is located at the known place of its sentence; one that cannot be located is
/// left out.
#[test]
fn every_event_place_is_located() {
    let doc = &extract_one(serde_json::json!({"id": "l1", "published": "2018-04-07",
        "text": "وقتل خمسة مدنيين في قصف مدفعي على منطقة المزارع والمخازن قرب مدينة صعدة."}));
    let e = &doc["events"][0];
    let r = &doc["refs"][e["place"].as_str().expect("a place")];
    assert_eq!(r["name"], "المزارع والمخازن", "help: {r}");
    assert_eq!(r["country"], "YE", "help: {r}");
    assert!(r["lat"].is_f64() && r["lon"].is_f64(), "help: {r}");
    assert_eq!(
        (&r["extra"]["precision"], &r["extra"]["near"]),
        (&"near".into(), &"saada-ye".into())
    );
    let doc = &extract_one(serde_json::json!({"id": "l2", "published": "2018-04-07",
        "text": "وقتل خمسة مدنيين في قصف مدفعي على منطقة المزارع والمخازن."}));
    assert!(
        doc["events"][0]["place"].is_null(),
        "help: {}",
        doc["events"]
    );
}

/// A user adds a trigger table without recompiling: its rows become events.
#[test]
fn trigger_tables_are_user_data() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(d.path().join("events/triggers")).unwrap();
    std::fs::write(
        d.path().join("events/triggers/mine.tsv"),
        "forms\ttype\tretype\tdetail\nقنص|قنصت|قنصوا\tattack\t\tsniping\n",
    )
    .unwrap();
    let input = d.path().join("a.txt");
    std::fs::write(&input, "قنص مسلحون مدنيا في منطقة الشيخ زويد أمس.").unwrap();
    let out = run_ok(
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
    let doc = &json_lines(&out.stdout)[0];
    let e = &doc["events"][0];
    assert_eq!(e["detail"], "sniping", "{doc}");
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
    let out = run_ok(&["extract", p.to_str().unwrap()], None);
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
            if let Some(p) = e["place"].as_str() {
                let r = &d["refs"][p];
                assert!(
                    r["country"].is_string() && r["lat"].is_f64() && r["lon"].is_f64(),
                    "help: every event place is a located record: {p} {r}"
                );
            }
        }
    }
    assert!(events > 500, "{events} events");
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect()
}

/// Whether the system's `ref` names the gold's `name_en` or one of its aliases, as
/// `gold/score.py` decides it: the record's English name (or a plain-ASCII ref), the
/// entity mentions pointing to it, its Arabic names and aliases.
fn ref_matches(sys: &Value, r: &str, name_en: &str, aliases: &[String]) -> bool {
    let rec = &sys["refs"][r];
    let mut names: Vec<String> = sys["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["ref"] == r)
        .filter_map(|e| e["text"].as_str().map(str::to_string))
        .collect();
    for k in ["name", "name_ar"] {
        names.extend(rec[k].as_str().map(str::to_string));
    }
    names.extend(strings(&rec["aliases"]));
    if rec.is_null() {
        names.push(r.to_string());
    }
    let plain = r
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-".contains(c));
    let en = rec["name_en"].as_str().map(fold_en).unwrap_or_else(|| {
        if plain {
            fold_en(r)
        } else {
            String::new()
        }
    });
    (!en.is_empty() && !name_en.is_empty() && en == fold_en(name_en))
        || names.iter().any(|n| alias_match(n, aliases))
}

/// Claim (tp, fp, fn) of one article as `gold/score.py` counts them: the same cue word
/// and a matching speaker (or both anonymous), each system claim used once.
fn claim_counts(gold: &Value, sys: &Value) -> (usize, usize, usize) {
    let golds = gold["claims"].as_array().cloned().unwrap_or_default();
    let syss = sys["claims"].as_array().cloned().unwrap_or_default();
    let ok = |g: &Value, s: &Value| {
        let (gc, sc) = (
            g["cue"].as_str().unwrap_or(""),
            s["cue"].as_str().unwrap_or(""),
        );
        if fold(gc) != fold(sc) && !alias_match(sc, &[gc.to_string()]) {
            return false;
        }
        if g["anonymous"] == true {
            return s["anonymous"] == true;
        }
        let speaker = g["speaker"].as_str().unwrap_or("");
        let mut aliases = strings(&g["aliases"]);
        let sp = &s["speaker"];
        if let Some(r) = sp["ref"].as_str() {
            if ref_matches(sys, r, speaker, &aliases) {
                return true;
            }
        }
        aliases.push(speaker.to_string());
        alias_match(sp["text"].as_str().unwrap_or(""), &aliases)
    };
    greedy(&golds, &syss, ok)
}

/// ACLED event types of the violent families (battles, remote violence, violence
/// against civilians, riots) by family, as `gold/score.py` groups them.
const VIOLENT: &[(&str, &[&str])] = &[
    (
        "battles",
        &[
            "armed_clash",
            "government_regains_territory",
            "non_state_actor_overtakes_territory",
        ],
    ),
    (
        "remote",
        &[
            "chemical_weapon",
            "air_drone_strike",
            "suicide_bomb",
            "shelling_artillery_missile_attack",
            "remote_explosive_landmine_ied",
            "grenade",
        ],
    ),
    (
        "vac",
        &[
            "sexual_violence",
            "attack",
            "abduction_forced_disappearance",
        ],
    ),
    ("riots", &["violent_demonstration", "mob_violence"]),
];

fn violent_family(t: &str) -> Option<&'static str> {
    VIOLENT
        .iter()
        .find(|(_, ts)| ts.contains(&t))
        .map(|(f, _)| *f)
}

/// Violent-event (tp, fp, fn) of one article, lenient as `gold/score.py` counts them:
/// the same family, a compatible place (the same, or either unknown) and time (one a
/// prefix of the other, or either unknown).
fn violent_counts(gold: &Value, sys: &Value) -> (usize, usize, usize) {
    let pick = |d: &Value| -> Vec<Value> {
        d["events"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| violent_family(e["type"].as_str().unwrap_or("")).is_some())
            .cloned()
            .collect()
    };
    let (golds, syss) = (pick(gold), pick(sys));
    let ok = |g: &Value, s: &Value| {
        let fam = |e: &Value| violent_family(e["type"].as_str().unwrap_or(""));
        if fam(g) != fam(s) {
            return false;
        }
        let place = match (g["place"].as_str(), s["place"].as_str()) {
            (Some(gp), Some(sp)) => {
                let mut aliases = strings(&g["place_aliases"]);
                aliases.push(gp.to_string());
                ref_matches(sys, sp, gp, &aliases)
            }
            _ => true,
        };
        let st = s["time"]["value"].as_str().or(s["time"].as_str());
        let time = match (g["time"].as_str(), st) {
            (Some(a), Some(b)) => a.starts_with(b) || b.starts_with(a),
            _ => true,
        };
        place && time
    };
    greedy(&golds, &syss, ok)
}

/// Greedy one-to-one matching in gold order: (tp, fp, fn).
fn greedy(
    golds: &[Value],
    syss: &[Value],
    ok: impl Fn(&Value, &Value) -> bool,
) -> (usize, usize, usize) {
    let mut used = vec![false; syss.len()];
    let mut tp = 0;
    for g in golds {
        if let Some(i) = (0..syss.len()).find(|&i| !used[i] && ok(g, &syss[i])) {
            used[i] = true;
            tp += 1;
        }
    }
    (tp, syss.len() - tp, golds.len() - tp)
}

fn f1((tp, fp, fn_): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(f64::EPSILON))
}

/// Precision, recall and F1.
type Prf = (f64, f64, f64);

/// Claim and violent-event scores over a gold set, as `gold/score.py` counts them,
/// printed under `label`.
fn claims_and_violent(pairs: &[(Value, Value)], label: &str) -> (Prf, Prf) {
    let sum = |f: &dyn Fn(&Value, &Value) -> (usize, usize, usize)| {
        pairs.iter().fold((0, 0, 0), |acc, (g, s)| {
            let c = f(g, s);
            (acc.0 + c.0, acc.1 + c.1, acc.2 + c.2)
        })
    };
    let claims = sum(&claim_counts);
    let violent = sum(&violent_counts);
    let (c, v) = (f1(claims), f1(violent));
    eprintln!(
        "{label} claims: P {:.3} R {:.3} F1 {:.3} {claims:?}",
        c.0, c.1, c.2
    );
    eprintln!(
        "{label} violent events: P {:.3} R {:.3} F1 {:.3} {violent:?}",
        v.0, v.1, v.2
    );
    (c, v)
}

/// Claims and violent events on the 12 independently annotated development articles
/// (other outlets, years and countries than the seeds): floors on generalisation, scored
/// as `gold/score.py` scores them.
#[test]
fn claims_and_violent_events_on_the_development_articles() {
    let Some(pairs) = devgold_pairs() else {
        return;
    };
    let ((cp, cr, cf), (vp, vr, vf)) = claims_and_violent(&pairs, "dev");
    assert!(
        cf >= 0.84,
        "help: claim F1 on the dev articles fell to {cf:.3} (P {cp:.3}, R {cr:.3})"
    );
    assert!(
        vf >= 0.69,
        "help: violent-event F1 on the dev articles fell to {vf:.3} (P {vp:.3}, R {vr:.3})"
    );
}

/// Claims and violent events on the third development set (`tests/devgold-c/`: Sudan,
/// South Sudan, Syria, Yemen; chosen by a fixed rule, annotated before rasd was run on
/// them): floors on generalisation.
#[test]
fn claims_and_violent_events_on_the_third_development_set() {
    let Some(pairs) = gold_pairs("tests/devgold-c/news-dev-c-12.jsonl") else {
        return;
    };
    let ((cp, cr, cf), (vp, vr, vf)) = claims_and_violent(&pairs, "devgold-c");
    assert!(
        cf >= 0.86,
        "help: claim F1 on devgold-c fell to {cf:.3} (P {cp:.3}, R {cr:.3})"
    );
    assert!(
        vf >= 0.64,
        "help: violent-event F1 on devgold-c fell to {vf:.3} (P {vp:.3}, R {vr:.3})"
    );
}

/// The later development sets (`tests/devgold-d`, `-e`, `-f`, `-h`: other outlets and
/// countries, `-e` weighted to attribution, `-f` to casualty tolls, `-h` to articles with
/// both a reporting cue and a violence word): floors a little under the figures of the
/// stop that added them.
#[test]
fn claims_and_violent_events_on_the_later_development_sets() {
    for (rel, label, claims, violent) in [
        (
            "tests/devgold-d/news-dev-d-12.jsonl",
            "devgold-d",
            0.78,
            0.58,
        ),
        (
            "tests/devgold-e/news-dev-e-12.jsonl",
            "devgold-e",
            0.80,
            0.62,
        ),
        (
            "tests/devgold-f/news-dev-f-12.jsonl",
            "devgold-f",
            0.78,
            0.60,
        ),
        (
            "tests/devgold-h/news-dev-h-12.jsonl",
            "devgold-h",
            0.70,
            0.52,
        ),
    ] {
        let Some(pairs) = gold_pairs(rel) else {
            return;
        };
        let ((cp, cr, cf), (vp, vr, vf)) = claims_and_violent(&pairs, label);
        assert!(
            cf >= claims,
            "help: claim F1 on {label} fell to {cf:.3} (P {cp:.3}, R {cr:.3})"
        );
        assert!(
            vf >= violent,
            "help: violent-event F1 on {label} fell to {vf:.3} (P {vp:.3}, R {vr:.3})"
        );
    }
}

/// Whom a spokesman, an adviser or a relative speaks for is not the speaker: the speaker
/// is the phrase, with the principal in `of`; an outlet after the phrase is the `via`;
/// a foreign surname the segmenter would split and a surname standing alone still name
/// their person; a title in apposition after a name leaves the name as the subject.
#[test]
fn principals_outlets_and_surnames_in_speakers() {
    let text = "وقال متحدث باسم ميركل إن الحكومة لن تتدخل. \
                وقال مستشار الرئيس ترامب إن العقوبات ستستمر. \
                وقال المتحدث باسم الوزارة لوكالة فرانس برس إن الحافلة كانت تحمل مقاتلين. \
                وقال والد سلمان العبيدي إن ابنه بريء. \
                وقال آلان بوزويل الباحث في شؤون السودان إن الاتفاق هش. \
                وقالت المحامية راشيل ليندون إن القضية مهمة. \
                وأكدت المحامية ليندون أن الأدلة كافية. \
                لكن خليفة حفتر، القائد العام للجيش الوطني، قال إن القوات تتقدم.";
    let d = extract_one(serde_json::json!({"id": "p", "published": "2018-05-01", "text": text}));
    let claims = d["claims"].as_array().unwrap();
    let got: Vec<(&str, &str, &str, &str)> = claims
        .iter()
        .map(|c| {
            let s = &c["speaker"];
            (
                s["text"].as_str().unwrap_or(""),
                s["ref"].as_str().unwrap_or(""),
                s["of"].as_str().unwrap_or(""),
                c["via"]["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let want = [
        ("متحدث باسم ميركل", "angela-merkel", "angela-merkel", ""),
        ("مستشار الرئيس ترامب", "", "donald-trump", ""),
        ("المتحدث باسم الوزارة", "", "", "فرانس برس"),
    ];
    assert_eq!(&got[..3], &want[..], "help: {got:?}");
    assert_eq!(got[3].0, "والد سلمان العبيدي", "help: {got:?}");
    assert!(
        !got[3].2.is_empty(),
        "help: the son is the principal: {got:?}"
    );
    assert_eq!(got[4].0, "آلان بوزويل", "help: {got:?}");
    assert_eq!(got[5].0, "راشيل ليندون", "help: {got:?}");
    assert_eq!(
        (got[6].0, got[6].1),
        ("ليندون", got[5].1),
        "help: the lone surname is the same person: {got:?}"
    );
    assert_eq!(got[7].1, "khalifa-haftar", "help: {got:?}");
    assert_eq!(claims.len(), 8, "help: {got:?}");
}

/// A ل phrase after a strike noun names who struck (`غارة للتحالف`), not the target.
#[test]
fn a_strike_by_li_is_the_doers() {
    let text = "وقتل القيادي الحوثي بغارة جوية للتحالف العربي في مدينة صعدة أمس.";
    let d = extract_one(serde_json::json!({"id": "s", "published": "2018-04-20", "text": text}));
    let e = events_of(&d)
        .iter()
        .find(|e| e["type"] == "air_drone_strike")
        .expect("help: the strike");
    let has = |k: &str| {
        e[k].as_array()
            .unwrap()
            .iter()
            .any(|v| v.as_str() == Some("saudi-coalition"))
    };
    assert!(has("actors") && !has("targets"), "help: {e}");
    assert!(
        e["why"].as_str().unwrap().contains("events/doer-after-li"),
        "help: {e}"
    );
}

/// Strikes of two kinds told together (`غارات جوية ومدفعية`) are one event of each kind,
/// the toll on the first; a list of weapons (`السيارات المفخخة والقذائف`) is one event.
#[test]
fn strikes_of_two_kinds_are_two_events() {
    let text = "وقتل خمسة مدنيين في غارات جوية ومدفعية على مدينة دوما يوم الأحد. \
                وفي حادث آخر استهدفت السيارات المفخخة والقذائف مدينة حمص الأسبوع الماضي.";
    let d = extract_one(serde_json::json!({"id": "w", "published": "2018-02-26", "text": text}));
    let got: Vec<(String, String, Option<i64>)> = events_of(&d)
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["place"].as_str().unwrap_or_default().to_string(),
                e["fatalities"]["value"].as_i64(),
            )
        })
        .collect();
    let want = [
        ("air_drone_strike", "duma-sy", Some(5)),
        ("shelling_artillery_missile_attack", "duma-sy", None),
        ("remote_explosive_landmine_ied", "homs-sy", None),
    ]
    .map(|(t, p, f)| (t.to_string(), p.to_string(), f));
    assert_eq!(got, want, "help: {d}");
    assert!(
        d["events"][1]["why"]
            .as_str()
            .unwrap()
            .contains("events/coordinated-weapons"),
        "help: {d}"
    );
}

/// A base named in quotes is still the base (`قاعدة "التيفور"`), and a struck base is the
/// event's place; the eastern Qalamoun is its own region.
#[test]
fn a_quoted_base_and_the_eastern_qalamoun_are_known_places() {
    let text = "وخرج المسلحون من القلمون الشرقي. \
                واتهم النظام إسرائيل بقصف قاعدة \"التيفور\" الجوية العسكرية قرب حمص في 9 أبريل.";
    let d = extract_one(serde_json::json!({"id": "t4", "published": "2018-04-30", "text": text}));
    let refs: Vec<&str> = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["ref"].as_str())
        .collect();
    assert!(
        refs.contains(&"eastern-qalamoun-sy") && refs.contains(&"tiyas-sy"),
        "help: {refs:?}"
    );
    assert_eq!(d["events"][0]["place"], "tiyas-sy", "help: {d}");
}

/// A date that opens the clause leaves the verb after it a verb; its subject is the
/// speaker (`في 16 أيار/مايو 2014 أعلن الفريق أول خليفة حفتر`).
#[test]
fn a_verb_after_a_date_that_opens_the_clause_is_a_verb() {
    let text =
        "وتولى قيادة الجيش. في 16 أيار/مايو 2014 أعلن الفريق أول خليفة حفتر انطلاق عملية الكرامة.";
    let d = extract_one(serde_json::json!({"id": "v", "published": "2018-04-19", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["speaker", "role"]);
    assert_eq!(got, [("خليفة حفتر", "الفريق أول")], "help: {d}");
}

/// A time after منذ and another event is that event's, not the trigger's before it.
#[test]
fn a_time_after_since_and_another_event_is_that_events() {
    let text =
        "وشن التنظيم أكبر هجوم على مدينة البوكمال منذ سيطرة قوات النظام عليها في نوفمبر الماضي.";
    let d = extract_one(serde_json::json!({"id": "m", "published": "2018-06-08", "text": text}));
    let attack = events_of(&d)
        .iter()
        .find(|e| e["trigger"]["text"] == "هجوم")
        .expect("help: the attack");
    assert!(attack["time"].is_null(), "help: {attack}");
}

/// Places coordinated before the trigger are each struck (`في ريفي حماة وحلب تعرضت`).
#[test]
fn places_coordinated_before_the_trigger_are_each_an_event() {
    let text = "وتعرضت مواقع عسكرية في ريفي حماة وحلب لقصف صاروخي ليلة الأحد.";
    let d = extract_one(serde_json::json!({"id": "p", "published": "2018-04-30", "text": text}));
    let places: Vec<&str> = events_of(&d)
        .iter()
        .map(|e| e["place"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(places, ["hama-sy", "aleppo-sy"], "help: {d}");
}

/// A given name before a surname the recognizer found alone is one speaker, and the
/// statement given to an outlet written with ل and no split (`لبي بي سي`) has it as `via`.
#[test]
fn given_name_and_recognized_surname_speak_together() {
    let text = "وقال ناصر الحاسي، المتحدث باسم القوات الجوية، إن الطائرات قصفت مواقع. \
                وقال سكان محليون لبي بي سي إن القصف استمر ساعات.";
    let d = extract_one(serde_json::json!({"id": "h", "published": "2018-05-01", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["via", "text"]);
    assert_eq!(
        got,
        [("ناصر الحاسي", ""), ("سكان محليون", "بي بي سي")],
        "help: {got:?}"
    );
}

/// A hashtag names a speaker like the words it joins (`حثت #فرنسا`, `#وزير_الاتصالات_اليمني`).
#[test]
fn hashtags_name_speakers() {
    let text = "أعلن #وزير_الاتصالات_اليمني، الجمعة، عن إطلاق الخدمة في #عدن.\n\
                وحثت #فرنسا الأطراف على وقف القتال.";
    let d = extract_one(serde_json::json!({"id": "t", "published": "2018-05-01", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["speaker", "ref"]);
    assert_eq!(
        got,
        [("وزير_الاتصالات_اليمني", ""), ("فرنسا", "france")],
        "help: {got:?}"
    );
}

/// An unnamed source linked to a person (`مصدر مقرب من حفتر`) or in his genitive (`أنصار
/// المشير حفتر`) is his people: the claim is theirs, anonymous, not the person's. A
/// definite title before a name still names the speaker.
#[test]
fn a_persons_people_speak_as_themselves() {
    let text = "وقال مصدر مقرب من حفتر إن الهجوم فشل. وقال أنصار المشير حفتر إن المدينة آمنة. \
                وقال المسؤول الأممي ستيفن أوبراين إن الوضع صعب.";
    let d = extract_one(serde_json::json!({"id": "g", "published": "2018-05-01", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["speaker", "of"]);
    assert_eq!(
        got,
        [
            ("مصدر مقرب من حفتر", "khalifa-haftar"),
            ("أنصار المشير حفتر", "khalifa-haftar"),
            ("ستيفن أوبراين", "")
        ],
        "help: {d}"
    );
    let anonymous = anonymous_flags(&d);
    assert_eq!(anonymous, [true, true, false], "help: {d}");
    // A citizen is an unnamed source until his name follows.
    let text = "وقال مواطن من المدينة إن القصف استمر.";
    let d = extract_one(serde_json::json!({"id": "c", "published": "2018-05-01", "text": text}));
    assert_eq!(d["claims"][0]["anonymous"], true, "help: {d}");
    assert_eq!(
        d["claims"][0]["speaker"]["text"], "مواطن من المدينة",
        "help: {d}"
    );
}

/// How offices and names are read in a speaker phrase: an unnamed member of a body is an
/// anonymous source of it; an envoy's `إلى` takes a place, never the verb's content; a name
/// after a comma may follow a rank; `ذات المصادر` is the sources named before; a quoted
/// outlet after `وفق` is the source.
#[test]
fn offices_and_names_in_speaker_phrases() {
    let text = "وقال عضو في المجلس الرئاسي إن الموكب تعرض لإطلاق نار. \
                وقال مبعوث الأمم المتحدة إلى اليمن مارتن غريفيث إن المحادثات مثمرة. \
                ودعا المبعوث الأممي إلى التمسك بالحوار. \
                وقال مدير مستشفى عفرين، الدكتور جوان محمد، إن ستة مدنيين أصيبوا. \
                وقالت مصادر محلية إن الحوثيين فرضوا حظر التجول. \
                وأفادت ذات المصادر بأن المسلحين أغلقوا المحال. \
                ووفق \"رويترز\"، فإن الهجوم أرجئ.";
    let d = extract_one(serde_json::json!({"id": "o", "published": "2018-05-01", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["speaker", "of"]);
    assert_eq!(
        got,
        [
            ("عضو في المجلس الرئاسي", "presidential-council"),
            ("مارتن غريفيث", ""),
            ("المبعوث الأممي", ""),
            ("جوان محمد", ""),
            ("مصادر محلية", ""),
            ("ذات المصادر", ""),
            ("رويترز", "")
        ],
        "help: {d}"
    );
    let anonymous = anonymous_flags(&d);
    assert_eq!(
        anonymous,
        [true, false, false, false, true, true, false],
        "help: {d}"
    );
}

/// People named one by one before a count joined to them by و add to it (`مقتل والدته
/// واثنين من أشقائه`: three; `قتل جندي و3 مدنيين`: four); a relative alone is no toll
/// (`قتلت زوجها`: a crime in a family).
#[test]
fn victims_named_before_a_count_add_to_it() {
    let toll = |text: &str| {
        let d =
            extract_one(serde_json::json!({"id": "t", "published": "2018-03-18", "text": text}));
        events_of(&d)
            .iter()
            .filter_map(|e| e["fatalities"]["value"].as_i64())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        toll("وأطلق جنود النار على سيارات في بنغازي، ما أسفر عن مقتل والدته واثنين من أشقائه."),
        [3]
    );
    assert_eq!(toll("قتل جندي و3 مدنيين في قصف على بنغازي."), [4]);
    assert!(toll("قضت محكمة بإعدام امرأة قتلت زوجها في الخرطوم.").is_empty());
}

/// Diplomats, workers and witnesses unnamed are anonymous sources (`sources.tsv`), and
/// estimates are a document that speaks for its author (`تقديرات الأمم المتحدة`: the UN),
/// or for no one named (`تقديرات جمعيات حقوقية`: anonymous).
#[test]
fn unnamed_diplomats_are_anonymous_and_estimates_speak_for_their_author() {
    let text = "وقال دبلوماسيون إن المفاوضات متعثرة. وقالت شاهدة عيان إن القصف استمر ساعة. \
                وتشير تقديرات الأمم المتحدة إلى أن عدد النازحين تجاوز مليونا.";
    let d = extract_one(serde_json::json!({"id": "u", "published": "2018-03-01", "text": text}));
    assert_eq!(anonymous_flags(&d), [true, true, false], "help: {d}");
    assert_eq!(d["claims"][2]["speaker"]["ref"], "un", "help: {d}");
    // An unnamed document is anonymous; one linked to its issuer by عن is not.
    let text = "وتشير تقديرات جمعيات حقوقية إلى أن نحو ألف مدني قتلوا. وقتل عشرة أشخاص، وفق \
                بيان صادر اليوم السبت عن وزارة الشؤون الخارجية.";
    let d = extract_one(serde_json::json!({"id": "v", "published": "2018-03-03", "text": text}));
    assert_eq!(anonymous_flags(&d), [true, false], "help: {d}");
}

/// A capital right after a verb of carrying out is the doer (`لهجوم تشنه أنقرة`): the area
/// a later word refers back to (`على المنطقة`) is not Ankara.
#[test]
fn a_place_after_a_verb_of_carrying_out_is_no_place_referred_to() {
    let text = "ونجح المقاتلون في التصدي لهجوم تشنه أنقرة وفصائل موالية لها على المنطقة \
                الواقعة في شمال سوريا.";
    let d = extract_one(serde_json::json!({"id": "a", "published": "2018-03-03", "text": text}));
    assert!(
        events_of(&d).iter().all(|e| e["place"] != "ankara-tr"),
        "help: {d}"
    );
}

/// `أم نورا` where `نورا حسين` is named is Noura's mother, not a name: the mention is the
/// daughter's given name (rule `recognize/mother-of`), and the mother named in apposition
/// is the speaker (`وتقول أم نورا، زينب أحمد، لبي بي سي`), with the phrase as her role;
/// so is a father named after his son (`والد سلمان العبيدي، رمضان العبيدي،`).
#[test]
fn a_relative_named_in_apposition_is_the_speaker() {
    let text = "زارت نورا حسين السجن. وتقول أم نورا، زينب أحمد، لبي بي سي: \"كانت في صحة جيدة\". \
                وقال والد سلمان العبيدي، رمضان العبيدي، إن ابنه بريء.";
    let d = extract_one(serde_json::json!({"id": "k", "published": "2018-06-13", "text": text}));
    assert_eq!(
        cue_speakers(&d),
        [("تقول", "زينب أحمد"), ("قال", "رمضان العبيدي")],
        "help: {d}"
    );
    assert_eq!(d["claims"][0]["speaker"]["role"], "أم نورا", "help: {d}");
    let noura: Vec<&Value> = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["text"] == "نورا")
        .collect();
    let daughter = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "نورا حسين")
        .map(|e| e["ref"].clone());
    assert_eq!(noura.len(), 1, "help: {d}");
    assert_eq!(Some(noura[0]["ref"].clone()), daughter, "help: {d}");
}

/// A singular reporting verb right after a noun, with a complementizer whose pronoun points
/// back to it, opens a relative clause: the main clause's subject says it (`ويشن الجيش
/// الأمريكي غارات في ليبيا يقول إنها تستهدف متشددين`). A plural verb after people is
/// theirs, not the main subject's; without the pronoun the verb opens no such clause.
#[test]
fn a_reporting_verb_in_a_relative_clause_is_the_main_subjects() {
    let text = "ويشن الجيش الأمريكي من آن لآخر غارات في ليبيا يقول إنها تستهدف متشددين. \
                ويشهد إقليم دارفور نزاعا بين القوات السودانية ومتمردين يؤكدون أنهم مهمشون.";
    let d = extract_one(serde_json::json!({"id": "r", "published": "2018-08-10", "text": text}));
    let got = cue_speakers(&d);
    assert_eq!(got, [("يقول", "الجيش الأمريكي")], "help: {d}");
    assert!(
        d["claims"][0]["why"]
            .as_str()
            .unwrap_or_default()
            .contains("rule:attribute/relative-clause"),
        "help: {d}"
    );
}

/// A generic verb right after an event word tells what that event did (`إطلاق نار استهدف
/// موكبه`): one event, whose target (a motorcade) makes the shooting an attack.
#[test]
fn a_generic_verb_after_an_event_word_is_that_event() {
    let text = "نجا رئيس المجلس الرئاسي فائز السراج من إطلاق نار استهدف موكبه في طرابلس.";
    let d = extract_one(serde_json::json!({"id": "m", "published": "2017-02-20", "text": text}));
    let got: Vec<(&str, &str)> = events_of(&d)
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default(),
                e["place"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(got, [("attack", "tripoli-ly")], "help: {d}");
}

/// So does one after the words that describe the event word (`غارات تركية استهدفت حاجزا`),
/// also when the strikes join an incident told in an earlier sentence: one air strike.
#[test]
fn a_generic_verb_after_a_described_event_word_is_that_event() {
    let text = "تصعد تركيا عملياتها في منطقة عفرين، حيث استهدفت غاراتها الأربعاء مقاتلين \
                موالين لدمشق. وقتل عشرة مقاتلين موالين لدمشق الأربعاء جراء غارات تركية \
                استهدفت حاجزا لهم على الطريق المؤدي من عفرين باتجاه مناطق سيطرة قوات النظام، \
                وفق المرصد.";
    let d = extract_one(serde_json::json!({"id": "g", "published": "2018-03-14", "text": text}));
    let got: Vec<(&str, i64)> = events_of(&d)
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default(),
                e["fatalities"]["value"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    assert_eq!(got, [("air_drone_strike", 10)], "help: {d}");
}

/// A relational adjective after a quoted name (`منطقة "ورش لخانة" الليبية`) describes it:
/// the closing quote opens no clause, so the adjective is no subject of a later verb.
#[test]
fn an_adjective_after_a_quoted_name_is_no_speaker() {
    let text = "وتشهد منطقة \"ورش لخانة\" الليبية تواجد مسلحين، يقومون بعمليات خطف ويطالبون بفدية.";
    let d = extract_one(serde_json::json!({"id": "q", "published": "2018-05-01", "text": text}));
    let got = claim_fields(&d, ["speaker", "text"], ["speaker", "ref"]);
    assert!(got.iter().all(|(s, _)| *s != "الليبية"), "help: {d}");
}

/// A mention with no place, told where the article is on another place (a toll in the
/// sentence after a strike on Douma), is not the incident a later sentence places
/// elsewhere (fighting in Afrin the same day): it stands apart, with its toll.
#[test]
fn a_placeless_mention_keeps_to_its_setting() {
    let text = "وقصفت الطائرات مدينة دوما أمس. وقتل عشرة مقاتلين في الاشتباكات أمس. \
                واندلعت اشتباكات في مدينة عفرين أمس.";
    let d = extract_one(serde_json::json!({"id": "s", "published": "2018-03-03", "text": text}));
    let got: Vec<(&str, &str, i64)> = events_of(&d)
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default(),
                e["place"].as_str().unwrap_or_default(),
                e["fatalities"]["value"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("air_drone_strike", "duma-sy", 0),
            ("armed_clash", "", 10),
            ("armed_clash", "afrin-sy", 0)
        ],
        "help: {d}"
    );
    // A facility is no setting of its own: the toll told after a strike on it is the
    // strike's.
    let text = "وقصفت الطائرات مطار معيتيقة أمس. وقتل خمسة أشخاص في القصف أمس.";
    let d = extract_one(serde_json::json!({"id": "f", "published": "2019-05-02", "text": text}));
    let events = d["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "help: {d}");
    assert_eq!(events[0]["fatalities"]["value"], 5, "help: {d}");
}

/// The events of an extracted record (every record has the array).
fn events_of(d: &serde_json::Value) -> &[serde_json::Value] {
    d["events"]
        .as_array()
        .unwrap_or_else(|| panic!("help: no events array: {d}"))
}

/// The places of a text's events of one type, in order.
fn places_of<'a>(d: &'a serde_json::Value, etype: &str) -> Vec<&'a str> {
    events_of(d)
        .iter()
        .filter(|e| e["type"] == etype)
        .filter_map(|e| e["place"].as_str())
        .collect()
}

/// The types, targets and actors of a text's events, in order.
fn event_rows(d: &serde_json::Value) -> Vec<(String, Vec<String>, Vec<String>)> {
    let strs = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    events_of(d)
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap_or_default().to_string(),
                strs(&e["targets"]),
                strs(&e["actors"]),
            )
        })
        .collect()
}

/// Shooting aimed at a person or a car (`على`, `تجاه`), or suffered by a motorcade
/// (`تعرض موكب السراج لإطلاق نار`), is an attack, not a clash; with no target, or
/// suffered by a patrol, an armed target, it stays a clash.
#[test]
fn shooting_at_people_or_cars_is_an_attack() {
    let cases = [
        (
            "وقتل موظف على أيدي مسلحين مجهولين فتحوا النار على سيارته في طرابلس يوم الأحد.",
            "attack",
        ),
        (
            "ليقوم القيادي الحوثي بإطلاق الرصاص الحي، مساء الأحد، تجاه عادل السمان في مدينة إب.",
            "attack",
        ),
        ("وتعرض موكب السراج لإطلاق نار في طرابلس يوم الأحد.", "attack"),
        (
            "وأطلقت النار في منطقة بوسليم بطرابلس يوم الأحد.",
            "armed_clash",
        ),
        (
            "وتعرضت دورية للجيش لإطلاق نار في بنغازي يوم الأحد.",
            "armed_clash",
        ),
    ];
    for (text, want) in cases {
        let d =
            extract_one(serde_json::json!({"id": "s", "published": "2018-04-10", "text": text}));
        let got = event_rows(&d);
        assert_eq!(got.len(), 1, "help: {text}\n{d}");
        assert_eq!(got[0].0, want, "help: {text}\n{d}");
    }
}

/// What a named person or thing `underwent` (`منزل حفتر تعرض لهجوم بعبوات ناسفة`) is the
/// target, not the doer (and its `why` says so); the weapon after ب types the attack even
/// though it is an event word itself; and the event stands with no doer named.
#[test]
fn what_was_subjected_to_an_attack_is_its_target() {
    let text =
        "قال مسؤول عسكري ليبي إن منزل اللواء المتقاعد خليفة حفتر قد تعرض لهجوم بعبوات ناسفة.";
    let d = extract_one(serde_json::json!({"id": "u", "published": "2014-10-19", "text": text}));
    let got = event_rows(&d);
    assert_eq!(got.len(), 1, "help: {d}");
    let (t, targets, actors) = &got[0];
    assert_eq!(t, "remote_explosive_landmine_ied", "help: {d}");
    assert!(targets.iter().any(|x| x.contains("haftar")), "help: {d}");
    assert!(actors.iter().all(|x| !x.contains("haftar")), "help: {d}");
    let why = d["events"][0]["why"].as_str().unwrap_or_default();
    assert!(why.contains("events/undergone-target"), "help: {d}");
}

/// An outlet named by an indefinite noun alone (`وكالة أنباء محلية`, `مواقع إخبارية`) is an
/// unnamed source: anonymous. A named one (`صحيفة الشروق`) is not.
#[test]
fn an_unnamed_outlet_is_an_anonymous_source() {
    let cases = [
        ("وقالت وكالة أنباء محلية إن القتلى سقطوا في المدينة.", true),
        (
            "وذكرت مواقع إخبارية محلية أن القتلى سقطوا في المدينة.",
            true,
        ),
        ("وقالت صحيفة الشروق إن القتلى سقطوا في المدينة.", false),
    ];
    for (text, anonymous) in cases {
        let d =
            extract_one(serde_json::json!({"id": "o", "published": "2018-06-13", "text": text}));
        let claims = d["claims"].as_array().unwrap();
        assert_eq!(claims.len(), 1, "help: {text}\n{d}");
        assert_eq!(claims[0]["anonymous"], anonymous, "help: {text}\n{d}");
    }
}

/// A time told before a turn to another clause (`لكن`, `قبل أن`) is that clause's: the
/// fighting that broke out after South Sudan's independence is not dated 2011, and the
/// bombing that goes on after a ceasefire starts is not dated by the ceasefire.
#[test]
fn a_time_before_a_turn_is_not_the_event_time() {
    let cases = [
        "واستقل جنوب السودان عن السودان عام 2011 لكن القتال اندلع في جوبا بعد ذلك بعامين.",
        "ولم تصمد اتفاقات سلام سابقة، أحدثها كان في 2015، سوى لأشهر قبل أن يتجدد القتال في جوبا.",
    ];
    for text in cases {
        let d =
            extract_one(serde_json::json!({"id": "t", "published": "2018-06-21", "text": text}));
        let clash = events_of(&d).iter().find(|e| e["type"] == "armed_clash");
        if let Some(e) = clash {
            let t = e["time"]["value"].as_str().unwrap_or_default();
            assert!(
                !t.starts_with("2011") && !t.starts_with("2015"),
                "help: {text}\n{d}"
            );
        }
    }
    let text = "وكان الجيش قد سيطر على المدينة في عام 2015 وقصف مواقع المسلحين فيها.";
    let d = extract_one(serde_json::json!({"id": "t2", "published": "2018-06-21", "text": text}));
    let times: Vec<&str> = events_of(&d)
        .iter()
        .filter_map(|e| e["time"]["value"].as_str())
        .collect();
    assert!(times.iter().any(|t| t.starts_with("2015")), "help: {d}");
}

/// A force named whole (`قوات التحالف`) is the doer of the strike it carried out; the state
/// in the relative clause after it (`الذي تتزعمه السعودية`) is not.
#[test]
fn a_force_named_whole_is_the_doer() {
    let text = "أعلن الحوثيون مقتل صالح الصماد في غارة شنتها قوات التحالف الذي تتزعمه السعودية \
                يوم الخميس على محافظة الحديدة في غرب اليمن.";
    let d = extract_one(serde_json::json!({"id": "f", "published": "2018-04-23", "text": text}));
    let got = event_rows(&d);
    let strike = got
        .iter()
        .find(|(t, _, _)| t == "air_drone_strike")
        .unwrap_or_else(|| panic!("help: {d}"));
    assert_eq!(strike.2, ["saudi-coalition"], "help: {d}");
}

/// A name right after an attack word is as often its doer (`هجوم حفتر على طرابلس`): it
/// does not make the attack one on a civilian. And a generic attack word typed `attack` by
/// its civilian target that tells again of a strike told before (`هجوم التحالف على حافلة
/// الأطفال`) is that strike, not a second event.
#[test]
fn attack_words_keep_their_doer_and_refer_back() {
    let text = "وأدان المجلس هجوم حفتر على العاصمة طرابلس يوم الخميس.";
    let d = extract_one(serde_json::json!({"id": "h", "published": "2019-04-10", "text": text}));
    let types: Vec<String> = event_rows(&d).into_iter().map(|r| r.0).collect();
    assert_eq!(types, ["armed_clash"], "help: {d}");
    let text = "قتل 29 طفلا في غارة جوية للتحالف على حافلة في مدينة ضحيان بصعدة يوم الخميس. \
                وقالت المنظمة إن هجوم التحالف على حافلة الأطفال جريمة حرب.";
    let d = extract_one(serde_json::json!({"id": "b", "published": "2018-08-10", "text": text}));
    let types: Vec<String> = event_rows(&d).into_iter().map(|r| r.0).collect();
    assert_eq!(types, ["air_drone_strike"], "help: {d}");
}

/// A singular person word after a killed or injured word with no number is a toll of one
/// (`مقتل مقيم مصري`), two joined by و are two, and the `why` names the victims row; the
/// nationality of the victim is not the doer.
#[test]
fn one_person_killed_is_a_toll_of_one() {
    let text = "أسفر القصف المدفعي على مدينة حلب يوم الأحد عن مقتل طفل وامرأة وإصابة جندي.";
    let d = extract_one(serde_json::json!({"id": "o", "published": "2018-03-26", "text": text}));
    let events = events_of(&d);
    assert_eq!(events.len(), 1, "help: {d}");
    assert_eq!(events[0]["fatalities"]["value"], 2, "help: {d}");
    assert_eq!(events[0]["injuries"]["value"], 1, "help: {d}");
    assert!(
        events[0]["why"]
            .as_str()
            .unwrap()
            .contains("events/victims.tsv"),
        "help: {d}"
    );
    let text = "قتل مقيم مصري في قصف صاروخي على الرياض مساء الأحد.";
    let d = extract_one(serde_json::json!({"id": "o2", "published": "2018-03-26", "text": text}));
    let got = event_rows(&d);
    assert_eq!(got.len(), 1, "help: {d}");
    assert!(
        got[0].2.is_empty(),
        "help: the victim's nationality is no doer: {d}"
    );
    assert_eq!(events_of(&d)[0]["fatalities"]["value"], 1, "help: {d}");
    // A time between the killed word and its count does not hide the count.
    let text = "وقتل صباح السبت مدنيين اثنين في قصف مدفعي على بلدة دوما.";
    let d = extract_one(serde_json::json!({"id": "o4", "published": "2018-03-03", "text": text}));
    assert_eq!(events_of(&d).len(), 1, "help: {d}");
    assert_eq!(events_of(&d)[0]["fatalities"]["value"], 2, "help: {d}");
    // A plural counts nothing by itself.
    let text = "أسفر القصف المدفعي على مدينة حلب يوم الأحد عن مقتل مدنيين.";
    let d = extract_one(serde_json::json!({"id": "o3", "published": "2018-03-26", "text": text}));
    assert!(
        events_of(&d).iter().all(|e| e["fatalities"].is_null()),
        "help: {d}"
    );
}

/// A bare word after a reporting verb with no complementizer after it (`أعلن ليل الأحد
/// عن`) is no speaker when the subject stands right before the verb; what the speaker
/// announces with عن is its own act.
#[test]
fn a_subject_before_the_verb_speaks_past_an_adjunct() {
    let text = "وكان المسماري أعلن ليل الأحد عن حشد جوي وبري كبير للقوات المسلحة الليبية \
                في منطقة الهلال النفطي.";
    let d = extract_one(serde_json::json!({"id": "m", "published": "2017-03-06", "text": text}));
    let speakers = claim_fields(&d, ["speaker", "text"], ["speaker", "ref"]);
    assert_eq!(speakers, [("المسماري", "ahmed-mismari")], "help: {d}");
    let got = event_rows(&d);
    assert!(
        got.iter()
            .any(|(t, _, a)| t == "mobilize" && a == &["ahmed-mismari"]),
        "help: {d}"
    );
    let text = "وقال الأكراد إنها وحدات عسكرية تابعة للجيش السوري.";
    let d = extract_one(serde_json::json!({"id": "k", "published": "2018-03-03", "text": text}));
    let speakers = cue_speakers(&d);
    assert_eq!(speakers.len(), 1, "help: {d}");
    assert_eq!(speakers[0].1, "الأكراد", "help: {d}");
}

/// A plural verb (`أكدوا`) is never one named person's, so it does not carry the last
/// speaker when that is a person; a verb after `حيث` speaks for its sentence's subject.
#[test]
fn carried_speakers_agree_with_their_verb() {
    let text = "وقال الدكتور منجي سليم إن الوضع خطير. وأفاد بأن زملاءه المنتمين للصليب الأحمر \
                بالمنطقة الغربية، أكدوا له أن مجموعات إرهابية تتمركز بصبراطة.";
    let d = extract_one(serde_json::json!({"id": "p", "published": "2016-02-10", "text": text}));
    let got = cue_speakers(&d);
    assert!(!got.is_empty(), "help: {d}");
    assert!(!got.contains(&("أكدوا", "منجي سليم")), "help: {d}");
    let text = "ورد أردوغان على الاحتجاجات في خطاب ألقاه في إسطنبول، حيث قال، السبت، إن بعض \
                الطلاب خونة.";
    let d = extract_one(serde_json::json!({"id": "q", "published": "2018-03-25", "text": text}));
    let speakers: Vec<&str> = cue_speakers(&d)
        .into_iter()
        .filter(|(cue, _)| *cue == "قال")
        .map(|(_, sp)| sp)
        .collect();
    assert_eq!(speakers, ["أردوغان"], "help: {d}");
    // A state named by its name takes a singular verb: `سوريا` is not the subject of
    // `وأكدوا`; its people may be (`الروس قالوا`).
    let text = "وكان مسؤولون أميركيون أفادو أنهم حصلوا على عينات من ضحايا الهجوم في #سوريا \
                وأكدوا وجود الكلور.";
    let d = extract_one(serde_json::json!({"id": "r", "published": "2018-04-14", "text": text}));
    assert!(!cue_speakers(&d).contains(&("أكدوا", "سوريا")), "help: {d}");
    // Nor is a body named by a singular noun (`الحكومة السورية`) the speaker of `قالوا`.
    let text = "هذا وقد دعت الحكومة السورية حضور البعثة، ونشر ناشطون سوريون مقطع فيديو يظهر \
                ما قالوا إنه دخول عدد من أفراد الشرطة الروسية مدينة دوما.";
    let d = extract_one(serde_json::json!({"id": "t", "published": "2018-04-10", "text": text}));
    let got = cue_speakers(&d);
    assert!(got.contains(&("دعت", "الحكومة السورية")), "help: {d}");
    assert!(!got.contains(&("قالوا", "الحكومة السورية")), "help: {d}");
    let text = "وكان الروس قالوا إن الضربة فشلت.";
    let d = extract_one(serde_json::json!({"id": "s", "published": "2018-09-07", "text": text}));
    assert_eq!(cue_speakers(&d), [("قالوا", "الروس")], "help: {d}");
}

/// A describing verb with its pronoun after a name opens a claim of its own, and a
/// quotation after a bare ب is its content (`عفرين وصفها الإعلام السوري الرسمي
/// بـ"القوات الشعبية"`); state media are an unnamed source.
#[test]
fn what_state_media_call_something_is_their_claim() {
    let text = "دخلت قوات سورية إلى عفرين وصفها الإعلام السوري الرسمي بـ\"القوات الشعبية\"، \
                فيما قال الأكراد إنها وحدات عسكرية تابعة للجيش السوري.";
    let d = extract_one(serde_json::json!({"id": "w", "published": "2018-03-03", "text": text}));
    let got = cue_speakers(&d);
    assert_eq!(
        got.iter().map(|x| x.1).collect::<Vec<_>>(),
        ["الإعلام السوري الرسمي", "الأكراد"],
        "help: {d}"
    );
    assert_eq!(anonymous_flags(&d), [true, false], "help: {d}");
}

/// `ما` closing an according-to cue (`وفق ما يقول مراقبون`) opens no relative clause:
/// the verb after it is the claim's, even when few words stand before it.
#[test]
fn according_to_what_they_say_is_a_claim() {
    let doc = &extract_one(serde_json::json!({"id": "w1", "published": "2018-09-12",
        "text": "وللجضران، وفق ما يقول مراقبون، علاقة وطيدة مع العضو السابق في القاعدة عبد الحكيم بلحاج."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("يقول", "مراقبون")],
        "help: {}",
        doc["claims"]
    );
    assert_eq!(anonymous_flags(doc), vec![true]);
}

/// A plural verb written without its silent alif (`أفادو`) is still a cue; a weak verb's
/// stem is not (`أدعو`, "I call", is no `ادعوا`).
#[test]
fn a_plural_cue_without_its_alif_is_a_cue() {
    let doc = &extract_one(serde_json::json!({"id": "p1", "published": "2018-04-14",
        "text": "وكان مسؤولون أميركيون أفادو أنهم حصلوا على عينات من ضحايا الهجوم في سوريا."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("أفادو", "مسؤولون أميركيون")],
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "p2", "published": "2018-05-11",
        "text": "وقال الرئيس: أنا لا أدعو الأسد إلى شيء."}));
    assert!(
        cue_speakers(doc).iter().all(|(c, _)| !c.contains("أدعو")),
        "help: {}",
        doc["claims"]
    );
}

/// A capital right before its verb, opening its clause, speaks for its government
/// (`لكن واشنطن تصر على أن`); one inside a name (`محكمة استئناف طرابلس أدانت`) does not.
/// A concessive `، إلا أن` ends the content of the claim before it.
#[test]
fn a_capital_before_its_verb_speaks() {
    let doc = &extract_one(serde_json::json!({"id": "k1", "published": "2018-04-14",
        "text": "لكن واشنطن تصر على أن تقدم الخرطوم أولا ضمانة كاملة عن قطعها كافة العلاقات."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("تصر", "واشنطن")],
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "k2", "published": "2018-04-14",
        "text": "أعلنت وزارة العدل الليبية أن محكمة استئناف طرابلس أدانت 45 شخصا بقتل متظاهرين."}));
    assert!(
        cue_speakers(doc).iter().all(|(_, s)| *s != "طرابلس"),
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "k3", "published": "2018-04-14",
        "text": "ومع أن دمشق نفت هذه الاتهامات، إلا أن الوكالة الدولية للطاقة الذرية أعلنت في 2011 أنه من المحتمل جدا أن يكون الموقع مفاعلا نوويا."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("نفت", "دمشق"), ("أعلنت", "الوكالة الدولية للطاقة الذرية")],
        "help: {}",
        doc["claims"]
    );
}

/// A place no lexicon holds is known by the place its sentence ties it to (`ضاحية
/// البريهي، جنوب مدينة الحديدة`), and a city and the province named after it stand at one
/// point: two tellings of one strike there are one event.
#[test]
fn a_suburb_of_a_city_is_that_citys_incident() {
    let doc = &extract_one(serde_json::json!({"id": "s1", "published": "2018-04-23",
        "text": "قتل صالح الصماد في غارة جوية للتحالف في محافظة الحديدة يوم الخميس. وأوردت مصادر أمنية أن الصماد قتل بغارة للتحالف يوم الخميس في ضاحية البريهي، جنوب مدينة الحديدة."}));
    let strikes: Vec<&Value> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "air_drone_strike")
        .collect();
    assert_eq!(strikes.len(), 1, "help: {strikes:?}");
    assert_eq!(
        strikes[0]["place"], "hodeidah-governorate-ye",
        "help: {strikes:?}"
    );
}

/// Allegations and demands told by their nouns are claims of their agent (`مزاعم روسيا
/// بأن`); the agent of a demand stands right after it (`مطالبة الأكراد قوات النظام`: not
/// the forces, the object).
#[test]
fn allegation_and_demand_nouns_are_claims_of_their_agent() {
    let doc = &extract_one(serde_json::json!({"id": "m1", "published": "2018-04-14",
        "text": "وقال البيت الأبيض إن المعلومات الأميركية تظهر أن مزاعم روسيا بأن الهجوم مختلق غير صحيحة."}));
    assert!(
        cue_speakers(doc).contains(&("مزاعم", "روسيا")),
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "m2", "published": "2018-03-03",
        "text": "وبعد مطالبة الأكراد قوات النظام السوري بالتدخل لصد الهجوم التركي دخلت قوات موالية إلى عفرين."}));
    assert!(
        cue_speakers(doc)
            .iter()
            .all(|(c, s)| *c != "مطالبة" || !s.contains("قوات")),
        "help: {}",
        doc["claims"]
    );
}

/// A labelling verb right after its subject, with a definite object, states a label
/// (`لكن التحالف العسكري يعتبر الميناء ممرا`), and so does one with a pronoun object after
/// an indefinite noun (`أزمة تعتبرها الأمم المتحدة الأسوأ`); read as "is considered"
/// (`نظام الأسد يعتبر جثة`) it needs a complementizer.
#[test]
fn a_label_with_a_definite_object_is_a_claim() {
    let doc = &extract_one(serde_json::json!({"id": "l1", "published": "2018-07-30",
        "text": "لكن التحالف العسكري يعتبر الميناء ممرا لتهريب الأسلحة."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("يعتبر", "التحالف العسكري")],
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "l3", "published": "2018-07-04",
        "text": "وأدى النزاع إلى مقتل نحو عشرة آلاف شخص في ظل أزمة إنسانية تعتبرها الأمم المتحدة الأسوأ في العالم حاليا."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("تعتبرها", "الأمم المتحدة")],
        "help: {}",
        doc["claims"]
    );
    let doc = &extract_one(serde_json::json!({"id": "l2", "published": "2015-07-30",
        "text": "وأضاف السفير السابق أن نظام بشار الأسد يعتبر جثة ولا جدوى من التعاون معه."}));
    assert!(
        cue_speakers(doc).iter().all(|(c, _)| *c != "يعتبر"),
        "help: {}",
        doc["claims"]
    );
}

/// An account (`الرواية`) is a document that speaks for its author, named by a relational
/// adjective too (`بحسب الرواية الأميركية`: the United States).
#[test]
fn an_account_speaks_for_its_author() {
    let doc = &extract_one(serde_json::json!({"id": "a1", "published": "2018-04-16",
        "text": "وأسفرت الغارات عن مقتل 100 جندي من بينهم 19 جنديا روسيا، بحسب الرواية الأميركية."}));
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "help: {claims:?}");
    assert_eq!(
        claims[0]["speaker"]["ref"], "united-states",
        "help: {claims:?}"
    );
}

/// A date is no noun for a verb to describe: the verb after it may open the relative
/// clause whose speaker is the main subject (`إثر هجوم بدأته في 18 شباط/فبراير تقول إنه
/// يستهدف`: the Turkish forces say so).
#[test]
fn a_verb_after_a_date_can_open_a_relative_clause() {
    let doc = &extract_one(serde_json::json!({"id": "d1", "published": "2018-03-14",
        "text": "وتطوق القوات التركية وفصائل سورية موالية لها منذ الاثنين مدينة عفرين، إثر هجوم بدأته في 18 شباط/فبراير تقول إنه يستهدف الوحدات الكردية."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("تقول", "القوات التركية")],
        "help: {}",
        doc["claims"]
    );
}

/// A place coordinated after a word the analyser reads whole (`وحي`, "revelation") is
/// still one more place of the event when the recognizer named it past the conjunction
/// (`مناطق الهضبة وبوسليم وحي الأكواخ`: three places).
#[test]
fn a_coordinated_place_read_whole_by_the_analyser_is_a_place() {
    let doc = &extract_one(serde_json::json!({"id": "w1", "published": "2017-05-27",
        "text": "وأفاد شهود عيان بأن قصفًا عنيفًا شهدته مناطق الهضبة وبوسليم وحي الأكواخ، وأغلق الطريق السريع."}));
    let places = places_of(doc, "shelling_artillery_missile_attack");
    assert_eq!(
        places,
        vec!["hadba-ly", "abu-salim-ly", "hay-al-akwakh-ly"],
        "help: {places:?}"
    );
}

/// A definite event word after a verb saying it goes on, came back or broke out is an
/// incident (`تجدد الاشتباكات في مدن سبها والكفرة`), one per place; after `منذ بدء` it
/// only dates a count, and a feared renewal is only possible.
#[test]
fn an_incident_said_to_go_on_is_an_event() {
    let doc = &extract_one(serde_json::json!({"id": "o1", "published": "2018-02-23",
        "text": "وأعربت البعثة عن قلقها إزاء تجدد الاشتباكات في مدن سبها والكفرة."}));
    let places = places_of(doc, "armed_clash");
    assert_eq!(places, vec!["sabha-ly", "kufra-ly"], "help: {places:?}");
    let doc = &extract_one(serde_json::json!({"id": "o2", "published": "2018-02-23",
        "text": "وتواصلت الغارات على مدينة دوما."}));
    assert_eq!(events_of(doc).len(), 1, "help: {}", doc["events"]);
    let doc = &extract_one(serde_json::json!({"id": "o3", "published": "2018-02-23",
        "text": "وقال إن الأوضاع في مدينة دوما صعبة منذ بدء الهجوم."}));
    assert!(events_of(doc).is_empty(), "help: {}", doc["events"]);
    let doc = &extract_one(serde_json::json!({"id": "o4", "published": "2018-02-23",
        "text": "وحذر من احتمالية تجدد القتال في منطقة جبل مرة."}));
    let events = events_of(doc);
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(events[0]["modality"], "possible", "help: {events:?}");
}

/// A quotation of several sentences keeps its speaker on the floor: a dropped subject
/// right after it is still hers, however many sentences the quote ran on.
#[test]
fn a_long_quotation_keeps_its_speaker_on_the_floor() {
    let doc = &extract_one(serde_json::json!({"id": "q1", "published": "2018-06-13",
        "text": "وكشفت زينب أن ابنتها حاولت الانتحار.\n\"أخبرتني في السجن أنها كرهت نفسها. أحضرت السكين ووضعته تحت الوسادة. وعندما حاول الاقتراب منها أخرجت السكين. وبدأ الشجار بينهما قبل أن تطعنه عن طريق الخطأ\".\nوتقول إن ابنتها كانت طموحة."}));
    let speakers = cue_speakers(doc);
    assert!(speakers.contains(&("تقول", "زينب")), "help: {speakers:?}");
}

/// `محددا أن` ("specifying that") continues the claim before it; without its complementizer
/// it is another sense (`محددا موعدا`).
#[test]
fn specifying_that_is_a_participle_cue() {
    let doc = &extract_one(serde_json::json!({"id": "p1", "published": "2018-10-08",
        "text": "وكشف المسماري تفاصيل العملية، محددا أن وقتها كان في الساعة الرابعة فجرا. وأطلق الجيش العملية محددا موعدا لانتهائها."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("كشف", "المسماري"), ("محددا", "المسماري")],
        "help: {}",
        doc["claims"]
    );
}

/// A named source coordinated with the speaker after the verb tells the same claim too
/// (`حسبما أفاد عمال إغاثة والمرصد السوري لحقوق الإنسان`); an unnamed one joins the
/// first in one voice, and a relational adjective is no second source.
#[test]
fn a_coordinated_named_source_tells_the_claim_too() {
    let doc = &extract_one(serde_json::json!({"id": "c1", "published": "2018-04-07",
        "text": "تعرضت دوما إلى غارات جوية جديدة السبت، حسبما أفاد عمال إغاثة والمرصد السوري لحقوق الإنسان."}));
    let speakers = cue_speakers(doc);
    assert_eq!(
        speakers,
        vec![
            ("أفاد", "عمال إغاثة"),
            ("أفاد", "المرصد السوري لحقوق الإنسان")
        ],
        "help: {speakers:?}"
    );
    let doc = &extract_one(serde_json::json!({"id": "c2", "published": "2018-06-21",
        "text": "وقال مسؤولون من أحزاب معارضة ودبلوماسيون غربيون إن كير ومشار اجتمعا. وتتهم وسائل الإعلام الحكومية والروسية الجماعة بأنها مقربة من المتطرفين."}));
    assert_eq!(
        doc["claims"].as_array().unwrap().len(),
        2,
        "help: {}",
        doc["claims"]
    );
}

/// `حمل X Y المسؤولية` (held Y responsible) is X's claim; `تحمل "بصمات"` (bears) is none.
/// A name after the speaker's name, or a body after an unnamed source, is the verb's
/// object, not part of the speaker (`اتهمت الحكومة اليمنية الحوثيين`, `حمل الأهالي
/// ميليشيا الحوثي`).
#[test]
fn holding_someone_responsible_is_a_claim_of_the_subject() {
    let doc = &extract_one(serde_json::json!({"id": "h1", "published": "2018-02-27",
        "text": "وحمل الأهالي ميليشيا الحوثي المسؤولية عن حياة الجريح. واتهمت الحكومة اليمنية الحوثيين بقصف المدينة. وعرض التحالف بقايا الصواريخ التي تحمل \"بصمات\" التصنيع الإيراني."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("حمل", "الأهالي"), ("اتهمت", "الحكومة اليمنية")],
        "help: {}",
        doc["claims"]
    );
}

/// Rejecting accusations is a denial (`رفضت السلطات الروسية، الأربعاء، الاتهامات`), and the
/// participle after it is the same speaker's; rejecting a call is no statement.
#[test]
fn rejecting_accusations_is_a_denial() {
    let doc = &extract_one(serde_json::json!({"id": "r1", "published": "2018-02-21",
        "text": "رفضت السلطات الروسية، الأربعاء، الاتهامات الموجهة لها بالتورط في قتل المدنيين، معتبرة أنها اتهامات لا أساس لها. ورفض الحوثيون الدعوة إلى الحوار."}));
    assert_eq!(
        cue_speakers(doc),
        vec![("رفضت", "السلطات الروسية"), ("معتبرة", "السلطات الروسية")],
        "help: {}",
        doc["claims"]
    );
    assert_eq!(
        doc["claims"][0]["stance"], "deny",
        "help: {}",
        doc["claims"]
    );
}

/// Control taken back as the object of a territory verb (`استعادت القوات ... الأحد
/// السيطرة على بلدات`) is that verb's one change of hands, not a second event of another
/// type; a new clause with its own verb is another (`وسيطرت على`).
#[test]
fn control_as_the_object_of_a_territory_verb_is_one_event() {
    let doc = &extract_one(serde_json::json!({"id": "t1", "published": "2018-07-02",
        "text": "استعادت القوات التابعة للنظام السوري الأحد السيطرة على بلدات عدة في ريف درعا الشرقي."}));
    let types: Vec<&str> = events_of(doc)
        .iter()
        .filter_map(|e| e["type"].as_str())
        .collect();
    assert_eq!(
        types,
        vec!["government_regains_territory"],
        "help: {types:?}"
    );
}

/// `المدينة` refers back to a town: after `مدينة زبيد بمحافظة الحديدة`, Zabid, not the
/// province named right after it.
#[test]
fn the_city_refers_back_to_the_town_before_its_province() {
    let doc = &extract_one(serde_json::json!({"id": "z1", "published": "2018-07-15",
        "text": "فرضت ميليشيات الحوثي حظرا للتجول في مدينة زبيد بمحافظة الحديدة، وقامت بتنظيم حملة اقتحامات للمنازل، اختطفت خلالها عددا من أبناء المدينة."}));
    let places = places_of(doc, "abduction_forced_disappearance");
    assert_eq!(places, vec!["zabid-ye"], "help: {}", doc["events"]);
}

/// A place no lexicon holds that the text puts inside a known one (`بمديرية الحالي في
/// الحديدة`) is that place's incident: strikes told there and then `بمدينة الحديدة` are
/// one event at Hodeidah. (A place by a city, `ضاحية البريهي، جنوب مدينة الحديدة`, stays
/// apart: see `a_suburb_of_a_city_is_that_citys_incident`.)
#[test]
fn a_district_said_to_lie_in_a_city_is_that_citys_incident() {
    let doc = &extract_one(serde_json::json!({"id": "d1", "published": "2018-07-15",
        "text": "شنت مقاتلات التحالف العربي غارات استهدفت مواقع ميليشيات الحوثي بمديرية الحالي في الحديدة غربي اليمن. واستهدفت غارات التحالف العربي موقع الجبانة العسكري، وأهدافا أخرى للميليشيات بمدينة الحديدة."}));
    let strikes: Vec<&Value> = events_of(doc)
        .iter()
        .filter(|e| {
            e["type"] == "air_drone_strike" || e["type"] == "shelling_artillery_missile_attack"
        })
        .collect();
    assert_eq!(strikes.len(), 1, "help: {strikes:?}");
    assert_eq!(strikes[0]["place"], "hodeidah-ye", "help: {strikes:?}");
}

/// A killing word with a count after it (`بتصفية 17 من السرية الثالثة`) gives the event
/// its toll.
#[test]
fn a_count_after_a_killing_word_is_the_toll() {
    let doc = &extract_one(serde_json::json!({"id": "k1", "published": "2017-05-27",
        "text": "وأخيرًا الجريمة البشعة بتصفية 17 من السرية الثالثة أمن مركزي تابعة لمكتب بوسليم."}));
    let events = events_of(doc);
    assert_eq!(events.len(), 1, "help: {events:?}");
    assert_eq!(events[0]["type"], "attack", "help: {events:?}");
    assert_eq!(events[0]["fatalities"]["value"], 17, "help: {events:?}");
}
