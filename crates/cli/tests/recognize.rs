//! The recognize stage through `rasd`: entities and refs of the seeds, the `no-tagger`
//! preset, lexicon overrides and `rasd lexicon check`.

use crate::util::*;

fn seeds(preset: &str) -> Vec<serde_json::Value> {
    let path = repo_path("corpus/seeds.jsonl");
    let out = run(
        &["extract", "--preset", preset, path.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

#[test]
fn seed_places_are_geocoded_and_tripoli_is_libyas() {
    for d in seeds("default") {
        let id = d["id"].as_str().unwrap();
        let refs = d["refs"].as_object().unwrap();
        for e in d["entities"].as_array().unwrap() {
            let r = e["ref"]
                .as_str()
                .unwrap_or_else(|| panic!("help: {id}: entity without ref {e}"));
            assert!(refs.contains_key(r), "help: {id}: ref {r} has no record");
            let ty = e["type"].as_str().unwrap();
            if matches!(ty, "LOC" | "FAC" | "GPE") {
                let rec = &refs[r];
                assert!(
                    rec["lat"].is_f64() && rec["lon"].is_f64() && rec["country"].is_string(),
                    "help: {id}: place {r} lacks coordinates or country: {rec}"
                );
            }
            if e["text"] == "طرابلس" {
                assert_eq!(
                    r, "tripoli-ly",
                    "help: {id}: Tripoli here is Libya's ({})",
                    e["why"]
                );
            }
        }
    }
}

#[test]
fn mentions_of_one_person_share_a_ref_and_clitics_stay_out() {
    let docs = seeds("default");
    let d = docs
        .iter()
        .find(|d| d["id"] == "000_c8684c63aeac1453")
        .expect("seed 000");
    let haftar: Vec<&serde_json::Value> = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["ref"] == "khalifa-haftar")
        .collect();
    assert!(
        haftar.len() >= 5,
        "help: حفتر and لحفتر are one man: {haftar:?}"
    );
    assert!(
        haftar.iter().all(|e| e["text"] == "حفتر"),
        "help: لحفتر gives the span حفتر"
    );
    let rec = &d["refs"]["khalifa-haftar"];
    assert_eq!(rec["name_en"], "Khalifa Haftar");
    assert!(rec["why"]
        .as_str()
        .unwrap()
        .starts_with("lexicon:actors/people.tsv:"));
    let d = docs
        .iter()
        .find(|d| d["id"] == "001_6ce3bbe06b131295")
        .expect("seed 001");
    let role = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ref"] == "khalifa-haftar" && e["role"].is_string())
        .map(|e| e["role"].as_str().unwrap().to_string());
    assert_eq!(
        role.as_deref(),
        Some("اللواء المتقاعد"),
        "help: the title before the name is its role"
    );
}

#[test]
fn no_tagger_preset_uses_lexicons_only() {
    for d in seeds("no-tagger") {
        for e in d["entities"].as_array().unwrap() {
            let why = e["why"].as_str().unwrap();
            assert!(
                !why.contains("model:"),
                "help: no-tagger must not run the tagger: {why}"
            );
        }
    }
}

#[test]
fn a_users_lexicon_adds_a_name_without_recompiling() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("actors")).unwrap();
    std::fs::write(
        dir.path().join("actors/mine.tsv"),
        "id\ttype\tkind\tar\ten\nbrigade-444\tGROUP\tbrigade\tاللواء 444 قتال\t444th Brigade\n",
    )
    .unwrap();
    let out = run(
        &[
            "extract",
            "--preset",
            "no-tagger",
            "--lexicons",
            dir.path().to_str().unwrap(),
            "-",
        ],
        Some("اشتبك اللواء 444 قتال مع قوات أخرى في ترهونة.".as_bytes()),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = &json_lines(&out.stdout)[0];
    let e = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ref"] == "brigade-444");
    let e = e.unwrap_or_else(|| panic!("help: the user's row is used: {}", d["entities"]));
    assert_eq!(e["type"], "GROUP");
    assert!(e["why"]
        .as_str()
        .unwrap()
        .starts_with("lexicon:actors/mine.tsv:2"));
}

#[test]
fn lexicon_check_reports_bad_rows_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("places")).unwrap();
    std::fs::write(
        dir.path().join("places/bad.tsv"),
        "id\ttype\tar\tcountry\tlat\tlon\twithin\nx\tTOWN\tبلدة ما\tLY\t32\t13\t\ny\tLOC\tبلدة أخرى\tLY\t132\t13\t\nz\tLOC\tبلدة ثالثة\tLY\t32\t13\tnowhere\n",
    )
    .unwrap();
    let out = run(&["lexicon", "check", dir.path().to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(1),
        "help: bad rows make the check fail"
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [
        "places/bad.tsv:2: unknown type `TOWN`",
        "places/bad.tsv:3: `y`: bad coordinate",
        "places/bad.tsv:4: dangling ref: within `nowhere`",
    ] {
        assert!(
            text.contains(needle),
            "help: {needle:?} missing from:\n{text}"
        );
    }
    let out = run(&["lexicon", "check"], None);
    assert!(
        out.status.success(),
        "help: the built-in lexicons are clean:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
