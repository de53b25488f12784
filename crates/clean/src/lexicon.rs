//! The clean stage's lexicons: chrome patterns, word lists and HTML class hints,
//! compiled once at load into hash maps and one regex list.
//!
//! Every pattern is compared in its *key* form: the matching form of `rasd-text`
//! (diacritics and tatweel dropped, alef/yaa/taa-marbuta folded, Latin lower-cased),
//! with every run of characters that are not letters or digits read as one space.
//! `اقرأ أيضاً:` and `اقرا ايضا` have the same key, `اقرا ايضا`.

use std::collections::HashMap;

use rasd_lexicon::{Issue, Source, Table};
use rasd_model::Why;
use rasd_text::hash::{FxHashMap, FxHashSet};
use rasd_text::Normalizer;
use regex::Regex;

/// The chrome patterns file.
pub const CHROME: &str = "clean/chrome.tsv";
/// The word lists file.
pub const VOCAB: &str = "clean/vocab.tsv";
/// The HTML class/id hints file.
pub const HTML_HINTS: &str = "clean/html_hints.tsv";

/// What a removed piece of chrome was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Navigation: breadcrumbs, menus, section labels, pager links.
    Nav,
    /// Advertising markers and labels.
    Ad,
    /// Share bars, like and follow boxes, article tools.
    Widget,
    /// Comment sections and forms.
    Comments,
    /// Tag lists.
    Tags,
    /// Related-article and most-read boxes.
    Related,
    /// Site notices: spam filter, copyright, disclaimers, cookies.
    Notice,
    /// A source-credit line (its names go to `credits`).
    Credit,
}

impl Kind {
    /// Every kind with its name in `removed`.
    pub const ALL: [(&'static str, Kind); 8] = [
        ("nav", Kind::Nav),
        ("ad", Kind::Ad),
        ("widget", Kind::Widget),
        ("comments", Kind::Comments),
        ("tags", Kind::Tags),
        ("related", Kind::Related),
        ("notice", Kind::Notice),
        ("credit", Kind::Credit),
    ];

    /// The kind of a name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    /// The name written in `removed`.
    pub fn as_str(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("nav", |(n, _)| n)
    }
}

/// How far a pattern's removal reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The matched line only.
    Line,
    /// The line and the next one when it is a link title (`اقرأ أيضا` then a title).
    Next,
    /// The line and everything after it, when all of that is link titles or chrome.
    Tail,
}

/// One pattern row, compiled.
#[derive(Clone, Debug)]
pub struct Rule {
    /// What it removes.
    pub kind: Kind,
    /// How far.
    pub scope: Scope,
    /// The row, as `lexicon:clean/chrome.tsv:N`.
    pub why: Why,
}

/// Key form of a string: folded, then runs of non-alphanumerics as one space.
pub fn key(norm: &Normalizer, s: &str) -> String {
    squeeze(&norm.fold_str(s))
}

/// Runs of characters that are not letters or digits become one space; trimmed.
pub fn squeeze(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if word_char(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// A letter or digit. The Arabic block is decided by range (its punctuation and marks
/// are the exceptions), ASCII by table; only other scripts ask the Unicode tables.
pub fn word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0600}'..='\u{06FF}' => !matches!(c,
            '\u{0600}'..='\u{061F}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{066A}'..='\u{066D}'
            | '\u{0670}' | '\u{06D4}' | '\u{06D6}'..='\u{06ED}' | '\u{06FD}' | '\u{06FE}'),
        _ => c.is_alphanumeric(),
    }
}

/// The first word of a line's key, folded without allocating, when every character
/// up to its end is one whose fold is certain here: ASCII, basic Arabic letters and
/// digits, harakat and tatweel (folded exactly as the text layer's matching form does).
/// `None` when it meets anything else (presentation forms, invisible marks, other
/// scripts), or when the word is longer than `buf`: the caller then folds for real.
///
/// Only a prefilter: a line whose first key word is not the first word of any pattern
/// cannot match a keyed pattern.
pub fn quick_first_word<'b>(text: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = 0usize;
    for c in text.chars() {
        let folded = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' | '0'..='9' => c,
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => c,
            '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' => continue,
            _ if c.is_ascii()
                || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '“' | '”' | '…' | '\u{a0}') =>
            {
                if n > 0 {
                    break;
                }
                continue;
            }
            _ => return None,
        };
        let len = folded.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        folded.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// A credit label row.
#[derive(Clone, Debug)]
pub struct CreditLabel {
    /// Key of the label (`المصدر`, `نقلا عن`).
    pub key: String,
    /// Number of words in the key.
    pub words: usize,
    /// Whether the names may follow without a separator (`نقلا عن …`).
    pub open: bool,
    /// Index into [`Patterns::rules`].
    pub rule: usize,
}

/// The compiled chrome patterns.
#[derive(Debug, Default)]
pub struct Patterns {
    /// Every row, indexed by the maps below.
    pub rules: Vec<Rule>,
    /// Whole-line keys.
    pub lines: FxHashMap<String, usize>,
    /// Line-prefix keys.
    pub prefixes: FxHashMap<String, usize>,
    /// The first word of every line, prefix and credit key: a line whose first word is
    /// not here can only match a regex.
    pub starts: FxHashSet<String>,
    /// The most words in a prefix key.
    pub prefix_words: usize,
    /// The most words in a whole-line key.
    pub line_words: usize,
    /// Regexes over the trimmed line, in file order.
    pub regexes: Vec<(Regex, usize)>,
    /// Source-credit labels, longest first.
    pub credits: Vec<CreditLabel>,
}

/// Word lists of the structural rules.
#[derive(Debug, Default)]
pub struct Vocab {
    /// Section and menu names (keys).
    pub nav: FxHashSet<String>,
    /// Section names with spaces removed, for glued breadcrumbs, longest first.
    pub nav_glued: Vec<String>,
    /// News agencies and outlets (keys).
    pub agency: FxHashSet<String>,
    /// Words too common in news to tie a paragraph to its story (teaser rule): the
    /// names and demonyms of states (`places/countries.tsv`) and titles
    /// (`ner/per_title.tsv`), each word folded and without its article.
    pub common: FxHashSet<String>,
    /// Openings of a paragraph that continues the article (`يذكر أن`, `من جهته`), keys.
    pub continues: Vec<String>,
}

/// The effect of an HTML class/id hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Content: raises the score.
    Positive,
    /// Chrome: lowers the score; dropped inside the article.
    Negative,
    /// Dropped before scoring unless a positive hint is present too.
    Unlikely,
}

/// One hint row, compiled.
#[derive(Clone, Debug)]
pub struct Hint {
    /// Its effect.
    pub effect: Effect,
    /// The kind reported when a block is dropped for it.
    pub kind: Kind,
    /// The row.
    pub why: Why,
}

/// HTML class/id hints.
#[derive(Debug, Default)]
pub struct Hints {
    /// Every row.
    pub rows: Vec<Hint>,
    /// Whole-word hints.
    pub exact: HashMap<String, usize>,
    /// Word-start hints (written with a trailing `*`).
    pub prefix: Vec<(String, usize)>,
}

fn table(src: &Source, name: &str, cols: &[&str], issues: &mut Vec<Issue>) -> Option<Table> {
    match src.table(name) {
        Ok(mut t) => {
            t.require(cols);
            Some(t)
        }
        Err(e) => {
            issues.push(Issue::new(name, 0, e.to_string()));
            None
        }
    }
}

impl Patterns {
    /// Compile `clean/chrome.tsv`; bad rows become issues.
    pub fn load(src: &Source, norm: &Normalizer, issues: &mut Vec<Issue>) -> Patterns {
        let mut p = Patterns::default();
        let Some(mut t) = table(src, CHROME, &["pattern", "kind", "mode"], issues) else {
            return p;
        };
        let mut bad = Vec::new();
        for row in &t.rows {
            let Some(kind) = t.get(row, "kind").and_then(Kind::parse) else {
                bad.push((row.line, "unknown or empty `kind`".to_string()));
                continue;
            };
            let scope = match t.get(row, "scope").unwrap_or("line") {
                "line" => Scope::Line,
                "next" => Scope::Next,
                "tail" => Scope::Tail,
                s => {
                    bad.push((row.line, format!("unknown scope `{s}`")));
                    continue;
                }
            };
            let mode = t.get(row, "mode").unwrap_or("");
            let idx = p.rules.len();
            let rule = Rule {
                kind,
                scope,
                why: row.why(&t),
            };
            match mode {
                "regex" => match t.get(row, "pattern").map(Regex::new) {
                    Some(Ok(re)) => p.regexes.push((re, idx)),
                    Some(Err(e)) => {
                        bad.push((row.line, format!("bad regex: {e}")));
                        continue;
                    }
                    None => {
                        bad.push((row.line, "empty `pattern`".to_string()));
                        continue;
                    }
                },
                "line" | "prefix" | "credit" | "credit-open" => {
                    let variants = t.list(row, "pattern");
                    if variants.is_empty() {
                        bad.push((row.line, "empty `pattern`".to_string()));
                        continue;
                    }
                    for v in variants {
                        let k = key(norm, v);
                        if k.is_empty() {
                            bad.push((row.line, format!("`{v}` has no letters or digits")));
                            continue;
                        }
                        let words = k.split(' ').count();
                        p.starts
                            .insert(k.split(' ').next().unwrap_or("").to_string());
                        let clash = match mode {
                            "line" => {
                                p.line_words = p.line_words.max(words);
                                p.lines.insert(k.clone(), idx)
                            }
                            "prefix" => {
                                p.prefix_words = p.prefix_words.max(words);
                                p.prefixes.insert(k.clone(), idx)
                            }
                            _ => {
                                let open = mode == "credit-open";
                                p.credits.push(CreditLabel {
                                    key: k.clone(),
                                    words,
                                    open,
                                    rule: idx,
                                });
                                None
                            }
                        };
                        if let Some(first) = clash {
                            if first != idx {
                                let at = p.rules[first].why.to_string();
                                bad.push((row.line, format!("`{v}` already matched by {at}")));
                            }
                        }
                    }
                }
                m => {
                    bad.push((row.line, format!("unknown mode `{m}`")));
                    continue;
                }
            }
            p.rules.push(rule);
        }
        p.credits.sort_by_key(|c| std::cmp::Reverse(c.key.len()));
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
        p
    }
}

/// The tables and columns whose words are [`Vocab::common`].
const COMMON: [(&str, &[&str]); 2] = [
    ("places/countries.tsv", &["ar", "adj"]),
    ("ner/per_title.tsv", &["form"]),
];

impl Vocab {
    /// Load `clean/vocab.tsv`.
    pub fn load(src: &Source, norm: &Normalizer, issues: &mut Vec<Issue>) -> Vocab {
        let mut v = Vocab::default();
        let Some(mut t) = table(src, VOCAB, &["word", "class"], issues) else {
            return v;
        };
        let mut bad = Vec::new();
        for row in &t.rows {
            let class = t.get(row, "class").unwrap_or("");
            for w in t.list(row, "word") {
                let k = key(norm, w);
                if k.is_empty() {
                    bad.push((row.line, format!("`{w}` has no letters or digits")));
                    continue;
                }
                match class {
                    "nav" => {
                        v.nav_glued.push(k.replace(' ', ""));
                        v.nav.insert(k);
                    }
                    "agency" => {
                        v.agency.insert(k);
                    }
                    "continues" => v.continues.push(k),
                    c => {
                        bad.push((row.line, format!("unknown class `{c}`")));
                        break;
                    }
                }
            }
        }
        // Borrowed tables: their own stages report their problems.
        for (name, cols) in COMMON {
            let Ok(t) = src.table(name) else {
                continue;
            };
            for row in &t.rows {
                for col in cols {
                    for w in t.list(row, col) {
                        for word in key(norm, w).split(' ') {
                            let word = crate::lines::strip_article(word);
                            if word.chars().count() >= 3 {
                                v.common.insert(word.to_string());
                            }
                        }
                    }
                }
            }
        }
        v.nav_glued
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.nav_glued.dedup();
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
        v
    }
}

impl Hints {
    /// Load `clean/html_hints.tsv`.
    pub fn load(src: &Source, issues: &mut Vec<Issue>) -> Hints {
        let mut h = Hints::default();
        let Some(mut t) = table(src, HTML_HINTS, &["hint", "effect"], issues) else {
            return h;
        };
        let mut bad = Vec::new();
        for row in &t.rows {
            let effect = match t.get(row, "effect").unwrap_or("") {
                "positive" => Effect::Positive,
                "negative" => Effect::Negative,
                "unlikely" => Effect::Unlikely,
                e => {
                    bad.push((row.line, format!("unknown effect `{e}`")));
                    continue;
                }
            };
            let kind = match t.get(row, "kind") {
                None => Kind::Widget,
                Some(k) => match Kind::parse(k) {
                    Some(k) => k,
                    None => {
                        bad.push((row.line, format!("unknown kind `{k}`")));
                        continue;
                    }
                },
            };
            let idx = h.rows.len();
            h.rows.push(Hint {
                effect,
                kind,
                why: row.why(&t),
            });
            for w in t.list(row, "hint") {
                let w = w.to_ascii_lowercase();
                let clash = match w.strip_suffix('*') {
                    Some(p) if !p.is_empty() => {
                        let seen = h.prefix.iter().any(|(q, _)| q == p);
                        h.prefix.push((p.to_string(), idx));
                        seen
                    }
                    _ => h.exact.insert(w.clone(), idx).is_some(),
                };
                if clash {
                    bad.push((row.line, format!("hint `{w}` listed twice")));
                }
            }
        }
        for (line, m) in bad {
            t.issue(line, m);
        }
        issues.append(&mut t.issues);
        h
    }

    /// The hint rows a class or id value matches, as indexes into [`Hints::rows`].
    pub fn matches(&self, value: &str, out: &mut Vec<usize>) {
        let lower = value.to_ascii_lowercase();
        let mut look = |w: &str| {
            if w.is_empty() {
                return;
            }
            if let Some(&i) = self.exact.get(w) {
                out.push(i);
                return;
            }
            if let Some((_, i)) = self.prefix.iter().find(|(p, _)| w.starts_with(p.as_str())) {
                out.push(*i);
            }
        };
        for part in lower.split_ascii_whitespace() {
            look(part);
            if part.contains(|c: char| !c.is_ascii_alphanumeric()) {
                for w in part.split(|c: char| !c.is_ascii_alphanumeric()) {
                    look(w);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_agree_with_unicode_on_letters_and_digits() {
        for c in ('\u{0600}'..='\u{06FF}').chain(' '..='~') {
            // Combining marks (which the fold drops anyway) are not word characters here.
            let mark = matches!(c, '\u{0610}'..='\u{061A}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
                | '\u{06D6}'..='\u{06ED}');
            let unicode = c.is_alphanumeric() && !mark;
            assert_eq!(word_char(c), unicode, "help: {c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_quick_first_word_agrees_with_the_key() {
        let n = Normalizer::matching();
        for text in [
            "اقرأ أيضاً: عنوان",
            "...المزيد",
            "** جميع المقالات",
            "(المصدر: رويترز)",
            "Facebook Comments",
            "%d مدونون",
            "١٢٣ قتيلا",
            "«داعش» يتبنى",
            "إِعْلانٌ",
            "مُنْذُ",
            "تَعْلِيقَـــات",
            "“ميديل إيست آي”: قوات",
        ] {
            let k = key(&n, text);
            let want = k.split(' ').next().unwrap_or("");
            let mut buf = [0u8; 64];
            assert_eq!(
                quick_first_word(text, &mut buf),
                Some(want),
                "help: {text:?}"
            );
        }
        let mut buf = [0u8; 64];
        assert_eq!(quick_first_word("\u{200f}اترك", &mut buf), None);
        assert_eq!(quick_first_word("ﻻ", &mut buf), None);
    }

    #[test]
    fn keys_ignore_marks_punctuation_and_case() {
        let n = Normalizer::matching();
        for (a, b) in [
            ("اقرأ أيضاً:", "اقرا ايضا"),
            ("...المزيد", "المزيد"),
            ("%d مدونون معجبون بهذه:", "d مدونون معجبون بهذه"),
            ("Facebook  Comments", "facebook comments"),
            ("أترك تعليقاً", "اترك تعليقا"),
            (
                "هذا الموقع يستخدم Akismet للحدّ",
                "هذا الموقع يستخدم akismet للحد",
            ),
        ] {
            assert_eq!(key(&n, a), b, "help: key of {a:?}");
        }
    }

    #[test]
    fn embedded_lexicons_load_cleanly() {
        let n = Normalizer::matching();
        let src = Source::embedded();
        let mut issues = Vec::new();
        let p = Patterns::load(&src, &n, &mut issues);
        let v = Vocab::load(&src, &n, &mut issues);
        let h = Hints::load(&src, &mut issues);
        assert!(issues.is_empty(), "{issues:#?}");
        assert!(p.lines.contains_key("facebook comments"));
        assert!(p.prefixes.contains_key("هذا الموقع يستخدم akismet"));
        assert!(v.nav.contains("الرئيسيه"));
        assert!(v.agency.contains("رويترز"));
        let mut m = Vec::new();
        h.matches("post-tags entry", &mut m);
        assert!(m.iter().any(|&i| h.rows[i].effect == Effect::Unlikely));
        assert!(m.iter().any(|&i| h.rows[i].effect == Effect::Positive));
    }

    #[test]
    fn bad_rows_are_reported_and_skipped() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("clean")).unwrap();
        std::fs::write(
            d.path().join(CHROME),
            "pattern\tkind\tmode\tscope\nإعلان\tad\tline\tline\nx\tbogus\tline\tline\n(\tad\tregex\tline\n!!\tad\tline\tline\ny\tad\tsideways\tline\n",
        )
        .unwrap();
        let mut issues = Vec::new();
        let p = Patterns::load(
            &Source::with_dir(d.path()),
            &Normalizer::matching(),
            &mut issues,
        );
        assert_eq!(p.lines.len(), 1);
        let lines: Vec<u32> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6], "{issues:#?}");
    }
}
