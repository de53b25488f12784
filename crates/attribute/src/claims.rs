//! Finding claims: cue, speaker, outlet, stance and content, sentence by sentence.
//!
//! Each reporting cue of `cues/reporting.tsv` is tried in reading order. A finite verb
//! takes the speaker after it (`قال المسماري`), else the one before it in its clause
//! (`التحقيق أكد`), else — the subject dropped (`وأشار إلى أن`) — the speaker of the
//! last claim within two sentences. A participle (`موضحاً`) continues the claim before
//! it; a verbal noun (`الاتهامات التي وجهتها حكومة الوفاق`) takes its agent; `بحسب X`
//! attributes what precedes it, or gives the `via` of the claim it closes when X is
//! an outlet; `نقل X عن Y` makes Y the speaker and X the outlet.
//!
//! The content is the clause after the complementizer (`أن`, `إن`, `بأن`), a colon or
//! an opening quote, up to the next cue of a sibling claim or the end of the sentence.
//! A cue inside another claim's content with its own named speaker and complementizer
//! is nested (`within`); without both it is part of the outer content and no claim.
//! Known failures: a dropped subject is always the last speaker (`ونشرت قوات الوفاق
//! مقطع فيديو لمن قالت إنه أسير، أكد خلاله` gives the forces, not the prisoner); a bare
//! word after a verb is taken as a name when the recognizer found nothing there.

use rasd_model::{Claim, Mention, Span, Stance, Why};

use crate::context::Ctx;
use crate::lex::{Cue, CueKind, SourceClass};
use crate::speaker::{adjective_at, outlet_at, phrase, Speaker, Start};
use crate::words::text_without_conjunction;

/// The rule of a speaker found as a document's issuer (`أصدرت الوزارة بيانا قالت فيه`);
/// a strict cue told in a document needs no content marker.
const SPEAKER_OF_DOCUMENT: &str = "attribute/speaker-of-document";
/// How far after the cue (and speaker) the content marker may stand, in tokens.
const MARKER_WINDOW: usize = 20;
/// Tokens a relative clause set off by commas may span between the speaker and the marker.
const ASIDE_WINDOW: usize = 40;
/// How far back a subject before the verb may stand, in tokens.
const SUBJECT_WINDOW: usize = 12;
/// How many sentences back a dropped subject may be carried from.
const CARRY_SENTENCES: usize = 2;
/// How many sentences back a quotation's dropped subject may be carried from past a
/// source a fact was credited to.
const QUOTE_CARRY_SENTENCES: usize = 5;
/// How many tokens a quotation a cue stands inside may run on after it.
const MAX_QUOTATION: usize = 200;

/// A claim while it is being built (token indices are absolute).
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    /// The cue row.
    pub cue: Cue,
    /// Whether the cue matched its whole first token (keep a leading و in the quote).
    pub whole: bool,
    /// First cue token.
    pub cue_start: usize,
    /// One past the last cue token.
    pub cue_end: usize,
    /// The speaker.
    pub speaker: Speaker,
    /// Whether the speaker was written (not carried over from an earlier claim).
    pub explicit: bool,
    /// The outlet.
    pub via: Option<Mention>,
    /// First content token.
    pub content_start: Option<usize>,
    /// One past the last content token.
    pub content_end: usize,
    /// Whether a complementizer, colon or quote opened the content.
    pub marker: bool,
    /// The sentence.
    pub sentence: usize,
    /// Sentence bounds.
    pub bounds: (usize, usize),
    /// Rules applied.
    pub rules: Vec<&'static str>,
    /// Stance.
    pub stance: Stance,
    /// Whether the claim's content precedes its cue (`..., بحسب X`).
    pub content_before: bool,
}

/// Find every claim of a document.
pub(crate) fn find(cx: &Ctx) -> Vec<Claim> {
    let outlets = outlet_mentions(cx);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut barrier = 0usize; // claims before this index may not be carried over
    for s in 0..cx.doc.sentences.len() {
        let (a, b) = cx.sentence(s);
        let first_in_sentence = drafts.len();
        let mut before: Option<usize> = None;
        let mut i = a;
        while i < b {
            let Some(hit) = cx.cue(i, b) else {
                i += 1;
                continue;
            };
            let cue = hit.value.clone();
            let (cs, ce) = (hit.start, hit.end);
            // A cue absorbed by the claim before it (`متابعا بقوله بأن`, `نقل X عن Y قوله`,
            // `وتابع X، متوجها إلى Y، قائلا إن`: a strict verb, which says nothing without
            // its content, opens it after `قائلا`); another participle further on than its
            // cue or speaker opens its own claim (`ودانت X الهجوم، مؤكدة أنه`, `وأدان X
            // القصف، قائلا إن`), and so does the cue of a relative clause set off by commas
            // (`، التي أكدت`).
            if drafts[first_in_sentence..].last().is_some_and(|d| {
                d.content_start.is_some_and(|c| cs < c)
                    && cs >= d.cue_end
                    && (cue.kind != CueKind::Participle
                        || cs <= d.cue_end.max(d.speaker.end) + 1
                        || d.cue.kind == CueKind::Verb && d.cue.strict && d.explicit && cue.says())
            }) && aside_end(cx, cs, b).is_none()
            {
                i = ce;
                continue;
            }
            match cue.kind {
                CueKind::Impersonal => barrier = drafts.len(),
                CueKind::Tag => {
                    if let Some(d) = drafts.last_mut() {
                        if d.sentence + 1 >= s {
                            d.content_end = d.content_end.max(cs);
                            d.rules.push("attribute/tag");
                        }
                    }
                }
                CueKind::Prep
                    if ce < b
                        && cx.cue(ce, b).is_some_and(|h| h.value.kind == CueKind::Verb)
                        && (a..cs).filter(|&k| cx.is_word(k)).count() >= 3 =>
                {
                    // `بحسب ما أفاد المرصد`, `كما قال X`: the verb's claim is what precedes.
                    before = Some(cs);
                }
                _ => {
                    let ctx = Around {
                        s,
                        a,
                        b,
                        barrier,
                        first_in_sentence,
                        before: before.take(),
                    };
                    if let Some(d) = build(cx, &cue, cs, ce, &ctx, &drafts, &outlets) {
                        match d {
                            // `وأشار إلى أن ...، حسبما قال.`, `حسبما أفادت عبر صفحة
                            // ...`: a verb with a dropped subject after the content of
                            // the sentence's claim before it, followed by nothing or a
                            // preposition, restates that claim (`كما قالوا الشيء نفسه لـ
                            // X` says more).
                            Built::Claim(d)
                                if d.content_before
                                    && !d.explicit
                                    && (ce..b)
                                        .find(|&t| cx.is_word(t))
                                        .is_none_or(|t| cx.is_particle(t, b, "prep").is_some())
                                    && drafts[first_in_sentence..].last().is_some_and(|p| {
                                        p.speaker.mention.start == d.speaker.mention.start
                                            && p.content_start.is_some_and(|c| c < cs)
                                    }) => {}
                            Built::Claim(mut d) => {
                                d.whole = hit.whole;
                                let co = co_speaker(cx, &d, b);
                                drafts.push(*d);
                                drafts.extend(co);
                            }
                            Built::Via(k, m) => {
                                if drafts[k].via.is_none() {
                                    drafts[k].via = Some(m);
                                    drafts[k].rules.push("attribute/via-closing");
                                }
                            }
                        }
                    }
                }
            }
            i = ce;
        }
        close_sentence(cx, &mut drafts[first_in_sentence..], b);
    }
    finish(cx, drafts)
}

/// A second, named speaker coordinated with the one after the verb (`حسبما أفاد عمال
/// إغاثة والمرصد السوري`, `أعلنت الحكومة النيجيرية والشرطة السودانية أنه`): the same
/// claim, told by it too. It must stand between the first speaker and the content.
fn co_speaker(cx: &Ctx, d: &Draft, b: usize) -> Option<Draft> {
    if !d.explicit || !d.rules.contains(&"attribute/speaker-after") || d.speaker.first < d.cue_end {
        return None;
    }
    let k = d.speaker.end;
    if k >= b {
        return None;
    }
    let i = if cx.form(k) == "و" {
        k + 1
    } else if cx.tok(k).clitics.has(rasd_model::Clitics::WA) {
        k
    } else {
        return None;
    };
    // A first speaker with a relative clause (`التحالف الذي تقوده السعودية والإمارات`)
    // coordinates inside it.
    if (d.speaker.first..k).any(|t| cx.is_particle(t, b, "rel").is_some()) {
        return None;
    }
    // A name that begins with و (`ويليام`) is no conjunction.
    if cx
        .entity_starting(i)
        .is_some_and(|(_, e)| e.start == cx.tok(i).span.start)
    {
        return None;
    }
    let mut sp = phrase(cx, i, b, Start::Known)?;
    // A relational adjective is the first speaker's (`وسائل الإعلام الحكومية والروسية`),
    // a lone definite word with no name refers back to it (`والمقيم في غازي عنتاب`).
    let lone = sp.end == i + 1 && cx.entity(i).is_none() && cx.has_article(i);
    // (So does a phrase told by a name before it: `والمقيم في` after `أحمد مظهر`.)
    let tok = cx.tok(i).span;
    let own = sp
        .mention
        .start
        .is_some_and(|s| s >= tok.start && s < tok.end);
    // An unnamed source joins the first in one voice (`مسؤولون ... ودبلوماسيون غربيون`);
    // a named one speaks for itself.
    if !own
        || sp.anonymous
        || sp.bare
        || sp.outlet
        || adjective_at(cx, i)
        || cx.nisba(i) && sp.end == i + 1
        || lone
    {
        return None;
    }
    if cx.tok(i).clitics.has(rasd_model::Clitics::WA) && sp.mention.start == Some(tok.start) {
        // The mention starts after the conjunction.
        let text = text_without_conjunction(cx.doc, cx.tok(i));
        let cut = cx.doc.text(tok).chars().count() - text.chars().count();
        if let Some(st) = sp.mention.start.as_mut() {
            *st += cut as u32;
            sp.mention.text = sp.mention.text.chars().skip(cut).collect();
        }
    }
    let placed = match d.content_start {
        Some(c) if d.content_before => c < d.cue_start,
        Some(c) => c >= sp.end,
        None => false,
    };
    if !placed {
        return None;
    }
    let mut co = d.clone();
    co.speaker = sp;
    co.rules.push("attribute/coordinated-speaker");
    Some(co)
}

/// Where a cue stands.
struct Around {
    s: usize,
    a: usize,
    b: usize,
    barrier: usize,
    first_in_sentence: usize,
    /// A cue like `بحسب ما` right before this verb: its content is what precedes it.
    before: Option<usize>,
}

enum Built {
    Claim(Box<Draft>),
    /// The cue only names the outlet of claim `k`.
    Via(usize, Mention),
}

/// Every outlet named in the document by a pattern, in order (for `للوكالة`).
fn outlet_mentions(cx: &Ctx) -> Vec<(usize, Mention)> {
    let mut seen: Vec<(usize, Mention)> = Vec::new();
    for s in 0..cx.doc.sentences.len() {
        let (a, b) = cx.sentence(s);
        let mut i = a;
        while i < b {
            match outlet_at(cx, i, b, &seen) {
                Some((m, e)) => {
                    seen.push((i, m));
                    i = e.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    seen
}

/// The first outlet named in tokens `[a, b)`.
fn via_in(cx: &Ctx, a: usize, b: usize, end: usize, seen: &[(usize, Mention)]) -> Option<Mention> {
    (a..b.min(end)).find_map(|i| outlet_at(cx, i, end, seen).map(|(m, _)| m))
}

/// The content marker after `from`, across adjuncts only: punctuation, adverbials,
/// outlet phrases (`لمراسل الجزيرة`), prepositional phrases (`في تصريح صحفي`, `خلال
/// حديثه`) and the preposition of the verb (`إلى أن`, `على أن`). Returns the first
/// content token and whether a marker opened it; without a marker, the first token
/// after the adjuncts. With `ila`, the cue's own `إلى` opens the content (`خلص التحقيق إلى
/// وجود أخطاء`).
fn marker_after(
    cx: &Ctx,
    from: usize,
    b: usize,
    outlets: &[(usize, Mention)],
    ila: bool,
) -> (usize, bool) {
    let mut k = from;
    let lim = (from + MARKER_WINDOW).min(b);
    let mut content = from;
    let mut budget = 3usize;
    let mut first_word: Option<usize> = None;
    let mut phrase_end: Option<usize> = None;
    while k < lim {
        // `ومع أن دمشق نفت هذه الاتهامات، إلا أن الوكالة أعلنت`: a connective opens
        // another clause, whose complementizer is not this verb's.
        if k > from && cx.is_particle(k, b, "conj").is_some() {
            break;
        }
        if let Some(n) = cx.is_particle(k, b, "comp") {
            return (k + n, true);
        }
        if cx.punct(k, &[':']) {
            return (k + 1, true);
        }
        // A quotation right after the speaker, after a comma or colon, or after a bare ب
        // (`وصفها الإعلام الرسمي بـ"القوات الشعبية"`).
        if cx.quote(k) && (k == from || cx.punct(k - 1, &[',', ':', '-']) || cx.form(k - 1) == "ب")
        {
            return (k, true);
        }
        if cx.punct(k, &[',', '-', '(', ')']) {
            // `الأمم المتحدة، التي أكدت أن ...، إن`: a relative clause with a cue of its
            // own, set off by commas, stands between the speaker and the marker.
            k = (k + 1 < b)
                .then(|| aside_end(cx, k + 2, b))
                .flatten()
                .map_or(k + 1, |c| c + 1);
            content = k;
            continue;
        }
        if cx.punct(k, &['.', '!', '?', ';']) {
            break;
        }
        if cx.cue(k, b).is_some_and(|h| h.value.says()) {
            // `متابعا بقوله بأن`
            k += 1;
            continue;
        }
        if let Some(n) = cx.is_particle(k, b, "adv") {
            k += n;
            content = k;
            continue;
        }
        if let Some((_, e)) = outlet_at(cx, k, b, outlets) {
            k = e.max(k + 1);
            content = k;
            continue;
        }
        if let Some(n) = cx.is_particle(k, b, "prep") {
            let p = cx.core(k);
            // A preposition inside an adjunct that a colon closes (`عبر حسابه على تويتر:`).
            if phrase_end == Some(k) {
                let mut j = k + n;
                while j < lim && j < k + n + 3 && cx.is_word(j) && cx.particle(j, b).is_none() {
                    j += 1;
                }
                if j > k + n && cx.punct(j, &[':']) {
                    k = j;
                    continue;
                }
            }
            if matches!(p, "الي" | "علي" | "عن") {
                // The verb's own preposition: a marker must follow at once.
                if k + n < b
                    && (cx.is_particle(k + n, b, "comp").is_some() || cx.punct(k + n, &[':']))
                {
                    k += n;
                    continue;
                }
                if ila && p == "الي" && k + n < b {
                    return (k + n, true);
                }
                // With `قائلا` to come, the phrase is an adjunct: of another word
                // (`متوجهاً إلى الأسد، قائلاً إن`) or the verb's object (`وعلّق جنبلاط على
                // القرار قائلاً إن`).
                let says_on = (k + n..lim).any(|j| cx.cue(j, b).is_some_and(|h| h.value.says()));
                if !says_on {
                    break;
                }
            }
            // A prepositional phrase: the preposition and up to five words.
            let mut j = k + n;
            while j < lim
                && j < k + n + 5
                && cx.is_word(j)
                && cx.particle(j, b).is_none()
                && outlet_at(cx, j, b, outlets).is_none()
            {
                j += 1;
            }
            k = j;
            phrase_end = Some(j);
            continue;
        }
        // A few other words (`المتحدثة باسمهم`) may stand before the marker.
        if cx.is_word(k) && budget > 0 {
            budget -= 1;
            if first_word.is_none() {
                first_word = Some(content);
            }
            k += 1;
            continue;
        }
        break;
    }
    (first_word.unwrap_or(content), false)
}

/// The closing comma of a relative clause set off by commas whose verb, at `cue`, is a
/// cue (`، التي أكدت أن القوات ارتكبت انتهاكات،`).
fn aside_end(cx: &Ctx, cue: usize, b: usize) -> Option<usize> {
    if cue < 2 || cue >= b || !cx.punct(cue - 2, &[',']) {
        return None;
    }
    cx.is_particle(cue - 1, b, "rel")
        .filter(|_| cx.core(cue - 1) != "ما")?;
    cx.cue(cue, b).filter(|h| h.value.kind == CueKind::Verb)?;
    (cue + 1..b.min(cue + ASIDE_WINDOW))
        .take_while(|&k| !cx.punct(k, &['.', ';', ':']) && !cx.quote(k))
        .find(|&k| cx.punct(k, &[',']))
}

fn is_verb_like(cx: &Ctx, i: usize, a: usize, b: usize) -> bool {
    if cx.has_article(i) {
        return false;
    }
    if i > a {
        let p = cx.tok(i - 1);
        // A count before it makes it a noun (`3 طلب`); a date that opens the clause does
        // not (`. في 16 أيار/مايو 2014 أعلن الفريق أول خليفة حفتر`).
        let dated = |p: &rasd_model::Token| {
            cx.doc.times.iter().any(|t| {
                t.start <= p.span.start
                    && p.span.end <= t.end
                    && (a..i)
                        .find(|&k| cx.tok(k).span.start >= t.start)
                        .is_some_and(|k| {
                            k == a
                                || cx.punct(k - 1, &[',', '.', ';', ':'])
                                || cx.form(k - 1) == "و"
                        })
            })
        };
        if p.kind == rasd_model::TokenKind::Number && !dated(p) {
            return false;
        }
        if cx.is_particle(i - 1, b, "prep").is_some() {
            return false;
        }
    }
    true
}

fn build(
    cx: &Ctx,
    cue: &Cue,
    cs: usize,
    ce: usize,
    at: &Around,
    drafts: &[Draft],
    outlets: &[(usize, Mention)],
) -> Option<Built> {
    let (a, b) = (at.a, at.b);
    let mut rules: Vec<&'static str> = Vec::new();
    let mut kind = cue.kind;
    if matches!(
        kind,
        CueKind::Verb | CueKind::Participle | CueKind::Transmit
    ) && !is_verb_like(cx, cs, a, b)
    {
        // An imperfect form (`ينتقد`, `نطالب`) is never a noun.
        if kind == CueKind::Verb && (cx.has_article(cs) || cx.core(cs).starts_with(['ي', 'ن'])) {
            return None;
        }
        if kind == CueKind::Verb {
            kind = CueKind::Masdar;
            rules.push("attribute/verb-as-noun");
        } else {
            return None;
        }
    }
    // Words between the cue and the speaker or content.
    let mut j = ce;
    while j < b {
        match cx.is_particle(j, b, "adv") {
            Some(n) => j += n,
            None => break,
        }
    }
    // `حسب ما أفاد به X`, `ما صرح به X`: ب with the pronoun of ما stands before the subject.
    if j < b && cs > a && cx.core(cs - 1) == "ما" && matches!(cx.form(j), "به" | "بها" | "بهم")
    {
        j += 1;
        rules.push("attribute/what-was-told");
    }
    // `وقف إطلاق النار الذي دعا إليه مجلس الأمن`: in a relative clause a preposition with
    // the pronoun of the relative stands before the subject.
    if cs > a && cx.relative_pronoun_prep(cs - 1, j, b) {
        j += 1;
    }
    // `استهدفت معسكرا لمن وصفهم بـ"الميليشيات"`: a labelling verb (frame `label`) right
    // after من names the people the sentence tells of ("those he described as"); it is
    // no claim of its own (`وهو ما اعتبره جرائم حرب` is one).
    if kind == CueKind::Verb
        && cue.label
        && cs > a
        && matches!(cx.form(cs - 1), "من" | "لمن" | "ممن" | "ومن")
    {
        return None;
    }
    // `هدنة إنسانية أعلنتها روسيا`: a verb with a pronoun object right after an
    // indefinite noun opens a relative clause about that noun; it reports no statement.
    // After a name (`دخلت قوات إلى عفرين وصفها الإعلام الرسمي بـ"..."`) it opens a clause
    // of its own. A labelling verb says what its subject holds of the noun (`أزمة
    // إنسانية تعتبرها الأمم المتحدة الأسوأ في العالم`): a statement.
    if kind == CueKind::Verb
        && !cue.label
        && cx.tok(cs).clitics.has(rasd_model::Clitics::SUFFIX)
        && after_indefinite(cx, cs, a, b)
        && cx.entity(cs - 1).is_none()
    {
        return None;
    }
    let (speaker, explicit, after_speaker) = match kind {
        CueKind::Verb => {
            // `ما` closing a cue of its own (`وفق ما يقول مراقبون`) opens no relative clause.
            let after_prep = cx.prep_cue_before(cs, b);
            let after_rel = cs > a && cx.is_particle(cs - 1, b, "rel").is_some() && !after_prep;
            let aux = cs > a && cx.is_particle(cs - 1, b, "aux").is_some();
            // A verb joined by و to the claim before it in the sentence shares its speaker
            // unless it names its own (`وأكد X أن ...، و طالب باعتقال حفتر`).
            let joined = cx.tok(cs).clitics.has(rasd_model::Clitics::WA)
                || (cs > a && matches!(cx.form(cs - 1), "و" | "ف"));
            let prev = drafts[at.first_in_sentence..]
                .last()
                .map(|d| d.speaker.clone());
            // A phrase with a preposition clitic is no subject (`قال لوكالة فرانس برس`:
            // the outlet is the `via`, the speaker stands before the verb).
            // (`للصحافيين`, ل + ال, may be left whole by the segmenter.)
            let lil = |k: usize| cx.form(k).trim_start_matches(['و', 'ف']).starts_with("لل");
            let after = phrase(cx, j, b, Start::AnyWord).filter(|sp| {
                !(cx.has_prep_clitic(sp.first)
                    || lil(sp.first)
                    || after_rel && sp.bare && at.before.is_none())
            });
            // An object-taking verb, or one after an auxiliary (`كان X قد دعا Y`), takes a
            // subject standing before it first: the noun after it is then its object.
            // A plural verb agrees with a subject standing before it (`وما زال المسؤولون
            // الروس ينفون نشر متعاقدين`); a verb before its subject is singular.
            let plural = ce == cs + 1 && plural_verb(cx, cs);
            let after = after.filter(|sp| !(plural && sp.bare));
            // `مصر التي اعتبرها بمثابة أم لغزة`: the noun before التي is the verb's object
            // (its pronoun); the subject was dropped.
            let rel_object = after_rel && cx.tok(cs).clitics.has(rasd_model::Clitics::SUFFIX);
            // A verb with a pronoun object names its subject after it (`الذي يتهمه خصومه
            // بأنه`): the phrase there cannot be its object.
            let subject_after = cx.tok(cs).clitics.has(rasd_model::Clitics::SUFFIX)
                && after.as_ref().is_some_and(|sp| !sp.bare);
            // A bare word after the verb with no complementizer or quotation after it
            // (`وكان المسماري أعلن ليل الأحد عن`, `وكان الجيش أعلن مقتل`) is its object or
            // an adjunct when a subject stands right before the verb. A plural in the
            // nominative (`أعلن مسلحون`) is still the subject, and so is a word after a
            // verb that follows a closing quotation (`"..." يقول المحرر`).
            let bare_after = after.as_ref().is_some_and(|sp| {
                sp.bare
                    && at.before.is_none()
                    && !(cs > a && cx.quote(cs - 1))
                    && !cx.form(sp.first).ends_with("ون")
                    && !marker_after(cx, sp.end, b, outlets, cue.ila).1
            });
            // A verb joined to a claim before it shares its speaker, so looks for none.
            let own = !(joined && prev.is_some());
            let before_first = if own && (cue.obj || aux || plural) && !subject_after {
                subject_before(cx, cs, a, b, true).filter(|sp| plural_subject(cx, sp, plural))
            } else if own && bare_after {
                subject_before(cx, cs, a, b, true).filter(|sp| sp.end == cs)
            } else {
                None
            };
            if let Some(sp) = before_first {
                rules.push("attribute/speaker-before");
                (sp, true, ce)
            } else if let Some(sp) = quoted_speaker(cx, j, b) {
                rules.push("attribute/speaker-quoted");
                let e = sp.end;
                (sp, true, e)
            } else if let Some(sp) = after.filter(|sp| {
                // After an object-taking verb a bare word is its object (`ودعت جميع
                // الأطراف`), and so is the one phrase before the complementizer of a
                // strict one (`ووصف الأمر بأنه`): the subject was dropped.
                // So is a noun with a pronoun of its own, unless the verb has one
                // (`واتهم خصومه`: he accused his opponents; `يتهمه خصومه`: they accuse him).
                let owned = cx.tok(sp.first).clitics.has(rasd_model::Clitics::SUFFIX);
                let object = cue.obj
                    && (sp.bare
                        || cue.strict
                            && !subject_after
                            && sp.end < b
                            && cx.is_particle(sp.end, b, "comp").is_some()
                        || owned && !subject_after);
                !(object || sp.bare && joined && prev.is_some())
            }) {
                // `الاتفاقات التي طالب X بها` is a relative clause, not a statement; `ما
                // تقول الأمم المتحدة إنه` is one, with its complementizer.
                let stated = sp.end < b && cx.is_particle(sp.end, b, "comp").is_some();
                // `وهو ما نفاه X`: "which X denied" restates a claim about what precedes.
                let restated = cs >= a + 2
                    && cx.core(cs - 1) == "ما"
                    && matches!(cx.core(cs - 2), "هو" | "هي" | "وهو" | "وهي");
                if after_rel && at.before.is_none() && !stated && !restated {
                    return None;
                }
                if after_rel && restated {
                    rules.push("attribute/restated");
                }
                rules.push("attribute/speaker-after");
                let e = sp.end;
                (sp, true, e)
            } else if let Some(sp) = prev.filter(|sp| joined && agrees(cx, sp, plural)) {
                rules.push("attribute/speaker-joined");
                (sp, false, ce)
            } else if let Some(sp) = resumptive(cx, cs, a, b) {
                rules.push(SPEAKER_OF_DOCUMENT);
                (sp, true, ce)
            } else if let Some(sp) = (!rel_object)
                .then(|| subject_before(cx, cs, a, b, false))
                .flatten()
                .filter(|sp| plural_subject(cx, sp, plural))
            {
                rules.push("attribute/speaker-before");
                (sp, true, ce)
            } else {
                let (sp, rule) = dropped_subject(cx, cs, drafts, at, false)?;
                if !agrees(cx, &sp, plural) {
                    return None;
                }
                rules.push(rule);
                (sp, false, ce)
            }
        }
        CueKind::Participle => {
            // A feminine participle right after an indefinite feminine word is its
            // adjective (`حملة أمنية مشددة`), not a cue.
            let fem = |k: usize| cx.core(k).ends_with('ه');
            if cs > a && fem(cs) && fem(cs - 1) && cx.is_word(cs - 1) && !cx.has_article(cs - 1) {
                return None;
            }
            let prev = drafts[at.first_in_sentence..]
                .last()
                .map(|d| d.speaker.clone());
            // Without a claim before it in its sentence, a participle's subject is its
            // clause's subject (`أقال الرئيس سالفا كير، نائبه رياك مشار، متهما إياه`:
            // Kiir accuses), not the nearest noun before it.
            let sp = match prev {
                Some(sp) => sp,
                None => match main_subject(cx, a, cs, b, false)
                    .or_else(|| subject_before(cx, cs, a, b, false))
                {
                    Some(sp) => sp,
                    None => dropped_subject(cx, cs, drafts, at, true)?.0,
                },
            };
            rules.push("attribute/participle");
            (sp, false, ce)
        }
        CueKind::Masdar => {
            // A pronoun on the noun is its agent or its object (`اتهامه مع ضباط آخرين
            // بمحاولة انقلاب`: he was accused): no named agent follows.
            if cx.tok(ce - 1).clitics.has(rasd_model::Clitics::SUFFIX) {
                return None;
            }
            let sp = agent(cx, cue, ce, b)?;
            // `اتهام جبهة النصرة بقتل`: the noun right before ب + verbal noun is the
            // accused, not the accuser.
            if cue.id.starts_with("accuse")
                && sp.end < b
                && cx.tok(sp.end).clitics.has(rasd_model::Clitics::BI)
            {
                return None;
            }
            rules.push("attribute/masdar-agent");
            let e = sp.end;
            (sp, true, e)
        }
        CueKind::Prep => {
            let sp = phrase(cx, j, b, Start::Known)?;
            // `جاء في التقرير`, `جاء في بيان الأمم المتحدة`: the text must be one the article
            // names or has named (not `بيان مشترك`, whose authors are told elsewhere).
            if &*cue.id == "stated_in"
                && !(sp.first..sp.end).any(|k| cx.has_article(k) || cx.entity(k).is_some())
            {
                return None;
            }
            if sp.outlet {
                // `حسب وكالة نوفستي` closes the claim before it: in its sentence, or alone
                // in the next (`ووفق "رويترز"، فإن …` opens a claim of its own).
                let alone = (sp.end..b).all(|t| !cx.is_word(t));
                let target = drafts.len().checked_sub(1).filter(|&k| {
                    drafts[k].sentence == at.s
                        || (drafts[k].sentence + 1 == at.s && cs <= a + 1 && alone)
                });
                if let Some(k) = target {
                    return Some(Built::Via(k, sp.mention));
                }
            }
            rules.push("attribute/according-to");
            let e = sp.end;
            (sp, true, e)
        }
        CueKind::Transmit => {
            let an = (ce..b.min(ce + MARKER_WINDOW)).find(|&k| cx.core(k) == "عن")?;
            let via = phrase(cx, ce, an, Start::AnyWord).map(|sp| sp.mention);
            let sp = phrase(cx, an + 1, b, Start::AnyWord)?;
            rules.push("attribute/transmit");
            let e = sp.end;
            let mut d = draft(cx, cue, cs, ce, sp, true, at, rules);
            d.via = via;
            return finish_draft(cx, d, e, at, outlets).map(|d| Built::Claim(Box::new(d)));
        }
        CueKind::Tag | CueKind::Impersonal => return None,
    };
    if cue.an {
        // `عبر عن`: the speaker (if any) is followed by عن.
        // Adjuncts may stand between (`وعبرت الوزارة في بيان لها مساء اليوم، عن`).
        // (Only for a verb opening its clause: `عبر` is also the preposition "via".)
        let k = if explicit { after_speaker } else { ce };
        let opens = cs == a
            || cx.tok(cs).clitics.has(rasd_model::Clitics::WA)
            || cx.punct(cs - 1, &[',', '.', ':', ';'])
            || cx.is_particle(cs - 1, b, "aux").is_some();
        // A speaker in apposition closes with a comma (`رئيس البعثة، ديفيد شيرر، عن`).
        let lim = if opens {
            (k + 8).min(b)
        } else if k < b && cx.punct(k, &[',']) {
            (k + 2).min(b)
        } else {
            (k + 1).min(b)
        };
        let found = (k..lim)
            .take_while(|&j| {
                !cx.punct(j, &['.', ':', ';', '!', '?']) && cx.is_particle(j, b, "comp").is_none()
            })
            .any(|j| cx.core(j) == "عن");
        if !found {
            return None;
        }
    }
    let mut speaker = speaker;
    resolve_anaphora(cx, &mut speaker, drafts);
    let d = draft(cx, cue, cs, ce, speaker, explicit, at, rules);
    finish_draft(cx, d, after_speaker, at, outlets).map(|d| Built::Claim(Box::new(d)))
}

#[allow(clippy::too_many_arguments)]
fn draft(
    _cx: &Ctx,
    cue: &Cue,
    cs: usize,
    ce: usize,
    speaker: Speaker,
    explicit: bool,
    at: &Around,
    rules: Vec<&'static str>,
) -> Draft {
    Draft {
        cue: cue.clone(),
        whole: false,
        cue_start: cs,
        cue_end: ce,
        speaker,
        explicit,
        via: None,
        content_start: None,
        content_end: at.b,
        marker: false,
        sentence: at.s,
        bounds: (at.a, at.b),
        rules,
        stance: cue.stance,
        content_before: false,
    }
}

/// Content, outlet and the strict-frame check.
fn finish_draft(
    cx: &Ctx,
    mut d: Draft,
    after_speaker: usize,
    at: &Around,
    outlets: &[(usize, Mention)],
) -> Option<Draft> {
    let (a, b) = (at.a, at.b);
    if let Some(p) = at.before {
        let start = at_clause_start(cx, a, p);
        let mut end = p;
        while end > start && cx.punct(end - 1, &[',', ';', '-']) {
            end -= 1;
        }
        d.content_start = Some(start);
        d.content_end = end;
        d.content_before = true;
        d.rules.push("attribute/content-before");
        if let Some(v) = via_in(cx, d.cue_end, b, b, outlets) {
            d.via = Some(v);
        }
        return Some(d);
    }
    // A cue that needs its word (`حمل ... المسؤولية`, `رفضت X الاتهامات`) says nothing
    // without it, quotes or not (`الصواريخ التي تحمل "بصمات"`); with no speaker written,
    // the word right after the verb is another sense (`وتحمل المسؤولية`: bears it).
    let from = if d.explicit {
        after_speaker
    } else {
        after_speaker + 1
    };
    if !d.cue.with.is_empty() && !with_after(cx, &d.cue.with, from, b) {
        return None;
    }
    let (at_content, marked) = marker_after(cx, after_speaker, b, outlets, d.cue.ila);
    if marked && d.cue.ila && at_content > 0 && cx.core(at_content - 1) == "الي" {
        d.rules.push("attribute/content-after-ila");
    }
    if let Some(c) = aside_end(cx, d.cue_start, b) {
        d.content_end = c;
        d.rules.push("attribute/relative-aside");
    }
    if d.speaker.bare && !marked {
        return None;
    }
    match marked {
        true => {
            d.content_start = Some(at_content);
            d.marker = true;
        }
        // A verb told in a document (`بيانا اعترفوا فيه`) states what the document says.
        // A labelling verb right after its subject, with a definite object (`لكن التحالف
        // العسكري يعتبر الميناء ممرا لتهريب الأسلحة`), or with a pronoun object and its
        // subject right after it (`أزمة تعتبرها الأمم المتحدة الأسوأ`), states a label; else
        // (`نظام الأسد يعتبر جثة`: "is considered") it needs its complementizer.
        false
            if d.cue.strict
                && !d.rules.contains(&SPEAKER_OF_DOCUMENT)
                && !(d.cue.bi && bi_after(cx, after_speaker, b))
                // (a cue with its `with` word found it above)
                && d.cue.with.is_empty()
                && !(d.cue.label
                    && d.explicit
                    && (d.speaker.end == d.cue_start
                        && d.cue_end < b
                        && cx.has_article(d.cue_end)
                        || d.speaker.first == d.cue_end
                            && cx.tok(d.cue_start).clitics.has(rasd_model::Clitics::SUFFIX))) =>
        {
            return None
        }
        false if d.cue.kind == CueKind::Prep => {
            // `..., بحسب X`: what precedes the cue is the content.
            let words = (a..d.cue_start).filter(|&k| cx.is_word(k)).count();
            if words >= 3 {
                let start = at_clause_start(cx, a, d.cue_start);
                d.content_start = Some(start);
                let mut end = d.cue_start;
                while end > start && cx.punct(end - 1, &[',', ';', '-']) {
                    end -= 1;
                }
                d.content_end = end;
                d.content_before = true;
            } else {
                d.content_start = Some(skip_commas(cx, after_speaker, b));
            }
        }
        false => {
            let k = skip_commas(cx, at_content, b);
            let empty = (k..b).all(|t| !cx.is_word(t));
            if !empty {
                d.content_start = Some(k);
            } else if d.rules.contains(&"attribute/restated") {
                // `..., وهو ما نفاه X.`: what precedes is the content.
                let start = at_clause_start(cx, a, d.cue_start);
                let mut end = d.cue_start;
                while end > start && !cx.punct(end - 1, &[',', ';', '-']) {
                    end -= 1;
                }
                while end > start && cx.punct(end - 1, &[',', ';', '-']) {
                    end -= 1;
                }
                if end <= start {
                    return None;
                }
                d.content_start = Some(start);
                d.content_end = end;
                d.content_before = true;
            } else if k < b {
                d.content_start = Some(k);
            } else {
                return None;
            }
        }
    }
    // The outlet: between the clause start and the content.
    let from = clause_start(cx, a, d.cue_start);
    let to = if d.content_before {
        b
    } else {
        d.content_start.unwrap_or(b)
    };
    if d.via.is_none() {
        let via = via_in(cx, from, d.cue_start, b, outlets)
            .or_else(|| via_in(cx, d.cue_end, to, b, outlets));
        if let Some(v) = via {
            // Never the speaker itself.
            if v.start != d.speaker.mention.start {
                d.via = Some(v);
                d.rules.push("attribute/via");
            }
        }
    }
    Some(d)
}

/// Whether a ب phrase follows token `k` within a few words of the same clause, past
/// the verb's object and adjuncts (`هددت إسرائيل اليوم، بشار الأسد بالقتل`, `هدد مطلع
/// أبريل بأن`).
fn bi_after(cx: &Ctx, k: usize, b: usize) -> bool {
    (k..(k + 8).min(b))
        .take_while(|&j| !cx.punct(j, &['.', ';', ':', '!', '?']))
        .any(|j| {
            cx.is_particle(j, b, "comp").is_some()
                || cx.is_word(j)
                    && (cx.tok(j).clitics.has(rasd_model::Clitics::BI)
                        || cx.form(j) == "ب" && j + 1 < b && (cx.is_word(j + 1) || cx.quote(j + 1)))
        })
}

/// Whether one of a cue's `with` words follows token `k` within a few words of the same
/// clause (`حملت الحكومة الحوثيين مسؤولية`).
fn with_after(cx: &Ctx, with: &[Box<str>], k: usize, b: usize) -> bool {
    (k..(k + 6).min(b))
        .take_while(|&j| !cx.punct(j, &['.', ';', ':', '!', '?']))
        .any(|j| with.iter().any(|w| cx.core(j) == &**w))
}

fn skip_commas(cx: &Ctx, mut k: usize, b: usize) -> usize {
    while k < b && cx.punct(k, &[',', '-', ':']) {
        k += 1;
    }
    k
}

/// The first token of the clause holding `i`: after the last comma, semicolon or
/// colon before it in the sentence `[a, …)`.
fn clause_start(cx: &Ctx, a: usize, i: usize) -> usize {
    (a..i)
        .rev()
        .find(|&k| cx.punct(k, &[';', '.']))
        .map(|k| k + 1)
        .unwrap_or(a)
}

/// Like [`clause_start`] but also after commas (for content before `بحسب`).
fn at_clause_start(cx: &Ctx, a: usize, i: usize) -> usize {
    let k = (a..i.saturating_sub(1))
        .rev()
        .find(|&k| cx.punct(k, &[';', '.', ':']))
        .map(|k| k + 1);
    skip_commas(cx, k.unwrap_or(a), i)
}

/// Whether the phrase at `p` (in the sentence from `a`) is a preposition's object: a
/// preposition clitic on it, or a preposition word before it.
fn prep_object(cx: &Ctx, p: usize, a: usize, b: usize) -> bool {
    cx.has_prep_clitic(p) || (p > a && cx.is_particle(p - 1, b, "prep").is_some())
}

/// The subject before a verb: the nearest entity or speaker head that begins its
/// clause (after a comma, a conjunction, an auxiliary or the sentence start, and not
/// the object of a preposition); else, unless `clause_only`, a phrase that ends right
/// before the verb (`صور ومقاطع فيديو تؤكد`, `غويترش الذي أكد`), the longest such.
fn subject_before(cx: &Ctx, cue: usize, a: usize, b: usize, clause_only: bool) -> Option<Speaker> {
    let lo = a.max(cue.saturating_sub(SUBJECT_WINDOW));
    let mut adjacent: Option<Speaker> = None;
    for p in (lo..cue).rev() {
        // `دبي، الإمارات العربية المتحدة (CNN)-- انتقد`: a dateline ends at its bracket.
        if cx.is_particle(p, b, "comp").is_some() || cx.punct(p, &['.', ':', ';', ')']) {
            break;
        }
        if cx.cue(p, b).is_some() && p + 1 < cue {
            break;
        }
        let Some(sp) = phrase(cx, p, cue, Start::Known) else {
            continue;
        };
        // `الصديق الصادق، نجل رئيس الوزراء الأسبق، قال`: a title in apposition to the
        // name before its comma describes that name, which is the subject.
        let apposition = p > a + 1
            && cx.punct(p - 1, &[','])
            && cx
                .entity(p - 2)
                .is_some_and(|(_, e)| e.etype == rasd_model::EntityType::PER)
            && matches!(sp.class, Some(SourceClass::Title | SourceClass::Spokesman));
        if apposition {
            continue;
        }
        // `منطقة "ورش لخانة" الليبية`: a relational adjective after a quoted name
        // describes it; the quote does not open a clause.
        // So does one after a definite word (`للحدود التونسية، أكدوا`): the phrase
        // that holds the noun is the one to weigh.
        let adjective = sp.end == p + 1
            && adjective_at(cx, p)
            && (p > a + 1 && cx.quote(p - 1) && cx.is_word(p - 2)
                || p > a && cx.is_word(p - 1) && cx.has_article(p - 1) && cx.has_article(p));
        if adjective {
            continue;
        }
        let object = prep_object(cx, p, a, b);
        let starts_clause = p == a
            || cx.punct(p - 1, &[',', '"', '-'])
            || cx.is_particle(p - 1, b, "comp").is_some()
            || cx.particle_before(p, "conj")
            || cx.is_particle(p - 1, b, "aux").is_some()
            || cx.form(p - 1) == "و"
            || (cx.tok(p).clitics.has(rasd_model::Clitics::WA) && !cx.has_prep_clitic(p));
        if starts_clause && !object {
            return Some(sp);
        }
        let gap_ok =
            (sp.end..cue).all(|k| cx.punct(k, &[',']) || cx.is_particle(k, b, "rel").is_some());
        // `عدد من الليبيين الذي أكدوا`: the antecedent of a relative pronoun is the subject.
        let rel_gap = (sp.end..cue).any(|k| cx.is_particle(k, b, "rel").is_some());
        if rel_gap && gap_ok && !object && !clause_only {
            // The whole phrase the antecedent ends (`وزير الخارجية الذي أكد`, not
            // `الخارجية`).
            let longer = (p.saturating_sub(3).max(lo)..p).find_map(|q| {
                phrase(cx, q, cue, Start::Known)
                    .filter(|l| l.end == sp.end && !prep_object(cx, q, a, b))
            });
            return Some(longer.unwrap_or(sp));
        }
        let indefinite_object = cx.has_prep_clitic(p) && !cx.has_article(p) && sp.end == cue;
        let prep_word = p > a && cx.is_particle(p - 1, b, "prep").is_some();
        if !clause_only
            && gap_ok
            && !prep_word
            && (!cx.has_prep_clitic(p) || indefinite_object)
            && adjacent.as_ref().is_none_or(|s| s.end <= sp.end)
        {
            adjacent = Some(sp);
        }
    }
    adjacent
}

/// Whether the word right before the verb at `cue` (in the sentence `a..b`) is a bare
/// indefinite word: no clitic or article, no function word, negation or cue. A verb
/// after it opens a clause that describes it (`هدنة إنسانية أعلنتها`, `موقف رسمي يدين`).
fn after_indefinite(cx: &Ctx, cue: usize, a: usize, b: usize) -> bool {
    cue > a
        && cx.is_word(cue - 1)
        && !cx.has_article(cue - 1)
        && cx.tok(cue - 1).clitics.0 == 0
        && cx.particle(cue - 1, b).is_none()
        && cx.negation(cue - 1, b).is_none()
        && cx.cue(cue - 1, b).is_none()
}

/// Whether a speaker carried to a verb can be its subject: a plural verb (`أكدوا`,
/// `قالوا`) is never one person's, a state's named by its name ([`plural_subject`]) or
/// a body's named by a singular noun ([`single_body`]).
fn agrees(cx: &Ctx, sp: &Speaker, plural: bool) -> bool {
    if !plural {
        return true;
    }
    !person(cx, sp) && plural_subject(cx, sp, plural) && !single_body(cx, sp)
}

/// Whether a phrase names one body by a singular feminine noun (`الحكومة السورية`,
/// `المنظمة`): such a body takes a singular verb.
fn single_body(cx: &Ctx, sp: &Speaker) -> bool {
    use rasd_model::EntityType as T;
    cx.entity(sp.first)
        .is_some_and(|(_, e)| matches!(e.etype, T::ORG | T::GROUP))
        && cx.core(sp.first).ends_with('ه')
}

/// Whether a phrase before a plural verb can be its subject: a state or a place named
/// by its name takes a singular verb (`في سوريا وأكدوا`); its people may take a plural
/// one (`وكان الروس قالوا`). (Two persons joined by و can too: `ماتيس وقادة عسكريين حذروا`.)
fn plural_subject(cx: &Ctx, sp: &Speaker, plural: bool) -> bool {
    use rasd_model::EntityType as T;
    !plural
        || !cx.entity(sp.first).is_some_and(|(_, e)| {
            matches!(e.etype, T::GPE | T::LOC)
                && e.reference
                    .as_ref()
                    .and_then(|r| cx.doc.refs.get(r))
                    .is_some_and(|r| e.text.ends_with(r.name.as_str()))
        })
}

/// A dropped subject: the speaker of the claim before it in the sentence; for a
/// purpose clause (`ليعلن`), a person named earlier in the sentence; else, when the
/// verb opens its clause, the speaker of the last claim within [`CARRY_SENTENCES`].
fn dropped_subject(
    cx: &Ctx,
    cue: usize,
    drafts: &[Draft],
    at: &Around,
    participle: bool,
) -> Option<(Speaker, &'static str)> {
    // A verb right after an indefinite noun or adjective describes it (`موقف رسمي يدين
    // الضربة`: a stance that condemns): no one's claim.
    // A date is no noun to describe (`إثر هجوم بدأته في 18 شباط/فبراير تقول إنه`).
    let dated = || {
        let s = cx.doc.tokens[cue - 1].span.start;
        cx.doc.times.iter().any(|t| t.start <= s && s < t.end)
    };
    if !participle
        && after_indefinite(cx, cue, at.a, at.b)
        && cx.head(cue - 1, at.b).is_none()
        && cx.entity(cue - 1).is_none()
        && !dated()
    {
        return None;
    }
    if let Some(d) = drafts[at.first_in_sentence..].last() {
        return Some((d.speaker.clone(), "attribute/speaker-carried"));
    }
    let purpose = cx.tok(cue).clitics.has(rasd_model::Clitics::LI);
    let relative = cue > at.a
        && (cx.is_particle(cue - 1, at.b, "rel").is_some()
            || matches!(cx.core(cue - 1), "من" | "ما" | "حيث"));
    if purpose || relative || participle {
        if let Some(sp) = main_subject(cx, at.a, cue, at.b, participle) {
            return Some((sp, "attribute/speaker-main-subject"));
        }
    }
    // Only a verb that opens its clause has a dropped subject; after other words the
    // subject is a noun phrase that names no source (`تعاملهم مع الأمر كشف`).
    let mut p = cue;
    while p > at.a {
        p -= 1;
        if cx.punct(p, &[',', ';', '.', ':', '-', '"']) || matches!(cx.form(p), "و" | "ف") {
            break;
        }
        if cx.is_particle(p, at.b, "comp").is_some() || cx.is_particle(p, at.b, "conj").is_some() {
            break;
        }
        if cx.is_particle(p, at.b, "adv").is_some() || cx.is_particle(p, at.b, "aux").is_some() {
            continue;
        }
        return relative_clause(cx, cue, at)
            .then(|| main_subject(cx, at.a, cue, at.b, false))
            .flatten()
            .map(|sp| (sp, "attribute/relative-clause"));
    }
    // `وأضاف: "لا أعتقد ..."`: a quotation right after the verb.
    let quotes = cue + 1 < at.b && (cx.punct(cue + 1, &[':']) || cx.quote(cue + 1));
    carried(cx, drafts, at, quotes).map(|sp| (sp, "attribute/speaker-carried"))
}

/// `بثت قناة المسيرة لقطات قالت إنها ...`, `ويشن الجيش غارات يقول إنها تستهدف متشددين`:
/// a singular verb right after a noun, followed by a complementizer with a pronoun that
/// points back to that noun, opens a relative clause whose dropped subject is the main
/// clause's. (A plural verb after people is their own: `متمردين يؤكدون أنهم`.)
fn relative_clause(cx: &Ctx, cue: usize, at: &Around) -> bool {
    cue > at.a
        && cue + 1 < at.b
        && !plural_verb(cx, cue)
        && cx.is_word(cue - 1)
        && cx.is_particle(cue + 1, at.b, "comp").is_some()
        && ["ه", "ها", "هم", "هما"]
            .iter()
            .any(|p| cx.core(cue + 1).ends_with(p))
}

/// Whether the verb at `k` is plural or dual by its ending (`قالوا`, `يؤكدون`, `قالتا`).
fn plural_verb(cx: &Ctx, k: usize) -> bool {
    let f = cx.form(k);
    f.ends_with("وا") || f.ends_with("ون") || f.ends_with("ان")
}

/// `أصدرت الوزارة بيانا قالت فيه`: a document noun, the verb, then a preposition with the
/// pronoun that points back to the document: the verb's subject is the document's
/// issuer, the first person or institution of the clause that is no preposition's
/// object, before any relative clause (`أصدرت جماعة زنكي، التي تصنف ضمن المعارضة،
/// بيانا`: the group, not the opposition).
fn resumptive(cx: &Ctx, cue: usize, a: usize, b: usize) -> Option<Speaker> {
    // The noun may take one adjective (`بياناً مشتركاً أوضحا فيه`, `بيانا رسميا قالت فيه`).
    let document = |k: usize, end: usize| {
        cx.head(k, b)
            .is_some_and(|h| h.end == end && h.value.class == SourceClass::Document)
    };
    let adjective =
        |k: usize| !cx.has_article(k) && cx.tok(k).clitics.0 == 0 && cx.core(k).ends_with('ا');
    let noun = if cue > a && document(cue - 1, cue) {
        cue - 1
    } else if cue > a + 1 && adjective(cue - 1) && document(cue - 2, cue - 1) {
        cue - 2
    } else {
        return None;
    };
    let back = cue + 1 < b && cx.is_particle(cue + 1, b, "prep").is_some();
    if !back {
        return None;
    }
    // The issuing verb's clause: after the last full stop, semicolon or connective.
    let start = (a..noun)
        .rev()
        .find(|&k| {
            cx.punct(k, &[';', '.'])
                || matches!(cx.form(k), "و" | "ف")
                || cx.is_particle(k, b, "conj").is_some()
        })
        .map_or(a, |k| k + 1);
    for p in start..noun {
        if cx.punct(p, &[':']) || cx.is_particle(p, b, "rel").is_some() {
            return None;
        }
        let object = prep_object(cx, p, a, b);
        if object {
            continue;
        }
        if let Some(sp) = phrase(cx, p, noun, Start::Known) {
            return Some(sp);
        }
    }
    None
}

/// A quoted name after the verb (`أعلن "تحالف دعم الشرعية في اليمن"، الذي …`): a speaker
/// when it begins with an entity or a speaker head and the quote closes before a comma,
/// complementizer or the content's quote.
fn quoted_speaker(cx: &Ctx, j: usize, b: usize) -> Option<Speaker> {
    if j >= b || !cx.quote(j) {
        return None;
    }
    let close = crate::speaker::closing_quote(cx, j, b)?;
    let mut sp = phrase(cx, j + 1, close, Start::Known)?;
    let after = close + 1;
    let closes = after >= b
        || cx.punct(after, &[',', ':', '-'])
        || cx.is_particle(after, b, "comp").is_some()
        || cx.quote(after);
    if !closes {
        return None;
    }
    sp.end = after;
    Some(sp)
}

/// The subject of the sentence's main clause: its first person or institution that is
/// not the object of a preposition (`تعرض المسماري لموجة استهجان ... بقوله`, `ونشرت قوات
/// الوفاق مقطع فيديو لمن قالت`).
fn main_subject(cx: &Ctx, a: usize, cue: usize, b: usize, states: bool) -> Option<Speaker> {
    for p in a..cue {
        if cx.punct(p, &[';', ':']) {
            return None;
        }
        let Some((_, e)) = cx.entity_starting(p) else {
            continue;
        };
        if !crate::context::speaker_type(e.etype)
            || e.etype == rasd_model::EntityType::GPE && !states
        {
            continue;
        }
        // `لـ «عكاظ»`: a quoted name after ل is the addressee.
        if p >= a + 2 && cx.quote(p - 1) && matches!(cx.form(p - 2), "ل" | "لـ") {
            continue;
        }
        // A relational adjective (`اليمني`, `التركية`) describes a noun; it names no one.
        if adjective_at(cx, p) {
            continue;
        }
        let object = prep_object(cx, p, a, b);
        if object {
            continue;
        }
        return phrase(cx, p, cue, Start::Known);
    }
    None
}

/// The speaker of the last claim within [`CARRY_SENTENCES`] sentences.
fn carried(cx: &Ctx, drafts: &[Draft], at: &Around, quotes: bool) -> Option<Speaker> {
    // A cue inside another claim's content is reported speech: the next dropped subject
    // is the outer speaker's (`وقالت X إن الولايات المتحدة قلقة من التقارير التي تفيد
    // ... وأضافت`: X added).
    // A source a claim is credited to (`أدانت تونس ...، وفق بيان`) does not make the
    // claim's speaker a quoted one.
    let nested = |d: &Draft| {
        drafts.iter().any(|o| {
            !std::ptr::eq(o, d)
                && o.cue.kind != CueKind::Prep
                && o.content_start.is_some_and(|c| c <= d.cue_start)
                && d.cue_start < o.content_end
        })
    };
    // A source a fact is credited to (`وفقاً للمرصد`) does not take the floor: `وأضاف`
    // after it continues the last speaker who spoke, if one spoke within reach.
    let open = drafts.get(at.barrier..)?;
    // Reach counts from where the claim ends: a quotation of several sentences
    // (`"أخبرتني ... . أحضرت ... الخطأ". وتقول إن`) keeps its speaker on the floor.
    let last = |d: &Draft| {
        let ends = d
            .sentence
            .max(cx.sentence_of(d.content_end.saturating_sub(1)));
        ends.max(quote_closed(cx, d).map_or(0, |q| cx.sentence_of(q)))
    };
    let recent = |d: &&Draft| !nested(d) && last(d) + CARRY_SENTENCES >= at.s;
    let d = open
        .iter()
        .rev()
        .filter(recent)
        .find(|d| d.cue.kind != CueKind::Prep)
        .or_else(|| open.iter().rev().find(|d| !nested(d)))?;
    // A body a fact is credited to does not go on to speak in quotation marks (`وفقاً
    // للمرصد. وأضاف: "لا أعتقد"`): the quote is the last person's who spoke, if one
    // did a few sentences before, else no one's.
    if quotes && d.cue.kind == CueKind::Prep && !person(cx, &d.speaker) {
        return open
            .iter()
            .rev()
            .filter(|d| !nested(d) && d.sentence + QUOTE_CARRY_SENTENCES >= at.s)
            .find(|d| d.cue.kind != CueKind::Prep && person(cx, &d.speaker))
            .map(|d| d.speaker.clone());
    }
    (last(d) + CARRY_SENTENCES >= at.s).then(|| d.speaker.clone())
}

/// The closing quote of a quotation its cue stands inside (`"أخبرتني في السجن أنها
/// ... . أحضرت السكين ... الخطأ"`), when the quote marks before the cue in its sentence
/// leave one open.
fn quote_closed(cx: &Ctx, d: &Draft) -> Option<usize> {
    let (a, _) = cx.sentence(d.sentence);
    let open = (a..d.cue_start).filter(|&k| cx.quote(k)).count() % 2 == 1;
    if !open {
        return None;
    }
    (d.cue_end..cx.len().min(d.cue_end + MAX_QUOTATION)).find(|&k| cx.quote(k))
}

/// Whether a speaker phrase names a person.
fn person(cx: &Ctx, sp: &Speaker) -> bool {
    (sp.first..sp.end).any(|k| {
        cx.entity(k)
            .is_some_and(|(_, e)| e.etype == rasd_model::EntityType::PER)
    })
}

/// The agent of a verbal noun: right after it (`اتهامات حكومة الوفاق`), after a
/// relative clause verb (`التي وجهتها حكومة الوفاق`, `تقدمت به`), or after `من`; for
/// a denial, also after ل (`النفي المتكرر للمتحدث باسمه`).
fn agent(cx: &Ctx, cue: &Cue, ce: usize, b: usize) -> Option<Speaker> {
    let mut k = ce;
    let lim = (ce + 5).min(b);
    while k < lim {
        // The agent of an object-taking noun stands right after it (`مطالبة الأكراد قوات
        // النظام بالتدخل`: the Kurds asked; the forces are the object).
        if cue.obj && cue.kind == CueKind::Masdar && k > ce {
            return None;
        }
        // A denial names its author with ل (`النفي المتكرر للمتحدث باسمه`, frame `li`);
        // other nouns name their object so (`اتهامات للحكومة`: against it).
        if cue.li && cx.tok(k).clitics.has(rasd_model::Clitics::LI) {
            return phrase(cx, k, b, Start::Known).filter(|sp| !sp.bare);
        }
        if cx.has_prep_clitic(k) || cx.quote(k) {
            // `تصريحات أدلى بها لوكالة سبوتنيك`: what follows a preposition is no agent.
            return None;
        }
        if let Some(sp) = phrase(cx, k, b, Start::Known) {
            if !sp.bare {
                return Some(sp);
            }
        }
        if cx.punct(k, &['.', ',', ':']) || cx.is_particle(k, b, "comp").is_some() {
            return None;
        }
        k += 1;
    }
    None
}

/// A bare definite head (`التحقيق`, `المصادر`, `الموقع`) takes the reference of the
/// last speaker with the same head.
fn resolve_anaphora(cx: &Ctx, sp: &mut Speaker, drafts: &[Draft]) {
    let Some(head) = sp.head.clone() else { return };
    if sp.end != sp.first + 1 || !cx.has_article(sp.first) || sp.mention.reference.is_some() {
        return;
    }
    let core = cx.core(sp.first);
    let Some(prev) = drafts.iter().rev().find(|d| {
        d.speaker.first != sp.first
            && (d.speaker.head.as_deref() == Some(&*head) || cx.core(d.speaker.first) == core)
    }) else {
        return;
    };
    sp.mention.reference = prev.speaker.mention.reference.clone();
    if sp.mention.role.is_none() {
        sp.mention.role = prev.speaker.mention.role.clone();
    }
    sp.anonymous = prev.speaker.anonymous;
    sp.outlet = prev.speaker.outlet;
    sp.why.push(Why::rule("attribute/anaphora"));
}

/// End each claim's content at the next sibling claim in its sentence.
fn close_sentence(cx: &Ctx, drafts: &mut [Draft], b: usize) {
    let starts: Vec<(usize, bool)> = drafts
        .iter()
        .map(|d| {
            let cs = d.cue_start;
            let prev = |k: usize| cs > d.bounds.0 && cs >= k && k >= 1;
            let sibling = matches!(d.cue.kind, CueKind::Participle | CueKind::Prep)
                || !d.explicit
                || cx.tok(cs).clitics.has(rasd_model::Clitics::WA)
                || cx.tok(cs).clitics.has(rasd_model::Clitics::FA)
                || (prev(1)
                    && (cx.punct(cs - 1, &[',', ';'])
                        || matches!(cx.form(cs - 1), "و" | "ف")
                        || cx.particle_before(cs, "conj")));
            (d.cue_start, sibling)
        })
        .collect();
    for d in drafts.iter_mut() {
        if d.content_before {
            continue;
        }
        let cstart = d.content_start.unwrap_or(b);
        let next = starts
            .iter()
            .find(|(s, sib)| *s >= cstart && *sib)
            .map(|(s, _)| *s);
        let mut end = next.unwrap_or(b).min(d.content_end.max(cstart));
        if let Some(next) = next {
            end = end.min(next);
        }
        if cx.quote(cstart) {
            if let Some(q) = (cstart + 1..b).find(|&k| cx.quote(k)) {
                end = end.min(q + 1);
            }
        }
        // `نفت هذه الاتهامات، إلا أن الوكالة أعلنت`: a concessive connective ending in a
        // complementizer (`إلا أن`, `غير أن`) after a comma opens the main clause.
        if let Some(k) = (cstart + 1..end).find(|&k| {
            cx.punct(k - 1, &[','])
                && cx
                    .is_particle(k, b, "conj")
                    .is_some_and(|n| n > 1 && cx.is_particle(k + n - 1, b, "comp").is_some())
        }) {
            end = k;
        }
        while end > cstart && cx.punct(end - 1, &[',', '.', ';', ':', '-', '!', '?']) {
            end -= 1;
        }
        d.content_end = end;
    }
}

/// Stance from the content, nesting, ids and the final records.
fn finish(cx: &Ctx, mut drafts: Vec<Draft>) -> Vec<Claim> {
    // Nested cues: kept only with a named speaker and a marker of their own.
    let mut within: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut keep = vec![true; drafts.len()];
    for (n, d) in drafts.iter().enumerate() {
        // A later claim whose content precedes its cue (`..., بحسب ما أعلنه X`) holds
        // what it attributes, not the claim before it.
        let outer = drafts.iter().enumerate().rev().find(|(m, o)| {
            *m != n
                && o.content_start.is_some_and(|c| c <= d.cue_start)
                && d.cue_start < o.content_end
                && !(o.content_before && o.cue_start > d.cue_start)
        });
        if let Some((m, o)) = outer {
            // Inside a quotation a verb is the quoted speaker's own word (`لأن أميركا
            // تكذب`): only a complementizer, colon or quote of its own makes it a claim.
            // After the quotation closes (`حذرت من "تداعيات خطرة" إذا ... لضربة تهدد دول
            // غربية`) it is a verb like any other.
            let quoted = o.content_start.is_some_and(|c| {
                let open = [c.checked_sub(1), Some(c), Some(c + 1)]
                    .into_iter()
                    .flatten()
                    .find(|&q| q < cx.len() && cx.quote(q));
                open.is_some_and(|q| (q + 1..d.cue_start).all(|k| !cx.quote(k)))
            });
            let own = d.explicit
                && (d.marker
                    || !quoted && (d.content_before || d.cue.obj || d.cue.kind == CueKind::Masdar));
            if own && matches!(d.cue.kind, CueKind::Verb | CueKind::Masdar) {
                within[n] = Some(m);
            } else {
                keep[n] = false;
            }
        }
    }
    for d in drafts.iter_mut() {
        if d.stance == Stance::Assert && content_denies(cx, d) {
            d.stance = Stance::Deny;
            d.rules.push("attribute/negated-content");
        }
    }
    let ids: Vec<Option<String>> = {
        let mut k = 0;
        keep.iter()
            .map(|&kp| {
                kp.then(|| {
                    k += 1;
                    format!("C{k}")
                })
            })
            .collect()
    };
    let mut out = Vec::new();
    for (n, d) in drafts.into_iter().enumerate() {
        let Some(id) = ids[n].clone() else { continue };
        let cue_span = Span::try_new(
            cx.tok(d.cue_start).span.start,
            cx.tok(d.cue_end - 1).span.end,
        );
        let Some(cue_span) = cue_span else { continue };
        let content = d.content_start.and_then(|s| {
            (s < d.content_end)
                .then(|| Span::try_new(cx.tok(s).span.start, cx.tok(d.content_end - 1).span.end))
                .flatten()
        });
        let mut span = cue_span;
        if d.explicit {
            if let Some(s) = d.speaker.span(cx) {
                if s.start >= cx.tok(d.bounds.0).span.start {
                    span = span.cover(s);
                }
            }
        }
        if let Some(c) = content {
            span = span.cover(c);
        }
        let cue_text = if d.cue_end - d.cue_start == 1 && !d.whole {
            text_without_conjunction(cx.doc, cx.tok(d.cue_start))
        } else {
            cx.doc.text(cue_span).to_string()
        };
        let mut why = d.cue.why.clone();
        for w in &d.speaker.why {
            why = why.and(w.clone());
        }
        for r in &d.rules {
            why = why.and(Why::rule(*r));
        }
        let speaker = if d.speaker.class == Some(SourceClass::Anonymous)
            && d.speaker.mention.text.is_empty()
        {
            None
        } else {
            Some(d.speaker.mention.clone())
        };
        out.push(Claim {
            id,
            start: span.start,
            end: span.end,
            cue: cue_text,
            stance: d.stance,
            speaker,
            anonymous: d.speaker.anonymous,
            via: d.via.clone(),
            content,
            sentence: d.sentence as u32,
            within: within[n].and_then(|m| ids[m].clone()),
            voice: None,
            why,
        });
    }
    out
}

/// Whether the content opens with a denial: a past or copula negation among its first
/// words (`إن عناصرهم لم تستهدف المركز`), or a denial phrase (`غير صحيح`).
fn content_denies(cx: &Ctx, d: &Draft) -> bool {
    let Some(s) = d.content_start else {
        return false;
    };
    let mut k = s;
    while k < d.content_end {
        if let Some((class, n, _)) = cx.negation(k, d.content_end.min(cx.len())) {
            if class == "deny" || (k < s + 4 && matches!(class, "past" | "copula")) {
                return true;
            }
            k += n;
        } else {
            k += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use rasd_lexicon::Source;
    use rasd_model::Stance;
    use rasd_text::Analyzer;

    use crate::Attributor;

    /// (text, claims as (cue, speaker, anonymous, via, stance)).
    type Case = (
        &'static str,
        &'static [(&'static str, &'static str, bool, &'static str, Stance)],
    );

    const CASES: &[Case] = &[
        (
            "وأوردت وكالات الأنباء في خبر عاجل نجاة رئيس المجلس من إطلاق نار.",
            &[("أوردت", "وكالات الأنباء", true, "", Stance::Assert)],
        ),
        (
            "وتحدثت وسائل إعلام عن وفاته رغم النفي المتكرر للمتحدث باسم الجيش لهذه الأنباء.",
            &[
                ("تحدثت", "وسائل إعلام", true, "", Stance::Assert),
                ("النفي", "للمتحدث باسم الجيش", false, "", Stance::Deny),
            ],
        ),
        (
            "وهددت الحكومة يوم الأحد بالرد على أي هجوم.",
            &[("هددت", "الحكومة", false, "", Stance::Assert)],
        ),
        (
            "وقالت الوزارة إن تفشي الوباء يهدد حياة مليون امرأة.",
            &[("قالت", "الوزارة", false, "", Stance::Assert)],
        ),
        (
            "وقال المسماري إن قواته استهدفت معسكرا لمن وصفهم بـ\"الميليشيات\".",
            &[("قال", "المسماري", false, "", Stance::Assert)],
        ),
        (
            "وتحدثت مصادر محلية عن سقوط قذائف على المدينة.",
            &[("تحدثت", "مصادر محلية", true, "", Stance::Assert)],
        ),
        (
            "وكان الجيش أعلن مقتل خمسة جنود في الهجوم.",
            &[("أعلن", "الجيش", false, "", Stance::Assert)],
        ),
        (
            "ودانت منظمة العفو الدولية هجوما على المدنيين، مؤكدة أنه قد يرقى إلى جريمة حرب.",
            &[
                ("دانت", "منظمة العفو الدولية", false, "", Stance::Assert),
                ("مؤكدة", "منظمة العفو الدولية", false, "", Stance::Assert),
            ],
        ),
        (
            "وأفاد ضابط يمني ميداني أن الحوثيين استدرجوا القوات.",
            &[("أفاد", "ضابط يمني ميداني", true, "", Stance::Assert)],
        ),
        (
            "وأشار المسماري إلى أن المطلوب كان يرتدي حزاما ناسفا، حسبما قال.",
            &[("أشار", "المسماري", false, "", Stance::Assert)],
        ),
        (
            "وحذرت الحكومة الأميركية من إلغاء الانتخابات، كما قالوا الشيء نفسه لرئيس البرلمان.",
            &[
                ("حذرت", "الحكومة الأميركية", false, "", Stance::Assert),
                ("قالوا", "الحكومة الأميركية", false, "", Stance::Assert),
            ],
        ),
        (
            "وقال مسعفون إن الجرحى نقلوا إلى المستشفى.",
            &[("قال", "مسعفون", true, "", Stance::Assert)],
        ),
        (
            "وأصدرت وزارة الخارجية بيانا قالت فيه إن الوضع مستقر.",
            &[("قالت", "وزارة الخارجية", false, "", Stance::Assert)],
        ),
        (
            "ونشرت الجماعة المسلحة، التي أشعلت الصراع، بيانا قالت فيه إن قائدها أيد وقف إطلاق النار.",
            &[("قالت", "الجماعة المسلحة", false, "", Stance::Assert)],
        ),
        (
            "وقال متحدث باسم المكتب الرئاسي في سول، كيم إيوي-كيوم، إن الحكومة تبذل كل ما بوسعها.",
            &[("قال", "كيم إيوي-كيوم", false, "", Stance::Assert)],
        ),
        (
            "وقال مستشفى في المدينة إن 29 طفلا قتلوا.",
            &[("قال", "مستشفى في المدينة", true, "", Stance::Assert)],
        ),
        (
            "لكن المتحدث قال لوكالة فرانس برس إن الحافلة كانت تحمل مقاتلين.",
            &[("قال", "المتحدث", false, "فرانس برس", Stance::Assert)],
        ),
        (
            "وقال الوزير إن الوضع خطير. ودعا جميع الأطراف إلى وقف القتال.",
            &[
                ("قال", "الوزير", false, "", Stance::Assert),
                ("دعا", "الوزير", false, "", Stance::Assert),
            ],
        ),
        (
            "وأعرب الوزير عن إدانته للغارة التي قتلت 29 طفلا، بحسب ما أعلنه مستشفى بالمدينة.",
            &[
                ("أعرب", "الوزير", false, "", Stance::Assert),
                ("أعلنه", "مستشفى", true, "", Stance::Assert),
            ],
        ),
        (
            "وحث المبعوث الأممي جميع الأطراف على وقف القتال.",
            &[("وحث", "المبعوث الأممي", false, "", Stance::Assert)],
        ),
        (
            "وقال المسماري لوكالة سبوتنيك إن الغارة استهدفت معسكراً.",
            &[("قال", "المسماري", false, "سبوتنيك", Stance::Assert)],
        ),
        (
            "نفى المتحدث باسم الجيش أن تكون قواته قصفت المستشفى.",
            &[("نفى", "المتحدث باسم الجيش", false, "", Stance::Deny)],
        ),
        (
            "وأفادت مصادر عسكرية ميدانية أن العشرات قتلوا في اشتباكات.",
            &[("أفادت", "مصادر عسكرية ميدانية", true, "", Stance::Assert)],
        ),
        (
            "التحقيق أكد أن الغارة الثانية تسببت بمقتل المهاجرين.",
            &[("أكد", "التحقيق", false, "", Stance::Assert)],
        ),
        (
            "قال المسماري، إن عناصرهم لم تستهدف المركز، موضحاً أن الانفجار وقع لاحقا.",
            &[
                ("قال", "المسماري", false, "", Stance::Deny),
                ("موضحاً", "المسماري", false, "", Stance::Assert),
            ],
        ),
        (
            "وأضاف المصدر لمراسل الجزيرة في ليبيا أن الطائرات دمرت آليات.",
            &[("أضاف", "المصدر", true, "الجزيرة", Stance::Assert)],
        ),
        (
            "وتجددت المعارك العنيفة في المدينة، بحسب ما أفاد المرصد.",
            &[("أفاد", "المرصد", false, "", Stance::Assert)],
        ),
        ("هذا ويذكر أن الجيش سيطر على المدينة.", &[]),
        ("وأعرب عن أمله في وقف العدوان وفق ميثاق الأمم المتحدة.", &[]),
        (
            "وأكد المتحدث باسم العملية أمس إحراز تقدم. وأشار إلى أن القوات تتقدم.",
            &[
                ("أكد", "المتحدث باسم العملية", false, "", Stance::Assert),
                ("أشار", "المتحدث باسم العملية", false, "", Stance::Assert),
            ],
        ),
        // Unnamed people and plural bodies are anonymous sources.
        (
            "وقالت سيدة، 20 عاما، إنها فقدت كل شيء.",
            &[("قالت", "سيدة", true, "", Stance::Assert)],
        ),
        (
            "وقالت منظمات حقوقية إن عشرات الأشخاص قتلوا.",
            &[("قالت", "منظمات حقوقية", true, "", Stance::Assert)],
        ),
        // A feminine participle after a feminine noun is its adjective.
        ("وجاء ذلك بعد حملة أمنية مشددة تشنها الشرطة.", &[]),
        // `وهو ما نفاه X` restates a denial.
        (
            "واتهم الرئيس نائبه بالتخطيط لانقلاب، وهو ما نفاه النائب المقال.",
            &[
                ("اتهم", "الرئيس", false, "", Stance::Assert),
                ("نفاه", "النائب المقال", false, "", Stance::Deny),
            ],
        ),
        // ل + an imperfect verb ends the speaker phrase.
        (
            "وسقط عشرة قتلى حسب مدير المرصد ليرتفع بذلك عدد القتلى.",
            &[("حسب", "مدير المرصد", false, "", Stance::Assert)],
        ),
        // `جاء في` a text the article names; not an unnamed joint statement.
        (
            "وجاء في التقرير أن العنف وقع بعد اشتباكات.",
            &[("وجاء في", "التقرير", false, "", Stance::Assert)],
        ),
        ("وجاء في بيان مشترك لهذه الدول أن الهجوم مرفوض.", &[]),
        // `وكانت X قد قالت`: the subject stands between the auxiliary and the verb.
        (
            "وكانت السفارة الأمريكية قد قالت، في بيان الخميس الماضي، إن المعتقلين محتجزون.",
            &[("قالت", "السفارة الأمريكية", false, "", Stance::Assert)],
        ),
        // The one before ب + verbal noun is the accused; a pronoun on the noun too.
        ("وجاء ذلك مع اتهام جبهة النصرة بقتل أحد الشبان.", &[]),
        ("وأقيل بعد اتهامه مع ضباط آخرين بمحاولة انقلاب.", &[]),
        // A source a fact is credited to does not take the floor from the speaker.
        (
            "وقال ليبرمان إن الإيرانيين مضرون. وقتل تسعة مقاتلين، بحسب الجيش. وأضاف: \"لا أعتقد أن كل شيء انتهى\".",
            &[
                ("قال", "ليبرمان", false, "", Stance::Assert),
                ("بحسب", "الجيش", false, "", Stance::Assert),
                ("أضاف", "ليبرمان", false, "", Stance::Assert),
            ],
        ),
        (
            "ونبه المتحدث باسم الجيش إلى أن الطائرات ستقصف المواقع.",
            &[("نبه", "المتحدث باسم الجيش", false, "", Stance::Assert)],
        ),
        // A spokesman inside a document's phrase takes its own link.
        (
            "وقتل جنديان في المعارك الأخيرة، بحسب بيان الناطق باسم القوات المسلحة.",
            &[("بحسب", "بيان الناطق باسم القوات المسلحة", false, "", Stance::Assert)],
        ),
        // A name read as ف + word, a last name word in ا, and an adjunct that a colon
        // closes (`عبر حسابه على تويتر:`); an adverb in ا is no name word.
        (
            "وأضاف فتصوم أرغا عبر حسابه على تويتر: \"أقام رئيس الوزراء عشاء خاصا\".",
            &[("أضاف", "فتصوم أرغا", false, "", Stance::Assert)],
        ),
        (
            "وقال جيمس ماتيس أيضا إن الضربة انتهت.",
            &[("قال", "جيمس ماتيس", false, "", Stance::Assert)],
        ),
        // A demonstrative before the source's noun; a verb right after an indefinite
        // noun describes it (`موقف رسمي يدين`) and makes no claim.
        (
            "وعبرت هذه الأحزاب عن دعمها للشعب، داعية الدولة إلى \"إصدار موقف رسمي يدين هذه الضربة\".",
            &[
                ("عبرت", "هذه الأحزاب", false, "", Stance::Assert),
                ("داعية", "هذه الأحزاب", false, "", Stance::Assert),
            ],
        ),
        // `عبر ... عن` across adjuncts, when the verb opens its clause.
        (
            "وعبرت وزارة الخارجية في بيان لها مساء اليوم، عن تعازيها لأهالي الضحايا.",
            &[("عبرت", "وزارة الخارجية", false, "", Stance::Assert)],
        ),
        // The addressee after the verb (`للصحافيين`, ل + ال left whole) is no speaker.
        (
            "وقال المتحدث إن الوفد وصل. وقال للصحافيين إن المحادثات كانت إيجابية.",
            &[
                ("قال", "المتحدث", false, "", Stance::Assert),
                ("قال", "المتحدث", false, "", Stance::Assert),
            ],
        ),
        // A document issued by its authors (`البيان الصادر عن`).
        (
            "وتشمل تلك المبادئ الحفاظ على الأمن، بحسب البيان الصادر عن الحكومة.",
            &[("بحسب", "البيان الصادر عن الحكومة", false, "", Stance::Assert)],
        ),
        // A verb beginning with ك is not ك + stem; `الأم` is not the particle `أم`.
        (
            "وكشفت الأم أن ابنتها حاولت الانتحار.",
            &[("كشفت", "الأم", false, "", Stance::Assert)],
        ),
        // After التي, a verb with a pronoun has the noun before التي as its object.
        (
            "وقال المتحدث باسم الحركة إن مصر التي اعتبرها بمثابة أم لغزة تدرك متطلبات أمنها.",
            &[
                ("قال", "المتحدث باسم الحركة", false, "", Stance::Assert),
                ("اعتبرها", "المتحدث باسم الحركة", false, "", Stance::Assert),
            ],
        ),
        // More cues: welcome, criticize, conclude.
        (
            "ورحبت وزارة الخارجية بقرار الانسحاب. وانتقد المتحدث باسم الحكومة بشدة هذا القرار.",
            &[
                ("رحبت", "وزارة الخارجية", false, "", Stance::Assert),
                ("انتقد", "المتحدث باسم الحكومة", false, "", Stance::Assert),
            ],
        ),
        // A verb with a pronoun object after an indefinite noun is a relative clause.
        ("وتتزامن المعارك مع هدنة إنسانية أعلنتها روسيا وبدأ تطبيقها الثلاثاء.", &[]),
        // A negation is no indefinite noun: the verb after it keeps its speaker.
        (
            "وكشف البيان عن أسر 33 عنصرا، لكنه لم يكشف عن أسمائهم.",
            &[
                ("كشف", "البيان", false, "", Stance::Assert),
                ("يكشف", "البيان", false, "", Stance::Assert),
            ],
        ),
        // The statement a claim is credited to does not take the floor: the next dropped
        // subject is the claim's own speaker.
        (
            "أدانت وزارة الخارجية بشدة \"التصعيد الخطير\"، وفق بيان صادر اليوم. ثم دعت جميع الأطراف إلى ضبط النفس.",
            &[
                ("أدانت", "وزارة الخارجية", false, "", Stance::Assert),
                ("وفق", "بيان صادر", false, "", Stance::Assert),
                ("دعت", "وزارة الخارجية", false, "", Stance::Assert),
            ],
        ),
        // An institution's name may end with a word after و; a head after و is another
        // speaker.
        (
            "وقال اتحاد منظمات الرعاية الطبية والإغاثة، وهو منظمة خيرية، إن المستشفى قصف.",
            &[(
                "قال",
                "اتحاد منظمات الرعاية الطبية والإغاثة",
                false,
                "",
                Stance::Assert,
            )],
        ),
        // A document with an adjective, then the verb and its pronoun: the issuer speaks.
        (
            "وأصدرت الحكومة بيانا رسميا قالت فيه إن الوضع مستقر.",
            &[("قالت", "الحكومة", false, "", Stance::Assert)],
        ),
        // An unnamed source takes no bare name after it: the words after it are the content.
        (
            "وأكد المسؤولون وصول مئات من الجنود إلى عدن.",
            &[("أكد", "المسؤولون", true, "", Stance::Assert)],
        ),
        // `اعترف` states only with a content marker (`يعترف بها`: recognizes), or told in
        // a document.
        ("وتحكم البلاد حكومة يعترف بها المجتمع الدولي.", &[]),
        (
            "وأصدر الجنود بيانا اعترفوا فيه بمسؤوليتهم عن الهجوم.",
            &[("اعترفوا", "الجنود", true, "", Stance::Assert)],
        ),
        // An imperfect verb after a preposition is no verbal noun.
        ("وتتعامل السلطات بقوة مع من ينتقد عملية عفرين.", &[]),
        // `إلى` opens the content of `خلص`, after an adjunct too.
        (
            "وخلصت اللجنة، في تقريرها، إلى مسؤولية الحكومة عن الهجوم.",
            &[("خلصت", "اللجنة", false, "", Stance::Assert)],
        ),
        // `قوله` after a transmitted source is not part of the speaker.
        (
            "ونقلت الصحيفة عن مسؤول عسكري قوله إن القوات انسحبت.",
            &[("نقلت", "مسؤول عسكري", true, "الصحيفة", Stance::Assert)],
        ),
        // The antecedent of a relative pronoun is the whole phrase it ends.
        (
            "وكان وزير الخارجية الذي أكد أن بلاده لن تتدخل قد وصل إلى الرياض.",
            &[("أكد", "وزير الخارجية", false, "", Stance::Assert)],
        ),
        // A relative clause with a cue of its own, set off by commas after the speaker, is
        // its own claim; the main verb's content follows it.
        (
            "وقالت الأمم المتحدة، التي أكدت أن القوات ارتكبت انتهاكات، إن التحقيق مستمر.",
            &[
                ("قالت", "الأمم المتحدة", false, "", Stance::Assert),
                ("أكدت", "الأمم المتحدة", false, "", Stance::Assert),
            ],
        ),
        // A verb with a pronoun object names its subject after it; a noun with a pronoun
        // of its own after a verb with none is the verb's object.
        (
            "وعاد المشير، الذي يتهمه خصومه بأنه يرغب في إقامة نظام عسكري.",
            &[("يتهمه", "خصومه", true, "", Stance::Assert)],
        ),
        (
            "وقال الرئيس إن القتال سياسي، واتهم خصومه بالعمالة لآخرين.",
            &[
                ("قال", "الرئيس", false, "", Stance::Assert),
                ("اتهم", "الرئيس", false, "", Stance::Assert),
            ],
        ),
        // A verb after a quotation has closed is no quoted word: it opens its own claim.
        (
            "وحذرت الحكومة من \"تداعيات خطرة\" إذا تعرضت البلاد لضربة عسكرية تهدد دول غربية بتوجيهها.",
            &[
                ("حذرت", "الحكومة", false, "", Stance::Assert),
                ("تهدد", "دول غربية", true, "", Stance::Assert),
            ],
        ),
        // After `وفق ما` a verb with ما's pronoun takes any phrase after it as subject.
        (
            "وقتل الرجل بعد تهديدات عدة أطلقها، وفق ما ذكرته مواقع إخبارية محلية.",
            &[("ذكرته", "مواقع إخبارية محلية", true, "", Stance::Assert)],
        ),
        // A quoted name ends before an indefinite word, the verb's object.
        (
            "وأدانت منظمة \"العفو\" أعمال العنف، قائلة إن 18 شخصا قتلوا.",
            &[
                ("أدانت", "منظمة \"العفو\"", false, "", Stance::Assert),
                ("قائلة", "منظمة \"العفو\"", false, "", Stance::Assert),
            ],
        ),
        (
            "وقالت خدمات الطوارئ إن ثلاثة أشخاص قتلوا.",
            &[("قالت", "خدمات الطوارئ", false, "", Stance::Assert)],
        ),
        // `حسب ما أفاد به X`: the pronoun of ما stands between the verb and its subject.
        (
            "وأصيب 67 شخصا بعد اشتباكات عنيفة، حسب ما أفاد به مدير المستشفى.",
            &[("أفاد", "مدير المستشفى", false, "", Stance::Assert)],
        ),
        // A strict verb's content may follow an adjunct of its own and `قائلا`.
        (
            "وتابع ليبرمان، متوجها إلى الأسد، قائلا إن الإيرانيين لا يساعدونه.",
            &[("تابع", "ليبرمان", false, "", Stance::Assert)],
        ),
        // ... or the verb's own object (`علّق على`); a verb that is no reporting verb
        // leaves `قائلا` a claim of its own.
        (
            "وعلّق جنبلاط على القرار قائلا إن الإدارة الأمريكية تسير إلى التطرف.",
            &[("علّق", "جنبلاط", false, "", Stance::Assert)],
        ),
        (
            "وأدانت المنظمة أعمال العنف، قائلة إن 18 من القتلى مدنيون.",
            &[
                ("أدانت", "المنظمة", false, "", Stance::Assert),
                ("قائلة", "المنظمة", false, "", Stance::Assert),
            ],
        ),
        // A connective of several words opens a sibling claim inside another's content.
        (
            "وقال شهود إن قصفا وقع، في وقت أهابت وزارة الصحة بالأطباء الالتحاق بمستشفياتهم.",
            &[
                ("قال", "شهود", true, "", Stance::Assert),
                ("أهابت", "وزارة الصحة", false, "", Stance::Assert),
            ],
        ),
        // A participle with other senses needs its content marker (`معلقا على الأشجار`).
        ("وكان أحدهم مشنوقا ومعلقا على الأشجار.", &[]),
        // A relative speaks as himself: the kin noun heads the speaker (`أم`, `أخ`, `زوج`).
        (
            "وتقول أم الضحية إن ابنتها كانت في صحة جيدة.",
            &[("تقول", "أم الضحية", false, "", Stance::Assert)],
        ),
        // A plural verb's subject stands before it.
        (
            "وكان مسؤولون روس قالوا للصحافيين إن مدنيين قتلوا.",
            &[("قالوا", "مسؤولون روس", true, "", Stance::Assert)],
        ),
    ];

    #[test]
    fn claims_table() {
        let (stage, issues) = Attributor::load(&Source::embedded());
        assert!(issues.is_empty(), "{issues:?}");
        let an = Analyzer::default();
        for (text, want) in CASES {
            let mut doc = an.analyze_text(text);
            stage.run(&mut doc).unwrap();
            let got: Vec<(String, String, bool, String, Stance)> = doc
                .claims
                .iter()
                .map(|c| {
                    (
                        c.cue.clone(),
                        c.speaker
                            .as_ref()
                            .map(|s| s.text.clone())
                            .unwrap_or_default(),
                        c.anonymous,
                        c.via.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                        c.stance,
                    )
                })
                .collect();
            let want: Vec<(String, String, bool, String, Stance)> = want
                .iter()
                .map(|(c, s, a, v, st)| (c.to_string(), s.to_string(), *a, v.to_string(), *st))
                .collect();
            assert_eq!(got, want, "help: claims of {text:?}");
            for c in &doc.claims {
                let content = c.content.expect("content");
                assert!(
                    content.end <= doc.len() && c.start < c.end,
                    "help: spans of {text:?}"
                );
                assert!(
                    c.why.to_string().contains("lexicon:cues/reporting.tsv:"),
                    "help: why of {text:?}"
                );
            }
        }
    }

    /// Texts cut right after a cue or its complementiser once indexed past the last token.
    #[test]
    fn texts_ending_at_a_cue_do_not_panic() {
        let (stage, _) = Attributor::load(&Source::embedded());
        let an = Analyzer::default();
        for text in [
            "وقال المسماري إن",
            "قال أن",
            "أكد",
            "نقلت وكالة سبوتنيك عن",
            "بحسب",
            "وأضاف:",
        ] {
            let mut doc = an.analyze_text(text);
            stage.run(&mut doc).unwrap();
            for c in &doc.claims {
                assert!(c.end <= doc.len(), "help: claim span of {text:?}");
            }
        }
    }

    #[test]
    fn outlet_voice_when_the_outlet_is_known() {
        let (stage, _) = Attributor::load(&Source::embedded());
        let mut doc = Analyzer::default().analyze_text("قصفت الطائرات المدينة.");
        doc.outlet = Some("BBC Arabic".to_string());
        stage.run(&mut doc).unwrap();
        assert!(doc.claims.is_empty(), "help: no reporting cue, no claim");
        let c = doc.voice.as_ref().expect("outlet voice");
        assert_eq!(c.voice.as_deref(), Some("outlet"));
        assert_eq!(c.id, "C0");
        assert_eq!(c.speaker.as_ref().unwrap().text, "BBC Arabic");
        assert_eq!((c.start, c.end), (0, doc.len()));
    }

    #[test]
    fn a_relative_aside_and_the_main_claim_keep_their_own_contents() {
        let (stage, _) = Attributor::load(&Source::embedded());
        let mut doc = Analyzer::default().analyze_text(
            "وقالت الأمم المتحدة، التي أكدت أن القوات ارتكبت انتهاكات، إن التحقيق مستمر.",
        );
        stage.run(&mut doc).unwrap();
        let contents: Vec<&str> = doc
            .claims
            .iter()
            .map(|c| doc.text(c.content.expect("content")))
            .collect();
        assert_eq!(contents, ["التحقيق مستمر", "القوات ارتكبت انتهاكات"]);
    }

    #[test]
    fn nested_claim_points_to_its_outer_claim() {
        let (stage, _) = Attributor::load(&Source::embedded());
        let mut doc = Analyzer::default()
            .analyze_text("وقال المتحدث إن مصادر ميدانية أكدت أن القوات انسحبت من المدينة.");
        stage.run(&mut doc).unwrap();
        assert_eq!(doc.claims.len(), 2, "{:?}", doc.claims);
        assert_eq!(
            doc.claims[1].within.as_deref(),
            Some(doc.claims[0].id.as_str())
        );
        assert!(doc.claims[1].anonymous);
    }
}
