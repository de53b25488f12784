//! Word clusters from unlabelled text, by the predictive exchange algorithm
//! (Uszkoreit and Brants 2008): each word is put in the class that best predicts it
//! from the word before, maximising Σ N(v,c)·ln N(v,c) − Σ N(c)·ln N(c), where
//! N(v,c) counts word v followed by a word of class c.
//!
//! Words are cores (clitics split off), so `بطرابلس` and `طرابلس` share a cluster.
//! Words seen fewer than `min_count` times get none. Each granularity (e.g. 64, 256
//! and 1024 classes) is learned separately; the tagger uses all of them, coarse
//! classes for generalisation and fine ones for near-synonyms. Everything runs in a
//! fixed order (words by count, then hash; initial class = rank modulo size), so the
//! result is deterministic.

use rasd_text::hash::FxHashMap;

use super::features::CLUSTER_LEVELS;

#[inline]
fn xlnx(x: u32) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = f64::from(x);
        x * x.ln()
    }
}

/// Learn clusters; returns core hash → class at each level.
pub fn learn(
    seqs: &[Vec<u64>],
    sizes: &[usize; CLUSTER_LEVELS],
    passes: usize,
    min_count: u32,
    log: &mut dyn FnMut(&str),
) -> FxHashMap<u64, [u16; CLUSTER_LEVELS]> {
    let mut counts: FxHashMap<u64, u32> = FxHashMap::default();
    for s in seqs {
        for h in s {
            *counts.entry(*h).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let v = vocab.len();
    let id: FxHashMap<u64, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (h, _))| (*h, i as u32))
        .collect();
    let unk = v as u32;
    let bos = v as u32 + 1;
    // Predecessor counts of each clustered word, in a stable order.
    let mut bigrams: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for s in seqs {
        let mut prev = bos;
        for h in s {
            let w = id.get(h).copied().unwrap_or(unk);
            if w < unk {
                *bigrams.entry((prev, w)).or_insert(0) += 1;
            }
            prev = w;
        }
    }
    let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    let mut pred: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    for ((p, w), n) in pairs {
        pred[w as usize].push((p, n));
    }
    let count: Vec<u32> = vocab.iter().map(|(_, c)| *c).collect();
    log(&format!(
        "clusters: {} words (count >= {min_count}) from {} sequences",
        v,
        seqs.len()
    ));

    let mut out: FxHashMap<u64, [u16; CLUSTER_LEVELS]> = FxHashMap::default();
    for (h, _) in &vocab {
        out.insert(*h, [0; CLUSTER_LEVELS]);
    }
    for (level, &c) in sizes.iter().enumerate() {
        let c = c.clamp(1, u16::MAX as usize);
        let class = exchange(&pred, &count, v + 2, c, passes, log);
        for (i, (h, _)) in vocab.iter().enumerate() {
            if let Some(e) = out.get_mut(h) {
                e[level] = class[i];
            }
        }
    }
    out
}

fn exchange(
    pred: &[Vec<(u32, u32)>],
    count: &[u32],
    nv: usize,
    c: usize,
    passes: usize,
    log: &mut dyn FnMut(&str),
) -> Vec<u16> {
    let v = pred.len();
    let mut class: Vec<u16> = (0..v).map(|i| (i % c) as u16).collect();
    let mut nc = vec![0u32; c];
    for (w, k) in count.iter().enumerate() {
        nc[class[w] as usize] += k;
    }
    // N(v, ·) as small unsorted vectors of (class, count).
    let mut nvc: Vec<Vec<(u16, u32)>> = vec![Vec::new(); nv];
    let add = |nvc: &mut Vec<Vec<(u16, u32)>>, p: usize, k: u16, n: u32, sub: bool| {
        let row = &mut nvc[p];
        match row.iter().position(|e| e.0 == k) {
            Some(i) => {
                if sub {
                    row[i].1 -= n;
                    if row[i].1 == 0 {
                        row.swap_remove(i);
                    }
                } else {
                    row[i].1 += n;
                }
            }
            None if !sub => row.push((k, n)),
            None => {}
        }
    };
    for w in 0..v {
        for &(p, n) in &pred[w] {
            add(&mut nvc, p as usize, class[w], n, false);
        }
    }
    let mut delta = vec![0f64; c];
    for pass in 0..passes {
        let mut moved = 0usize;
        for w in 0..v {
            let a = class[w];
            for &(p, n) in &pred[w] {
                add(&mut nvc, p as usize, a, n, true);
            }
            nc[a as usize] -= count[w];
            delta.iter_mut().for_each(|d| *d = 0.0);
            for &(p, n) in &pred[w] {
                let fnn = xlnx(n);
                for &(k, m) in &nvc[p as usize] {
                    delta[k as usize] += xlnx(m + n) - xlnx(m) - fnn;
                }
            }
            let cw = count[w];
            let gain = |k: usize| delta[k] - (xlnx(nc[k] + cw) - xlnx(nc[k]));
            let mut best = a as usize;
            let mut best_gain = gain(best);
            for k in 0..c {
                let g = gain(k);
                if g > best_gain + 1e-9 {
                    best = k;
                    best_gain = g;
                }
            }
            let b = best as u16;
            if b != a {
                moved += 1;
            }
            class[w] = b;
            nc[best] += cw;
            for &(p, n) in &pred[w] {
                add(&mut nvc, p as usize, b, n, false);
            }
        }
        log(&format!(
            "clusters({c}): pass {}: {moved} words moved",
            pass + 1
        ));
        if moved == 0 {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_distributional_classes() {
        // Two kinds of words after two kinds of contexts: "في X" places, "قال Y" names;
        // three classes leave one for the context words.
        let h = |s: &str| super::super::hash::str(s);
        let mut seqs = Vec::new();
        for _ in 0..20 {
            for place in ["طرابلس", "بنغازي", "سرت"] {
                seqs.push(vec![h("في"), h(place)]);
            }
            for name in ["حفتر", "السراج", "المسماري"] {
                seqs.push(vec![h("قال"), h(name)]);
            }
        }
        let out = learn(&seqs, &[3, 3, 3], 5, 2, &mut |_| {});
        let c = |s: &str| out[&h(s)][0];
        assert_eq!(c("طرابلس"), c("بنغازي"));
        assert_eq!(c("بنغازي"), c("سرت"));
        assert_eq!(c("حفتر"), c("السراج"));
        assert_ne!(c("طرابلس"), c("حفتر"));
    }
}
