//! One event per real-world incident: mentions of an article that agree on family,
//! place, time and actors are merged, and every claim that reports the incident is kept.
//!
//! Two mentions are one incident when their types are equal — or one of them is a
//! generic strike word (`قصف` with no weapon: remote violence of an unknown kind) and
//! both are of its family, or one is a casualty count alone and both are violent — their
//! places are the same (or one has none), their times overlap (one a prefix of the other,
//! or one unknown), their actors do not contradict each other (`طائرات مسيرة لقوات
//! الوفاق` and `طيران إماراتي` are two strikes; a battle has two sides, so battles never
//! contradict) and something ties them: the same place or day, nearness in the text, or a
//! word that refers back (`الغارة`). A denial (`لم تستهدف المركز`) joins the incident it
//! denies as one more account. Political events also need a shared actor. A war or
//! campaign (`حرب أهلية منذ 2013`) joins only its own kind, and only a dated one stands; a
//! vague or definite word refers back at most [`WITHIN`] sentences.

use rasd_model::{days_from_civil, Doc, Event, EventTime, Grain, Modality, Toll, Trigger, Why};

use crate::extract::Mention;
use crate::lex::violent;

/// How many sentences apart a vague or definite mention may still refer to an incident.
const WITHIN: usize = 16;

/// An incident being built.
struct Incident {
    first: Mention,
    claims: Vec<usize>,
    merged: usize,
    /// Its mentions: sentence, trigger tokens, and whether it is a generic attack word.
    members: Vec<(usize, (usize, usize), bool)>,
}

/// A generic attack word (`هجوم`, `إطلاق النار`: weak, typed only as a clash or an
/// attack) naming no place other than `other`'s.
fn vague_attack(m: &Mention, other: &Mention) -> bool {
    m.weak
        && !m.generic
        && matches!(m.etype, "armed_clash" | "attack")
        && (m.place.is_none() || m.state_place || m.place == other.place)
}

/// Whether `m` and incident `inc` are one violent event told with a generic attack word
/// in one sentence: the specific trigger right after it (`هجوما بسيارة مفخخة`), or the
/// word after في following the specific trigger (`خطف ... في هجوم على مشروع مياه`).
fn attack_word_of(doc: &Doc, inc: &Incident, m: &Mention) -> bool {
    let e = &inc.first;
    if e.etype == m.etype
        || !violent(e.family)
        || !violent(m.family)
        || !places_agree(doc, e, m)
        || !times_agree(e, m)
    {
        return false;
    }
    let core = |k: usize| doc.form(doc.tokens[k].core);
    let after_fi = m.trigger.0 > 0 && core(m.trigger.0 - 1) == "في";
    // `اغتيل الوزير ... في عملية تفجير سيارة مفخخة`: the killing told by how it was done.
    let by_means = e.etype == "attack"
        && m.family == "remote"
        && (after_fi
            || m.trigger.0 > 1
                && matches!(core(m.trigger.0 - 1), "عمليه" | "هجوم")
                && core(m.trigger.0 - 2) == "في");
    // `إطلاق نار استهدف موكبه`: a generic verb right after an event word tells what that
    // event did, also across the words that describe it (`غارات تركية استهدفت حاجزا`).
    inc.members.iter().any(|&(s, t, vague)| {
        s == m.sentence
            && ((vague && !m.weak && m.trigger.0 >= t.1 && m.trigger.0 <= t.1 + 1)
                || (m.generic && describes(doc, t.1, m.trigger.0))
                || ((vague_attack(m, e) && after_fi || by_means) && t.1 <= m.trigger.0))
    })
}

/// How many words may describe an event word before a generic verb that tells what it did
/// (`غارات التحالف العربي استهدفت`).
const DESCRIBED_BY: usize = 3;

/// Whether the tokens from `end` (an event word's end) to `verb` are at most
/// [`DESCRIBED_BY`] plain words with no و opening another clause: the verb then tells
/// what that event did.
fn describes(doc: &Doc, end: usize, verb: usize) -> bool {
    verb >= end
        && verb - end <= DESCRIBED_BY
        && doc.tokens[end..verb].iter().all(|t| {
            t.kind == rasd_model::TokenKind::Word && !t.clitics.has(rasd_model::Clitics::WA)
        })
}

/// Places agree when they are the same record or one is unknown, or one is a whole
/// state and the other lies in it (`غارة في اليمن` and `غارة على ضحيان`). A town inside
/// a city is another place (ACLED codes Tajoura and Tripoli apart); a facility was
/// already replaced by the town it lies in.
///
/// Two records at one point agree ([`same_spot`]). A place no lexicon holds (`ضاحية
/// البريهي، جنوب مدينة الحديدة`, `بمديرية الحالي في الحديدة`) is known by the known place
/// its sentence ties it to (its [`anchor`]): like a town by a city it is not that place,
/// but it lies in what holds it, the province named after it and its state — unless the
/// text puts it inside that place (`بمديرية الحالي في الحديدة`: a district of the city).
/// A place by a city (`ضاحية البريهي، جنوب مدينة الحديدة`) stays apart.
fn places_agree(doc: &Doc, a: &Mention, b: &Mention) -> bool {
    let same = |x: &str, y: &str| {
        x == y || in_state(doc, y, x) || in_state(doc, x, y) || same_spot(doc, x, y)
    };
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            same(x, y)
                || anchor(doc, a).is_some_and(|ax| (ax != *y || inside(doc, a, ax)) && same(ax, y))
                || anchor(doc, b).is_some_and(|by| (by != *x || inside(doc, b, by)) && same(x, by))
        }
        _ => true,
    }
}

/// Whether a mention's local place is said to lie inside its anchor (`بمديرية الحالي في
/// الحديدة`): then it is that place's incident too.
fn inside(doc: &Doc, m: &Mention, anchor: &str) -> bool {
    m.place
        .as_deref()
        .is_some_and(|p| crate::locate::inside(doc, m.sentence, p, anchor))
}

/// Whether one mention's local place is said to lie inside the other's place.
fn placed_inside(doc: &Doc, a: &Mention, b: &Mention) -> bool {
    let within = |x: &Mention, y: &Mention| {
        anchor(doc, x).is_some_and(|ax| y.place.as_deref() == Some(ax) && inside(doc, x, ax))
    };
    within(a, b) || within(b, a)
}

/// For a mention placed by a name no lexicon holds, the known place of its sentence
/// nearest that name, as [`crate::locate`] anchors it.
fn anchor<'d>(doc: &'d Doc, m: &Mention) -> Option<&'d str> {
    let place = m.place.as_deref()?;
    if doc.refs.contains_key(place) {
        return None;
    }
    let at = doc.tokens.get(m.trigger.0)?.span.start;
    crate::locate::nearest_known(doc, m.sentence, place, at)
}

/// Whether two place records stand at one point: a city and the province named after it
/// (`الحديدة`, `محافظة الحديدة`) are one place to the article.
fn same_spot(doc: &Doc, x: &str, y: &str) -> bool {
    let (Some(a), Some(b)) = (doc.refs.get(x), doc.refs.get(y)) else {
        return false;
    };
    let close =
        |p: Option<f64>, q: Option<f64>| p.zip(q).is_some_and(|(p, q)| (p - q).abs() < 1e-3);
    a.kind != "state" && b.kind != "state" && close(a.lat, b.lat) && close(a.lon, b.lon)
}

/// Whether place `p` lies in `state`, a record of kind `state` (by country codes).
fn in_state(doc: &Doc, p: &str, state: &str) -> bool {
    let (Some(s), Some(r)) = (doc.refs.get(state), doc.refs.get(p)) else {
        return false;
    };
    s.kind == "state"
        && r.kind != "state"
        && s.country.as_deref().is_some_and(|c| {
            r.country
                .as_deref()
                .is_some_and(|d| c.eq_ignore_ascii_case(d))
        })
}

fn times_agree(a: &Mention, b: &Mention) -> bool {
    match (&a.time, &b.time) {
        (Some(x), Some(y)) => {
            x.value.starts_with(&y.value)
                || y.value.starts_with(&x.value)
                || in_week(x, y)
                || in_week(y, x)
        }
        _ => true,
    }
}

/// The day number of a time value (`2018-03-01T16`, `2018-03`, `2018`); a missing month
/// or day counts as December or the 28th, so a coarse time is as late as it can be.
fn day_number(v: &str) -> Option<i64> {
    let mut it = v.split('-');
    let y = it.next()?.get(..4)?.parse().ok()?;
    let m = it
        .next()
        .and_then(|m| m.get(..2)?.parse().ok())
        .unwrap_or(12);
    let d = it
        .next()
        .and_then(|d| d.get(..2)?.parse().ok())
        .unwrap_or(28);
    Some(days_from_civil(y, m, d))
}

/// Whether time `t` begins more than 90 days before the article's publication.
fn long_before(doc: &Doc, t: &EventTime) -> bool {
    let Some(p) = doc.published.as_deref().and_then(day_number) else {
        return false;
    };
    day_number(&t.value).is_some_and(|d| p - d > 90)
}

/// Whether `week` is a week (its Monday's date) holding the day `day`.
fn in_week(week: &EventTime, day: &EventTime) -> bool {
    // Both are full dates (a week is its Monday's), so `day_number` reads them exactly.
    week.grain == Grain::Week
        && matches!(
            day.grain,
            Grain::Day | Grain::Hour | Grain::Minute | Grain::Second
        )
        && day_number(&week.value)
            .zip(day_number(&day.value))
            .is_some_and(|(w, d)| (0..7).contains(&(d - w)))
}

/// Actors agree when either is unknown or they share one. Only remote violence is told
/// apart by its actors (two air forces strike one town on one day: two strikes), and
/// only by named ones (a record, not a phrase such as `الطائرات الحربية`); a battle has
/// two sides, and other events' actors are named too loosely (`القيادة العامة`, `الجيش
/// الوطني`) to tell incidents apart.
fn actors_agree(doc: &Doc, a: &Mention, b: &Mention) -> bool {
    let named = |m: &Mention| -> Vec<String> {
        m.actors
            .iter()
            .filter(|x| doc.refs.contains_key(x.as_str()))
            .cloned()
            .collect()
    };
    let (x, y) = (named(a), named(b));
    a.family != "remote"
        || b.family != "remote"
        || x.is_empty()
        || y.is_empty()
        || x.iter().any(|k| y.contains(k))
}

/// A car bomb and a suicide attacker told in one sentence are one suicide car bombing
/// (`الهجوم بسيارتين مفخختين يقودهما انتحاريان`).
fn suicide_car_bomb(e: &Mention, m: &Mention) -> bool {
    e.sentence == m.sentence
        && matches!(
            (e.etype, m.etype),
            ("suicide_bomb", "remote_explosive_landmine_ied")
                | ("remote_explosive_landmine_ied", "suicide_bomb")
        )
}

fn same_incident(doc: &Doc, e: &Mention, m: &Mention) -> bool {
    // A war is not one of its battles, unless both are told at one place on one day
    // (`أطلق حفتر في السابع من أيار/مايو هجوما` and `حملة عسكرية` the same day).
    if e.background != m.background
        && !(e.place.is_some()
            && e.place == m.place
            && e.time.as_ref().is_some_and(|t| t.value.len() >= 10)
            && e.time == m.time)
    {
        return false;
    }
    // A generic strike word (`القصف`) is remote violence of an unknown kind; a casualty
    // count alone may belong to any violent event.
    // A definite generic attack word (`الهجوم`) refers back to a violent event told just
    // before, of whatever type.
    let anaphoric = m.definite
        && vague_attack(m, e)
        && violent(e.family)
        && violent(m.family)
        && m.sentence.abs_diff(e.sentence) <= 3;
    let types = e.etype == m.etype
        || anaphoric
        || suicide_car_bomb(e, m)
        || ((e.generic || m.generic) && e.family == m.family)
        || ((e.casualty_only || m.casualty_only) && violent(e.family) && violent(m.family));
    if !types || !places_agree(doc, e, m) || !times_agree(e, m) || !actors_agree(doc, e, m) {
        return false;
    }
    // A mention with no place, told where the article is on another place (`وقتل منذ بدء
    // الاشتباكات` in a paragraph on the Ghouta), is not an incident placed elsewhere.
    let elsewhere = |a: &Mention, b: &Mention| {
        a.place.is_none()
            && a.sentence != b.sentence
            && match (&a.setting, &b.place) {
                (Some(x), Some(y)) => x != y && !in_state(doc, x, y),
                _ => false,
            }
    };
    if elsewhere(e, m) || elsewhere(m, e) {
        return false;
    }
    // Two sub-kinds of one type are two things (a state of emergency, an airport closed).
    if e.detail.is_some() && m.detail.is_some() && e.detail != m.detail {
        return false;
    }
    // A generic mention with a place of its own joins another type only at that place.
    // (In one sentence it may also give its place to a mention that has none:
    // `استهدفت غاراتها ... في عفرين`.)
    let lends_place = e.place.is_none() && e.sentence == m.sentence && m.generic;
    if e.etype != m.etype
        && m.place.is_some()
        && e.place != m.place
        && !placed_inside(doc, e, m)
        && !anaphoric
        && !lends_place
    {
        return false;
    }
    if e.family == "political" {
        return e.actors.iter().any(|x| m.actors.contains(x));
    }
    // Distinct named places within one sentence are distinct events (one per village).
    if e.sentence == m.sentence && e.trigger == m.trigger && e.place != m.place {
        return false;
    }
    // Something must tie them: the same place or day, nearness in the text, or a word
    // that refers back (`الغارة`, a generic `القصف`).
    // `وفي وقت سابق من هذا الشهر، اندلعت اشتباكات` in another sentence than an undated
    // incident the article leads with is another incident, even at its place.
    let earlier_apart = m.sentence != e.sentence
        && match (&e.time, &m.time) {
            (Some(_), None) => e.earlier,
            (None, Some(_)) => m.earlier,
            _ => false,
        };
    let same_place = e.place.is_some() && e.place == m.place && !earlier_apart;
    let same_time = e.time.is_some() && e.time == m.time;
    // An undated mention is of the days the article tells; one dated months before
    // it, in another sentence, is another incident (`تقدم ميداني` and, two sentences
    // on, `معركة اجتياح عمران منتصف عام 2014`).
    let dated_apart = m.sentence != e.sentence
        && match (&e.time, &m.time) {
            (Some(t), None) | (None, Some(t)) => long_before(doc, t) || earlier_apart,
            _ => false,
        };
    let near = m.sentence.abs_diff(e.sentence) <= 3 && !dated_apart;
    // A mention of the same type that is vaguer in place or time (no place, only the
    // state, or a time that contains the other's) cannot be told apart from it.
    let vaguer = e.etype == m.etype
        && !dated_apart
        && (e.place.is_none()
            || m.place.is_none()
            || e.state_place
            || m.state_place
            || (e.time.is_some() && m.time.is_some()));
    // A generic word refers back, unless it is dated and far from an undated incident
    // (`وفي أبريل 2017 أعلن مقتل خمسة جنود` is another event).
    let refers_back = m.generic && !(m.time.is_some() && e.time.is_none() && !near);
    // Vagueness and a definite word tie mentions within a stretch of the article, not
    // across it (a long report tells several battles with `المعارك`).
    let within = m.sentence.abs_diff(e.sentence) <= WITHIN;
    same_place || same_time || near || (m.definite || refers_back || vaguer) && within
}

/// How well mention `m` fits incident `e` (higher is better): the same place, type,
/// family and claim, and nearness in the text.
fn fit(e: &Mention, m: &Mention) -> i64 {
    let mut score = 0;
    if e.place.is_some() && e.place == m.place {
        score += 8;
    }
    if e.etype == m.etype {
        score += 4;
    } else if e.family == m.family {
        score += 2;
    }
    if e.claim.is_some() && e.claim == m.claim {
        score += 1;
    }
    if e.time.is_some() && e.time == m.time {
        score += 2;
    }
    score * 100 - m.sentence.abs_diff(e.sentence) as i64
}

/// Fill what `into` lacks from `m`: the finer place and time, a toll with a number
/// over a vague one (`29` over `عشرات`).
fn absorb(doc: &Doc, inc: &mut Incident, m: Mention) {
    let member = (m.sentence, m.trigger, vague_attack(&m, &inc.first));
    inc.members.push(member);
    let e = &mut inc.first;
    // A generic word, or a generic attack word, takes the type of the specific mention
    // it is joined by.
    if e.generic && !m.generic || vague_attack(e, &m) && !m.weak && !m.generic && violent(m.family)
    {
        e.etype = m.etype;
        e.family = m.family;
        e.generic = false;
        e.casualty_only = false;
    }
    if suicide_car_bomb(e, &m) {
        e.etype = "suicide_bomb";
    }
    // A killing told with its means in its sentence takes the means' type.
    if e.etype == "attack" && m.family == "remote" && m.sentence == e.sentence && !m.generic {
        e.etype = m.etype;
        e.family = m.family;
    }
    e.weak &= m.weak;
    e.suffered |= m.suffered;
    e.targeted &= m.targeted;
    e.definite &= m.definite;
    // A known place wins over a state holding it and over a local place said to lie
    // inside it (`بمديرية الحالي في الحديدة` and `بمدينة الحديدة`: Hodeidah).
    let finer = matches!((&e.place, &m.place), (Some(x), Some(y)) if in_state(doc, y, x))
        || placed_inside(doc, e, &m)
            && m.place.as_deref().is_some_and(|p| doc.refs.contains_key(p));
    if m.place.is_some() && (e.place.is_none() || (e.state_place && !m.state_place) || finer) {
        e.place = m.place.clone();
        e.state_place = m.state_place;
        e.site = m.site.clone().or(e.site.take());
    }
    if e.site.is_none() {
        e.site = m.site.clone();
    }
    // The finer of two agreeing times (`2019-07-04` over `2019-07`).
    let finer = match (&e.time, &m.time) {
        (None, Some(_)) => true,
        (Some(x), Some(t)) => t.value.len() > x.value.len(),
        _ => false,
    };
    if finer {
        e.time = m.time.clone();
        e.earlier = m.earlier;
    }
    let vague = |t: &Option<Toll>| t.as_ref().is_none_or(|t| t.value.is_none());
    if vague(&e.fatalities) && m.fatalities.is_some() && !vague(&m.fatalities)
        || e.fatalities.is_none()
    {
        e.fatalities = m.fatalities.clone();
    }
    if vague(&e.injuries) && m.injuries.is_some() && !vague(&m.injuries) || e.injuries.is_none() {
        e.injuries = m.injuries.clone();
    }
    for a in m.actors {
        if !e.actors.contains(&a) {
            e.actors.push(a);
        }
    }
    for t in m.targets {
        if !e.targets.contains(&t) {
            e.targets.push(t);
        }
    }
    for w in m.weapons {
        if !e.weapons.contains(&w) {
            e.weapons.push(w);
        }
    }
    if e.negated && !m.negated {
        e.negated = false;
        e.modality = m.modality;
    }
    if e.modality != Modality::Asserted && m.modality == Modality::Asserted && !m.negated {
        e.modality = Modality::Asserted;
    }
    e.named_actor |= m.named_actor;

    if let Some(c) = m.claim {
        if !inc.claims.contains(&c) {
            inc.claims.push(c);
        }
    }
    inc.merged += 1;
}

/// Whether an incident may stand alone: an ACLED event needs a place, a time or a toll
/// (a generic statement — `the coalition's raids` — is no event), political events need
/// a named actor.
fn stands(m: &Mention) -> bool {
    let counted = m.time.is_some() || m.fatalities.is_some() || m.injuries.is_some();
    let anchored = counted || (m.place.is_some() && !m.definite && !m.state_place);
    if m.family == "political" {
        return m.named_actor;
    }
    // A war or campaign is dated (`منذ عام 2013`) or it is the setting, not an event.
    if m.background {
        return m.time.is_some();
    }
    // A specific event with a doer and a concrete target stands without them
    // (`قيام عناصر الأمن ... بفتح النار على المهاجرين`, a generic attack word typed by
    // its civilian target), as does one a named target suffered (`منزل حفتر تعرض لهجوم
    // بعبوات ناسفة`).
    anchored
        || ((!m.weak || m.targeted)
            && (!m.actors.is_empty() || m.suffered)
            && !m.targets.is_empty())
}

/// Whether an incident is told only by words that name a violent event by what it was
/// (`مجزرة`, a generic `هجوم`).
fn referring_only(m: &Mention) -> bool {
    (m.refers && m.weapons.is_empty() || vague_attack(m, m))
        && matches!(m.etype, "attack" | "armed_clash")
        && !m.background
}

/// Whether the trigger is an indefinite sound plural (`قتل المئات في هجمات`): many
/// attacks told at once, never a reference back to the one incident of the article.
fn indefinite_plural(doc: &Doc, m: &Mention) -> bool {
    let w = doc.form(doc.tokens[m.trigger.1 - 1].core);
    !m.definite && w.chars().count() > 4 && w.ends_with("ات")
}

/// An incident told only by a referring word (`المجزرة الدموية للتحالف في صعدة`, `هجوم
/// أدى إلى مقتل مدنيين`) is the article's one specific violent incident it can be — of
/// any violent type, naming no place finer than a state (a massacre word may name the
/// incident's own), on its day (or it names none), with no actor against it, within
/// [`WITHIN`] sentences — when there is exactly one; with none or several it stays apart.
fn sole_referents(doc: &Doc, incidents: &mut Vec<Incident>) {
    let mut i = 0;
    while i < incidents.len() {
        let m = &incidents[i].first;
        if !referring_only(m) || !violent(m.family) || indefinite_plural(doc, m) {
            i += 1;
            continue;
        }
        let fits: Vec<usize> = incidents
            .iter()
            .enumerate()
            .filter(|&(j, inc)| {
                let e = &inc.first;
                j != i
                    && violent(e.family)
                    && !e.weak
                    && !e.generic
                    && !e.background
                    && !referring_only(e)
                    && e.sentence.abs_diff(m.sentence) <= WITHIN
                    && (m.place.is_none() || m.state_place || m.refers && m.place == e.place)
                    && places_agree(doc, e, m)
                    && (m.time.is_none() || e.time == m.time)
                    && actors_agree(doc, e, m)
            })
            .map(|(j, _)| j)
            .collect();
        let [j] = fits[..] else {
            i += 1;
            continue;
        };
        let inc = incidents.remove(i);
        let j = if j > i { j - 1 } else { j };
        let target = &mut incidents[j];
        let merged = inc.merged;
        for c in inc.claims {
            if !target.claims.contains(&c) {
                target.claims.push(c);
            }
        }
        target.members.extend(inc.members.iter().copied());
        absorb(doc, target, inc.first);
        target.merged += merged - 1;
        target.first.why = target
            .first
            .why
            .clone()
            .and(Why::rule("events/sole-referent"));
    }
}

/// Merge mentions into events, with ids `V1`, `V2`, … and the claims' ids.
pub fn events(doc: &Doc, mentions: Vec<Mention>) -> Vec<Event> {
    // Specific mentions first, in reading order; then generic ones join the incident
    // they fit best (or stand alone).
    let (strong, weak): (Vec<Mention>, Vec<Mention>) =
        mentions.into_iter().partition(|m| !m.generic);
    let mut incidents: Vec<Incident> = Vec::new();
    for m in strong.into_iter().chain(weak) {
        let found = incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| same_incident(doc, &inc.first, &m) || attack_word_of(doc, inc, &m))
            .max_by_key(|(i, inc)| (fit(&inc.first, &m), *i as i64))
            .map(|(i, _)| i);
        match found {
            Some(i) => absorb(doc, &mut incidents[i], m),
            None => {
                let claims = m.claim.into_iter().collect();
                let member = (m.sentence, m.trigger, vague_attack(&m, &m));
                incidents.push(Incident {
                    first: m,
                    claims,
                    merged: 1,
                    members: vec![member],
                });
            }
        }
    }
    sole_referents(doc, &mut incidents);
    incidents.sort_by_key(|i| (i.first.sentence, i.first.trigger.0));
    let mut out = Vec::new();
    for inc in incidents.into_iter().filter(|i| stands(&i.first)) {
        let m = inc.first;
        let Some(span) = rasd_model::Span::try_new(
            doc.tokens[m.trigger.0].span.start,
            doc.tokens[m.trigger.1 - 1].span.end,
        ) else {
            continue;
        };
        let claims: Vec<String> = inc
            .claims
            .iter()
            .filter_map(|&c| {
                // Index `claims.len()` stands for the outlet's voice.
                doc.claims
                    .get(c)
                    .or_else(|| doc.voice.as_ref().filter(|_| c == doc.claims.len()))
            })
            .map(|c| c.id.clone())
            .collect();
        let mut why = m.why;
        if inc.merged > 1 {
            why = why.and(Why::rule(format!("events/merged:{}", inc.merged)));
        }
        out.push(Event {
            id: format!("V{}", out.len() + 1),
            etype: m.etype.to_string(),
            trigger: Trigger {
                start: span.start,
                end: span.end,
                text: doc.text(span).to_string(),
            },
            actors: m.actors,
            targets: m.targets,
            place: m.place,
            site: m.site,
            time: m.time,
            fatalities: m.fatalities,
            injuries: m.injuries,
            claim: claims.first().cloned(),
            claims,
            negated: m.negated,
            sentence: m.sentence as u32,
            weapons: m.weapons,
            modality: Some(m.modality),
            detail: m.detail,
            why,
        });
    }
    out
}
