//! rasd's corpus-level stage: events reported by different articles are grouped into
//! incidents, every account is kept, and where accounts disagree the disagreement is
//! listed — never resolved.
//!
//! The main types are [`Account`] (one event as one article tells it), [`Families`]
//! (the editable table `incidents/families.tsv`: which event types may describe the
//! same incident, how far apart in days and kilometres, and the relation a type draws
//! in the actor graph), [`group`] (accounts in, [`Incident`]s out) and
//! [`Disagreement`]. This crate reads no store and no article: the store hands it
//! accounts and saves what it returns.
//!
//! Two accounts can be one incident when their types share a family, their dates
//! overlap within the family's window, their places are the same record or within its
//! radius, and — for verbal events (`accuse`, `consult` …) — they share an actor or
//! target. Linkage is complete: an account joins an incident only if it is compatible
//! with every account already in it, so chains (A~B, B~C, A≁C) never merge.
//!
//! ```
//! use rasd_incidents::{group, Account, Families, Place};
//! let fam = Families::load(&rasd_lexicon::Source::embedded()).0;
//! let place = Some(Place { key: "tajoura".into(), name: "تاجوراء".into(), lat: Some(32.88), lon: Some(13.35), coarse: false });
//! let a = Account { key: 1, article: 1, outlet: Some("A".into()), etype: "air_drone_strike".into(),
//!     place: place.clone(), day: Some((18_000, 18_001)), fatalities: Some((53.0, "exact".into())), ..Account::default() };
//! let b = Account { key: 2, article: 2, outlet: Some("B".into()), fatalities: Some((40.0, "exact".into())), ..a.clone() };
//! let incidents = group(&fam, vec![a, b]);
//! assert_eq!(incidents.len(), 1);
//! assert_eq!(incidents[0].disagreements[0].kind, "toll");
//! ```
#![warn(missing_docs)]

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rasd_lexicon::{Issue, Source};
use serde::Serialize;

/// The lexicon file of event families.
pub const FAMILIES: &str = "incidents/families.tsv";

/// What the families table says about one event type.
#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    /// Family name; accounts of one incident share it.
    pub family: String,
    /// Relation drawn between actors and targets (`attacks`, `backs`, `accuses` …).
    pub relation: String,
    /// How many days apart two accounts' dates may be.
    pub window_days: i64,
    /// How many kilometres apart their places may be (0: places are not compared).
    pub radius_km: f64,
    /// Whether accounts must share an actor or target.
    pub needs_party: bool,
    /// ACLED's event type (`Battles` …), empty for PLOVER types.
    pub acled_event_type: String,
    /// ACLED's name of the sub-event type (`Air/drone strike`), empty for PLOVER types.
    pub acled_sub_event_type: String,
    /// The row, as `lexicon:incidents/families.tsv:N`.
    pub why: String,
}

/// The families table, by event type.
#[derive(Clone, Debug, Default)]
pub struct Families {
    by_type: HashMap<String, Family>,
}

impl Families {
    /// Load `incidents/families.tsv`; bad rows are reported and skipped.
    pub fn load(src: &Source) -> (Families, Vec<Issue>) {
        let mut by_type = HashMap::new();
        let mut t = match src.table(FAMILIES) {
            Ok(t) => t,
            Err(e) => {
                return (
                    Families::default(),
                    vec![Issue::new(FAMILIES, 0, e.to_string())],
                )
            }
        };
        t.require(&[
            "type",
            "family",
            "relation",
            "window_days",
            "radius_km",
            "needs_party",
        ]);
        t.check_unique("type");
        let mut bad = Vec::new();
        for r in &t.rows {
            let (Some(ty), Some(family)) = (t.get(r, "type"), t.get(r, "family")) else {
                continue;
            };
            let window = t.get(r, "window_days").and_then(|s| s.parse::<i64>().ok());
            let radius = t.get(r, "radius_km").and_then(|s| s.parse::<f64>().ok());
            let (Some(window_days), Some(radius_km)) = (window, radius) else {
                bad.push((r.line, "window_days and radius_km must be numbers"));
                continue;
            };
            let family = Family {
                family: family.to_string(),
                relation: t.get(r, "relation").unwrap_or("acts").to_string(),
                window_days,
                radius_km,
                needs_party: t.get(r, "needs_party") == Some("yes"),
                acled_event_type: t.get(r, "acled_event_type").unwrap_or("").to_string(),
                acled_sub_event_type: t.get(r, "acled_sub_event_type").unwrap_or("").to_string(),
                why: r.why(&t).to_string(),
            };
            by_type.insert(ty.to_string(), family);
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        (Families { by_type }, t.issues)
    }

    /// The family record of an event type.
    pub fn get(&self, etype: &str) -> Option<&Family> {
        self.by_type.get(etype)
    }

    /// Family of a type; an unlisted type is its own family, compared as strictly
    /// as a verbal event (same day window of 2, shared party).
    pub fn of(&self, etype: &str) -> Family {
        self.get(etype).cloned().unwrap_or_else(|| Family {
            family: etype.to_string(),
            relation: "acts".into(),
            window_days: 2,
            radius_km: 25.0,
            needs_party: true,
            acled_event_type: String::new(),
            acled_sub_event_type: String::new(),
            why: "rule:incidents/unlisted-type".into(),
        })
    }

    /// Number of listed types.
    pub fn len(&self) -> usize {
        self.by_type.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_type.is_empty()
    }
}

/// Where an account places its event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Place {
    /// The ref key (`tajoura`), or the place's name when it has no record.
    pub key: String,
    /// Its name as shown.
    pub name: String,
    /// Latitude, when known.
    pub lat: Option<f64>,
    /// Longitude, when known.
    pub lon: Option<f64>,
    /// Whether the place is a whole country or region (`ليبيا`, `سوريا`): too coarse
    /// to tie two reports together, so it counts as no place when comparing.
    #[serde(default)]
    pub coarse: bool,
}

/// One event as one article reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Account {
    /// The caller's id of the event (the store's event row).
    pub key: i64,
    /// The caller's id of the article.
    pub article: i64,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// Event type.
    pub etype: String,
    /// Actor keys (refs or free text).
    pub actors: Vec<String>,
    /// Target keys.
    pub targets: Vec<String>,
    /// Place.
    pub place: Option<Place>,
    /// Days since 1970-01-01, `[from, to)`: the event's time, or a window ending on
    /// the publication day when the text gives none.
    pub day: Option<(i64, i64)>,
    /// Killed: value and approx (`exact`, `more_than` …).
    pub fatalities: Option<(f64, String)>,
    /// Injured.
    pub injuries: Option<(f64, String)>,
    /// Whether the account says it did not happen (negated, denied modality or a
    /// denying claim).
    pub denied: bool,
    /// Who says so (speaker name), when known.
    pub speaker: Option<String>,
}

/// One position in a disagreement: a value and the accounts that hold it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Position {
    /// The value as shown (`53 (more_than)`, `khalifa-haftar`, `denied`).
    pub value: String,
    /// Keys of the accounts that hold it.
    pub accounts: Vec<i64>,
}

/// Accounts of one incident that say different things about one aspect of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    /// `toll`, `injuries`, `perpetrator`, `cause` or `denial`.
    pub kind: &'static str,
    /// Each distinct value, with its accounts (silent accounts are not a position).
    pub positions: Vec<Position>,
    /// The rule that found it.
    pub why: String,
}

/// One real-world incident and every account of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Incident {
    /// The family its accounts share.
    pub family: String,
    /// The type most accounts give.
    pub etype: String,
    /// Keys of its accounts, in input order.
    pub accounts: Vec<i64>,
    /// Distinct articles.
    pub articles: usize,
    /// Distinct outlets (articles without an outlet count as one each).
    pub outlets: Vec<String>,
    /// The place most accounts give.
    pub place: Option<Place>,
    /// Earliest and latest day of its accounts, `[from, to)`.
    pub day: Option<(i64, i64)>,
    /// Lowest and highest death toll reported.
    pub fatalities: Option<(f64, f64)>,
    /// Where accounts disagree.
    pub disagreements: Vec<Disagreement>,
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Accounts prepared for comparison.
struct Prepared<'f> {
    acc: Account,
    /// Borrowed from the table: one copy per type, not per account.
    fam: Cow<'f, Family>,
    parties: BTreeSet<String>,
}

fn places_compatible(f: &Family, a: &Account, b: &Account) -> bool {
    if f.radius_km <= 0.0 {
        return true;
    }
    match (precise(a), precise(b)) {
        (Some(p), Some(q)) => {
            if p.key == q.key {
                return true;
            }
            match (p.lat.zip(p.lon), q.lat.zip(q.lon)) {
                (Some(x), Some(y)) => distance_km(x, y) <= f.radius_km,
                _ => false,
            }
        }
        // One account names no place: only the same article, or both silent with
        // the same type and a shared party, may still be one incident.
        _ => a.article == b.article,
    }
}

/// The days of an account dated to ten days or less (`times_compatible` ties only
/// those across articles).
fn short_day(a: &Account) -> Option<(i64, i64)> {
    a.day.filter(|(d0, d1)| d1 - d0 <= 10)
}

fn times_compatible(f: &Family, a: &Account, b: &Account) -> bool {
    match (a.day, b.day) {
        (Some((a0, a1)), Some((b0, b1))) => {
            // A month or a year is too vague to tie two reports together (a week or
            // `early March`, ten days, still is).
            if a1 - a0 > 10 || b1 - b0 > 10 {
                return a.article == b.article;
            }
            a0 < b1 + f.window_days && b0 < a1 + f.window_days
        }
        _ => a.article == b.article,
    }
}

/// The place of an account that is precise enough to compare.
fn precise(a: &Account) -> Option<&Place> {
    a.place.as_ref().filter(|p| !p.coarse)
}

fn compatible(x: &Prepared<'_>, y: &Prepared<'_>) -> bool {
    if x.fam.family != y.fam.family {
        return false;
    }
    if !times_compatible(&x.fam, &x.acc, &y.acc) {
        return false;
    }
    let share = !x.parties.is_disjoint(&y.parties);
    if (x.fam.needs_party || y.fam.needs_party) && !share {
        return false;
    }
    if precise(&x.acc).is_none() && precise(&y.acc).is_none() && x.acc.article != y.acc.article {
        // No place on either side: same type and a shared party are required.
        return x.fam.radius_km <= 0.0 || (x.acc.etype == y.acc.etype && share);
    }
    places_compatible(&x.fam, &x.acc, &y.acc)
}

/// Group accounts into incidents. Every account ends up in exactly one incident;
/// incidents come out ordered by first day, then by first account key.
pub fn group(families: &Families, accounts: Vec<Account>) -> Vec<Incident> {
    let mut prepared: Vec<Prepared> = accounts
        .into_iter()
        .map(|acc| {
            let fam = families
                .get(&acc.etype)
                .map_or_else(|| Cow::Owned(families.of(&acc.etype)), Cow::Borrowed);
            let parties = acc.actors.iter().chain(&acc.targets).cloned().collect();
            Prepared { acc, fam, parties }
        })
        .collect();
    prepared.sort_by(|a, b| {
        (a.fam.family.as_str(), a.acc.day.map(|d| d.0), a.acc.key).cmp(&(
            b.fam.family.as_str(),
            b.acc.day.map(|d| d.0),
            b.acc.key,
        ))
    });
    // Clusters of indices into `prepared`; only those of the current family are open.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // Per cluster, the earliest end day of its members dated to ten days or less.
    let mut ends: Vec<Option<i64>> = Vec::new();
    // Open clusters that a dated account may still join, in order. Accounts come by
    // day, so a cluster whose member ended more than the family's widest window before
    // the current day can take no later dated account (`times_compatible`) and leaves
    // this list for good; undated and long-dated accounts still see every open cluster.
    // This keeps grouping linear in the number of accounts rather than quadratic.
    let mut live: Vec<usize> = Vec::new();
    let mut open_from = 0;
    let mut widest = 0;
    for i in 0..prepared.len() {
        if i == 0 || prepared[i].fam.family != prepared[i - 1].fam.family {
            open_from = clusters.len();
            live.clear();
            let family = &prepared[i].fam.family;
            widest = prepared[i..]
                .iter()
                .take_while(|p| &p.fam.family == family)
                .map(|p| p.fam.window_days)
                .max()
                .unwrap_or(0);
        }
        let short = short_day(&prepared[i].acc);
        if let Some((a0, _)) = short {
            live.retain(|&ci| ends[ci].is_none_or(|e| e + widest > a0));
        }
        let candidates: Box<dyn Iterator<Item = usize>> = if short.is_some() {
            Box::new(live.iter().copied())
        } else {
            Box::new(open_from..clusters.len())
        };
        let mut best: Option<(usize, usize)> = None;
        for ci in candidates {
            let c = &clusters[ci];
            if c.iter().all(|&j| compatible(&prepared[i], &prepared[j])) {
                let score = c
                    .iter()
                    .filter(|&&j| prepared[j].acc.place == prepared[i].acc.place)
                    .count();
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((ci, score));
                }
            }
        }
        let end = short.map(|d| d.1);
        match best {
            Some((ci, _)) => {
                clusters[ci].push(i);
                if let Some(e) = end {
                    ends[ci] = Some(ends[ci].map_or(e, |x| x.min(e)));
                }
            }
            None => {
                live.push(clusters.len());
                clusters.push(vec![i]);
                ends.push(end);
            }
        }
    }
    let mut out: Vec<Incident> = clusters
        .iter()
        .map(|c| {
            let accs: Vec<&Account> = c.iter().map(|&i| &prepared[i].acc).collect();
            build(&prepared[c[0]].fam.family, &accs)
        })
        .collect();
    out.sort_by_key(|inc| (inc.day.map(|d| d.0), inc.accounts.first().copied()));
    out
}

fn most_common<T: Clone + Ord>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for x in items {
        *counts.entry(x).or_default() += 1;
    }
    let max = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(k, _)| k)
}

fn toll_label(t: &(f64, String)) -> String {
    if t.1 == "exact" {
        format!("{}", t.0)
    } else {
        format!("{} ({})", t.0, t.1)
    }
}

/// Positions of one aspect: accounts grouped by value, silent ones left out.
fn positions(accs: &[&Account], value: impl Fn(&Account) -> Option<String>) -> Vec<Position> {
    let mut by: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for a in accs {
        if let Some(v) = value(a) {
            by.entry(v).or_default().push(a.key);
        }
    }
    by.into_iter()
        .map(|(value, accounts)| Position { value, accounts })
        .collect()
}

fn build(family: &str, accs: &[&Account]) -> Incident {
    let mut accounts: Vec<i64> = accs.iter().map(|a| a.key).collect();
    accounts.sort_unstable();
    let articles = accs
        .iter()
        .map(|a| a.article)
        .collect::<BTreeSet<_>>()
        .len();
    let outlets: BTreeSet<String> = accs
        .iter()
        .map(|a| {
            a.outlet
                .clone()
                .unwrap_or_else(|| format!("article {}", a.article))
        })
        .collect();
    let etype = most_common(accs.iter().map(|a| a.etype.clone())).unwrap_or_default();
    let place_key = most_common(
        accs.iter()
            .filter_map(|a| a.place.as_ref().map(|p| p.key.clone())),
    );
    let place = place_key.and_then(|k| {
        accs.iter()
            .filter_map(|a| a.place.clone())
            .find(|p| p.key == k)
    });
    let day = accs
        .iter()
        .filter_map(|a| a.day)
        .reduce(|x, y| (x.0.min(y.0), x.1.max(y.1)));
    let fatalities = accs
        .iter()
        .filter_map(|a| a.fatalities.as_ref().map(|f| f.0))
        .fold(None, |acc: Option<(f64, f64)>, v| {
            Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
        });
    let mut disagreements = Vec::new();
    if accs.len() > 1 {
        let mut push = |kind: &'static str, why: &str, p: Vec<Position>| {
            if p.len() > 1 {
                disagreements.push(Disagreement {
                    kind,
                    positions: p,
                    why: format!("rule:incidents/{why}"),
                });
            }
        };
        push(
            "toll",
            "distinct-fatalities",
            positions(accs, |a| a.fatalities.as_ref().map(toll_label)),
        );
        push(
            "injuries",
            "distinct-injuries",
            positions(accs, |a| a.injuries.as_ref().map(toll_label)),
        );
        push("perpetrator", "distinct-actors", perpetrators(accs));
        push(
            "cause",
            "distinct-types",
            positions(accs, |a| Some(a.etype.clone())),
        );
        push(
            "denial",
            "asserted-and-denied",
            positions(accs, |a| {
                Some(if a.denied { "denied" } else { "asserted" }.to_string())
            }),
        );
    }
    Incident {
        family: family.to_string(),
        etype,
        accounts,
        articles,
        outlets: outlets.into_iter().collect(),
        place,
        day,
        fatalities,
        disagreements,
    }
}

/// Perpetrator positions: only when two accounts name actor sets with nothing in
/// common (one naming more actors than another is not a disagreement).
fn perpetrators(accs: &[&Account]) -> Vec<Position> {
    let named: Vec<&&Account> = accs.iter().filter(|a| !a.actors.is_empty()).collect();
    let disjoint = named.iter().enumerate().any(|(i, a)| {
        named[i + 1..]
            .iter()
            .any(|b| a.actors.iter().all(|x| !b.actors.contains(x)))
    });
    if !disjoint {
        return Vec::new();
    }
    positions(accs, |a| {
        if a.actors.is_empty() {
            return None;
        }
        let mut v = a.actors.clone();
        v.sort();
        v.dedup();
        Some(v.join(" + "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam() -> Families {
        let (f, issues) = Families::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:?}");
        f
    }

    fn place(key: &str, lat: f64, lon: f64) -> Option<Place> {
        Some(Place {
            key: key.into(),
            name: key.into(),
            lat: Some(lat),
            lon: Some(lon),
            coarse: false,
        })
    }

    fn strike(key: i64, article: i64, outlet: &str) -> Account {
        Account {
            key,
            article,
            outlet: Some(outlet.into()),
            etype: "air_drone_strike".into(),
            place: place("tajoura", 32.88, 13.35),
            day: Some((18_000, 18_001)),
            ..Account::default()
        }
    }

    #[test]
    fn families_table_loads_and_covers_the_contract_types() {
        let f = fam();
        for t in [
            "air_drone_strike",
            "armed_clash",
            "attack",
            "accuse",
            "consult",
            "support",
            "other",
        ] {
            assert!(f.get(t).is_some(), "help: {t} missing from {FAMILIES}");
        }
        assert_eq!(
            f.get("armed_clash").map(|x| x.acled_event_type.as_str()),
            Some("Battles")
        );
    }

    #[test]
    fn same_strike_two_outlets_is_one_incident_with_disagreements() {
        let mut a = strike(1, 10, "Outlet A");
        a.fatalities = Some((53.0, "more_than".into()));
        a.actors = vec!["khalifa-haftar".into()];
        let mut b = strike(2, 20, "Outlet B");
        b.fatalities = Some((40.0, "exact".into()));
        b.actors = vec!["uae".into()];
        b.denied = true;
        b.etype = "shelling_artillery_missile_attack".into();
        let inc = group(&fam(), vec![a, b]);
        assert_eq!(inc.len(), 1, "{inc:#?}");
        let kinds: Vec<&str> = inc[0].disagreements.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, ["toll", "perpetrator", "cause", "denial"]);
        assert_eq!(inc[0].outlets.len(), 2);
        assert_eq!(inc[0].fatalities, Some((40.0, 53.0)));
    }

    #[test]
    fn apart_in_place_time_or_family_stay_apart() {
        type Change = Box<dyn Fn(&mut Account)>;
        let cases: Vec<(&str, Change)> = vec![
            (
                "far place",
                Box::new(|b| b.place = place("benghazi", 32.12, 20.07)),
            ),
            ("days apart", Box::new(|b| b.day = Some((18_010, 18_011)))),
            (
                "other family",
                Box::new(|b| b.etype = "peaceful_protest".into()),
            ),
            ("month grain", Box::new(|b| b.day = Some((17_990, 18_020)))),
            ("no time", Box::new(|b| b.day = None)),
        ];
        for (name, change) in cases {
            let a = strike(1, 10, "A");
            let mut b = strike(2, 20, "B");
            change(&mut b);
            assert_eq!(
                group(&fam(), vec![a, b]).len(),
                2,
                "help: {name} should not merge"
            );
        }
    }

    #[test]
    fn near_places_merge_and_chains_do_not() {
        let a = strike(1, 10, "A");
        let mut b = strike(2, 20, "B");
        b.place = place("tripoli", 32.89, 13.19); // ~15 km from Tajoura
        assert_eq!(group(&fam(), vec![a.clone(), b.clone()]).len(), 1);
        // c is near b but 45 km from a: complete linkage keeps it out of a's incident.
        let mut c = strike(3, 30, "C");
        c.place = place("zawiya-east", 32.80, 12.85);
        let inc = group(&fam(), vec![a, b, c]);
        assert_eq!(inc.len(), 2, "{inc:#?}");
    }

    #[test]
    fn a_country_is_too_coarse_to_merge_on() {
        let mut a = strike(1, 10, "A");
        let mut b = strike(2, 20, "B");
        for x in [&mut a, &mut b] {
            x.place = Some(Place {
                key: "syria".into(),
                name: "سوريا".into(),
                lat: Some(33.5),
                lon: Some(36.3),
                coarse: true,
            });
        }
        assert_eq!(
            group(&fam(), vec![a.clone(), b.clone()]).len(),
            2,
            "country only, no shared party"
        );
        a.actors = vec!["syrian-army".into()];
        b.actors = vec!["syrian-army".into()];
        assert_eq!(
            group(&fam(), vec![a, b]).len(),
            1,
            "same type and actor, same days"
        );
    }

    #[test]
    fn verbal_events_need_a_shared_party() {
        let mk = |key, actors: &[&str], targets: &[&str]| Account {
            key,
            article: key,
            etype: "accuse".into(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            targets: targets.iter().map(|s| s.to_string()).collect(),
            day: Some((18_000, 18_001)),
            ..Account::default()
        };
        let inc = group(
            &fam(),
            vec![
                mk(1, &["gna"], &["lna"]),
                mk(2, &["gna"], &["uae"]),
                mk(3, &["x"], &["y"]),
            ],
        );
        assert_eq!(inc.len(), 2, "{inc:#?}");
    }

    #[test]
    fn agreeing_accounts_list_no_disagreement() {
        let mut a = strike(1, 10, "A");
        a.fatalities = Some((5.0, "exact".into()));
        let mut b = strike(2, 20, "B");
        b.fatalities = Some((5.0, "exact".into()));
        let inc = group(&fam(), vec![a, b]);
        assert!(
            inc[0].disagreements.is_empty(),
            "{:?}",
            inc[0].disagreements
        );
    }
}
