//! Feature extraction: every token of a sentence becomes a short list of 64-bit
//! feature hashes, computed from borrowed slices of the matching form with no
//! per-token allocation.
//!
//! A token is seen as a [`Unit`]: its folded form, its clitic-free core and the
//! clitic flags of `rasd-text`'s segmenter. Features are the word and its core,
//! prefixes and suffixes of 1–4 letters, clitic flags, word shape, the words and
//! cores of the two tokens on each side, word bigrams, list membership (places,
//! given names, trigger words such as `اللواء` or `مدينة`, matched on cores so
//! `بمدينة` counts), word clusters learned from unlabelled text, and position in
//! the sentence. Each template has its own id, mixed into the hash, so the same
//! string in two roles gives two features.

use rasd_model::TokenKind;
use rasd_text::hash::FxHashMap;

use super::hash;

/// One token as the tagger sees it.
#[derive(Clone, Copy, Debug)]
pub struct Unit<'a> {
    /// The whole token in the matching form.
    pub form: &'a str,
    /// The token without proclitics and pronoun suffix.
    pub core: &'a str,
    /// `rasd_model::Clitics` bits.
    pub clitics: u16,
    /// What the token is.
    pub kind: TokenKind,
}

/// How many cluster granularities a word carries.
pub const CLUSTER_LEVELS: usize = 3;

/// Word lists the features test membership in: each list is a class (one bit),
/// entries may span several words; matching is on cores.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    /// Class names, by bit.
    pub classes: Vec<String>,
    /// Hash of each class name: features use it rather than the bit, so adding a
    /// list file does not shift the meaning of the others.
    class_hash: Vec<u64>,
    /// Hash of an entry's core sequence → class bits (0 for a prefix of entries).
    entries: FxHashMap<u64, u32>,
    /// The longest entry, in words.
    max_len: usize,
}

impl Lists {
    /// The bit of a class, adding it if new (at most 32 classes; `None` past that).
    pub fn class(&mut self, name: &str) -> Option<usize> {
        if let Some(i) = self.classes.iter().position(|c| c == name) {
            return Some(i);
        }
        if self.classes.len() >= 32 {
            return None;
        }
        self.classes.push(name.to_string());
        self.class_hash.push(hash::str(name));
        Some(self.classes.len() - 1)
    }

    /// Add an entry (its words' cores, in order) to class bit `class`.
    pub fn add(&mut self, cores: &[&str], class: usize) {
        if cores.is_empty() || class >= self.classes.len() {
            return;
        }
        // Every proper prefix is stored too (with no class), so matching stops at
        // the first word that no entry continues with.
        let mut h = SEQ_SEED;
        for (k, c) in cores.iter().enumerate() {
            h = seq_step(h, hash::str(c));
            let e = self.entries.entry(h).or_insert(0);
            if k + 1 == cores.len() {
                *e |= 1 << class;
            }
        }
        self.max_len = self.max_len.max(cores.len());
    }

    /// Number of distinct entries and entry prefixes.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Mark list matches: `begin[i]` gets the classes of entries starting at
    /// token `i`, `inside[i]` those of entries covering `i` past their start.
    fn mark(&self, core_hashes: &[u64], begin: &mut [u32], inside: &mut [u32]) {
        if self.entries.is_empty() {
            return;
        }
        let n = core_hashes.len();
        for i in 0..n {
            let mut h = SEQ_SEED;
            for len in 1..=self.max_len.min(n - i) {
                h = seq_step(h, core_hashes[i + len - 1]);
                let Some(&bits) = self.entries.get(&h) else {
                    break;
                };
                begin[i] |= bits;
                for x in &mut inside[i + 1..i + len] {
                    *x |= bits;
                }
            }
        }
    }
}

const SEQ_SEED: u64 = 0x7a3c_0f1e_55aa_1234;

#[inline]
fn seq_step(h: u64, x: u64) -> u64 {
    hash::mix2(0x5e9, h, x)
}

/// Word clusters: core hash → cluster id at each granularity (coarse to fine).
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// The map.
    pub map: FxHashMap<u64, [u16; CLUSTER_LEVELS]>,
}

/// Everything besides the weights that features need.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    /// Word lists.
    pub lists: Lists,
    /// Word clusters.
    pub clusters: Clusters,
}

/// What is precomputed once per token of a sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    form: u64,
    core: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    shape: u64,
    clitics: u64,
    cluster: [u16; CLUSTER_LEVELS],
    has_cluster: bool,
}

/// Reusable buffers, so that tagging a document allocates a few vectors, not one
/// per token.
#[derive(Debug, Default)]
pub struct Scratch {
    info: Vec<Info>,
    core_hashes: Vec<u64>,
    begin: Vec<u32>,
    inside: Vec<u32>,
    /// Feature hashes of all tokens, concatenated.
    pub feats: Vec<u64>,
    /// `feats[offsets[i]..offsets[i + 1]]` are the features of token `i`.
    pub offsets: Vec<u32>,
}

impl Scratch {
    /// Hashes of the cores of the last sentence extracted.
    pub fn core_hashes(&self) -> &[u64] {
        &self.core_hashes
    }
}

// Template ids. Never renumber: the model file stores hashes that include them.
const T_BIAS: u64 = 1;
const T_FORM: u64 = 2;
const T_CORE: u64 = 3;
const T_PRE: u64 = 10; // + 0..4
const T_SUF: u64 = 20; // + 0..4
const T_SHAPE: u64 = 30;
const T_CLITICS: u64 = 31;
const T_FORM_AT: u64 = 40; // + offset + 2
const T_CORE_AT: u64 = 50; // + offset + 2
const T_BIGRAM_L: u64 = 60;
const T_BIGRAM_R: u64 = 61;
const T_LIST_B: u64 = 70; // + offset + 2
const T_LIST_I: u64 = 80; // + offset + 2
const T_CLUSTER: u64 = 90; // + level
const T_CLUSTER_AT: u64 = 100; // + offset + 2
const T_FIRST: u64 = 110;
const T_LAST: u64 = 111;
const T_SUF_AT: u64 = 120; // + offset + 2
const T_SHAPE_AT: u64 = 130; // + offset + 2
const T_HINT: u64 = 140; // + offset + 1
const T_HINT_TYPE: u64 = 143; // + offset + 1
const T_HINT_START: u64 = 146;
const T_STAGE1: u64 = 150; // + offset + 1
const T_CONJ: u64 = 161;

fn kind_code(k: TokenKind) -> u64 {
    match k {
        TokenKind::Word => 1,
        TokenKind::Latin => 2,
        TokenKind::Number => 3,
        TokenKind::Punct => 4,
        TokenKind::Symbol => 5,
    }
}

fn info(u: &Unit<'_>, res: &Resources) -> Info {
    let mut i = Info {
        form: hash::str(u.form),
        core: hash::str(u.core),
        ..Info::default()
    };
    // Prefixes and suffixes of 1–4 characters of the whole form.
    let mut n = 0usize;
    for (k, (b, c)) in u.form.char_indices().take(4).enumerate() {
        i.pre[k] = hash::str(&u.form[..b + c.len_utf8()]);
        n = k + 1;
    }
    for (k, (b, _)) in u.form.char_indices().rev().take(4).enumerate() {
        i.suf[k] = hash::str(&u.form[b..]);
    }
    let chars = if n < 4 { n } else { u.form.chars().count() };
    let len_bucket = match chars {
        0..=2 => chars as u64,
        3..=4 => 3,
        5..=6 => 4,
        7..=9 => 5,
        _ => 6,
    };
    i.shape = kind_code(u.kind) << 8 | len_bucket;
    i.clitics = u64::from(u.clitics);
    if let Some(c) = res.clusters.map.get(&i.core) {
        i.cluster = *c;
        i.has_cluster = true;
    }
    i
}

/// Compute the features of every token of one sentence into `s.feats`/`s.offsets`.
pub fn extract(units: &[Unit<'_>], res: &Resources, s: &mut Scratch) {
    let n = units.len();
    s.info.clear();
    s.info.extend(units.iter().map(|u| info(u, res)));
    s.core_hashes.clear();
    s.core_hashes.extend(s.info.iter().map(|i| i.core));
    s.begin.clear();
    s.begin.resize(n, 0);
    s.inside.clear();
    s.inside.resize(n, 0);
    res.lists.mark(&s.core_hashes, &mut s.begin, &mut s.inside);
    s.feats.clear();
    s.offsets.clear();
    let f = &mut s.feats;
    for i in 0..n {
        s.offsets.push(f.len() as u32);
        let me = &s.info[i];
        f.push(hash::mix(T_BIAS, 0));
        f.push(hash::mix(T_FORM, me.form));
        f.push(hash::mix(T_CORE, me.core));
        for k in 0..4 {
            if me.pre[k] != 0 {
                f.push(hash::mix(T_PRE + k as u64, me.pre[k]));
            }
            if me.suf[k] != 0 {
                f.push(hash::mix(T_SUF + k as u64, me.suf[k]));
            }
        }
        f.push(hash::mix(T_SHAPE, me.shape));
        f.push(hash::mix(T_CLITICS, me.clitics));
        if i == 0 {
            f.push(hash::mix(T_FIRST, 0));
        }
        if i + 1 == n {
            f.push(hash::mix(T_LAST, 0));
        }
        for off in [-2i64, -1, 1, 2] {
            let j = i as i64 + off;
            let slot = (off + 2) as u64;
            if j < 0 || j >= n as i64 {
                f.push(hash::mix(T_FORM_AT + slot, 0));
                continue;
            }
            let o = &s.info[j as usize];
            f.push(hash::mix(T_FORM_AT + slot, o.form));
            f.push(hash::mix(T_CORE_AT + slot, o.core));
            if off.abs() == 1 {
                f.push(hash::mix(T_SUF_AT + slot, o.suf[1]));
                f.push(hash::mix(T_SHAPE_AT + slot, o.shape));
                if o.has_cluster {
                    f.push(hash::mix(
                        T_CLUSTER_AT + slot,
                        u64::from(o.cluster[CLUSTER_LEVELS - 1]),
                    ));
                }
            }
        }
        if i > 0 {
            f.push(hash::mix2(T_BIGRAM_L, s.info[i - 1].core, me.core));
        }
        if i + 1 < n {
            f.push(hash::mix2(T_BIGRAM_R, me.core, s.info[i + 1].core));
        }
        // The set of lists the previous token belongs to, crossed with this token's
        // coarse cluster: `اللواء` + a name-like word, `مدينة` + a place-like word.
        let mut prev = if i > 0 {
            s.begin[i - 1] | s.inside[i - 1]
        } else {
            0
        };
        let mut set = 0u64;
        while prev != 0 {
            set ^= res.lists.class_hash[prev.trailing_zeros() as usize];
            prev &= prev - 1;
        }
        f.push(hash::mix2(T_CONJ, set, u64::from(me.cluster[0])));
        for (l, c) in me.cluster.iter().enumerate() {
            if me.has_cluster {
                f.push(hash::mix(T_CLUSTER + l as u64, u64::from(*c)));
            }
        }
        for off in [-2i64, -1, 0, 1] {
            let j = i as i64 + off;
            if j < 0 || j >= n as i64 {
                continue;
            }
            let slot = (off + 2) as u64;
            let mut b = s.begin[j as usize];
            while b != 0 {
                let bit = b.trailing_zeros() as usize;
                f.push(hash::mix(T_LIST_B + slot, res.lists.class_hash[bit]));
                b &= b - 1;
            }
            if (-1..=0).contains(&off) {
                let mut b = s.inside[j as usize];
                while b != 0 {
                    let bit = b.trailing_zeros() as usize;
                    f.push(hash::mix(T_LIST_I + slot, res.lists.class_hash[bit]));
                    b &= b - 1;
                }
            }
        }
    }
    s.offsets.push(f.len() as u32);
}

/// Document hints of one token: bit `2·type` when its core was tagged as the start
/// of a mention of that type elsewhere in the document window by the first pass,
/// bit `2·type + 1` when inside one.
pub type Hint = u8;

/// How many sentences before and after a sentence make its document window.
pub const WINDOW: usize = 20;

/// Second-pass features of token `i`: the hints of it and its neighbours, and the
/// first pass's tags of them (stacking).
pub fn stage2(hints: &[Hint], tags1: &[usize], i: usize, out: &mut Vec<u64>) {
    let n = hints.len();
    for off in [-1i64, 0, 1] {
        let j = i as i64 + off;
        if j < 0 || j >= n as i64 {
            continue;
        }
        let slot = (off + 1) as u64;
        let j = j as usize;
        let mut b = hints[j];
        while b != 0 {
            out.push(hash::mix(T_HINT + slot, u64::from(b.trailing_zeros())));
            b &= b - 1;
        }
        // The types seen, B or I alike, and for the token itself whether the first
        // pass left the token before it outside a mention (a repeated surname
        // `رامسفيلد` seen inside `دونالد رامسفيلد` starts a mention here).
        let prev_out = u64::from(i == 0 || tags1[i - 1] == 0);
        for ty in 0..4u64 {
            if hints[j] >> (2 * ty) & 3 != 0 {
                out.push(hash::mix(T_HINT_TYPE + slot, ty));
                if off == 0 {
                    out.push(hash::mix2(T_HINT_START, ty, prev_out));
                }
            }
        }
        if off == 0 || tags1[j] != 0 {
            out.push(hash::mix2(
                T_STAGE1 + slot,
                tags1[j] as u64,
                u64::from(off == 0 && hints[j] != 0),
            ));
        }
    }
}

/// Counts of first-pass tags per core over a window of sentences.
#[derive(Debug, Default)]
pub struct HintWindow {
    counts: FxHashMap<u64, [u16; 8]>,
}

impl HintWindow {
    /// Add (`sign = 1`) or remove (`sign = -1`) one sentence's tagged cores.
    pub fn update(&mut self, cores: &[u64], tags: &[usize], add: bool) {
        for (c, &t) in cores.iter().zip(tags) {
            if t == 0 || t > 8 {
                continue;
            }
            let e = self.counts.entry(*c).or_insert([0; 8]);
            if add {
                e[t - 1] += 1;
            } else {
                e[t - 1] = e[t - 1].saturating_sub(1);
            }
        }
    }

    /// The hints of a sentence's tokens, not counting their own tags.
    pub fn hints(&self, cores: &[u64], tags: &[usize], out: &mut Vec<Hint>) {
        out.clear();
        for (c, &t) in cores.iter().zip(tags) {
            let mut h: Hint = 0;
            if let Some(e) = self.counts.get(c) {
                for (k, &n) in e.iter().enumerate() {
                    let own = u16::from(t == k + 1);
                    if n > own {
                        h |= 1 << k;
                    }
                }
            }
            out.push(h);
        }
    }
}

/// Hints for every sentence of a sequence (a document, or a CoNLL file read as
/// consecutive documents), each from the sentences within [`WINDOW`] of it.
pub fn window_hints(cores: &[Vec<u64>], tags: &[Vec<usize>]) -> Vec<Vec<Hint>> {
    let n = cores.len();
    let mut w = HintWindow::default();
    let mut out = Vec::with_capacity(n);
    for k in 0..n.min(WINDOW + 1) {
        w.update(&cores[k], &tags[k], true);
    }
    for s in 0..n {
        let mut h = Vec::new();
        w.hints(&cores[s], &tags[s], &mut h);
        out.push(h);
        if s + WINDOW + 1 < n {
            w.update(&cores[s + WINDOW + 1], &tags[s + WINDOW + 1], true);
        }
        if s >= WINDOW {
            w.update(&cores[s - WINDOW], &tags[s - WINDOW], false);
        }
    }
    out
}
