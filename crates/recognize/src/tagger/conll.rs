//! CoNLL files (one `token TAG` per line, blank line between sentences) and
//! conlleval-style scoring of BIO chunks.
//!
//! Tags of other corpora are mapped onto the four ANERcorp types: `PER`/`PERS` →
//! PERS; `LOC`, `GPE`, `FAC` → LOC; `ORG` → ORG; `MISC`, AQMAR's `MIS0`–`MIS3` and
//! Wojood's `EVENT` → MISC; every other type (dates, numbers, occupations …) → `O`.
//! Lines may hold more columns (Wojood's nested levels): the second column is the
//! tag, the outermost level. A line with one column is a token without a tag.

use super::model::{NT, TYPES};

/// One sentence: tokens and their tag indices (`0` = O, see [`super::model::tag_name`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Gold tags (all `0` when the file has none).
    pub tags: Vec<usize>,
}

/// The type index of a tag's type name, after mapping other corpora's types.
pub fn map_type(name: &str) -> Option<usize> {
    let n: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase();
    match n.as_str() {
        "PER" | "PERS" | "PERSON" => Some(0),
        "LOC" | "GPE" | "FAC" => Some(1),
        "ORG" => Some(2),
        "MISC" | "MIS" | "MIS0" | "MIS1" | "MIS2" | "MIS3" | "EVENT" => Some(3),
        _ => None,
    }
}

/// Parse a BIO tag (`B-PERS`, `I-LOC`, `O`, `I--ORG` …) into a tag index; unknown or
/// malformed tags are `O`.
pub fn parse_tag(tag: &str) -> usize {
    let (bio, ty) = match tag.split_once('-') {
        Some((b, t)) => (b, t),
        None => return 0,
    };
    let Some(ty) = map_type(ty) else { return 0 };
    match bio {
        "B" | "S" => 1 + 2 * ty,
        "I" | "E" => 2 + 2 * ty,
        _ => 0,
    }
}

/// Parse CoNLL text into sentences.
pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let mut cols = line.split([' ', '\t']).filter(|c| !c.is_empty());
        let Some(tok) = cols.next() else {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(cols.next().map_or(0, parse_tag));
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    out
}

/// A chunk: first token, one past the last, type index.
pub type Chunk = (usize, usize, usize);

/// The chunks of a tag sequence, read as conlleval reads them: a chunk starts at a
/// `B-`, or at an `I-` after `O` or after another type.
pub fn chunks(tags: &[usize]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = if t == 0 || t >= NT {
            None
        } else {
            Some((t - 1) / 2)
        };
        let begin = t % 2 == 1;
        match (open, ty) {
            (Some((s, oty)), Some(ty)) if !begin && oty == ty => {
                open = Some((s, oty));
            }
            _ => {
                if let Some((s, oty)) = open.take() {
                    out.push((s, i, oty));
                }
                if let Some(ty) = ty {
                    open = Some((i, ty));
                }
            }
        }
    }
    if let Some((s, oty)) = open {
        out.push((s, tags.len(), oty));
    }
    out
}

/// Counts for conlleval-style scores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Tokens seen.
    pub tokens: usize,
    /// Tokens whose tag was right.
    pub tokens_correct: usize,
    /// Per type: gold chunks, predicted chunks, correct chunks.
    pub per_type: [[usize; 3]; TYPES.len()],
}

/// Precision, recall and F1 from (gold, predicted, correct).
pub fn prf(gold: usize, found: usize, correct: usize) -> (f64, f64, f64) {
    let p = if found > 0 {
        correct as f64 / found as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        correct as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Score {
    /// Add one sentence.
    pub fn add(&mut self, gold: &[usize], pred: &[usize]) {
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.per_type[c.2][0] += 1;
        }
        for c in &p {
            self.per_type[c.2][1] += 1;
            if g.binary_search(c).is_ok() {
                self.per_type[c.2][2] += 1;
            }
        }
    }

    /// Micro-averaged (gold, predicted, correct).
    pub fn total(&self) -> [usize; 3] {
        let mut t = [0; 3];
        for row in &self.per_type {
            for k in 0..3 {
                t[k] += row[k];
            }
        }
        t
    }

    /// Micro-averaged F1.
    pub fn f1(&self) -> f64 {
        let [g, f, c] = self.total();
        prf(g, f, c).2
    }

    /// The scores as one JSON object: `micro` and one entry per type, each with
    /// `precision`, `recall`, `f1`, `gold`, `found` and `correct`.
    pub fn to_json(&self) -> String {
        let obj = |[g, f, c]: [usize; 3]| {
            let (p, r, f1) = prf(g, f, c);
            format!(
                "{{\"precision\":{p:.4},\"recall\":{r:.4},\"f1\":{f1:.4},\"gold\":{g},\"found\":{f},\"correct\":{c}}}"
            )
        };
        let mut s = format!(
            "{{\"tokens\":{},\"micro\":{}",
            self.tokens,
            obj(self.total())
        );
        for (ty, row) in TYPES.iter().zip(&self.per_type) {
            s.push_str(&format!(",\"{ty}\":{}", obj(*row)));
        }
        s.push('}');
        s
    }

    /// The report, laid out as conlleval prints it.
    pub fn report(&self) -> String {
        let [g, f, c] = self.total();
        let (p, r, f1) = prf(g, f, c);
        let acc = if self.tokens > 0 {
            self.tokens_correct as f64 / self.tokens as f64
        } else {
            0.0
        };
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, g, f, c
        );
        s.push_str(&format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            100.0 * acc,
            100.0 * p,
            100.0 * r,
            100.0 * f1
        ));
        for (ty, row) in TYPES.iter().zip(&self.per_type) {
            let (p, r, f1) = prf(row[0], row[1], row[2]);
            s.push_str(&format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                ty,
                100.0 * p,
                100.0 * r,
                100.0 * f1,
                row[1]
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_maps() {
        let s = parse("فرانكفورت B-LOC\n(د O\n\nحفتر\tB-PER\tB-OCC\nقال O\nX I--ORG\nY B-MIS1`\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, vec![3, 0]);
        assert_eq!(s[1].tags, vec![1, 0, 6, 7]);
    }

    #[test]
    fn chunks_like_conlleval() {
        // (tags, chunks) with a help message.
        let cases: &[(&[usize], &[Chunk])] = &[
            (&[1, 2, 0, 3], &[(0, 2, 0), (3, 4, 1)]),
            (&[2, 2, 0], &[(0, 2, 0)]),
            (&[1, 1], &[(0, 1, 0), (1, 2, 0)]),
            (&[1, 4], &[(0, 1, 0), (1, 2, 1)]),
            (&[0, 0], &[]),
        ];
        for (tags, want) in cases {
            assert_eq!(chunks(tags), want.to_vec(), "help: tags {tags:?}");
        }
    }

    #[test]
    fn scores_exact_spans() {
        let mut s = Score::default();
        s.add(&[1, 2, 0, 3], &[1, 0, 0, 3]);
        assert_eq!(s.per_type[0], [1, 1, 0]);
        assert_eq!(s.per_type[1], [1, 1, 1]);
        assert!((s.f1() - 0.5).abs() < 1e-9);
    }
}
