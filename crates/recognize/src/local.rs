//! Names no lexicon holds: the statistical tagger's mentions, typed by the words around
//! them, linked within the document and given document-local records.
//!
//! A tagger mention is kept when it overlaps no lexicon mention and its confidence reaches
//! [`MIN_SCORE`]. Its contract type comes from the head word before or inside it
//! (`titles.tsv` triggers: `كتيبة` → GROUP, `مطار` → FAC, `قناة` → OUTLET), else from the
//! tagger's label (PER, LOC, ORG). Mentions of one name share a ref: a person's surname
//! alone (`مولوتكوف` after `إيفان مولوتكوف`) links to the full name, and the record's
//! canonical name is the longest mention. A place the lexicons do not know has no
//! coordinates of its own: it is kept only when the document's main state is known, and
//! its record carries that state's coordinates with `precision: country`.

use rasd_model::{Clitics, Doc, Entity, EntityType, RefRecord, Span, Token, TokenKind, Why};

use crate::lexicon::{CueKind, Lexicon, Strength};
use crate::resolve::{self, Context, Mention};
use crate::tagger::{Label, Tagged};

/// Lowest tagger confidence kept.
pub const MIN_SCORE: f32 = 0.75;

/// The body span of a token range without the particles glued to its first token.
pub fn trimmed_span(doc: &Doc, first: usize, end: usize) -> Option<Span> {
    let t: &Token = doc.tokens.get(first)?;
    let last = doc.tokens.get(end.checked_sub(1)?)?;
    let mut start = t.form.start;
    // ف is left on: a name rarely takes it, and words that begin with it are cut wrongly
    // (`فيروس` → ف + يروس)
    if t.kind == TokenKind::Word && t.clitics.has_particle() && !t.clitics.has(Clitics::FA) {
        let merged = doc.form(t.form).starts_with("لل") && t.clitics.has(Clitics::AL);
        if !merged {
            start = if t.clitics.has(Clitics::AL) {
                t.core.start - "ال".len() as u32
            } else {
                t.core.start
            };
        }
    }
    doc.norm.to_body(start as usize, last.form.end as usize)
}

/// The tokens `[a, b)` of a tagger mention without punctuation or symbols at either edge
/// (`بشار #`), without role breakers at either edge (`المنظمة أن`, `روى حمزة`, but
/// `فتحي بن علي`: a given name stays) and without the tail of a title at its start
/// (`الجندي أول`); `None` when nothing is left.
fn trim_edges(lx: &Lexicon, doc: &Doc, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    b = b.min(doc.tokens.len());
    let mark = |t: &Token| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol);
    let breaker = |k: usize| {
        !lx.given.contains(doc.form(doc.tokens[k].form))
            && resolve::cues_at(lx, doc, k, k + 1)
                .iter()
                .any(|c| c.kind == CueKind::Breaker)
    };
    // and without a role breaker at its start (`روى حمزة`: the verb is no part of the name)
    // or the end of a title begun before it (`الجندي أول حسن ناصر`)
    while a < b && (mark(&doc.tokens[a]) || breaker(a) || ends_title(lx, doc, a)) {
        a += 1;
    }
    while b > a && (mark(&doc.tokens[b - 1]) || breaker(b - 1)) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

/// `أم نورا` where `نورا حسين` is named in the document: Noura's mother, not a name of its
/// own (the byname `أم X` is a name when X names no one else there). The mention is then
/// the daughter's given name. The parent words are `titles.tsv`'s kind `parent`.
fn mother_of(lx: &Lexicon, doc: &Doc, a: usize, b: usize, tagged: &[Tagged]) -> bool {
    let form = |k: usize| doc.form(doc.tokens[k].form);
    b == a + 2
        && lx.parents.contains(form(a))
        && tagged.iter().any(|o| {
            o.label == Label::Per
                && o.tokens.1 >= o.tokens.0 + 2
                && o.tokens.0 as usize != a
                && form(o.tokens.0 as usize) == form(a + 1)
        })
}

/// A person named by tokens `a..b` (found by a rule, so with full score).
fn person(lx: &Lexicon, doc: &Doc, a: usize, b: usize) -> Option<Tagged> {
    name_span(lx, doc, a, b).map(|span| Tagged {
        span,
        tokens: (a as u32, b as u32),
        label: Label::Per,
        score: 1.0,
    })
}

/// [`trimmed_span`], except that a first word which is a given name as written, or begins
/// with ك, keeps the letters that look like particles (`وليام`, not و + `ليام`; `كريستوفر`).
fn name_span(lx: &Lexicon, doc: &Doc, a: usize, b: usize) -> Option<Span> {
    let t = doc.tokens.get(a)?;
    // ك is a rare particle before a name, a frequent first letter of one (`كريستوفر`)
    let ka_only = t.clitics.0 & !Clitics::AL == Clitics::KA;
    if t.core != t.form && (ka_only || lx.given.contains(doc.form(t.form))) {
        let last = doc.tokens.get(b.checked_sub(1)?)?;
        return doc
            .norm
            .to_body(t.form.start as usize, last.form.end as usize);
    }
    trimmed_span(doc, a, b)
}

/// Whether a cue phrase of `titles.tsv` may begin at token `i` (one or two hash lookups,
/// before the dearer [`resolve::cues_at`]).
fn may_open_cue(lx: &Lexicon, doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let (full, core) = (doc.form(t.form), doc.form(t.core));
    if !lx.may_begin_cue(full, core, t.core != t.form) {
        return false;
    }
    lx.cues.contains_key(full)
        || lx.cue_firsts.contains(full)
        || (t.core != t.form
            && (lx.cues.contains_key(core)
                || lx.cues_no_al.contains_key(core)
                || lx.cue_firsts.contains(core)))
}

/// The people found by rule in a document: [`titled_people`] and [`bynames`].
#[derive(Debug, Default)]
pub struct Rules {
    /// Given names with a title before or after them.
    pub titled: Vec<Tagged>,
    /// Bynames (`أبو يحيى التونسي`).
    pub bynames: Vec<Tagged>,
}

impl Rules {
    /// Find both kinds in `doc`.
    pub fn find(lx: &Lexicon, doc: &Doc) -> Rules {
        Rules {
            titled: titled_people(lx, doc),
            bynames: bynames(lx, doc),
        }
    }
}

/// A word that may stand in a name: a word of two letters or more with no particle.
fn plain(doc: &Doc, b: usize) -> bool {
    let u = &doc.tokens[b];
    u.kind == TokenKind::Word && !u.clitics.has_particle() && doc.form(u.form).chars().count() > 1
}

/// The given name of `ner/given_names.tsv` a token is, as written or without its clitics
/// (a token without clitics is looked up once).
fn given_name<'d>(lx: &Lexicon, doc: &'d Doc, t: &Token) -> Option<&'d str> {
    let full = doc.form(t.form);
    if lx.given.contains(full) {
        return Some(full);
    }
    let core = doc.form(t.core);
    (t.core != t.form && lx.given.contains(core)).then_some(core)
}

/// Bynames no lexicon holds: a kunya of `titles.tsv` (`أبو`) and the word after it, and a
/// demonym or a name with the article after them (not a feminine adjective: `أبو ستة
/// البحرية`): `أبو يحيى التونسي`, `أبو عقيل السالمي`. They win over the tagger's mentions.
pub fn bynames(lx: &Lexicon, doc: &Doc) -> Vec<Tagged> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let plain = |b: usize| plain(doc, b);
    let bare = |b: usize| {
        b < n
            && plain(b)
            && resolve::cues_at(lx, doc, b, b + 1).is_empty()
            && !has_demonym(lx, doc, b, b + 1)
    };
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        // a byname: `أبو` and a word, and a demonym or a name with the article after them (not
        // a feminine adjective: `أبو ستة البحرية`)
        let kunya = t.kind == TokenKind::Word
            && !t.clitics.has_particle()
            && !t.clitics.has(Clitics::AL)
            && (t.form.end - t.form.start) as usize <= lx.kunya_max
            && lx.kunyas.contains(doc.form(t.form));
        // after a given name, `أبو` opens a surname (`عادل أبو بكر`): the tagger's to find
        let surname = kunya && i > 0 && given_name(lx, doc, &doc.tokens[i - 1]).is_some();
        // after a word naming a kind of place or body, it names that (`قاعدة أبو ستة`)
        if !(kunya && !surname && bare(i + 1))
            || resolve::cues_before(lx, doc, i)
                .iter()
                .any(|c| c.kind == CueKind::Trigger)
        {
            i += 1;
            continue;
        }
        let mut b = i + 2;
        if b < n
            && plain(b)
            && (has_demonym(lx, doc, b, b + 1)
                || (doc.tokens[b].clitics.has(Clitics::AL)
                    && !doc.form(doc.tokens[b].form).ends_with("يه")
                    && bare(b)))
        {
            b += 1;
        }
        out.extend(person(lx, doc, i, b));
        i = b;
    }
    out
}

/// People no lexicon holds, found by rule where the tagger found nothing: a given name of
/// `ner/given_names.tsv` and one more word, or connected words (`بن حمد آل ثاني`, `عبد
/// المعروف`: connectors of `titles.tsv`), either after a title, with a demonym between
/// or not (`العقيد جميل المعالم`, `الطبيب عثمان الزنتاني`, `الإعلامي الليبي نبيل
/// السكني`), or before one, behind a comma or not (`عدنان حزام، المتحدث باسم`, `علي
/// المقرحي آمر`).
/// The name stops at punctuation, at a word with a particle (`و`, `ب`, `ل`), at one letter,
/// at any other cue of `titles.tsv` and at a demonym.
pub fn titled_people(lx: &Lexicon, doc: &Doc) -> Vec<Tagged> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let plain = |b: usize| plain(doc, b);
    let connector = |b: usize| lx.name_links.contains(doc.form(doc.tokens[b].form));
    let mut i = 0;
    while i < n {
        let t = &doc.tokens[i];
        // the cheap tests first: most tokens are not bare words
        let given = t.kind == TokenKind::Word
            && !t.clitics.has(Clitics::AL)
            && given_name(lx, doc, t).is_some_and(|g| g.chars().count() > 2);
        if !given {
            // `الدكتور جوان محمد`: a first name no list holds, right after a title and
            // before a given name it holds.
            if let Some(b) = unlisted_first_name(lx, doc, i) {
                out.extend(person(lx, doc, i, b));
                i = b;
            } else {
                i += 1;
            }
            continue;
        }
        if cue_as_written(lx, doc, i) {
            i += 1;
            continue;
        }
        let mut b = i + 1;
        let mut surname = false;
        while b < n && plain(b) {
            if connector(b) && b + 1 < n && plain(b + 1) {
                b += 2;
                surname = true;
            } else if !surname
                && resolve::cues_at(lx, doc, b, b + 1).is_empty()
                && !has_demonym(lx, doc, b, b + 1)
            {
                b += 1;
                surname = true;
            } else {
                break;
            }
        }
        if b - i < 2 {
            i += 1;
            continue;
        }
        // the title after the name, behind a comma or not (`علي المقرحي، آمر`, `الصديق السور
        // رئيس لجنة`); looked up only where a cue may start, the one before only if need be
        let comma = b < n
            && doc.tokens[b].kind == TokenKind::Punct
            && matches!(doc.form(doc.tokens[b].form), "," | "،");
        let c0 = if comma { b + 1 } else { b };
        let titled_after = c0 < n
            && may_open_cue(lx, doc, c0)
            && (c0 + 1..=(c0 + lx.max_cue_tokens).min(n)).any(|e| {
                resolve::cues_at(lx, doc, c0, e)
                    .iter()
                    .any(|c| matches!(c.kind, CueKind::Title | CueKind::Spokesperson))
            });
        // a demonym may stand between the title and the name (`العقيد الليبي نبيل السكني`)
        let title_before = |k: usize| {
            resolve::cues_before(lx, doc, k)
                .iter()
                .any(|c| matches!(c.kind, CueKind::Title | CueKind::Spokesperson))
        };
        let titled = titled_after
            || title_before(i)
            || i > 1 && has_demonym(lx, doc, i - 1, i) && title_before(i - 1);
        if titled {
            out.extend(person(lx, doc, i, b));
            i = b;
        } else {
            i += 1;
        }
    }
    out
}

/// The end of a name opened at `i` by a first name no list holds: a bare word right after
/// a title (`الدكتور`, `الشيخ`), followed by a given name of the list, and one more word
/// if it is no cue or demonym (`الدكتور جوان محمد`, `الشيخ حمود سعيد المخلافي`).
fn unlisted_first_name(lx: &Lexicon, doc: &Doc, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word || t.clitics.has(Clitics::AL) || !plain(doc, i) || i + 1 >= n {
        return None;
    }
    let g = &doc.tokens[i + 1];
    if g.kind != TokenKind::Word
        || g.clitics.has(Clitics::AL)
        || !plain(doc, i + 1)
        || given_name(lx, doc, g).is_none()
        || !resolve::cues_at(lx, doc, i, i + 1).is_empty()
        || has_demonym(lx, doc, i, i + 1)
        || !resolve::cues_before(lx, doc, i)
            .iter()
            .any(|c| c.kind == CueKind::Title)
        || ends_title(lx, doc, i)
        || cue_as_written(lx, doc, i + 1)
    {
        return None;
    }
    let mut b = i + 2;
    if b < n
        && plain(doc, b)
        && resolve::cues_at(lx, doc, b, b + 1).is_empty()
        && !has_demonym(lx, doc, b, b + 1)
    {
        b += 1;
    }
    Some(b)
}

/// Whether token `k` ends a title of two words or more (`الفريق أول`, `الجندي أول`): it
/// is no part of the name after it.
fn ends_title(lx: &Lexicon, doc: &Doc, k: usize) -> bool {
    (2..=lx.max_cue_tokens.min(k + 1)).any(|n| {
        resolve::cues_at(lx, doc, k + 1 - n, k + 1)
            .iter()
            .any(|c| c.kind == CueKind::Title)
    })
}

/// Whether the given name at token `k` is a cue as written: any cue but a breaker, or a
/// breaker not written as the name (`على`: on; `علي` is a name). The body is read only
/// for a given name with a cue, one token in hundreds.
fn cue_as_written(lx: &Lexicon, doc: &Doc, k: usize) -> bool {
    resolve::cues_at(lx, doc, k, k + 1)
        .iter()
        .any(|c| c.kind != CueKind::Breaker || !doc.text(doc.tokens[k].span).ends_with('ي'))
}

/// A tagger mention that survived, before linking.
struct Local {
    span: Span,
    first: u32,
    etype: EntityType,
    key: String,
    score: f32,
    why: Why,
}

/// Type of a tagger mention from the trigger before it or its own first word.
fn type_of(lx: &Lexicon, doc: &Doc, t: &Tagged) -> EntityType {
    let (a, b) = (t.tokens.0 as usize, t.tokens.1 as usize);
    let mut heads = resolve::cues_before(lx, doc, a);
    if b > a + 1 {
        heads.extend(resolve::cues_at(lx, doc, a, a + 1));
    }
    let base = match t.label {
        Label::Per => EntityType::PER,
        Label::Loc => EntityType::LOC,
        Label::Org => EntityType::ORG,
    };
    for c in heads {
        if c.kind != CueKind::Trigger {
            continue;
        }
        for ty in [EntityType::OUTLET, EntityType::GROUP, EntityType::FAC] {
            if c.applies == [ty] && (base != EntityType::PER || ty == EntityType::GROUP) {
                return ty;
            }
        }
    }
    base
}

/// Add the tagger's mentions (`tagged`, found by the model `model`) and the people found by
/// `rules` (bynames win over the tagger's mentions, titled people count only where no
/// confident mention overlaps them) that no lexicon mention covers, with local refs.
pub fn add(
    lx: &Lexicon,
    doc: &mut Doc,
    ctx: &Context,
    lexical: &[Mention],
    tagged: &[Tagged],
    model: Option<&Why>,
    rules: &Rules,
) {
    let (titled, bynames) = (&rules.titled[..], &rules.bynames[..]);
    if titled.is_empty() && bynames.is_empty() && (tagged.is_empty() || model.is_none()) {
        return;
    }
    let taken: Vec<Span> = doc.entities.iter().map(|e| e.span()).collect();
    let mut locals: Vec<Local> = Vec::new();
    let mut confirmed: Vec<Entity> = Vec::new();
    let rule = Why::rule("recognize/titled-given-name");
    let byname = Why::rule("recognize/byname");
    // made only for a document that needs it (a clone of the model's why)
    let mother = std::cell::OnceCell::new();
    let all = bynames
        .iter()
        .map(|t| (t, &byname))
        .chain(
            tagged
                .iter()
                .filter(|t| !bynames.iter().any(|r| r.span.overlaps(t.span)))
                .filter_map(|t| Some((t, model?))),
        )
        .chain(
            titled
                .iter()
                .filter(|r| {
                    !tagged
                        .iter()
                        .chain(bynames)
                        .any(|t| t.score >= MIN_SCORE && t.span.overlaps(r.span))
                })
                .map(|t| (t, &rule)),
        );
    for (t, why) in all {
        if t.score < MIN_SCORE || taken.iter().any(|s| s.overlaps(t.span)) {
            continue;
        }
        let Some((mut a, b)) = trim_edges(lx, doc, t.tokens.0 as usize, t.tokens.1 as usize) else {
            continue;
        };
        let b = if t.label == Label::Per {
            foreign_surname(lx, doc, a, b, &taken)
        } else {
            b
        };
        let mut why = why;
        if t.label == Label::Per && mother_of(lx, doc, a, b, tagged) {
            a += 1;
            why = mother.get_or_init(|| {
                model.map_or_else(
                    || Why::rule("recognize/mother-of"),
                    |m| m.clone().and(Why::rule("recognize/mother-of")),
                )
            });
        }
        let Some(span) = name_span(lx, doc, a, b) else {
            continue;
        };
        let etype = type_of(lx, doc, t);
        let key = fold_key(doc, span);
        if key.chars().count() < 3
            || (!std::ptr::eq(why, &byname) && has_demonym(lx, doc, a, b))
            || (b == a + 1 && is_word(lx, doc, a))
            || not_name(lx, doc, a, b)
        {
            continue;
        }
        // a lexicon name the lexicon pass left out for want of evidence: the tagger's
        // confidence is that evidence for a weak name, never for an ordinary word
        if let Some(&fi) = lx.form_index.get(&key) {
            let f = &lx.forms[fi as usize];
            let named = f
                .senses
                .iter()
                .find(|s| doc.refs.contains_key(&lx.entry(s.entry).id));
            let weak = f.senses.iter().find(|s| s.strength == Strength::Weak);
            if let Some(s) = named.or(weak) {
                let e = lx.entry(s.entry);
                confirmed.push(Entity {
                    id: String::new(),
                    start: span.start,
                    end: span.end,
                    text: doc.text(span).to_string(),
                    etype: e.etype,
                    reference: Some(e.id.clone()),
                    role: None,
                    why: e
                        .why
                        .clone()
                        .and(why.clone())
                        .and(Why::rule("recognize/tagger-confirms-name")),
                });
                if !doc.refs.contains_key(&e.id) {
                    doc.refs.insert(e.id.clone(), resolve::record(lx, s.entry));
                }
            }
            continue;
        }
        locals.push(Local {
            span,
            first: a as u32,
            etype,
            key,
            score: t.score,
            why: why.clone(),
        });
    }
    doc.entities.append(&mut confirmed);
    // places need a state for their coordinates
    let state = main_state(lx, ctx);
    locals.retain(|l| !matches!(l.etype, EntityType::LOC | EntityType::FAC) || state.is_some());
    // link: same folded text, or a person's last word(s) equal to a longer person name's
    // end; a lone word that begins exactly one longer person name is that person's given
    // name (`زينب` after `زينب أحمد`)
    let mut refs: Vec<(String, EntityType, Vec<usize>)> = Vec::new();
    let mut order: Vec<usize> = (0..locals.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(locals[i].key.len()));
    for i in order {
        let l = &locals[i];
        let person = l.etype == EntityType::PER;
        let (tail, head) = (format!(" {}", l.key), format!("{} ", l.key));
        let found = refs
            .iter()
            .position(|(k, ty, _)| *ty == l.etype && (*k == l.key || person && k.ends_with(&tail)))
            .or_else(|| {
                if !person || l.key.contains(' ') {
                    return None;
                }
                let mut named = refs
                    .iter()
                    .enumerate()
                    .filter(|(_, (k, ty, _))| *ty == EntityType::PER && k.starts_with(&head));
                let (r, _) = named.next()?;
                named.next().is_none().then_some(r)
            });
        match found {
            Some(r) => refs[r].2.push(i),
            None => refs.push((l.key.clone(), l.etype, vec![i])),
        }
    }
    // a lone surname of a lexicon person links to that person
    // (folded full name, entry) of every lexicon person named in the document
    let lex_people: Vec<(String, u32)> = lexical
        .iter()
        .filter(|m| lx.entry(m.entry).etype == EntityType::PER)
        .filter_map(|m| {
            let text = doc
                .norm
                .to_body(m.cand.start_byte as usize, m.cand.end_byte as usize)?;
            Some((fold_key(doc, text), m.entry))
        })
        .collect();
    let mut n = 0;
    // (folded last word, ref) of every person named by two words or more
    let mut surnames: Vec<(String, String)> = Vec::new();
    for (key, etype, members) in refs {
        // the end of a lexicon person's name (`عبد الرحمن` after `رامي عبد الرحمن`)
        let tail = format!(" {key}");
        let lexicon_person = (etype == EntityType::PER)
            .then(|| {
                lex_people
                    .iter()
                    .find(|(full, _)| full.ends_with(&tail))
                    .map(|x| x.1)
            })
            .flatten();
        let id = match lexicon_person {
            Some(e) => lx.entry(e).id.clone(),
            None => {
                n += 1;
                format!("{}-local-{n}", etype.as_str().to_ascii_lowercase())
            }
        };
        let longest = members
            .iter()
            .max_by_key(|&&i| locals[i].span.len())
            .copied()
            .unwrap_or(members[0]);
        for &i in &members {
            let l = &locals[i];
            let mut w = l.why.clone();
            if lexicon_person.is_some() {
                w = w.and(Why::rule("recognize/surname-of-lexicon-person"));
            } else if members.len() > 1 {
                w = w.and(Why::rule("recognize/local-link"));
            }
            let role = if l.etype == EntityType::PER {
                resolve::role(lx, doc, l.first as usize).map(|(r, _)| doc.text(r).to_string())
            } else {
                None
            };
            doc.entities.push(Entity {
                id: String::new(),
                start: l.span.start,
                end: l.span.end,
                text: doc.text(l.span).to_string(),
                etype: l.etype,
                reference: Some(id.clone()),
                role,
                why: w,
            });
        }
        if lexicon_person.is_none() && etype == EntityType::PER {
            let words = doc.tokens_in(locals[longest].span);
            if let [.., before, last] = words {
                let key = doc.form(last.core);
                let plain = last.clitics.0 & !Clitics::AL == 0;
                if plain
                    && !lx.given.contains(key)
                    && !lx.name_links.contains(doc.form(before.core))
                {
                    surnames.push((key.to_string(), id.clone()));
                }
            }
        }
        if lexicon_person.is_none() {
            let name = doc.text(locals[longest].span).to_string();
            let score = members.iter().map(|&i| locals[i].score).fold(0.0, f32::max);
            let why = &locals[longest].why;
            doc.refs
                .insert(id, local_record(lx, name, etype, state, why, score));
        }
    }
    lone_surnames(lx, doc, &surnames);
}

/// A person's surname standing alone where neither the tagger nor a rule found a name
/// (`وقالت المحامية ليندون` after `راشيل ليندون`) names that person: same ref. Not after
/// a given name or a name link (`خالد عبدالله`, `آل سعود` are someone else), never a given
/// name itself, an ordinary word or a lexicon name.
fn lone_surnames(lx: &Lexicon, doc: &mut Doc, surnames: &[(String, String)]) {
    if surnames.is_empty() {
        return;
    }
    let rule = Why::rule("recognize/lone-surname");
    let mut found = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || t.clitics.has(Clitics::SUFFIX) {
            continue;
        }
        let core = doc.form(t.core);
        let Some((_, id)) = surnames.iter().find(|(k, _)| k == core) else {
            continue;
        };
        let after_given = i > 0 && {
            let before = doc.form(doc.tokens[i - 1].core);
            lx.given.contains(before) || lx.name_links.contains(before)
        };
        if core.chars().count() < 4
            || after_given
            || lx.form_index.contains_key(core)
            || is_word(lx, doc, i)
            || not_name(lx, doc, i, i + 1)
        {
            continue;
        }
        let Some(span) = name_span(lx, doc, i, i + 1) else {
            continue;
        };
        // not inside a longer name the recognizer cut short (`تشاوش أوغلو`)
        let near = |k: usize| doc.tokens.get(k).map(|t| t.span);
        let around = [i.checked_sub(1).and_then(near), near(i + 1)];
        let taken = doc.entities.iter().any(|e| {
            e.span().overlaps(span)
                || e.etype == EntityType::PER
                    && around.iter().flatten().any(|s| e.span().overlaps(*s))
        });
        if taken {
            continue;
        }
        found.push((i, span, id.clone()));
    }
    for (i, span, id) in found {
        let role = resolve::role(lx, doc, i).map(|(r, _)| doc.text(r).to_string());
        doc.entities.push(Entity {
            id: String::new(),
            start: span.start,
            end: span.end,
            text: doc.text(span).to_string(),
            etype: EntityType::PER,
            reference: Some(id),
            role,
            why: rule.clone(),
        });
    }
}

/// Whether a token of `[a, b)` is a demonym (`الليبي`): a description, not a name.
fn has_demonym(lx: &Lexicon, doc: &Doc, a: usize, b: usize) -> bool {
    doc.tokens[a..b].iter().any(|t| {
        resolve::variants(doc, t).into_iter().flatten().any(|v| {
            lx.form_index.get(v.as_ref()).is_some_and(|&fi| {
                lx.forms[fi as usize]
                    .senses
                    .iter()
                    .any(|s| s.strength == Strength::Adj)
            })
        })
    })
}

/// The end of a person's name `[a, b)` made only of foreign given names (`جان بيير`): the
/// word after it is the surname the tagger left out (`جان بيير لاكروا`) when it is a bare
/// word of four letters or more that is no given name, cue, demonym or lexicon name.
fn foreign_surname(lx: &Lexicon, doc: &Doc, a: usize, b: usize, taken: &[Span]) -> usize {
    let foreign = |k: usize| lx.given_foreign.contains(doc.form(doc.tokens[k].form));
    if b >= doc.tokens.len() || !(a..b).all(foreign) {
        return b;
    }
    let t = &doc.tokens[b];
    let w = doc.form(t.form);
    // (`لاكروا` may read as ل + a word: a foreign name is written whole.)
    let surname = t.kind == TokenKind::Word
        && t.clitics.0 & (Clitics::WA | Clitics::FA | Clitics::BI | Clitics::AL) == 0
        && !lx.form_index.contains_key(doc.form(t.core))
        && w.chars().count() >= 4
        && !lx.given.contains(w)
        && !lx.form_index.contains_key(w)
        && resolve::cues_at(lx, doc, b, b + 1).is_empty()
        && !has_demonym(lx, doc, b, b + 1)
        && !taken.iter().any(|s| s.overlaps(t.span));
    if surname {
        b + 1
    } else {
        b
    }
}

/// Whether the words `[a, b)` are listed as no name (`titles.tsv`, kind `not-name`).
fn not_name(lx: &Lexicon, doc: &Doc, a: usize, b: usize) -> bool {
    resolve::cues_at(lx, doc, a, b)
        .iter()
        .any(|c| c.kind == CueKind::NotName)
}

/// Whether token `i` is a lexicon name that is also an ordinary word (`المشهد`).
fn is_word(lx: &Lexicon, doc: &Doc, i: usize) -> bool {
    resolve::variants(doc, &doc.tokens[i])
        .into_iter()
        .flatten()
        .any(|v| {
            lx.form_index.get(v.as_ref()).is_some_and(|&fi| {
                lx.forms[fi as usize]
                    .senses
                    .iter()
                    .all(|s| s.strength == Strength::Word)
            })
        })
}

/// The state most of the document's places and states belong to.
fn main_state(lx: &Lexicon, ctx: &Context) -> Option<u32> {
    let (c, _) = ctx
        .countries
        .iter()
        .filter(|(c, _)| c.as_str() != "XX")
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
    lx.first_state.get(c.as_str()).copied()
}

fn local_record(
    lx: &Lexicon,
    name: String,
    etype: EntityType,
    state: Option<u32>,
    why: &Why,
    score: f32,
) -> RefRecord {
    let mut r = RefRecord {
        name,
        kind: match etype {
            EntityType::PER => "person",
            EntityType::GROUP => "group",
            EntityType::OUTLET => "outlet",
            EntityType::LOC | EntityType::GPE => "place",
            EntityType::FAC => "facility",
            EntityType::ORG => "organisation",
        }
        .to_string(),
        canonical: false,
        why: Some(why.clone().and(Why::rule("recognize/local-record"))),
        ..RefRecord::default()
    };
    r.extra.insert("score".to_string(), format!("{score:.2}"));
    if matches!(etype, EntityType::LOC | EntityType::FAC) {
        if let Some(s) = state {
            let e = lx.entry(s);
            r.country = e.country.clone();
            r.lat = e.lat;
            r.lon = e.lon;
            r.extra
                .insert("precision".to_string(), "country".to_string());
        }
    }
    r
}

/// The folded text of a body span, tokens joined by single spaces.
fn fold_key(doc: &Doc, span: Span) -> String {
    let mut out = String::new();
    for t in doc.tokens_in(span) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // the first token may carry particles left out of the span
        let start = doc.norm.form_offset(span.start).max(t.form.start as usize);
        out.push_str(&doc.norm.form[start.min(t.form.end as usize)..t.form.end as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_lexicon::Source;
    use rasd_text::Analyzer;

    fn lexicon() -> &'static Lexicon {
        static R: std::sync::OnceLock<crate::EntityRecognizer> = std::sync::OnceLock::new();
        R.get_or_init(|| crate::EntityRecognizer::load_with(&Source::embedded(), false).0)
            .lexicon()
    }

    /// The token range from the token whose form is `first` to the one whose form is `last`.
    fn range(doc: &Doc, first: &str, last: &str) -> (usize, usize) {
        let a = doc.tokens.iter().position(|t| doc.form(t.form) == first);
        let b = doc.tokens.iter().rposition(|t| doc.form(t.form) == last);
        (a.expect("first token"), b.expect("last token") + 1)
    }

    #[test]
    fn mention_edges_and_given_names() {
        // (text, first token, last token, expected mention or "" for none)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("هدد بشار @الاسد بالرد", "بشار", "@", "بشار"),
            ("وقالت المنظمة أن الهجوم", "وقالت", "ان", "المنظمة"),
            (
                "قال القاضي فتحي بن مصطفى بن علي إن",
                "فتحي",
                "علي",
                "فتحي بن مصطفى بن علي",
            ),
            ("يقدم وليام إندلي المشورة", "وليام", "اندلي", "وليام إندلي"),
            (
                "قتل كريستوفر ستيفنز في بنغازي",
                "كريستوفر",
                "ستيفنز",
                "كريستوفر ستيفنز",
            ),
            ("والتقى بسام الحلقي الوفد", "والتقي", "والتقي", "التقى"),
            ("قال إن", "ان", "ان", ""),
            ("وروى حمزة أن جنودا أطلقوا النار", "وروي", "حمزه", "حمزة"),
        ];
        let lx = lexicon();
        for (text, first, last, want) in cases {
            let doc = Analyzer::default().analyze_text(text);
            let (a, b) = range(&doc, first, last);
            let got = trim_edges(lx, &doc, a, b)
                .and_then(|(a, b)| name_span(lx, &doc, a, b))
                .map(|s| doc.text(s).to_string())
                .unwrap_or_default();
            assert_eq!(got, *want, "help: tokens {first:?}..{last:?} of {text:?}");
        }
    }

    #[test]
    fn given_names_after_a_title_or_before_one() {
        let lx = lexicon();
        // (text, the people found)
        let cases: &[(&str, &[&str])] = &[
            ("وصرح العقيد جميل المعالم بأن", &["جميل المعالم"]),
            (
                "وقال عدنان حزام، المتحدث باسم الصليب الأحمر",
                &["عدنان حزام"],
            ),
            (
                "استقبل الأمير خليفة بن حمد آل ثاني الوفد",
                &["خليفة بن حمد آل ثاني"],
            ),
            ("وقال عدنان حزام إن الوضع صعب", &[]),
            ("وصرح علي المقرحي آمر غرفة العمليات", &["علي المقرحي"]),
            ("وأكد العقيد الليبي نبيل السكني أن", &["نبيل السكني"]),
            ("وأكد الجيش الليبي نبيل السكني", &[]),
            ("ردا على تصريحات الرئيس", &[]),
            ("وصل الرئيس إلى المدينة", &[]),
        ];
        for (text, want) in cases {
            let doc = Analyzer::default().analyze_text(text);
            let got: Vec<&str> = titled_people(lx, &doc)
                .iter()
                .map(|t| doc.text(t.span))
                .collect();
            assert_eq!(&got, want, "help: people in {text:?}");
        }
        // (text, the bynames found)
        let cases: &[(&str, &[&str])] = &[
            ("وظهر أبو يحيى التونسي في التسجيل", &["أبو يحيى التونسي"]),
            ("في قاعدة أبو ستة البحرية", &[]),
            ("تراث الحضارة الأبي", &[]),
            ("قال عادل أبو بكر إن", &[]),
        ];
        for (text, want) in cases {
            let doc = Analyzer::default().analyze_text(text);
            let got: Vec<&str> = bynames(lx, &doc).iter().map(|t| doc.text(t.span)).collect();
            assert_eq!(&got, want, "help: bynames in {text:?}");
        }
    }
}
