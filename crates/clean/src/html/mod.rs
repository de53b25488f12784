//! Main-text extraction from an HTML page, readability style.
//!
//! 1. [`guard::limit_depth`] caps element nesting at [`MAX_DEPTH`]; html5ever parses
//!    the page into an arena [`dom::Dom`] (entities decoded, implied tags added).
//! 2. Metadata from `<meta>`: `og:title` (else `<title>` without a trailing
//!    `| Site` part, else the first `<h1>`), `og:site_name`, and the first
//!    `article:published_time`-like value that parses as a date.
//! 3. Chrome is dropped before scoring: `script`, `style`, `noscript`, `template`,
//!    `iframe`, `svg`, `form`, `button`, `select`, `nav`, `aside`, `footer`, `header`
//!    (outside `<article>`/`<main>`), hidden elements, ARIA navigation/complementary/
//!    dialog roles, and blocks whose class or id carries an `unlikely` hint of
//!    `clean/html_hints.tsv` and no `positive` one. Blocks with text are reported.
//! 4. Scoring (Arc90/Mozilla Readability): every paragraph (`p`, `pre`, `td`,
//!    `blockquote`, or a `div`/`section` holding no block) of 25 or more letters scores
//!    1 + its commas (`,` and `،`) + one per 100 letters (at most 3); the score goes
//!    whole to its parent, half to the grandparent and a sixth to the next ancestor.
//!    An ancestor starts from a tag bonus (`article` 10, `div` 5, `pre`/`td`/
//!    `blockquote` 3, lists and forms −3, headings −5) plus 25 per content hint and −25
//!    per chrome hint in its class and id. The final score is multiplied by
//!    1 − link density (letters inside `<a>` over all letters); the best block wins.
//! 5. The winner and those of its siblings that score at least a fifth of it (or are
//!    paragraphs long and nearly link-free) are written out as text: block elements
//!    (`p`, `div`, `h1`–`h6`, `li`, `tr`, `blockquote`, `br`, …) become line breaks,
//!    runs of HTML whitespace one space. Inside them, blocks whose chrome hints outweigh
//!    their content hints, small blocks (under 200 letters) with any chrome hint, and
//!    lists or boxes that are more than half link text are dropped and reported.
//! 6. The page's first `<h1>`, when it is the title and the text does not hold it yet,
//!    opens the text, so an HTML article keeps its headline in the body as a text one
//!    does.
//!
//! Every walk over the tree is a loop over an explicit stack.

pub mod dom;
pub mod guard;

use rasd_model::{Published, Removed, Why};

use crate::lexicon::{Effect, Hints, Kind};
use dom::{Data, Dom, Id};
pub use guard::MAX_DEPTH;

/// What extraction found in a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// The main text, one block per line (not yet cleaned line by line).
    pub text: String,
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `og:site_name`.
    pub outlet: Option<String>,
    /// The first publication-time meta value that parses as a date.
    pub published: Option<String>,
    /// Chrome blocks dropped from the page, with their text.
    pub removed: Vec<Removed>,
}

/// Boxes with fewer letters than this are dropped inside the article on any chrome hint.
const SMALL_BOX: u32 = 200;

/// Elements dropped with everything in them, silently (no reader-visible text).
const SILENT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "input", "head", "map", "datalist", "dialog",
    "frameset", "frame", "noframes",
];

/// Elements dropped and reported, with their default kind.
const CHROME_TAGS: &[(&str, Kind)] = &[
    ("nav", Kind::Nav),
    ("aside", Kind::Widget),
    ("footer", Kind::Notice),
    ("header", Kind::Nav),
    ("form", Kind::Widget),
    ("button", Kind::Widget),
    ("menu", Kind::Nav),
];

/// Elements that end a line of text.
fn block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "br"
            | "details"
            | "summary"
            | "center"
            | "caption"
            | "fieldset"
            | "legend"
            | "body"
            | "html"
            | "hgroup"
    )
}

/// Elements that make a `div` more than a paragraph.
fn holds_blocks(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote"
            | "dl"
            | "div"
            | "img"
            | "ol"
            | "p"
            | "pre"
            | "table"
            | "ul"
            | "section"
            | "article"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
    )
}

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "article" => 10.0,
        "div" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Whitespace runs as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rule(name: &str) -> Why {
    Why::rule(format!("clean/{name}"))
}

/// Why a node is left out.
#[derive(Clone, Debug)]
enum Drop {
    /// No text worth reporting (scripts, hidden elements).
    Silent,
    /// Chrome: reported in `removed`.
    Chrome(Kind, Why),
}

/// Class and id verdict of an element.
#[derive(Clone, Copy, Debug, Default)]
struct Verdict {
    /// Readability weight: +25 per attribute with a content hint, −25 with a chrome one.
    weight: f32,
    /// The first `unlikely` hint row, when no content hint is present.
    unlikely: Option<usize>,
    /// The first chrome (negative or unlikely) hint row.
    chrome: Option<usize>,
}

struct Extractor<'a> {
    dom: Dom,
    hints: &'a Hints,
    drop: Vec<Option<Drop>>,
    verdict: Vec<Verdict>,
    /// Letters under each node (non-whitespace characters), links and commas.
    letters: Vec<u32>,
    link_letters: Vec<u32>,
    commas: Vec<u32>,
}

/// Extract the main text and metadata of a page.
pub fn extract(html: &str, hints: &Hints) -> Page {
    let limited = guard::limit_depth(html, MAX_DEPTH);
    let dom = Dom::parse(&limited);
    let n = dom.nodes.len();
    let mut x = Extractor {
        dom,
        hints,
        drop: vec![None; n],
        verdict: vec![Verdict::default(); n],
        letters: vec![0; n],
        link_letters: vec![0; n],
        commas: vec![0; n],
    };
    let mut page = Page::default();
    x.metadata(&mut page);
    let body = x.dom.find(0, "body").unwrap_or(0);
    let order = x.mark(body);
    x.measure(&order);
    let top = x.best(&order).unwrap_or(body);
    let roots = x.with_siblings(top);
    let mut text = String::new();
    for &r in &roots {
        x.emit(r, &mut text, &mut page.removed);
        text.push('\n');
    }
    x.prepend_headline(body, &mut text, page.title.as_deref());
    x.report_drops(&order, &mut page.removed);
    page.text = text;
    page
}

impl Extractor<'_> {
    fn text_of(&self, root: Id) -> String {
        let mut s = String::new();
        for i in self.dom.preorder(root, |i| self.drop[i].is_some()) {
            if self.drop[i].is_none() {
                if let Data::Text(t) = &self.dom.nodes[i].data {
                    s.push_str(t);
                    s.push(' ');
                }
            }
        }
        collapse(&s)
    }

    /// Title, outlet and publication time.
    fn metadata(&self, page: &mut Page) {
        let d = &self.dom;
        let (mut og_title, mut title_tag, mut published) = (None, None, None);
        for i in d.preorder(0, |_| false) {
            match d.tag(i) {
                Some("meta") => {
                    let name = ["property", "name", "itemprop"]
                        .iter()
                        .find_map(|a| d.attr(i, a))
                        .map(str::to_ascii_lowercase);
                    let Some(content) = d.attr(i, "content").map(collapse) else {
                        continue;
                    };
                    if content.is_empty() {
                        continue;
                    }
                    match name.as_deref() {
                        Some("og:title" | "twitter:title") if og_title.is_none() => {
                            og_title = Some(content)
                        }
                        Some("og:site_name") if page.outlet.is_none() => {
                            page.outlet = Some(content)
                        }
                        Some(
                            "article:published_time"
                            | "og:article:published_time"
                            | "article:published"
                            | "datepublished"
                            | "pubdate"
                            | "publishdate"
                            | "publish-date"
                            | "publish_date"
                            | "date"
                            | "dc.date"
                            | "dc.date.issued"
                            | "dcterms.created"
                            | "dcterms.issued"
                            | "sailthru.date"
                            | "parsely-pub-date",
                        ) if published.is_none() && Published::parse(&content).is_some() => {
                            published = Some(content)
                        }
                        _ => {}
                    }
                }
                Some("title") if title_tag.is_none() => {
                    let t = self.raw_text(i);
                    if !t.is_empty() {
                        title_tag = Some(t);
                    }
                }
                Some("time") if published.is_none() => {
                    let marked = d.attr(i, "pubdate").is_some()
                        || d.attr(i, "itemprop")
                            .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"));
                    if let Some(v) = d
                        .attr(i, "datetime")
                        .filter(|v| marked && Published::parse(v).is_some())
                    {
                        published = Some(v.trim().to_string());
                    }
                }
                _ => {}
            }
        }
        let site = page.outlet.clone();
        let title_tag = title_tag.map(|t| strip_site(&t, site.as_deref()));
        let h1 = d
            .find(0, "h1")
            .map(|h| self.raw_text(h))
            .filter(|t| !t.is_empty());
        page.title = og_title.or(title_tag).or(h1);
        page.published = published;
    }

    /// Text under a node, ignoring drop marks (used before marking).
    fn raw_text(&self, root: Id) -> String {
        let mut s = String::new();
        for i in self.dom.preorder(root, |_| false) {
            if let Data::Text(t) = &self.dom.nodes[i].data {
                s.push_str(t);
                s.push(' ');
            }
        }
        collapse(&s)
    }

    fn judge(&self, id: Id) -> Verdict {
        let mut v = Verdict::default();
        let mut rows = Vec::new();
        let mut positive = false;
        for attr in ["class", "id"] {
            let Some(val) = self.dom.attr(id, attr) else {
                continue;
            };
            rows.clear();
            self.hints.matches(val, &mut rows);
            let has = |e: Effect| rows.iter().any(|&r| self.hints.rows[r].effect == e);
            if has(Effect::Positive) {
                v.weight += 25.0;
                positive = true;
            }
            if has(Effect::Negative) || has(Effect::Unlikely) {
                v.weight -= 25.0;
            }
            let first = |f: &dyn Fn(Effect) -> bool| {
                rows.iter().copied().find(|&r| f(self.hints.rows[r].effect))
            };
            v.chrome = v.chrome.or_else(|| first(&|e| e != Effect::Positive));
            v.unlikely = v.unlikely.or_else(|| first(&|e| e == Effect::Unlikely));
        }
        if positive {
            v.unlikely = None;
        }
        v
    }

    fn hidden(&self, id: Id) -> bool {
        let d = &self.dom;
        if d.attr(id, "hidden").is_some() || d.attr(id, "aria-hidden") == Some("true") {
            return true;
        }
        d.attr(id, "style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    }

    /// Decide what is dropped under `root`; return the visited nodes in document order.
    fn mark(&mut self, root: Id) -> Vec<Id> {
        let mut order = Vec::new();
        let mut stack = vec![(root, false)];
        while let Some((id, in_article)) = stack.pop() {
            order.push(id);
            let mut inside = in_article;
            if self.dom.is_element(id) {
                let v = self.judge(id);
                self.verdict[id] = v;
                let tag = self.dom.tag(id);
                inside |= matches!(tag, Some("article" | "main"));
                let role = self.dom.attr(id, "role").map(str::to_ascii_lowercase);
                let hint_kind = v.chrome.map(|r| self.hints.rows[r].kind);
                let drop = match tag {
                    None => Some(Drop::Silent),
                    Some(t) if SILENT.contains(&t) => Some(Drop::Silent),
                    Some(_) if self.hidden(id) => Some(Drop::Silent),
                    Some("header") if inside => None,
                    Some(t) if CHROME_TAGS.iter().any(|(c, _)| *c == t) => {
                        let kind = CHROME_TAGS
                            .iter()
                            .find(|(c, _)| *c == t)
                            .map_or(Kind::Nav, |p| p.1);
                        Some(Drop::Chrome(
                            hint_kind.unwrap_or(kind),
                            rule(&format!("html-tag-{t}")),
                        ))
                    }
                    Some(t) => match role.as_deref() {
                        Some("navigation" | "menu" | "menubar") => {
                            Some(Drop::Chrome(Kind::Nav, rule("html-role")))
                        }
                        Some("complementary") => {
                            Some(Drop::Chrome(Kind::Widget, rule("html-role")))
                        }
                        Some("dialog" | "alertdialog" | "banner" | "contentinfo") => {
                            Some(Drop::Chrome(Kind::Notice, rule("html-role")))
                        }
                        _ => match v.unlikely {
                            Some(r) if !matches!(t, "body" | "html" | "article" | "main" | "a") => {
                                let h = &self.hints.rows[r];
                                Some(Drop::Chrome(h.kind, h.why.clone()))
                            }
                            _ => None,
                        },
                    },
                };
                if drop.is_some() {
                    self.drop[id] = drop;
                    continue;
                }
            }
            let at = stack.len();
            stack.extend(self.dom.children(id).map(|c| (c, inside)));
            stack[at..].reverse();
        }
        order
    }

    /// Letters, link letters and commas under each kept node.
    fn measure(&mut self, order: &[Id]) {
        for &id in order.iter().rev() {
            if self.drop[id].is_some() {
                continue;
            }
            if let Data::Text(t) = &self.dom.nodes[id].data {
                self.letters[id] = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                self.commas[id] = t.chars().filter(|&c| c == ',' || c == '،').count() as u32;
            }
            if self.dom.tag(id) == Some("a") {
                self.link_letters[id] = self.letters[id];
            }
            if let Some(p) = self.dom.nodes[id].parent {
                self.letters[p] += self.letters[id];
                self.link_letters[p] += self.link_letters[id];
                self.commas[p] += self.commas[id];
            }
        }
    }

    fn link_density(&self, id: Id) -> f32 {
        if self.letters[id] == 0 {
            0.0
        } else {
            self.link_letters[id] as f32 / self.letters[id] as f32
        }
    }

    /// A paragraph for scoring: `p`, `pre`, `td`, `blockquote`, or a block-free `div`.
    fn paragraph(&self, id: Id) -> bool {
        match self.dom.tag(id) {
            Some("p" | "pre" | "td" | "blockquote") => true,
            Some("div" | "section") => !self
                .dom
                .children(id)
                .any(|c| self.drop[c].is_none() && self.dom.tag(c).is_some_and(holds_blocks)),
            _ => false,
        }
    }

    /// The best-scoring block.
    fn best(&self, order: &[Id]) -> Option<Id> {
        let mut score: Vec<Option<f32>> = vec![None; self.dom.nodes.len()];
        let mut touched = Vec::new();
        for &id in order {
            if self.drop[id].is_some() || !self.paragraph(id) || self.letters[id] < 25 {
                continue;
            }
            let s = 1.0 + self.commas[id] as f32 + (self.letters[id] as f32 / 100.0).min(3.0);
            let mut anc = self.dom.nodes[id].parent;
            for level in 0..3 {
                let Some(a) = anc else { break };
                let Some(tag) = self.dom.tag(a) else { break };
                if tag == "html" {
                    break;
                }
                let cur = score[a].get_or_insert_with(|| {
                    touched.push(a);
                    tag_bonus(tag) + self.verdict[a].weight
                });
                *cur += s / [1.0, 2.0, 6.0][level];
                anc = self.dom.nodes[a].parent;
            }
        }
        touched
            .into_iter()
            .filter_map(|a| score[a].map(|s| (a, s * (1.0 - self.link_density(a)))))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(a, _)| a)
    }

    /// The winner and its siblings worth keeping, in document order.
    fn with_siblings(&self, top: Id) -> Vec<Id> {
        let Some(parent) = self.dom.nodes[top]
            .parent
            .filter(|&p| self.dom.tag(p).is_some())
        else {
            return vec![top];
        };
        let top_score = self.sibling_score(top);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.dom.attr(top, "class").filter(|c| !c.is_empty());
        self.dom
            .children(parent)
            .filter(|&s| {
                if s == top {
                    return true;
                }
                if self.drop[s].is_some() || self.dom.tag(s).is_none() {
                    return false;
                }
                let bonus = if top_class.is_some() && self.dom.attr(s, "class") == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                if self.paragraph(s) && self.sibling_score(s) + bonus >= threshold {
                    return true;
                }
                if self.dom.tag(s) != Some("p") {
                    return false;
                }
                let (len, density) = (self.letters[s], self.link_density(s));
                if len > 80 {
                    density < 0.25
                } else {
                    let t = self.text_of(s);
                    len > 0 && density == 0.0 && t.ends_with(['.', '؟', '!', '?'])
                }
            })
            .collect()
    }

    /// A block's own content score (as a paragraph), for sibling comparison.
    fn sibling_score(&self, id: Id) -> f32 {
        let tag = self.dom.tag(id).unwrap_or("");
        let s = tag_bonus(tag)
            + self.verdict[id].weight
            + 1.0
            + self.commas[id] as f32
            + (self.letters[id] as f32 / 100.0).min(3.0) * 3.0;
        s * (1.0 - self.link_density(id))
    }

    /// Inside the article: a box to leave out, and why.
    fn inner_chrome(&self, id: Id) -> Option<(Kind, Why)> {
        let tag = self.dom.tag(id)?;
        let v = self.verdict[id];
        // A chrome hint drops a box outright when it outweighs any content hint, and a
        // small one (a byline, a tag row) even when a content hint sits beside it
        // (`entry-meta`, `post-tags`).
        if v.weight < 0.0 || self.letters[id] < SMALL_BOX {
            if let Some(r) = v.chrome {
                let h = &self.hints.rows[r];
                return Some((h.kind, h.why.clone()));
            }
        }
        let boxy = matches!(
            tag,
            "ul" | "ol" | "div" | "section" | "table" | "dl" | "figure"
        );
        (boxy && self.letters[id] > 0 && self.link_density(id) > 0.5)
            .then(|| (Kind::Related, rule("html-link-dense")))
    }

    /// Write the text under `root`, reporting boxes left out inside it.
    fn emit(&self, root: Id, out: &mut String, removed: &mut Vec<Removed>) {
        let mut stack = vec![(root, false)];
        let mut pre = 0usize;
        while let Some((id, exit)) = stack.pop() {
            let tag = self.dom.tag(id);
            if exit {
                if tag == Some("pre") {
                    pre = pre.saturating_sub(1);
                }
                if tag.is_some_and(block) {
                    newline(out);
                }
                continue;
            }
            match &self.dom.nodes[id].data {
                Data::Text(t) if pre > 0 => out.push_str(t),
                Data::Text(t) => push_collapsed(out, t),
                Data::Element { .. } => {
                    if self.drop[id].is_some() {
                        continue;
                    }
                    if id != root {
                        if let Some((kind, why)) = self.inner_chrome(id) {
                            report(removed, self.text_of(id), kind, why);
                            continue;
                        }
                    }
                    match tag {
                        Some("br") => {
                            out.push('\n');
                            continue;
                        }
                        Some("td" | "th") => push_collapsed(out, " "),
                        Some("pre") => pre += 1,
                        _ => {}
                    }
                    if tag.is_some_and(block) {
                        newline(out);
                    }
                    stack.push((id, true));
                    let at = stack.len();
                    stack.extend(self.dom.children(id).map(|c| (c, false)));
                    stack[at..].reverse();
                }
                _ => {}
            }
        }
    }

    /// Open the text with the page's headline when the article block left it out.
    fn prepend_headline(&self, body: Id, text: &mut String, title: Option<&str>) {
        let order = self.dom.preorder(body, |i| self.drop[i].is_some());
        let Some(h1) = order
            .into_iter()
            .find(|&i| self.drop[i].is_none() && self.dom.tag(i) == Some("h1"))
        else {
            return;
        };
        let h = self.text_of(h1);
        let is_title = title.is_some_and(|t| t.contains(&h) || h.contains(t));
        if !h.is_empty() && is_title && !text.contains(&h) {
            text.insert_str(0, &format!("{h}\n"));
        }
    }

    /// Report dropped chrome blocks that held text.
    fn report_drops(&self, order: &[Id], removed: &mut Vec<Removed>) {
        for &id in order {
            if let Some(Drop::Chrome(kind, why)) = &self.drop[id] {
                let mut s = String::new();
                for i in self.dom.preorder(id, |i| i != id && self.drop[i].is_some()) {
                    if let Data::Text(t) = &self.dom.nodes[i].data {
                        s.push_str(t);
                        s.push(' ');
                    }
                }
                report(removed, collapse(&s), *kind, why.clone());
            }
        }
    }
}

fn report(removed: &mut Vec<Removed>, text: String, kind: Kind, why: Why) {
    if !text.is_empty() {
        removed.push(Removed {
            text,
            kind: kind.as_str().to_string(),
            why: Some(why),
        });
    }
}

fn newline(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Append text with runs of HTML whitespace as one space.
fn push_collapsed(out: &mut String, t: &str) {
    for (i, part) in t.split([' ', '\t', '\n', '\r', '\x0C']).enumerate() {
        if i > 0 && !out.is_empty() && !out.ends_with([' ', '\n']) {
            out.push(' ');
        }
        out.push_str(part);
    }
}

/// `Headline | Site` → `Headline` when the part cut off is the site's name (or when
/// the page gives no name and the cut part is short).
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = match site {
                Some(s) => tail.trim() == s.trim(),
                None => {
                    tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3
                }
            };
            if is_site {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_lexicon::Source;

    fn hints() -> Hints {
        let mut issues = Vec::new();
        let h = Hints::load(&Source::embedded(), &mut issues);
        assert!(issues.is_empty(), "{issues:?}");
        h
    }

    #[test]
    fn extracts_the_article_and_reports_chrome() {
        let html = r##"<!doctype html><html><head><title>غارة على تاجوراء | موقع</title>
            <meta property="og:site_name" content="موقع">
            <meta property="article:published_time" content="2019-07-03T10:00:00+02:00">
            <script>var x = "<p>لا</p>";</script></head><body>
            <nav><a href="/">الرئيسية</a> <a href="/a">أخبار</a></nav>
            <h1>غارة على تاجوراء</h1>
            <div class="entry-content"><p>قال المسماري، في بيان، إن الغارة استهدفت معسكراً وليس مركز الإيواء.</p>
            <p>وأضاف أن القوات ملتزمة بقواعد الاشتباك، وأن التحقيق جار في الحادث، بحسب البيان.</p>
            <div class="share-box"><a href="#">فيسبوك</a><a href="#">تويتر</a></div></div>
            <aside class="sidebar"><p>الأكثر قراءة: عنوان طويل بما يكفي ليبدو فقرة من فقرات الصفحة.</p></aside>
            <div id="comments"><p>تعليق: هذا رأيي في الموضوع، ولكل رأيه.</p></div>
            <footer>جميع الحقوق محفوظة</footer></body></html>"##;
        let p = extract(html, &hints());
        let lines: Vec<&str> = p
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            vec![
                "غارة على تاجوراء",
                "قال المسماري، في بيان، إن الغارة استهدفت معسكراً وليس مركز الإيواء.",
                "وأضاف أن القوات ملتزمة بقواعد الاشتباك، وأن التحقيق جار في الحادث، بحسب البيان.",
            ]
        );
        assert_eq!(p.title.as_deref(), Some("غارة على تاجوراء"));
        assert_eq!(p.outlet.as_deref(), Some("موقع"));
        assert_eq!(p.published.as_deref(), Some("2019-07-03T10:00:00+02:00"));
        let kinds: Vec<&str> = p.removed.iter().map(|r| r.kind.as_str()).collect();
        for k in ["nav", "widget", "comments", "notice"] {
            assert!(kinds.contains(&k), "help: no {k} in {:?}", p.removed);
        }
    }

    #[test]
    fn markup_in_text_stays_text_and_scripts_vanish() {
        let html =
            "<p>نص &lt;script&gt;alert(1)&lt;/script&gt; هنا، وهو طويل بما يكفي ليعد فقرة.</p>\
                    <script>alert(2)</script>";
        let p = extract(html, &hints());
        assert!(p.text.contains("<script>alert(1)</script>"), "{}", p.text);
        assert!(!p.text.contains("alert(2)"), "{}", p.text);
    }

    #[test]
    fn deep_nesting_is_survived() {
        let n = 200_000;
        let html = format!(
            "{}<p>نص عميق جدا في الصفحة، ولا بد أن يبقى.</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let p = extract(&html, &hints());
        assert!(p.text.contains("نص عميق جدا"), "{}", p.text);
    }

    #[test]
    fn site_names_come_off_titles() {
        for (t, site, want) in [
            (
                "خبر عاجل عن ليبيا | الجزيرة نت",
                Some("الجزيرة نت"),
                "خبر عاجل عن ليبيا",
            ),
            ("خبر عاجل عن ليبيا - موقع", None, "خبر عاجل عن ليبيا"),
            ("حفتر - السراج", None, "حفتر - السراج"),
        ] {
            assert_eq!(strip_site(t, site), want, "help: {t:?}");
        }
    }
}
