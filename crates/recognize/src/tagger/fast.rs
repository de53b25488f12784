//! Decoding without a table lookup per feature: the tagger's scores are sums of
//! feature weights, and most features depend on one word and its offset from the
//! token being scored (the word, its core, affixes, shape, cluster, and the same
//! for the two words on each side; see [`features::word_features`]). Their sums
//! are computed once per word type and offset and kept in a bounded per-thread
//! cache, so a token costs one cache probe and five vector additions, plus the few
//! features that cross words (bigrams, lists, the list × cluster conjunction).
//! Features with a small fixed set of values (bias, position, sentence edges, list
//! classes, the second pass's document hints) are summed once when the tagger is
//! built. The sums are the same integers the feature-by-feature path adds, so tags
//! and margins are identical to it.

use std::cell::{Cell, RefCell};
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

use rasd_model::TokenKind;
use rasd_text::hash::FxHashMap;

use super::features::{self, Hint, HintWindow, ListWord, Resources, Unit, OFFSETS};
use super::hash;
use super::model::{Decoder, Model, NT};
use crate::prefetch;

/// Weights of both passes of one feature or sum of features.
pub type Acc = [i32; 2 * NT];

const ZERO: Acc = [0; 2 * NT];

/// Sums of the features with few values, for one model and one set of word lists.
#[derive(Debug)]
pub struct Fixed {
    /// Identity of this tagger in the word caches.
    owner: u64,
    bias: Acc,
    first: Acc,
    last: Acc,
    /// The feature of a missing neighbour, by offset + 2.
    edge: [Acc; 5],
    /// "An entry of this class begins at offset −2, −1, 0, 1", per class bit.
    list_b: Vec<[Acc; 4]>,
    /// "Inside an entry of this class at offset −1, 0", per class bit.
    list_i: Vec<[Acc; 2]>,
    /// The list × cluster conjunction when the previous token is in no list, by the
    /// token's coarse cluster.
    conj0: Vec<Acc>,
    /// Second-pass weights of each second-pass code.
    stage2: Vec<[i32; NT]>,
}

static OWNERS: AtomicU64 = AtomicU64::new(1);

fn sum(md: &Model, h: u64) -> Acc {
    let mut a = ZERO;
    md.add_to(h, &mut a);
    a
}

impl Fixed {
    /// Sum the fixed features of `md` with the word lists and clusters of `res`.
    pub fn new(md: &Model, res: &Resources) -> Fixed {
        let mut edge = [ZERO; 5];
        for off in OFFSETS {
            if off != 0 {
                edge[(off + 2) as usize] = sum(md, features::edge_feature(off));
            }
        }
        let classes = res.lists.class_hashes();
        let list_b = classes
            .iter()
            .map(|&c| {
                let mut a = [ZERO; 4];
                for (k, x) in a.iter_mut().enumerate() {
                    *x = sum(md, features::list_begin_feature(k as i64 - 2, c));
                }
                a
            })
            .collect();
        let list_i = classes
            .iter()
            .map(|&c| {
                let mut a = [ZERO; 2];
                for (k, x) in a.iter_mut().enumerate() {
                    *x = sum(md, features::list_inside_feature(k as i64 - 1, c));
                }
                a
            })
            .collect();
        let max_c0 = res.clusters.map.values().map(|c| c[0]).max().unwrap_or(0);
        let conj0 = (0..=max_c0)
            .map(|c| sum(md, features::conj_feature(0, c)))
            .collect();
        let stage2 = (0..features::STAGE2_CODES)
            .map(|c| {
                let a = sum(md, features::stage2_hash(c as u8));
                let mut w = [0; NT];
                w.copy_from_slice(&a[NT..]);
                w
            })
            .collect();
        Fixed {
            owner: OWNERS.fetch_add(1, Ordering::Relaxed),
            bias: sum(md, features::bias_feature()),
            first: sum(md, features::first_feature()),
            last: sum(md, features::last_feature()),
            edge,
            list_b,
            list_i,
            conj0,
            stage2,
        }
    }
}

/// Entries of the per-thread word cache (a power of two): 65,536 of about 200 bytes,
/// 13 MB a thread, in sets of [`WAYS`]. News has tens of thousands of word types in use;
/// a direct-mapped cache of this size missed on one token in seventeen over news-dev
/// (words evicting each other from one slot), four ways on about one in a hundred
/// (2,465 misses a pass over its 229,000 tokens, mostly sets holding five or six of
/// the 28,000 types in use, which evict each other in turn), eight ways on one in
/// 330 (690 misses).
const CACHE_BITS: u32 = 16;

/// Entries per set: their eight keys fill two adjacent 64-byte lines.
const WAYS: usize = 8;

/// The keys of one set (hash of the form, a hash of the core, clitics and kind; (0, 0)
/// = empty), on two adjacent cache lines, so a probe reads them before the entry it
/// finds.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct Keys([(u64, u64); WAYS]);

/// One word type's sums: for the token it is `OFFSETS[k]` positions after, the
/// weights of both passes, as 16-bit integers (a word whose sums do not fit keeps
/// them in [`WordCache::wide`]). Three cache lines.
#[repr(align(64))]
struct Entry {
    w: [[i16; 2 * NT]; 5],
    /// Whether the sums did not fit 16 bits.
    wide: bool,
    /// Coarse cluster (0 without one), for the conjunction feature.
    cluster0: u16,
    /// What the word lists say of the word.
    list: ListWord,
}

/// A set-associative cache of word sums, for one tagger at a time: a word's set
/// comes from its hashes, a miss replaces the set's entries in turn.
struct WordCache {
    owner: u64,
    keys: Vec<Keys>,
    /// The way each set replaces next.
    next: Vec<u8>,
    entries: Vec<Entry>,
    /// The sums of the entries (by index) whose sums do not fit 16 bits.
    wide: FxHashMap<usize, Box<[Acc; 5]>>,
    feats: Vec<u64>,
    rows: Vec<u32>,
}

thread_local! {
    static CACHE: RefCell<WordCache> = const {
        RefCell::new(WordCache {
            owner: 0,
            keys: Vec::new(),
            next: Vec::new(),
            entries: Vec::new(),
            wide: FxHashMap::with_hasher(BuildHasherDefault::new()),
            feats: Vec::new(),
            rows: Vec::new(),
        })
    };
}

fn kind_code(k: TokenKind) -> u64 {
    match k {
        TokenKind::Word => 1,
        TokenKind::Latin => 2,
        TokenKind::Number => 3,
        TokenKind::Punct => 4,
        TokenKind::Symbol => 5,
    }
}

impl WordCache {
    /// Empty the cache if it holds another tagger's sums.
    fn own(&mut self, owner: u64) {
        if self.owner != owner || self.entries.is_empty() {
            let sets = (1 << CACHE_BITS) / WAYS;
            self.keys.clear();
            self.keys.resize(sets, Keys::default());
            self.next.clear();
            self.next.resize(sets, 0);
            self.entries.clear();
            self.entries.resize_with(1 << CACHE_BITS, || Entry {
                w: [[0; 2 * NT]; 5],
                wide: false,
                cluster0: 0,
                list: ListWord::default(),
            });
            self.wide.clear();
            self.owner = owner;
        }
    }

    /// Where a word's sums may live: its set and its key.
    #[inline]
    fn slot(u: &Unit<'_>, form: u64, core: u64) -> (usize, (u64, u64)) {
        let k2 = hash::mix(u64::from(u.clitics) << 8 | kind_code(u.kind), core);
        let set = ((form ^ k2.rotate_left(32)) & ((1 << CACHE_BITS) / WAYS as u64 - 1)) as usize;
        (set, (form, k2))
    }

    /// The sums of a word, computed on a miss.
    #[cfg(test)]
    fn get(&mut self, u: &Unit<'_>, form: u64, core: u64, md: &Model, res: &Resources) -> &Entry {
        let (set, key) = WordCache::slot(u, form, core);
        let at = self.find(set, key, u, form, core, md, res);
        &self.entries[at]
    }

    /// The index of the entry of `key` in `set`, computed on a miss.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn find(
        &mut self,
        set: usize,
        key: (u64, u64),
        u: &Unit<'_>,
        form: u64,
        core: u64,
        md: &Model,
        res: &Resources,
    ) -> usize {
        match self.keys[set].0.iter().position(|k| *k == key) {
            Some(way) => set * WAYS + way,
            None => self.fill(set, u, form, core, key.1, md, res),
        }
    }

    /// Find (or compute) the sums of a sentence's words and start loading them into the
    /// processor cache before they are used, in two sweeps: the sets' key lines are
    /// prefetched first, then each word's entry is found and its lines prefetched. The
    /// probes of one sentence do not depend on each other, so their memory latencies
    /// overlap instead of adding up. `slots` and `at` receive each word's set and key
    /// and its entry's index; a later miss in the same sentence may evict an entry
    /// found earlier, so users check the key again ([`WordCache::entry`]).
    #[allow(clippy::too_many_arguments)]
    fn warm(
        &mut self,
        units: &[Unit<'_>],
        keys: &[(u64, u64)],
        slots: &mut Vec<(usize, (u64, u64))>,
        at: &mut Vec<usize>,
        md: &Model,
        res: &Resources,
    ) {
        slots.clear();
        slots.extend(units.iter().zip(keys).map(|(u, &(form, core))| {
            let slot = WordCache::slot(u, form, core);
            let k = &self.keys[slot.0].0;
            prefetch(&k[0]);
            prefetch(&k[WAYS / 2]);
            slot
        }));
        at.clear();
        for ((u, &(form, core)), &(set, key)) in units.iter().zip(keys).zip(slots.iter()) {
            let i = self.find(set, key, u, form, core, md, res);
            let e = &self.entries[i];
            prefetch(&e.w[0]);
            prefetch(&e.w[2]);
            prefetch(&e.w[4]);
            at.push(i);
        }
    }

    /// The index of the entry [`WordCache::warm`] found at index `at` for a word of set
    /// and key `slot`, or of the word's entry found again if a later miss took that way.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn entry(
        &mut self,
        at: usize,
        (set, key): (usize, (u64, u64)),
        u: &Unit<'_>,
        form: u64,
        core: u64,
        md: &Model,
        res: &Resources,
    ) -> usize {
        if self.keys[set].0[at % WAYS] == key {
            at
        } else {
            self.find(set, key, u, form, core, md, res)
        }
    }

    /// Compute a word's sums into the next way of `set`; returns the entry's index.
    #[allow(clippy::too_many_arguments)]
    #[cold]
    fn fill(
        &mut self,
        set: usize,
        u: &Unit<'_>,
        form: u64,
        core: u64,
        k2: u64,
        md: &Model,
        res: &Resources,
    ) -> usize {
        let info = features::info_with(u, form, core, res);
        // All features of the five offsets first, then one batch of probes, so the
        // processor overlaps their cache misses.
        self.feats.clear();
        let mut ends = [0usize; 5];
        for (k, off) in OFFSETS.into_iter().enumerate() {
            features::word_features(&info, off, &mut self.feats);
            ends[k] = self.feats.len();
        }
        md.lookup(&self.feats, &mut self.rows);
        let mut sums = [ZERO; 5];
        let mut from = 0;
        for (k, &end) in ends.iter().enumerate() {
            for &r in &self.rows[from..end] {
                md.add_row_to(r, &mut sums[k]);
            }
            from = end;
        }
        let way = usize::from(self.next[set]);
        self.next[set] = ((way + 1) % WAYS) as u8;
        self.keys[set].0[way] = (form, k2);
        let at = set * WAYS + way;
        let e = &mut self.entries[at];
        e.cluster0 = info.cluster[0];
        e.list = res.lists.word(core);
        e.wide = false;
        for (w, s) in e.w.iter_mut().zip(&sums) {
            for (x, y) in w.iter_mut().zip(s) {
                match i16::try_from(*y) {
                    Ok(v) => *x = v,
                    Err(_) => e.wide = true,
                }
            }
        }
        if e.wide {
            self.wide.insert(at, Box::new(sums));
        } else {
            self.wide.remove(&at);
        }
        at
    }
}

#[inline]
fn add(a: &mut Acc, b: &Acc) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

#[inline]
fn add16(a: &mut Acc, b: &[i16; 2 * NT]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += i32::from(*y);
    }
}

/// A run of sentences tagged: sentence `s` is tokens `starts[s]..starts[s + 1]`.
#[derive(Debug, Default)]
pub struct Tags {
    /// Token offsets of the sentences (one more than there are sentences).
    pub starts: Vec<u32>,
    /// One tag per token (see [`super::model::tag_name`]).
    pub tags: Vec<usize>,
    /// One margin per token, when asked for (see [`Decoder::run`]); +∞ for tokens
    /// tagged `O`, whose margins no mention needs.
    pub margins: Vec<f32>,
}

impl Tags {
    /// The tokens of sentence `s`.
    pub fn range(&self, s: usize) -> std::ops::Range<usize> {
        self.starts[s] as usize..self.starts[s + 1] as usize
    }

    /// Tags per sentence.
    pub fn nested(&self) -> Vec<Vec<usize>> {
        (0..self.starts.len().saturating_sub(1))
            .map(|s| self.tags[self.range(s)].to_vec())
            .collect()
    }
}

thread_local! {
    /// Buffers and decoder of the last run on this thread, reused so that tagging a
    /// document allocates (and faults in) no fresh memory once they have grown.
    static SCRATCH: Cell<(Bufs, Decoder)> = Cell::new((Bufs::default(), Decoder::default()));
}

/// Buffers of one run.
#[derive(Default)]
struct Bufs {
    acc: Vec<Acc>,
    keys: Vec<(u64, u64)>,
    slots: Vec<(usize, (u64, u64))>,
    at: Vec<usize>,
    c0: Vec<u16>,
    lists: Vec<ListWord>,
    cores: Vec<u64>,
    tags1: Vec<usize>,
    hints: Vec<Hint>,
    window: HintWindow,
    begin: Vec<u32>,
    inside: Vec<u32>,
    hashes: Vec<u64>,
    found: Vec<u32>,
    conj: Vec<usize>,
    em: Vec<[f32; NT]>,
    tags: Vec<usize>,
    margins: Vec<f32>,
    codes: Vec<u8>,
}

/// Tag `n` consecutive sentences read as one document; `units_of(s, buf)` fills
/// `buf` with sentence `s`. Margins are filled when `margins`.
pub fn tag_seq<'a>(
    md: &Model,
    fixed: &Fixed,
    res: &Resources,
    n: usize,
    mut units_of: impl FnMut(usize, &mut Vec<Unit<'a>>),
    margins: bool,
) -> Tags {
    // this thread's buffers of the last run, grown to size already
    let (mut b, mut dec) = SCRATCH.take();
    b.acc.clear();
    b.c0.clear();
    b.lists.clear();
    b.cores.clear();
    b.tags1.clear();
    let mut out = Tags::default();
    let mut units: Vec<Unit<'a>> = Vec::new();
    let scale1 = md.scale(0);
    out.starts.push(0);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        cache.own(fixed.owner);
        for s in 0..n {
            units_of(s, &mut units);
            let (first, m) = (b.acc.len(), units.len());
            b.acc.resize(first + m, fixed.bias);
            let acc = &mut b.acc[first..];
            b.keys.clear();
            // a word without clitics is its own core: one hash
            b.keys.extend(units.iter().map(|u| {
                let form = hash::str(u.form);
                (
                    form,
                    if std::ptr::eq(u.core, u.form) {
                        form
                    } else {
                        hash::str(u.core)
                    },
                )
            }));
            cache.warm(&units, &b.keys, &mut b.slots, &mut b.at, md, res);
            for (j, u) in units.iter().enumerate() {
                let (form, core) = b.keys[j];
                let at = cache.entry(b.at[j], b.slots[j], u, form, core, md, res);
                let e = &cache.entries[at];
                let wide = if e.wide { cache.wide.get(&at) } else { None };
                // Word j is at offset `off` from token j − off.
                for (k, off) in OFFSETS.into_iter().enumerate() {
                    let i = j as i64 - off;
                    if i >= 0 && (i as usize) < m {
                        match wide {
                            None => add16(&mut acc[i as usize], &e.w[k]),
                            Some(w) => add(&mut acc[i as usize], &w[k]),
                        }
                    }
                }
                b.c0.push(e.cluster0);
                b.lists.push(e.list);
                b.cores.push(core);
            }
            context(md, fixed, res, first, &mut b);
            b.em.clear();
            b.em.extend(b.acc[first..].iter().map(|a| {
                let mut e = [0f32; NT];
                for (x, y) in e.iter_mut().zip(&a[..NT]) {
                    *x = *y as f32 * scale1;
                }
                e
            }));
            dec.run_masked(&b.em, &md.masked[0], &mut b.tags, None);
            b.tags1.extend_from_slice(&b.tags);
            out.starts.push(b.acc.len() as u32);
        }
    });
    features::window_hints_flat(&out.starts, &b.cores, &b.tags1, &mut b.window, &mut b.hints);
    let scale2 = md.scale(1);
    for s in 0..n {
        let r = out.range(s);
        let (hints, tags1) = (&b.hints[r.clone()], &b.tags1[r.clone()]);
        b.em.clear();
        for (i, a) in b.acc[r].iter().enumerate() {
            let mut acc = [0i32; NT];
            acc.copy_from_slice(&a[NT..]);
            match features::stage2_plain(hints, tags1, i) {
                Some(c) => {
                    for (x, y) in acc.iter_mut().zip(&fixed.stage2[usize::from(c)]) {
                        *x += y;
                    }
                }
                None => {
                    b.codes.clear();
                    features::stage2(hints, tags1, i, &mut b.codes);
                    for &c in &b.codes {
                        for (x, y) in acc.iter_mut().zip(&fixed.stage2[usize::from(c)]) {
                            *x += y;
                        }
                    }
                }
            }
            let mut e = [0f32; NT];
            for (x, y) in e.iter_mut().zip(&acc) {
                *x = *y as f32 * scale2;
            }
            b.em.push(e);
        }
        if margins {
            dec.run_masked_tagged(&b.em, &md.masked[1], &mut b.tags, &mut b.margins);
        } else {
            dec.run_masked(&b.em, &md.masked[1], &mut b.tags, None);
        }
        out.tags.extend_from_slice(&b.tags);
        if margins {
            out.margins.extend_from_slice(&b.margins);
        }
    }
    SCRATCH.set((b, dec));
    out
}

/// Add the features of the sentence starting at token `first` (the last one in
/// `b`) that cross words or positions to `b.acc`.
fn context(md: &Model, fixed: &Fixed, res: &Resources, first: usize, b: &mut Bufs) {
    let cores = &b.cores[first..];
    let c0s = &b.c0[first..];
    let acc = &mut b.acc[first..];
    let m = cores.len();
    if m == 0 {
        return;
    }
    for (i, a) in acc.iter_mut().enumerate() {
        if i < 2 || i + 2 >= m {
            for off in [-2i64, -1, 1, 2] {
                let j = i as i64 + off;
                if j < 0 || j >= m as i64 {
                    add(a, &fixed.edge[(off + 2) as usize]);
                }
            }
        }
    }
    add(&mut acc[0], &fixed.first);
    add(&mut acc[m - 1], &fixed.last);
    let words = &b.lists[first..];
    features::mark_lists_known(&res.lists, cores, words, &mut b.begin, &mut b.inside);
    // Features looked up in the table: all hashes first, then one batch of probes,
    // so the processor overlaps their cache misses.
    b.hashes.clear();
    for i in 1..m {
        b.hashes.push(features::bigram_left(cores[i - 1], cores[i]));
        b.hashes
            .push(features::bigram_right(cores[i - 1], cores[i]));
    }
    b.conj.clear();
    for i in 0..m {
        let prev = if i > 0 {
            b.begin[i - 1] | b.inside[i - 1]
        } else {
            0
        };
        let c0 = c0s[i];
        match fixed.conj0.get(usize::from(c0)) {
            Some(v) if prev == 0 => add(&mut acc[i], v),
            _ => {
                let set = features::list_set(&res.lists, prev);
                b.hashes.push(features::conj_feature(set, c0));
                b.conj.push(i);
            }
        }
    }
    if b.begin.iter().any(|x| *x != 0) {
        for (i, a) in acc.iter_mut().enumerate().take(m) {
            for off in [-2i64, -1, 0, 1] {
                let j = i as i64 + off;
                if j < 0 || j >= m as i64 {
                    continue;
                }
                let j = j as usize;
                let mut bits = b.begin[j];
                while bits != 0 {
                    let bit = bits.trailing_zeros() as usize;
                    if let Some(v) = fixed.list_b.get(bit) {
                        add(a, &v[(off + 2) as usize]);
                    }
                    bits &= bits - 1;
                }
                if (-1..=0).contains(&off) {
                    let mut bits = b.inside[j];
                    while bits != 0 {
                        let bit = bits.trailing_zeros() as usize;
                        if let Some(v) = fixed.list_i.get(bit) {
                            add(a, &v[(off + 1) as usize]);
                        }
                        bits &= bits - 1;
                    }
                }
            }
        }
    }
    md.lookup(&b.hashes, &mut b.found);
    for i in 1..m {
        let (l, r) = (b.found[2 * (i - 1)], b.found[2 * (i - 1) + 1]);
        md.add_row_to(l, &mut acc[i]);
        md.add_row_to(r, &mut acc[i - 1]);
    }
    for (k, &i) in b.conj.iter().enumerate() {
        md.add_row_to(b.found[2 * (m - 1) + k], &mut acc[i]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::{Prepared, Tagger};

    /// The cached sums give the same emission sums as adding every feature.
    #[test]
    fn cached_sums_equal_feature_sums() {
        let t = Tagger::embedded();
        let words = [
            "وقال",
            "وزير",
            "الخارجية",
            "المصري",
            "سامح",
            "شكري",
            "إن",
            "الوفد",
            "وصل",
            "إلى",
            "القاهرة",
            "،",
            "والتقى",
            "بالرئيس",
            "عبد",
            "الفتاح",
            "السيسي",
            "في",
            "مدينة",
            "شرم",
            "الشيخ",
            ".",
        ];
        let p = Prepared::new(&words, t.analyzer());
        let mut units = Vec::new();
        p.units(&mut units);
        let mut s = features::Scratch::default();
        features::extract(&units, t.resources(), &mut s);
        let mut want = Vec::new();
        for o in s.offsets.windows(2) {
            let mut a = ZERO;
            for &h in &s.feats[o[0] as usize..o[1] as usize] {
                t.model.add_to(h, &mut a);
            }
            want.push(a);
        }
        // Twice: once filling the cache, once reading it.
        for _ in 0..2 {
            let mut b = Bufs::default();
            b.acc.resize(units.len(), t.fixed.bias);
            CACHE.with(|c| {
                let mut cache = c.borrow_mut();
                cache.own(t.fixed.owner);
                for (j, u) in units.iter().enumerate() {
                    let (form, core) = (hash::str(u.form), hash::str(u.core));
                    let e = cache.get(u, form, core, &t.model, t.resources());
                    for (k, off) in OFFSETS.into_iter().enumerate() {
                        let i = j as i64 - off;
                        if i >= 0 && (i as usize) < units.len() {
                            add16(&mut b.acc[i as usize], &e.w[k]);
                        }
                    }
                    b.c0.push(e.cluster0);
                    b.lists.push(e.list);
                    b.cores.push(core);
                }
            });
            context(&t.model, &t.fixed, t.resources(), 0, &mut b);
            assert_eq!(b.acc, want);
        }
    }

    /// The shortcut for quiet tokens gives what the general second-pass features do.
    #[test]
    fn stage2_plain_matches_stage2() {
        let hints: Vec<Hint> = vec![0, 0, 0, 4, 0, 0, 0, 0];
        let tags1 = vec![0, 1, 2, 0, 0, 0, 0, 3];
        for i in 0..hints.len() {
            let mut codes = Vec::new();
            features::stage2(&hints, &tags1, i, &mut codes);
            if let Some(c) = features::stage2_plain(&hints, &tags1, i) {
                assert_eq!(codes, vec![c], "help: token {i}");
            }
        }
        assert!(features::stage2_plain(&hints, &tags1, 4).is_none());
        assert!(features::stage2_plain(&hints, &tags1, 0).is_none());
        assert!(features::stage2_plain(&hints, &tags1, 5).is_some());
        assert!(features::stage2_plain(&hints, &tags1, 7).is_some());
    }
}
