//! The weights of a trained tagger, their file format and Viterbi decoding.
//!
//! Tags are fixed: `O` and `B-`/`I-` for the four ANERcorp types `PERS LOC ORG
//! MISC` (other corpora are mapped onto them when training). Emission weights are
//! stored per feature hash as one row of nine 16-bit integers (one per tag) with a
//! global scale; at load they go into an open-addressing table whose slots hold a
//! 32-bit fingerprint and the row, so a feature costs one probe, usually one cache
//! line. Transition weights are kept as floats. Features not in the table weigh
//! nothing (they were pruned or never seen in training).
//!
//! File layout (little-endian): magic `RNER`, format version, a UTF-8 header text
//! (name, version, training data and scores), the transition matrix, the feature
//! rows sorted by key, and the word clusters sorted by key.

use rasd_text::hash::FxHashMap;

use crate::prefetch;

use super::features::{Clusters, CLUSTER_LEVELS};

/// Entity types, in tag order (`B-PERS` is tag 1, `I-PERS` tag 2, `B-LOC` tag 3 …).
pub const TYPES: [&str; 4] = ["PERS", "LOC", "ORG", "MISC"];
/// Number of tags.
pub const NT: usize = 1 + 2 * TYPES.len();

const MAGIC: &[u8; 4] = b"RNER";
const FORMAT: u32 = 1;

/// The name of tag `t` (`O`, `B-PERS`, `I-LOC` …).
pub fn tag_name(t: usize) -> String {
    if t == 0 || t >= NT {
        return "O".to_string();
    }
    let ty = TYPES[(t - 1) / 2];
    if t & 1 == 1 {
        format!("B-{ty}")
    } else {
        format!("I-{ty}")
    }
}

/// Whether tag `t` is `B-` of some type.
#[inline]
pub fn is_begin(t: usize) -> bool {
    t & 1 == 1
}

/// The type index of a non-`O` tag.
#[inline]
pub fn type_of(t: usize) -> Option<usize> {
    (t > 0 && t < NT).then(|| (t - 1) / 2)
}

/// Whether the transition `prev → t` is allowed (BIO: `I-X` only after `B-X`/`I-X`;
/// `prev == NT` stands for the sentence start).
#[inline]
pub fn allowed(prev: usize, t: usize) -> bool {
    if t == 0 || is_begin(t) {
        return true;
    }
    prev < NT && prev != 0 && type_of(prev) == type_of(t)
}

/// Transition scores: `trans[p][t]` for `p < NT`, `trans[NT][t]` from the start.
pub type Trans = [[f32; NT]; NT + 1];

/// Float weights of one pass, as training produces them.
#[derive(Clone, Debug)]
pub struct StageRows {
    /// (feature hash, weight per tag).
    pub rows: Vec<(u64, [f32; NT])>,
    /// Transition scores.
    pub trans: Trans,
}

/// Number of passes.
pub const PASSES: usize = 2;

/// A trained tagger model: a first pass on sentence features and a second pass
/// that also sees the first pass's tags across the document.
///
/// Both passes share one feature table: a probe finds the feature's row, which
/// holds the weights of both passes, so each feature costs one lookup in a small
/// array of fingerprints (8 bytes a slot) and, when present, one row read.
#[derive(Clone, Debug)]
pub struct Model {
    /// Header text: name, version, data, scores.
    pub header: String,
    /// Fingerprint (high 32 bits, never 0) and row index (low 32 bits); 0 = empty.
    slots: Vec<u64>,
    mask: usize,
    /// One bit per value of a key's low bits, set for the keys in the table: about
    /// sixteen bits a key (a few hundred KB, where the slots take megabytes), so most
    /// features the model does not hold are ruled out without reading a slot.
    filter: Vec<u64>,
    filter_mask: u64,
    /// Weights of both passes per feature, as integers.
    rows: Vec<[i16; 2 * NT]>,
    scale: [f32; PASSES],
    /// Feature rows per pass.
    pub features: [usize; PASSES],
    /// Transition scores per pass.
    pub trans: [Trans; PASSES],
    /// The same, prepared for decoding.
    pub masked: [Masked; PASSES],
    /// Word clusters used by the features.
    pub clusters: Clusters,
}

/// A [`Model::lookup`] result not known yet (no model has this many rows).
const PENDING: u32 = u32::MAX - 1;

#[inline]
fn slot_of(h: u64) -> (usize, u64) {
    ((h >> 32) as usize, u64::from((h as u32) | 1) << 32)
}

impl Model {
    /// A model with no weights: it tags nothing.
    pub fn empty() -> Model {
        Model::build(
            String::new(),
            Vec::new(),
            [1.0; PASSES],
            [0; PASSES],
            [[[0.0; NT]; NT + 1]; PASSES],
            Clusters::default(),
        )
    }

    fn build(
        header: String,
        merged: Vec<(u64, [i16; 2 * NT])>,
        scale: [f32; PASSES],
        features: [usize; PASSES],
        trans: [Trans; PASSES],
        clusters: Clusters,
    ) -> Model {
        assert!(merged.len() < PENDING as usize, "too many feature rows");
        // Load factor between 0.38 and 0.75: linear probing stays short, the array small.
        let cap = (merged.len() * 4 / 3).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![0u64; cap];
        let mut rows = Vec::with_capacity(merged.len());
        let filter_bits = (merged.len() * 16).next_power_of_two().max(64);
        let filter_mask = filter_bits as u64 - 1;
        let mut filter = vec![0u64; filter_bits / 64];
        for (k, w) in merged {
            let b = k & filter_mask;
            filter[(b >> 6) as usize] |= 1 << (b & 63);
            let (mut i, fp) = slot_of(k);
            i &= mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = fp | rows.len() as u64;
            rows.push(w);
        }
        Model {
            header,
            slots,
            mask,
            filter,
            filter_mask,
            rows,
            scale,
            features,
            masked: [Masked::new(&trans[0]), Masked::new(&trans[1])],
            trans,
            clusters,
        }
    }

    #[inline]
    fn row(&self, h: u64) -> Option<&[i16; 2 * NT]> {
        let (mut i, fp) = slot_of(h);
        i &= self.mask;
        loop {
            let s = self.slots[i];
            if s & 0xffff_ffff_0000_0000 == fp {
                return self.rows.get((s & 0xffff_ffff) as usize);
            }
            if s == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row index of each feature hash (`u32::MAX` when absent).
    ///
    /// In three sweeps, each starting the memory reads of the next without waiting for
    /// them: the filter words are prefetched, then the slots of the hashes the filter
    /// lets through, then the rows those slots name (which the caller adds next). A
    /// batch of features thus waits about once for each kind of read instead of once a
    /// feature.
    pub fn lookup(&self, feats: &[u64], out: &mut Vec<u32>) {
        out.clear();
        for &h in feats {
            let b = h & self.filter_mask;
            prefetch(&self.filter[(b >> 6) as usize]);
        }
        out.extend(feats.iter().map(|&h| {
            let b = h & self.filter_mask;
            if self.filter[(b >> 6) as usize] >> (b & 63) & 1 == 0 {
                return u32::MAX;
            }
            prefetch(&self.slots[(h >> 32) as usize & self.mask]);
            PENDING
        }));
        for (o, &h) in out.iter_mut().zip(feats) {
            if *o != PENDING {
                continue;
            }
            let (mut i, fp) = slot_of(h);
            i &= self.mask;
            *o = loop {
                let s = self.slots[i];
                if s & 0xffff_ffff_0000_0000 == fp {
                    break s as u32;
                }
                if s == 0 {
                    break u32::MAX;
                }
                i = (i + 1) & self.mask;
            };
            if let Some(r) = self.rows.get(*o as usize) {
                prefetch(r);
            }
        }
    }

    /// Add the weights of feature `h` for both passes to `acc` (pass 1 in the first
    /// [`NT`] entries, pass 2 in the rest).
    #[inline]
    pub fn add_to(&self, h: u64, acc: &mut [i32; 2 * NT]) {
        if let Some(r) = self.row(h) {
            for (x, y) in acc.iter_mut().zip(r) {
                *x += i32::from(*y);
            }
        }
    }

    /// Add row `r` (from [`Model::lookup`]) for both passes to `acc`, as [`Model::add_to`].
    #[inline]
    pub fn add_row_to(&self, r: u32, acc: &mut [i32; 2 * NT]) {
        if let Some(r) = self.rows.get(r as usize) {
            for (x, y) in acc.iter_mut().zip(r) {
                *x += i32::from(*y);
            }
        }
    }

    /// The factor that turns integer sums of pass `p` into scores.
    #[inline]
    pub fn scale(&self, p: usize) -> f32 {
        self.scale[p]
    }

    /// Add row `r` (from [`Model::lookup`]) for both passes.
    #[inline]
    pub fn add_row(&self, r: u32, a1: &mut [i32; NT], a2: &mut [i32; NT]) {
        if let Some(r) = self.rows.get(r as usize) {
            for k in 0..NT {
                a1[k] += i32::from(r[k]);
                a2[k] += i32::from(r[NT + k]);
            }
        }
    }

    /// Add the weights of feature `h` for both passes (unscaled integers).
    #[inline]
    pub fn add_both(&self, h: u64, a1: &mut [i32; NT], a2: &mut [i32; NT]) {
        if let Some(r) = self.row(h) {
            for k in 0..NT {
                a1[k] += i32::from(r[k]);
                a2[k] += i32::from(r[NT + k]);
            }
        }
    }

    /// Add the weights of feature `h` for pass `p`.
    #[inline]
    pub fn add(&self, p: usize, h: u64, a: &mut [i32; NT]) {
        if let Some(r) = self.row(h) {
            for (k, x) in a.iter_mut().enumerate() {
                *x += i32::from(r[p * NT + k]);
            }
        }
    }

    /// Scale integer sums of pass `p` to scores.
    #[inline]
    pub fn scores(&self, p: usize, acc: &[i32; NT]) -> [f32; NT] {
        let mut e = [0f32; NT];
        for (x, a) in e.iter_mut().zip(acc) {
            *x = *a as f32 * self.scale[p];
        }
        e
    }
}

/// Serialise a model (rows sorted by key, so equal weights give equal bytes).
///
/// Weights are rounded to multiples of `step` (or coarser, if the largest would
/// not fit 16 bits) and written as zigzag varints, so the many small weights take
/// one byte.
pub fn write(header: &str, stages: &[StageRows], clusters: &Clusters, step: f32) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&(NT as u32).to_le_bytes());
    out.extend_from_slice(&(stages.len() as u32).to_le_bytes());
    for st in stages {
        let max = st
            .rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = (max / 32767.0).max(step).max(f32::MIN_POSITIVE);
        let mut sorted: Vec<&(u64, [f32; NT])> = st.rows.iter().collect();
        sorted.sort_by_key(|(k, _)| *k);
        for row in &st.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
        // Keys delta-encoded as LEB128 varints: sorted 64-bit hashes shrink to ~3 bytes.
        let mut prev = 0u64;
        for (k, _) in &sorted {
            put_varint(&mut out, k - prev);
            prev = *k;
        }
        for (_, w) in &sorted {
            for x in w {
                let q = (x / scale).round().clamp(-32767.0, 32767.0) as i64;
                put_varint(&mut out, ((q << 1) ^ (q >> 63)) as u64);
            }
        }
    }
    let mut cl: Vec<(&u64, &[u16; CLUSTER_LEVELS])> = clusters.map.iter().collect();
    cl.sort_by_key(|(k, _)| **k);
    out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
    let mut prev = 0u64;
    for (k, _) in &cl {
        put_varint(&mut out, **k - prev);
        prev = **k;
    }
    for (_, c) in &cl {
        for x in c.iter() {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("model file: {0}")]
pub struct FormatError(pub &'static str);

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self.at.checked_add(n).ok_or(FormatError("truncated"))?;
        let s = self.b.get(self.at..end).ok_or(FormatError("truncated"))?;
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u16(&mut self) -> Result<u16, FormatError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn varint(&mut self) -> Result<u64, FormatError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(FormatError("bad varint"))
    }
}

/// Read a model file.
pub fn read(bytes: &[u8]) -> Result<Model, FormatError> {
    let mut r = Reader { b: bytes, at: 0 };
    if r.take(4)? != MAGIC {
        return Err(FormatError("not a rasd tagger model (bad magic)"));
    }
    if r.u32()? != FORMAT {
        return Err(FormatError("unsupported format version"));
    }
    let hl = r.u32()? as usize;
    let header = std::str::from_utf8(r.take(hl)?)
        .map_err(|_| FormatError("header not UTF-8"))?
        .to_string();
    if r.u32()? as usize != NT {
        return Err(FormatError("tag set differs"));
    }
    if r.u32()? as usize != PASSES {
        return Err(FormatError("expected two passes"));
    }
    let mut trans = [[[0.0; NT]; NT + 1]; PASSES];
    let mut scale = [1.0; PASSES];
    let mut features = [0; PASSES];
    let mut per_pass: Vec<Vec<(u64, [i16; NT])>> = Vec::with_capacity(PASSES);
    for p in 0..PASSES {
        for row in trans[p].iter_mut() {
            for x in row.iter_mut() {
                *x = r.f32()?;
            }
        }
        scale[p] = r.f32()?;
        let n = r.u32()? as usize;
        if n > bytes.len() {
            return Err(FormatError("feature count larger than the file"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut k = 0u64;
        for _ in 0..n {
            k = k.wrapping_add(r.varint()?);
            keys.push(k);
        }
        let mut rows = Vec::with_capacity(n);
        for key in keys {
            let mut w = [0i16; NT];
            for x in w.iter_mut() {
                let z = r.varint()?;
                let v = ((z >> 1) as i64) ^ -((z & 1) as i64);
                *x = i16::try_from(v).map_err(|_| FormatError("weight out of range"))?;
            }
            rows.push((key, w));
        }
        features[p] = n;
        per_pass.push(rows);
    }
    // Merge the passes' rows by key (both sorted).
    let mut merged: Vec<(u64, [i16; 2 * NT])> = Vec::new();
    for (p, rows) in per_pass.iter().enumerate() {
        for (k, w) in rows {
            merged.push((*k, [0; 2 * NT]));
            let last = merged.len() - 1;
            merged[last].1[p * NT..(p + 1) * NT].copy_from_slice(w);
        }
    }
    merged.sort_by_key(|(k, _)| *k);
    merged.dedup_by(|b, a| {
        if a.0 == b.0 {
            for (x, y) in a.1.iter_mut().zip(&b.1) {
                *x += y;
            }
            true
        } else {
            false
        }
    });
    let nc = r.u32()? as usize;
    if nc > bytes.len() {
        return Err(FormatError("cluster count larger than the file"));
    }
    let mut ckeys = Vec::with_capacity(nc);
    let mut k = 0u64;
    for _ in 0..nc {
        k = k.wrapping_add(r.varint()?);
        ckeys.push(k);
    }
    let mut map = FxHashMap::default();
    map.reserve(nc);
    for key in ckeys {
        let mut c = [0u16; CLUSTER_LEVELS];
        for x in c.iter_mut() {
            *x = r.u16()?;
        }
        map.insert(key, c);
    }
    Ok(Model::build(
        header,
        merged,
        scale,
        features,
        trans,
        Clusters { map },
    ))
}

/// Buffers of Viterbi decoding, reused across sentences.
#[derive(Debug, Default)]
pub struct Decoder {
    alpha: Vec<[f32; LANES]>,
    beta: Vec<[f32; LANES]>,
}

/// Tags padded to a multiple of four, so the inner loops run on whole SIMD vectors;
/// the padding tags are unreachable (−∞).
const LANES: usize = 12;

/// `best[t] = max(best[t], x + row[t])`, four lanes at a time (`>` so that ties
/// keep the earlier value, as a scalar loop would). Callers pass whole rows or rows
/// without their last SIMD vector, lengths the compiler sees once this is inlined.
#[inline(always)]
fn max_into(best: &mut [f32], x: f32, row: &[f32]) {
    for (b, r) in best.chunks_exact_mut(4).zip(row.chunks_exact(4)) {
        for k in 0..4 {
            let s = x + r[k];
            b[k] = if s > b[k] { s } else { b[k] };
        }
    }
}

/// Transitions prepared for decoding: forbidden ones weigh −∞ (so the inner loops
/// need no branch) and rows are padded to whole SIMD vectors; `rows[p]` is the row
/// out of tag `p` (`p == NT`: the sentence start), `cols[t]` the column into `t`.
#[derive(Clone, Debug)]
pub struct Masked {
    rows: [[f32; LANES]; NT + 1],
    cols: [[f32; LANES]; NT],
    /// Bit `p` set when row `p` allows a tag of the last SIMD vector (8 and up): only
    /// `I-MISC`, after `B-MISC` or `I-MISC`, so the other rows skip that vector, where
    /// they could only add −∞.
    tail: u32,
}

impl Masked {
    /// Prepare transition scores.
    pub fn new(trans: &Trans) -> Masked {
        const NEG: f32 = f32::NEG_INFINITY;
        let mut rows = [[NEG; LANES]; NT + 1];
        let mut cols = [[NEG; LANES]; NT];
        for (p, row) in trans.iter().enumerate() {
            for (t, x) in row.iter().enumerate() {
                if allowed(p, t) {
                    rows[p][t] = *x;
                    if p < NT {
                        cols[t][p] = *x;
                    }
                }
            }
        }
        let tail = (0..NT)
            .filter(|&p| rows[p][LANES - 4..].iter().any(|x| *x != NEG))
            .fold(0, |m, p| m | 1 << p);
        Masked { rows, cols, tail }
    }
}

/// Best tag sequence under BIO constraints (see [`Decoder::run`]).
pub fn viterbi(
    em: &[[f32; NT]],
    trans: &Trans,
    tags: &mut Vec<usize>,
    margin: Option<&mut Vec<f32>>,
) {
    Decoder::default().run(em, trans, tags, margin);
}

impl Decoder {
    /// Best tag sequence under BIO constraints; also fills `margin[i]`, the score
    /// lost by the best path that gives token `i` another tag (a confidence measure).
    /// Ties go to the lowest tag index.
    pub fn run(
        &mut self,
        em: &[[f32; NT]],
        trans: &Trans,
        tags: &mut Vec<usize>,
        margin: Option<&mut Vec<f32>>,
    ) {
        self.run_masked(em, &Masked::new(trans), tags, margin);
    }

    /// [`Decoder::run`] with transitions already prepared.
    pub fn run_masked(
        &mut self,
        em: &[[f32; NT]],
        masked: &Masked,
        tags: &mut Vec<usize>,
        margin: Option<&mut Vec<f32>>,
    ) {
        self.decode(em, masked, tags, margin, true);
    }

    /// [`Decoder::run_masked`] with the margins of the tokens tagged other than `O`
    /// only, which is all mentions need (the others are +∞): the backward pass stops
    /// at the first such token, and a sentence tagged all `O` needs none.
    pub fn run_masked_tagged(
        &mut self,
        em: &[[f32; NT]],
        masked: &Masked,
        tags: &mut Vec<usize>,
        margin: &mut Vec<f32>,
    ) {
        self.decode(em, masked, tags, Some(margin), false);
    }

    fn decode(
        &mut self,
        em: &[[f32; NT]],
        masked: &Masked,
        tags: &mut Vec<usize>,
        margin: Option<&mut Vec<f32>>,
        all: bool,
    ) {
        let n = em.len();
        tags.clear();
        if n == 0 {
            return;
        }
        const NEG: f32 = f32::NEG_INFINITY;
        let (tr, trt) = (&masked.rows, &masked.cols);
        let pad = |e: &[f32; NT]| {
            let mut v = [0f32; LANES];
            v[..NT].copy_from_slice(e);
            v
        };
        let alpha = &mut self.alpha;
        alpha.clear();
        let e0 = pad(&em[0]);
        let mut a = [NEG; LANES];
        for t in 0..LANES {
            a[t] = tr[NT][t] + e0[t];
        }
        alpha.push(a);
        // Forward: only the best scores (plain maxima vectorise); the best
        // predecessor is found again while tracing back, for the n tags kept.
        for e in &em[1..] {
            let prev = a;
            let mut best = [NEG; LANES];
            for (p, row) in tr.iter().take(NT).enumerate() {
                if masked.tail >> p & 1 == 1 {
                    max_into(&mut best, prev[p], row);
                } else {
                    max_into(&mut best[..LANES - 4], prev[p], &row[..LANES - 4]);
                }
            }
            let e = pad(e);
            for t in 0..LANES {
                a[t] = best[t] + e[t];
            }
            alpha.push(a);
        }
        let mut t = 0;
        for k in 1..NT {
            if a[k] > a[t] {
                t = k;
            }
        }
        tags.resize(n, 0);
        tags[n - 1] = t;
        for i in (1..n).rev() {
            // The first predecessor reaching the best score, as a forward argmax with
            // strict comparisons would keep.
            let prev = &alpha[i - 1];
            let mut best = NEG;
            let mut arg = 0;
            for (p, row) in tr.iter().take(NT).enumerate() {
                let s = prev[p] + row[t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            t = arg;
            tags[i - 1] = t;
        }
        let Some(margin) = margin else { return };
        margin.clear();
        // The first token whose margin is wanted; the backward pass goes no further.
        let lo = if all {
            0
        } else {
            match tags.iter().position(|&t| t != 0) {
                Some(lo) => lo,
                None => {
                    margin.resize(n, f32::INFINITY);
                    return;
                }
            }
        };
        // Max-marginals: best path score through (i, t) = alpha + beta.
        let beta = &mut self.beta;
        beta.clear();
        beta.resize(n, [0f32; LANES]);
        for i in (lo..n - 1).rev() {
            let e = &em[i + 1];
            let next = beta[i + 1];
            let mut best = [NEG; LANES];
            for (t, col) in trt.iter().enumerate() {
                let (et, bt) = (e[t], next[t]);
                for (b, c) in best.chunks_exact_mut(4).zip(col.chunks_exact(4)) {
                    for k in 0..4 {
                        let s = c[k] + et + bt;
                        b[k] = if s > b[k] { s } else { b[k] };
                    }
                }
            }
            beta[i] = best;
        }
        for i in 0..n {
            if !all && (i < lo || tags[i] == 0) {
                margin.push(f32::INFINITY);
                continue;
            }
            let best = alpha[i][tags[i]] + beta[i][tags[i]];
            let mut other = NEG;
            for t in 0..NT {
                if t != tags[i] {
                    other = other.max(alpha[i][t] + beta[i][t]);
                }
            }
            margin.push(best - other);
        }
    }
}
