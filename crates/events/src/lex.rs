//! The event lexicons under `lexicons/events/`, loaded and checked.

use rasd_attribute::words::{table, variants, Classes, Phrases};
use rasd_lexicon::{Issue, Source};
use rasd_model::Why;
use rasd_text::Analyzer;

/// Folder of trigger tables, one file per family (`triggers/remote.tsv` …).
pub const TRIGGERS: &str = "events/triggers";
/// Weapons: `events/weapons.tsv`.
pub const WEAPONS: &str = "events/weapons.tsv";
/// Casualty words: `events/casualties.tsv`.
pub const CASUALTIES: &str = "events/casualties.tsv";
/// Targets and victims: `events/targets.tsv`.
pub const TARGETS: &str = "events/targets.tsv";
/// Words for one person: `events/victims.tsv`.
pub const VICTIMS: &str = "events/victims.tsv";
/// Actor heads: `events/actors.tsv`.
pub const ACTORS: &str = "events/actors.tsv";
/// Words around places: `events/places.tsv`.
pub const PLACES: &str = "events/places.tsv";
/// Phrases that hold a trigger but report no event: `events/not_events.tsv`.
pub const NOT_EVENTS: &str = "events/not_events.tsv";
/// Verbs that frame an event word after them: `events/frames.tsv`.
pub const FRAMES: &str = "events/frames.tsv";

/// Whether an event type is a change of who holds territory.
pub fn territorial(etype: &str) -> bool {
    matches!(
        etype,
        "government_regains_territory"
            | "non_state_actor_overtakes_territory"
            | "non_violent_transfer_of_territory"
    )
}

/// The event types of the output contract (DESIGN.md), with the family each belongs to:
/// ACLED's event types for violent and strategic events, `political` for PLOVER's.
pub const TYPES: &[(&str, &str)] = &[
    ("armed_clash", "battles"),
    ("government_regains_territory", "battles"),
    ("non_state_actor_overtakes_territory", "battles"),
    ("air_drone_strike", "remote"),
    ("shelling_artillery_missile_attack", "remote"),
    ("remote_explosive_landmine_ied", "remote"),
    ("suicide_bomb", "remote"),
    ("grenade", "remote"),
    ("chemical_weapon", "remote"),
    ("attack", "violence"),
    ("abduction_forced_disappearance", "violence"),
    ("sexual_violence", "violence"),
    ("peaceful_protest", "protests"),
    ("protest_with_intervention", "protests"),
    ("excessive_force_against_protesters", "protests"),
    ("violent_demonstration", "riots"),
    ("mob_violence", "riots"),
    ("agreement", "strategic"),
    ("arrests", "strategic"),
    ("change_to_group_activity", "strategic"),
    ("disrupted_weapons_use", "strategic"),
    ("headquarters_or_base_established", "strategic"),
    ("looting_property_destruction", "strategic"),
    ("non_violent_transfer_of_territory", "strategic"),
    ("other", "strategic"),
    ("accuse", "political"),
    ("request", "political"),
    ("consult", "political"),
    ("agree", "political"),
    ("support", "political"),
    ("reject", "political"),
    ("threaten", "political"),
    ("investigate", "political"),
    ("sanction", "political"),
    ("aid", "political"),
    ("cooperate", "political"),
    ("mobilize", "political"),
    ("concede", "political"),
    ("retreat", "political"),
    ("coerce", "political"),
];

/// The family of a contract type.
pub fn family(etype: &str) -> Option<&'static str> {
    TYPES.iter().find(|(t, _)| *t == etype).map(|(_, f)| *f)
}

/// Whether a family is violent (battles, remote violence, violence against civilians,
/// riots): these events need a place, a time or a toll.
pub fn violent(family: &str) -> bool {
    matches!(family, "battles" | "remote" | "violence" | "riots")
}

/// One trigger row.
#[derive(Clone, Debug)]
pub struct Trigger {
    /// Contract type.
    pub etype: &'static str,
    /// A weapon in its clause sets the type.
    pub weapon: bool,
    /// Only a weapon right after it with ب sets the type.
    pub instrument: bool,
    /// The noun after it is its object, never its doer.
    pub object: bool,
    /// Civilian targets make it `attack`.
    pub target: bool,
    /// A generic word.
    pub weak: bool,
    /// A word naming a violent event by what it was (`مجزرة`): it may be the one
    /// specific violent incident the article tells.
    pub refers: bool,
    /// A word for a whole war or campaign (`حرب أهلية`, `عملية عسكرية`): an event only
    /// with a time of its own, never one with a single incident.
    pub background: bool,
    /// A ل phrase right after it names its doer (`غارة للتحالف`), not its target.
    pub by_li: bool,
    /// Sub-kind.
    pub detail: Option<Box<str>>,
    /// The row.
    pub why: Why,
}

/// One weapon row.
#[derive(Clone, Debug)]
pub struct Weapon {
    /// Id written to `weapons`.
    pub id: Box<str>,
    /// The type it implies.
    pub etype: Option<&'static str>,
    /// The row.
    pub why: Why,
}

/// What a casualty word counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Killed (and bodies found).
    Killed,
    /// Injured.
    Injured,
    /// Captured.
    Captured,
}

/// Where a casualty word's count stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountAt {
    /// After the word (`مقتل 53`), or a named person after it (`مقتل الصماد`).
    After,
    /// After the word, and only a number (`سقوط 10 قتلى`): a name after it is no death
    /// (`سقوط معمر القذافي` is his fall from power).
    Number,
    /// Before it (`30 قتيلا`).
    Before,
    /// Either side (verbs).
    Either,
    /// Either side, and without a count the word itself tells of one death (`لقي
    /// مصرعه`, singular with its pronoun).
    One,
}

/// One casualty row.
#[derive(Clone, Debug)]
pub struct Casualty {
    /// What it counts.
    pub kind: Kind,
    /// Where the count stands.
    pub count: CountAt,
    /// The event it makes alone.
    pub event: Option<&'static str>,
    /// The event type its count goes to first.
    pub prefers: Option<&'static str>,
    /// The row.
    pub why: Why,
}

/// One target row.
#[derive(Clone, Debug)]
pub struct Target {
    /// Civilians (true) or armed forces.
    pub civilian: bool,
    /// English label.
    pub label: Box<str>,
}

/// Every event lexicon.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    /// Triggers of every family.
    pub triggers: Phrases<Trigger>,
    /// Weapons.
    pub weapons: Phrases<Weapon>,
    /// Casualty words.
    pub casualties: Phrases<Casualty>,
    /// Targets.
    pub targets: Phrases<Target>,
    /// Words for one person, counted as a toll of one.
    pub victims: Classes,
    /// Actor heads.
    pub actors: Classes,
    /// Words around places.
    pub places: Classes,
    /// Phrases that report no event.
    pub not_events: Phrases<Why>,
    /// Framing verbs (`undergo`).
    pub frames: Classes,
}

fn contract_type(t: &str) -> Option<&'static str> {
    TYPES.iter().find(|(x, _)| *x == t).map(|(x, _)| *x)
}

impl Lexicons {
    /// Load every file; bad rows are reported and skipped.
    pub fn load(src: &Source, an: &Analyzer) -> (Lexicons, Vec<Issue>) {
        let mut issues = Vec::new();
        let mut lx = Lexicons::default();
        let files = src.list(TRIGGERS);
        if files.is_empty() {
            issues.push(Issue::new(TRIGGERS, 0, "no trigger tables"));
        }
        for f in files {
            let mut t = table(src, &f, &mut issues);
            t.require(&["forms", "type"]);
            let mut bad = Vec::new();
            for r in &t.rows {
                let Some(etype) = t.get(r, "type").and_then(contract_type) else {
                    bad.push((
                        r.line,
                        format!("unknown type `{}`", t.get(r, "type").unwrap_or("")),
                    ));
                    continue;
                };
                let retype = t.list(r, "retype");
                if let Some(x) = retype.iter().find(|x| {
                    !matches!(
                        **x,
                        "weapon"
                            | "instrument"
                            | "target"
                            | "weak"
                            | "refers"
                            | "object"
                            | "background"
                            | "by_li"
                    )
                }) {
                    bad.push((r.line, format!("unknown retype `{x}`")));
                }
                let trig = Trigger {
                    etype,
                    weapon: retype.contains(&"weapon"),
                    instrument: retype.contains(&"instrument"),
                    object: retype.contains(&"object"),
                    target: retype.contains(&"target"),
                    weak: retype.contains(&"weak"),
                    refers: retype.contains(&"refers"),
                    background: retype.contains(&"background"),
                    by_li: retype.contains(&"by_li"),
                    detail: t.get(r, "detail").map(Box::from),
                    why: r.why(&t),
                };
                let forms = variants(an, &t, r, "forms");
                if forms.is_empty() {
                    bad.push((r.line, "empty `forms`".to_string()));
                }
                for v in forms {
                    lx.triggers.insert(&v, trig.clone());
                }
            }
            for (l, m) in bad {
                t.issue(l, m);
            }
            issues.append(&mut t.issues);
        }

        let mut t = table(src, WEAPONS, &mut issues);
        t.require(&["id", "forms", "type"]);
        t.check_unique("id");
        let mut bad = Vec::new();
        for r in &t.rows {
            let Some(id) = t.get(r, "id") else { continue };
            let etype = match t.get(r, "type") {
                None => None,
                Some(x) => match contract_type(x) {
                    Some(c) => Some(c),
                    None => {
                        bad.push((r.line, format!("unknown type `{x}`")));
                        continue;
                    }
                },
            };
            let w = Weapon {
                id: id.into(),
                etype,
                why: r.why(&t),
            };
            for v in variants(an, &t, r, "forms") {
                lx.weapons.insert(&v, w.clone());
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let mut t = table(src, CASUALTIES, &mut issues);
        t.require(&["forms", "kind", "count"]);
        for r in &t.rows {
            let kind = match t.get(r, "kind") {
                Some("killed") => Kind::Killed,
                Some("injured") => Kind::Injured,
                Some("captured") => Kind::Captured,
                _ => {
                    bad.push((
                        r.line,
                        "kind must be killed, injured or captured".to_string(),
                    ));
                    continue;
                }
            };
            let count = match t.get(r, "count") {
                Some("after") => CountAt::After,
                Some("number") => CountAt::Number,
                Some("before") => CountAt::Before,
                Some("either") => CountAt::Either,
                Some("one") => CountAt::One,
                _ => {
                    bad.push((
                        r.line,
                        "count must be after, number, before, either or one".to_string(),
                    ));
                    continue;
                }
            };
            let event = match t.get(r, "event") {
                None => None,
                Some(x) => match contract_type(x) {
                    Some(c) => Some(c),
                    None => {
                        bad.push((r.line, format!("unknown type `{x}`")));
                        continue;
                    }
                },
            };
            let prefers = t.get(r, "prefers").and_then(contract_type);
            if t.get(r, "prefers").is_some() && prefers.is_none() {
                bad.push((r.line, "unknown type in `prefers`".to_string()));
            }
            let c = Casualty {
                kind,
                count,
                event,
                prefers,
                why: r.why(&t),
            };
            for v in variants(an, &t, r, "forms") {
                lx.casualties.insert(&v, c.clone());
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let mut t = table(src, TARGETS, &mut issues);
        t.require(&["forms", "class", "label"]);
        for r in &t.rows {
            let civilian = match t.get(r, "class") {
                Some("civilian") => true,
                Some("military") => false,
                _ => {
                    bad.push((r.line, "class must be civilian or military".to_string()));
                    continue;
                }
            };
            let label: Box<str> = t.get(r, "label").unwrap_or("").into();
            for v in variants(an, &t, r, "forms") {
                lx.targets.insert(
                    &v,
                    Target {
                        civilian,
                        label: label.clone(),
                    },
                );
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let (c, mut i) = Classes::load(
            an,
            table(src, VICTIMS, &mut issues),
            &["civilian", "military", "kin"],
        );
        lx.victims = c;
        issues.append(&mut i);
        let (c, mut i) = Classes::load(an, table(src, ACTORS, &mut issues), &["force"]);
        lx.actors = c;
        issues.append(&mut i);
        let (c, mut i) = Classes::load(
            an,
            table(src, PLACES, &mut issues),
            &[
                "prep",
                "direction",
                "near",
                "area",
                "areas",
                "anaphor",
                "site",
                "not_name",
            ],
        );
        lx.places = c;
        issues.append(&mut i);
        let mut t = table(src, NOT_EVENTS, &mut issues);
        t.require(&["forms"]);
        for r in &t.rows {
            for v in variants(an, &t, r, "forms") {
                lx.not_events.insert(&v, r.why(&t));
            }
        }
        issues.append(&mut t.issues);
        let (c, mut i) = Classes::load(
            an,
            table(src, FRAMES, &mut issues),
            &[
                "undergo",
                "achieve",
                "refer",
                "support",
                "by",
                "nature",
                "aggregate",
                "negotiated",
                "front",
                "demand",
                "outbreak",
                "ongoing",
                "state",
                "cause",
                "earlier",
                "versus",
                "aim",
                "turn",
            ],
        );
        lx.frames = c;
        issues.append(&mut i);
        (lx, issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load_clean() {
        let (lx, issues) = Lexicons::load(&Source::embedded(), &Analyzer::default());
        assert!(issues.is_empty(), "{issues:?}");
        assert!(lx.triggers.len() > 200);
        assert!(lx.weapons.len() > 50);
    }

    #[test]
    fn unknown_types_are_reported() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("events/triggers")).unwrap();
        std::fs::write(
            d.path().join("events/triggers/mine.tsv"),
            "forms\ttype\tretype\tdetail\nغارة\tair_drone_strike\t\t\nكمين\tambush\t\t\n",
        )
        .unwrap();
        let (lx, issues) = Lexicons::load(&Source::with_dir(d.path()), &Analyzer::default());
        assert!(
            issues
                .iter()
                .any(|i| i.file == "events/triggers/mine.tsv" && i.line == 3),
            "{issues:?}"
        );
        assert!(lx.triggers.len() > 200, "embedded tables still load");
    }

    #[test]
    fn every_type_has_a_family() {
        for (t, f) in TYPES {
            assert_eq!(family(t), Some(*f));
        }
        assert!(violent("remote") && !violent("political"));
    }
}
