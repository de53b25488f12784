//! Character folds and the normalizer that applies them with an offset map.
//!
//! Each [`Fold`] looks at one character and keeps it, replaces it or drops it (the
//! charabia model). Folds are split into lossless ones, which only unify how the same
//! thing is written (digits, punctuation, quote marks, invisible marks, presentation
//! forms), and lossy ones, which merge letters a reader would keep apart (diacritics,
//! tatweel, alef/yaa/taa-marbuta variants, Latin case). [`Normalizer::matching`] uses
//! both; [`Normalizer::lossless`] only the first, for display-faithful search.
//!
//! A normalizer compiles its folds into a lookup table for the Arabic block and the
//! general punctuation block at construction, so the hot loop is one table read per
//! character.

use rasd_model::Normalized;

use crate::presentation::FORMS;

/// What a fold does with a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    /// Replace it by this character.
    To(char),
    /// Drop it.
    Drop,
}

/// One character-level fold.
pub trait Fold: Send + Sync {
    /// Short name, for documentation and tests.
    fn name(&self) -> &'static str;
    /// `Some` when this fold changes `c`; `None` to leave it to the other folds.
    fn fold(&self, c: char) -> Option<Folded>;
}

macro_rules! fold {
    ($(#[$doc:meta])* $ty:ident, $name:literal, |$c:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $ty;
        impl Fold for $ty {
            fn name(&self) -> &'static str {
                $name
            }
            fn fold(&self, $c: char) -> Option<Folded> {
                $body
            }
        }
    };
}

fold!(
    /// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks): dropped.
    Diacritics, "diacritics", |c| matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
        .then_some(Folded::Drop)
);
fold!(
    /// Tatweel (kashida), a stretching stroke: dropped.
    Tatweel, "tatweel", |c| (c == '\u{0640}').then_some(Folded::Drop)
);
fold!(
    /// Alef with hamza above or below, madda, wasla → bare alef.
    Alef, "alef", |c| matches!(c, 'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}')
        .then_some(Folded::To('ا'))
);
fold!(
    /// Alef maqsura, Farsi yeh → yaa; Farsi keheh → kaf.
    Yaa, "yaa", |c| match c {
        'ى' | 'ی' | 'ې' => Some(Folded::To('ي')),
        'ک' => Some(Folded::To('ك')),
        _ => None,
    }
);
fold!(
    /// Taa marbuta → haa (matching form only: `مدينة` and `مدينه` are one word).
    TaaMarbuta, "taa-marbuta", |c| matches!(c, 'ة' | 'ۃ').then_some(Folded::To('ه'))
);
fold!(
    /// Upper-case Latin letters → lower case.
    LatinCase, "latin-case", |c| c.is_ascii_uppercase().then(|| Folded::To(c.to_ascii_lowercase()))
);
fold!(
    /// Arabic-Indic and Persian digits → ASCII; Arabic decimal and thousands separators → `.` and `,`.
    Digits, "digits", |c| match c {
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10).map(Folded::To),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10).map(Folded::To),
        '\u{066B}' => Some(Folded::To('.')),
        '\u{066C}' => Some(Folded::To(',')),
        _ => None,
    }
);
fold!(
    /// Arabic punctuation and dashes → their ASCII counterparts.
    Punctuation, "punctuation", |c| match c {
        '،' | '\u{060D}' => Some(Folded::To(',')),
        '؛' => Some(Folded::To(';')),
        '؟' => Some(Folded::To('?')),
        '٪' => Some(Folded::To('%')),
        '\u{06D4}' => Some(Folded::To('.')),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some(Folded::To('-')),
        '\u{2026}' => Some(Folded::To('…')),
        _ => None,
    }
);
fold!(
    /// Curly, angle and low quotation marks → `"` and `'`.
    Quotes, "quotes", |c| match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '\u{FF02}' => Some(Folded::To('"')),
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' | '`' | '´' => Some(Folded::To('\'')),
        _ => None,
    }
);
fold!(
    /// Invisible marks (zero-width joiners, direction marks, BOM, soft hyphen): dropped;
    /// exotic spaces → a plain space.
    Invisible, "invisible", |c| match c {
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}'
        | '\u{FEFF}' | '\u{00AD}' => Some(Folded::Drop),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(Folded::To(' '))
        }
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Some(Folded::To('\n')),
        _ => None,
    }
);

/// The lossless folds: the same text, written one way.
pub fn lossless_folds() -> Vec<Box<dyn Fold>> {
    vec![Box::new(Digits), Box::new(Punctuation), Box::new(Quotes), Box::new(Invisible)]
}

/// The lossy folds: merged letter variants, no diacritics or case.
pub fn lossy_folds() -> Vec<Box<dyn Fold>> {
    vec![
        Box::new(Diacritics),
        Box::new(Tatweel),
        Box::new(Alef),
        Box::new(Yaa),
        Box::new(TaaMarbuta),
        Box::new(LatinCase),
    ]
}

const KEEP: u32 = u32::MAX;
const DROP: u32 = u32::MAX - 1;
/// Code points below this, and those of the general punctuation block, are tabulated.
const LOW: usize = 0x0800;
const PUNCT_BLOCK: std::ops::Range<u32> = 0x2000..0x2070;

/// Applies a list of folds to a whole text, keeping an offset map.
pub struct Normalizer {
    low: Vec<u32>,
    punct: Vec<u32>,
    folds: Vec<Box<dyn Fold>>,
    presentation: bool,
}

impl Normalizer {
    /// A normalizer from folds, tried in order (the first that changes a char wins).
    /// With `presentation`, Arabic presentation forms are first decomposed to letters.
    pub fn new(folds: Vec<Box<dyn Fold>>, presentation: bool) -> Normalizer {
        let resolve = |c: char, folds: &[Box<dyn Fold>]| -> u32 {
            // Folds may chain (ٱ from a presentation form → ا): apply until stable.
            let mut cur = c;
            for _ in 0..4 {
                match folds.iter().find_map(|f| f.fold(cur)) {
                    None => break,
                    Some(Folded::Drop) => return DROP,
                    Some(Folded::To(n)) if n == cur => break,
                    Some(Folded::To(n)) => cur = n,
                }
            }
            if cur == c { KEEP } else { cur as u32 }
        };
        let low = (0..LOW as u32)
            .map(|u| char::from_u32(u).map_or(KEEP, |c| resolve(c, &folds)))
            .collect();
        let punct = PUNCT_BLOCK
            .map(|u| char::from_u32(u).map_or(KEEP, |c| resolve(c, &folds)))
            .collect();
        Normalizer { low, punct, folds, presentation }
    }

    /// Every fold: the form rasd matches lexicons and rules on.
    pub fn matching() -> Normalizer {
        let mut f = lossless_folds();
        f.extend(lossy_folds());
        Normalizer::new(f, true)
    }

    /// Lossless folds only.
    pub fn lossless() -> Normalizer {
        Normalizer::new(lossless_folds(), true)
    }

    /// The names of the folds in use.
    pub fn fold_names(&self) -> Vec<&'static str> {
        self.folds.iter().map(|f| f.name()).collect()
    }

    #[inline]
    fn lookup(&self, c: char) -> u32 {
        let u = c as u32;
        if (u as usize) < LOW {
            self.low[u as usize]
        } else if PUNCT_BLOCK.contains(&u) {
            self.punct[(u - PUNCT_BLOCK.start) as usize]
        } else {
            match self.folds.iter().find_map(|f| f.fold(c)) {
                None => KEEP,
                Some(Folded::Drop) => DROP,
                Some(Folded::To(n)) => n as u32,
            }
        }
    }

    /// Fold a string, discarding the offset map (for lexicon entries and queries).
    pub fn fold_str(&self, s: &str) -> String {
        let mut out = Normalized::default();
        self.push(s, &mut out, 0);
        out.form
    }

    /// Fold `body` into its matching form with a byte → code-point map.
    pub fn normalize(&self, body: &str) -> Normalized {
        let mut out = Normalized {
            form: String::with_capacity(body.len()),
            map: Vec::with_capacity(body.len() + 1),
        };
        let n = self.push(body, &mut out, 0);
        out.map.push(n);
        out
    }

    /// Append the folded `s` to `out`, numbering its code points from `first`;
    /// returns the code-point count after `s`.
    fn push(&self, s: &str, out: &mut Normalized, first: u32) -> u32 {
        let mut cp = first;
        for c in s.chars() {
            if c.is_ascii() {
                let b = if c.is_ascii_uppercase() && self.low[c as usize] != KEEP {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                out.form.push(b);
                out.map.push(cp);
            } else if self.presentation && is_presentation(c) {
                match FORMS.binary_search_by_key(&(c as u32), |(k, _)| *k) {
                    Ok(i) => {
                        for base in FORMS[i].1.chars() {
                            self.push_one(base, cp, out);
                        }
                    }
                    Err(_) => self.push_one(c, cp, out),
                }
            } else {
                self.push_one(c, cp, out);
            }
            cp += 1;
        }
        cp
    }

    #[inline]
    fn push_one(&self, c: char, cp: u32, out: &mut Normalized) {
        let r = self.lookup(c);
        let c = match r {
            KEEP => c,
            DROP => return,
            u => char::from_u32(u).unwrap_or(c),
        };
        let before = out.form.len();
        out.form.push(c);
        for _ in before..out.form.len() {
            out.map.push(cp);
        }
    }
}

fn is_presentation(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer").field("folds", &self.fold_names()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One table of (input, matching form) checks, with a `help:` on failure.
    macro_rules! test_folds {
        ($norm:expr, $($input:literal => $want:literal),+ $(,)?) => {{
            let n = $norm;
            $(
                let got = n.fold_str($input);
                assert_eq!(got, $want, "help: folding {:?} with {:?}", $input, n.fold_names());
            )+
        }};
    }

    #[test]
    fn matching_folds() {
        test_folds!(Normalizer::matching(),
            "أَحْمَدُ" => "احمد",
            "إسلام آباد" => "اسلام اباد",
            "ٱلله" => "الله",
            "مصطفى" => "مصطفي",
            "مدينة" => "مدينه",
            "شـــهـداء" => "شهداء",
            "٢٠١٩" => "2019",
            "۱۴۴۰" => "1440",
            "٣٫٥" => "3.5",
            "قال، «نعم»؛ لماذا؟" => "قال, \"نعم\"; لماذا?",
            "“الميليشيات”" => "\"الميليشيات\"",
            "Sky News" => "sky news",
            "ﻻ" => "لا",
            "ﺑﻴﺖ" => "بيت",
            "a\u{200f}b\u{00a0}c" => "ab c",
            "عُزل" => "عزل",
        );
    }

    #[test]
    fn lossless_keeps_letters() {
        test_folds!(Normalizer::lossless(),
            "أَحْمَد ٢٠١٩ مدينة" => "أَحْمَد 2019 مدينة",
        );
    }

    #[test]
    fn map_points_back() {
        let n = Normalizer::matching();
        let body = "قُتِلَ ٣ أشخاص";
        let norm = n.normalize(body);
        assert_eq!(norm.form, "قتل 3 اشخاص");
        assert_eq!(norm.map.len(), norm.form.len() + 1);
        let s = norm.form.find('3').unwrap();
        let span = norm.to_body(s, s + 1).unwrap();
        let chars: Vec<char> = body.chars().collect();
        assert_eq!(chars[span.start as usize..span.end as usize].iter().collect::<String>(), "٣");
        // A word keeps its trailing diacritics.
        let span = norm.to_body(0, "قتل".len()).unwrap();
        assert_eq!(chars[span.start as usize..span.end as usize].iter().collect::<String>(), "قُتِلَ");
    }
}
