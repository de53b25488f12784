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

use std::mem::MaybeUninit;

use rasd_model::{Normalized, Token};

use crate::presentation::FORMS;
use crate::token::{class, Class, TokenStream};

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
    vec![
        Box::new(Digits),
        Box::new(Punctuation),
        Box::new(Quotes),
        Box::new(Invisible),
    ]
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

/// The folded output of one character: up to three UTF-8 bytes; `len == 0` drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Out {
    len: u8,
    bytes: [u8; 3],
    /// Tokenizer class of the output character.
    class: Class,
}

impl Out {
    const DROP: Out = Out {
        len: 0,
        bytes: [0; 3],
        class: Class::Space,
    };

    fn of(c: char) -> Out {
        let mut bytes = [0u8; 4];
        let s = c.encode_utf8(&mut bytes);
        if s.len() > 3 {
            // No fold yields an astral character; those are copied before lookup.
            return Out::DROP;
        }
        let mut o = Out {
            len: s.len() as u8,
            bytes: [0; 3],
            class: class(c),
        };
        o.bytes[..s.len()].copy_from_slice(s.as_bytes());
        o
    }

    /// Write the output for code point `cp` at `*o` (the buffers are sized so it fits)
    /// and tell the token stream, if any.
    #[inline(always)]
    fn emit(
        self,
        cp: u32,
        form: &mut [MaybeUninit<u8>],
        map: &mut [MaybeUninit<u32>],
        o: &mut usize,
        ts: &mut Option<TokenStream>,
    ) {
        let n = self.len as usize;
        if n == 0 {
            return;
        }
        if let Some(ts) = ts {
            ts.feed(self.class, *o, cp, self.bytes[0]);
        }
        let (f, m) = (&mut form[*o..*o + 3], &mut map[*o..*o + 3]);
        for k in 0..3 {
            f[k].write(self.bytes[k]);
            m[k].write(cp);
        }
        *o += n;
    }
}

/// Code points below this, and those of the general punctuation block, are tabulated.
const LOW: u32 = 0x0800;
const PUNCT_BLOCK: std::ops::Range<u32> = 0x2000..0x2070;

/// Applies a list of folds to a whole text, keeping an offset map.
///
/// The folds are compiled into per-code-point tables of UTF-8 output for U+0000–U+07FF
/// (ASCII, Latin, Arabic) and the general punctuation block, so the hot loop reads
/// bytes and copies table entries; other characters ask the folds directly.
pub struct Normalizer {
    low: Vec<Out>,
    punct: Vec<Out>,
    folds: Vec<Box<dyn Fold>>,
    presentation: bool,
}

/// Apply folds to a char until stable (a presentation form's ٱ folds on to ا).
fn resolve(c: char, folds: &[Box<dyn Fold>]) -> Option<char> {
    let mut cur = c;
    for _ in 0..4 {
        match folds.iter().find_map(|f| f.fold(cur)) {
            None => break,
            Some(Folded::Drop) => return None,
            Some(Folded::To(n)) if n == cur => break,
            Some(Folded::To(n)) => cur = n,
        }
    }
    Some(cur)
}

impl Normalizer {
    /// A normalizer from folds, tried in order (the first that changes a char wins).
    /// With `presentation`, Arabic presentation forms are first decomposed to letters.
    pub fn new(folds: Vec<Box<dyn Fold>>, presentation: bool) -> Normalizer {
        let out = |u: u32| match char::from_u32(u) {
            Some(c) => resolve(c, &folds).map_or(Out::DROP, Out::of),
            None => Out::DROP,
        };
        let low = (0..LOW).map(out).collect();
        let punct = PUNCT_BLOCK.map(out).collect();
        Normalizer {
            low,
            punct,
            folds,
            presentation,
        }
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

    /// The output of a character outside the two-byte range.
    fn lookup_wide(&self, c: char) -> Out {
        let u = c as u32;
        if PUNCT_BLOCK.contains(&u) {
            self.punct[(u - PUNCT_BLOCK.start) as usize]
        } else {
            resolve(c, &self.folds).map_or(Out::DROP, Out::of)
        }
    }

    /// Fold a string, discarding the offset map (for lexicon entries and queries).
    pub fn fold_str(&self, s: &str) -> String {
        self.normalize(s).form
    }

    /// Fold `body` into its matching form with a byte → code-point map.
    pub fn normalize(&self, body: &str) -> Normalized {
        self.run(body, None, None)
    }

    /// Fold `body` and, in the same pass, tokenize the form into `tokens` and record
    /// the byte offset of every body character in `char_bytes` (plus a sentinel).
    pub(crate) fn normalize_tokenize(
        &self,
        body: &str,
        tokens: &mut Vec<Token>,
        char_bytes: &mut Vec<u32>,
    ) -> Normalized {
        tokens.clear();
        tokens.reserve(body.len() / 8);
        self.run(body, Some(TokenStream::new(tokens)), Some(char_bytes))
    }

    fn run(
        &self,
        body: &str,
        mut ts: Option<TokenStream>,
        mut char_bytes: Option<&mut Vec<u32>>,
    ) -> Normalized {
        let b = body.as_bytes();
        // No character's output is more than twice its input (a three-byte presentation
        // form gives at most three two-byte letters), plus slack for the last write.
        let cap = b.len() * 2 + 8;
        // Written through `MaybeUninit` so the buffers need no zeroing first.
        let mut form_buf: Vec<u8> = Vec::with_capacity(cap);
        let mut map_buf: Vec<u32> = Vec::with_capacity(cap + 1);
        let form = &mut form_buf.spare_capacity_mut()[..cap];
        let map = &mut map_buf.spare_capacity_mut()[..cap];
        if let Some(cb) = char_bytes.as_deref_mut() {
            cb.clear();
            cb.reserve(b.len() / 2 + 1);
        }
        let mut o = 0usize;
        let mut i = 0usize;
        let mut cp = 0u32;
        while i < b.len() {
            if let Some(cb) = char_bytes.as_deref_mut() {
                cb.push(i as u32);
            }
            let x = b[i];
            if x < 0x80 {
                self.low[x as usize].emit(cp, form, map, &mut o, &mut ts);
                i += 1;
            } else if x < 0xE0 {
                // A two-byte sequence (the body is valid UTF-8, so b[i + 1] exists).
                let u = (usize::from(x & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
                self.low[u].emit(cp, form, map, &mut o, &mut ts);
                i += 2;
            } else {
                let c = body[i..].chars().next().unwrap_or('\u{FFFD}');
                let len = c.len_utf8();
                if self.presentation && is_presentation(c) {
                    match FORMS.binary_search_by_key(&(c as u32), |(k, _)| *k) {
                        Ok(k) => {
                            for base in FORMS[k].1.chars() {
                                let u = base as usize;
                                let out = if u < LOW as usize {
                                    self.low[u]
                                } else {
                                    Out::of(base)
                                };
                                out.emit(cp, form, map, &mut o, &mut ts);
                            }
                        }
                        Err(_) => self.lookup_wide(c).emit(cp, form, map, &mut o, &mut ts),
                    }
                } else if len == 4 {
                    // Emoji and other astral characters are kept as they are.
                    if let Some(ts) = ts.as_mut() {
                        ts.feed(class(c), o, cp, b[i]);
                    }
                    for k in 0..4 {
                        form[o + k].write(b[i + k]);
                        map[o + k].write(cp);
                    }
                    o += 4;
                } else {
                    self.lookup_wide(c).emit(cp, form, map, &mut o, &mut ts);
                }
                i += len;
            }
            cp += 1;
        }
        if let Some(cb) = char_bytes {
            cb.push(b.len() as u32);
        }
        if let Some(ts) = ts {
            ts.finish(o, cp);
        }
        // SAFETY: every position below `o` was written: each `emit` writes the three
        // slots from its start offset before advancing by at most three, and astral
        // characters write all four of theirs.
        unsafe {
            form_buf.set_len(o);
            map_buf.set_len(o);
        }
        let form = form_buf;
        let mut map = map_buf;
        map.push(cp);
        debug_assert!(std::str::from_utf8(&form).is_ok());
        // SAFETY: `form` is a concatenation of whole UTF-8 encodings: each `Out` holds
        // the `encode_utf8` bytes of one char (its unused tail is overwritten or cut by
        // `truncate`), and astral characters are copied whole from the valid `body`.
        // Validating again would cost a fifth of the text layer's time.
        let form = unsafe { String::from_utf8_unchecked(form) };
        debug_assert_eq!(form.len() + 1, map.len());
        Normalized { form, map }
    }
}

fn is_presentation(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("folds", &self.fold_names())
            .finish()
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
        assert_eq!(
            chars[span.start as usize..span.end as usize]
                .iter()
                .collect::<String>(),
            "٣"
        );
        // A word keeps its trailing diacritics.
        let span = norm.to_body(0, "قتل".len()).unwrap();
        assert_eq!(
            chars[span.start as usize..span.end as usize]
                .iter()
                .collect::<String>(),
            "قُتِلَ"
        );
    }
}
