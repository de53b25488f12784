//! Clitic segmentation for matching: proclitics (و ف ب ل ك ال لل س and their
//! combinations) and pronoun suffixes (ه ها هم هما نا) become sub-ranges of a token;
//! the word itself is never rewritten.
//!
//! The longest prefix combination is taken when the rest is long enough, unless a
//! word list says a clitic-looking letter belongs to the stem: `وزير` is a minister,
//! not و + زير, and `لليبيا` is ل + ليبيا, not لل + يبيا. That list,
//! `lexicons/text/no_split.tsv`, holds stems that begin with و ف ب ل ك س; it was
//! built from corpus counts (see its header) and is a data file a user can extend.
//! Known failures: a stem missing from the list and long enough is over-split
//! (`بريطانيا` → ب + ريطانيا unless listed); the recognizer therefore tries the whole
//! token before its core.

use rasd_model::{Clitics, FormRange, Normalized, Token, TokenKind};

use crate::hash::FxHashSet;

/// A proclitic combination in the matching form.
struct Prefix {
    text: &'static str,
    flags: u16,
    /// Byte offsets of the boundaries between its clitics (after و in `وبال`: 2).
    cuts: &'static [u32],
}

const WA: u16 = Clitics::WA;
const FA: u16 = Clitics::FA;
const BI: u16 = Clitics::BI;
const LI: u16 = Clitics::LI;
const KA: u16 = Clitics::KA;
const AL: u16 = Clitics::AL;
const SA: u16 = Clitics::SA;

/// Longest first. Arabic letters are two bytes in UTF-8.
const PREFIXES: &[Prefix] = &[
    Prefix { text: "وبال", flags: WA | BI | AL, cuts: &[2, 4] },
    Prefix { text: "وكال", flags: WA | KA | AL, cuts: &[2, 4] },
    Prefix { text: "فبال", flags: FA | BI | AL, cuts: &[2, 4] },
    Prefix { text: "فكال", flags: FA | KA | AL, cuts: &[2, 4] },
    Prefix { text: "ولل", flags: WA | LI | AL, cuts: &[2, 4] },
    Prefix { text: "فلل", flags: FA | LI | AL, cuts: &[2, 4] },
    Prefix { text: "وال", flags: WA | AL, cuts: &[2] },
    Prefix { text: "فال", flags: FA | AL, cuts: &[2] },
    Prefix { text: "بال", flags: BI | AL, cuts: &[2] },
    Prefix { text: "كال", flags: KA | AL, cuts: &[2] },
    Prefix { text: "لل", flags: LI | AL, cuts: &[2] },
    Prefix { text: "ال", flags: AL, cuts: &[] },
    Prefix { text: "وب", flags: WA | BI, cuts: &[2] },
    Prefix { text: "ول", flags: WA | LI, cuts: &[2] },
    Prefix { text: "وك", flags: WA | KA, cuts: &[2] },
    Prefix { text: "فب", flags: FA | BI, cuts: &[2] },
    Prefix { text: "فل", flags: FA | LI, cuts: &[2] },
    Prefix { text: "وس", flags: WA | SA, cuts: &[2] },
    Prefix { text: "فس", flags: FA | SA, cuts: &[2] },
    Prefix { text: "و", flags: WA, cuts: &[] },
    Prefix { text: "ف", flags: FA, cuts: &[] },
    Prefix { text: "ب", flags: BI, cuts: &[] },
    Prefix { text: "ل", flags: LI, cuts: &[] },
    Prefix { text: "ك", flags: KA, cuts: &[] },
    Prefix { text: "س", flags: SA, cuts: &[] },
];

/// Pronoun suffixes, longest first. `ي`, `ك`, `كم` and `هن` are left alone: in news
/// they are far more often part of the word (nisba adjectives, `محاكم`).
const SUFFIXES: &[&str] = &["هما", "هم", "ها", "نا", "ه"];

/// Splits clitics off word tokens.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    no_split: FxHashSet<Box<str>>,
}

impl Segmenter {
    /// A segmenter with a list of stems (in matching form) never to split.
    pub fn new<I, S>(no_split: I) -> Segmenter
    where
        I: IntoIterator<Item = S>,
        S: Into<Box<str>>,
    {
        Segmenter { no_split: no_split.into_iter().map(Into::into).collect() }
    }

    /// Number of listed stems.
    pub fn len(&self) -> usize {
        self.no_split.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.no_split.is_empty()
    }

    /// Split a word (matching form) into (prefix bytes, suffix bytes, flags).
    /// `ends_in_taa` says the body letter behind a final `ه` is really `ة`.
    pub fn split(&self, w: &str, ends_in_taa: bool) -> (u32, u32, u16) {
        if self.no_split.contains(w) {
            return (0, 0, 0);
        }
        let (pre, mut flags) = self.prefix(w);
        let rest = &w[pre as usize..];
        let suf = self.suffix(rest, ends_in_taa);
        if suf > 0 {
            flags |= Clitics::SUFFIX;
        }
        (pre, suf, flags)
    }

    fn prefix(&self, w: &str) -> (u32, u16) {
        let letters = w.len() / 2;
        'outer: for p in PREFIXES {
            if !w.starts_with(p.text) {
                continue;
            }
            let len = p.text.len() as u32;
            let rest = &w[len as usize..];
            let rest_letters = letters - p.text.len() / 2;
            let min = if p.flags & AL != 0 { 2 } else { 3 };
            if rest_letters < min {
                continue;
            }
            if p.flags & SA != 0 && !(rest.starts_with('ي') || rest.starts_with('ت') || rest.starts_with('ن')) {
                continue;
            }
            // A listed stem that starts inside the prefix wins: cut there instead.
            for &cut in p.cuts {
                if self.no_split.contains(&w[cut as usize..]) {
                    let flags = PREFIXES
                        .iter()
                        .find(|q| q.text.len() as u32 == cut && w.starts_with(q.text))
                        .map_or(0, |q| q.flags);
                    if flags == 0 {
                        continue 'outer;
                    }
                    return (cut, flags);
                }
            }
            return (len, p.flags);
        }
        (0, 0)
    }

    fn suffix(&self, rest: &str, ends_in_taa: bool) -> u32 {
        if self.no_split.contains(rest) {
            return 0;
        }
        let letters = rest.len() / 2;
        for s in SUFFIXES {
            if !rest.ends_with(s) || letters - s.len() / 2 < 3 {
                continue;
            }
            if *s == "ه" {
                let stem = &rest[..rest.len() - 2];
                if ends_in_taa || stem.ends_with('ا') || stem.ends_with('ل') {
                    return 0;
                }
            }
            return s.len() as u32;
        }
        0
    }

    /// Fill in `core` and `clitics` of every word token.
    pub fn segment(&self, norm: &Normalized, body: &str, chars: &rasd_model::CharIndex, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
            let w = norm.slice(t.form);
            if w.len() < 6 {
                continue;
            }
            let ends_in_taa = w.ends_with('ه') && {
                let cp = norm.map[t.form.end as usize - 1];
                let b = chars.byte(cp);
                matches!(body[b..].chars().next(), Some('ة' | 'ۃ'))
            };
            let (pre, suf, flags) = self.split(w, ends_in_taa);
            t.core = FormRange::new(t.form.start + pre, t.form.end - suf);
            t.clitics = Clitics(flags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (word, expected core, flags) checks, with a `help:` on failure.
    macro_rules! test_split {
        ($seg:expr, $($w:literal => $core:literal),+ $(,)?) => {{
            let seg = $seg;
            let norm = crate::Normalizer::matching();
            $(
                let w = norm.fold_str($w);
                let (p, s, _) = seg.split(&w, $w.ends_with('ة'));
                let core = &w[p as usize..w.len() - s as usize];
                assert_eq!(core, $core, "help: segmenting {:?}", $w);
            )+
        }};
    }

    #[test]
    fn splits_proclitics() {
        test_split!(Segmenter::new(["وزير", "ليبيا", "لبنان", "سيطره"]),
            "والمهاجرين" => "مهاجرين",
            "بطرابلس" => "طرابلس",
            "لحفتر" => "حفتر",
            "وبالمدينة" => "مدينه",
            "للامم" => "امم",
            "وزير" => "وزير",
            "لوزير" => "وزير",
            "لليبيا" => "ليبيا",
            "ولليبيا" => "ليبيا",
            "سيتم" => "يتم",
            "وستقوم" => "تقوم",
            "سيطره" => "سيطره",
            "من" => "من",
            "وقواته" => "قوات",
            "عناصرهم" => "عناصر",
            "مياه" => "مياه",
        );
    }

    #[test]
    fn flags() {
        let seg = Segmenter::default();
        let (_, _, f) = seg.split("وبالمدينه", true);
        assert_eq!(f, WA | BI | AL);
        let (_, s, _) = seg.split("مدينه", true);
        assert_eq!(s, 0, "a taa marbuta is not a pronoun");
    }
}
