//! The text layer's view of a body: a folded matching form with its offset map,
//! and tokens whose clitics are sub-ranges, never rewritten strings.
//!
//! `rasd-text` fills these; every later stage matches on [`Normalized::form`] and
//! maps hits back with [`Normalized::to_body`], so no stage computes offsets itself.

use crate::Span;

/// A byte range `[start, end)` into [`Normalized::form`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FormRange {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl FormRange {
    /// A range.
    pub fn new(start: u32, end: u32) -> FormRange {
        FormRange { start, end }
    }

    /// Whether it holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// As a `usize` range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The matching form of a body and a map from its bytes back to body code points.
///
/// The form drops diacritics and tatweel, folds alef, yaa and taa-marbuta variants,
/// turns Arabic-Indic digits into ASCII and unifies punctuation (see `rasd-text`).
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The folded text.
    pub form: String,
    /// For each byte of `form`, the code point of `body` it came from, plus one
    /// sentinel equal to the body's length in code points.
    pub map: Vec<u32>,
}

impl Normalized {
    /// The folded text of a range.
    #[inline]
    pub fn slice(&self, r: FormRange) -> &str {
        &self.form[r.range()]
    }

    /// The body span that produced the form bytes `[start, end)`.
    ///
    /// Diacritics that follow the last folded character belong to the span (a word
    /// keeps its vowel marks); `None` for an empty range.
    #[inline]
    pub fn to_body(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end || end > self.form.len() {
            return None;
        }
        let s = self.map[start];
        let e = self.map[end].max(self.map[end - 1] + 1);
        Span::try_new(s, e)
    }

    /// The body span of a form range.
    #[inline]
    pub fn range_to_body(&self, r: FormRange) -> Option<Span> {
        self.to_body(r.start as usize, r.end as usize)
    }

    /// The first form byte whose body code point is at or after `cp`.
    pub fn form_offset(&self, cp: u32) -> usize {
        self.map.partition_point(|&c| c < cp).min(self.form.len())
    }
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Arabic (or other non-Latin letters) word.
    Word,
    /// Latin-script word.
    Latin,
    /// Digits, with internal separators (`1,200`, `3.5`, `٢٠١٩`).
    Number,
    /// Punctuation mark.
    Punct,
    /// Any other symbol (`%`, `+`, `$`).
    Symbol,
}

/// Clitic flags of a token, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Clitics(pub u16);

impl Clitics {
    /// Conjunction و.
    pub const WA: u16 = 1;
    /// Conjunction ف.
    pub const FA: u16 = 1 << 1;
    /// Preposition ب.
    pub const BI: u16 = 1 << 2;
    /// Preposition ل (also the first letter of لل).
    pub const LI: u16 = 1 << 3;
    /// Preposition ك.
    pub const KA: u16 = 1 << 4;
    /// Definite article ال (also for لل, where its alef is elided).
    pub const AL: u16 = 1 << 5;
    /// Future particle س.
    pub const SA: u16 = 1 << 6;
    /// A pronoun suffix (ه، ها، هم، هما، هن، ك، كم، نا، ي …).
    pub const SUFFIX: u16 = 1 << 7;

    /// Whether every bit of `flag` is set.
    pub fn has(&self, flag: u16) -> bool {
        self.0 & flag == flag
    }

    /// Whether any proclitic other than the article is attached.
    pub fn has_particle(&self) -> bool {
        self.0 & (Self::WA | Self::FA | Self::BI | Self::LI | Self::KA | Self::SA) != 0
    }
}

/// One token of the body.
///
/// `form` is the whole token in the matching form; `core` is the part left after
/// proclitics (و ف ب ل ك ال لل س) and a pronoun suffix are split off. The article
/// is outside `core`: for `بالمدينة` the core is `مدينه` and `clitics` has `BI|AL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token in the body.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// The whole token in the matching form.
    pub form: FormRange,
    /// The stem without clitics, in the matching form (equal to `form` for
    /// tokens with no clitics and for non-words).
    pub core: FormRange,
    /// Which clitics were split off.
    pub clitics: Clitics,
}
