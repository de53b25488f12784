//! Training: a structured averaged perceptron over first-order BIO transitions.
//!
//! Each epoch visits the sentences in an order shuffled by a fixed-seed generator,
//! decodes each with Viterbi and, where the best path differs from the gold one,
//! adds the gold path's features and subtracts the predicted path's (Collins 2002).
//! The weights kept are the average over all steps, computed lazily. Features are
//! indexed densely while training (a hash map from feature hash to row); rows whose
//! largest averaged weight is below a threshold are pruned before writing, and the
//! rest are quantised to 16 bits. Every loop runs in a fixed order and every map is
//! iterated only after sorting, so the same data gives the same file byte for byte.

use rasd_text::hash::FxHashMap;

use super::clusters;
use super::conll::{Score, Sentence};
use super::features::{self, Clusters, Resources, Scratch, Unit};
use super::model::{self, StageRows, Trans, NT};
use super::Prepared;

/// Training settings; the defaults produce the committed model.
#[derive(Clone, Debug)]
pub struct Options {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in the training data are dropped.
    pub min_count: u32,
    /// Rows whose largest absolute averaged weight is below this are pruned.
    pub prune: f32,
    /// Cluster counts, coarse to fine (one per level).
    pub cluster_sizes: [usize; features::CLUSTER_LEVELS],
    /// Exchange-algorithm passes per level.
    pub cluster_passes: usize,
    /// Words seen fewer times than this in the unlabelled text get no cluster.
    pub cluster_min_count: u32,
    /// Cost-augmented decoding while training: margin demanded against a wrong tag
    /// on an entity token (missing names costs more than inventing them) …
    pub cost_miss: f32,
    /// … and against a wrong tag on an `O` token.
    pub cost_false: f32,
    /// Weights are stored as multiples of this (see [`model::write`]).
    pub step: f32,
    /// Training runs (different shuffles) whose weights are averaged.
    pub runs: usize,
    /// Folds of the jackknife that gives the second pass its training input.
    pub folds: usize,
    /// Probability of hiding each feature of a token while training on it, so that
    /// context features learn to carry names the word features cannot.
    pub dropout: f32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 12,
            seed: 0x5eed_2024,
            min_count: 1,
            prune: 0.0,
            cluster_sizes: [64, 256, 1024],
            cluster_passes: 8,
            cluster_min_count: 2,
            cost_miss: 0.0,
            cost_false: 0.0,
            dropout: 0.5,
            folds: 5,
            runs: 1,
            step: 0.05,
        }
    }
}

/// A tiny deterministic generator (xorshift64*), so the shuffle never depends on
/// the platform or a crate version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Feature hashes of one sentence.
struct Sent {
    feats: Vec<u64>,
    offsets: Vec<u32>,
    cores: Vec<u64>,
}

/// Weights of one pass while training: dense rows behind a hash → row index.
struct Dense {
    keys: Vec<u64>,
    index: FxHashMap<u64, u32>,
    w: Vec<[f32; NT]>,
    trans: Trans,
}

impl Dense {
    fn predict(&self, s: &Sent, em: &mut Vec<[f32; NT]>, tags: &mut Vec<usize>) {
        em.clear();
        for o in s.offsets.windows(2) {
            let mut e = [0f32; NT];
            for h in &s.feats[o[0] as usize..o[1] as usize] {
                if let Some(&i) = self.index.get(h) {
                    for (x, y) in e.iter_mut().zip(&self.w[i as usize]) {
                        *x += y;
                    }
                }
            }
            em.push(e);
        }
        model::viterbi(em, &self.trans, tags, None);
    }

    fn rows(&self, prune: f32) -> StageRows {
        let rows = self
            .keys
            .iter()
            .zip(&self.w)
            .filter(|(_, r)| r.iter().fold(0f32, |m, x| m.max(x.abs())) > prune)
            .map(|(k, r)| (*k, *r))
            .collect();
        StageRows {
            rows,
            trans: self.trans,
        }
    }
}

/// The outcome of training.
pub struct Trained {
    /// The model file.
    pub bytes: Vec<u8>,
    /// Feature rows kept, per pass.
    pub features: Vec<usize>,
    /// Words with a cluster.
    pub clustered: usize,
}

/// Train a model.
///
/// `labelled` are the training sentences in corpus order (already folded and
/// segmented, see [`Prepared`]), consecutive sentences being read as documents;
/// `unlabelled` are core sequences for word clusters (the labelled text is added to
/// them); `res` holds the word lists. The first pass is trained on all sentences;
/// the second pass is trained on features that include first-pass tags, which for
/// each training sentence come from a first pass trained without the fold holding
/// it (jackknifing), so they are as noisy as on new text. `log` receives progress.
pub fn train(
    labelled: &[(Prepared, Vec<usize>)],
    unlabelled: &[Vec<u64>],
    res: &Resources,
    opts: &Options,
    header: &str,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let cl = learn_clusters(labelled, unlabelled, opts, log);
    train_with_clusters(
        labelled,
        Resources {
            lists: res.lists.clone(),
            clusters: cl,
        },
        opts,
        header,
        log,
    )
}

/// Word clusters of the labelled and unlabelled text.
pub fn learn_clusters(
    labelled: &[(Prepared, Vec<usize>)],
    unlabelled: &[Vec<u64>],
    opts: &Options,
    log: &mut dyn FnMut(&str),
) -> Clusters {
    let mut seqs: Vec<Vec<u64>> = labelled.iter().map(|(p, _)| p.core_hashes()).collect();
    seqs.extend(unlabelled.iter().cloned());
    Clusters {
        map: clusters::learn(
            &seqs,
            &opts.cluster_sizes,
            opts.cluster_passes,
            opts.cluster_min_count,
            log,
        ),
    }
}

/// Train a model given its word lists and clusters (see [`train`]).
pub fn train_with_clusters(
    labelled: &[(Prepared, Vec<usize>)],
    res: Resources,
    opts: &Options,
    header: &str,
    log: &mut dyn FnMut(&str),
) -> Trained {
    let clustered = res.clusters.map.len();

    let mut scratch = Scratch::default();
    let mut units: Vec<Unit<'_>> = Vec::new();
    let mut s1 = Vec::with_capacity(labelled.len());
    for (p, _) in labelled {
        p.units(&mut units);
        features::extract(&units, &res, &mut scratch);
        s1.push(Sent {
            feats: scratch.feats.clone(),
            offsets: scratch.offsets.clone(),
            cores: scratch.core_hashes().to_vec(),
        });
    }
    let gold: Vec<&[usize]> = labelled.iter().map(|(_, t)| t.as_slice()).collect();
    let n = s1.len();
    let folds = opts.folds.max(2);
    let mut tags1: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut em = Vec::new();
    for f in 0..folds {
        let (a, b) = (n * f / folds, n * (f + 1) / folds);
        let idx: Vec<usize> = (0..a).chain(b..n).collect();
        log(&format!("pass 1, fold {}/{folds}", f + 1));
        let m = fit(&s1, &gold, &idx, opts, log);
        for s in a..b {
            m.predict(&s1[s], &mut em, &mut tags1[s]);
        }
    }
    let cores: Vec<Vec<u64>> = s1.iter().map(|s| s.cores.clone()).collect();
    let hints = features::window_hints(&cores, &tags1);
    let mut s2 = Vec::with_capacity(n);
    let mut codes = Vec::new();
    for (k, s) in s1.iter().enumerate() {
        let mut feats = Vec::with_capacity(s.feats.len() + 8 * s.cores.len());
        let mut offsets = vec![0u32];
        for i in 0..s.cores.len() {
            feats.extend_from_slice(&s.feats[s.offsets[i] as usize..s.offsets[i + 1] as usize]);
            codes.clear();
            features::stage2(&hints[k], &tags1[k], i, &mut codes);
            feats.extend(codes.iter().map(|c| features::stage2_hash(*c)));
            offsets.push(feats.len() as u32);
        }
        s2.push(Sent {
            feats,
            offsets,
            cores: Vec::new(),
        });
    }
    let all: Vec<usize> = (0..n).collect();
    log("pass 2, all sentences");
    let m2 = fit(&s2, &gold, &all, opts, log);
    drop(s2);
    log("pass 1, all sentences");
    let m1 = fit(&s1, &gold, &all, opts, log);
    let stages = [m1.rows(opts.prune), m2.rows(opts.prune)];
    let features = stages.iter().map(|s| s.rows.len()).collect();
    let bytes = model::write(header, &stages, &res.clusters, opts.step);
    Trained {
        bytes,
        features,
        clustered,
    }
}

/// Train one pass on the sentences `idx`.
fn fit(
    sents: &[Sent],
    gold: &[&[usize]],
    idx: &[usize],
    opts: &Options,
    log: &mut dyn FnMut(&str),
) -> Dense {
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for &s in idx {
        for h in &sents[s].feats {
            *counts.entry(*h).or_insert(0) += 1;
        }
    }
    let mut keys: Vec<u64> = counts
        .iter()
        .filter(|(_, c)| **c >= opts.min_count)
        .map(|(k, _)| *k)
        .collect();
    drop(counts);
    keys.sort_unstable();
    let index: FxHashMap<u64, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i as u32))
        .collect();
    // Dense ids of the selected sentences, concatenated.
    let mut feats = Vec::new();
    let mut offsets = vec![0u32];
    let mut spans = Vec::with_capacity(idx.len());
    let mut tags = Vec::new();
    for &s in idx {
        let st = &sents[s];
        let first = offsets.len() - 1;
        for o in st.offsets.windows(2) {
            feats.extend(
                st.feats[o[0] as usize..o[1] as usize]
                    .iter()
                    .filter_map(|h| index.get(h).copied()),
            );
            offsets.push(feats.len() as u32);
        }
        spans.push((first, offsets.len() - 1));
        tags.extend_from_slice(gold[s]);
    }
    // Several runs with different shuffles, averaged: a cheap ensemble.
    let runs = opts.runs.max(1);
    let nf = keys.len();
    let (mut w, mut trans) = perceptron(&feats, &offsets, &spans, &tags, nf, opts, opts.seed, log);
    for r in 1..runs {
        let seed = opts.seed.wrapping_add(r as u64);
        let (w2, t2) = perceptron(&feats, &offsets, &spans, &tags, nf, opts, seed, log);
        for (a, b) in w.iter_mut().zip(&w2) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (a, b) in trans.iter_mut().zip(&t2) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }
    if runs > 1 {
        let k = runs as f32;
        w.iter_mut().flatten().for_each(|x| *x /= k);
        trans.iter_mut().flatten().for_each(|x| *x /= k);
    }
    Dense {
        keys,
        index,
        w,
        trans,
    }
}

#[allow(clippy::too_many_arguments)]
fn perceptron(
    feats: &[u32],
    offsets: &[u32],
    spans: &[(usize, usize)],
    gold: &[usize],
    nf: usize,
    opts: &Options,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> (Vec<[f32; NT]>, Trans) {
    let mut w = vec![[0f32; NT]; nf];
    let mut u = vec![[0f64; NT]; nf];
    let mut tw: Trans = [[0.0; NT]; NT + 1];
    let mut tu = [[0f64; NT]; NT + 1];
    let mut c: f64 = 1.0;
    let mut order: Vec<usize> = (0..spans.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut em: Vec<[f32; NT]> = Vec::new();
    let mut pred = Vec::new();
    let mut dec = model::Decoder::default();
    let mut kept: Vec<u32> = Vec::new();
    let mut kept_off: Vec<usize> = Vec::new();
    let drop_below = (f64::from(opts.dropout) * (u64::MAX as f64)) as u64;
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &s in &order {
            let (a, b) = spans[s];
            em.clear();
            kept.clear();
            kept_off.clear();
            kept_off.push(0);
            for i in a..b {
                let mut e = [0f32; NT];
                for &f in &feats[offsets[i] as usize..offsets[i + 1] as usize] {
                    if drop_below > 0 && rng.next() < drop_below {
                        continue;
                    }
                    kept.push(f);
                    for (x, y) in e.iter_mut().zip(&w[f as usize]) {
                        *x += y;
                    }
                }
                kept_off.push(kept.len());
                let g = gold[i];
                for (t, x) in e.iter_mut().enumerate() {
                    if t != g {
                        *x += if g == 0 {
                            opts.cost_false
                        } else {
                            opts.cost_miss
                        };
                    }
                }
                em.push(e);
            }
            dec.run(&em, &tw, &mut pred, None);
            let g = &gold[a..b];
            if pred.as_slice() != g {
                for (k, (&gt, &pt)) in g.iter().zip(&pred).enumerate() {
                    if gt != pt {
                        errors += 1;
                        for &f in &kept[kept_off[k]..kept_off[k + 1]] {
                            let f = f as usize;
                            w[f][gt] += 1.0;
                            u[f][gt] += c;
                            w[f][pt] -= 1.0;
                            u[f][pt] -= c;
                        }
                    }
                    let gp = if k == 0 { NT } else { g[k - 1] };
                    let pp = if k == 0 { NT } else { pred[k - 1] };
                    if (gp, gt) != (pp, pt) {
                        tw[gp][gt] += 1.0;
                        tu[gp][gt] += c;
                        tw[pp][pt] -= 1.0;
                        tu[pp][pt] -= c;
                    }
                }
            }
            c += 1.0;
        }
        log(&format!("  epoch {}: {} token errors", epoch + 1, errors));
    }
    for (wr, ur) in w.iter_mut().zip(&u) {
        for (x, y) in wr.iter_mut().zip(ur) {
            *x -= (y / c) as f32;
        }
    }
    for (wr, ur) in tw.iter_mut().zip(&tu) {
        for (x, y) in wr.iter_mut().zip(ur) {
            *x -= (y / c) as f32;
        }
    }
    (w, tw)
}

/// Score a tagger on labelled sentences.
pub fn evaluate(tagger: &super::Tagger, data: &[Sentence]) -> Score {
    let mut score = Score::default();
    let words: Vec<&[String]> = data.iter().map(|s| s.tokens.as_slice()).collect();
    let preds = tagger.tag_sentences(&words);
    for (s, pred) in data.iter().zip(&preds) {
        score.add(&s.tags, pred);
    }
    score
}

/// Core-hash sequences of an analysed document's sentences, as unlabelled text for
/// word clusters.
pub fn doc_sequences(doc: &rasd_model::Doc) -> Vec<Vec<u64>> {
    (0..doc.sentences.len())
        .map(|i| {
            doc.sentence_tokens(i)
                .iter()
                .map(|t| super::hash::str(doc.norm.slice(t.core)))
                .collect()
        })
        .filter(|s: &Vec<u64>| !s.is_empty())
        .collect()
}
