//! Finds every lexicon name in a document: hash lookups over the token-joined matching
//! form, with clitics checked at token boundaries.
//!
//! Why this design: the text layer gives tokens whose folded forms may be separated by
//! several spaces or a newline, so the matcher first joins the folded tokens with single
//! spaces (the lexicon names are joined the same way, see [`crate::lexicon::join_tokens`]).
//! Names are then looked up from each word token's start and from each point a proclitic
//! may end inside it: و ف ب ل ك and their pairs for names without the article, ال وال
//! بال لل … for names with it (the patterns hold both `العزيزيه` and `عزيزيه`, so
//! `بالعزيزية` and `للعزيزية` are found). A hit counts only when it ends at a token end;
//! from one start every name ending at a later token end is tried, longest first, so
//! `X` is still found when `X Y` runs into the middle of a word. The text layer's own
//! cut is always among the cuts tried, but it is not required: it keeps `بنغازي` whole,
//! which is right, and cuts `وبنغازي` to `نغازي`, which the matcher repairs by trying `و`
//! alone. A name of several words is looked up only from a start whose first two words
//! begin one, then by its whole text at each token end it could reach: a hash and a probe
//! each, where an automaton walked the bytes again for each shorter name.
//!
//! Known failures: a name written with a different word split (`أبوقرين` for `أبو
//! قرين`) needs its own variant in the lexicon; a short name after ك or ف (`كسرت`,
//! `فسرت`) is not taken, since those are far more often verbs.

use rasd_model::{Doc, TokenKind};
use rasd_text::hash::FxHashMap;

use crate::lexicon::Lexicon;

/// What a run of letters before a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prefix {
    /// Nothing: the token's start.
    Empty,
    /// Particles without the article, accepted before a name that has none.
    Plain,
    /// Particles ending in the article, accepted before the article-less part of a name.
    WithAl,
    /// Not a proclitic combination.
    Other,
}

fn prefix(pre: &str) -> Prefix {
    match pre {
        "" => Prefix::Empty,
        "و" | "ف" | "ب" | "ل" | "ك" | "وب" | "ول" | "وك" | "فب" | "فل" => {
            Prefix::Plain
        }
        "ال" | "وال" | "فال" | "بال" | "كال" | "لل" | "وبال" | "وكال" | "فبال" | "فكال" | "ولل"
        | "فلل" => Prefix::WithAl,
        _ => Prefix::Other,
    }
}

/// The patterns and what each stands for.
#[derive(Debug)]
pub struct Matcher {
    /// For each pattern: (form index, whether the pattern is the form without its article).
    pats: Vec<Vec<(u32, bool)>>,
    /// One-word patterns: found with one hash computation and one probe.
    single: Words,
    /// Patterns of several words by the hash of their whole text. Patterns whose
    /// hashes collide go to `multi_slow`.
    multi: FxHashMap<u64, u32>,
    /// Patterns of several words whose hash another shares.
    multi_slow: FxHashMap<Box<str>, u32>,
    /// The text of each pattern.
    texts: Vec<Box<str>>,
    /// Hashes of the first two words of every pattern of several words, with the length
    /// in bytes of the longest pattern they begin: names of several words are looked up
    /// only from a start whose two words hash to one of these, and no further than that
    /// length (a false positive only costs lookups that find nothing).
    pairs: FxHashMap<u64, u32>,
    /// Two bit filters of 2¹⁶ bits by a word's hash, interleaved a 64-bit word each so
    /// that one cache line answers both (16 KB): whether a one-word pattern may have the
    /// hash (even words), whether a pattern of several words may begin with a word of
    /// the hash (odd words). Most words stop here.
    word_bits: Vec<u64>,
    /// One bit per hash of the first two words of a pattern modulo 2¹⁶ (8 KB).
    bits: Vec<u64>,
}

/// One-word patterns in an open-addressed table of 32-byte slots, each holding the
/// text (up to [`SLOT_TEXT`] bytes) beside its pattern: a hit reads one slot, where a
/// hash map read its bucket, then the pattern's text pointer, then the text. Longer
/// texts (few) are kept by text in `long`.
#[derive(Debug)]
struct Words {
    slots: Vec<Slot>,
    long: FxHashMap<Box<str>, u32>,
}

/// Bytes of text a slot of [`Words`] holds.
const SLOT_TEXT: usize = 24;

/// A slot of [`Words`]; `pat == u32::MAX` when empty.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct Slot {
    text: [u8; SLOT_TEXT],
    len: u32,
    pat: u32,
}

impl Words {
    /// A table for `n` texts, at most three eighths full, so that probes are short.
    fn with_capacity(n: usize) -> Words {
        let empty = Slot {
            text: [0; SLOT_TEXT],
            len: 0,
            pat: u32::MAX,
        };
        Words {
            slots: vec![empty; (n * 2).next_power_of_two().max(16)],
            long: FxHashMap::default(),
        }
    }

    /// The first slot to probe for hash `h` (its high bits: the low ones chose the bit
    /// of the filter in front).
    #[inline]
    fn home(&self, h: u64) -> usize {
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// Add pattern `pat` of text `w` (not yet in the table) and hash `h`.
    fn insert(&mut self, h: u64, w: &str, pat: u32) {
        if w.len() > SLOT_TEXT {
            self.long.insert(w.into(), pat);
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        while self.slots[i].pat != u32::MAX {
            i = (i + 1) & mask;
        }
        let slot = &mut self.slots[i];
        slot.text[..w.len()].copy_from_slice(w.as_bytes());
        slot.len = w.len() as u32;
        slot.pat = pat;
    }

    /// The pattern of text `w`, whose hash is `h`.
    #[inline]
    fn get(&self, h: u64, w: &str) -> Option<u32> {
        if w.len() > SLOT_TEXT {
            return self.long.get(w).copied();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(h);
        loop {
            let slot = &self.slots[i];
            if slot.pat == u32::MAX {
                return None;
            }
            if slot.len as usize == w.len() && slot.text[..w.len()] == *w.as_bytes() {
                return Some(slot.pat);
            }
            i = (i + 1) & mask;
        }
    }
}

/// A start [`Matcher::find`] looks names up from, once the bit filters let it through.
struct Probe {
    /// The token.
    first: u32,
    /// Bytes of proclitics cut from its start.
    cut: u8,
    /// What they are.
    kind: Prefix,
    /// Hash of the rest of the token.
    h: u64,
    /// Whether a one-word pattern may have this hash.
    single: bool,
    /// Whether a pattern of several words may begin with it.
    begins: bool,
}

/// The two-byte UTF-8 forms of و ف ب ل ك ا, the letters proclitics are made of.
macro_rules! proclitic_letters {
    () => {
        [0xD9, 0x88] | [0xD9, 0x81] | [0xD8, 0xA8] | [0xD9, 0x84] | [0xD9, 0x83] | [0xD8, 0xA7]
    };
}

/// The hash of a key of `single` or `pairs`.
fn key_hash(s: &str) -> u64 {
    // eight bytes at a time, then the tail as one zero-padded word
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let b = s.as_bytes();
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    if !chunks.remainder().is_empty() {
        h = (h.rotate_left(5) ^ rasd_text::hash::tail_word(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// A name found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cand {
    /// First token.
    pub first: u32,
    /// One past the last token.
    pub end: u32,
    /// Form index.
    pub form: u32,
    /// Byte in `doc.norm.form` where the mention starts (after particle proclitics).
    pub start_byte: u32,
    /// Byte in `doc.norm.form` where it ends.
    pub end_byte: u32,
    /// A particle (و ف ب ل ك) was attached.
    pub particle: bool,
    /// The preposition ل (or لل) was attached: a dative (`قال للجزيرة`).
    pub li: bool,
}

impl Cand {
    /// Number of tokens.
    pub fn len(&self) -> u32 {
        self.end - self.first
    }

    /// Whether it covers no token (never, for found names).
    pub fn is_empty(&self) -> bool {
        self.end <= self.first
    }
}

/// The document's folded tokens joined by single spaces, with each token's place in it.
#[derive(Debug, Default)]
pub struct Joined {
    /// The joined text.
    pub text: String,
    /// Start of each token in `text`.
    pub starts: Vec<u32>,
    /// End of each token in `text`.
    pub ends: Vec<u32>,
}

impl Joined {
    /// Join a document's tokens. An underscore between words (`#جنوب_السودان`) joins them
    /// as a space would: it takes no room in the joined text.
    pub fn new(doc: &Doc) -> Joined {
        let mut j = Joined {
            text: String::with_capacity(doc.norm.form.len() + 16),
            starts: Vec::with_capacity(doc.tokens.len()),
            ends: Vec::with_capacity(doc.tokens.len()),
        };
        for t in &doc.tokens {
            let f = doc.form(t.form);
            if t.kind == TokenKind::Punct && f.bytes().all(|b| b == b'_') {
                let at = j.text.len() as u32;
                j.starts.push(at);
                j.ends.push(at);
                continue;
            }
            if !j.text.is_empty() {
                j.text.push(' ');
            }
            j.starts.push(j.text.len() as u32);
            j.text.push_str(f);
            j.ends.push(j.text.len() as u32);
        }
        j
    }

    /// The first token ending at byte `e` of the joined text, if a token ends there.
    pub fn token_ending_at(&self, e: u32) -> Option<usize> {
        let i = self.ends.partition_point(|&x| x < e);
        (self.ends.get(i) == Some(&e)).then_some(i)
    }
}

impl Matcher {
    /// Index every form of a lexicon.
    pub fn new(lx: &Lexicon) -> Matcher {
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut strings: Vec<String> = Vec::new();
        let mut pats: Vec<Vec<(u32, bool)>> = Vec::new();
        let mut add = |s: &str, form: u32, stripped: bool| {
            let n = strings.len();
            let i = *index.entry(s.to_string()).or_insert(n);
            if i == n {
                strings.push(s.to_string());
                pats.push(Vec::new());
            }
            pats[i].push((form, stripped));
        };
        for (i, f) in lx.forms.iter().enumerate() {
            add(&f.text, i as u32, false);
            if let Some(rest) = f.text.strip_prefix("ال") {
                if rest.chars().take_while(|c| *c != ' ').count() >= 2 {
                    add(rest, i as u32, true);
                }
            }
        }
        let words = strings.iter().filter(|p| !p.contains(' ')).count();
        let mut single = Words::with_capacity(words);
        let mut multi: FxHashMap<u64, u32> = FxHashMap::default();
        let mut multi_slow: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut pairs: FxHashMap<u64, u32> = FxHashMap::default();
        let mut word_bits = vec![0u64; 2 << 10];
        let mut bits = vec![0u64; 1 << 10];
        let set = |b: &mut Vec<u64>, h: u64| {
            let i = (h & 0xffff) as usize;
            b[i >> 6] |= 1 << (i & 63);
        };
        let set_word = |b: &mut Vec<u64>, h: u64, first: bool| {
            let i = (h & 0xffff) as usize;
            b[(i >> 6) * 2 + usize::from(first)] |= 1 << (i & 63);
        };
        for (i, p) in strings.iter().enumerate() {
            match p.split_once(' ') {
                None => {
                    let h = key_hash(p);
                    single.insert(h, p, i as u32);
                    set_word(&mut word_bits, h, false);
                }
                Some((w, rest)) => {
                    let second = rest.split(' ').next().unwrap_or("");
                    let h = key_hash(&format!("{w} {second}"));
                    set(&mut bits, h);
                    set_word(&mut word_bits, key_hash(w), true);
                    let longest = pairs.entry(h).or_insert(0);
                    *longest = (*longest).max(p.len() as u32);
                    // two texts of one hash: both are looked up by text
                    if let Some(other) = multi.insert(key_hash(p), i as u32) {
                        multi.insert(key_hash(p), u32::MAX);
                        if other != u32::MAX {
                            multi_slow.insert(strings[other as usize].as_str().into(), other);
                        }
                        multi_slow.insert(p.as_str().into(), i as u32);
                    }
                }
            }
        }
        Matcher {
            pats,
            single,
            multi,
            multi_slow,
            texts: strings.into_iter().map(String::into_boxed_str).collect(),
            pairs,
            word_bits,
            bits,
        }
    }

    /// Whether a one-word pattern may have hash `h`, and whether a pattern of several
    /// words may begin with a word of hash `h`.
    #[inline]
    fn word_bits(&self, h: u64) -> (bool, bool) {
        let i = (h & 0xffff) as usize;
        let bit = 1 << (i & 63);
        let pair = &self.word_bits[(i >> 6) * 2..(i >> 6) * 2 + 2];
        (pair[0] & bit != 0, pair[1] & bit != 0)
    }

    /// Whether the first two words of a pattern may have this hash.
    #[inline]
    fn bit(&self, h: u64) -> bool {
        let i = (h & 0xffff) as usize;
        self.bits[i >> 6] & (1 << (i & 63)) != 0
    }

    /// The pattern of several words of text `s`, whose hash is `h`.
    #[inline]
    fn multi_of(&self, h: u64, s: &str) -> Option<u32> {
        match self.multi.get(&h) {
            Some(&u32::MAX) => self.multi_slow.get(s).copied(),
            Some(&p) if *self.texts[p as usize] == *s => Some(p),
            _ => None,
        }
    }

    /// Every accepted hit in a document, in no particular order.
    ///
    /// Names are looked up from each word token's start and from each place a proclitic
    /// may end inside it; from one start, the names of several words that end at a token
    /// end come longest first. Two sweeps: the first hashes every start, asks the bit
    /// filters and prefetches the slot of each one-word pattern that may be there; the
    /// second reads those slots, by then on their way, so the document's table reads
    /// overlap instead of waiting one after the other.
    pub fn find(&self, doc: &Doc, joined: &Joined) -> Vec<Cand> {
        let hay = joined.text.as_str();
        let mut probes: Vec<Probe> = Vec::with_capacity(doc.tokens.len());
        for (first, tok) in doc.tokens.iter().enumerate() {
            if !matches!(
                tok.kind,
                TokenKind::Word | TokenKind::Latin | TokenKind::Number
            ) {
                continue;
            }
            let ts = joined.starts[first] as usize;
            let te = joined.ends[first] as usize;
            let word = &hay[ts..te];
            // the start itself, then every proclitic cut; a word whose first letter can
            // start no proclitic (و ف ب ل ك, or ا of the article) has no other cut
            let clitic_start =
                matches!(word.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك' | 'ا'));
            let last_cut = if clitic_start {
                word.len().min(10) - 2
            } else {
                0
            };
            let mut cut = 0usize;
            while cut <= last_cut {
                // every proclitic is made of these letters (two bytes each): past any
                // other letter no longer cut can be one
                if cut > 0 && !matches!(&word.as_bytes()[cut - 2..cut], proclitic_letters!()) {
                    break;
                }
                let kind = prefix(&word[..cut]);
                if kind != Prefix::Other {
                    let h = key_hash(&word[cut..]);
                    let (single, begins) = self.word_bits(h);
                    if single {
                        crate::prefetch(&self.single.slots[self.single.home(h)]);
                    }
                    if single || begins {
                        probes.push(Probe {
                            first: first as u32,
                            cut: cut as u8,
                            kind,
                            h,
                            single,
                            begins,
                        });
                    }
                }
                cut += 2;
            }
        }
        let mut out = Vec::new();
        let mut ends = Vec::new();
        // the end of the next word after the last probe's token: a token ending later
        // (joiners end where the word before them does)
        let mut pair_end: Option<(usize, Option<usize>)> = None;
        for p in &probes {
            let first = p.first as usize;
            let ts = joined.starts[first] as usize;
            let te = joined.ends[first] as usize;
            let word = &hay[ts..te];
            let cut = usize::from(p.cut);
            let (pre, rest) = word.split_at(cut);
            if p.single {
                if let Some(pat) = self.single.get(p.h, rest) {
                    self.push(doc, first, first, pat, (pre, p.kind), rest.len(), &mut out);
                }
            }
            if !p.begins {
                continue;
            }
            let pe = match pair_end {
                Some((f, pe)) if f == first => pe,
                _ => {
                    let pe = joined.ends[first + 1..]
                        .iter()
                        .find(|&&e| e as usize > te)
                        .map(|&e| e as usize);
                    pair_end = Some((first, pe));
                    pe
                }
            };
            if let Some(pe) = pe {
                let pair = &hay[ts + cut..pe];
                let h = key_hash(pair);
                let longest = self.bit(h).then(|| self.pairs.get(&h)).flatten();
                if let Some(&longest) = longest {
                    let (s, reach) = (ts + cut, longest as usize);
                    let pre = (pre, p.kind);
                    self.from(doc, joined, first, s, reach, pre, &mut ends, &mut out);
                }
            }
        }
        out
    }

    /// Record the forms of pattern `p` found over tokens `first..=last` after `pre`.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        doc: &Doc,
        first: usize,
        last: usize,
        p: u32,
        (pre, kind): (&str, Prefix),
        len: usize,
        out: &mut Vec<Cand>,
    ) {
        for &(form, stripped) in &self.pats[p as usize] {
            let ok = if stripped {
                kind == Prefix::WithAl
            } else {
                matches!(kind, Prefix::Empty | Prefix::Plain)
            };
            if !ok {
                continue;
            }
            if first == last && len <= 8 && (pre.contains('ك') || pre.contains('ف')) {
                continue;
            }
            // span: particles stay outside, the article inside; a merged لل stays whole
            let particles = if !stripped {
                pre.len()
            } else if pre.ends_with("لل") {
                0
            } else {
                pre.len() - "ال".len()
            };
            out.push(Cand {
                first: first as u32,
                end: last as u32 + 1,
                form,
                start_byte: doc.tokens[first].form.start + particles as u32,
                end_byte: doc.tokens[last].form.end,
                particle: pre.len() > if stripped { 4 } else { 0 } || pre.ends_with("لل"),
                li: pre.contains('ل') && pre != "ال" && !pre.ends_with("ال"),
            });
        }
    }

    /// Names of several words starting at byte `s` of the joined text, inside token
    /// `first` after `pre`: the whole text up to each later token end at most `reach`
    /// bytes away (the longest name of these first two words) is looked up, the
    /// furthest end first. `ends` is scratch.
    ///
    /// This gives the hits an anchored leftmost-longest automaton gave, asked again
    /// below each hit's end: every name that is a prefix of the text from `s` and ends
    /// at a token end after `first`, longest first (the automaton stopped after six
    /// names from one start, which no lexicon name's prefixes reach; a test checks).
    #[allow(clippy::too_many_arguments)]
    fn from(
        &self,
        doc: &Doc,
        joined: &Joined,
        first: usize,
        s: usize,
        reach: usize,
        pre: (&str, Prefix),
        ends: &mut Vec<(u32, usize)>,
        out: &mut Vec<Cand>,
    ) {
        let hay = joined.text.as_str();
        let te = joined.ends[first];
        let reach = s + reach;
        // each token end after the first token's, with the first token ending there
        ends.clear();
        for (k, &e) in joined.ends.iter().enumerate().skip(first + 1) {
            if e as usize > reach {
                break;
            }
            if e > te && ends.last().is_none_or(|&(last, _)| last < e) {
                ends.push((e, k));
            }
        }
        for &(e, last) in ends.iter().rev() {
            let text = &hay[s..e as usize];
            let h = key_hash(text);
            if let Some(p) = self.multi_of(h, text) {
                self.push(doc, first, last, p, pre, text.len(), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use rasd_lexicon::Source;

    /// The lookups by whole text find what the automaton they replace found only while
    /// no name has more than six names among its prefixes (itself included): the
    /// automaton gave up after six hits from one start.
    #[test]
    fn no_name_has_more_than_six_prefix_names() {
        let (rec, _) = crate::EntityRecognizer::load_with(&Source::embedded(), false);
        let m = &rec.matcher;
        let texts: std::collections::HashSet<&str> = m.texts.iter().map(|t| &**t).collect();
        let worst = m
            .texts
            .iter()
            .filter(|t| t.contains(' '))
            .map(|t| {
                let n = t
                    .char_indices()
                    .map(|(i, c)| i + c.len_utf8())
                    .filter(|&i| texts.contains(&t[..i]))
                    .count();
                (n, t)
            })
            .max();
        assert!(
            worst.as_ref().is_none_or(|w| w.0 <= 6),
            "help: {worst:?} has too many names among its prefixes"
        );
    }
}
