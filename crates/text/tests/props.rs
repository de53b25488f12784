//! Properties of the text layer on arbitrary input: offsets map back into the body,
//! tokens lie in order inside it and cover every non-space character of the form
//! (but the `#` of a hashtag),
//! clitic cores lie inside their tokens, the fused tokenizer agrees with the reference
//! one, sentences are valid and bounded, no panic.

use proptest::prelude::*;
use rasd_text::{Analyzer, MAX_SENTENCE};

fn check(body: &str) {
    let a = Analyzer::default();
    let doc = a.analyze_text(body);
    let n = body.chars().count() as u32;
    assert_eq!(doc.norm.map.len(), doc.norm.form.len() + 1);
    assert!(
        doc.norm.map.windows(2).all(|w| w[0] <= w[1]),
        "map is monotone"
    );
    assert!(doc.norm.map.iter().all(|&c| c <= n));
    // The fused tokenizer agrees with the reference one.
    let mut reference = Vec::new();
    rasd_text::tokenize(&doc.norm, &mut reference);
    let fused: Vec<_> = doc
        .tokens
        .iter()
        .map(|t| (t.span, t.kind, t.form))
        .collect();
    let plain: Vec<_> = reference.iter().map(|t| (t.span, t.kind, t.form)).collect();
    assert_eq!(
        fused, plain,
        "fused and reference tokenizers differ on {body:?}"
    );
    assert_eq!(doc.chars().len(), n);
    let mut prev_end = 0;
    for t in &doc.tokens {
        assert!(t.span.start < t.span.end && t.span.end <= n);
        assert!(t.span.start >= prev_end, "tokens in order, not overlapping");
        prev_end = t.span.end;
        assert!(
            t.form.start <= t.core.start && t.core.end <= t.form.end && t.core.start < t.core.end
        );
        assert!(doc.norm.form.is_char_boundary(t.core.start as usize));
        assert!(doc.norm.form.is_char_boundary(t.core.end as usize));
        let _ = doc.text(t.span);
    }
    let covered: usize = doc
        .tokens
        .iter()
        .map(|t| (t.form.end - t.form.start) as usize)
        .sum();
    let non_space = doc
        .norm
        .form
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(char::len_utf8)
        .sum::<usize>();
    // A hashtag's mark right before an Arabic word is no token (`#سوريا`).
    let form = doc.norm.form.as_bytes();
    let marks = doc
        .tokens
        .iter()
        .filter(|t| {
            let s = t.form.start as usize;
            t.kind == rasd_model::TokenKind::Word && s > 0 && form[s - 1] == b'#'
        })
        .count();
    assert_eq!(
        covered + marks,
        non_space,
        "tokens cover every non-space character of the form but hashtag marks"
    );
    let mut last = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(s.start < s.end && s.end <= n && s.start >= last);
        last = s.end;
        assert!(
            s.len() <= MAX_SENTENCE,
            "sentence {i} has {} code points",
            s.len()
        );
        assert!(!doc.sentence_tokens(i).is_empty());
    }
    assert_eq!(
        *doc.sentence_tokens.last().unwrap() as usize,
        doc.tokens.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn hashtags(s in "[#\u{0621}-\u{064A}\u{064B}\u{0640} a-z0-9_.]{0,200}") {
        check(&s);
    }

    #[test]
    fn arabic_like(s in "[\u{0600}-\u{06FF}\u{0020}\u{000A}.،؟!0-9\u{0660}-\u{0669}\u{064B}-\u{0652}\u{0640}“”«»/]{0,400}") {
        check(&s);
    }
}

#[test]
fn pathological_inputs() {
    check(&"\u{064E}".repeat(10_000));
    check(&"٣".repeat(5_000));
    check(&"ب".repeat(50_000));
    check(&".".repeat(3_000));
    check(&"كلمة ".repeat(2_000));
    check("\u{FEFF}\u{200F}");
    check("في #سوريا و# 5 ##سوريا #");
}
