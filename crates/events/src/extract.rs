//! Event mentions: one per trigger (and place), with the arguments found in its clause.
//!
//! A sentence is cut into segments by the claims' contents (what the UN says and what
//! al-Mismari says are never mixed), and each trigger owns the tokens between the
//! triggers before and after it in its segment. In that territory it finds weapons
//! (which set the type of a generic trigger: `قصف` + `طيران` → air strike), its place
//! (a place entity after `في/ب/قرب/جنوب`, an area noun, or a facility; a facility
//! inside a town gives the town as place and itself as `site`; coordinated places give
//! one mention each), its time (the nearest resolved time expression), actors (the
//! force or entity after the trigger — `قصف قوات حفتر`, `هجوما لقوات حفتر` — else
//! before it — `قوات الوفاق ... دمرت`), targets, negation and modality. Casualty words
//! give their adjacent quantity to the nearest trigger of their segment; alone, with a
//! count, they make an event of their own.

use rasd_attribute::context::{speaker_type, Ctx};
use rasd_attribute::words::{Hit, HitIndex};
use rasd_model::{
    Approx, Claim, Clitics, Doc, EntityType, EventTime, Modality, Quantity, Stance, TokenKind,
    Toll, Why,
};

use crate::lex::{family, CountAt, Kind, Lexicons, Trigger};

/// How many tokens around a trigger its weapons, places and actors may stand.
const REACH: usize = 12;

/// What an event was aimed at: target refs or labels, and whether any is civilian or
/// armed; `named` when a person is among them.
#[derive(Default)]
struct Targets {
    names: Vec<String>,
    civilian: bool,
    military: bool,
    named: bool,
}

impl Targets {
    fn add(&mut self, v: String) {
        if !self.names.contains(&v) {
            self.names.push(v);
        }
    }

    /// A target word of `targets.tsv`, named `v` (its label, or the entity after it).
    fn word(&mut self, t: &crate::lex::Target, v: String) {
        if t.civilian {
            self.civilian = true;
        } else {
            self.military = true;
        }
        self.add(v);
    }
}

/// The class of `victims.tsv` for relatives, who count only beside a count.
const KIN: &str = "kin";

/// How a run of victim words after a casualty word ends.
enum RunEnd {
    /// With the words: they are the count.
    Words,
    /// With a count joined to them by و, starting at this token: they add to it.
    Count(usize),
    /// With a number of their own (`مدني واحد`): the number counts them.
    Number,
}

/// One mention of an event, before mentions of one incident are merged.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Contract type.
    pub etype: &'static str,
    /// Its family.
    pub family: &'static str,
    /// A generic trigger with nothing that made its type specific.
    pub weak: bool,
    /// A word naming a violent event by what it was (`مجزرة`, `هجوم`): alone, it may be
    /// the article's one specific violent incident (see `merge::sole_referents`).
    pub refers: bool,
    /// The trigger is definite (`المجازر`, `الهجوم`): it refers to something known or
    /// general, so a place alone does not make it an event.
    pub definite: bool,
    /// Its type is unknown (a generic strike word with no weapon, a casualty word
    /// alone): it may join an incident of another type of its family.
    pub generic: bool,
    /// A casualty word alone: it may join an incident of any violent family.
    pub casualty_only: bool,
    /// Something named was subjected to it (`منزل حفتر تعرض لهجوم`): a specific event,
    /// whoever did it.
    pub suffered: bool,
    /// A generic attack word typed `attack` by its civilian target (`هجوم التحالف على
    /// حافلة الأطفال`): still a generic word that may refer back to an incident told
    /// before, but with a doer it stands alone.
    pub targeted: bool,
    /// A whole war or campaign: it stands only with a time and joins only its own kind.
    pub background: bool,
    /// Trigger tokens `[start, end)`.
    pub trigger: (usize, usize),
    /// Sentence index.
    pub sentence: usize,
    /// Actor refs or phrases.
    pub actors: Vec<String>,
    /// Target refs or labels.
    pub targets: Vec<String>,
    /// Place ref or text.
    pub place: Option<String>,
    /// Facility ref inside the place.
    pub site: Option<String>,
    /// The place is a whole state (`في سوريا`): too coarse to make an event of its own.
    pub state_place: bool,
    /// Time.
    pub time: Option<EventTime>,
    /// Its time is told as earlier than the news (`في وقت سابق من هذا الشهر`): another
    /// incident than an undated one the article leads with.
    pub earlier: bool,
    /// Killed.
    pub fatalities: Option<Toll>,
    /// Injured.
    pub injuries: Option<Toll>,
    /// Weapon ids.
    pub weapons: Vec<String>,
    /// Negated.
    pub negated: bool,
    /// Modality.
    pub modality: Modality,
    /// Index of the claim reporting it.
    pub claim: Option<usize>,
    /// Sub-kind.
    pub detail: Option<String>,
    /// The place the article is telling of where the mention stands: the last place
    /// finer than a state named before the trigger in its sentence or the two before.
    pub setting: Option<String>,
    /// Whether an actor entity (not a phrase) was found.
    pub named_actor: bool,
    /// Why.
    pub why: Why,
}

/// A place found for a mention.
#[derive(Clone, Debug)]
struct Place {
    key: String,
    site: Option<String>,
    end: usize,
    rule: &'static str,
    /// A state (GPE): less precise than a town or site.
    state: bool,
}

/// The document, its lexicons and per-token lookups.
pub struct Scan<'a> {
    cx: Ctx<'a>,
    lx: &'a Lexicons,
    /// For each token, the index of the innermost claim whose content covers it.
    content_of: Vec<Option<u32>>,
    /// For each token, the claim whose span covers it.
    span_of: Vec<Option<u32>>,
    /// Quantities by token: (first token, one past last token, index).
    qty: Vec<(usize, usize, usize)>,
    /// Time expressions with a value, by token: (first token, index).
    times: Vec<(usize, usize)>,
    ix_triggers: HitIndex,
    ix_weapons: HitIndex,
    ix_casualties: HitIndex,
    ix_targets: HitIndex,
    ix_victims: HitIndex,
    ix_actors: HitIndex,
    ix_places: HitIndex,
    ix_not_events: HitIndex,
    ix_frames: HitIndex,
}

impl<'a> Scan<'a> {
    /// Index a document.
    pub fn new(doc: &'a Doc, cues: &'a rasd_attribute::Lexicons, lx: &'a Lexicons) -> Scan<'a> {
        let cx = Ctx::new(doc, cues);
        let n = doc.tokens.len();
        let mut content_of: Vec<Option<u32>> = vec![None; n];
        let mut content_len: Vec<u32> = vec![u32::MAX; n];
        let mut span_of: Vec<Option<u32>> = vec![None; n];
        for (ci, c) in doc.claims.iter().enumerate() {
            if c.voice.is_some() {
                continue;
            }
            if let Some(sp) = c.content {
                for k in token_range(doc, sp.start, sp.end) {
                    if sp.len() < content_len[k] {
                        content_len[k] = sp.len();
                        content_of[k] = Some(ci as u32);
                    }
                }
            }
            for k in token_range(doc, c.start, c.end) {
                if span_of[k].is_none() {
                    span_of[k] = Some(ci as u32);
                }
            }
        }
        let qty = doc
            .quantities
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                let r = token_range(doc, q.start, q.end);
                (!r.is_empty()).then_some((r.start, r.end, i))
            })
            .collect();
        let times = doc
            .times
            .iter()
            .enumerate()
            .filter(|(_, t)| t.value.is_some())
            // A vague count back (`منذ أكثر من أربع سنوات`) names a period, but it is too
            // loose to date an event or to tell two apart.
            .filter(|(_, t)| !t.why.has_rule("measure/ago-vague"))
            .filter_map(|(i, t)| {
                let r = token_range(doc, t.start, t.end);
                (!r.is_empty()).then_some((r.start, i))
            })
            .collect();
        let (ix_triggers, ix_weapons, ix_casualties, ix_targets) = (
            lx.triggers.index(n),
            lx.weapons.index(n),
            lx.casualties.index(n),
            lx.targets.index(n),
        );
        let ix_victims = lx.victims.index(n);
        let (ix_actors, ix_places, ix_not_events, ix_frames) = (
            lx.actors.index(n),
            lx.places.index(n),
            lx.not_events.index(n),
            lx.frames.index(n),
        );
        Scan {
            cx,
            lx,
            content_of,
            span_of,
            qty,
            times,
            ix_triggers,
            ix_weapons,
            ix_casualties,
            ix_targets,
            ix_victims,
            ix_actors,
            ix_places,
            ix_not_events,
            ix_frames,
        }
    }

    fn doc(&self) -> &'a Doc {
        self.cx.doc
    }

    fn trig_at(&self, i: usize, end: usize) -> Option<Hit<'a, Trigger>> {
        self.lx
            .triggers
            .hit(&self.ix_triggers, self.cx.lookup(), i, end)
    }

    fn weapon_at(&self, i: usize, end: usize) -> Option<Hit<'a, crate::lex::Weapon>> {
        self.lx
            .weapons
            .hit(&self.ix_weapons, self.cx.lookup(), i, end)
    }

    fn casualty_at(&self, i: usize, end: usize) -> Option<Hit<'a, crate::lex::Casualty>> {
        self.lx
            .casualties
            .hit(&self.ix_casualties, self.cx.lookup(), i, end)
    }

    fn target_at(&self, i: usize, end: usize) -> Option<Hit<'a, crate::lex::Target>> {
        self.lx
            .targets
            .hit(&self.ix_targets, self.cx.lookup(), i, end)
    }

    fn victim_at(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx
            .victims
            .hit(&self.ix_victims, self.cx.lookup(), i, end)
    }

    fn actor_class(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx
            .actors
            .hit(&self.ix_actors, self.cx.lookup(), i, end)
    }

    fn place_class(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx
            .places
            .hit(&self.ix_places, self.cx.lookup(), i, end)
            .filter(|(c, _, _)| *c != "not_name")
    }

    /// Whether token `i` begins a word that never names a place after an area noun
    /// (`مدينة تقع إلى الجنوب`: a relative clause, not a town called تقع).
    fn not_name(&self, i: usize, end: usize) -> bool {
        self.lx
            .places
            .hit(&self.ix_places, self.cx.lookup(), i, end)
            .is_some_and(|(c, _, _)| c == "not_name")
    }

    fn frame_class(&self, i: usize, end: usize) -> Option<(&'a str, usize, &'a Why)> {
        self.lx
            .frames
            .hit(&self.ix_frames, self.cx.lookup(), i, end)
    }

    /// Every mention of the document, in reading order.
    pub fn mentions(&self) -> Vec<Mention> {
        let mut out = Vec::new();
        for s in 0..self.doc().sentences.len() {
            let (a, b) = self.cx.sentence(s);
            self.sentence(s, a, b, &mut out);
        }
        out
    }

    fn sentence(&self, s: usize, a: usize, b: usize, out: &mut Vec<Mention>) {
        let doc = self.doc();
        let toks = &doc.tokens[..b];
        // Triggers, left to right, longest first, outside phrases that report no event.
        let mut blocked = vec![false; b - a];
        let mut k = a;
        while k < b {
            match self
                .lx
                .not_events
                .hit(&self.ix_not_events, self.cx.lookup(), k, b)
            {
                Some(h) => {
                    for x in &mut blocked[h.start - a..h.end - a] {
                        *x = true;
                    }
                    k = h.end;
                }
                None => k += 1,
            }
        }
        let mut trigs: Vec<(usize, usize, &Trigger)> = Vec::new();
        let mut i = a;
        while i < b {
            if blocked[i - a] {
                i += 1;
                continue;
            }
            match self.trig_at(i, toks.len()) {
                Some(h) => {
                    if self.keep_trigger(h.start, h.end, h.value, a, b) {
                        trigs.push((h.start, h.end, h.value));
                    }
                    i = h.end;
                }
                None => i += 1,
            }
        }
        // `استعادت القوات التابعة للنظام الأحد السيطرة على بلدات`: a definite verbal noun of
        // territory taken as the object of a territory verb a few words before it, in one
        // clause, is that verb's change of hands, not another one.
        let territory = |t: &Trigger| crate::lex::territorial(t.etype);
        let cx = &self.cx;
        let object_of_verb = |n: usize| {
            let (ts, _, row) = trigs[n];
            territory(row)
                && cx.has_article(ts)
                && !cx.tok(ts).clitics.has(Clitics::WA)
                && n > 0
                && trigs[n - 1].1 + 8 >= ts
                && territory(trigs[n - 1].2)
                && !cx.has_article(trigs[n - 1].0)
                && !(trigs[n - 1].1..ts).any(|k| cx.punct(k, &['.', ',', ';', ':', '،']))
        };
        let drop: Vec<bool> = (0..trigs.len()).map(object_of_verb).collect();
        let mut keep = drop.into_iter().map(|d| !d);
        trigs.retain(|_| keep.next().unwrap_or(true));
        let first = out.len();
        for (n, &(ts, te, row)) in trigs.iter().enumerate() {
            let (sa, sb) = self.segment(ts, a, b);
            // A war word is the setting of its neighbours, not a rival for their
            // arguments (`قتلوا في مدينة منبج جراء الصراع والقصف الجوي`).
            let rival = |t: &&(usize, usize, &Trigger)| row.background || !t.2.background;
            let ta = trigs[..n]
                .iter()
                .rev()
                .filter(rival)
                .map(|t| t.1)
                .find(|&e| e <= ts && e > sa)
                .unwrap_or(sa);
            // A generic verb right after it tells what it did (`إطلاق نار استهدف موكبه`):
            // its words are this trigger's too.
            // So is a weapon with ب right after it (`لهجوم بعبوات ناسفة`): its instrument.
            let tells = |t: &&(usize, usize, &Trigger)| {
                t.0 == te
                    && ((t.2.weak && t.2.weapon)
                        || (row.instrument
                            && self.cx.tok(te).clitics.has(Clitics::BI)
                            && self.weapon_at(te, b).is_some()))
            };
            let tb = trigs[n + 1..]
                .iter()
                .filter(rival)
                .filter(|t| !tells(t))
                .map(|t| t.0)
                .find(|&x| x >= te && x < sb)
                .unwrap_or(sb);
            self.mentions_of(s, (ts, te), row, (sa, sb), (ta, tb), out);
        }
        // Casualty words: tolls for the nearest mention of their segment, or events alone.
        let mut i = a;
        while i < b {
            let Some(h) = self.casualty_at(i, toks.len()) else {
                i += 1;
                continue;
            };
            let (cs, ce, row) = (h.start, h.end, h.value);
            i = ce;
            if row.kind == Kind::Captured {
                continue;
            }
            let victims = (row.count != CountAt::Before)
                .then(|| self.victims_after(ce, b))
                .flatten();
            let counted = match victims {
                // `مقتل مقيم مصري`, `أصيب جندي`, `قتل طفل وامرأة`.
                Some((n, _)) => Some(Toll {
                    value: Some(n as f64),
                    approx: Approx::Exact,
                }),
                None => self.count(cs, ce, row.count, a, b).map(|(q, qb)| {
                    // `مقتل والدته واثنين من أشقائه`: the people named one by one before
                    // a count joined to them by و add to it.
                    let before = (row.count != CountAt::Before)
                        .then(|| self.victims_before_count(ce, b))
                        .flatten()
                        .filter(|&(_, qa)| self.qty.iter().any(|t| t.0 == qa && t.1 == qb))
                        .map_or(0.0, |(n, _)| n as f64);
                    self.with_other_side(q, qb, b).unwrap_or(Toll {
                        value: q.value.map(|v| v + before),
                        approx: q.approx,
                    })
                }),
            };
            let toll = match counted {
                Some(t) => t,
                // `مقتل القيادي يحيى الرزامي`: one named person killed; `لقي مصرعه`: one.
                None if row.kind == Kind::Killed
                    && (row.count == CountAt::One || self.named_victim(ce, row.count, b)) =>
                {
                    Toll {
                        value: Some(1.0),
                        approx: Approx::Exact,
                    }
                }
                None => continue,
            };
            let row_why = match victims {
                Some((_, w)) => row
                    .why
                    .clone()
                    .and(w.clone())
                    .and(Why::rule("events/one-victim")),
                None => row.why.clone(),
            };
            let seg = self.segment(cs, a, b);
            // Tolls belong to violence and to mass graves, never to an agreement or an
            // arrest told beside them; deaths also to a protest (see below).
            let takes = |m: &Mention| {
                self.segment(m.trigger.0, a, b) == seg
                    && (family(m.etype).is_some_and(crate::lex::violent)
                        || m.detail.as_deref() == Some("mass_grave")
                        || m.family == "protests" && row.kind == Kind::Killed)
            };
            // `أسفر القصف الجوي والمعارك عن سقوط عشرة قتلى`: of triggers joined by و, the
            // first is the head of the phrase and takes the toll.
            let ends: Vec<usize> = out[first..]
                .iter()
                .filter(|m| takes(m))
                .map(|m| m.trigger.1)
                .collect();
            let conjunct = |m: &Mention| {
                let t = m.trigger.0;
                t < cs
                    && (self.cx.tok(t).clitics.has(Clitics::WA) && ends.contains(&t)
                        || t > 0 && self.cx.form(t - 1) == "و" && ends.contains(&(t - 1)))
            };
            let target = out[first..]
                .iter_mut()
                .filter(|m| takes(m))
                .min_by_key(|m| {
                    (
                        row.prefers.is_none_or(|p| p != m.etype),
                        // A protest only when no violence of its clause can (`من مظاهرات
                        // سلمية ... إلى حرب ... خلفت 350 ألف قتيل`).
                        m.family == "protests",
                        // A war takes the toll only when no incident of its clause can.
                        m.background,
                        conjunct(m),
                        m.trigger.0.abs_diff(cs),
                    )
                });
            if let Some(m) = target {
                let slot = if row.kind == Kind::Killed {
                    &mut m.fatalities
                } else {
                    &mut m.injuries
                };
                if slot.is_none() {
                    *slot = Some(toll);
                    m.why = m.why.clone().and(row_why);
                    // `عشرات الأشخاص قتلوا، حينما قمعت قوات الأمن احتجاجات`: a protest
                    // with deaths told in its clause met excessive force (ACLED).
                    if m.family == "protests" && m.etype != "excessive_force_against_protesters" {
                        m.etype = "excessive_force_against_protesters";
                        m.weak = false;
                        m.why = m.why.clone().and(Why::rule("events/protest-deaths"));
                    }
                }
                continue;
            }
            if row.kind != Kind::Killed || trigs.iter().any(|t| self.segment(t.0, a, b) == seg) {
                continue;
            }
            // A running total (`مقتل أكثر من تسعة آلاف شخص منذ بدء الصراع`) is no event,
            // nor are deaths told with a natural cause (`من جراء الفيضانات`).
            if (seg.0..seg.1).any(|k| {
                self.frame_class(k, b)
                    .is_some_and(|(c, _, _)| matches!(c, "aggregate" | "nature"))
            }) {
                continue;
            }
            let Some(etype) = row.event else { continue };
            let trig = Trigger {
                etype,
                weapon: false,
                instrument: false,
                object: false,
                target: true,
                weak: true,
                refers: false,
                background: false,
                by_li: false,
                detail: None,
                why: row.why.clone(),
            };
            let start = out.len();
            self.mentions_of(s, (cs, ce), &trig, seg, seg, out);
            // Deaths at a front (`لقي مصرعه في جبهة نهم`) are a battle's.
            let front = (seg.0..seg.1).find_map(|k| {
                self.frame_class(k, b)
                    .filter(|(c, _, _)| *c == "front")
                    .map(|(_, _, w)| w.clone())
            });
            // Deaths a war caused are the war's, even where the war itself is told as no
            // event (`خطوة لإنهاء الحرب الأهلية ... التي أسفرت عن مقتل عشرات الآلاف`).
            let war = (seg.0..seg.1).find_map(|k| {
                self.trig_at(k, seg.1)
                    .filter(|h| h.value.background && h.start < cs)
                    .map(|h| h.value)
            });
            for m in &mut out[start..] {
                if let (Some(w), "attack") = (war, m.etype) {
                    m.etype = w.etype;
                    m.family = family(w.etype).unwrap_or("battles");
                    m.background = true;
                    m.why = m
                        .why
                        .clone()
                        .and(w.why.clone())
                        .and(Why::rule("events/war-toll"));
                }
                if let (Some(w), "attack") = (&front, m.etype) {
                    m.etype = "armed_clash";
                    m.family = "battles";
                    m.why = m
                        .why
                        .clone()
                        .and(w.clone())
                        .and(Why::rule("events/at-the-front"));
                }
                m.generic = true;
                m.casualty_only = true;
                m.fatalities = Some(toll.clone());
                m.why = m
                    .why
                    .clone()
                    .and(row_why.clone())
                    .and(Why::rule("events/casualty-alone"));
            }
        }
    }

    /// The last place finer than a state named before token `ts` in sentence `s` or the
    /// two sentences before it; not a capital that speaks for its government (`أعلنت
    /// سول`), nor a facility (an event there is placed at its town).
    fn setting(&self, s: usize, ts: usize) -> Option<String> {
        let doc = self.doc();
        let lo = doc.sentences.get(s.saturating_sub(2))?.start;
        let hi = self.cx.tok(ts).span.start;
        let speaks = |e: &rasd_model::Entity| {
            doc.claims.iter().any(|c| {
                c.speaker
                    .as_ref()
                    .is_some_and(|m| m.start == Some(e.start) && m.end == Some(e.end))
            })
        };
        doc.entities
            .iter()
            .rev()
            .filter(|e| e.start >= lo && e.end <= hi)
            .filter(|e| e.etype == EntityType::LOC && !speaks(e))
            .filter_map(|e| e.reference.as_deref())
            .find(|r| doc.refs.get(*r).is_some_and(|x| x.kind != "state"))
            .map(str::to_string)
    }

    /// Whether a frame verb of `class` stands within eight tokens before token `end`,
    /// not before `a`.
    fn frame_before(&self, end: usize, a: usize, b: usize, class: &str) -> bool {
        self.frame_pos_before(end, a, b, class, 8).is_some()
    }

    /// The last token of the `reach` before token `end` (not before `a`) where a frame
    /// word of `class` begins.
    fn frame_pos_before(
        &self,
        end: usize,
        a: usize,
        b: usize,
        class: &str,
        reach: usize,
    ) -> Option<usize> {
        (end.saturating_sub(reach).max(a)..end)
            .rev()
            .find(|&k| self.frame_class(k, b).is_some_and(|(c, _, _)| c == class))
    }

    /// Whether trigger `ts` is what an `undergo` verb up to eight tokens before it says
    /// was suffered (`تعرضت القرية للقصف`).
    fn undergone(&self, ts: usize, a: usize, b: usize) -> bool {
        self.frame_before(ts, a, b, "undergo")
    }

    /// Whether trigger `ts` is the verbal noun a `managed to` verb up to eight tokens
    /// before its من or في takes (`تمكنت القوات التركية من السيطرة على`).
    fn achieved(&self, ts: usize, a: usize, b: usize) -> bool {
        ts > a + 1
            && matches!(self.cx.core(ts - 1), "من" | "في")
            && self.frame_before(ts - 1, a, b, "achieve")
    }

    /// Whether a trigger hit is an event word here: not a verb form with the article,
    /// not a purpose clause (`للسيطرة عليها`), not the object of a demand (`طالب
    /// باعتقال`), not inside a speaker phrase.
    fn keep_trigger(&self, ts: usize, te: usize, row: &Trigger, a: usize, b: usize) -> bool {
        let cx = &self.cx;
        let t = cx.tok(ts);
        let doc = self.doc();
        // `تعرضت عند الساعة العاشرة والنصف ليلا لعدوان`: an `undergo` verb may stand a
        // few words before its ل + verbal noun.
        let framing = |k: usize| {
            self.frame_class(k, b).is_some_and(|(c, _, _)| {
                matches!(
                    c,
                    "undergo"
                        | "achieve"
                        | "refer"
                        | "support"
                        | "by"
                        | "nature"
                        | "aggregate"
                        | "negotiated"
                        | "state"
                        | "cause"
                        | "earlier"
                        | "versus"
                )
            })
        };
        let undergo =
            ts > a && framing(ts - 1) || ts > a + 1 && framing(ts - 2) || self.undergone(ts, a, b);
        if t.clitics.has(Clitics::LI)
            && !t.clitics.has(Clitics::SUFFIX)
            && row.etype != "other"
            && !undergo
        {
            return false;
        }
        let support = |k: usize| {
            self.frame_class(k, b)
                .is_some_and(|(c, _, _)| c == "support")
        };
        if (ts > a && support(ts - 1)) || (ts > a + 1 && support(ts - 2)) {
            return false;
        }
        // A flood or a fire is no conflict event (`الفيضانات التي ضربت ولاية نهر النيل`).
        let nature = |k: usize| {
            self.frame_class(k, b)
                .is_some_and(|(c, _, _)| c == "nature")
        };
        if (ts.saturating_sub(3).max(a)..ts).any(nature) || (te..(te + 2).min(b)).any(nature) {
            return false;
        }
        // `وقتل 23 على الأقل في السودان من جراء الفيضانات`: deaths told with a natural
        // cause later in their clause.
        let natural_cause = (te..(te + 12).min(b)).any(|k| {
            self.frame_class(k, b)
                .is_some_and(|(c, n, _)| c == "cause" && k + n < b && nature(k + n))
        });
        if natural_cause {
            return false;
        }
        if t.clitics.has(Clitics::BI) && family(row.etype) != Some("political") {
            // The object of a sentence or threat (`أصدرت أحكاما بإعدام`) is no event; a
            // court's sentence may stand further off (`قضت محكمة مصرية غيابيا بإعدام`).
            let lo = ts.saturating_sub(6).max(a);
            let toks = &doc.tokens[..ts];
            if (lo..ts).any(|k| {
                self.trig_at(k, toks.len()).is_some_and(|h| {
                    family(h.value.etype) == Some("political")
                        && (k + 3 >= ts || h.value.etype == "sanction")
                })
            }) {
                return false;
            }
        }
        if t.clitics.has(Clitics::BI) {
            // The object of a demand, call or threat is not an event.
            let lo = ts.saturating_sub(4).max(a);
            for k in lo..ts {
                if let Some(h) = cx.cue(k, b) {
                    if matches!(
                        &*h.value.id,
                        "demand"
                            | "request"
                            | "call"
                            | "call.n"
                            | "threaten"
                            | "warn"
                            | "demand.part"
                            | "call.part"
                    ) {
                        return false;
                    }
                }
            }
        }
        // `لأدعو الأسد إلى طرد الإيرانيين`: what a call or demand asks for, after إلى or
        // ب, is not an event (frames class `demand`, any person of the verb).
        // The demanded nouns may be coordinated (`إلى طرد الإيرانيين، وطرد قاسم سليماني`).
        let p = if ts > a && cx.quote(ts - 1) {
            ts - 1
        } else {
            ts
        };
        let direct = t.clitics.has(Clitics::BI) || (p > a && cx.core(p - 1) == "الي");
        if direct || t.clitics.has(Clitics::WA) {
            let demand = (ts.saturating_sub(30).max(a)..ts).find(|&k| {
                self.frame_class(k, b)
                    .is_some_and(|(c, _, _)| c == "demand")
            });
            if let Some(d) = demand {
                if direct || (d..ts).any(|k| cx.core(k) == "الي") {
                    return false;
                }
            }
        }
        // Inside a claim's speaker or cue (outside its content).
        if let Some(c) = self.span_of[ts] {
            let c = &self.doc().claims[c as usize];
            let in_content = c
                .content
                .is_some_and(|sp| sp.start <= t.span.start && t.span.end <= sp.end);
            if !in_content && self.content_of[ts].is_none() {
                let cue_here =
                    c.cue.is_empty() || !self.doc().text(t.span).contains(c.cue.as_str());
                if cue_here && family(row.etype) != Some("political") {
                    return false;
                }
            }
        }
        true
    }

    /// The segment of a token: the run of its sentence inside the same innermost claim
    /// content (or outside every content).
    fn segment(&self, i: usize, a: usize, b: usize) -> (usize, usize) {
        let c = self.content_of[i];
        let mut x = i;
        while x > a && self.content_of[x - 1] == c {
            x -= 1;
        }
        let mut y = i + 1;
        while y < b && self.content_of[y] == c {
            y += 1;
        }
        (x, y)
    }

    /// One past the last token of the time expression that starts at token `k`, if one does.
    fn time_at(&self, k: usize) -> Option<usize> {
        let doc = self.doc();
        self.times.iter().find(|(ta, _)| *ta == k).map(|&(_, ti)| {
            let t = &doc.times[ti];
            k + token_range(doc, t.start, t.end).len()
        })
    }

    /// The quantity counted by a casualty word at `[cs, ce)`, with one past its last token.
    fn count(
        &self,
        cs: usize,
        ce: usize,
        at: CountAt,
        a: usize,
        b: usize,
    ) -> Option<(&'a Quantity, usize)> {
        let doc = self.doc();
        // A time right after the word stands before its count (`وقتل صباح السبت مدنيين
        // اثنين`).
        let skip = self.time_at(ce).map_or(0, |e| e - ce);
        let after = |reach: usize| {
            self.qty
                .iter()
                .find(|(qa, _, _)| *qa >= ce && *qa < (ce + skip + reach).min(b))
        };
        let before = |reach: usize| {
            self.qty.iter().rev().find(|(qa, qb, _)| {
                *qb <= cs + 1 && *qa >= a && cs.saturating_sub(*qb) < reach && *qa < cs
            })
        };
        // A quantity whose span takes the word in (`53 قتيلا`).
        let &(_, qb, qi) = match self.qty.iter().find(|(qa, qb, _)| *qa < cs && *qb >= ce) {
            Some(q) => q,
            None => match at {
                CountAt::After | CountAt::Number => after(4),
                CountAt::Before => before(2),
                CountAt::Either | CountAt::One => after(3).or_else(|| before(8)),
            }?,
        };
        Some((doc.quantities.get(qi)?, qb))
    }

    /// A toll told for both sides (`عشرة قتلى في صفوف الفصائل، مقابل سبعة في صفوف قوات
    /// النظام`): the count `q` ending before token `qb`, a `versus` word within eight
    /// tokens after it and a count right after that make one toll, their sum (exact only
    /// when both are).
    fn with_other_side(&self, q: &Quantity, qb: usize, b: usize) -> Option<Toll> {
        let (k, n) = (qb..(qb + 8).min(b)).find_map(|k| {
            self.frame_class(k, b)
                .filter(|(c, _, _)| *c == "versus")
                .map(|(_, n, _)| (k, n))
        })?;
        let after = k + n;
        let &(_, _, oi) = self
            .qty
            .iter()
            .find(|(qa, _, _)| *qa >= after && *qa <= after + 1)?;
        let other = self.doc().quantities.get(oi)?;
        let (x, y) = (q.value?, other.value?);
        let exact = q.approx == Approx::Exact && other.approx == Approx::Exact;
        Some(Toll {
            value: Some(x + y),
            approx: if exact { Approx::Exact } else { q.approx },
        })
    }

    /// The people a casualty word ending at `ce` counts one by one when no number does:
    /// singular person words of `victims.tsv` right after it, each with up to two
    /// relational adjectives (`مقيم مصري`), joined by و (`طفل وامرأة`: two). With the
    /// first word's row. Relatives count only beside a count.
    fn victims_after(&self, ce: usize, b: usize) -> Option<(usize, &'a Why)> {
        match self.victim_run(ce, b, false)? {
            (n, why, RunEnd::Words) => Some((n, why)),
            _ => None,
        }
    }

    /// Singular person words right after a casualty word ending at `ce`, relatives among
    /// them, that a count joined by و follows (`مقتل والدته واثنين من أشقائه`, `قتل جندي و3
    /// مدنيين`): how many, and the token where the count starts.
    fn victims_before_count(&self, ce: usize, b: usize) -> Option<(usize, usize)> {
        match self.victim_run(ce, b, true)? {
            (n, _, RunEnd::Count(at)) => Some((n, at)),
            _ => None,
        }
    }

    /// The run of singular person words right after `ce` (relatives too when `kin`), joined
    /// by و, each with up to two relational adjectives: how many, the first word's row, and
    /// how the run ends.
    fn victim_run(&self, ce: usize, b: usize, kin: bool) -> Option<(usize, &'a Why, RunEnd)> {
        let cx = &self.cx;
        let victim = |k: usize| self.victim_at(k, b).filter(|v| kin || v.0 != KIN);
        let (_, n0, why) = victim(ce)?;
        if cx.has_prep_clitic(ce) || cx.tok(ce).clitics.has(Clitics::WA) {
            return None;
        }
        let (mut count, mut k) = (1, ce + n0);
        loop {
            let mut j = k;
            while j < b && j < k + 2 && self.victim_at(j, b).is_none() && cx.nisba(j) {
                j += 1;
            }
            let bare_wa = j + 1 < b && cx.form(j) == "و";
            let at = if bare_wa { j + 1 } else { j };
            let joined = bare_wa || at < b && cx.tok(at).clitics.has(Clitics::WA);
            if joined && self.qty.iter().any(|t| t.0 == at) {
                return Some((count, why, RunEnd::Count(at)));
            }
            // A number after the word counts it (`مدني واحد` is one).
            if self.qty.iter().any(|(qa, _, _)| *qa >= k && *qa <= j + 1) {
                return Some((count, why, RunEnd::Number));
            }
            match victim(j) {
                Some((_, n, _)) if cx.tok(j).clitics.has(Clitics::WA) && !cx.has_prep_clitic(j) => {
                    count += 1;
                    k = j + n;
                }
                _ => return Some((count, why, RunEnd::Words)),
            }
        }
    }

    /// Whether the killed noun ending at `ce` (`مقتل`, counted after it) names its one
    /// victim: a person's name right after it, or after up to three words of title or
    /// kinship (title and anonymous heads of `cues/sources.tsv`) or relational adjectives (`مقتل القيادي الحوثي صالح الصماد`, `مقتل شقيقه إبراهيم القيز`).
    fn named_victim(&self, ce: usize, at: CountAt, b: usize) -> bool {
        let cx = &self.cx;
        if at != CountAt::After {
            return false;
        }
        let mut k = ce;
        while k < b && k < ce + 4 {
            if let Some((_, e)) = cx.entity_starting(k) {
                return e.etype == EntityType::PER;
            }
            let title = cx.head(k, b).is_some_and(|h| {
                use rasd_attribute::lex::SourceClass::{Anonymous, Title};
                matches!(h.value.class, Title | Anonymous) && h.end == k + 1
            });
            let nisba = cx.has_article(k) && cx.core(k).ends_with('ي');
            if !(title || nisba) || cx.has_prep_clitic(k) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Build the mentions of one trigger (several with several weapon types or places).
    fn mentions_of(
        &self,
        s: usize,
        (ts, te): (usize, usize),
        row: &Trigger,
        (sa, sb): (usize, usize),
        (ta, tb): (usize, usize),
        out: &mut Vec<Mention>,
    ) {
        let cx = &self.cx;
        let lo = ta.max(ts.saturating_sub(REACH));
        let hi = tb.min(te + REACH);
        let mut why = row.why.clone();
        // Weapons.
        let mut weapons: Vec<(usize, &crate::lex::Weapon)> = Vec::new();
        let toks = &self.doc().tokens[..hi];
        let mut k = lo;
        while k < hi {
            match self.weapon_at(k, toks.len()) {
                Some(h) => {
                    weapons.push((h.start, h.value));
                    k = h.end;
                }
                None => k += 1,
            }
        }
        let instrumental = |w: &(usize, &crate::lex::Weapon)| {
            w.0 >= te && w.0 <= te + 1 && cx.tok(w.0).clitics.has(Clitics::BI)
        };
        if row.instrument
            || weapons
                .iter()
                .any(|w| instrumental(w) && w.1.etype.is_some())
        {
            // `ب` + weapon right after the trigger (`هجوم بطائرة مسيرة`, `استهدافه بقذيفة
            // مدفعية`) is its weapon, with the weapons coordinated with it.
            let first = weapons.iter().position(instrumental);
            match first {
                Some(f) => {
                    let mut keep = vec![weapons[f]];
                    for w in &weapons[f + 1..] {
                        if cx.tok(w.0).clitics.has(Clitics::WA)
                            || (w.0 > 0 && cx.form(w.0 - 1) == "و")
                        {
                            keep.push(*w);
                        } else {
                            break;
                        }
                    }
                    weapons = keep;
                }
                None => weapons.clear(),
            }
        }
        if row.weapon && !weapons.iter().any(|w| w.1.etype.is_some()) {
            // A generic trigger looks for its weapon earlier in its segment (`طيران حفتر
            // هو من تسبب في مقتل ... إثر استهدافهم`), within its relative clause if it
            // is in one (`نزل من الطائرة لتحية X الذي نجا من محاولة اغتيال`); a verb
            // right after the relative pronoun tells of its antecedent (`التفجير الذي
            // استهدف`) and looks before it.
            let toks = &self.doc().tokens[..ts];
            // Only a relative pronoun (الذي، التي …, all with the article) opens one:
            // `ما أدى إلى`, `مما` tell a result.
            let mut k = (sa..ts)
                .rev()
                .find(|&j| {
                    cx.is_particle(j, sb, "rel").is_some()
                        && (cx.has_article(j) || cx.core(j).starts_with("ال"))
                })
                .filter(|&j| j + 1 < ts)
                .map_or(sa, |j| j + 1);
            while k < ts {
                match self.weapon_at(k, toks.len()) {
                    Some(h) => {
                        if h.value.etype.is_some() && !(h.start >= ts && h.start < te) {
                            weapons.push((h.start, h.value));
                        }
                        k = h.end;
                    }
                    None => k += 1,
                }
            }
            weapons.sort_by_key(|w| w.0.abs_diff(ts));
        }
        let mut types: Vec<&'static str> = Vec::new();
        let mut weak = row.weak;
        if row.weapon || row.instrument {
            let typed: Vec<&(usize, &crate::lex::Weapon)> =
                weapons.iter().filter(|w| w.1.etype.is_some()).collect();
            if let Some(first) = typed.first() {
                let instrumental = cx.tok(first.0).clitics.has(Clitics::BI);
                for w in &typed {
                    let Some(t) = w.1.etype else { continue };
                    if !types.contains(&t) && (types.is_empty() || instrumental) {
                        types.push(t);
                        why = why.and(w.1.why.clone());
                    }
                }
                weak = false;
                why = why.and(Why::rule("events/weapon-type"));
            }
        }
        // `هجمات جوية ومدفعية`, `قصف جوي ومدفعي`: a weapon of another remote type joined by
        // و right after the trigger (and its own weapon word) is an event of that type too.
        let mut also: Vec<&'static str> = Vec::new();
        if family(types.first().copied().unwrap_or(row.etype)) == Some("remote") {
            let mut end = te;
            for w in weapons.iter().filter(|w| w.0 >= te) {
                let joined = (w.0 == end && cx.tok(w.0).clitics.has(Clitics::WA))
                    || (w.0 == end + 1 && cx.form(end) == "و");
                if !(joined || w.0 == end && end == te) {
                    break;
                }
                end = self.weapon_at(w.0, hi).map_or(w.0 + 1, |h| h.end);
                // A nisba adjective (`ومدفعية`, `وصاروخي`, `وجويا`), not a list of weapons
                // (`السيارات المفخخة والقذائف`).
                let adjective = cx.nisba(end - 1) || cx.core(end - 1).ends_with("يا");
                let Some(t) = w.1.etype.filter(|_| joined && adjective) else {
                    continue;
                };
                if family(t) == Some("remote") && !also.contains(&t) {
                    also.push(t);
                    why = why
                        .and(w.1.why.clone())
                        .and(Why::rule("events/coordinated-weapons"));
                }
            }
        }
        // Targets: what follows the trigger.
        // `غارة للتحالف`: the coalition's strike, by it, not on it.
        let doer_li = row.by_li.then(|| self.doer_li(te, hi)).flatten();
        // The doer right after the trigger (`قصفت قوات النظام مدينة دوما`) is no target.
        let after = doer_li
            .is_none()
            .then(|| self.actor_after(ts, te, lo, hi, row.object))
            .flatten();
        let doer = doer_li
            .as_ref()
            .map(|d| d.0)
            .or_else(|| after.as_ref().map(|(k, _)| *k));
        let mut aimed = self.targets(te, hi, doer);
        let mut suffered = false;
        if aimed.names.is_empty() {
            aimed = self.undergone_targets(ts, sa, sb);
            suffered = aimed.named;
            if !aimed.names.is_empty() {
                why = why.and(Why::rule("events/undergone-target"));
            }
        }
        let Targets {
            names: targets,
            mut civilian,
            military,
            ..
        } = aimed;
        // Or civilians killed in it, told before it (`نحو 12763 مدنيا قتلوا نتيجة هجمات`).
        if !civilian && !military {
            civilian = self.victims_before(ts, sa, sb);
        }
        let mut targeted = false;
        if types.is_empty() {
            let mut t = row.etype;
            if row.target && civilian && family(t) != Some("violence") {
                t = "attack";
                targeted = true;
                why = why.and(Why::rule("events/civilian-target"));
            } else if row.target && military && t == "attack" {
                t = "armed_clash";
                why = why.and(Why::rule("events/armed-target"));
            }
            types.push(t);
        }
        for t in also {
            if !types.contains(&t) {
                types.push(t);
            }
        }
        // Territory that changes hands under a deal (`استعادت مدينة وأربع بلدات بموجب اتفاقات
        // "مصالحة"`, `دون قتال`) is a non-violent transfer, not a battle.
        let negotiated = (sa..sb).any(|k| {
            self.frame_class(k, sb)
                .is_some_and(|(c, _, _)| c == "negotiated")
        });
        // Clashes told with a protest in their clause (`مواجهات بين أجهزة الأمن والمشاركين
        // في الاحتجاجات`) are the protest's breaking up, not a battle.
        let reach = (te + REACH).min(sb);
        let toks_b = &self.doc().tokens[..reach];
        let protest = !row.background
            && types.contains(&"armed_clash")
            && ((ts.saturating_sub(REACH).max(sa)..reach).any(|k| {
                self.trig_at(k, toks_b.len())
                    .is_some_and(|h| family(h.value.etype) == Some("protests"))
            }) || targets.iter().any(|t| t == "protesters"));
        for t in &mut types {
            if protest && *t == "armed_clash" {
                *t = "protest_with_intervention";
                why = why.and(Why::rule("events/clash-at-a-protest"));
            }
            if negotiated
                && matches!(
                    *t,
                    "government_regains_territory" | "non_state_actor_overtakes_territory"
                )
            {
                *t = "non_violent_transfer_of_territory";
                why = why.and(Why::rule("events/negotiated-transfer"));
            }
        }
        let (mut actors, mut named_actor) = match &doer_li {
            Some((_, v)) => {
                why = why.and(Why::rule("events/doer-after-li"));
                (vec![v.clone()], true)
            }
            None => self.actors(ts, te, lo, hi, after.map(|(_, a)| a)),
        };
        // What suffered it did not do it (`منزل حفتر تعرض لهجوم`).
        if suffered {
            actors.retain(|a| !targets.contains(a));
        }
        if let Some((v, named)) = self.speaker_actor(ts, row.etype) {
            actors = vec![v];
            named_actor = named;
            why = why.and(Why::rule("events/actor-is-speaker"));
        }
        let (time, earlier) = self.time(ts, te, sa, sb, row.background);
        // the verbal noun a frame verb takes: what was suffered or achieved
        let framed = cx.tok(ts).clitics.has(Clitics::LI) && self.undergone(ts, sa, sb)
            || self.achieved(ts, sa, sb);
        // `تجدد القصف على دوما`, `اندلعت الاشتباكات`: an incident said to go on, come back
        // or break out is happening, not something known or general.
        // (`منذ بدء الهجوم` tells of the time since, `لبدء عملية التحرير` of a purpose.)
        let ongoing = ts > sa
            && self.frame_class(ts - 1, ts).is_some_and(|(c, _, _)| {
                c == "ongoing"
                    || c == "outbreak"
                        && !cx.tok(ts - 1).clitics.has(Clitics::LI)
                        && !(ts > sa + 1 && matches!(cx.core(ts - 2), "منذ"))
            });
        // A definite verbal noun of a named person (`القبض على عشماوي`) tells of one
        // specific deed, not of something known or general.
        let of_person = row.object
            && cx
                .entity_starting(te)
                .is_some_and(|(_, e)| e.etype == EntityType::PER);
        let (negated, modality, neg_rule) = self.modality(ts, sa);
        if let Some(r) = neg_rule {
            why = why.and(Why::rule(r));
        }
        let claim = self.content_of[ts]
            .or(self.span_of[ts])
            .map(|c| c as usize)
            .or_else(|| self.doc().voice.as_ref().map(|_| self.doc().claims.len()));
        // A place before the trigger is its own unless an earlier trigger of the segment
        // stands before it across `بعد`/`قبل` (`غاراته على مواقع في سوريا وذلك بعد أربعة
        // أيام على هجوم انتحاري`: the place is the strikes', not the bombing's).
        let separated =
            (ta..ts).any(|k| matches!(cx.core(k), "بعد" | "قبل" | "منذ" | "اعقاب" | "عقب"));
        let back = if ta == sa || !separated { lo } else { ts };
        // `غارة التحالف على صعدة التي استهدفت حافلة`: a generic strike word opening a
        // relative clause after an earlier trigger and its place tells of that event; it
        // has no place of its own (`القصف الذي استهدف الرستن` names the shelling's place).
        let relative = row.weapon
            && row.weak
            && ta > sa
            && ts > 0
            && cx.is_particle(ts - 1, sb, "rel").is_some()
            && (ta..ts - 1).any(|k| self.place_at(k, ta, ts - 1, true).is_some());
        let places = if relative {
            Vec::new()
        } else {
            self.places(ts, te, back, (te + REACH).min(sb), sb, row.etype)
        };
        let places: Vec<Option<Place>> = if places.is_empty() {
            vec![None]
        } else {
            places.into_iter().map(Some).collect()
        };
        let setting = places
            .iter()
            .any(Option::is_none)
            .then(|| self.setting(s, ts))
            .flatten();
        for t in &types {
            for p in &places {
                let mut w = why.clone();
                if let Some(p) = p {
                    w = w.and(Why::rule(p.rule));
                }
                out.push(Mention {
                    etype: t,
                    family: family(t).unwrap_or("strategic"),
                    weak,
                    refers: row.refers,
                    generic: weak && row.weapon,
                    casualty_only: false,
                    suffered,
                    targeted,
                    background: row.background,
                    // what a place `underwent` or a force `managed` takes the article
                    // without referring back (`تعرضت القرية للقصف`: was shelled; `تمكنت
                    // القوات من السيطرة على`)
                    definite: cx.has_article(ts) && !framed && !ongoing && !of_person,
                    trigger: (ts, te),
                    sentence: s,
                    actors: actors.clone(),
                    targets: targets.clone(),
                    place: p.as_ref().map(|p| p.key.clone()),
                    site: p.as_ref().and_then(|p| p.site.clone()),
                    state_place: p.as_ref().is_some_and(|p| p.state),
                    time: time.clone(),
                    earlier,
                    fatalities: None,
                    injuries: None,
                    weapons: weapons.iter().map(|w| w.1.id.to_string()).fold(
                        Vec::new(),
                        |mut v, x| {
                            if !v.contains(&x) {
                                v.push(x);
                            }
                            v
                        },
                    ),
                    negated,
                    modality,
                    claim,
                    detail: row.detail.as_deref().map(str::to_string),
                    setting: setting.clone(),
                    named_actor,
                    why: w,
                });
            }
        }
    }

    /// The speaker of the claim whose cue is the trigger (`طالب سيالة`: Siala requests),
    /// whose content opens with it after عن (`أعلن X عن حشد`), or whose frame holds a
    /// trigger with a pronoun (`وقال في مؤتمر صحفي عقب لقائه`).
    fn speaker_actor(&self, ts: usize, etype: &str) -> Option<(String, bool)> {
        let doc = self.doc();
        let ci = self.span_of[ts]?;
        let c = &doc.claims[ci as usize];
        let t = self.cx.tok(ts);
        let word = doc.text(t.span);
        let is_cue = !c.cue.is_empty() && word.ends_with(c.cue.as_str());
        let in_frame = self.content_of[ts] != Some(ci) && t.clitics.has(Clitics::SUFFIX);
        // What a speaker announces with عن at the head of the content is the speaker's own
        // act (`أعلن المسماري ليل الأحد عن حشد جوي`); a noun with the speaker's pronoun is
        // the statement itself (`عبر حفتر عن رفضه`).
        let announced = self.content_of[ts] == Some(ci)
            && ts > 0
            && !t.clitics.has(Clitics::SUFFIX)
            && self.cx.core(ts - 1) == "عن"
            && c.content
                .is_some_and(|sp| ts < cx_first_token(doc, sp.start) + 6);
        let political = family(etype) == Some("political");
        if !((is_cue || announced) && political || in_frame) {
            return None;
        }
        let sp = c.speaker.as_ref()?;
        if c.anonymous {
            return None;
        }
        Some(match &sp.reference {
            Some(r) => (r.clone(), true),
            None => (sp.text.clone(), false),
        })
    }

    /// Targets after the trigger: entities after على/ضد/ل or right after it, and target
    /// words (with their class).
    /// Whether civilians are told killed right before trigger `ts`: a civilian word, a
    /// killed word of `casualties.tsv`, then `في` or a cause word (`جراء`, `نتيجة`) just
    /// before the trigger.
    fn victims_before(&self, ts: usize, sa: usize, sb: usize) -> bool {
        let cx = &self.cx;
        let lo = ts.saturating_sub(7).max(sa);
        if ts <= lo + 1 {
            return false;
        }
        let linked = (ts.saturating_sub(2).max(lo)..ts).any(|k| {
            cx.core(k) == "في"
                || self
                    .frame_class(k, sb)
                    .is_some_and(|(c, n, _)| c == "cause" && k + n == ts)
        });
        if !linked {
            return false;
        }
        let toks = &self.doc().tokens[..ts];
        let Some(v) = (lo..ts).find(|&k| {
            self.target_at(k, toks.len())
                .is_some_and(|h| h.value.civilian)
        }) else {
            return false;
        };
        (v + 1..ts).any(|k| {
            self.casualty_at(k, toks.len())
                .is_some_and(|h| h.value.kind == Kind::Killed)
        })
    }

    /// The doer a ل phrase names right after a trigger that takes one (`غارة للتحالف
    /// العربي`, `الغارات الجوية لطيران النظام`; an adjective may stand between): its token
    /// and the entity's ref or text. Only a person, group, organisation or state does it.
    fn doer_li(&self, te: usize, hi: usize) -> Option<(usize, String)> {
        let cx = &self.cx;
        let (mut k, mut reach) = (te, te + 2);
        while k < hi && k < reach {
            // A time in between (`في غارة جوية الأسبوع الماضي لقوات التحالف`).
            if let Some(e) = self.time_at(k) {
                reach += e - k;
                k = e;
                continue;
            }
            if cx.tok(k).clitics.has(Clitics::LI) {
                if let Some((_, e)) = cx.entity_starting(k) {
                    let state = e.etype == EntityType::GPE
                        && e.reference
                            .as_deref()
                            .and_then(|r| self.doc().refs.get(r))
                            .is_some_and(|r| r.extra.get("kind").is_some_and(|x| x == "country"));
                    let armed = matches!(
                        e.etype,
                        EntityType::GROUP | EntityType::ORG | EntityType::PER
                    ) || state;
                    return armed.then(|| (k, e.key()));
                }
                // A force noun after ل: `لطيران النظام`, `لقوات التحالف`.
                return self
                    .actor_at(k, hi, true)
                    .and_then(|(v, _)| v.into_iter().next())
                    .map(|v| (k, without_li(&v)));
            }
            if !self.adjective_at(k, hi) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether token `k` may be an adjective of the trigger before it: a definite word
    /// that is no name and no function word (`الغارة الثانية`, `غارات جوية`).
    fn adjective_at(&self, k: usize, hi: usize) -> bool {
        let cx = &self.cx;
        cx.is_word(k) && cx.has_article(k) && cx.entity(k).is_none() && cx.particle(k, hi).is_none()
    }

    /// Whether token `k` is a preposition of what is aimed at (`aim` in `frames.tsv`).
    fn aim_at(&self, k: usize, hi: usize) -> bool {
        self.frame_class(k, hi)
            .is_some_and(|(c, n, _)| c == "aim" && n == 1)
    }

    /// Targets told before an `undergo` verb that frames trigger `ts` (`موكب السراج
    /// تعرض لإطلاق نار`, `تعرض منزله لهجوم`): target words and persons from up to four
    /// tokens before the verb to the trigger.
    fn undergone_targets(&self, ts: usize, sa: usize, sb: usize) -> Targets {
        let cx = &self.cx;
        let mut out = Targets::default();
        let Some(v) = self.frame_pos_before(ts, sa, sb, "undergo", 3) else {
            return out;
        };
        let toks = &self.doc().tokens[..ts];
        let mut k = v.saturating_sub(4).max(sa);
        while k < ts {
            if let Some(h) = self.target_at(k, toks.len()) {
                out.word(h.value, h.value.label.to_string());
                k = h.end;
                continue;
            }
            if let Some((_, e)) = cx.entity_starting(k) {
                if e.etype == EntityType::PER {
                    out.civilian = true;
                    out.named = true;
                    out.add(e.key());
                }
            }
            k += 1;
        }
        out
    }

    fn targets(&self, te: usize, hi: usize, doer: Option<usize>) -> Targets {
        let cx = &self.cx;
        let doc = self.doc();
        let mut out = Targets::default();
        let toks = &doc.tokens[..hi];
        let mut k = te;
        let stop = (te + 8).min(hi);
        while k < stop {
            if cx.punct(k, &['.', ';', ':']) {
                break;
            }
            // `هجمات شنتها القوات الحكومية`: who carried it out is no target.
            if self.frame_class(k, hi).is_some_and(|(c, _, _)| c == "by") {
                break;
            }
            // The doer's force noun is no target word (`غارة للتحالف`, `لقوات التحالف`).
            if let Some(h) = self.target_at(k, toks.len()).filter(|_| Some(k) != doer) {
                // An entity right after a target word names it (`قوات حفتر`).
                let ent = (h.end < stop)
                    .then(|| cx.entity_starting(h.end))
                    .flatten()
                    .filter(|(_, e)| speaker_type(e.etype));
                let v = match ent {
                    Some((_, e)) => e.key(),
                    None => h.value.label.to_string(),
                };
                out.word(h.value, v);
                k = h.end;
                continue;
            }
            if let Some((_, e)) = cx.entity_starting(k).filter(|_| Some(k) != doer) {
                let aimed = k > 0 && self.aim_at(k - 1, hi);
                if speaker_type(e.etype) && (k == te || aimed || cx.has_prep_clitic(k)) {
                    // A person aimed at is no armed force: `أطلقوا النار على X` is an attack
                    // (a name right after the word is as often its doer: `هجوم حفتر`).
                    out.civilian |= aimed && e.etype == EntityType::PER;
                    out.add(e.key());
                }
            }
            k += 1;
        }
        out
    }

    /// Actors: the doer a verb of carrying out names (`هجوم شنه مقاتلو المعارضة`), else a
    /// force noun or entity right after the trigger (`قصف قوات حفتر`, `هجوما لقوات حفتر`;
    /// `after`, from [`Scan::actor_after`]), else the nearest one before it that is not a
    /// preposition's object (`قوات الوفاق ... دمرت`, `طائرات مسيرة لقوات الوفاق`).
    fn actors(
        &self,
        ts: usize,
        te: usize,
        lo: usize,
        hi: usize,
        after: Option<(Vec<String>, bool)>,
    ) -> (Vec<String>, bool) {
        let cx = &self.cx;
        // `هجوم شنه مقاتلو المعارضة`, `مجزرة نفذتها طائرات النظام`.
        for k in te..(te + 2).min(hi) {
            if let Some((c, n, _)) = self.frame_class(k, hi) {
                if c == "by" && k + n < hi {
                    if let Some(a) = self.actor_at(k + n, hi, true) {
                        return a;
                    }
                }
            }
        }
        if let Some(a) = after {
            return a;
        }
        let mut p = ts;
        while p > lo {
            p -= 1;
            if cx.punct(p, &['.', ';', ':']) {
                break;
            }
            if let Some(a) = self.actor_at(p, ts, false) {
                return a;
            }
        }
        (Vec::new(), false)
    }

    /// The actor right after the trigger (past adjectives: `الغارة الثانية لطيران حفتر`)
    /// unless the trigger takes an object: its first token and the actor.
    fn actor_after(
        &self,
        ts: usize,
        te: usize,
        lo: usize,
        hi: usize,
        object: bool,
    ) -> Option<(usize, (Vec<String>, bool))> {
        let mut j = te;
        // `الذي دعا إليه مجلس الأمن`: a preposition with the relative's pronoun stands
        // before the doer.
        if ts > lo && self.cx.relative_pronoun_prep(ts - 1, j, hi) {
            j += 1;
        }
        let mut reach = j + 3;
        while !object && j < hi && j < reach {
            if let Some(a) = self.actor_at(j, hi, true) {
                return Some((j, a));
            }
            // A weapon right after the trigger, then its owner (`ضربت مدفعية التحالف`).
            if j == te && !self.cx.has_prep_clitic(j) {
                if let Some(w) = self.weapon_at(j, hi) {
                    let owner = self
                        .cx
                        .entity_starting(w.end)
                        .filter(|_| w.end < hi)
                        .is_some_and(|(_, e)| {
                            speaker_type(e.etype) && e.etype != EntityType::OUTLET
                        });
                    if owner {
                        j = w.end;
                        reach = j + 1;
                        continue;
                    }
                }
            }
            if !self.adjective_at(j, hi) {
                break;
            }
            j += 1;
        }
        None
    }

    /// An actor phrase at `k` (bounded by `end`); `after` when it follows the trigger.
    fn actor_at(&self, k: usize, end: usize, after: bool) -> Option<(Vec<String>, bool)> {
        let cx = &self.cx;
        let doc = self.doc();
        let toks = &doc.tokens[..end];
        let li = cx.tok(k).clitics.has(Clitics::LI);
        let bi = cx.tok(k).clitics.has(Clitics::BI);
        if let Some((_, n, _)) = self.actor_class(k, toks.len()) {
            if bi || (cx.has_prep_clitic(k) && !li) {
                return None;
            }
            if !after && li {
                // `لقوات الوفاق` before a verb: the owner of a weapon or force named
                // just before it (`طائرات مسيرة لقوات الوفاق`).
                let owner = k > 0
                    && (self.weapon_at(k - 1, toks.len()).is_some()
                        || self.actor_class(k - 1, toks.len()).is_some()
                        || (k > 1 && self.weapon_at(k - 2, toks.len()).is_some()));
                if !owner {
                    return None;
                }
            }
            // A force named whole (`قوات التحالف`, `قوات الدعم السريع`).
            if let Some((_, e)) = cx.entity_starting(k) {
                if speaker_type(e.etype) && e.etype != EntityType::OUTLET {
                    let v = e.key();
                    return Some((vec![v], true));
                }
            }
            // The entity the force belongs to, not past a relative clause (`قوات الذي
            // تتزعمه السعودية`).
            let stop = (k + n + 4).min(end);
            for j in k + n..stop {
                if cx.punct(j, &['.', ',', ';', ':']) || cx.is_particle(j, end, "rel").is_some() {
                    break;
                }
                if let Some((_, e)) = cx.entity_starting(j) {
                    if speaker_type(e.etype) && e.etype != EntityType::OUTLET {
                        let v = e.key();
                        return Some((vec![v], true));
                    }
                    break;
                }
            }
            // No entity: the phrase itself (`القوات الموالية للحكومة`); a force noun
            // owned by a pronoun alone (`عناصرهم`, `لطائراتهم`) names no one.
            if cx.tok(k).clitics.has(Clitics::SUFFIX) {
                return None;
            }
            let mut j = k + n;
            while j < stop
                && cx.is_word(j)
                && cx.has_article(j)
                && cx.particle(j, end).is_none()
                && cx.negation(j, end).is_none()
                && cx.cue(j, end).is_none()
                && self.trig_at(j, toks.len()).is_none()
            {
                j += 1;
            }
            if j == k + n {
                // A force noun alone (`طائرات`) names no one.
                return None;
            }
            let span = rasd_model::Span::try_new(cx.tok(k).span.start, cx.tok(j - 1).span.end)?;
            return Some((vec![doc.text(span).to_string()], false));
        }
        let (_, e) = cx.entity_starting(k)?;
        if !speaker_type(e.etype) || e.etype == EntityType::OUTLET {
            return None;
        }
        if bi || (!after && cx.has_prep_clitic(k)) || (after && cx.has_prep_clitic(k) && !li) {
            return None;
        }
        if !after && k > 0 && cx.is_particle(k - 1, end, "prep").is_some() {
            return None;
        }
        // A name after a place word before the trigger is where, not who (`في شمال سوريا،
        // حيث استهدفت غاراتها`); one after a casualty word is the victim (`توعد بالثأر
        // لمقتل الصماد، إثر غارات جوية`), and so is a nationality after a person word
        // (`قتل مقيم مصري في قصف`).
        if !after
            && k > 0
            && (self.place_class(k - 1, end).is_some()
                || self.casualty_at(k - 1, end).is_some()
                || self.victim_at(k - 1, end).is_some())
        {
            return None;
        }
        if after && li {
            // `هجوما لقوات X` names the attacker only with a force noun; `ل` + entity
            // right after a verbal noun is its object.
            return None;
        }
        Some((vec![e.key()], true))
    }

    /// A war or campaign is dated by its `منذ` time near it or opening its segment
    /// (`ومنذ 2013، تعاني دولة جنوب السودان، التي انفصلت ... عام 2011، من حرب أهلية`).
    fn war_time(&self, ts: usize, te: usize, sa: usize, sb: usize) -> Option<EventTime> {
        let doc = self.doc();
        let cx = &self.cx;
        let opens_since = |i: usize| {
            doc.times.get(i).is_some_and(|t| {
                t.value.is_some() && matches!(t.text.split(' ').next(), Some("منذ" | "ومنذ"))
            })
        };
        let pick = self
            .times
            .iter()
            .filter(|(k, i)| {
                (*k <= sa + 1 || *k + 4 >= ts && *k < ts || *k >= te && *k < te + REACH)
                    && *k < sb
                    && opens_since(*i)
            })
            .min_by_key(|(k, _)| k.abs_diff(ts));
        // Otherwise only a time right by it (`حملة عسكرية في مارس/آذار 2015`, `الحرب
        // العراقية الإيرانية (1980-1988)`): a war's sentence tells of other days.
        let close = |&&(k, _): &&(usize, usize)| {
            k + 3 >= ts && k < ts
                || k >= te && k < te + 6 && !(te..k).any(|j| cx.punct(j, &['.', '،', ',', ';']))
        };
        // A war said to break out or be waged (`واندلع الصراع ... بعدما اتهم كير في
        // ديسمبر 2013`, `شنت الحرب ... من عام 2013`) is dated by its clause's time.
        let outbreak = (ts.saturating_sub(2).max(sa)..ts).any(|k| {
            self.frame_class(k, sb)
                .is_some_and(|(c, _, _)| c == "outbreak")
        });
        let clause = |&&(k, _): &&(usize, usize)| {
            k >= te && k < sb.min(te + 2 * REACH) && !(te..k).any(|j| cx.punct(j, &['.', ';', ':']))
        };
        let pick = pick
            .or_else(|| {
                self.times
                    .iter()
                    .filter(close)
                    .min_by_key(|(k, _)| k.abs_diff(ts))
            })
            .or_else(|| {
                self.times
                    .iter()
                    .filter(|t| outbreak && clause(t))
                    .min_by_key(|(k, _)| *k)
            });
        self.event_time(pick?.1)
    }

    /// The value and grain of time expression `i` of the document.
    fn event_time(&self, i: usize) -> Option<EventTime> {
        let t = self.doc().times.get(i)?;
        Some(EventTime {
            value: t.value.clone()?,
            grain: t.grain,
        })
    }

    /// The event's time: the nearest time after the trigger in its clause, else the
    /// nearest before it; a war or campaign (`since`) is dated by [`Scan::war_time`].
    fn time(
        &self,
        ts: usize,
        te: usize,
        sa: usize,
        sb: usize,
        since: bool,
    ) -> (Option<EventTime>, bool) {
        if since {
            return (self.war_time(ts, te, sa, sb), false);
        }
        match self.clause_time(ts, te, sa, sb) {
            Some((t, k)) => {
                // the phrase opens the time or stands right before it (`في وقت سابق من
                // هذا الشهر`, whose time is `هذا الشهر`)
                let earlier = (k.saturating_sub(5).max(sa)..=k).any(|j| {
                    self.frame_class(j, sb)
                        .is_some_and(|(c, n, _)| c == "earlier" && (j == k || j + n == k))
                });
                (Some(t), earlier)
            }
            None => (None, false),
        }
    }

    /// The time of an event's clause, with its first token.
    fn clause_time(
        &self,
        ts: usize,
        te: usize,
        sa: usize,
        sb: usize,
    ) -> Option<(EventTime, usize)> {
        let cx = &self.cx;
        // A time after `بعد`/`قبل` is a reference point, not the event's time.
        let reference = |k: usize| k > 0 && matches!(cx.core(k - 1), "بعد" | "قبل" | "عقب");
        // `... مقتل خمسة جنود وفي يناير 2016 عن مقتل جندي`: a time after `وفي` opens the
        // next coordinated clause; it is not the time of what precedes it.
        let wa_fi = |j: usize| {
            cx.form(j) == "وفي"
                || cx.core(j) == "في"
                    && (cx.tok(j).clitics.has(Clitics::WA) || (j > 0 && cx.form(j - 1) == "و"))
        };
        let next_clause = |k: usize| wa_fi(k) || (k > 0 && wa_fi(k - 1));
        // `الغوطة الشرقية المحاصرة منذ عام 2013`: a time right after a word for a lasting
        // condition dates the condition, not the event.
        let of_state = |k: usize| {
            (k.saturating_sub(3).max(sa)..k).any(|j| {
                self.frame_class(j, k)
                    .is_some_and(|(c, n, _)| c == "state" && j + n == k)
            })
        };
        // After the trigger the time may close its clause (`العملية التي نفذها تنظيم
        // "داعش" على مقر قوات مكافحة الإرهاب، مساء السبت`): twice the reach, up to a full stop.
        // Past the usual reach the clause ends at a full stop, a complementizer or a
        // reporting cue (`توعد بأن يكون هذا العام`: another clause's time).
        let near = sb.min(te + REACH);
        let far = sb.min(te + 2 * REACH);
        let hi = (te..far)
            .find(|&k| {
                cx.punct(k, &['.', ';', ':'])
                    || k >= near
                        && (cx.is_particle(k, sb, "comp").is_some() || cx.cue(k, sb).is_some())
            })
            .unwrap_or(far)
            .max(near);
        // `القتال ... رغم وقف إطلاق نار أعلنته الخرطوم في مارس`: a time after a phrase that
        // reports no event (`not_events.tsv`) is that phrase's, not the trigger's.
        let hi = (te..hi)
            .find(|&k| {
                self.lx
                    .not_events
                    .hit(&self.ix_not_events, cx.lookup(), k, sb)
                    .is_some()
            })
            .unwrap_or(hi);
        // `أكبر هجوم ... منذ سيطرة قوات النظام عليها في نوفمبر الماضي`: a time after منذ
        // and another event is that event's.
        let hi = (te..hi)
            .find(|&k| {
                cx.core(k) == "منذ"
                    && (k + 1..(k + 3).min(sb)).any(|j| self.trig_at(j, sb).is_some())
            })
            .unwrap_or(hi);
        // `في عملية تفجير سيارة مفخخة، تقارب الكثير من عمليات التفجير التي شهدها لبنان في
        // السنوات الثماني الماضية`: past a comma, a time inside a relative clause on another
        // noun dates that noun, not the trigger. Only the definite pronouns (`الذي`,
        // `التي`) qualify a noun: `، ما أسفر عن ... يوم` is still the trigger's; and a comma
        // closes the relative clause (`القرى التي سيطر عليها النظام لفترة قصيرة، الأحد`).
        let comma = |j: usize| cx.punct(j, &['،', ',']);
        let in_relative = |k: usize| {
            (te + 2..k).rev().take_while(|&r| !comma(r)).any(|r| {
                cx.is_particle(r, sb, "rel").is_some()
                    && cx.form(r).starts_with("ال")
                    && !comma(r - 1)
                    && (te..r - 1).any(comma)
            })
        };
        let lo = sa.max(ts.saturating_sub(REACH));
        let pick = self
            .times
            .iter()
            .filter(|(k, _)| {
                *k >= te
                    && *k < hi
                    && !reference(*k)
                    && !next_clause(*k)
                    && !of_state(*k)
                    && !in_relative(*k)
            })
            .min_by_key(|(k, _)| *k - te)
            .or_else(|| {
                // `في 2011 لكن القتال اندلع`: a time before a turn to another clause is
                // that clause's.
                let from = self
                    .frame_pos_before(ts, lo, ts, "turn", ts - lo)
                    .map_or(lo, |t| t + 1);
                self.times
                    .iter()
                    .filter(|(k, _)| *k >= from && *k < ts && !reference(*k) && !of_state(*k))
                    .max_by_key(|(k, _)| *k)
            })?;
        Some((self.event_time(pick.1)?, pick.0))
    }

    /// Negation (`لم تستهدف`, `عدم`, the content of a denial) and modality (`من المنتظر
    /// أن`, `قد`, the future prefix).
    fn modality(&self, ts: usize, sa: usize) -> (bool, Modality, Option<&'static str>) {
        let cx = &self.cx;
        let doc = self.doc();
        // The cue ends right before the trigger (`لم تستهدف`, `لم يتمكن من تفجيره`).
        for k in ts.saturating_sub(3).max(sa)..ts {
            if let Some((class, n, _)) = cx.negation(k, ts) {
                if k + n == ts && matches!(class, "past" | "copula" | "present" | "noun") {
                    return (true, Modality::Denied, Some("events/negated"));
                }
            }
        }
        if let Some(ci) = self.content_of[ts] {
            let c: &Claim = &doc.claims[ci as usize];
            let local = matches!(&c.why, Why::All(v) if v.iter().any(|w| matches!(w, Why::Rule(r) if r == "attribute/negated-content")));
            if c.stance == Stance::Deny && !local {
                let but = c.content.is_some_and(|sp| {
                    let first = cx_first_token(doc, sp.start);
                    (first..ts).any(|k| matches!(cx.core(k), "بل" | "لكن" | "وانما" | "انما"))
                });
                if !but {
                    return (true, Modality::Denied, Some("events/denied-by-speaker"));
                }
            }
        }
        if cx.tok(ts).clitics.has(Clitics::SA) {
            return (false, Modality::Expected, Some("events/future"));
        }
        let mut k = ts;
        while k > sa && ts - k < 8 {
            k -= 1;
            if let Some(h) = cx.modality(k, ts) {
                if h.value.imperfect && !self.imperfect_after(h.end, sa) {
                    continue;
                }
                if ts - h.start <= h.value.window as usize {
                    return (false, h.value.modality, Some("events/modality-cue"));
                }
            }
        }
        (false, Modality::Asserted, None)
    }

    /// Whether the word at `k` reads as an imperfect verb (`قد تستهدف`, `قد يكون`) and no
    /// auxiliary (`aux` in `particles.tsv`: كان and its kin) stands before it in the
    /// clause: `قد` before a perfect verb (`قد استعادت`) or in a pluperfect (`كانت قوات
    /// النظام قد تمكنت`) asserts.
    fn imperfect_after(&self, k: usize, sa: usize) -> bool {
        let cx = &self.cx;
        let core = cx.core(k);
        // (ن opens as many perfect verbs, `نفذت`, as first-person imperfect ones.)
        let prefix = core.starts_with('ي') || core.starts_with('ت') && !core.ends_with('ت');
        let aux = (k.saturating_sub(10).max(sa)..k.saturating_sub(1))
            .any(|j| cx.is_particle(j, k, "aux").is_some() && !matches!(cx.core(j), "قد" | "لقد"));
        prefix && !aux
    }

    /// Places of a trigger: after it (with every place coordinated with the first), else
    /// the nearest before it.
    fn places(
        &self,
        ts: usize,
        te: usize,
        lo: usize,
        hi: usize,
        sb: usize,
        etype: &str,
    ) -> Vec<Place> {
        let territory = crate::lex::territorial(etype);
        let mut out = Vec::new();
        let mut k = te;
        while k < hi {
            if self.cx.punct(k, &['.', ';', ':']) {
                break;
            }
            if let Some(mut p) = self.place_at(k, te, hi, territory) {
                if p.state {
                    // A state: a town or site named right after it is more precise.
                    if let Some(q) = (p.end..hi.min(p.end + 6))
                        .find_map(|j| self.place_at(j, te, hi, territory).filter(|q| !q.state))
                    {
                        p = q;
                    }
                }
                // Coordinated places: `، وترهونة، وكامل مدن الساحل الغربي`.
                let end = p.end;
                out.push(p);
                self.add_coordinated(&mut out, end, sb, te);
                return out;
            }
            k += 1;
        }
        // `هذه الضربة`: a reference back takes no place from the words before it (a
        // demonstrative before an indefinite noun is no such phrase: `بما في ذلك قصف`).
        let refers = ts > lo
            && self.cx.has_article(ts)
            && self
                .frame_class(ts - 1, ts)
                .is_some_and(|(c, _, _)| c == "refer");
        let mut k = if refers { lo } else { ts };
        while k > lo {
            k -= 1;
            if self.cx.punct(k, &['.', ';']) {
                break;
            }
            if let Some(p) = self.place_at(k, te, ts, false) {
                if let Some(q) = self.placed_by(k, lo) {
                    return vec![q];
                }
                // The first of a coordination before the trigger: every member, and those
                // coordinated after it (`في ريفي حماة وحلب تعرضت`).
                let end = p.end;
                let mut first = k;
                let mut all = vec![p];
                self.add_coordinated(&mut all, end, ts, te);
                while first > lo {
                    let Some(prev) = self.place_before(first, lo) else {
                        break;
                    };
                    first = prev.1;
                    all.insert(0, prev.0);
                }
                return all;
            }
        }
        out
    }

    /// The place that a direction or `قرب` before token `k` locates (`جبهة نهم شرق
    /// العاصمة صنعاء`, `الغوطة الشرقية بالقرب من دمشق`, read back from the landmark):
    /// that is where it happened.
    fn placed_by(&self, k: usize, lo: usize) -> Option<Place> {
        let cx = &self.cx;
        let dir = (k.saturating_sub(3).max(lo)..k).find(|&j| {
            self.place_class(j, k).is_some_and(|(c, n, _)| {
                matches!(c, "direction" | "near")
                    && (j + n == k
                        || j + n + 1 == k
                            && (cx.core(k - 1) == "من"
                                || self
                                    .place_class(k - 1, k)
                                    .is_some_and(|(c, _, _)| matches!(c, "anaphor" | "area"))))
            })
        })?;
        if dir == lo || cx.tok(dir).clitics.has(Clitics::WA) {
            return None;
        }
        // One adjective may describe the place (`الغوطة الشرقية المحاصرة بالقرب من دمشق`).
        let last = if cx.entity(dir - 1).is_none()
            && dir > lo + 1
            && cx.has_article(dir - 1)
            && !cx.has_prep_clitic(dir - 1)
        {
            dir - 2
        } else {
            dir - 1
        };
        let (n, _) = cx.entity(last)?;
        let mut s = last;
        while s > lo && cx.entity(s - 1).is_some_and(|(m, _)| m == n) {
            s -= 1;
        }
        self.place_at(s, s, last + 1, false).filter(|p| !p.state)
    }

    /// The place that ends right before `k` in a coordination (`محوري الطويشة والتوغار`).
    fn place_before(&self, k: usize, lo: usize) -> Option<(Place, usize)> {
        let cx = &self.cx;
        if !(cx.tok(k).clitics.has(Clitics::WA) || (k > lo && cx.form(k - 1) == "و")) {
            return None;
        }
        let mut j = k;
        while j > lo {
            j -= 1;
            if cx.punct(j, &[',']) || cx.form(j) == "و" {
                continue;
            }
            let (n, _) = cx.entity(j)?;
            let mut s = j;
            while s > lo && cx.entity(s - 1).is_some_and(|(m, _)| m == n) {
                s -= 1;
            }
            let p = self.place_at(s, s, k, true)?;
            return Some((p, s));
        }
        None
    }

    /// Add to `out` the places coordinated one after another from token `end`, each once.
    fn add_coordinated(&self, out: &mut Vec<Place>, mut end: usize, hi: usize, te: usize) {
        while let Some(next) = self.coordinated(end, hi, te) {
            end = next.end;
            if !out.iter().any(|q| q.key == next.key) {
                out.push(next);
            }
        }
    }

    /// A place coordinated after `k`: `،` / `و` then (skipping area words and `كامل`) a
    /// place entity.
    fn coordinated(&self, k: usize, hi: usize, te: usize) -> Option<Place> {
        let cx = &self.cx;
        let mut j = k;
        if j < hi && cx.punct(j, &[',']) {
            j += 1;
        }
        if j >= hi {
            return None;
        }
        // `وحي الأكواخ`: the analyser may read a word as whole (`وحي`) where the
        // recognizer found a name after its conjunction.
        let split_wa = cx.form(j).starts_with('و')
            && cx
                .entity_starting(j)
                .is_some_and(|(_, e)| e.start > cx.tok(j).span.start);
        let wa = cx.tok(j).clitics.has(Clitics::WA) || cx.form(j) == "و" || split_wa;
        if !wa {
            return None;
        }
        if cx.form(j) == "و" {
            j += 1;
        }
        let lim = (j + 4).min(hi);
        while j < lim {
            if let Some(p) = self.place_at(j, te, hi, true) {
                return Some(p);
            }
            let filler =
                self.place_class(j, hi).is_some() || matches!(cx.core(j), "كامل" | "بعض" | "عدد");
            if !filler {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A place at token `k`: a place entity with a locative word before it (or a
    /// facility, or right after the trigger, or any place for territory events), an area
    /// noun and its name, or `العاصمة` referring back.
    fn place_at(&self, k: usize, te: usize, end: usize, loose: bool) -> Option<Place> {
        let cx = &self.cx;
        let doc = self.doc();
        let toks = &doc.tokens[..end.max(k + 1).min(doc.tokens.len())];
        if let Some((n, e)) = cx.entity_starting(k) {
            if !matches!(e.etype, EntityType::LOC | EntityType::GPE | EntityType::FAC) {
                return None;
            }
            let t = cx.tok(k);
            let locative = t.clitics.has(Clitics::BI)
                || (k > 0 && self.place_class(k - 1, toks.len()).is_some())
                || (k > 1
                    && self
                        .place_class(k - 2, toks.len())
                        .is_some_and(|(c, n, _)| n == 2 || c == "area"));
            let ok = if e.etype == EntityType::GPE {
                // A state is a place only after في or an area noun (`في ليبيا`, `دولة
                // تشاد`); after ب or ل it is a party (`استنجد حفتر بروسيا`).
                k > 0
                    && (matches!(cx.core(k - 1), "في")
                        || self
                            .place_class(k - 1, toks.len())
                            .is_some_and(|(c, _, _)| c == "area"))
            } else {
                locative || e.etype == EntityType::FAC || k == te || loose
            };
            if !ok {
                return None;
            }
            let key = e.key();
            let end = cx.entity_end(n, k);
            if e.etype == EntityType::FAC {
                // A base, camp or oil field stands apart from the town it is filed under
                // (T4 lies 60 km from Homs): it is the place itself.
                let apart = doc.refs.get(&key).is_some_and(|r| {
                    r.extra.get("kind").is_some_and(|k| {
                        matches!(k.as_str(), "air base" | "military camp" | "oil field")
                    })
                });
                let within = doc
                    .refs
                    .get(&key)
                    .filter(|_| !apart)
                    .and_then(|r| r.extra.get("within"))
                    .filter(|w| doc.refs.contains_key(w.as_str()));
                if let Some(w) = within {
                    return Some(Place {
                        key: w.clone(),
                        site: Some(key),
                        end,
                        rule: "events/place-site-within",
                        state: false,
                    });
                }
            }
            let state = e.etype == EntityType::GPE;
            return Some(Place {
                key,
                site: None,
                end,
                rule: "events/place",
                state,
            });
        }
        if cx.entity(k).is_some() {
            return None;
        }
        let (class, n, _) = self.place_class(k, toks.len())?;
        match class {
            "area" if !cx.has_article(k) => {
                // An area noun and its name, when the recognizer found no entity there.
                let a = k + n;
                if a >= end || cx.entity(a).is_some() || self.not_name(a, end) {
                    return None;
                }
                if !cx.has_article(a) && cx.nisba(a) {
                    // `منطقة عسكرية`: an adjective, not a name.
                    return None;
                }
                // A word with a pronoun (`يمكنها`) or an indefinite accusative (`عضوا`) is
                // no name either.
                if cx.tok(a).clitics.has(Clitics::SUFFIX)
                    || !cx.has_article(a) && cx.form(a).ends_with('ا')
                {
                    return None;
                }
                let mut b = a;
                while b < end
                    && b - a < 2
                    && cx.is_word(b)
                    && cx.tok(b).kind == TokenKind::Word
                    && cx.particle(b, end).is_none()
                    && !(b > a && cx.has_prep_clitic(b))
                    && self.place_class(b, toks.len()).is_none()
                    && self.trig_at(b, toks.len()).is_none()
                {
                    b += 1;
                }
                if b == a {
                    return None;
                }
                let span = rasd_model::Span::try_new(cx.tok(a).span.start, cx.tok(b - 1).span.end)?;
                Some(Place {
                    key: doc.text(span).to_string(),
                    site: None,
                    end: b,
                    rule: "events/place-area-noun",
                    state: false,
                })
            }
            "anaphor"
                if n == 1 && cx.has_article(k) && !cx.has_prep_clitic(k)
                    || class == "anaphor" && cx.tok(k).clitics.has(Clitics::BI) =>
            {
                // `العاصمة`: the capital the article names most; `المدينة`: the last
                // town or city named before.
                let capital = cx.core(k) == "عاصمه";
                let start = cx.tok(k).span.start;
                let is_capital = |e: &rasd_model::Entity| {
                    e.etype == EntityType::LOC
                        && e.reference
                            .as_deref()
                            .and_then(|r| doc.refs.get(r))
                            .is_some_and(|r| r.extra.get("kind").is_some_and(|k| k == "capital"))
                };
                let key = if capital {
                    // The capital of the country of the nearest place before it in its
                    // sentence, else of the country the article names most.
                    let country_of = |e: &rasd_model::Entity| {
                        e.reference
                            .as_deref()
                            .and_then(|r| doc.refs.get(r))
                            .and_then(|r| r.country.clone())
                    };
                    let placed = |e: &&rasd_model::Entity| {
                        matches!(e.etype, EntityType::LOC | EntityType::GPE)
                    };
                    let sent_start = doc
                        .sentences
                        .get(s_of(doc, start))
                        .map(|s| s.start)
                        .unwrap_or(0);
                    let near = doc
                        .entities
                        .iter()
                        .rev()
                        .filter(|e| e.end <= start && e.start >= sent_start)
                        .filter(placed)
                        .find_map(country_of);
                    let country = match near {
                        Some(c) => c,
                        None => {
                            let mut by: Vec<(String, usize)> = Vec::new();
                            for c in doc.entities.iter().filter(placed).filter_map(country_of) {
                                match by.iter_mut().find(|(x, _)| *x == c) {
                                    Some(e) => e.1 += 1,
                                    None => by.push((c, 1)),
                                }
                            }
                            let best = by.iter().map(|c| c.1).max()?;
                            by.into_iter().find(|c| c.1 == best)?.0
                        }
                    };
                    let mut counts: Vec<(&str, usize)> = Vec::new();
                    let in_country = |e: &rasd_model::Entity| {
                        e.reference
                            .as_deref()
                            .and_then(|r| doc.refs.get(r))
                            .is_some_and(|r| r.country.as_deref() == Some(country.as_str()))
                    };
                    for e in doc
                        .entities
                        .iter()
                        .filter(|e| is_capital(e) && in_country(e))
                    {
                        let r = e.reference.as_deref().unwrap_or("");
                        match counts.iter_mut().find(|(x, _)| *x == r) {
                            Some(c) => c.1 += 1,
                            None => counts.push((r, 1)),
                        }
                    }
                    let best = counts.iter().map(|c| c.1).max()?;
                    counts.iter().find(|c| c.1 == best)?.0.to_string()
                } else {
                    // A place right after a verb of carrying out is its doer, not a place
                    // named (`لهجوم تشنه أنقرة ... على المنطقة`: Ankara attacks).
                    let doer = |e: &rasd_model::Entity| {
                        let t = doc.tokens.partition_point(|t| t.span.end <= e.start);
                        t > 0
                            && self
                                .frame_class(t - 1, t)
                                .is_some_and(|(c, _, _)| c == "by")
                    };
                    let e = doc
                        .entities
                        .iter()
                        .rev()
                        .filter(|e| e.end <= start)
                        .find(|e| e.etype == EntityType::LOC && !doer(e))?;
                    // `المدينة` is a settlement: after `مدينة زبيد بمحافظة الحديدة`, the
                    // town placed right before its province (with no town there, the
                    // province may be named after its city: `بمحافظة عدن ... في المدينة`).
                    let kind = |e: &rasd_model::Entity| {
                        e.reference
                            .as_deref()
                            .and_then(|r| doc.refs.get(r))
                            .and_then(|r| r.extra.get("kind"))
                            .map(String::as_str)
                    };
                    let settlement = matches!(cx.core(k), "مدينه" | "بلده" | "قريه");
                    let province = matches!(kind(e), Some("governorate" | "province" | "state"));
                    let placed = (settlement && province)
                        .then(|| {
                            doc.entities
                                .iter()
                                .rev()
                                .filter(|p| p.end <= e.start && e.start - p.end <= 12)
                                .find(|p| {
                                    p.etype == EntityType::LOC
                                        && matches!(
                                            kind(p),
                                            Some("city" | "town" | "village" | "capital")
                                        )
                                })
                        })
                        .flatten();
                    let e = placed.unwrap_or(e);
                    e.key()
                };
                Some(Place {
                    key,
                    site: None,
                    end: k + 1,
                    rule: "events/place-anaphor",
                    state: false,
                })
            }
            "site" if n == 1 && cx.has_article(k) => {
                // `المركز` after `مركز إيواء المهاجرين`: the last facility named with the
                // same noun, and the town it lies in.
                let start = cx.tok(k).span.start;
                let head = cx.core(k);
                let e = doc
                    .entities
                    .iter()
                    .rev()
                    .filter(|e| e.end <= start)
                    .find(|e| {
                        let t = doc.tokens.partition_point(|t| t.span.end <= e.start);
                        e.etype == EntityType::FAC && t < doc.tokens.len() && cx.core(t) == head
                    })?;
                let key = e.key();
                let within = doc
                    .refs
                    .get(&key)
                    .and_then(|r| r.extra.get("within"))
                    .filter(|w| doc.refs.contains_key(w.as_str()));
                Some(match within {
                    Some(w) => Place {
                        key: w.clone(),
                        site: Some(key),
                        end: k + 1,
                        rule: "events/place-site-anaphor",
                        state: false,
                    },
                    None => Place {
                        key,
                        site: None,
                        end: k + 1,
                        rule: "events/place-site-anaphor",
                        state: false,
                    },
                })
            }
            _ => None,
        }
    }
}

/// The token range covering body code points `[start, end)`.
fn token_range(doc: &Doc, start: u32, end: u32) -> std::ops::Range<usize> {
    let a = doc.tokens.partition_point(|t| t.span.end <= start);
    let b = doc.tokens.partition_point(|t| t.span.start < end);
    a..b.max(a)
}

/// The sentence holding code point `cp`.
fn s_of(doc: &Doc, cp: u32) -> usize {
    doc.sentence_at(cp).unwrap_or(0)
}

fn cx_first_token(doc: &Doc, cp: u32) -> usize {
    doc.tokens.partition_point(|t| t.span.end <= cp)
}

/// A phrase without the preposition ل written on its first word (`لطيران النظام` →
/// `طيران النظام`, `للقوات الموالية` → `القوات الموالية`).
fn without_li(v: &str) -> String {
    if let Some(rest) = v.strip_prefix("لل") {
        format!("ال{rest}")
    } else {
        v.strip_prefix('ل').unwrap_or(v).to_string()
    }
}
