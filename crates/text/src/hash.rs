//! A small, fast, non-cryptographic hasher for word sets (the Fx hash used inside
//! rustc), so per-token lookups in the hot loop stay cheap. Keys are lexicon words,
//! never attacker-chosen in bulk, so HashDoS resistance is not needed here.

use std::hash::Hasher;

/// The last `b.len() % 8` bytes of `b` as a zero-padded little-endian word (0 when there
/// are none): from the last eight bytes when there are eight (one load), else byte by
/// byte. The hashes that read a string eight bytes at a time end with it.
#[inline]
pub fn tail_word(b: &[u8]) -> u64 {
    let r = b.len() % 8;
    if r == 0 {
        0
    } else if b.len() >= 8 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[b.len() - 8..]);
        u64::from_le_bytes(w) >> (8 * (8 - r))
    } else {
        b.iter()
            .enumerate()
            .fold(0, |t, (i, &x)| t | u64::from(x) << (8 * i))
    }
}

/// The Fx hasher.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        self.add(tail_word(bytes) ^ bytes.len() as u64);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with the Fx hasher.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
/// A `HashSet` with the Fx hasher.
pub type FxHashSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

/// A set of short words with a bit filter in front: most lookups of words not in the
/// set end after one bit test, without hashing the whole word.
#[derive(Clone, Debug, Default)]
pub struct WordSet {
    filter: Vec<u64>,
    set: FxHashSet<Box<str>>,
}

const FILTER_BITS: usize = 1 << 16;

#[inline(always)]
fn filter_key(w: &str) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    if n < 4 {
        return n;
    }
    let head = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let tail = u32::from(b[n - 1]) | (u32::from(b[n - 2]) << 8);
    let k = (head ^ tail.rotate_left(16) ^ (n as u32).wrapping_mul(0x9E37_79B9))
        .wrapping_mul(0x85EB_CA6B);
    (k >> 16) as usize
}

impl WordSet {
    /// A set of the given words.
    pub fn new<I: IntoIterator<Item = Box<str>>>(words: I) -> WordSet {
        let mut ws = WordSet {
            filter: vec![0; FILTER_BITS / 64],
            set: FxHashSet::default(),
        };
        for w in words {
            let k = filter_key(&w);
            ws.filter[k / 64] |= 1 << (k % 64);
            ws.set.insert(w);
        }
        ws
    }

    /// Whether `w` is in the set.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let k = filter_key(w);
        match self.filter.get(k / 64) {
            Some(bits) if bits & (1 << (k % 64)) != 0 => self.set.contains(w),
            _ => false,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set() {
        let ws = WordSet::new(["وزير", "ليبيا", "ab", ""].map(Box::from));
        for w in ["وزير", "ليبيا", "ab", ""] {
            assert!(ws.contains(w), "{w}");
        }
        for w in ["وزيره", "ليبي", "a", "abc", "بنغازي"] {
            assert!(!ws.contains(w), "{w}");
        }
    }
}
