//! The attribution lexicons under `lexicons/cues/`, loaded and checked.

use rasd_lexicon::{Issue, Source};
use rasd_model::{Modality, Stance, Why};
use rasd_text::Analyzer;

use crate::words::{table, variants, Classes, Phrases};

/// Reporting cues: `cues/reporting.tsv`.
pub const REPORTING: &str = "cues/reporting.tsv";
/// Speaker heads: `cues/sources.tsv`.
pub const SOURCES: &str = "cues/sources.tsv";
/// Outlet-introducing patterns: `cues/outlets.tsv`.
pub const OUTLETS: &str = "cues/outlets.tsv";
/// Function words by class: `cues/particles.tsv`.
pub const PARTICLES: &str = "cues/particles.tsv";
/// Negation cues: `cues/negation.tsv`.
pub const NEGATION: &str = "cues/negation.tsv";
/// Modality cues: `cues/modality.tsv`.
pub const MODALITY: &str = "cues/modality.tsv";
/// Given names: `ner/given_names.tsv`.
pub const GIVEN_NAMES: &str = "ner/given_names.tsv";

/// How a cue finds its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A finite verb: the speaker is its subject.
    Verb,
    /// A circumstantial participle: the speaker of the claim it follows.
    Participle,
    /// A verbal noun: the speaker is its agent.
    Masdar,
    /// A preposition-like cue (`بحسب`): the speaker follows.
    Prep,
    /// `نقل X عن Y`: X is the outlet, Y the speaker.
    Transmit,
    /// `على حد زعمه`: attaches to the current claim.
    Tag,
    /// `يذكر أن`: the outlet's own voice.
    Impersonal,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "verb" => CueKind::Verb,
            "participle" => CueKind::Participle,
            "masdar" => CueKind::Masdar,
            "prep" => CueKind::Prep,
            "transmit" => CueKind::Transmit,
            "tag" => CueKind::Tag,
            "impersonal" => CueKind::Impersonal,
            _ => return None,
        })
    }
}

/// One row of the reporting cues.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Stable id.
    pub id: Box<str>,
    /// How the speaker is found.
    pub kind: CueKind,
    /// Assert or deny.
    pub stance: Stance,
    /// Takes an object: the speaker is one noun phrase.
    pub obj: bool,
    /// Needs `عن` after the speaker.
    pub an: bool,
    /// Needs a content marker right after the speaker.
    pub strict: bool,
    /// With `strict`, a ب phrase within a few words after the speaker also makes it a
    /// statement (`هدد بالانسحاب`), where a bare object does not (`يهدد حياة المدنيين`:
    /// endangers).
    pub bi: bool,
    /// `إلى` right after the speaker opens the content (`خلص إلى وجود أخطاء`).
    pub ila: bool,
    /// Right after من it labels people rather than reporting a statement (`لمن وصفهم
    /// بـ"الميليشيات"`).
    pub label: bool,
    /// As a verbal noun its author may follow ل (`النفي المتكرر للمتحدث باسمه`).
    pub li: bool,
    /// With `strict`, one of these words (folded, without the article) within a few words
    /// after the speaker also makes it a statement (`with=مسؤولية`: `حمل الأهالي الحوثيين
    /// المسؤولية`, where `حمل السلاح` is "carried").
    pub with: Vec<Box<str>>,
    /// The row.
    pub why: Why,
}

impl Cue {
    /// Whether it is the participle of saying (`قائلا`, `بقوله`, row `say.part`): it
    /// hands the content to the verb before it.
    pub fn says(&self) -> bool {
        self.id.starts_with("say.part")
    }
}

/// What kind of source a speaker head names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceClass {
    /// Unnamed (`مصادر`).
    Anonymous,
    /// A person's title.
    Title,
    /// A spokesperson of whoever `باسم X` names.
    Spokesman,
    /// An institution or force.
    Body,
    /// A text speaking for its author.
    Document,
    /// A news outlet noun.
    Outlet,
}

impl SourceClass {
    fn parse(s: &str) -> Option<SourceClass> {
        Some(match s {
            "anonymous" => SourceClass::Anonymous,
            "title" => SourceClass::Title,
            "spokesman" => SourceClass::Spokesman,
            "body" => SourceClass::Body,
            "document" => SourceClass::Document,
            "outlet" => SourceClass::Outlet,
            _ => return None,
        })
    }
}

/// One row of the speaker heads.
#[derive(Clone, Debug)]
pub struct SourceHead {
    /// Stable id (shared by the forms of one head, so back-references can match).
    pub id: Box<str>,
    /// What it names.
    pub class: SourceClass,
    /// Folded words that may continue the phrase.
    pub takes: Vec<Box<str>>,
    /// Whether its bare definite form refers back.
    pub anaphoric: bool,
    /// For a head whose holder acts for someone (spokesman, adviser): lower-case words of
    /// a lexicon person's English role that mark the holder himself.
    pub serves: Vec<Box<str>>,
    /// The row.
    pub why: Why,
}

/// A modality cue.
#[derive(Clone, Debug)]
pub struct ModalCue {
    /// Expected or possible.
    pub modality: Modality,
    /// How many tokens before a trigger it may stand.
    pub window: u8,
    /// Whether it is modal only before an imperfect verb (`قد تستهدف`: may strike;
    /// `قد استعادت`, `كانت قد دعت`: has, had).
    pub imperfect: bool,
    /// The row.
    pub why: Why,
}

/// Every lexicon of the attribute stage (the events stage reuses particles, negation
/// and modality).
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    /// Reporting cues.
    pub cues: Phrases<Cue>,
    /// Speaker heads.
    pub sources: Phrases<SourceHead>,
    /// Outlet nouns (`noun`) and frames (`frame`).
    pub outlets: Classes,
    /// Function words.
    pub particles: Classes,
    /// Negation cues.
    pub negation: Classes,
    /// Modality cues.
    pub modality: Phrases<ModalCue>,
    /// Folded given names (`ner/given_names.tsv`, shared with the recognizer): a bare
    /// word before a name the recognizer found alone is its first name only if listed.
    pub given: std::collections::HashSet<String>,
}

impl Lexicons {
    /// Load every file; bad rows are reported and skipped.
    pub fn load(src: &Source, an: &Analyzer) -> (Lexicons, Vec<Issue>) {
        let mut issues = Vec::new();
        let mut lx = Lexicons::default();

        let mut t = table(src, REPORTING, &mut issues);
        t.require(&["id", "forms", "kind", "stance"]);
        t.check_unique("id");
        let mut bad = Vec::new();
        for r in &t.rows {
            let kind = t.get(r, "kind").and_then(CueKind::parse);
            let stance = match t.get(r, "stance") {
                Some("assert") => Some(Stance::Assert),
                Some("deny") => Some(Stance::Deny),
                _ => None,
            };
            let (Some(id), Some(kind), Some(stance)) = (t.get(r, "id"), kind, stance) else {
                bad.push((
                    r.line,
                    "needs an id, a known kind and stance assert|deny".to_string(),
                ));
                continue;
            };
            let frame = t.list(r, "frame");
            let with: Vec<Box<str>> = frame
                .iter()
                .filter_map(|f| f.strip_prefix("with="))
                .map(|w| an.fold(w).into_boxed_str())
                .collect();
            if let Some(f) = frame.iter().find(|f| {
                !(matches!(**f, "obj" | "an" | "strict" | "ila" | "bi" | "label" | "li")
                    || f.strip_prefix("with=").is_some_and(|w| !w.is_empty()))
            }) {
                bad.push((r.line, format!("unknown frame `{f}`")));
            }
            let cue = Cue {
                id: id.into(),
                kind,
                stance,
                obj: frame.contains(&"obj"),
                an: frame.contains(&"an"),
                strict: frame.contains(&"strict"),
                bi: frame.contains(&"bi"),
                ila: frame.contains(&"ila"),
                label: frame.contains(&"label"),
                li: frame.contains(&"li"),
                with,
                why: r.why(&t),
            };
            let forms = variants(an, &t, r, "forms");
            if forms.is_empty() {
                bad.push((r.line, "empty `forms`".to_string()));
            }
            // The silent alif of a plural verb is often dropped (`أفادو أنهم`); not for a
            // verb whose last root letter is weak (`ادعى`: `ادعوا`, but `أدعو` is "I call").
            let dropped: Vec<String> = if kind == CueKind::Verb {
                forms
                    .iter()
                    .filter_map(|f| f.strip_suffix("وا"))
                    .filter(|stem| {
                        stem.chars().count() >= 3
                            && !["ى", "ي", "ا"]
                                .iter()
                                .any(|w| forms.contains(&format!("{stem}{w}")))
                    })
                    .map(|stem| format!("{stem}و"))
                    .collect()
            } else {
                Vec::new()
            };
            for f in forms.into_iter().chain(dropped) {
                lx.cues.insert(&f, cue.clone());
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let mut t = table(src, SOURCES, &mut issues);
        t.require(&["id", "forms", "class"]);
        t.check_unique("id");
        for r in &t.rows {
            let (Some(id), Some(class)) = (
                t.get(r, "id"),
                t.get(r, "class").and_then(SourceClass::parse),
            ) else {
                bad.push((r.line, "needs an id and a known class".to_string()));
                continue;
            };
            let head = SourceHead {
                id: id.into(),
                class,
                takes: variants(an, &t, r, "takes")
                    .into_iter()
                    .map(Box::from)
                    .collect(),
                anaphoric: t.get(r, "anaphoric") == Some("yes"),
                serves: t
                    .list(r, "serves")
                    .iter()
                    .map(|w| Box::from(w.to_lowercase().as_str()))
                    .collect(),
                why: r.why(&t),
            };
            for f in variants(an, &t, r, "forms") {
                lx.sources.insert(&f, head.clone());
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let (c, mut i) = Classes::load(an, table(src, OUTLETS, &mut issues), &["noun", "frame"]);
        lx.outlets = c;
        issues.append(&mut i);
        let (c, mut i) = Classes::load(
            an,
            table(src, PARTICLES, &mut issues),
            &[
                "comp", "prep", "adv", "rel", "conj", "pron", "dem", "aux", "said",
            ],
        );
        lx.particles = c;
        issues.append(&mut i);
        let (c, mut i) = Classes::load(
            an,
            table(src, NEGATION, &mut issues),
            &[
                "past", "copula", "present", "future", "noun", "deny", "idiom",
            ],
        );
        lx.negation = c;
        issues.append(&mut i);

        let mut t = table(src, MODALITY, &mut issues);
        t.require(&["forms", "modality", "window"]);
        for r in &t.rows {
            let modality = match t.get(r, "modality") {
                Some("expected") => Modality::Expected,
                Some("possible") => Modality::Possible,
                _ => {
                    bad.push((r.line, "modality must be expected or possible".to_string()));
                    continue;
                }
            };
            let Some(window) = t.get(r, "window").and_then(|w| w.parse::<u8>().ok()) else {
                bad.push((r.line, "window must be a small number".to_string()));
                continue;
            };
            let imperfect = match t.get(r, "before") {
                None => false,
                Some("imperfect") => true,
                Some(_) => {
                    bad.push((r.line, "before must be imperfect or empty".to_string()));
                    continue;
                }
            };
            let m = ModalCue {
                modality,
                window,
                imperfect,
                why: r.why(&t),
            };
            for f in variants(an, &t, r, "forms") {
                lx.modality.insert(&f, m.clone());
            }
        }
        for (l, m) in bad.drain(..) {
            t.issue(l, m);
        }
        issues.append(&mut t.issues);

        let mut t = table(src, GIVEN_NAMES, &mut issues);
        t.require(&["form"]);
        lx.given = t
            .rows
            .iter()
            .filter_map(|r| t.get(r, "form"))
            .map(|f| an.fold(f))
            .collect();
        issues.append(&mut t.issues);
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
        assert!(lx.cues.len() > 100);
        assert!(lx.sources.len() > 50);
    }

    #[test]
    fn bad_rows_are_reported_not_fatal() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("cues")).unwrap();
        std::fs::write(
            d.path().join(REPORTING),
            "id\tforms\tkind\tstance\tframe\nsay\tقال\tverb\tassert\t\nx\ty\tnoun\tassert\t\n",
        )
        .unwrap();
        let (lx, issues) = Lexicons::load(&Source::with_dir(d.path()), &Analyzer::default());
        assert_eq!(lx.cues.len(), 1);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].line, 3);
    }
}
