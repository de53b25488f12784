//! From lexicon hits to mentions: evidence for weak names, the choice between homonyms,
//! longest match first, roles, and the entities and refs written to the document.
//!
//! Two passes. The first keeps only strong names (longest first, no overlaps) and reads
//! the document's context from them: which entries are named, and which states (a place
//! or a state counts one for its country, a person or organisation half). The second
//! admits a weak name when it has evidence, chooses among homonyms by that context, and
//! selects again, longest first:
//! - a title or trigger right before it (`اللواء`, `مدينة`, `قناة`, `قوات`), for the types
//!   the `titles.tsv` row names;
//! - a strong mention of the same entry elsewhere in the document (`السراج` after
//!   `فائز السراج`), or of the place it lies in (`الكلية العسكرية` with `طرابلس`);
//! - organisations and groups of the document's main state (`الوفاق` in a Libyan story);
//!   places of that state after a preposition or with an attached ب or ل;
//! - an outlet with an attached ل (`قال للعربية`).
//!
//! Homonyms (طرابلس: Libya or Lebanon) are scored: the place they lie in is named (+5),
//! their state's share of the document's states (×2), a matching trigger (+3), the
//! homonyms table's default (+1); the choice and its reason go into `why`.

use rasd_text::hash::{FxHashMap, FxHashSet};

use rasd_model::{Doc, Entity, EntityType, RefRecord, Span, Token, TokenKind, Why};

use crate::lexicon::{CueKind, Lexicon, Strength};
use crate::matcher::Cand;

/// How many tokens back a bare head (`الجيش`) looks for the body it stands for
/// (`الجيش السوداني`): about two sentences.
const NAMED_BODY_REACH: u32 = 60;

/// A chosen mention.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The hit.
    pub cand: Cand,
    /// Entry index.
    pub entry: u32,
    /// Strength of the form for that entry.
    pub strength: Strength,
    /// Reasons beyond the entry's row (evidence, homonym choice, nesting).
    pub extra: Option<Why>,
    /// The token of a facility word right before this place (`سجن عين زارة`, `مطار
    /// طرابلس`): the mention is then that facility, not the place.
    pub facility: Option<(u32, Why)>,
}

impl Mention {
    /// The full reason: the entry's row, then whatever else decided it.
    pub fn why(&self, lx: &Lexicon) -> Why {
        let base = lx.entry(self.entry).why.clone();
        match &self.extra {
            Some(w) => base.and(w.clone()),
            None => base,
        }
    }
}

/// What the strong names say about the document.
#[derive(Debug, Default)]
pub struct Context {
    /// Entries named by a strong form.
    pub entries: FxHashSet<u32>,
    /// Weight of each state.
    pub countries: FxHashMap<String, f32>,
    /// Largest weight.
    pub max: f32,
}

impl Context {
    /// Share of a state in the document, 0–1.
    pub fn share(&self, country: Option<&str>) -> f32 {
        match country {
            Some(c) if self.max > 0.0 => self.countries.get(c).copied().unwrap_or(0.0) / self.max,
            _ => 0.0,
        }
    }

    /// The state with the largest weight (not a region spanning several), if any.
    pub fn top(&self) -> Option<&str> {
        self.countries
            .iter()
            .filter(|(c, _)| c.as_str() != "XX")
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.as_str())
    }

    /// Whether a state is one of the document's main ones (at least half the largest weight).
    pub fn main(&self, country: Option<&str>) -> bool {
        self.share(country) >= 0.5
    }
}

/// The texts a token may be looked up by: whole, without particles, with the article restored.
pub fn variants<'d>(doc: &'d Doc, t: &Token) -> [Option<std::borrow::Cow<'d, str>>; 3] {
    let full = doc.form(t.form);
    if t.core == t.form {
        return [Some(full.into()), None, None];
    }
    let core = doc.form(t.core);
    let al = t
        .clitics
        .has(rasd_model::Clitics::AL)
        .then(|| format!("ال{core}").into());
    [Some(full.into()), Some(core.into()), al]
}

/// Cues of a phrase of tokens `[a, b)`, its first token looked up whole, without its
/// particles, and with its article restored. One-word phrases need no allocation.
pub fn cues_at<'l>(lx: &'l Lexicon, doc: &Doc, a: usize, b: usize) -> Vec<&'l crate::lexicon::Cue> {
    let mut out = Vec::new();
    let t = &doc.tokens[a];
    let full = doc.form(t.form);
    let split = t.core != t.form;
    let core = doc.form(t.core);
    let al = split && t.clitics.has(rasd_model::Clitics::AL);
    if !lx.may_begin_cue(full, core, split) {
        return out;
    }
    if b == a + 1 {
        if let Some(c) = lx.cues.get(full) {
            out.extend(c.iter());
        }
        if split {
            if let Some(c) = lx.cues.get(core) {
                out.extend(c.iter());
            }
        }
        if al {
            if let Some(c) = lx.cues_no_al.get(core) {
                out.extend(c.iter());
            }
        }
        return out;
    }
    if !(lx.cue_firsts.contains(full) || split && lx.cue_firsts.contains(core)) {
        return out;
    }
    let mut rest = String::new();
    for t in &doc.tokens[a + 1..b] {
        rest.push(' ');
        rest.push_str(doc.form(t.form));
    }
    for v in variants(doc, t).into_iter().flatten() {
        let key = format!("{v}{rest}");
        if let Some(c) = lx.cues.get(&key) {
            out.extend(c.iter());
        }
    }
    out
}

/// Cues of any phrase that ends right before token `i`, or before the quote marks that
/// open the name (`قناة "المسيرة"`, `قاعدة "التيفور"`; a hashtag's mark is no token:
/// `محافظة #الجوف`).
pub fn cues_before<'l>(lx: &'l Lexicon, doc: &Doc, i: usize) -> Vec<&'l crate::lexicon::Cue> {
    let mut out = Vec::new();
    let mut i = i.min(doc.tokens.len());
    while i > 0 && is_quote(doc, &doc.tokens[i - 1]) {
        i -= 1;
    }
    for n in 1..=lx.max_cue_tokens.min(i) {
        if doc.tokens[i - n..i]
            .iter()
            .any(|t| t.kind == TokenKind::Punct)
        {
            break;
        }
        out.extend(cues_at(lx, doc, i - n, i));
    }
    out
}

/// Longest first (tokens, then bytes), leftmost on ties, no overlaps; returns indexes.
fn select<T>(items: &[T], cand: impl Fn(&T) -> &Cand) -> Vec<usize> {
    // the order's key packed into one integer per item, computed once
    let mut order: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let c = cand(x);
            u128::from(u32::MAX - c.len()) << 96
                | u128::from(u32::MAX - (c.end_byte - c.start_byte)) << 64
                | u128::from(c.first) << 32
                | i as u128
        })
        .collect();
    order.sort_unstable();
    // one flag per token: taken by a longer hit
    let n = items
        .iter()
        .map(|x| cand(x).end as usize)
        .max()
        .unwrap_or(0);
    let mut taken = vec![false; n];
    let mut out = Vec::new();
    for key in order {
        let i = key as u32 as usize;
        let c = cand(&items[i]);
        let span = &mut taken[c.first as usize..c.end as usize];
        if span.iter().any(|&t| t) {
            continue;
        }
        span.fill(true);
        out.push(i);
    }
    out.sort_unstable_by_key(|&i| (cand(&items[i]).first, i));
    out
}

/// The context given by strong names alone.
pub fn context(lx: &Lexicon, cands: &[Cand]) -> Context {
    let strong: Vec<(Cand, u32)> = cands
        .iter()
        .filter_map(|c| Some((*c, lx.facts(c.form).strong?)))
        .collect();
    let mut ctx = Context::default();
    for i in select(&strong, |x| &x.0) {
        let e = strong[i].1;
        let entry = lx.entry_facts(e);
        // an ambiguous name tells which entries may be meant, not which state is
        let ambiguous = lx.facts(strong[i].0.form).ambiguous();
        ctx.entries.insert(e);
        if let Some(w) = entry.within {
            ctx.entries.insert(w);
        }
        if let (Some(c), false) = (entry.country(), ambiguous) {
            let w = if entry.place || entry.etype == EntityType::GPE {
                1.0
            } else {
                0.5
            };
            match ctx.countries.get_mut(c) {
                Some(x) => *x += w,
                None => {
                    ctx.countries.insert(c.to_string(), w);
                }
            }
        }
    }
    ctx.max = ctx.countries.values().copied().fold(0.0, f32::max);
    ctx
}

/// Why a weak sense may fire here, if it may.
fn evidence(
    lx: &Lexicon,
    ctx: &Context,
    c: &Cand,
    e: u32,
    strength: Strength,
    before: &[&crate::lexicon::Cue],
) -> Option<Why> {
    let entry = lx.entry_facts(e);
    let ty = entry.etype;
    if strength == Strength::Word {
        // a word naming a kind of place is no place itself (`ريف مدينة حلب`)
        let text = &lx.forms[c.form as usize].text;
        if lx
            .cues
            .get(text)
            .is_some_and(|q| q.iter().any(|q| q.kind == CueKind::Trigger))
        {
            return None;
        }
        let cue = before
            .iter()
            .find(|q| q.kind == CueKind::Trigger && q.applies.contains(&ty))?;
        return Some(
            cue.why
                .clone()
                .and(Why::rule("recognize/word-after-trigger")),
        );
    }
    for cue in before {
        let fits = match cue.kind {
            CueKind::Trigger => cue.applies.contains(&ty),
            CueKind::Title | CueKind::Spokesperson => ty == EntityType::PER,
            CueKind::Preposition => cue.applies.contains(&ty) && ctx.main(entry.country()),
            CueKind::Breaker | CueKind::NotName | CueKind::Connector | CueKind::Kunya => false,
        };
        if fits {
            return Some(cue.why.clone().and(Why::rule("recognize/weak-after-cue")));
        }
    }
    if ctx.entries.contains(&e) {
        return Some(Why::rule("recognize/weak-named-elsewhere"));
    }
    if entry.within.is_some_and(|w| ctx.entries.contains(&w)) {
        return Some(Why::rule("recognize/weak-within-named-place"));
    }
    let main = ctx.main(entry.country()) && entry.country() != Some("XX");
    match ty {
        EntityType::ORG | EntityType::GROUP if main => {
            Some(Why::rule("recognize/weak-of-main-state"))
        }
        EntityType::LOC | EntityType::FAC | EntityType::GPE if main && c.particle => {
            Some(Why::rule("recognize/weak-place-of-main-state"))
        }
        EntityType::OUTLET if c.li => Some(Why::rule("recognize/weak-outlet-dative")),
        _ => None,
    }
}

/// Choose every mention: evidence, homonyms, longest first.
pub fn mentions(lx: &Lexicon, doc: &Doc, cands: &[Cand]) -> (Vec<Mention>, Context) {
    let ctx = context(lx, cands);
    let mut out: Vec<Mention> = Vec::with_capacity(cands.len());
    // reused for every hit: most have one sense and no evidence to record
    let mut admissible: Vec<(u32, Strength, Option<Why>)> = Vec::with_capacity(4);
    // bare heads (`الجيش`): (index in `out`, head)
    let mut bare: Vec<(usize, u32)> = Vec::new();
    for c in cands {
        let facts = lx.facts(c.form);
        // a place's name right after a connector is a person's (`حمد بن جاسم`)
        if !c.particle
            && c.first > 0
            && facts.all_places()
            && lx
                .name_links
                .contains(doc.form(doc.tokens[c.first as usize - 1].form))
        {
            continue;
        }
        // a demonym after a byname is the person's (`أبو يحيى التونسي`)
        if c.first > 1
            && facts.all_adj()
            && lx
                .kunyas
                .contains(doc.form(doc.tokens[c.first as usize - 2].form))
        {
            continue;
        }
        let f = &lx.forms[c.form as usize];
        // cues are looked up only where they can change the outcome
        let needs_cues = facts.needs_cues();
        let before = if needs_cues {
            cues_before(lx, doc, c.first as usize)
        } else {
            Vec::new()
        };
        admissible.clear();
        match facts.strong {
            // one sense, firing alone: the form's facts say all (its senses unread)
            Some(e) if !needs_cues => {
                let strength = if facts.all_adj() {
                    Strength::Adj
                } else {
                    Strength::Strong
                };
                admissible.push((e, strength, None));
            }
            _ => {
                for s in &f.senses {
                    if s.strength.fires_alone() {
                        admissible.push((s.entry, s.strength, None));
                    } else if let Some(w) = evidence(lx, &ctx, c, s.entry, s.strength, &before) {
                        admissible.push((s.entry, s.strength, Some(w)));
                    }
                }
            }
        }
        let mut bare_head = None;
        if admissible.is_empty() {
            // a bare head (`الجيش`, `المعارضة`) names the body of the document's state
            let main = ctx.top().and_then(|c| lx.states.get(c));
            let composed = f
                .heads
                .iter()
                .find_map(|&h| lx.composed.get(&(h, *main?)).map(|&e| (h, e)));
            match composed {
                Some((h, e)) => bare_head = Some((h, e)),
                None => continue,
            }
            if let Some((h, e)) = bare_head {
                admissible.push((
                    e,
                    Strength::Weak,
                    Some(
                        lx.heads[h as usize]
                            .why
                            .clone()
                            .and(Why::rule("recognize/head-of-main-state")),
                    ),
                ));
            }
        }
        let (entry, strength, ev, reason) = if admissible.len() == 1 {
            let (e, s, w) = admissible.swap_remove(0);
            (e, s, w, None)
        } else {
            let mut best: Option<(f32, usize, String)> = None;
            for (k, (e, s, _)) in admissible.iter().enumerate() {
                let en = lx.entry(*e);
                let mut score = 0.0;
                let mut why = Vec::new();
                if en.within.is_some_and(|w| ctx.entries.contains(&w)) {
                    score += 5.0;
                    why.push(format!("{} named", lx.entry(en.within.unwrap_or(0)).id));
                }
                let share = ctx.share(en.country.as_deref());
                if share > 0.0 {
                    score += 2.0 * share;
                    why.push(format!(
                        "document about {}",
                        en.country.as_deref().unwrap_or("")
                    ));
                }
                if before
                    .iter()
                    .any(|q| q.kind == CueKind::Trigger && q.applies.contains(&en.etype))
                {
                    score += 3.0;
                    why.push("trigger".to_string());
                }
                if f.default == Some(*e) {
                    score += 1.0;
                    why.push("default".to_string());
                }
                if s.fires_alone() {
                    score += 0.5;
                }
                score += ((en.population + 1) as f32).ln() / 100.0;
                if best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, k, why.join(", ")));
                }
            }
            let (_, k, why) = best.unwrap_or((0.0, 0, String::new()));
            let (e, s, w) = admissible.swap_remove(k);
            (e, s, w, Some(why))
        };
        let mut extra: Option<Why> = None;
        if let Some(r) = reason {
            let id = &lx.entry(entry).id;
            let mut w = Why::rule(format!("recognize/homonym:{id} ({r})"));
            if let Some(h) = &f.homonym {
                w = h.clone().and(w);
            }
            extra = Some(w);
        }
        if let Some(ev) = ev {
            extra = Some(match extra {
                Some(w) => w.and(ev),
                None => ev,
            });
        }
        if let Some((h, _)) = bare_head {
            bare.push((out.len(), h));
        }
        out.push(Mention {
            cand: *c,
            entry,
            strength,
            extra,
            facility: None,
        });
    }
    compose(lx, cands, &mut out);
    // a bare head names the body of that kind named shortly before it (`الجيش` after
    // `الجيش السوداني`), else the main state's
    for &(i, h) in &bare {
        let at = out[i].cand.first;
        let named = out
            .iter()
            .enumerate()
            .filter(|(j, m)| {
                m.cand.end <= at
                    && at - m.cand.end <= NAMED_BODY_REACH
                    && !bare.iter().any(|b| b.0 == *j)
            })
            .filter(|(_, m)| {
                lx.entry(m.entry)
                    .state
                    .is_some_and(|st| lx.composed.get(&(h, st)) == Some(&m.entry))
            })
            .max_by_key(|(_, m)| m.cand.end)
            .map(|(_, m)| m.entry);
        if let Some(e) = named {
            out[i].entry = e;
            out[i].extra = Some(
                lx.heads[h as usize]
                    .why
                    .clone()
                    .and(Why::rule("recognize/head-of-named-body")),
            );
        }
    }
    let keep = select(&out, |m| &m.cand);
    let mut chosen: Vec<Mention> = keep.iter().map(|&i| out[i].clone()).collect();
    // a place named inside an organisation's, group's or facility's name is named too
    // (`كتائب مصراتة`, `البرلمان المنتخب في طبرق`): it is kept as a nested mention
    let outer: Vec<Cand> = chosen
        .iter()
        .filter(|m| {
            m.cand.len() > 1
                && matches!(
                    lx.entry_facts(m.entry).etype,
                    EntityType::ORG | EntityType::GROUP | EntityType::FAC
                )
        })
        .map(|m| m.cand)
        .collect();
    let mut nested: Vec<Mention> = Vec::new();
    for m in &out {
        let e = lx.entry_facts(m.entry);
        if m.strength != Strength::Strong || !e.place || e.etype == EntityType::FAC {
            continue;
        }
        let inside = outer
            .iter()
            .any(|o| o.first <= m.cand.first && m.cand.end <= o.end && o.len() > m.cand.len());
        if inside
            && !nested
                .iter()
                .any(|n| n.cand.first == m.cand.first && n.cand.end == m.cand.end)
        {
            let mut n = m.clone();
            let nest = Why::rule("recognize/nested-place");
            n.extra = Some(match n.extra.take() {
                Some(w) => w.and(nest),
                None => nest,
            });
            nested.push(n);
        }
    }
    for m in chosen.iter_mut() {
        m.facility = facility_word(lx, doc, m, &out);
    }
    short_for_longer_place(lx, &mut chosen);
    chosen.extend(nested);
    chosen.sort_by_key(|m| (m.cand.first, std::cmp::Reverse(m.cand.end)));
    // a demonym right after a name describes it (`وكالة سبوتنيك الروسية`): not a mention
    let mut result: Vec<Mention> = Vec::with_capacity(chosen.len());
    for m in chosen {
        if m.strength == Strength::Adj {
            if let Some(prev) = result.last() {
                let gap = &doc.tokens[prev.cand.end as usize..m.cand.first as usize];
                if !m.cand.particle
                    && gap
                        .iter()
                        .all(|t| t.kind == TokenKind::Punct && is_quote(doc, t))
                {
                    continue;
                }
            }
        }
        result.push(m);
    }
    (result, ctx)
}

/// A head (`الجيش`, `حكومة`, `وزارة الخارجية`) and the demonym or state name right after
/// it (`المصري`, `ليبيا`, `الفلبينية`): one mention of that state's body, whose entry
/// `Lexicon::composed` holds. `cands` are in token order, as the matcher gives them.
fn compose(lx: &Lexicon, cands: &[Cand], out: &mut Vec<Mention>) {
    for c in cands {
        if !lx.facts(c.form).head() {
            continue;
        }
        let f = &lx.forms[c.form as usize];
        let lo = cands.partition_point(|d| d.first < c.end);
        let mut found = None;
        'next: for d in cands[lo..].iter().take_while(|d| d.first == c.end) {
            // `الجيش والمصري` is two things
            if d.particle {
                continue;
            }
            // a demonym agreeing with the head
            if let Some(&(state, fem)) = lx.demonyms.get(&d.form) {
                for &(h, f_fem) in &f.head_adj {
                    if f_fem == fem {
                        if let Some(&e) = lx.composed.get(&(h, state)) {
                            found = Some((*d, h, e));
                            break 'next;
                        }
                    }
                }
            }
            // a state's name
            for s in &lx.forms[d.form as usize].senses {
                if s.strength != Strength::Strong || !lx.entry_facts(s.entry).country_kind {
                    continue;
                }
                for &h in &f.head_name {
                    if let Some(&e) = lx.composed.get(&(h, s.entry)) {
                        found = Some((*d, h, e));
                        break 'next;
                    }
                }
            }
        }
        let Some((d, h, entry)) = found else { continue };
        out.push(Mention {
            cand: Cand {
                end: d.end,
                end_byte: d.end_byte,
                ..*c
            },
            entry,
            strength: Strength::Strong,
            extra: Some(
                lx.heads[h as usize]
                    .why
                    .clone()
                    .and(Why::rule("recognize/head-and-state")),
            ),
            facility: None,
        });
    }
}

/// A one-word place name that begins the name of a longer place the document names
/// (`الغوطة` with `الغوطة الشرقية`, `حلب` with `حلب الشرقية`) is short for it.
fn short_for_longer_place(lx: &Lexicon, ms: &mut [Mention]) {
    let longer: Vec<(&str, u32)> = ms
        .iter()
        .filter(|m| m.cand.len() > 1 && lx.entry_facts(m.entry).place)
        .filter(|m| lx.entry_facts(m.entry).etype == EntityType::LOC)
        .map(|m| (lx.forms[m.cand.form as usize].text.as_str(), m.entry))
        .collect();
    if longer.is_empty() {
        return;
    }
    let mut relink: Vec<(usize, u32)> = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let e = lx.entry_facts(m.entry);
        if m.cand.len() != 1 || !e.place || e.etype != EntityType::LOC {
            continue;
        }
        let text = &lx.forms[m.cand.form as usize].text;
        let full = |l: &str| {
            l.strip_prefix(text.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        };
        if let Some(&(_, to)) = longer.iter().find(|(l, to)| *to != m.entry && full(l)) {
            relink.push((i, to));
        }
    }
    for (i, to) in relink {
        let m = &mut ms[i];
        m.entry = to;
        let w = Why::rule("recognize/short-for-named-place");
        m.extra = Some(match m.extra.take() {
            Some(x) => x.and(w),
            None => w,
        });
    }
}

/// The facility word right before a place mention (`سجن`, `مطار`, `مستشفى`: a trigger of
/// `titles.tsv` for FAC alone), when no other hit covers it.
fn facility_word(lx: &Lexicon, doc: &Doc, m: &Mention, hits: &[Mention]) -> Option<(u32, Why)> {
    let e = lx.entry_facts(m.entry);
    if !e.place || e.etype != EntityType::LOC || m.cand.particle || m.cand.first == 0 {
        return None;
    }
    let h = m.cand.first as usize - 1;
    if !matches!(doc.tokens[h].kind, TokenKind::Word)
        || hits
            .iter()
            .any(|o| o.cand.first as usize <= h && h < o.cand.end as usize)
    {
        return None;
    }
    let cue = cues_at(lx, doc, h, h + 1)
        .into_iter()
        .find(|c| c.kind == CueKind::Trigger && c.applies == [EntityType::FAC])?;
    Some((
        h as u32,
        cue.why
            .clone()
            .and(Why::rule("recognize/facility-of-place")),
    ))
}

fn is_quote(doc: &Doc, t: &Token) -> bool {
    doc.form(t.form)
        .chars()
        .all(|c| matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’'))
}

/// The role phrase before a person's name, and whether it is a spokesperson's.
pub fn role(lx: &Lexicon, doc: &Doc, first: usize) -> Option<(Span, bool)> {
    let mut best: Option<(usize, bool)> = None;
    let lo = first.saturating_sub(10);
    let mut j = first;
    while j > lo {
        j -= 1;
        let t = &doc.tokens[j];
        match t.kind {
            TokenKind::Punct if is_quote(doc, t) => continue,
            TokenKind::Punct | TokenKind::Number | TokenKind::Symbol => break,
            _ => {}
        }
        if cues_at(lx, doc, j, j + 1)
            .iter()
            .any(|c| c.kind == CueKind::Breaker)
        {
            break;
        }
        let found = best;
        for n in 1..=lx.max_cue_tokens.min(first - j) {
            for c in cues_at(lx, doc, j, j + n) {
                match c.kind {
                    CueKind::Title => best = Some((j, best.is_some_and(|b| b.1))),
                    CueKind::Spokesperson => best = Some((j, true)),
                    _ => {}
                }
            }
        }
        // A conjunction before the title found begins its conjunct: what lies before it
        // is another person's (`الرئيس دونالد ترامب ورئيسة الوزراء تيريزا ماي`).
        if (found.is_some() || best.is_some_and(|b| b.0 == j))
            && t.clitics.has(rasd_model::Clitics::WA)
        {
            break;
        }
    }
    let (b, spokes) = best?;
    let t = &doc.tokens[b];
    // particles before the title stay out of the role (`وقال` is gone already; `ولفت`)
    // (`والرئيس` keeps its article: `الرئيس`; `للرئيس` has lost the article's alef and
    // stays whole.)
    let core = t.core.start as usize;
    let al = core.saturating_sub("ال".len());
    let article = al > t.form.start as usize && doc.norm.form.get(al..core) == Some("ال");
    let start = if t.clitics.has_particle() && !t.clitics.has(rasd_model::Clitics::AL) {
        doc.norm
            .to_body(core, t.form.end as usize)
            .map_or(t.span.start, |s| s.start)
    } else if t.clitics.has_particle() && article {
        doc.norm
            .to_body(al, t.form.end as usize)
            .map_or(t.span.start, |s| s.start)
    } else {
        t.span.start
    };
    Span::try_new(start, doc.tokens[first - 1].span.end).map(|s| (s, spokes))
}

/// Write the mentions into `doc.entities` and their records into `doc.refs`.
pub fn emit(lx: &Lexicon, doc: &mut Doc, ms: &[Mention]) {
    let mut spokes_of: Vec<(u32, String)> = Vec::new();
    // facilities named by a word and a place: one ref per (word, place)
    let mut facilities: Vec<(String, u32, String)> = Vec::new();
    for m in ms {
        if let Some((h, why)) = &m.facility {
            let (h, end) = (*h as usize, m.cand.end as usize);
            let Some(span) = crate::local::trimmed_span(doc, h, end) else {
                continue;
            };
            let t = &doc.tokens[h];
            let word = doc.form(t.core).to_string();
            let place = lx.entry(m.entry);
            let id = match facilities.iter().find(|f| f.0 == word && f.1 == m.entry) {
                Some(f) => f.2.clone(),
                None => {
                    let id = format!("{}-facility-{}", place.id, facilities.len() + 1);
                    facilities.push((word, m.entry, id.clone()));
                    let text = doc.text(span).to_string();
                    let mut r = record(lx, m.entry);
                    r.name = text;
                    r.name_en = None;
                    r.wikidata = None;
                    r.kind = "facility".to_string();
                    r.canonical = false;
                    r.why = Some(m.why(lx).and(why.clone()));
                    r.extra.insert("type".to_string(), "FAC".to_string());
                    r.extra.insert("kind".to_string(), "facility".to_string());
                    r.extra.insert("within".to_string(), place.id.clone());
                    r.extra.insert("precision".to_string(), "place".to_string());
                    r.extra.remove("population");
                    r.extra.remove("source");
                    doc.refs.insert(id.clone(), r);
                    id
                }
            };
            doc.entities.push(Entity {
                id: String::new(),
                start: span.start,
                end: span.end,
                text: doc.text(span).to_string(),
                etype: EntityType::FAC,
                reference: Some(id),
                role: None,
                why: m.why(lx).and(why.clone()),
            });
            continue;
        }
        let Some(span) = doc
            .norm
            .to_body(m.cand.start_byte as usize, m.cand.end_byte as usize)
        else {
            continue;
        };
        let entry = lx.entry(m.entry);
        let etype = if m.strength == Strength::Adj {
            EntityType::GPE
        } else {
            entry.etype
        };
        let mut role_text = None;
        if etype == EntityType::PER {
            if let Some((r, spokes)) = role(lx, doc, m.cand.first as usize) {
                role_text = Some(doc.text(r).to_string());
                if spokes {
                    if let Some(org) = ms.iter().find(|o| {
                        doc.tokens[o.cand.first as usize].span.start >= r.start
                            && doc.tokens[o.cand.end as usize - 1].span.end <= r.end
                            && matches!(
                                lx.entry(o.entry).etype,
                                EntityType::ORG | EntityType::GROUP | EntityType::GPE
                            )
                    }) {
                        spokes_of.push((m.entry, lx.entry(org.entry).id.clone()));
                    }
                }
            }
        }
        doc.entities.push(Entity {
            id: String::new(),
            start: span.start,
            end: span.end,
            text: doc.text(span).to_string(),
            etype,
            reference: Some(entry.id.clone()),
            role: role_text,
            why: m.why(lx),
        });
        if !doc.refs.contains_key(&entry.id) {
            doc.refs.insert(entry.id.clone(), record(lx, m.entry));
        }
    }
    for (e, org) in spokes_of {
        if let Some(r) = doc.refs.get_mut(&lx.entry(e).id) {
            r.extra.insert("spokesperson_of".to_string(), org);
        }
    }
}

/// The canonical record of an entry.
pub fn record(lx: &Lexicon, i: u32) -> RefRecord {
    let e = lx.entry(i);
    let extra = e.extra.clone();
    RefRecord {
        name: e.name.clone(),
        name_en: e.name_en.clone(),
        kind: if e.place {
            if e.etype == EntityType::FAC {
                "facility".into()
            } else if e.etype == EntityType::GPE {
                "state".into()
            } else {
                "place".into()
            }
        } else {
            match e.etype {
                EntityType::PER => "person",
                EntityType::GROUP => "group",
                EntityType::OUTLET => "outlet",
                EntityType::GPE => "state",
                EntityType::FAC => "facility",
                EntityType::LOC => "place",
                EntityType::ORG => "organisation",
            }
            .into()
        },
        wikidata: e.wikidata.clone(),
        country: e.country.clone(),
        lat: e.lat,
        lon: e.lon,
        canonical: true,
        why: Some(e.why.clone()),
        extra,
        aliases: Vec::new(),
    }
}
