//! rasd's recognize stage: finds the people, organisations, armed groups, states, places,
//! facilities and media outlets an article names, and links each mention to a record.
//!
//! [`EntityRecognizer`] loads the editable lexicons (`actors/`, `places/`, `outlets/`;
//! see `lexicons/README.md`), checks them ([`EntityRecognizer::load`] returns every bad
//! row), and on each [`Doc`] fills `doc.entities` and `doc.refs`:
//! - [`matcher`]: hash lookups over the token-joined folded text, clitics checked at
//!   token boundaries (`لحفتر`, `بطرابلس`, `للأمم المتحدة`), longest match first;
//! - [`resolve`]: names that are also ordinary words fire only with evidence, homonyms
//!   (طرابلس) are chosen by the document's other places and states, titles before a
//!   person become its `role`, and every mention of one entry shares its `ref`;
//! - [`local`]: names only the statistical [`tagger`] finds get a type from the words
//!   around them and a document-local record named after their longest mention.
//!
//! A mention's span leaves attached particles (و ف ب ل ك) out and keeps the article:
//! `لحفتر` gives `حفتر`, `بالعزيزية` gives `العزيزية`; where the article is merged into a
//! preposition (`للأمم المتحدة`) the whole token is kept, since no code-point span holds
//! the name alone. This crate neither tokenizes (that is `rasd-text`) nor decides who did
//! what (`rasd-events`).
//!
//! ```
//! use rasd_lexicon::Source;
//! use rasd_recognize::EntityRecognizer;
//! use rasd_text::Analyzer;
//! let (rec, _issues) = EntityRecognizer::load(&Source::embedded());
//! let mut doc = Analyzer::default().analyze_text("قصفت قوات حفتر مركز إيواء المهاجرين بتاجوراء شرق طرابلس.");
//! rec.run(&mut doc).unwrap();
//! let refs: Vec<&str> = doc.entities.iter().filter_map(|e| e.reference.as_deref()).collect();
//! assert!(refs.contains(&"khalifa-haftar") && refs.contains(&"tajoura-detention-ly"));
//! assert!(refs.contains(&"tripoli-ly"));
//! assert_eq!(doc.refs["tripoli-ly"].country.as_deref(), Some("LY"));
//! ```
#![warn(missing_docs)]

mod error;
pub mod lexicon;
pub mod local;
pub mod matcher;
pub mod resolve;
pub mod tagger;

pub use error::{Error, Result};

use rasd_lexicon::{Issue, Source};
use rasd_model::{Doc, EntityType, Span};
use rasd_text::Analyzer;

use crate::lexicon::Lexicon;
use crate::matcher::{Joined, Matcher};
use crate::tagger::Tagger;

/// The recognize stage.
pub struct EntityRecognizer {
    lexicon: Lexicon,
    matcher: Matcher,
    analyzer: Analyzer,
    tagger: Option<Tagger>,
}

impl std::fmt::Debug for EntityRecognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityRecognizer")
            .field("entries", &self.lexicon.entries.len())
            .field("forms", &self.lexicon.forms.len())
            .field("tagger", &self.tagger.is_some())
            .finish()
    }
}

impl EntityRecognizer {
    /// Build from lexicons, with the statistical tagger; problems in the lexicons are
    /// returned, never fatal.
    pub fn load(src: &Source) -> (EntityRecognizer, Vec<Issue>) {
        EntityRecognizer::load_with(src, true)
    }

    /// Build from lexicons, with or without the statistical tagger (preset `no-tagger`).
    pub fn load_with(src: &Source, tagger: bool) -> (EntityRecognizer, Vec<Issue>) {
        let (analyzer, mut issues) = Analyzer::load(src);
        issues.clear(); // the text stage reports its own lexicon's problems
        let (lexicon, mut i) = Lexicon::load(src, &analyzer);
        issues.append(&mut i);
        let matcher = Matcher::new(&lexicon);
        let tagger = tagger.then(|| {
            let (t, mut i) = Tagger::load(src);
            issues.append(&mut i);
            t
        });
        (
            EntityRecognizer {
                lexicon,
                matcher,
                analyzer,
                tagger,
            },
            issues,
        )
    }

    /// The loaded lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Add this stage's layer to `doc` (analyzing it first if the text stage has not).
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        if doc.tokens.is_empty() && !doc.body.is_empty() {
            self.analyzer.analyze(doc);
        }
        let joined = Joined::new(doc);
        let cands = self.matcher.find(doc, &joined);
        let (ms, ctx) = resolve::mentions(&self.lexicon, doc, &cands);
        resolve::emit(&self.lexicon, doc, &ms);
        let rules = local::Rules::find(&self.lexicon, doc);
        let (tagged, model) = match &self.tagger {
            Some(t) => (t.tag(doc), Some(t.why())),
            None => (Vec::new(), None),
        };
        local::add(
            &self.lexicon,
            doc,
            &ctx,
            &ms,
            &tagged,
            model.as_ref(),
            &rules,
        );
        hashtag_starts(doc);
        doc.entities
            .sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        for (i, e) in doc.entities.iter_mut().enumerate() {
            e.id = entity_id(i + 1);
        }
        titled_aliases(doc);
        Ok(())
    }
}

/// A mention that runs over a hashtag's mark (`عمر #البشير`, `محافظة #تعز`) starts at the
/// hashtag: the author marked the name there, and the text stage reads past the mark. A
/// facility keeps its head word (`ميناء #الحديدة` is the port, not the city).
fn hashtag_starts(doc: &mut Doc) {
    if !doc.body.contains('#') {
        return;
    }
    let mut cut: Vec<(usize, u32)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.etype == EntityType::FAC {
            continue;
        }
        let text = doc.text(e.span());
        if let Some(at) = text.rfind('#') {
            let start = doc.chars().char_of_byte(doc.chars().byte(e.start) + at + 1);
            if start < e.end {
                cut.push((i, start));
            }
        }
    }
    for (i, start) in cut {
        let span = Span::new(start, doc.entities[i].end);
        doc.entities[i].text = doc.text(span).to_string();
        doc.entities[i].start = start;
    }
}

/// Record on each ref the forms with a title in front (`وزير الخارجية الروسي سيرغي
/// لافروف`): the title and the name as the body writes them, from the title's start to
/// the name's end.
fn titled_aliases(doc: &mut Doc) {
    let mut found: Vec<(String, String)> = Vec::new();
    for e in &doc.entities {
        let (Some(role), Some(key)) = (e.role.as_deref(), e.reference.as_deref()) else {
            continue;
        };
        let width = role.chars().count() as u32 + 3;
        let before = Span::new(e.start.saturating_sub(width), e.start);
        let Some(at) = doc.text(before).rfind(role) else {
            continue;
        };
        let byte = doc.chars().byte(before.start) + at;
        let start = doc.chars().char_of_byte(byte);
        // A title reaching over another name is someone else's (`الرئيس دونالد ترامب
        // ورئيسة الوزراء البريطانية تيريزا ماي`).
        let other = doc
            .entities
            .iter()
            .any(|o| o.etype == EntityType::PER && o.start >= start && o.start < e.start);
        if !other {
            found.push((
                key.to_string(),
                doc.text(Span::new(start, e.end)).to_string(),
            ));
        }
    }
    for (key, form) in found {
        if let Some(r) = doc.refs.get_mut(&key) {
            if !r.aliases.contains(&form) {
                r.aliases.push(form);
            }
        }
    }
}

/// Start loading the cache line holding `*p`, without waiting for it.
#[inline(always)]
pub(crate) fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing the program sees and cannot fault,
    // and SSE, which it needs, is part of every x86-64 processor.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((p as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `E<n>`, without the formatting machinery (one call per mention adds up).
fn entity_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let (mut i, mut n) = (digits.len(), n);
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - i);
    id.push('E');
    id.extend(digits[i..].iter().map(|&d| d as char));
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_model::EntityType;

    fn rec() -> &'static EntityRecognizer {
        static R: std::sync::OnceLock<EntityRecognizer> = std::sync::OnceLock::new();
        R.get_or_init(|| EntityRecognizer::load_with(&Source::embedded(), false).0)
    }

    /// (text, mention text, ref, type) rows: the mention must be found with that ref.
    macro_rules! test_mentions {
        ($($text:literal => $mention:literal, $reference:literal, $ty:ident;)+) => {{
            $(
                let mut doc = Analyzer::default().analyze_text($text);
                rec().run(&mut doc).unwrap();
                let found = doc.entities.iter().find(|e| e.text == $mention);
                let got: Vec<(&str, Option<&str>)> =
                    doc.entities.iter().map(|e| (e.text.as_str(), e.reference.as_deref())).collect();
                let e = found.unwrap_or_else(|| panic!("help: {:?} not found in {:?}: {got:?}", $mention, $text));
                assert_eq!(e.reference.as_deref(), Some($reference), "help: ref of {:?} in {:?}", $mention, $text);
                assert_eq!(e.etype, EntityType::$ty, "help: type of {:?} in {:?}", $mention, $text);
                assert_eq!(doc.text(e.span()), e.text, "help: text is the body slice");
            )+
        }};
    }

    #[test]
    fn clitics_and_longest_match() {
        test_mentions!(
            "الطيران الداعم لحفتر قصف المدينة" => "حفتر", "khalifa-haftar", PER;
            "وصل الوفد بطرابلس أمس قادما من مصراتة" => "طرابلس", "tripoli-ly", LOC;
            "قال الأمين العام للأمم المتحدة إن" => "للأمم المتحدة", "un", ORG;
            "دعا مجلس الأمن الدولي إلى وقف" => "مجلس الأمن الدولي", "unsc", ORG;
            "اشتباكات في محيط قاعدة الوطية الجوية" => "قاعدة الوطية الجوية", "watiya-ly", FAC;
            "وقعت اشتباكات بالعزيزية جنوب طرابلس" => "العزيزية", "aziziya-ly", LOC;
            "وقصفت القوات وبنغازي" => "بنغازي", "benghazi-ly", LOC;
            "نقلت وكالة سبوتنيك الروسية عن مصدر" => "وكالة سبوتنيك", "sputnik", OUTLET;
            "قال لسبوتنيك إن" => "سبوتنيك", "sputnik", OUTLET;
            "وأضاف المصدر لمراسل الجزيرة أن" => "الجزيرة", "al-jazeera", OUTLET;
            "قال مسؤولون مصريون إن" => "مصريون", "egypt", GPE;
        );
    }

    #[test]
    fn hashtag_names() {
        let mut doc = Analyzer::default().analyze_text("أكد الرئيس عمر #البشير في #الخرطوم");
        rec().run(&mut doc).unwrap();
        let got: Vec<(&str, Option<&str>)> = doc
            .entities
            .iter()
            .map(|e| (e.text.as_str(), e.reference.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("البشير", Some("omar-bashir")),
                ("الخرطوم", Some("khartoum-sd"))
            ]
        );
        let mut doc = Analyzer::default().analyze_text("وبحث الرئيس التركي رجب طيب #أردوغان الأزمة");
        rec().run(&mut doc).unwrap();
        let people: Vec<(&str, Option<&str>)> = doc
            .entities
            .iter()
            .filter(|e| e.etype == EntityType::PER)
            .map(|e| (e.text.as_str(), e.reference.as_deref()))
            .collect();
        assert_eq!(people, [("أردوغان", Some("recep-tayyip-erdogan"))]);
    }

    #[test]
    fn titled_forms_are_ref_aliases() {
        let mut doc = Analyzer::default()
            .analyze_text("وحذر وزير الخارجية الروسي سيرغي لافروف واشنطن من الرد");
        rec().run(&mut doc).unwrap();
        let r = &doc.refs["sergei-lavrov"];
        assert_eq!(
            r.aliases,
            vec!["وزير الخارجية الروسي سيرغي لافروف".to_string()]
        );
        let mut doc = Analyzer::default()
            .analyze_text("التقى الرئيس دونالد ترامب ورئيسة الوزراء تيريزا ماي في لندن");
        rec().run(&mut doc).unwrap();
        let may: Vec<&str> = doc
            .refs
            .values()
            .filter(|r| r.name.contains("ماي"))
            .flat_map(|r| r.aliases.iter().map(String::as_str))
            .collect();
        assert_eq!(may, ["رئيسة الوزراء تيريزا ماي"], "help: {:?}", doc.refs);
        let mut doc = Analyzer::default().analyze_text("اجتمع السراج والمشير خليفة حفتر");
        rec().run(&mut doc).unwrap();
        let roles: Vec<_> = doc
            .entities
            .iter()
            .filter_map(|e| e.role.as_deref())
            .collect();
        assert_eq!(
            roles,
            ["المشير"],
            "help: a conjunction is not part of the title"
        );
    }

    #[test]
    fn neighbouring_capitals_and_state_bodies() {
        test_mentions!(
            "أطلق الحوثيون صاروخا باتجاه الرياض" => "الرياض", "riyadh-sa", LOC;
            "وصل الوفد إلى الدوحة أمس" => "الدوحة", "doha-qa", LOC;
            "اشتباكات في الناصرية جنوب العراق" => "الناصرية", "nasiriyah-iq", LOC;
            "بث التلفزيون السوري صورا من المدينة" => "التلفزيون السوري", "syria-state-tv", OUTLET;
            "ذكرت وكالة الأنباء السورية الرسمية (سانا) أن" => "سانا", "sana", OUTLET;
            "وانتشرت وحدات من الحرس الجمهوري في صنعاء" => "الحرس الجمهوري", "yemen-republican-guard", GROUP;
            "اعترض الدفاع الجوي السعودي صاروخا" => "الدفاع الجوي السعودي", "saudi-arabia-air-defence", GROUP;
        );
    }

    #[test]
    fn homonyms_follow_the_document() {
        test_mentions!(
            "قصفت قوات حفتر أحياء في طرابلس وترهونة" => "طرابلس", "tripoli-ly", LOC;
            "اشتباكات في طرابلس شمال لبنان قرب بيروت وعكار" => "طرابلس", "tripoli-lb", LOC;
        );
        let mut doc = Analyzer::default().analyze_text("اشتباكات في طرابلس شمال لبنان قرب بيروت");
        rec().run(&mut doc).unwrap();
        let e = doc.entities.iter().find(|e| e.text == "طرابلس").unwrap();
        assert!(
            e.why.to_string().contains("homonym:tripoli-lb"),
            "help: the choice is recorded: {}",
            e.why
        );
    }

    #[test]
    fn weak_names_need_evidence() {
        let cases: &[(&str, &str, bool)] = &[
            ("وصل فائز السراج إلى روما حيث قال السراج إن", "السراج", true),
            ("أضاء السراج الغرفة", "السراج", false),
            ("بثت قناة العربية مقابلة", "قناة العربية", true),
            ("باللغة العربية الفصحى", "العربية", false),
            ("قالت الحكومة إن", "الحكومة", false),
            ("تعمل الحكومة الجديدة", "الجديدة", false),
            ("بثت قناة \"المسيرة\" لقطات", "المسيرة", true),
            ("شنت غارات على مواقع في محافظة #الجوف", "الجوف", true),
            ("قتل مدنيون في ريف مدينة حلب", "مدينة", false),
            ("وصف الشيخ حمد بن جاسم الهجوم", "جاسم", false),
        ];
        for (text, mention, expected) in cases {
            let mut doc = Analyzer::default().analyze_text(text);
            rec().run(&mut doc).unwrap();
            let n = doc.entities.iter().filter(|e| e.text == *mention).count();
            assert_eq!(
                n > 0,
                *expected,
                "help: {mention:?} in {text:?}: {:?}",
                doc.entities
            );
        }
    }

    #[test]
    fn roles_and_spokespeople() {
        let mut doc = Analyzer::default()
            .analyze_text("وقال الناطق الرسمي باسم الجيش الوطني الليبي أحمد المسماري إن اللواء المتقاعد خليفة حفتر أمر بالهجوم.");
        rec().run(&mut doc).unwrap();
        let m = doc
            .entities
            .iter()
            .find(|e| e.reference.as_deref() == Some("ahmed-mismari"))
            .unwrap();
        assert_eq!(
            m.role.as_deref(),
            Some("الناطق الرسمي باسم الجيش الوطني الليبي")
        );
        assert_eq!(
            doc.refs["ahmed-mismari"]
                .extra
                .get("spokesperson_of")
                .map(String::as_str),
            Some("lna")
        );
        let h = doc
            .entities
            .iter()
            .find(|e| e.reference.as_deref() == Some("khalifa-haftar"))
            .unwrap();
        assert_eq!(h.role.as_deref(), Some("اللواء المتقاعد"));
    }

    #[test]
    fn every_place_has_coordinates_and_a_country() {
        let mut doc = Analyzer::default().analyze_text(
            "قصفت طائرات مسيرة قاعدة الوطية ومطار معيتيقة وسرت وأبو قرين والوشكة وتاجوراء، كما قصفت الرقة ومأرب والفاشر والموصل.",
        );
        rec().run(&mut doc).unwrap();
        let places: Vec<_> = doc
            .refs
            .iter()
            .filter(|(_, r)| matches!(r.kind.as_str(), "place" | "facility" | "state"))
            .collect();
        assert!(
            places.len() >= 10,
            "help: {:?}",
            doc.refs.keys().collect::<Vec<_>>()
        );
        for (id, r) in places {
            assert!(
                r.lat.is_some() && r.lon.is_some() && r.country.is_some(),
                "help: {id} lacks a position"
            );
        }
    }

    #[test]
    fn bad_rows_are_reported() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("actors")).unwrap();
        std::fs::create_dir_all(d.path().join("places")).unwrap();
        std::fs::write(
            d.path().join("actors/mine.tsv"),
            "id\ttype\tar\tmember_of\nx1\tPER\tزيد عمرو\tno-such-id\nx1\tPER\tعمرو زيد\t\nx2\tPERSON\tبكر\t\nx3\tPER\tحفتر\t\nx4\tPER\t\t\n",
        )
        .unwrap();
        std::fs::write(
            d.path().join("places/mine.tsv"),
            "id\ttype\tar\tcountry\tlat\tlon\np1\tLOC\tمكان ما\tLY\t95\t13\np2\tLOC\tمكان آخر\tLY\t\t\np3\tLOC\tمكان ثالث\tlibya\t30\t13\n",
        )
        .unwrap();
        let (_, issues) = EntityRecognizer::load_with(&Source::with_dir(d.path()), false);
        let text: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
        for needle in [
            "actors/mine.tsv:2: dangling ref: member_of `no-such-id`",
            "actors/mine.tsv:3: duplicate id `x1`",
            "actors/mine.tsv:4: unknown type `PERSON`",
            "form `حفتر` names x3, khalifa-haftar",
            "actors/mine.tsv:6: `x4` has no Arabic name",
            "places/mine.tsv:2: `p1`: bad coordinate `95`",
            "places/mine.tsv:3: place `p2` needs lat, lon and country",
            "places/mine.tsv:4: `p3`: bad country code `libya`",
        ] {
            assert!(
                text.iter().any(|t| t.contains(needle)),
                "help: {needle:?} not in {text:#?}"
            );
        }
    }

    #[test]
    fn entity_ids() {
        for (n, id) in [(1, "E1"), (9, "E9"), (10, "E10"), (1234, "E1234")] {
            assert_eq!(entity_id(n), id, "help: id of mention {n}");
        }
    }

    #[test]
    fn embedded_lexicons_are_clean() {
        let (r, issues) = EntityRecognizer::load_with(&Source::embedded(), false);
        assert!(issues.is_empty(), "help: {issues:#?}");
        assert!(
            r.lexicon().entries.len() > 2000,
            "help: thousands of places and hundreds of actors"
        );
    }
}
