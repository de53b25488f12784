//! A depth guard run before parsing: start tags nested deeper than [`MAX_DEPTH`] are
//! left out, with the end tags that would close them, so the parser never holds more
//! than that many open elements.
//!
//! Why: html5ever keeps its open elements on a heap stack (no recursion), but many
//! tree-construction steps scan that stack ("has a `p` element in button scope"), so a
//! page of a million nested `<div>`s costs a million times a million steps. The guard
//! is a light scanner, not a parser: it knows comments, raw-text elements (`script`,
//! `style`, `textarea`, `title`, …), quoted attribute values, void elements and the
//! elements whose end tags are implied (`p`, `li`, `td`, …), which it does not count.
//! Text is never dropped, only tags, so the words of an over-deep page survive
//! (flattened). A page within the limit is passed on untouched.

use std::borrow::Cow;

/// Deepest element nesting handed to the parser.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have contents.
fn void(name: &[u8]) -> bool {
    const VOID: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"keygen",
        b"basefont",
        b"bgsound",
        b"frame",
        b"image",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose end tags are implied, or that the parser never nests: not counted.
fn implied(name: &[u8]) -> bool {
    const IMPLIED: &[&[u8]] = &[
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"rb",
        b"rt",
        b"rp",
        b"rtc",
        b"tbody",
        b"thead",
        b"tfoot",
        b"colgroup",
        b"caption",
        b"body",
        b"html",
        b"head",
    ];
    IMPLIED.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose contents are raw text up to their end tag.
fn raw_text(name: &[u8]) -> bool {
    const RAW: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"plaintext",
    ];
    RAW.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Find `needle` (ASCII, lower case) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let off = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[i..])?;
        let at = i + off;
        if at + needle.len() <= hay.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// End of a tag starting at `lt` (index after its `>`), skipping quoted values.
fn tag_end(b: &[u8], lt: usize) -> usize {
    let mut quote = 0u8;
    for (i, &c) in b.iter().enumerate().skip(lt + 1) {
        match c {
            b'"' | b'\'' if quote == 0 => quote = c,
            c if c == quote => quote = 0,
            b'>' if quote == 0 => return i + 1,
            _ => {}
        }
    }
    b.len()
}

/// The page with over-deep tags left out (borrowed when nothing is).
pub fn limit_depth(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let (mut depth, mut dropped) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find_ci(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
            i = tag_end(b, lt);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        let name_len = b[name_at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
            .unwrap_or(b.len() - name_at);
        let name = &b[name_at..name_at + name_len];
        if name.is_empty() || !name[0].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let end = tag_end(b, lt);
        let self_closing = end >= 2 && b[end - 2] == b'/';
        let mut drop = false;
        if !void(name) && !implied(name) && !raw_text(name) {
            if closing {
                if dropped > 0 {
                    dropped -= 1;
                    drop = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if !self_closing {
                if depth >= max {
                    dropped += 1;
                    drop = true;
                } else {
                    depth += 1;
                }
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
        if !closing && raw_text(name) && !self_closing {
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend(name.iter().map(u8::to_ascii_lowercase));
            i = find_ci(b, i, &close).unwrap_or(b.len());
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_shallow_pages_alone_and_flattens_deep_ones() {
        for (html, max, want) in [
            (
                "<div><p>a<div>b</div></div>",
                2,
                "<div><p>a<div>b</div></div>",
            ),
            (
                "<div><div><div>x</div></div></div>",
                2,
                "<div><div>x</div></div>",
            ),
            (
                "<div><div><br><img src='>'><div>x</div></div></div>",
                2,
                "<div><div><br><img src='>'>x</div></div>",
            ),
            (
                "<div><div><!-- <div> --><div>x</div></div></div>",
                2,
                "<div><div><!-- <div> -->x</div></div>",
            ),
            (
                "<div><script>if (a<b) {}</script><div>y</div></div>",
                1,
                "<div><script>if (a<b) {}</script>y</div>",
            ),
            ("a < b <3 <div>c</div>", 0, "a < b <3 c"),
        ] {
            assert_eq!(
                limit_depth(html, max),
                want,
                "help: {html:?} at depth {max}"
            );
        }
    }

    #[test]
    fn a_million_levels_cost_linear_time() {
        let n = 1_000_000;
        let html = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let t = std::time::Instant::now();
        let out = limit_depth(&html, MAX_DEPTH);
        assert_eq!(out.len(), MAX_DEPTH * 11 + 1);
        assert!(t.elapsed().as_secs() < 10);
    }
}
