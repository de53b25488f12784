//! rasd's events stage: what happened. It adds [`Event`]s to a document — typed as in
//! DESIGN.md (ACLED sub-event types for violent and strategic events, PLOVER types for
//! political ones), with actors, targets, place, time, weapons, killed and injured —
//! each tied to the claims that report it and to its evidence sentence, never asserted
//! as fact.
//!
//! The main types are [`EventExtractor`] (the stage) and [`Lexicons`] (trigger tables per
//! family under `lexicons/events/triggers/`, weapons, casualty words, targets, actor heads
//! and place words). Mentions are found per trigger ([`extract`]) and merged into one
//! event per incident ([`merge`]); a place no lexicon holds is located ([`locate`]). The
//! stage reads the text, entity, time, quantity and claim layers; it recognises no names,
//! dates or numbers itself.
//!
//! ```
//! use rasd_events::EventExtractor;
//! use rasd_lexicon::Source;
//! use rasd_text::Analyzer;
//! let (stage, issues) = EventExtractor::load(&Source::embedded());
//! assert!(issues.is_empty());
//! let mut doc = Analyzer::default().analyze_text("قصفت طائرات مسيرة مواقع في منطقة الوشكة.");
//! stage.run(&mut doc).unwrap();
//! let e = &doc.events[0];
//! assert_eq!(e.etype, "air_drone_strike");
//! assert_eq!(e.weapons, vec!["drone"]);
//! // Without the recognize stage no place of the text is known, so `الوشكة` cannot be
//! // located and the event keeps no place (the full pipeline places it at Al-Washka).
//! assert_eq!(e.place, None);
//! ```
#![warn(missing_docs)]

mod error;
pub mod extract;
pub mod lex;
pub mod locate;
pub mod merge;

pub use error::{Error, Result};
pub use lex::Lexicons;

use rasd_lexicon::{Issue, Source};
use rasd_model::{Doc, Event};
use rasd_text::Analyzer;

/// The events stage.
#[derive(Debug, Default)]
pub struct EventExtractor {
    lx: Lexicons,
    cues: rasd_attribute::Lexicons,
}

impl EventExtractor {
    /// Build from lexicons; problems in them are returned, never fatal. (Problems in
    /// the cue tables it shares with the attribute stage are reported there.)
    pub fn load(src: &Source) -> (EventExtractor, Vec<Issue>) {
        let (an, _) = Analyzer::load(src);
        let (cues, _) = rasd_attribute::Lexicons::load(src, &an);
        let (lx, issues) = Lexicons::load(src, &an);
        (EventExtractor { lx, cues }, issues)
    }

    /// Add this stage's layer to `doc`: `doc.events`, one per incident.
    pub fn run(&self, doc: &mut Doc) -> Result<()> {
        let mentions = extract::Scan::new(doc, &self.cues, &self.lx).mentions();
        let mut events: Vec<Event> = merge::events(doc, mentions);
        locate::locate(doc, &mut events);
        doc.events = events;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rasd_attribute::Attributor;
    use rasd_lexicon::Source;
    use rasd_model::{Approx, Doc, Modality, Quantity, Why};
    use rasd_text::Analyzer;

    use super::EventExtractor;

    /// Claims, then events, with the built-in lexicons. These texts have no recognized
    /// places, so the events keep the area-noun text as their place: [`crate::locate`]
    /// (tested with the whole pipeline in the binary's tests) is left out.
    fn stages(doc: &mut Doc) {
        Attributor::load(&Source::embedded()).0.run(doc).unwrap();
        let (ex, _) = EventExtractor::load(&Source::embedded());
        let mentions = crate::extract::Scan::new(doc, &ex.cues, &ex.lx).mentions();
        doc.events = crate::merge::events(doc, mentions);
    }

    fn run(text: &str) -> Doc {
        let mut doc = Analyzer::default().analyze_text(text);
        stages(&mut doc);
        doc
    }

    /// (text, events as (type, place, negated, modality)).
    type Case = (
        &'static str,
        &'static [(&'static str, Option<&'static str>, bool, Modality)],
    );

    const CASES: &[Case] = &[
        (
            "قصفت طائرات مسيرة مواقع في منطقة الوشكة.",
            &[(
                "air_drone_strike",
                Some("الوشكة"),
                false,
                Modality::Asserted,
            )],
        ),
        (
            "اندلعت اشتباكات عنيفة في منطقة عين زارة جنوب العاصمة.",
            &[("armed_clash", Some("عين زارة"), false, Modality::Asserted)],
        ),
        (
            "وقال إن الطائرات لم تستهدف مستشفى في منطقة كفرنبل.",
            &[("air_drone_strike", Some("كفرنبل"), true, Modality::Denied)],
        ),
        (
            "ومن المتوقع أن تشن القوات هجوما على مدينة الرقة.",
            &[("armed_clash", Some("الرقة"), false, Modality::Expected)],
        ),
        (
            "وقال إن المسلحين يريدون هجوما على مدينة الرقة.",
            &[("armed_clash", Some("الرقة"), false, Modality::Possible)],
        ),
        (
            "وقال إن القوات قد تشن هجوما على مدينة الرقة.",
            &[("armed_clash", Some("الرقة"), false, Modality::Possible)],
        ),
        (
            "وكانت قوات النظام قد قصفت مواقع في مدينة الرقة.",
            &[(
                "shelling_artillery_missile_attack",
                Some("الرقة"),
                false,
                Modality::Asserted,
            )],
        ),
        (
            "كان يرتدي حزام ناسف لكنه لم يتمكن من تفجيره في مدينة درنة.",
            &[("suicide_bomb", Some("درنة"), true, Modality::Denied)],
        ),
        ("وأكد التزام قواته بقواعد الاشتباك.", &[]),
        ("وأدان البيان الغارات التي يشنها التحالف.", &[]),
        (
            "قصفت طائرات حربية بلدة في منطقة كفرنبل. وأدت الغارة إلى دمار كبير.",
            &[(
                "air_drone_strike",
                Some("كفرنبل"),
                false,
                Modality::Asserted,
            )],
        ),
        (
            "وخطف مسلحون ثلاثة مهندسين في منطقة الشويرف، في هجوم على مشروع مياه.",
            &[(
                "abduction_forced_disappearance",
                Some("الشويرف"),
                false,
                Modality::Asserted,
            )],
        ),
        (
            "وقتل عشرات الجنود في كمين نصبه المتمردون في منطقة الخوخة.",
            &[("armed_clash", Some("الخوخة"), false, Modality::Asserted)],
        ),
        // `تقع` opens a relative clause: no town of that name makes the clash stand.
        (
            "اندلعت اشتباكات بين جماعة مسلحة من مدينة تقع إلى الجنوب وقوات الحكومة.",
            &[],
        ),
        (
            "وسيطرت الفصائل على قرية الحميدية، وقرية المنصورة.",
            &[
                (
                    "non_state_actor_overtakes_territory",
                    Some("الحميدية"),
                    false,
                    Modality::Asserted,
                ),
                (
                    "non_state_actor_overtakes_territory",
                    Some("المنصورة"),
                    false,
                    Modality::Asserted,
                ),
            ],
        ),
        // Territory handed over under a reconciliation deal changes hands without violence.
        (
            "واستعادت القوات الحكومية السيطرة على بلدة المسيفرة بموجب اتفاق \"مصالحة\".",
            &[(
                "non_violent_transfer_of_territory",
                Some("المسيفرة"),
                false,
                Modality::Asserted,
            )],
        ),
        // Areas held by a force are no takeover.
        (
            "ويربط المدينة منفذ وحيد بمناطق سيطرة قوات النظام في بلدة نبل.",
            &[],
        ),
        // A generic strike word in a relative clause after a strike and its place.
        (
            "وشنت طائرات التحالف غارة جوية على مدينة صعدة التي استهدفت حافلة في منطقة ضحيان.",
            &[("air_drone_strike", Some("صعدة"), false, Modality::Asserted)],
        ),
        // A killing told with its means is one event of the means' type.
        (
            "وقتل العشرات في مجزرة في قصف عنيف بصواريخ الكاتيوشا على مدينة عدن.",
            &[(
                "shelling_artillery_missile_attack",
                Some("عدن"),
                false,
                Modality::Asserted,
            )],
        ),
        // A massacre word at the place of the article's one strike is that strike ...
        (
            "شنت طائرات التحالف غارة جوية على مدينة صعدة أمس. وقال مسؤول إن مجزرة وقعت في مدينة صعدة.",
            &[("air_drone_strike", Some("صعدة"), false, Modality::Asserted)],
        ),
        // ... but with two strikes it could be either, so it stays apart.
        (
            "شنت طائرات التحالف غارة جوية على مدينة صعدة أمس، وقصفت المدفعية مدينة صعدة. وقال مسؤول إن مجزرة وقعت في مدينة صعدة.",
            &[
                ("air_drone_strike", Some("صعدة"), false, Modality::Asserted),
                ("shelling_artillery_missile_attack", Some("صعدة"), false, Modality::Asserted),
                ("attack", Some("صعدة"), false, Modality::Asserted),
            ],
        ),
        // Deaths told with a natural cause are no conflict event.
        ("وقتل 23 على الأقل في ولاية كسلا من جراء الفيضانات التي اجتاحت البلاد.", &[]),
        (
            "وتضررت مبان في مدينة كسلا بسبب السيول، وقتل خمسة أشخاص.",
            &[],
        ),
        // Storming a civilian site (an embassy, a hotel, an institution's seat) is an
        // attack on civilians.
        (
            "واقتحم مسلحون مقر السفارة في مدينة صنعاء.",
            &[("attack", Some("صنعاء"), false, Modality::Asserted)],
        ),
        // A phrase that begins with the article matches after a clitic too: a world war
        // named in a simile is no event.
        (
            "ووصف الطبيب الوضع في المدينة بأنه يذكرنا بالحرب العالمية الأولى.",
            &[],
        ),
        // A suicide attack told with duals.
        (
            "وقع الهجوم الإرهابي بسيارتين مفخختين يقودهما انتحاريان في مديرية التواهي.",
            &[("suicide_bomb", Some("التواهي"), false, Modality::Asserted)],
        ),
        // What a place underwent takes the article without referring back: `للقصف` after
        // `تعرضت` is a shelling (a definite `القصف` with a place alone is not).
        (
            "وتعرضت القرية للقصف في مديرية التواهي.",
            &[("shelling_artillery_missile_attack", Some("التواهي"), false, Modality::Asserted)],
        ),
        ("وتحدث الناس عن القصف في مديرية التواهي.", &[]),
        // ... and so does what a force managed to do.
        (
            "وتمكنت القوات من السيطرة على مديرية التواهي.",
            &[(
                "non_state_actor_overtakes_territory",
                Some("التواهي"),
                false,
                Modality::Asserted,
            )],
        ),
    ];

    #[test]
    fn events_table() {
        for (text, want) in CASES {
            let doc = run(text);
            let got: Vec<(String, Option<String>, bool, Modality)> = doc
                .events
                .iter()
                .map(|e| {
                    (
                        e.etype.clone(),
                        e.place.clone(),
                        e.negated,
                        e.modality.unwrap(),
                    )
                })
                .collect();
            let want: Vec<(String, Option<String>, bool, Modality)> = want
                .iter()
                .map(|(t, p, n, m)| (t.to_string(), p.map(str::to_string), *n, *m))
                .collect();
            assert_eq!(got, want, "help: events of {text:?}");
            for e in &doc.events {
                assert!(
                    e.why.to_string().contains("lexicon:events/triggers/"),
                    "help: why of {text:?}"
                );
                assert!((e.sentence as usize) < doc.sentences.len());
            }
        }
    }

    /// `مقتل` before one named person is one death.
    #[test]
    fn a_named_victim_is_one_death() {
        let doc =
            run("وأعلنت الجماعة مقتل القيادي الميداني يحيى الرزامي في غارة جوية على منطقة نهم.");
        // Without the recognizer the name is no entity: no count is invented.
        assert!(
            doc.events.iter().all(|e| e.fatalities.is_none()),
            "help: {:?}",
            doc.events
        );
        let mut doc = Analyzer::default().analyze_text(
            "وأعلنت الجماعة مقتل القيادي الميداني يحيى الرزامي في غارة جوية على منطقة نهم.",
        );
        let at = doc.body.find("يحيى").unwrap();
        let start = doc.body[..at].chars().count() as u32;
        doc.entities.push(rasd_model::Entity {
            id: "E1".into(),
            start,
            end: start + 12,
            text: "يحيى الرزامي".into(),
            etype: rasd_model::EntityType::PER,
            reference: None,
            role: None,
            why: Why::rule("test"),
        });
        stages(&mut doc);
        let e = &doc.events[0];
        assert_eq!(e.etype, "air_drone_strike");
        let toll = e.fatalities.as_ref().expect("help: a toll of one");
        assert_eq!((toll.value, toll.approx), (Some(1.0), Approx::Exact));
    }

    #[test]
    fn tolls_come_from_counted_casualty_words() {
        let text = "قتل 12 مدنيا وأصيب 30 آخرون في قصف مدفعي على مدينة دوما.";
        let mut doc = Analyzer::default().analyze_text(text);
        // The quantities the measure stage would find.
        for (word, value) in [("12", 12.0), ("30", 30.0)] {
            let start = doc.body.chars().collect::<String>().find(word).unwrap();
            let start = doc.body[..start].chars().count() as u32;
            doc.quantities.push(Quantity {
                start,
                end: start + word.chars().count() as u32,
                text: word.to_string(),
                value: Some(value),
                approx: Approx::Exact,
                of: None,
                unit: None,
                why: Why::rule("test"),
            });
        }
        stages(&mut doc);
        assert_eq!(doc.events.len(), 1, "{:?}", doc.events);
        let e = &doc.events[0];
        assert_eq!(e.etype, "shelling_artillery_missile_attack");
        assert_eq!(e.fatalities.as_ref().and_then(|t| t.value), Some(12.0));
        assert_eq!(e.injuries.as_ref().and_then(|t| t.value), Some(30.0));
        assert_eq!(e.weapons, vec!["artillery"]);
    }

    #[test]
    fn every_event_is_tied_to_a_claim_when_the_outlet_is_known() {
        let mut doc = Analyzer::default().analyze_text(
            "قصفت طائرات حربية بلدة في منطقة كفرنبل. وقال ناشطون إن اشتباكات اندلعت في منطقة سراقب.",
        );
        doc.outlet = Some("Al Arabiya".to_string());
        stages(&mut doc);
        assert_eq!(doc.events.len(), 2, "{:?}", doc.events);
        let by = |i: usize| {
            let id = doc.events[i].claim.clone().expect("claim");
            doc.claim(&id).unwrap().clone()
        };
        assert_eq!(by(0).voice.as_deref(), Some("outlet"));
        assert_eq!(by(0).id, "C0");
        assert!(
            doc.claims.iter().all(|c| c.voice.is_none()),
            "help: the outlet's voice is not a claim"
        );
        assert!(
            by(1).anonymous,
            "help: the second event is the activists' account"
        );
    }
}
