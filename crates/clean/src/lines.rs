//! The plain-text cleaner: splits a scraped text into lines, decides for each line
//! whether it is article text or site chrome, and lays the kept lines out as the body.
//!
//! Decisions come in passes, each seeing the lines the earlier ones kept:
//!
//! 1. **Patterns** (`clean/chrome.tsv`) on every line of at most [`MAX_CHROME_WORDS`]
//!    words: credit labels, whole-line keys, line-prefix keys (longest first), regexes;
//!    then the breadcrumb rules (a single token that splits into two or more section
//!    names of `clean/vocab.tsv`; parts joined by `»`, `>`, `/`, `|` … that start with a
//!    section name).
//! 2. **Scopes**: a whole-line match of a `next` row also takes the next line when it
//!    is a link title; one of a `tail` row takes everything after it when all of that
//!    is link titles or chrome.
//! 3. **Repeated lines**: a short line seen [`REPEAT_MIN`] times or more.
//! 4. **Edges**, around the *prose* (a line of more than 15 words, or of 5 or more
//!    ending with a full stop): before the first prose line, a lone word opening the
//!    text above a headline, and lines made only of section names; after the last one,
//!    lines made only of section names, an unlabelled agency credit (`-رويترز-`) as the
//!    last line, and a closing run of two or more lines of at most three words with no
//!    punctuation at all (a tag or share list) unless a line ending in `:` introduces it.
//!
//! 5. **Trailing teasers** (only when the title is known): some sites end an article
//!    with the opening paragraphs of other stories. The *anchors* are the title's words
//!    (article stripped, four letters or more, folded) that the first two paragraphs
//!    repeat, less the states, demonyms and titles every story names: what the story is
//!    about. A closing run of [`TEASER_MIN`] or more prose
//!    paragraphs that name no anchor, none opening with a connective (`و`/`ف`, or a
//!    `continues` opening of `clean/vocab.tsv` such as `يذكر أن`) or a number (a list
//!    item), is removed as `related`.
//!
//! A text with no prose line gets no edge rules: with nothing to measure the edges
//! against, a short text is left as it is.

use rasd_text::hash::FxHashMap;

use rasd_model::{Removed, Why};
use rasd_text::Normalizer;

use crate::lexicon::{key, quick_first_word, Kind, Patterns, Scope, Vocab};

/// Lines longer than this many words are always article text: no pattern is tried.
pub const MAX_CHROME_WORDS: usize = 40;
/// Credit lines are at most this many words.
const MAX_CREDIT_WORDS: usize = 14;
/// A link title (related article, tag, menu entry) is at most this many words.
const MAX_LINK_WORDS: usize = 15;
/// A breadcrumb line is at most this many words.
const MAX_BREADCRUMB_WORDS: usize = 24;
/// A short line seen this many times in one text is a repeated widget.
pub const REPEAT_MIN: u32 = 3;
/// A closing run of at least this many paragraphs off the story is other stories'
/// teasers; fewer may be the article's own background.
pub const TEASER_MIN: usize = 3;
/// A teaser is one lead paragraph: between these many characters.
const TEASER_CHARS: std::ops::RangeInclusive<usize> = 60..=450;
/// The definite article and its fused forms, stripped from title words before they are
/// looked for in paragraphs (`الحوثي` is found in `للحوثي` and `والحوثيين`).
const ARTICLES: [&str; 4] = ["وال", "بال", "لل", "ال"];

/// A folded word without its article, when three letters or more remain.
pub(crate) fn strip_article(w: &str) -> &str {
    ARTICLES
        .iter()
        .find_map(|a| w.strip_prefix(a).filter(|r| r.chars().count() >= 3))
        .unwrap_or(w)
}

/// What the cleaner made of a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    /// Kept lines, trimmed, one paragraph each, joined by `\n`.
    pub body: String,
    /// Removed lines in text order.
    pub removed: Vec<Removed>,
    /// Source credits in text order, without repeats.
    pub credits: Vec<String>,
}

/// One non-blank line.
struct Line<'a> {
    text: &'a str,
    /// Words (runs between spaces, tabs, no-break spaces), counted up to `MAX_CHROME_WORDS + 1`.
    words: usize,
    /// Ends (before closing quotes or brackets) with `.`, `!`, `?`, `؟` or `…`.
    stop: bool,
    /// Ends with a full stop `.`.
    period: bool,
    /// Ends with `:`.
    colon: bool,
    /// The pattern row that matched, and whether it matched the whole line.
    hit: Option<(usize, bool)>,
    fate: Option<(Kind, Why)>,
}

impl Line<'_> {
    fn kept(&self) -> bool {
        self.fate.is_none()
    }
    fn prose(&self) -> bool {
        self.words > MAX_LINK_WORDS || (self.stop && self.words >= 5)
    }
    fn link_like(&self) -> bool {
        self.words <= MAX_LINK_WORDS && !self.period
    }
}

/// Characters trimmed from line ends besides whitespace: invisible format marks.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}')
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || invisible(c))
}

/// Closing quotes and brackets looked through when reading a line's last mark.
fn closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '）'
    )
}

/// 1 when byte `x` (between `prev` and `next`) is part of a space: ASCII space or tab,
/// or either byte of a no-break space (`C2 A0`).
#[inline(always)]
fn space_at(prev: u8, x: u8, next: u8) -> u8 {
    u8::from(x == b' ')
        | u8::from(x == b'\t')
        | (u8::from(x == 0xA0) & u8::from(prev == 0xC2))
        | (u8::from(x == 0xC2) & u8::from(next == 0xA0))
}

/// Words of a line: runs between spaces, tabs and no-break spaces, counted up to `cap`.
///
/// A word starts at a byte that is not part of a space and follows one (or opens the
/// line). Each test reads only the byte's neighbours, so the loop over a 128-byte block
/// keeps no state but a `u8` sum and vectorizes (5 GB/s where a byte-by-byte state
/// machine ran at 1); counting stops at the first block that reaches `cap`.
fn count_words(text: &str, cap: usize) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let at = |j: usize| b.get(j).copied().unwrap_or(0);
    // Scalar test for the bytes without two neighbours before and one after.
    let start = |i: usize| {
        let before = if i == 0 {
            1
        } else {
            space_at(at(i.wrapping_sub(2)), at(i - 1), at(i))
        };
        let prev = if i == 0 { 0 } else { at(i - 1) };
        usize::from(before & (space_at(prev, at(i), at(i + 1)) ^ 1))
    };
    if n < 4 {
        return (0..n).map(start).sum::<usize>().min(cap);
    }
    let mut words = start(0) + start(1);
    let mut i = 2;
    while i < n - 1 {
        let end = (i + 128).min(n - 1);
        let len = end - i;
        let (p2, p1) = (&b[i - 2..i - 2 + len], &b[i - 1..i - 1 + len]);
        let (x, nx) = (&b[i..i + len], &b[i + 1..i + 1 + len]);
        let mut acc = 0u8;
        for k in 0..len {
            acc =
                acc.wrapping_add(space_at(p2[k], p1[k], x[k]) & (space_at(p1[k], x[k], nx[k]) ^ 1));
        }
        words += usize::from(acc);
        if words >= cap {
            return cap;
        }
        i = end;
    }
    (words + start(n - 1)).min(cap)
}

/// The start of a line up to the end of its `n`-th word.
fn first_words(text: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c == ' ' || c == '\t' || c == '\u{a0}' {
            if in_word {
                seen += 1;
                if seen == n {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

fn line_of(text: &str) -> Line<'_> {
    let words = count_words(text, MAX_CHROME_WORDS + 1);
    let last = text
        .chars()
        .rev()
        .find(|&c| !closer(c) && !c.is_whitespace())
        .unwrap_or(' ');
    Line {
        text,
        words,
        stop: matches!(last, '.' | '!' | '?' | '؟' | '…' | '۔'),
        period: last == '.' || last == '۔',
        colon: last == ':',
        hit: None,
        fate: None,
    }
}

/// Split on `\n` and `\r`, trim, drop blank lines.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain(std::iter::once(bytes.len())) {
        let t = trim(&text[start..end]);
        if !t.is_empty() {
            out.push(line_of(t));
        }
        start = end + 1;
    }
    out
}

fn rule(name: &str) -> Why {
    Why::rule(format!("clean/{name}"))
}

/// Characters that separate names in a credit list.
fn name_separator(c: char) -> bool {
    matches!(
        c,
        '+' | '،' | ',' | '/' | '&' | '|' | '؛' | ';' | '\\' | '٫'
    )
}

/// Decoration around a credit line or a name: bullets, dashes, quotes, brackets, dots.
fn decoration(c: char) -> bool {
    c.is_whitespace()
        || invisible(c)
        || matches!(
            c,
            '*' | '-'
                | '–'
                | '—'
                | '•'
                | '·'
                | '('
                | ')'
                | '['
                | ']'
                | '"'
                | '\''
                | '“'
                | '”'
                | '«'
                | '»'
                | '.'
                | ':'
                | '='
                | '_'
                | '~'
        )
}

/// The cleaner's view of the lexicons.
pub(crate) struct Rules<'a> {
    pub norm: &'a Normalizer,
    pub patterns: &'a Patterns,
    pub vocab: &'a Vocab,
}

impl Rules<'_> {
    /// Clean one text whose title is `title`, when known.
    pub fn clean(&self, text: &str, title: Option<&str>) -> Cleaned {
        let mut lines = split_lines(text);
        let mut credits = Vec::new();
        for l in lines.iter_mut() {
            if l.words <= MAX_CHROME_WORDS {
                self.match_line(l, &mut credits);
            }
        }
        self.apply_scopes(&mut lines);
        repeated(&mut lines);
        self.edges(&mut lines, &mut credits);
        if let Some(t) = title {
            self.teasers(&mut lines, t);
        }

        let mut out = Cleaned {
            body: String::with_capacity(text.len()),
            ..Cleaned::default()
        };
        for l in lines {
            match l.fate {
                None => {
                    if !out.body.is_empty() {
                        out.body.push('\n');
                    }
                    out.body.push_str(l.text);
                }
                Some((kind, why)) => out.removed.push(Removed {
                    text: l.text.to_string(),
                    kind: kind.as_str().to_string(),
                    why: Some(why),
                }),
            }
        }
        for c in credits {
            if !out.credits.contains(&c) {
                out.credits.push(c);
            }
        }
        out
    }

    /// Pass 1: patterns and breadcrumbs on one short line.
    fn match_line(&self, l: &mut Line<'_>, credits: &mut Vec<String>) {
        let p = self.patterns;
        // The first word decides whether any keyed pattern can match: most lines are
        // dismissed without folding.
        let mut buf = [0u8; 64];
        let keyed = match quick_first_word(l.text, &mut buf) {
            Some(w) => p.starts.contains(w),
            None => true,
        };
        let k2 = if keyed || l.words == 1 {
            key(self.norm, first_words(l.text, 2))
        } else {
            String::new()
        };
        if keyed && l.words <= MAX_CREDIT_WORDS && !p.credits.is_empty() {
            if let Some((names, idx)) = self.credit_line(l.text) {
                credits.extend(names);
                l.hit = Some((idx, false));
                l.fate = Some((Kind::Credit, p.rules[idx].why.clone()));
                return;
            }
        }
        // Only the words a pattern can reach are folded: the whole line when it is no
        // longer than the longest pattern, else its first words (with slack for words
        // that are only punctuation).
        let whole_line = l.words <= p.line_words.max(p.prefix_words);
        let k = match (keyed, whole_line) {
            (false, _) => String::new(),
            (true, _) if l.words <= 2 => k2.clone(),
            (true, true) => key(self.norm, l.text),
            (true, false) => key(self.norm, first_words(l.text, p.prefix_words + 2)),
        };
        let mut hit = if keyed && whole_line {
            p.lines.get(&k).map(|&i| (i, true))
        } else {
            None
        };
        if keyed && hit.is_none() && !p.prefixes.is_empty() {
            // Word boundaries of the key, longest prefix first.
            let mut ends: Vec<usize> = k.match_indices(' ').map(|(i, _)| i).collect();
            ends.push(k.len());
            ends.truncate(p.prefix_words);
            hit = ends.iter().rev().find_map(|&e| {
                p.prefixes
                    .get(&k[..e])
                    .map(|&i| (i, whole_line && e == k.len()))
            });
        }
        if hit.is_none() {
            hit = p
                .regexes
                .iter()
                .find(|(re, _)| re.is_match(l.text))
                .map(|&(_, i)| (i, true));
        }
        if let Some((idx, whole)) = hit {
            let r = &p.rules[idx];
            l.hit = Some((idx, whole));
            l.fate = Some((r.kind, r.why.clone()));
            return;
        }
        if l.words == 1 && !k2.contains(' ') && self.glued_breadcrumb(&k2) {
            l.fate = Some((Kind::Nav, rule("glued-breadcrumb")));
        } else if l.words <= MAX_BREADCRUMB_WORDS && self.breadcrumb(l) {
            l.fate = Some((Kind::Nav, rule("breadcrumb")));
        }
    }

    /// A source-credit line: label, separator, names. Returns the names and the row.
    fn credit_line(&self, text: &str) -> Option<(Vec<String>, usize)> {
        let s = text.trim_matches(decoration);
        if s.is_empty() {
            return None;
        }
        let sep = s
            .char_indices()
            .find(|&(_, c)| matches!(c, ':' | '-' | '–' | '—' | '/' | '=' | '：'));
        let sep_key = sep.map(|(at, _)| key(self.norm, &s[..at]));
        for label in &self.patterns.credits {
            let rest = match sep {
                Some((at, c)) if sep_key.as_deref() == Some(label.key.as_str()) => {
                    &s[at + c.len_utf8()..]
                }
                _ if label.open => {
                    let head: Vec<&str> = s.split_whitespace().take(label.words).collect();
                    if head.len() < label.words || key(self.norm, &head.join(" ")) != label.key {
                        continue;
                    }
                    let last = head.last().copied().unwrap_or("");
                    let at = last.as_ptr() as usize - s.as_ptr() as usize + last.len();
                    &s[at..]
                }
                _ => continue,
            };
            let rest = rest.trim_matches(decoration);
            let n = rest.split_whitespace().count();
            if n == 0 || n > 10 {
                return None;
            }
            let names = self.split_names(rest);
            return (!names.is_empty()).then_some((names, label.rule));
        }
        None
    }

    /// `الجزيرة + وكالات` → [الجزيرة, وكالات]; `رويترز وفرانس برس` → [رويترز, فرانس برس].
    fn split_names(&self, list: &str) -> Vec<String> {
        let mut out = Vec::new();
        for piece in list.split(name_separator) {
            let words: Vec<&str> = piece.split_whitespace().collect();
            let mut cur: Vec<&str> = Vec::new();
            let mut i = 0;
            while i < words.len() {
                let w = words[i];
                let and_next = w == "و" || w == "-" || w == "–";
                let glued_and = !cur.is_empty()
                    && w.starts_with('و')
                    && w.len() > 'و'.len_utf8()
                    && self.starts_agency(&w['و'.len_utf8()..], &words[i + 1..]);
                if and_next {
                    push_name(&mut out, &cur);
                    cur.clear();
                } else if glued_and {
                    push_name(&mut out, &cur);
                    cur.clear();
                    cur.push(&w['و'.len_utf8()..]);
                } else {
                    cur.push(w);
                }
                i += 1;
            }
            push_name(&mut out, &cur);
        }
        out
    }

    /// Whether `first` + `rest` starts with an agency name at a word boundary.
    fn starts_agency(&self, first: &str, rest: &[&str]) -> bool {
        let mut cand = first.to_string();
        if self.vocab.agency.contains(&key(self.norm, &cand)) {
            return true;
        }
        for w in rest.iter().take(3) {
            cand.push(' ');
            cand.push_str(w);
            if self.vocab.agency.contains(&key(self.norm, &cand)) {
                return true;
            }
        }
        false
    }

    /// The whole token splits into two or more section names (`الرئيسيتقاريرخبرسياسة`).
    /// A name may lose its final taa marbuta (folded `ه`) before the next, and may
    /// carry the article `ال`.
    fn glued_breadcrumb(&self, k: &str) -> bool {
        let n = k.len();
        if k.chars().count() < 6 {
            return false;
        }
        // best[i]: most names covering k[..i] (None: unreachable).
        let mut best: Vec<Option<u32>> = vec![None; n + 1];
        best[0] = Some(0);
        for i in 0..n {
            let Some(b) = best[i] else { continue };
            if !k.is_char_boundary(i) {
                continue;
            }
            let rest = &k[i..];
            for w in &self.vocab.nav_glued {
                for form in [w.as_str(), w.strip_suffix('ه').unwrap_or("")] {
                    if form.chars().count() < 2 {
                        continue;
                    }
                    for art in ["", "ال"] {
                        if rest.starts_with(art) && rest[art.len()..].starts_with(form) {
                            let j = i + art.len() + form.len();
                            best[j] = Some(best[j].map_or(b + 1, |x| x.max(b + 1)));
                        }
                    }
                }
            }
        }
        best[n].is_some_and(|c| c >= 2)
    }

    /// Parts joined by breadcrumb separators, each short, the first a section name.
    fn breadcrumb(&self, l: &Line<'_>) -> bool {
        let sep = |c: char| {
            matches!(
                c,
                '»' | '›' | '>' | '/' | '|' | '\\' | '←' | '→' | '·' | '•'
            )
        };
        // Bytes that start every separator: a cheap test before the char-level one.
        let maybe = |b: &u8| matches!(b, b'>' | b'/' | b'|' | b'\\' | 0xC2 | 0xE2);
        if l.stop || !l.text.as_bytes().iter().any(maybe) || !l.text.contains(sep) {
            return false;
        }
        let parts: Vec<&str> = l.text.split(sep).map(str::trim).collect();
        if parts.len() < 2
            || parts
                .iter()
                .any(|p| p.is_empty() || p.split_whitespace().count() > 4)
        {
            return false;
        }
        self.nav_words(&key(self.norm, parts[0]))
    }

    /// Every word of a key is (part of) a section name.
    fn nav_words(&self, k: &str) -> bool {
        let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return false;
        }
        let nav = &self.vocab.nav;
        let mut i = 0;
        'outer: while i < words.len() {
            for len in (1..=3.min(words.len() - i)).rev() {
                let cand = words[i..i + len].join(" ");
                let bare = cand.strip_prefix("ال").or_else(|| cand.strip_prefix('و'));
                if nav.contains(&cand) || bare.is_some_and(|b| nav.contains(b)) {
                    i += len;
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }

    /// Pass 2: `next` and `tail` scopes of whole-line matches.
    fn apply_scopes(&self, lines: &mut [Line<'_>]) {
        for i in 0..lines.len() {
            let Some((idx, true)) = lines[i].hit else {
                continue;
            };
            let r = &self.patterns.rules[idx];
            match r.scope {
                Scope::Line => {}
                Scope::Next => {
                    if let Some(j) = (i + 1..lines.len()).find(|&j| lines[j].kept()) {
                        if lines[j].link_like() && !lines[j].prose() {
                            lines[j].fate = Some((r.kind, r.why.clone().and(rule("scope-next"))));
                        }
                    }
                }
                Scope::Tail => {
                    let rest = &lines[i + 1..];
                    if rest.iter().all(|l| !l.kept() || l.link_like()) {
                        for l in lines[i + 1..].iter_mut().filter(|l| l.kept()) {
                            l.fate = Some((r.kind, r.why.clone().and(rule("scope-tail"))));
                        }
                    }
                }
            }
        }
    }

    /// Pass 5: a closing run of other stories' opening paragraphs.
    fn teasers(&self, lines: &mut [Line<'_>], title: &str) {
        let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
        if kept.len() < TEASER_MIN + 2 {
            return;
        }
        // The shape of a lead first (cheap, and most articles end otherwise), then the
        // anchors, which need folding.
        let lead = |l: &Line<'_>| {
            let first = l.text.trim_start_matches(|c: char| !c.is_alphanumeric());
            l.prose()
                && TEASER_CHARS.contains(&l.text.chars().count())
                && !first.starts_with(['و', 'ف'])
                && !first.starts_with(|c: char| c.is_numeric())
                && {
                    let k = key(self.norm, first_words(l.text, 4));
                    !self.vocab.continues.iter().any(|c| {
                        k.strip_prefix(c.as_str())
                            .is_some_and(|r| r.is_empty() || r.starts_with(' '))
                    })
                }
        };
        let shaped = kept[2..]
            .iter()
            .rev()
            .take_while(|&&i| lead(&lines[i]))
            .count();
        if shaped < TEASER_MIN {
            return;
        }
        let head = self
            .norm
            .fold_str(&format!("{} {}", lines[kept[0]].text, lines[kept[1]].text));
        let folded = self.norm.fold_str(title);
        let anchors: Vec<&str> = folded
            .split(|c: char| !c.is_alphabetic())
            .map(strip_article)
            .filter(|w| {
                w.chars().count() >= 4 && !self.vocab.common.contains(*w) && head.contains(w)
            })
            .collect();
        if anchors.is_empty() {
            return;
        }
        let run = kept[kept.len() - shaped..]
            .iter()
            .rev()
            .take_while(|&&i| {
                let f = self.norm.fold_str(lines[i].text);
                !anchors.iter().any(|a| f.contains(a))
            })
            .count();
        if run >= TEASER_MIN {
            for &i in &kept[kept.len() - run..] {
                lines[i].fate = Some((Kind::Related, rule("trailing-teasers")));
            }
        }
    }

    /// Pass 4: the edges around the prose.
    fn edges(&self, lines: &mut [Line<'_>], credits: &mut Vec<String>) {
        let Some(first) = lines.iter().position(|l| l.kept() && l.prose()) else {
            return;
        };
        let Some(last) = lines.iter().rposition(|l| l.kept() && l.prose()) else {
            return;
        };
        // Before the first prose line.
        let head: Vec<usize> = (0..first).filter(|&i| lines[i].kept()).collect();
        if let Some((&top, after)) = head.split_first() {
            let next = after.first().copied().unwrap_or(first);
            let n = &lines[next];
            if lines[top].words == 1 && n.words >= 3 && !n.stop && !lines[top].colon {
                lines[top].fate = Some((Kind::Nav, rule("lone-category-word")));
            }
        }
        for &i in &head {
            if lines[i].kept() && self.nav_words(&key(self.norm, lines[i].text)) {
                lines[i].fate = Some((Kind::Nav, rule("edge-nav-words")));
            }
        }
        // After the last prose line.
        let tail: Vec<usize> = (last + 1..lines.len())
            .filter(|&i| lines[i].kept())
            .collect();
        for &i in &tail {
            if self.nav_words(&key(self.norm, lines[i].text)) {
                lines[i].fate = Some((Kind::Nav, rule("edge-nav-words")));
            }
        }
        if let Some(&end) = tail.iter().rev().find(|&&i| lines[i].kept()) {
            if lines[end].words <= 8 {
                let s = lines[end].text.trim_matches(decoration);
                let names = self.split_names(s);
                let agency = |n: &String| self.vocab.agency.contains(&key(self.norm, n));
                if !names.is_empty() && names.iter().all(agency) {
                    credits.extend(names);
                    lines[end].fate = Some((Kind::Credit, rule("agency-credit")));
                }
            }
        }
        let kept: Vec<usize> = tail.into_iter().filter(|&i| lines[i].kept()).collect();
        let bare = |l: &Line<'_>| {
            l.words <= 3
                && l.text.chars().any(char::is_alphabetic)
                && !l.text.contains(|c: char| {
                    matches!(c, '.' | '!' | '?' | '؟' | ':' | '،' | ',' | '؛' | ';' | '…')
                })
        };
        let run = kept.iter().rev().take_while(|&&i| bare(&lines[i])).count();
        if run >= 2 {
            let start = kept[kept.len() - run];
            let before = (0..start).rev().find(|&i| lines[i].kept());
            if !before.is_some_and(|b| lines[b].colon) {
                for &i in &kept[kept.len() - run..] {
                    lines[i].fate = Some((Kind::Tags, rule("edge-short-run")));
                }
            }
        }
    }
}

fn push_name(out: &mut Vec<String>, words: &[&str]) {
    let joined = words.join(" ");
    let cleaned: String = joined
        .trim_matches(decoration)
        .chars()
        .filter(|&c| !matches!(c, '"' | '“' | '”' | '«' | '»'))
        .collect();
    let name = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if !name.is_empty() {
        out.push(name);
    }
}

/// Pass 3: short lines repeated [`REPEAT_MIN`] times or more.
fn repeated(lines: &mut [Line<'_>]) {
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for l in lines.iter().filter(|l| l.kept() && l.words <= 8) {
        *counts.entry(l.text).or_default() += 1;
    }
    if counts.values().all(|&c| c < REPEAT_MIN) {
        return;
    }
    for l in lines.iter_mut() {
        let many = counts.get(l.text).is_some_and(|&c| c >= REPEAT_MIN);
        if l.kept() && many && l.text.chars().any(char::is_alphabetic) {
            l.fate = Some((Kind::Widget, rule("repeated-line")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;

    /// Clean `text`; return the body lines and the removed `(text, kind)` pairs.
    fn run(c: &Cleaner, text: &str) -> (Vec<String>, Vec<(String, String)>) {
        let out = c.clean_text(text);
        let body = out.body.lines().map(str::to_string).collect();
        let removed = out.removed.into_iter().map(|r| (r.text, r.kind)).collect();
        (body, removed)
    }

    const PARA: &str =
        "وقال المتحدث باسم القوات إن الاشتباكات استمرت حتى ساعة متأخرة من الليل في محيط المدينة.";
    const PARA2: &str =
        "وأضاف أن القوات تمكنت من صد الهجوم، وأن عددا من المهاجمين قتلوا في المواجهات.";

    #[test]
    fn chrome_lines_are_removed_with_their_kind() {
        let c = Cleaner::default();
        for (line, kind) in [
            ("[ads2]", "ad"),
            ("Facebook Comments", "widget"),
            ("اترك رد", "comments"),
            ("أترك تعليقا", "comments"),
            ("تعليقات", "comments"),
            ("الوسوم", "tags"),
            ("مقالات ذات صلة", "related"),
            ("هذا الموقع يستخدم Akismet للحدّ من التعليقات المزعجة والغير مرغوبة. تعرّف على كيفية معالجة بيانات تعليقك.", "notice"),
            ("%d مدونون معجبون بهذه:", "widget"),
            ("شارك", "widget"),
            ("مشاركة", "widget"),
            ("اقرأ أيضاً: خلفان يرد على رئيس وزراء قطر السابق", "related"),
            ("قد يهمك/ حلايب وشلاتين وسواكن واستدعاء السفير.. ماذا بين مصر والسودان؟", "related"),
            ("اقرأ المزيد", "nav"),
            ("...المزيد", "nav"),
            ("تابعونا على فيسبوك وتويتر", "widget"),
            ("إعلان", "ad"),
            ("أخبار ذات صلة", "related"),
            ("كلمات مفتاحية: ليبيا، حفتر، طرابلس", "tags"),
            ("جميع الحقوق محفوظة © 2020", "notice"),
            ("© 2020 الموقع", "notice"),
            ("الأكثر قراءة", "related"),
            ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "notice"),
            ("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.", "widget"),
            ("الرئيسيتقاريرخبرسياسة", "nav"),
            ("الرئيسية » أخبار » ليبيا", "nav"),
            ("[caption id=\"attachment_1\" align=\"alignnone\"]", "widget"),
        ] {
            let text = format!("{PARA}\n{line}\n{PARA2}");
            let (body, removed) = run(&c, &text);
            assert_eq!(body, vec![PARA, PARA2], "help: {line:?} should leave the body");
            assert_eq!(removed, vec![(line.to_string(), kind.to_string())], "help: {line:?}");
        }
    }

    #[test]
    fn article_lines_are_kept() {
        let c = Cleaner::default();
        for line in [
            "تفجير بعد القصف",
            "حفتر يخسر الحرب ويطلب وساطة أوروبية",
            "عدوان وتحذير",
            "خطف",
            "شارك مئات الأشخاص في التظاهرة التي جابت شوارع العاصمة.",
            "وتابع \"ما يعنينا اليوم هو أن تجتاز بلادنا الأزمة الراهنة\".",
            "المصدر نفسه قال إن القوات انسحبت.",
            "«داعش» يتبنى الهجوم",
            "4 أبريل/نيسان",
            "-----------------------------------",
            "// انتهى //",
            "عين اليوم – طرابلس",
            "وقال في تعليقات للصحفيين إن الأمر انتهى.",
        ] {
            let text = format!("{PARA}\n{line}\n{PARA2}");
            let (body, removed) = run(&c, &text);
            assert!(
                removed.is_empty(),
                "help: {line:?} was removed: {removed:?}"
            );
            assert_eq!(body, vec![PARA, line, PARA2], "help: {line:?}");
        }
    }

    #[test]
    fn credits_fill_credits() {
        let c = Cleaner::default();
        for (line, want) in [
            ("المصدر : الجزيرة + وكالات", vec!["الجزيرة", "وكالات"]),
            ("المصدر: وكالات", vec!["وكالات"]),
            ("المصدر: الجزيرة", vec!["الجزيرة"]),
            ("(المصدر: رويترز)", vec!["رويترز"]),
            ("المصدر - الأناضول", vec!["الأناضول"]),
            ("المصادر: الجزيرة، وكالات", vec!["الجزيرة", "وكالات"]),
            ("المصدر: رويترز وفرانس برس", vec!["رويترز", "فرانس برس"]),
            ("المصدر: الجزيرة ووكالات", vec!["الجزيرة", "وكالات"]),
            ("المصدر: الجزيرة و وكالات", vec!["الجزيرة", "وكالات"]),
            (
                "*نقلا عن \"الشرق الأوسط\" السعودية",
                vec!["الشرق الأوسط السعودية"],
            ),
            ("-رويترز-", vec!["رويترز"]),
            ("فرانس24/ أ ف ب", vec!["فرانس24", "أ ف ب"]),
        ] {
            let out = c.clean_text(&format!("{PARA}\n{PARA2}\n{line}"));
            assert_eq!(out.credits, want, "help: {line:?}");
            assert_eq!(out.body, format!("{PARA}\n{PARA2}"), "help: {line:?}");
            assert_eq!(out.removed.len(), 1);
            assert_eq!(out.removed[0].kind, "credit");
        }
    }

    #[test]
    fn edges() {
        let c = Cleaner::default();
        for (text, body, removed) in [
            // A lone category word above the headline.
            (format!("خليفة\n\n“ميديل إيست آي”: قوات غربية تدعم خليفة حفتر في بنغازي\n{PARA}"),
             vec!["“ميديل إيست آي”: قوات غربية تدعم خليفة حفتر في بنغازي", PARA], vec!["خليفة"]),
            // A one-word line above a paragraph is kept (it may be a subheading).
            (format!("خطف\n{PARA}"), vec!["خطف", PARA], vec![]),
            // A headline alone at the top stays.
            (format!("حفتر يخسر الحرب في ليبيا\n{PARA}"), vec!["حفتر يخسر الحرب في ليبيا", PARA], vec![]),
            // Section names at the top.
            (format!("أخبار عربية\nحفتر يخسر الحرب\n{PARA}"), vec!["حفتر يخسر الحرب", PARA], vec!["أخبار عربية"]),
            // A closing run of very short lines (tags, share buttons).
            (format!("{PARA}\nليبيا\nحفتر\nطرابلس"), vec![PARA], vec!["ليبيا", "حفتر", "طرابلس"]),
            // … unless a colon introduces them.
            (format!("{PARA}\nومن بين القتلى:\nمحمد علي\nأحمد حسن"),
             vec![PARA, "ومن بين القتلى:", "محمد علي", "أحمد حسن"], vec![]),
            // One short closing line stays.
            (format!("{PARA}\n15:22 ت م"), vec![PARA, "15:22 ت م"], vec![]),
            // A heading with its list of related titles, to the end.
            (format!("{PARA}\nمقالات ذات صلة\nحفتر يخسر الحرب\nالسراج يدعو إلى التحقيق في الجرائم؟"),
             vec![PARA], vec!["مقالات ذات صلة", "حفتر يخسر الحرب", "السراج يدعو إلى التحقيق في الجرائم؟"]),
            // … but not when the article goes on after it.
            (format!("{PARA}\nمقالات ذات صلة\nحفتر يخسر الحرب\n{PARA2}"),
             vec![PARA, "حفتر يخسر الحرب", PARA2], vec!["مقالات ذات صلة"]),
            // Read-also takes the next title, not a following paragraph.
            (format!("{PARA}\nاقرأ أيضا\nحفتر يخسر الحرب\n{PARA2}"), vec![PARA, PARA2], vec!["اقرأ أيضا", "حفتر يخسر الحرب"]),
            (format!("{PARA}\nاقرأ أيضا\n{PARA2}"), vec![PARA, PARA2], vec!["اقرأ أيضا"]),
            // Lines repeated three times.
            (format!("إعلان ممول من الراعي\n{PARA}\nإعلان ممول من الراعي\n{PARA2}\nإعلان ممول من الراعي"),
             vec![PARA, PARA2], vec!["إعلان ممول من الراعي"; 3]),
            // A text without prose gets no edge rules.
            ("ليبيا\nحفتر".to_string(), vec!["ليبيا", "حفتر"], vec![]),
        ] {
            let (b, r) = run(&c, &text);
            let r: Vec<String> = r.into_iter().map(|(t, _)| t).collect();
            assert_eq!(b, body, "help: body of {text:?}");
            assert_eq!(r, removed, "help: removed of {text:?}");
        }
    }

    /// Other stories' opening paragraphs after the article go; the article's own closing
    /// paragraphs, a short run, connectives and list items stay.
    #[test]
    fn trailing_teasers() {
        let c = Cleaner::default();
        let title = "الحوثيون يسيطرون على مديرية جديدة في محافظة الجوف";
        let head = [
            "صنعاء (وكالات) -- أعلن الحوثيون، الخميس، السيطرة على مديرية جديدة في محافظة الجوف شمال اليمن بعد معارك استمرت أياما مع القوات الحكومية.",
            "وقالت مصادر محلية إن المعارك في مديرية خب والشعف أسفرت عن سقوط قتلى من الطرفين، فيما لم تعلق الحكومة على ما جرى حتى الآن.",
            "وتشهد المحافظة منذ أشهر مواجهات متقطعة بين القوات الحكومية وجماعة الحوثي المدعومة من إيران.",
        ];
        let teasers = [
            "دعا وزير الخارجية الأمريكي حكومات المنطقة إلى دعم إجراء تحقيق شامل في اختفاء الصحفي المعروف في إسطنبول الأسبوع الماضي.",
            "قال الرئيس التونسي، الإثنين، إن بلاده ماضية في تعديل قانون الأحوال الشخصية رغم اعتراض عدد من الأحزاب والجمعيات.",
            "أعلنت السلطات القطرية والتركية، الأربعاء، أن أمير قطر قرر دعم الاقتصاد التركي باستثمارات مباشرة بقيمة كبيرة.",
        ];
        let body = |extra: &[&str]| -> String {
            head.iter()
                .chain(extra)
                .copied()
                .collect::<Vec<_>>()
                .join("\n")
        };
        let removed = |text: &str, t: Option<&str>| -> Vec<String> {
            c.clean_titled(text, t)
                .removed
                .into_iter()
                .filter(|r| r.kind == "related")
                .map(|r| r.text)
                .collect()
        };
        assert_eq!(removed(&body(&teasers), Some(title)), teasers.to_vec());
        assert!(
            removed(&body(&teasers), None).is_empty(),
            "help: no title, no rule"
        );
        assert!(
            removed(&body(&teasers[..2]), Some(title)).is_empty(),
            "help: two may be background"
        );
        let own =
            "وأكد مسؤول محلي أن الحوثيين دفعوا بتعزيزات كبيرة إلى المحافظة خلال الأيام الماضية.";
        let mut with_own = teasers.to_vec();
        with_own.push(own);
        assert!(
            removed(&body(&with_own), Some(title)).is_empty(),
            "help: the story goes on"
        );
        let background =
            "يذكر أن القوات الحكومية استعادت السيطرة على مواقع عدة في المنطقة خلال العام الماضي بدعم جوي من التحالف.";
        let mut after = vec![background];
        after.extend(teasers);
        assert_eq!(
            removed(&body(&after), Some(title)),
            teasers.to_vec(),
            "help: `يذكر أن` goes on with the article"
        );
        let listed: Vec<String> = teasers.iter().map(|t| format!("2- {t}")).collect();
        let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
        assert!(
            removed(&body(&listed), Some(title)).is_empty(),
            "help: list items stay"
        );
    }

    #[test]
    fn words_are_counted_between_spaces() {
        for (s, n) in [
            ("", 0),
            ("ب", 1),
            ("أ ب  ج\tد", 4),
            ("أ\u{a0}ب \u{a0} ج", 3),
            ("«داعش» يتبنى", 2),
            (" «أ» ", 1),
            ("x\u{ab}y", 1),
        ] {
            assert_eq!(super::count_words(s, 100), n, "help: {s:?}");
        }
        assert_eq!(super::count_words(&"كلمة ".repeat(500), 41), 41);
    }

    #[test]
    fn layout_collapses_blank_lines_and_keeps_text() {
        let c = Cleaner::default();
        let text = "  أ ب  \r\n\u{a0}\n\n\t\n\u{200f}\nج  د\u{a0}\u{a0}هـ\rو\n";
        assert_eq!(c.clean_text(text).body, "أ ب\nج  د\u{a0}\u{a0}هـ\nو");
        assert_eq!(c.clean_text("").body, "");
        assert_eq!(c.clean_text(" \n\u{a0}\n").body, "");
    }

    /// `lexicon:clean/chrome.tsv:N` of the first row whose pattern field has `variant`.
    fn row_of(variant: &str) -> String {
        let src = rasd_lexicon::Source::embedded();
        let (text, _) = src.read(crate::CHROME).unwrap().unwrap();
        let n = text
            .lines()
            .position(|l| {
                let field = l.split('\t').next().unwrap_or("");
                !l.starts_with('#') && (field == variant || field.split('|').any(|v| v == variant))
            })
            .unwrap();
        format!("lexicon:clean/chrome.tsv:{}", n + 1)
    }

    #[test]
    fn every_removal_names_its_reason() {
        let c = Cleaner::default();
        let text = format!(
            "الرئيسيتقاريرخبرسياسة\nخليفة\nحفتر يخسر الحرب\n{PARA}\n[ads2]\nالمصدر: وكالات\nاترك رد"
        );
        let out = c.clean_text(&text);
        let whys: Vec<String> = out
            .removed
            .iter()
            .map(|r| r.why.as_ref().unwrap().to_string())
            .collect();
        let ads = row_of(
            r"(?i)^\[\s*/?\s*(ads?|adv|advert\w*|adsense|banner|sponsor\w*|ad_?\w*)\s*\d*\s*\]$",
        );
        assert_eq!(
            whys,
            vec![
                "rule:clean/glued-breadcrumb".to_string(),
                "rule:clean/lone-category-word".to_string(),
                ads,
                row_of("المصدر"),
                row_of("اترك رد"),
            ]
        );
    }
}
