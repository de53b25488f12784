//! Speaker and outlet phrases: where a source's name begins and ends, which entity it
//! is, whether it is anonymous, and which outlet a statement went through.
//!
//! A speaker phrase begins at an entity, at a speaker head of `cues/sources.tsv`
//! (`المتحدث`, `مصادر`, `وزير`), or — right after a reporting verb only — at a bare
//! word taken as a name (`قال المسماري` with no recognizer entity). It runs over the
//! words the head may take (`باسم`, `من`, ل for institutions) and stops at function
//! words, a preposition clitic, punctuation, another cue or ten words. A person
//! entity inside it or in apposition (`المتحدث باسم الوزارة، محمد القبلاوي،`) wins:
//! the speaker is the person and the title becomes the `role`.

use rasd_model::{Clitics, EntityType, Mention, Span, TokenKind, Why};

use crate::context::{speaker_type, Ctx};
use crate::lex::{SourceClass, SourceHead};
use crate::words::{keys, Hit};

/// The longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 14;
/// The longest quoted outlet or institution name, in tokens.
const MAX_QUOTED: usize = 7;
/// How many words after a document's phrase its issuer's `عن` may come
/// (`بيان صادر اليوم السبت عن`).
const ISSUER_REACH: usize = 4;

/// A speaker phrase found in the text.
#[derive(Clone, Debug)]
pub struct Speaker {
    /// What the claim records.
    pub mention: Mention,
    /// Whether the source is unnamed.
    pub anonymous: bool,
    /// The head's id in `cues/sources.tsv`, when it begins with one.
    pub head: Option<Box<str>>,
    /// The head's class.
    pub class: Option<SourceClass>,
    /// Whether the phrase names an outlet (OUTLET entity or outlet head).
    pub outlet: bool,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Whether it is only a bare word taken as a name (no entity, no head).
    pub bare: bool,
    /// Head row and rules.
    pub why: Vec<Why>,
}

impl Speaker {
    /// The body span of the phrase.
    pub fn span(&self, cx: &Ctx) -> Option<Span> {
        let a = cx.tok(self.first).span.start;
        let b = cx.tok(self.end.checked_sub(1)?).span.end;
        Span::try_new(a, b)
    }
}

/// How a phrase may begin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// Entity or speaker head only.
    Known,
    /// Also a bare word (right after a reporting verb).
    AnyWord,
}

fn mention(cx: &Ctx, a: usize, b: usize) -> Mention {
    let span = Span::try_new(cx.tok(a).span.start, cx.tok(b - 1).span.end);
    Mention {
        text: span.map(|s| cx.doc.text(s).to_string()).unwrap_or_default(),
        reference: None,
        start: span.map(|s| s.start),
        end: span.map(|s| s.end),
        role: None,
        of: None,
    }
}

fn entity_mention(cx: &Ctx, n: usize) -> Mention {
    let e = &cx.doc.entities[n];
    Mention {
        text: e.text.clone(),
        reference: e.reference.clone(),
        start: Some(e.start),
        end: Some(e.end),
        role: None,
        of: None,
    }
}

/// Whether token `i` may not stand inside a speaker phrase (a function word, a cue,
/// a negation).
fn stops(cx: &Ctx, i: usize, end: usize) -> bool {
    if !cx.is_word(i) {
        return true;
    }
    if let Some((c, _)) = cx.particle(i, end) {
        if matches!(
            c,
            "comp" | "conj" | "rel" | "pron" | "dem" | "adv" | "prep" | "aux" | "said"
        ) {
            return true;
        }
    }
    cx.cue(i, end).is_some()
        || cx
            .lx
            .negation
            .at(cx.doc, &cx.doc.tokens[..end], i)
            .is_some()
}

/// Whether a one-word entity that is no person starts at `p` and reads as a relational
/// adjective (`اليمني`, `الليبية`).
pub fn adjective_at(cx: &Ctx, p: usize) -> bool {
    cx.entity_starting(p).is_some_and(|(n, e)| {
        e.etype != rasd_model::EntityType::PER && cx.entity_end(n, p) == p + 1 && cx.nisba(p)
    })
}

/// The closing quote after an opening one at `q`, within `end` and [`MAX_QUOTED`].
pub fn closing_quote(cx: &Ctx, q: usize, end: usize) -> Option<usize> {
    (q + 1..end.min(q + 2 + MAX_QUOTED))
        .find(|&k| cx.quote(k))
        .filter(|&k| k > q + 1)
}

/// Whether token `k` is a conjunction-prefixed word (`وبيانات`): coordination ends a phrase.
fn conjoined(cx: &Ctx, k: usize) -> bool {
    let t = cx.tok(k);
    t.clitics.has(Clitics::WA) || t.clitics.has(Clitics::FA)
}

/// The speaker phrase beginning at token `i`, bounded by `end`.
pub fn phrase(cx: &Ctx, i: usize, end: usize, start: Start) -> Option<Speaker> {
    if i >= end {
        return None;
    }
    // A hashtag's mark before the phrase (`أعلن #وزير_الاتصالات_اليمني`, `حثت #فرنسا`).
    if hashtag(cx, i) {
        return phrase(cx, i + 1, end, start);
    }
    // A name in quotes (`ووفق "رويترز"،`): the entity inside, the phrase to the closing
    // quote.
    if cx.quote(i) {
        let c = closing_quote(cx, i, end)?;
        let (n, _) = cx.entity_starting(i + 1)?;
        if cx.entity_end(n, i + 1) != c {
            return None;
        }
        let mut sp = phrase(cx, i + 1, c, start)?;
        sp.end = c + 1;
        return Some(sp);
    }
    // `ذات المصادر`, `نفس البلاغ`: the same source as before, named by its definite noun;
    // so is `هذه الأحزاب`.
    if cx.is_particle(i, end, "dem").is_some() && i + 1 < end && cx.has_article(i + 1) {
        let mut sp = phrase(cx, i + 1, end, start)?;
        if sp.mention.role.is_none() && sp.mention.reference.is_none() {
            let whole = mention(cx, i, sp.end);
            sp.mention.text = whole.text;
            sp.mention.start = whole.start;
        }
        return Some(sp);
    }
    // A social network (`تويتر`, `فيسبوك`) carries a statement; it never makes one.
    let social = |e: &rasd_model::Entity| {
        e.reference
            .as_deref()
            .and_then(|r| cx.doc.refs.get(r))
            .is_some_and(|r| r.extra.get("kind").is_some_and(|k| k == "social network"))
    };
    if cx.entity_starting(i).is_some_and(|(_, e)| social(e)) {
        return None;
    }
    let entity = cx.entity_starting(i).filter(|(_, e)| speaker_type(e.etype));
    let head = cx.head(i, end);
    if entity.is_none() && head.is_none() {
        // A place or facility is not a speaker, but a capital speaks for its government
        // (`وتنفي طهران`). Before the verb it must open its clause and stand right before
        // it (`لكن واشنطن تصر على أن`, `أن موسكو أقرت`; not `محكمة استئناف طرابلس أدانت`,
        // `والخرطوم العام الماضي عندما اتهم`).
        let capital = cx.entity(i).is_some_and(|(_, e)| {
            e.etype == EntityType::LOC
                && e.reference
                    .as_deref()
                    .and_then(|r| cx.doc.refs.get(r))
                    .is_some_and(|r| r.extra.get("kind").is_some_and(|k| k == "capital"))
        });
        let capital = capital
            && cx.entity_starting(i).is_some_and(|(n, _)| {
                start != Start::Known
                    || cx.entity_end(n, i) == end
                        && (i == 0
                            || cx.punct(i - 1, &[',', '.', ':', '"', '-'])
                            || cx.is_particle(i - 1, end, "comp").is_some()
                            || cx.particle_before(i, "conj")
                            || cx.tok(i).clitics.has(Clitics::WA))
            });
        if (start == Start::Known && !capital) || stops(cx, i, end) || cx.has_prep_clitic(i) {
            return None;
        }
        if cx.entity(i).is_some() {
            if !capital {
                return None;
            }
            let (n, _) = cx.entity_starting(i)?;
            let end = cx.entity_end(n, i);
            let mut sp = bare(cx, i, end).or_else(|| {
                Some(Speaker {
                    mention: mention(cx, i, end),
                    anonymous: false,
                    head: None,
                    class: None,
                    outlet: false,
                    first: i,
                    end,
                    bare: false,
                    why: Vec::new(),
                })
            })?;
            sp.mention = entity_mention(cx, n);
            sp.end = end;
            sp.bare = false;
            sp.why = vec![Why::rule("attribute/capital-speaks")];
            return Some(sp);
        }
        return bare(cx, i, end);
    }
    let mut why = Vec::new();
    let (mut k, head_id, class, takes) = match &head {
        Some(h) if entity.is_none_or(|(n, _)| cx.entity_end(n, i) <= h.end) => {
            why.push(h.value.why.clone());
            (
                h.end,
                Some(h.value.id.clone()),
                Some(h.value.class),
                h.value.takes.as_slice(),
            )
        }
        _ => {
            // An entity spelled with a head word (`سفارة الفلبين`) takes the place the
            // head takes (`في طرابلس`), never a ل phrase (`حكومة الوفاق لحفتر`).
            let (n, _) = entity.expect("entity or head");
            let takes = head.as_ref().map_or(&[][..], |h| h.value.takes.as_slice());
            (cx.entity_end(n, i), None, None, takes)
        }
    };
    let head_end = k;
    // Whether the phrase is a name whose own words hold the head (`الحكومة اليمنية`):
    // another name right after it is no holder of a title but the verb's object
    // (`اتهمت الحكومة اليمنية الحوثيين`), unless it is a person; so is a body or group after
    // an unnamed source (`اتهم الأهالي ميليشيا الحوثي`; `المسؤولون الروس` is a demonym).
    let named = head_id.is_none();
    let takes_li = head_id.is_some() && takes.iter().any(|t| &**t == "ل");
    // Definiteness of the last word: adjectives agree with it, an indefinite head may
    // take a genitive of either kind (`وزير الخارجية`, `مصادر عسكرية`).
    let mut definite =
        cx.has_article(i) || entity.is_some() || cx.tok(i).clitics.has(Clitics::SUFFIX);
    // Whether the next word may be a genitive of either kind (after an indefinite head
    // or a link word such as باسم).
    let mut linked = !definite;
    let mut quoted: Option<(usize, usize)> = None;
    while k < end && k - i < MAX_PHRASE {
        // A quoted name: an outlet's or institution's own, or the group a title is
        // held in (`القيادي في "جيش الإسلام" محمد علوش`).
        if cx.quote(k)
            && quoted.is_none()
            && (matches!(
                class,
                Some(SourceClass::Outlet | SourceClass::Body | SourceClass::Document)
            ) || (linked && matches!(class, Some(SourceClass::Title | SourceClass::Spokesman))))
        {
            if let Some(c) = closing_quote(cx, k, end) {
                quoted = Some((k + 1, c));
                k = c + 1;
                linked = false;
                // A name is definite: an indefinite word after it is no part of the
                // phrase (`وأدانت منظمة "هيومن رايتس ووتش" أعمال العنف`).
                if k < end
                    && cx.is_word(k)
                    && !cx.has_article(k)
                    && cx.entity(k).is_none()
                    && cx.head(k, end).is_none()
                {
                    break;
                }
                continue;
            }
        }
        // `اتحاد منظمات الرعاية الطبية والإغاثة،`: a definite word after و, named by no
        // head or entity and closing the phrase, is the last word of an institution's name.
        let name_and = class == Some(SourceClass::Body)
            && k > head_end
            && cx.has_article(k)
            && cx.has_article(k - 1)
            && cx.entity(k - 1).is_none()
            && cx.entity(k).is_none()
            && cx.head(k, end).is_none()
            && cx.tok(k).clitics.has(Clitics::WA)
            && !stops(cx, k, end)
            && closes(cx, k + 1, end);
        // `_` joins the words of a hashtag (`#وزير_الاتصالات_اليمني`).
        if cx.punct(k, &['_']) && joined_hyphen(cx, k) && k + 1 < end && cx.is_word(k + 1) {
            k += 1;
            continue;
        }
        if !cx.is_word(k) || conjoined(cx, k) && !name_and {
            break;
        }
        // The outlet a statement was given to ends the phrase: it is the claim's `via`
        // (`المتحدث باسم الوزارة لوكالة فرانس برس`, `محافظ سقطرى في تصريح لوكالة`).
        if k > i && given_to(cx, k, end) {
            break;
        }
        if let Some((n, e)) = cx.entity_starting(k) {
            // A name continues a title; another entity only as a genitive or after a link.
            // `للأمم المتحدة` may be left whole by the segmenter.
            let li =
                takes_li && (cx.tok(k).clitics.has(Clitics::LI) || cx.form(k).starts_with("لل"));
            // `رئيس الهيئة الجهوية للهلال الأحمر بمدنين`: a town after ب places the office.
            let bi_place = k > head_end
                && cx.tok(k).clitics.has(Clitics::BI)
                && matches!(e.etype, EntityType::GPE | EntityType::LOC)
                && matches!(class, Some(SourceClass::Title | SourceClass::Body));
            let li_ok = !cx.has_prep_clitic(k) || li || bi_place;
            // A relational adjective naming a state (`رئيس الوزراء الإسرائيلي`) agrees
            // with the definite word before it.
            let nisba = e.etype == EntityType::GPE && definite && cx.has_article(k) && cx.nisba(k);
            if li_ok
                && (e.etype == EntityType::PER
                    || linked
                    || li
                    || k == head_end
                        && !named
                        && (class != Some(SourceClass::Anonymous) || e.etype == EntityType::GPE)
                    || nisba
                    || bi_place)
                && head.is_some()
            {
                k = cx.entity_end(n, k);
                definite = true;
                linked = false;
                continue;
            }
            break;
        }
        // A rank before the name continues a title (`القائد العسكري الليبي المشير خليفة
        // حفتر`).
        if matches!(class, Some(SourceClass::Title | SourceClass::Spokesman)) {
            if let Some(r) = cx
                .head(k, end)
                .filter(|r| r.value.class == SourceClass::Title && r.end < end)
            {
                if let Some((n, _)) = cx
                    .entity_starting(r.end)
                    .filter(|(_, e)| e.etype == EntityType::PER)
                {
                    k = cx.entity_end(n, r.end);
                    definite = true;
                    linked = false;
                    continue;
                }
            }
        }
        // A spokesman inside the phrase takes its own link (`بيان الناطق باسم القوات
        // المسلحة`).
        let inner = (k > i)
            .then(|| cx.head(k - 1, end))
            .flatten()
            .filter(|h| h.value.class == SourceClass::Spokesman && h.end == k)
            .map_or(&[][..], |h| h.value.takes.as_slice());
        // `إلى` links an envoy to a place (`مبعوث الأمم المتحدة إلى اليمن`); before
        // anything else it is the verb's (`دعا المبعوث الأممي إلى التمسك`).
        let to_place = |w: &str| {
            w != "الي"
                || cx
                    .entity_starting(k + 1)
                    .is_some_and(|(_, e)| matches!(e.etype, EntityType::GPE | EntityType::LOC))
        };
        let takes_it = keys(cx.doc, cx.tok(k))
            .iter()
            .any(|w| takes.iter().chain(inner).any(|t| &**t == *w && &**t != "ل") && to_place(w));
        if takes_it {
            k += 1;
            linked = true;
            continue;
        }
        // A two-word link (`البيان الصادر عن السراج وحفتر`).
        let pair = k + 1 < end
            && takes.iter().any(|t| {
                t.split_once(' ').is_some_and(|(w1, w2)| {
                    keys(cx.doc, cx.tok(k)).contains(&w1)
                        && keys(cx.doc, cx.tok(k + 1)).contains(&w2)
                })
            });
        if pair {
            k += 2;
            linked = true;
            continue;
        }
        if stops(cx, k, end) || cx.tok(k).clitics.has(Clitics::BI) || head.is_none() {
            break;
        }
        if cx.tok(k).clitics.has(Clitics::LI) {
            // ل + an imperfect verb (`ليرتفع`) opens a purpose clause.
            if !takes_li || !cx.has_article(k) && cx.core(k).starts_with('ي') {
                break;
            }
            k += 1;
            definite = true;
            linked = false;
            continue;
        }
        let art = cx.has_article(k);
        if !linked && art != definite {
            break;
        }
        // After a name only a relational adjective continues the phrase (`الحوثي`,
        // `الليبية`); another definite noun is the verb's object (`ووصفت الأمم المتحدة
        // الأوضاع بأنها`).
        let after_name = k > i && cx.entity(k - 1).is_some() && cx.entity(k).is_none();
        if after_name && art && !cx.nisba(k) {
            break;
        }
        // An indefinite word may be followed by its genitive (`وزير خارجية حكومة الوفاق`).
        definite = art;
        linked = !art;
        k += 1;
    }
    // An institution, outlet or document named by an indefinite head alone (`مستشفى في
    // المدينة`, `منظمة حقوقية`, `صحيفة محلية`, `تقديرات جمعيات حقوقية`) is unnamed: no
    // entity, and no definite word before a preposition.
    // A document is unnamed only when no word of its phrase is definite and no عن links
    // it to its issuer, there or a few words on (`بيان صادر اليوم السبت عن الوزارة`); one
    // a claim is credited to (`أدانت الوزارة ...، وفق بيان صادر اليوم`) is the
    // speaker's own.
    let unnamed_document = class == Some(SourceClass::Document)
        && !cx.prep_cue_before(i, end)
        && (i..k).all(|t| !cx.has_article(t))
        && (i..(k + ISSUER_REACH).min(end)).all(|t| cx.core(t) != "عن");
    let unnamed_body = (matches!(class, Some(SourceClass::Body | SourceClass::Outlet))
        || unnamed_document)
        && entity.is_none()
        && quoted.is_none()
        && (i..k).all(|t| cx.entity(t).is_none())
        && (i..k)
            .take_while(|&t| cx.is_particle(t, end, "prep").is_none())
            .all(|t| !cx.has_article(t) && !cx.tok(t).clitics.has(Clitics::SUFFIX));
    let mut sp = Speaker {
        mention: mention(cx, i, k),
        anonymous: class == Some(SourceClass::Anonymous) || unnamed_body,
        head: head_id,
        class,
        outlet: class == Some(SourceClass::Outlet),
        first: i,
        end: k,
        bare: false,
        why,
    };
    if let Some((qa, qb)) = quoted {
        if sp.outlet {
            sp.mention = mention(cx, qa, qb);
        }
    }
    // Entities inside: a person first, else the first speaker entity.
    let mut person = None;
    let mut other = None;
    for t in i..k {
        if let Some((n, e)) = cx.entity_starting(t) {
            if e.etype == EntityType::PER && person.is_none() {
                person = Some(n);
            } else if speaker_type(e.etype) && other.is_none() {
                other = Some(n);
            }
        }
    }
    let titled = matches!(
        class,
        Some(SourceClass::Title | SourceClass::Spokesman | SourceClass::Anonymous)
    );
    // A person in apposition: after a comma (`المتحدث باسم العملية، محمد قنونو،`), or a
    // bare name right after a title (`المسؤول السابق في الخارجية جيف ستايسي بأن`).
    if person.is_none() && titled {
        let comma = k < end && cx.punct(k, &[',']);
        let mut at = if comma { k + 1 } else { k };
        // A rank or honorific before the name in apposition (`مدير مستشفى عفرين، الدكتور
        // جوان محمد`).
        if comma {
            if let Some(r) = cx.head(at, end).filter(|r| {
                r.value.class == SourceClass::Title && r.value.takes.is_empty() && r.end < end
            }) {
                at = r.end;
            }
        }
        if let Some((n, e)) = cx
            .entity_starting(at)
            .filter(|(_, e)| e.etype == EntityType::PER)
        {
            let mut after = cx.entity_end(n, at);
            // A name the recognizer cut at a hyphen (`كيم إيوي-كيوم`).
            let hyphenated = after + 1 < end
                && cx.punct(after, &['-'])
                && joined_hyphen(cx, after)
                && name_word(cx, after + 1, end);
            if hyphenated {
                after += 2;
            }
            if comma && (closes(cx, after, end) || given_to(cx, after, end)) {
                person = Some(n);
                sp.end = after;
                sp.why.push(Why::rule("attribute/apposition"));
                if hyphenated {
                    let role = Some(sp.mention.text.clone());
                    sp.mention = entity_mention(cx, n);
                    let whole = mention(cx, at, after);
                    sp.mention.text = whole.text;
                    sp.mention.end = whole.end;
                    sp.mention.role = role;
                    sp.anonymous = false;
                    return Some(sp);
                }
            }
            let _ = e;
        } else if let Some(name) = bare_name(cx, at, end) {
            // Without a comma only after a title that names its office (a definite word or
            // a place or body in it: `المسؤول السابق في الخارجية`, `محافظ سقطرى`); an
            // indefinite one is described, not named, by the word after it (`ضابط يمني
            // ميداني`: a field officer).
            let office = (i..k).any(|t| {
                cx.has_article(t)
                    || cx
                        .entity(t)
                        .is_some_and(|(_, e)| e.etype != EntityType::GPE)
            });
            // An unnamed source is never named this way (`وأكد المسؤولون وصول مئات`: what
            // follows is the content).
            let names_one = class != Some(SourceClass::Anonymous);
            let closed = closes(cx, name, end) || comma && given_to(cx, name, end);
            if closed && (comma || at == k && office && names_one) {
                let role = Some(sp.mention.text.clone());
                sp.mention = mention(cx, at, name);
                sp.mention.role = role;
                sp.end = name;
                sp.anonymous = false;
                sp.why.push(Why::rule("attribute/apposition"));
                return Some(sp);
            }
        }
    }
    // `أنصار حفتر`, `معارضو السراج`, `مصدر مقرب من حفتر`: an indefinite unnamed source in
    // the genitive of a person, or linked to one by its own word, is that person's
    // people, not the person (`الناشط محمد علي` and `مسؤول الشؤون الإنسانية ستيفن
    // أوبراين` name the speaker).
    if let (Some(n), Some(h)) = (person, &head) {
        // the person right after the head, or after titles (`أنصار المشير حفتر`)
        let named_next = entity_first(cx, n, h.end, sp.end).is_some_and(|p| {
            (h.end..p).all(|t| {
                cx.head(t, end)
                    .is_some_and(|x| x.value.class == SourceClass::Title)
            })
        });
        let linked = h.end < sp.end && head_takes(cx, h, h.end).is_some();
        let genitive = class == Some(SourceClass::Anonymous)
            && h.start == i
            && !cx.has_article(i)
            && (named_next || linked);
        if genitive {
            sp.mention.of = cx.doc.entities[n].reference.clone();
            sp.why.push(Why::rule("attribute/people-of-person"));
            return Some(sp);
        }
    }
    if let Some(n) = person {
        if let (Some(h), Some(p)) = (&head, entity_first(cx, n, i, sp.end)) {
            if principal(cx, h, p, n, end) {
                // `أم نورا، زينب أحمد،`: the relative named in apposition is the speaker.
                if let Some((m, after)) = apposed_person(cx, sp.end, end) {
                    let role = Some(sp.mention.text.clone());
                    let of = cx.doc.entities[n].reference.clone();
                    sp.mention = entity_mention(cx, m);
                    sp.mention.role = role;
                    sp.mention.of = of;
                    sp.end = after;
                    sp.anonymous = false;
                    sp.outlet = false;
                    sp.why.push(Why::rule("attribute/apposition"));
                    return Some(sp);
                }
                serving(cx, &mut sp, h, n);
                return Some(sp);
            }
        }
        let e = &cx.doc.entities[n];
        let single = cx.entity_starting(i).is_some_and(|(m, _)| m == n);
        let role = (!single && sp.head.is_some())
            .then(|| {
                let a = cx.tok(i).span.start;
                Span::try_new(a, e.start).map(|s| {
                    cx.doc
                        .text(s)
                        .trim_end_matches([' ', ',', '،', '\n'])
                        .to_string()
                })
            })
            .flatten()
            .filter(|r| !r.is_empty());
        sp.mention = entity_mention(cx, n);
        sp.mention.role = role;
        sp.anonymous = false;
        sp.outlet = false;
    } else if let Some(n) = other {
        let e = &cx.doc.entities[n];
        match class {
            Some(SourceClass::Title) => unnamed_holder(cx, &mut sp, &head, n, end),
            Some(SourceClass::Anonymous) => {}
            Some(SourceClass::Spokesman) => {
                sp.mention.of = e.reference.clone();
                sp.mention.role = Some("spokesperson".to_string());
                // `متحدث عسكري ليبي`: an indefinite spokesman a relational adjective
                // describes holds no named office; like `مصدر عسكري`, anonymous.
                let described = head.as_ref().is_some_and(|h| !cx.has_article(h.start))
                    && entity_first(cx, n, i, sp.end).is_some_and(|p| {
                        p > i && cx.nisba(p) && cx.entity_end(n, p) == p + 1 && !after_link(cx, p)
                    });
                if described {
                    sp.anonymous = true;
                    sp.why.push(Why::rule("attribute/unnamed-spokesperson"));
                } else {
                    sp.mention.reference = e.reference.clone();
                    sp.why.push(Why::rule("attribute/spokesperson-of"));
                }
            }
            _ => {
                sp.mention.reference = e.reference.clone();
                if e.etype == EntityType::OUTLET {
                    sp.outlet = true;
                    if cx.entity_starting(i).is_some_and(|(m, _)| m == n) || quoted.is_some() {
                        sp.mention = entity_mention(cx, n);
                    }
                }
            }
        }
    }
    Some(sp)
}

/// `عضو في المجلس الرئاسي`, `قيادي في حركة حماس`: an indefinite title joined to a body
/// by a preposition, with no name, is an unnamed holder of that office: anonymous, of the
/// body (entity `n`). In the genitive (`وزير الخارجية`) the office is named.
fn unnamed_holder(
    cx: &Ctx,
    sp: &mut Speaker,
    head: &Option<Hit<SourceHead>>,
    n: usize,
    end: usize,
) {
    let Some(h) = head else { return };
    let by_prep = h.start == sp.first
        && !cx.has_article(h.start)
        && !cx.tok(h.start).clitics.has(Clitics::SUFFIX)
        && h.end < sp.end
        && cx.is_particle(h.end, end, "prep").is_some()
        && head_takes(cx, h, h.end).is_some_and(|w| w != "ل");
    if by_prep {
        sp.anonymous = true;
        sp.mention.of = cx.doc.entities[n].reference.clone();
        sp.why.push(Why::rule("attribute/unnamed-office-holder"));
    }
}

/// The link word of head `h`'s `takes` (`sources.tsv`) that token `k` is, if any (`في`
/// in `عضو في المجلس`, `مقرب` in `مصدر مقرب من`).
fn head_takes<'h>(cx: &Ctx, h: &'h Hit<SourceHead>, k: usize) -> Option<&'h str> {
    let words = keys(cx.doc, cx.tok(k));
    h.value
        .takes
        .iter()
        .map(|t| &**t)
        .find(|t| words.contains(t))
}

/// The word that links a spokesman to whom he speaks for (`المتحدث باسم X`).
const SPOKESMAN_LINK: &str = "باسم";

/// Whether the word before token `p` (`p > 0`) is [`SPOKESMAN_LINK`].
fn after_link(cx: &Ctx, p: usize) -> bool {
    keys(cx.doc, cx.tok(p - 1)).contains(&SPOKESMAN_LINK)
}

/// The first token of entity `n` in `[from, to)`, if it starts there.
fn entity_first(cx: &Ctx, n: usize, from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&t| cx.entity_starting(t).is_some_and(|(m, _)| m == n))
}

/// Whether the person (entity `n`, first token `p`) named in the phrase of a head whose
/// holder acts for someone is that principal rather than the speaker: right after the
/// spokesman's link (`متحدث باسم ميركل`) or an indefinite head (`والد سلمان العبيدي`),
/// or a known person after a title in the genitive whose lexicon role is not the head's
/// own office (`مستشار الرئيس ترامب`,
/// `متحدث باسم القائد العسكري الليبي، خليفة حفتر`; not `المتحدث باسم الأمين العام
/// ستيفان دوجاريك`, whose role is a spokesman's).
fn principal(cx: &Ctx, h: &Hit<SourceHead>, p: usize, n: usize, end: usize) -> bool {
    if h.value.serves.is_empty() || p < h.end {
        return false;
    }
    if h.value.class == SourceClass::Spokesman {
        if p > h.end && after_link(cx, p) {
            return true;
        }
    } else if p == h.end && !cx.has_article(h.start) {
        return true;
    }
    let titled = (h.end..p).any(|t| {
        cx.head(t, end)
            .is_some_and(|x| x.value.class == SourceClass::Title)
    });
    let role = cx.doc.entities[n]
        .reference
        .as_deref()
        .and_then(|r| cx.doc.refs.get(r))
        .filter(|r| r.canonical)
        .and_then(|r| r.extra.get("role"));
    titled
        && role.is_some_and(|r| {
            let r = r.to_lowercase();
            !h.value.serves.iter().any(|w| r.contains(&**w))
        })
}

/// A person in apposition after the comma at token `k` (`والد سلمان العبيدي، رمضان
/// العبيدي، إن`), closed by a comma, a complementizer or the outlet it spoke to: the
/// person's entity index and the token after the name.
fn apposed_person(cx: &Ctx, k: usize, end: usize) -> Option<(usize, usize)> {
    if k + 1 >= end || !cx.punct(k, &[',']) {
        return None;
    }
    let (m, e) = cx.entity_starting(k + 1)?;
    let after = cx.entity_end(m, k + 1);
    (e.etype == EntityType::PER && (closes(cx, after, end) || given_to(cx, after, end)))
        .then_some((m, after))
}

/// Make the phrase's speaker the unnamed holder of head `h` who serves person `n`: the
/// whole phrase as its text, `of` the principal; a spokesperson also takes the
/// principal's `ref`, as `المتحدث باسم X` does for a body.
fn serving(cx: &Ctx, sp: &mut Speaker, h: &Hit<SourceHead>, n: usize) {
    let principal = cx.doc.entities[n].reference.clone();
    sp.mention = mention(cx, sp.first, sp.end);
    sp.anonymous = false;
    sp.outlet = false;
    if h.value.class == SourceClass::Spokesman {
        sp.mention.reference = principal.clone();
        sp.mention.role = Some("spokesperson".to_string());
        sp.why.push(Why::rule("attribute/spokesperson-of"));
    } else {
        sp.mention.role = Some(mention(cx, h.start, h.end).text);
        sp.why.push(Why::rule("attribute/of-principal"));
    }
    sp.mention.of = principal;
}

/// The OUTLET entity at token `k` after a preposition, split off or not (`للجزيرة`;
/// `لبي بي سي` is too short to split): its index.
fn outlet_after_li(cx: &Ctx, k: usize) -> Option<usize> {
    let (n, e) = cx.entity_starting(k)?;
    (e.etype == EntityType::OUTLET && (cx.has_prep_clitic(k) || e.start > cx.tok(k).span.start))
        .then_some(n)
}

/// Whether token `k` begins the outlet a statement was given to (`لوكالة`, `لسكاي نيوز`,
/// `لبي بي سي`, `في تصريح لـ`).
fn given_to(cx: &Ctx, k: usize, end: usize) -> bool {
    match cx.outlet(k, end) {
        Some(("frame", _, _)) => outlet_at(cx, k, end, &[]).is_some(),
        Some(("noun", _, _)) => cx.has_prep_clitic(k),
        _ => outlet_after_li(cx, k).is_some(),
    }
}

/// Whether a name ending before `k` closes its phrase: a comma, colon, complementizer,
/// preposition or the end follows.
fn closes(cx: &Ctx, k: usize, end: usize) -> bool {
    k >= end
        || cx.punct(k, &[',', ':', '.', '-', '('])
        || cx.is_particle(k, end, "comp").is_some()
        || cx.is_particle(k, end, "prep").is_some()
        || cx.is_particle(k, end, "adv").is_some()
}

/// One to three bare name words at `i` (no clitic, no function word, no head, not an
/// indefinite accusative in ا): one past the last, or `None`.
fn bare_name(cx: &Ctx, i: usize, end: usize) -> Option<usize> {
    bare_name_from(cx, i, i, end)
}

/// [`bare_name`] of a name at `i` whose words before `from` are already taken.
fn bare_name_from(cx: &Ctx, i: usize, from: usize, end: usize) -> Option<usize> {
    let mut k = from;
    while k < end
        && k - i < 3
        && name_word(cx, k, end)
        && (cx.tok(k).clitics.0 == 0 || k > i && foreign_name_tail(cx, k, end))
    {
        k += 1;
        // A hyphen inside a word joins its parts (`كيم إيوي-كيوم`), an underscore the
        // words of a hashtag (`#لطفي_باشريف`).
        while k + 1 < end
            && cx.punct(k, &['-', '_'])
            && joined_hyphen(cx, k)
            && name_word(cx, k + 1, end)
        {
            k += 2;
        }
    }
    // A last name word may end in ا (`فتصوم أرغا`, `ماريا زاخاروفا`) when it closes the
    // phrase; an adverb (`قال فلان أيضا`) stops it.
    if k > i
        && k - i < 3
        && k < end
        && cx.tok(k).clitics.0 == 0
        && name_like(cx, k, end)
        && (closes(cx, k + 1, end) || cx.outlet(k + 1, end).is_some())
    {
        k += 1;
    }
    (k > i).then_some(k)
}

/// Whether token `k`, after a first name word, is a surname the segmenter split at a
/// letter that looks like a preposition (`جون بوزويل الباحث`: not ب + وزويل): one such
/// letter, no article or suffix, a core of four letters or more (not `باسم`), and the
/// phrase closes or a title follows.
fn foreign_name_tail(cx: &Ctx, k: usize, end: usize) -> bool {
    let c = cx.tok(k).clitics.0;
    matches!(c, Clitics::BI | Clitics::LI | Clitics::KA)
        && cx.core(k).chars().count() >= 4
        && (closes(cx, k + 1, end) || cx.head(k + 1, end).is_some())
}

/// Whether token `k` is a hashtag's `#` glued to the word after it.
fn hashtag(cx: &Ctx, k: usize) -> bool {
    let toks = &cx.doc.tokens;
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && cx.form(k) == "#")
        && toks
            .get(k + 1)
            .is_some_and(|n| n.span.start == toks[k].span.end)
}

/// Whether the hyphen (or a hashtag's underscore) at `k` touches the words on both sides
/// (no space around it).
fn joined_hyphen(cx: &Ctx, k: usize) -> bool {
    k > 0
        && cx.tok(k - 1).span.end == cx.tok(k).span.start
        && cx.tok(k).span.end == cx.tok(k + 1).span.start
}

fn name_word(cx: &Ctx, k: usize, end: usize) -> bool {
    name_like(cx, k, end) && !cx.core(k).ends_with('ا')
}

/// A word that may be part of a bare name: no function word, head or entity.
fn name_like(cx: &Ctx, k: usize, end: usize) -> bool {
    cx.is_word(k) && !stops(cx, k, end) && cx.head(k, end).is_none() && cx.entity(k).is_none()
}

/// A bare word taken as a name (`المسماري`, `جيف ستايسي`): a word with the article
/// stands alone, one without takes the name words after it.
fn bare(cx: &Ctx, i: usize, end: usize) -> Option<Speaker> {
    if !name_word(cx, i, end) {
        return None;
    }
    // A first word read as ف + word before another name word is a name in ف (`فراس`,
    // `فتصوم أرغا`): the conjunction ف cannot join a subject to its verb.
    let fa_name = (cx.tok(i).clitics.0 == Clitics::FA)
        .then(|| bare_name_from(cx, i, i + 1, end))
        .flatten()
        .filter(|&k| k > i + 1);
    let mut k = if cx.tok(i).clitics.0 == 0 {
        bare_name(cx, i, end)?
    } else {
        fa_name.unwrap_or(i + 1)
    };
    // A given name before the rest of a name the recognizer found alone (`ناصر` +
    // `الحاسي`): one person. A lexicon person's ref stays with that person (`الحاسي` of
    // another first name is someone else).
    let rest = (k == i + 1 && cx.tok(i).clitics.0 == 0 && cx.lx.given.contains(cx.form(i)))
        .then(|| cx.entity_starting(k))
        .flatten()
        .filter(|(_, e)| e.etype == EntityType::PER);
    let mut reference = None;
    if let Some((n, e)) = rest {
        reference = e
            .reference
            .clone()
            .filter(|r| cx.doc.refs.get(r).is_some_and(|r| !r.canonical));
        k = cx.entity_end(n, k);
    }
    let named = rest.is_some();
    let mut m = mention(cx, i, k);
    m.reference = reference;
    Some(Speaker {
        mention: m,
        anonymous: false,
        head: None,
        class: None,
        outlet: false,
        first: i,
        end: k,
        bare: !named,
        why: vec![Why::rule(if named {
            "attribute/name-with-recognized-rest"
        } else {
            "attribute/bare-name"
        })],
    })
}

/// An outlet named at token `i` by an outlet noun (`وكالة الأناضول`, `قناة “سكاي
/// نيوز”`, `مراسل الجزيرة`), a frame and a quoted name (`لـ”العربي الجديد”`) or an
/// OUTLET entity after a preposition. Returns the mention and one past its last token.
pub fn outlet_at(
    cx: &Ctx,
    i: usize,
    end: usize,
    seen: &[(usize, Mention)],
) -> Option<(Mention, usize)> {
    let toks = &cx.doc.tokens[..end];
    let (class, n) = match cx.outlet(i, end) {
        Some((c, n, _)) => (c, n),
        None => {
            let m = outlet_after_li(cx, i)?;
            return Some((entity_mention(cx, m), cx.entity_end(m, i)));
        }
    };
    let k = i + n;
    if class == "frame" {
        // A frame alone: an outlet noun, a quoted name or an OUTLET entity follows.
        if k >= end {
            return None;
        }
        if let Some(r) = outlet_noun_name(cx, k, end, seen) {
            return Some(r);
        }
        if let Some((m, e)) = cx.entity_starting(k) {
            if e.etype == EntityType::OUTLET {
                return Some((entity_mention(cx, m), cx.entity_end(m, k)));
            }
        }
        if cx.quote(k) {
            let c = closing_quote(cx, k, end)?;
            return Some((quoted_name(cx, k, c), c + 1));
        }
        return None;
    }
    // An outlet noun: only with a preposition (clitic or word) in front of it.
    let prep_before = cx.has_prep_clitic(i)
        || (i > 0
            && cx
                .lx
                .outlets
                .at(cx.doc, toks, i - 1)
                .is_some_and(|(c, _, _)| c == "frame"))
        || (i > 0 && matches!(cx.particle(i - 1, end), Some(("prep", _))));
    if !prep_before {
        return None;
    }
    outlet_noun_name(cx, i, end, seen)
}

/// The name between quotes at `q` and `c`: the outlet entity there (with its `ref`),
/// else the words.
fn quoted_name(cx: &Ctx, q: usize, c: usize) -> Mention {
    if let Some((m, e)) = cx.entity_starting(q + 1) {
        if matches!(e.etype, EntityType::OUTLET | EntityType::ORG) && cx.entity_end(m, q + 1) <= c {
            return entity_mention(cx, m);
        }
    }
    mention(cx, q + 1, c)
}

/// The name after an outlet noun at `i` (the noun itself is token `i`).
fn outlet_noun_name(
    cx: &Ctx,
    i: usize,
    end: usize,
    seen: &[(usize, Mention)],
) -> Option<(Mention, usize)> {
    let (c, n, _) = cx.outlet(i, end)?;
    if c != "noun" {
        return None;
    }
    let k = i + n;
    if k < end {
        if let Some((m, e)) = cx.entity_starting(k) {
            if matches!(e.etype, EntityType::OUTLET | EntityType::ORG) {
                return Some((entity_mention(cx, m), cx.entity_end(m, k)));
            }
        }
        if cx.quote(k) {
            if let Some(c) = closing_quote(cx, k, end) {
                return Some((quoted_name(cx, k, c), c + 1));
            }
        }
        // The next words, up to a function word or a nisba adjective with the article.
        let mut e = k;
        while e < end && e - k < 3 && cx.is_word(e) && !stops(cx, e, end) && !cx.has_prep_clitic(e)
        {
            if e > k && cx.has_article(e) && cx.nisba(e) {
                break;
            }
            e += 1;
        }
        if e > k {
            return Some((mention(cx, k, e), e));
        }
    }
    // `للوكالة`: the definite noun alone refers to the last outlet named.
    if cx.has_article(i) {
        let (_, m) = seen.iter().rev().find(|(t, _)| *t < i)?;
        return Some((m.clone(), k));
    }
    None
}
