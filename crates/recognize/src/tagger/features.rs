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
use rasd_text::hash::{FxHashMap, FxHashSet};

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
    /// A bitmap of first words' core hashes (low bits), so that most tokens are
    /// ruled out without a map lookup.
    first: Vec<u64>,
    /// Hashes of the one-word prefixes that a longer entry continues: a word whose
    /// one-word hash is not here begins no entry of several words.
    longer: FxHashSet<u64>,
}

/// What the lists say of one word on its own (see [`Lists::word`]): it depends on the
/// word's core alone, so the tagger keeps it with the word's cached sums and marks a
/// sentence without probing the entry map for each token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListWord {
    /// Classes of the one-word entries the word is.
    pub bits: u32,
    /// Whether the word alone is an entry or an entry's first word.
    pub begins: bool,
    /// Whether an entry of several words may begin with it.
    pub longer: bool,
}

/// Bits of the first-word bitmap (32 KB).
const FIRST_BITS: u32 = 18;

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
        if self.first.is_empty() {
            self.first = vec![0; 1 << (FIRST_BITS - 6)];
        }
        let b = first_bit(hash::str(cores[0]));
        self.first[b >> 6] |= 1 << (b & 63);
        let mut h = SEQ_SEED;
        for (k, c) in cores.iter().enumerate() {
            h = seq_step(h, hash::str(c));
            let e = self.entries.entry(h).or_insert(0);
            if k + 1 == cores.len() {
                *e |= 1 << class;
            } else if k == 0 {
                self.longer.insert(h);
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
        // the filter's words first, all at once, so that their reads overlap
        for &c in core_hashes {
            crate::prefetch(&self.first[first_bit(c) >> 6]);
        }
        for i in 0..n {
            let b = first_bit(core_hashes[i]);
            if self.first[b >> 6] >> (b & 63) & 1 == 0 {
                continue;
            }
            self.mark_from(core_hashes, i, SEQ_SEED, 1, begin, inside);
        }
    }

    /// Mark the entries starting at token `i` of `from` words or more, `h` being the
    /// sequence hash of its first `from - 1` words.
    fn mark_from(
        &self,
        core_hashes: &[u64],
        i: usize,
        mut h: u64,
        from: usize,
        begin: &mut [u32],
        inside: &mut [u32],
    ) {
        for len in from..=self.max_len.min(core_hashes.len() - i) {
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

    /// What the lists say of a word of core hash `core` on its own.
    pub fn word(&self, core: u64) -> ListWord {
        let b = first_bit(core);
        if self.entries.is_empty() || self.first[b >> 6] >> (b & 63) & 1 == 0 {
            return ListWord::default();
        }
        let h = seq_step(SEQ_SEED, core);
        match self.entries.get(&h) {
            Some(&bits) => ListWord {
                bits,
                begins: true,
                longer: self.longer.contains(&h),
            },
            None => ListWord::default(),
        }
    }

    /// [`Lists::mark`] for a sentence whose words' [`Lists::word`] are known: only
    /// words that begin an entry of several words probe the entry map. The same marks,
    /// a collision of 64-bit sequence hashes aside (a word no longer entry continues
    /// could then continue one whose hash its two-word hash equals).
    fn mark_known(
        &self,
        core_hashes: &[u64],
        words: &[ListWord],
        begin: &mut [u32],
        inside: &mut [u32],
    ) {
        for (i, w) in words.iter().enumerate() {
            if !w.begins {
                continue;
            }
            begin[i] |= w.bits;
            if !w.longer {
                continue;
            }
            let h = seq_step(SEQ_SEED, core_hashes[i]);
            self.mark_from(core_hashes, i, h, 2, begin, inside);
        }
    }
}

const SEQ_SEED: u64 = 0x7a3c_0f1e_55aa_1234;

#[inline]
fn first_bit(core: u64) -> usize {
    (core & ((1 << FIRST_BITS) - 1)) as usize
}

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

/// What the features need of one token; it depends on the token alone (its form,
/// core, clitics and kind), so the tagger computes it once per word type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Info {
    /// Hash of the form.
    pub form: u64,
    /// Hash of the core.
    pub core: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    shape: u64,
    clitics: u64,
    /// Cluster ids, coarse to fine (all 0 without a cluster).
    pub cluster: [u16; CLUSTER_LEVELS],
    /// Whether the core has a cluster.
    pub has_cluster: bool,
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

/// The features' view of one token.
pub fn info(u: &Unit<'_>, res: &Resources) -> Info {
    info_with(u, hash::str(u.form), hash::str(u.core), res)
}

/// [`info`] when the hashes of the form and core are already known.
pub fn info_with(u: &Unit<'_>, form: u64, core: u64, res: &Resources) -> Info {
    let mut i = Info {
        form,
        core,
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

/// Offsets of the words a token's features look at: two on each side.
pub const OFFSETS: [i64; 5] = [-2, -1, 0, 1, 2];

/// The features a word contributes to the token `off` positions before it (`off`
/// = the word's position − the token's; 0 for the token itself). They depend on
/// the word alone, so their weights can be summed once per word type and offset.
pub fn word_features(w: &Info, off: i64, out: &mut Vec<u64>) {
    let slot = (off + 2) as u64;
    if off == 0 {
        out.push(hash::mix(T_FORM, w.form));
        out.push(hash::mix(T_CORE, w.core));
        for k in 0..4 {
            if w.pre[k] != 0 {
                out.push(hash::mix(T_PRE + k as u64, w.pre[k]));
            }
            if w.suf[k] != 0 {
                out.push(hash::mix(T_SUF + k as u64, w.suf[k]));
            }
        }
        out.push(hash::mix(T_SHAPE, w.shape));
        out.push(hash::mix(T_CLITICS, w.clitics));
        if w.has_cluster {
            for (l, c) in w.cluster.iter().enumerate() {
                out.push(hash::mix(T_CLUSTER + l as u64, u64::from(*c)));
            }
        }
        return;
    }
    out.push(hash::mix(T_FORM_AT + slot, w.form));
    out.push(hash::mix(T_CORE_AT + slot, w.core));
    if off.abs() == 1 {
        out.push(hash::mix(T_SUF_AT + slot, w.suf[1]));
        out.push(hash::mix(T_SHAPE_AT + slot, w.shape));
        if w.has_cluster {
            out.push(hash::mix(
                T_CLUSTER_AT + slot,
                u64::from(w.cluster[CLUSTER_LEVELS - 1]),
            ));
        }
    }
}

/// The feature of a missing neighbour at `off` (past the sentence's edge).
pub fn edge_feature(off: i64) -> u64 {
    hash::mix(T_FORM_AT + (off + 2) as u64, 0)
}

/// The feature every token has.
pub fn bias_feature() -> u64 {
    hash::mix(T_BIAS, 0)
}

/// The feature of a sentence's first token.
pub fn first_feature() -> u64 {
    hash::mix(T_FIRST, 0)
}

/// The feature of a sentence's last token.
pub fn last_feature() -> u64 {
    hash::mix(T_LAST, 0)
}

/// The feature of word bigram (`a`, `b`) (core hashes) for the token `b`.
#[inline]
pub fn bigram_left(a: u64, b: u64) -> u64 {
    hash::mix2(T_BIGRAM_L, a, b)
}

/// The feature of word bigram (`a`, `b`) (core hashes) for the token `a`.
#[inline]
pub fn bigram_right(a: u64, b: u64) -> u64 {
    hash::mix2(T_BIGRAM_R, a, b)
}

/// The set of lists in `bits` as one value (the XOR of their name hashes; 0 for
/// none), so adding a list file does not change the meaning of the others.
#[inline]
pub fn list_set(lists: &Lists, mut bits: u32) -> u64 {
    let mut set = 0u64;
    while bits != 0 {
        set ^= lists.class_hash[bits.trailing_zeros() as usize];
        bits &= bits - 1;
    }
    set
}

/// The lists the previous token belongs to (`set`, see [`list_set`]), crossed with
/// this token's coarse cluster: `اللواء` + a name-like word, `مدينة` + a place-like
/// word.
#[inline]
pub fn conj_feature(set: u64, cluster0: u16) -> u64 {
    hash::mix2(T_CONJ, set, u64::from(cluster0))
}

/// The feature "a list entry of class `class` (its name hash) begins at offset `off`"
/// (−2 ..= 1).
pub fn list_begin_feature(off: i64, class: u64) -> u64 {
    hash::mix(T_LIST_B + (off + 2) as u64, class)
}

/// The feature "the token at `off` (−1 or 0) is inside a list entry of `class`, past
/// its first word".
pub fn list_inside_feature(off: i64, class: u64) -> u64 {
    hash::mix(T_LIST_I + (off + 2) as u64, class)
}

impl Lists {
    /// Name hash of each class, by bit.
    pub fn class_hashes(&self) -> &[u64] {
        &self.class_hash
    }
}

/// Mark the list matches of a sentence's cores: `begin[i]` gets the classes of
/// entries starting at token `i`, `inside[i]` those covering `i` past their start.
pub fn mark_lists(lists: &Lists, cores: &[u64], begin: &mut Vec<u32>, inside: &mut Vec<u32>) {
    zero_marks(cores.len(), begin, inside);
    lists.mark(cores, begin, inside);
}

/// [`mark_lists`] with each word's [`ListWord`] known.
pub fn mark_lists_known(
    lists: &Lists,
    cores: &[u64],
    words: &[ListWord],
    begin: &mut Vec<u32>,
    inside: &mut Vec<u32>,
) {
    zero_marks(cores.len(), begin, inside);
    lists.mark_known(cores, words, begin, inside);
}

/// `n` unmarked tokens in both mark buffers.
fn zero_marks(n: usize, begin: &mut Vec<u32>, inside: &mut Vec<u32>) {
    for v in [begin, inside] {
        v.clear();
        v.resize(n, 0);
    }
}

/// The features of token `i` that are not [`word_features`]: bias, position, word
/// bigrams, list membership around it and the lists × cluster conjunction.
pub fn context_features(
    i: usize,
    info: &[Info],
    begin: &[u32],
    inside: &[u32],
    lists: &Lists,
    out: &mut Vec<u64>,
) {
    let n = info.len();
    out.push(bias_feature());
    if i == 0 {
        out.push(first_feature());
    }
    if i + 1 == n {
        out.push(last_feature());
    }
    if i > 0 {
        out.push(bigram_left(info[i - 1].core, info[i].core));
    }
    if i + 1 < n {
        out.push(bigram_right(info[i].core, info[i + 1].core));
    }
    let prev = if i > 0 {
        begin[i - 1] | inside[i - 1]
    } else {
        0
    };
    out.push(conj_feature(list_set(lists, prev), info[i].cluster[0]));
    for off in [-2i64, -1, 0, 1] {
        let j = i as i64 + off;
        if j < 0 || j >= n as i64 {
            continue;
        }
        let mut b = begin[j as usize];
        while b != 0 {
            let bit = b.trailing_zeros() as usize;
            out.push(list_begin_feature(off, lists.class_hash[bit]));
            b &= b - 1;
        }
        if (-1..=0).contains(&off) {
            let mut b = inside[j as usize];
            while b != 0 {
                let bit = b.trailing_zeros() as usize;
                out.push(list_inside_feature(off, lists.class_hash[bit]));
                b &= b - 1;
            }
        }
    }
}

/// Compute the features of every token of one sentence into `s.feats`/`s.offsets`
/// (training; the tagger sums the same features by word type, see `super::fast`).
pub fn extract(units: &[Unit<'_>], res: &Resources, s: &mut Scratch) {
    let n = units.len();
    s.info.clear();
    s.info.extend(units.iter().map(|u| info(u, res)));
    s.core_hashes.clear();
    s.core_hashes.extend(s.info.iter().map(|i| i.core));
    mark_lists(&res.lists, &s.core_hashes, &mut s.begin, &mut s.inside);
    s.feats.clear();
    s.offsets.clear();
    let f = &mut s.feats;
    for i in 0..n {
        s.offsets.push(f.len() as u32);
        for off in OFFSETS {
            let j = i as i64 + off;
            if j < 0 || j >= n as i64 {
                if off != 0 {
                    f.push(edge_feature(off));
                }
                continue;
            }
            word_features(&s.info[j as usize], off, f);
        }
        context_features(i, &s.info, &s.begin, &s.inside, &res.lists, f);
    }
    s.offsets.push(f.len() as u32);
}

/// Document hints of one token: bit `2·type` when its core was tagged as the start
/// of a mention of that type elsewhere in the document window by the first pass,
/// bit `2·type + 1` when inside one.
pub type Hint = u8;

/// How many sentences before and after a sentence make its document window.
pub const WINDOW: usize = 20;

/// Number of distinct second-pass features (see [`stage2`]).
pub const STAGE2_CODES: usize = S2_HINT_TYPE + 12 + 8 + 3 * 9 * 2;
const S2_HINT_TYPE: usize = 3 * 8;
const S2_START: usize = S2_HINT_TYPE + 12;
const S2_STAGE1: usize = S2_START + 8;

/// Second-pass features of token `i`, as codes below [`STAGE2_CODES`] (see
/// [`stage2_hash`]): the hints of it and its neighbours, and the first pass's tags
/// of them (stacking).
pub fn stage2(hints: &[Hint], tags1: &[usize], i: usize, out: &mut Vec<u8>) {
    let n = hints.len();
    for off in [-1i64, 0, 1] {
        let j = i as i64 + off;
        if j < 0 || j >= n as i64 {
            continue;
        }
        let slot = (off + 1) as usize;
        let j = j as usize;
        let mut b = hints[j];
        while b != 0 {
            out.push((slot * 8 + b.trailing_zeros() as usize) as u8);
            b &= b - 1;
        }
        // The types seen, B or I alike, and for the token itself whether the first
        // pass left the token before it outside a mention (a repeated surname
        // `رامسفيلد` seen inside `دونالد رامسفيلد` starts a mention here).
        let prev_out = usize::from(i == 0 || tags1[i - 1] == 0);
        for ty in 0..4usize {
            if hints[j] >> (2 * ty) & 3 != 0 {
                out.push((S2_HINT_TYPE + slot * 4 + ty) as u8);
                if off == 0 {
                    out.push((S2_START + ty * 2 + prev_out) as u8);
                }
            }
        }
        if off == 0 || tags1[j] != 0 {
            let t = tags1[j].min(8);
            let own = usize::from(off == 0 && hints[j] != 0);
            out.push((S2_STAGE1 + (slot * 9 + t) * 2 + own) as u8);
        }
    }
}

/// The one second-pass code of token `i` when no hint is set on it or its
/// neighbours and its neighbours' first-pass tags are `O` (most tokens): its own
/// first-pass tag. `None` otherwise (use [`stage2`]).
#[inline]
pub fn stage2_plain(hints: &[Hint], tags1: &[usize], i: usize) -> Option<u8> {
    let (lo, hi) = (i.saturating_sub(1), (i + 2).min(hints.len()));
    let quiet = hints[lo..hi].iter().all(|h| *h == 0)
        && (i == 0 || tags1[i - 1] == 0)
        && (i + 1 >= tags1.len() || tags1[i + 1] == 0);
    quiet.then(|| (S2_STAGE1 + (9 + tags1[i].min(8)) * 2) as u8)
}

/// The feature hash of a second-pass code.
pub fn stage2_hash(code: u8) -> u64 {
    let c = usize::from(code);
    if c < S2_HINT_TYPE {
        hash::mix(T_HINT + (c / 8) as u64, (c % 8) as u64)
    } else if c < S2_START {
        let c = c - S2_HINT_TYPE;
        hash::mix(T_HINT_TYPE + (c / 4) as u64, (c % 4) as u64)
    } else if c < S2_STAGE1 {
        let c = c - S2_START;
        hash::mix2(T_HINT_START, (c / 2) as u64, (c % 2) as u64)
    } else {
        let c = c - S2_STAGE1;
        let (slot, t, own) = (c / 18, (c % 18) / 2, c % 2);
        hash::mix2(T_STAGE1 + slot as u64, t as u64, own as u64)
    }
}

/// Counts of first-pass tags per core over a window of sentences.
#[derive(Debug, Default)]
pub struct HintWindow {
    counts: FxHashMap<u64, [u16; 8]>,
    /// One bit per value of the top ten bits of the cores ever added: most tokens
    /// were tagged nowhere in the window and need no map lookup.
    added: [u64; 16],
}

/// The bit of a core hash in [`HintWindow::added`].
#[inline]
fn added_bit(core: u64) -> (usize, u64) {
    ((core >> 60) as usize, 1 << (core >> 54 & 63))
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
                let (w, bit) = added_bit(*c);
                self.added[w] |= bit;
                e[t - 1] += 1;
            } else {
                e[t - 1] = e[t - 1].saturating_sub(1);
            }
        }
    }

    /// The hints of a sentence's tokens, not counting their own tags.
    pub fn hints(&self, cores: &[u64], tags: &[usize], out: &mut Vec<Hint>) {
        out.clear();
        self.extend_hints(cores, tags, out);
    }

    /// [`HintWindow::hints`] appended to `out`.
    pub fn extend_hints(&self, cores: &[u64], tags: &[usize], out: &mut Vec<Hint>) {
        if self.counts.is_empty() {
            out.resize(out.len() + cores.len(), 0);
            return;
        }
        for (c, &t) in cores.iter().zip(tags) {
            let mut h: Hint = 0;
            let (w, bit) = added_bit(*c);
            if self.added[w] & bit == 0 {
                out.push(h);
                continue;
            }
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
    let mut starts = vec![0u32];
    for c in cores {
        starts.push(starts[starts.len() - 1] + c.len() as u32);
    }
    let flat_cores: Vec<u64> = cores.concat();
    let flat_tags: Vec<usize> = tags.concat();
    let mut flat = Vec::new();
    window_hints_flat(
        &starts,
        &flat_cores,
        &flat_tags,
        &mut HintWindow::default(),
        &mut flat,
    );
    starts
        .windows(2)
        .map(|w| flat[w[0] as usize..w[1] as usize].to_vec())
        .collect()
}

/// [`window_hints`] on sentences laid end to end: sentence `s` is tokens
/// `starts[s]..starts[s + 1]` of `cores` and `tags`; `out` gets one hint per token.
/// `w` is a reusable buffer.
pub fn window_hints_flat(
    starts: &[u32],
    cores: &[u64],
    tags: &[usize],
    w: &mut HintWindow,
    out: &mut Vec<Hint>,
) {
    let n = starts.len().saturating_sub(1);
    let range = |s: usize| starts[s] as usize..starts[s + 1] as usize;
    w.counts.clear();
    w.added = [0; 16];
    out.clear();
    for k in 0..n.min(WINDOW + 1) {
        w.update(&cores[range(k)], &tags[range(k)], true);
    }
    for s in 0..n {
        w.extend_hints(&cores[range(s)], &tags[range(s)], out);
        if s + WINDOW + 1 < n {
            let r = range(s + WINDOW + 1);
            w.update(&cores[r.clone()], &tags[r], true);
        }
        if s >= WINDOW {
            let r = range(s - WINDOW);
            w.update(&cores[r.clone()], &tags[r], false);
        }
    }
}
