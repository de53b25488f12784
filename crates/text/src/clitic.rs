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

use crate::hash::WordSet;

const WA: u16 = Clitics::WA;
const FA: u16 = Clitics::FA;
const BI: u16 = Clitics::BI;
const LI: u16 = Clitics::LI;
const KA: u16 = Clitics::KA;
const AL: u16 = Clitics::AL;
const SA: u16 = Clitics::SA;

/// The two UTF-8 bytes of an Arabic letter as one number, so the segmenter compares
/// letters without decoding characters.
const fn l(c: char) -> u16 {
    let u = c as u32;
    (((0xC0 | (u >> 6)) << 8) | (0x80 | (u & 0x3F))) as u16
}

/// The letter starting at byte `i` of `b`, or 0 past the end.
#[inline(always)]
fn letter(b: &[u8], i: usize) -> u16 {
    match (b.get(i), b.get(i + 1)) {
        (Some(&x), Some(&y)) => (u16::from(x) << 8) | u16::from(y),
        _ => 0,
    }
}

const WAW: u16 = l('و');
const FAA: u16 = l('ف');
const BAA: u16 = l('ب');
const KAF: u16 = l('ك');
const LAM: u16 = l('ل');
const SIN: u16 = l('س');
const ALEF: u16 = l('ا');
const YAA: u16 = l('ي');
const TAA: u16 = l('ت');
const NUN: u16 = l('ن');
const HAA: u16 = l('ه');
const MIM: u16 = l('م');

/// The proclitic grammar, read left to right: a conjunction (و ف), then a preposition
/// (ب ك ل) or the future particle (س, only before an imperfect prefix ي ت ن), then the
/// article (ال; after ل it is written لل). Each boundary is a candidate prefix; the
/// longest whose rest is long enough wins (the article needs 2 letters after it, the
/// others 3).
fn candidates(b: &[u8]) -> ([(u32, u16); 4], usize) {
    let mut out = [(0u32, 0u16); 4];
    let mut n = 0;
    let mut pos = 0usize;
    let mut flags = 0u16;
    let first = letter(b, 0);
    if first == WAW || first == FAA {
        flags |= if first == WAW { WA } else { FA };
        pos = 2;
        out[n] = (2, flags);
        n += 1;
    }
    match letter(b, pos) {
        LAM if letter(b, pos + 2) == LAM => {
            // ل + ال with the alef elided, or ل before a stem in ل (لليبيا).
            out[n] = (pos as u32 + 2, flags | LI);
            out[n + 1] = (pos as u32 + 4, flags | LI | AL);
            return (out, n + 2);
        }
        c @ (BAA | KAF | LAM) => {
            flags |= match c {
                BAA => BI,
                KAF => KA,
                _ => LI,
            };
            pos += 2;
            out[n] = (pos as u32, flags);
            n += 1;
        }
        SIN if matches!(letter(b, pos + 2), YAA | TAA | NUN) => {
            out[n] = (pos as u32 + 2, flags | SA);
            return (out, n + 1);
        }
        _ => {}
    }
    if flags & LI == 0 && letter(b, pos) == ALEF && letter(b, pos + 2) == LAM {
        out[n] = (pos as u32 + 4, flags | AL);
        n += 1;
    }
    (out, n)
}

/// Pronoun suffixes, longest first. `ي`, `ك`, `كم` and `هن` are left alone: in news
/// they are far more often part of the word (nisba adjectives, `محاكم`).
const SUFFIXES: &[&str] = &["هما", "هم", "ها", "نا", "ه"];

/// Splits clitics off word tokens.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {
    no_split: WordSet,
}

impl Segmenter {
    /// A segmenter with a list of stems (in matching form) never to split.
    pub fn new<I, S>(no_split: I) -> Segmenter
    where
        I: IntoIterator<Item = S>,
        S: Into<Box<str>>,
    {
        Segmenter {
            no_split: WordSet::new(no_split.into_iter().map(Into::into)),
        }
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
        self.split_body(w, ends_in_taa, false)
    }

    /// [`Segmenter::split`] knowing whether the word is written with a madda alef first
    /// (`آلان`, `آلاف`): no proclitic or article stands before it, though its folded form
    /// begins like the article.
    pub fn split_body(&self, w: &str, ends_in_taa: bool, madda: bool) -> (u32, u32, u16) {
        let b = w.as_bytes();
        let may_prefix = !madda && matches!(letter(b, 0), WAW | FAA | BAA | LAM | KAF | SIN | ALEF);
        let may_suffix = b.len() >= 2 && matches!(letter(b, b.len() - 2), HAA | MIM | ALEF);
        if !(may_prefix || may_suffix) || self.no_split.contains(w) {
            return (0, 0, 0);
        }
        let (pre, mut flags) = if may_prefix && !self.listed(w) {
            self.prefix(w)
        } else {
            (0, 0)
        };
        let rest = &w[pre as usize..];
        let suf = if may_suffix {
            self.suffix(rest, ends_in_taa)
        } else {
            0
        };
        if suf > 0 {
            flags |= Clitics::SUFFIX;
        }
        (pre, suf, flags)
    }

    /// Whether `s` is a listed stem, alone or with a pronoun suffix (`والدها`, `وزيره`:
    /// not و + الدها).
    fn listed(&self, s: &str) -> bool {
        self.no_split.contains(s)
            || SUFFIXES.iter().any(|x| {
                s.len() > x.len()
                    && s.ends_with(x)
                    && self.no_split.contains(&s[..s.len() - x.len()])
            })
    }

    fn prefix(&self, w: &str) -> (u32, u16) {
        let (cands, n) = candidates(w.as_bytes());
        let letters = w.len() / 2;
        for k in (0..n).rev() {
            let (len, flags) = cands[k];
            let min = if flags & AL != 0 { 2 } else { 3 };
            if letters < len as usize / 2 + min {
                continue;
            }
            // A listed stem that starts inside the prefix wins: cut there instead.
            for &(cut, cut_flags) in &cands[..k] {
                if self.listed(&w[cut as usize..]) {
                    return (cut, cut_flags);
                }
            }
            return (len, flags);
        }
        (0, 0)
    }

    fn suffix(&self, rest: &str, ends_in_taa: bool) -> u32 {
        let letters = rest.len() / 2;
        for s in SUFFIXES {
            if !rest.ends_with(s) || letters < s.len() / 2 + 3 {
                continue;
            }
            if *s == "ه" {
                let stem = &rest[..rest.len() - 2];
                if ends_in_taa || stem.ends_with('ا') || stem.ends_with('ل') {
                    return 0;
                }
            }
            if self.no_split.contains(rest) {
                return 0;
            }
            return s.len() as u32;
        }
        0
    }

    /// Fill in `core` and `clitics` of every word token.
    pub fn segment(
        &self,
        norm: &Normalized,
        body: &str,
        chars: &rasd_model::CharIndex,
        tokens: &mut [Token],
    ) {
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
            let first = chars.byte(norm.map[t.form.start as usize]);
            let madda = body[first..].starts_with('آ');
            let (pre, suf, flags) = self.split_body(w, ends_in_taa, madda);
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
            "وزيره" => "وزير",
            "ولوزيرها" => "وزير",
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
        let (p, _, f) = seg.split("الاف", false);
        assert_eq!((p, f), (4, AL), "folded alone, آلاف looks like ال + اف");
        let (p, _, f) = seg.split_body("الاف", false, true);
        assert_eq!((p, f), (0, 0), "written آلاف, it has no article");
    }
}
