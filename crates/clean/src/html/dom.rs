//! An arena DOM built by html5ever's tree builder through our own [`TreeSink`].
//!
//! Nodes live in one `Vec` and point at each other by index (parent, first and last
//! child, siblings), so building, walking and dropping a tree never recurses: a page
//! nested a million levels deep costs memory, not stack. html5ever does the HTML5
//! parsing (tokenizer, entity decoding, implied and misnested tags); this sink only
//! records the tree it is told to build.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ns, Attribute, LocalName, QualName};

/// Index of a node in [`Dom::nodes`].
pub type Id = usize;

/// What a node holds.
#[derive(Debug)]
pub enum Data {
    /// The document root (also a template's contents).
    Document,
    /// An element with its attributes.
    Element {
        /// Attributes: local name, value.
        attrs: Vec<(LocalName, String)>,
    },
    /// Character data, adjacent runs merged.
    Text(String),
    /// Comments, processing instructions: kept in the tree, never read.
    Other,
}

/// One node.
#[derive(Debug)]
pub struct Node {
    /// Parent, if attached.
    pub parent: Option<Id>,
    /// First child.
    pub first: Option<Id>,
    /// Last child.
    pub last: Option<Id>,
    /// Previous sibling.
    pub prev: Option<Id>,
    /// Next sibling.
    pub next: Option<Id>,
    /// Element name (empty for other nodes).
    pub name: QualName,
    /// Contents.
    pub data: Data,
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    /// Every node; index 0 is the document.
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parse an HTML document.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink::new();
        html5ever::parse_document(sink, Default::default()).one(StrTendril::from_slice(html))
    }

    /// The local name of an HTML element, `None` for other nodes or namespaces.
    pub fn tag(&self, id: Id) -> Option<&str> {
        let n = &self.nodes[id];
        match n.data {
            Data::Element { .. } if n.name.ns == ns!(html) => Some(&n.name.local),
            _ => None,
        }
    }

    /// Whether a node is an element of any namespace.
    pub fn is_element(&self, id: Id) -> bool {
        matches!(self.nodes[id].data, Data::Element { .. })
    }

    /// An attribute's value.
    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs } => attrs
                .iter()
                .find(|(n, _)| &**n == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The children of a node, in order.
    pub fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first,
        }
    }

    /// The nodes under `root` (itself included) in document order, without
    /// descending into nodes for which `skip` is true (they are listed themselves).
    pub fn preorder(&self, root: Id, mut skip: impl FnMut(Id) -> bool) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            out.push(id);
            if skip(id) {
                continue;
            }
            let at = stack.len();
            stack.extend(self.children(id));
            stack[at..].reverse();
        }
        out
    }

    /// The first element with this tag under `root`, in document order.
    pub fn find(&self, root: Id, tag: &str) -> Option<Id> {
        self.preorder(root, |_| false)
            .into_iter()
            .find(|&i| self.tag(i) == Some(tag))
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<Id>,
}

impl Iterator for Children<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        let id = self.next?;
        self.next = self.dom.nodes[id].next;
        Some(id)
    }
}

/// The tree sink: the arena behind a `RefCell`, as html5ever's `&self` API wants.
struct Sink {
    nodes: RefCell<Vec<Node>>,
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), LocalName::from(""))
}

impl Sink {
    fn new() -> Sink {
        Sink {
            nodes: RefCell::new(vec![node(empty_name(), Data::Document)]),
        }
    }

    fn push(&self, name: QualName, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node(name, data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: Id) {
        let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
        if let Some(p) = prev {
            nodes[p].next = next;
        } else if let Some(par) = parent {
            nodes[par].first = next;
        }
        if let Some(n) = next {
            nodes[n].prev = prev;
        } else if let Some(par) = parent {
            nodes[par].last = prev;
        }
        let n = &mut nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    fn append_child(nodes: &mut [Node], parent: Id, child: Id) {
        Sink::detach(nodes, child);
        let last = nodes[parent].last;
        nodes[child].parent = Some(parent);
        nodes[child].prev = last;
        match last {
            Some(l) => nodes[l].next = Some(child),
            None => nodes[parent].first = Some(child),
        }
        nodes[parent].last = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: Id, child: Id) {
        Sink::detach(nodes, child);
        let Some(parent) = nodes[sibling].parent else {
            return;
        };
        let prev = nodes[sibling].prev;
        nodes[child].parent = Some(parent);
        nodes[child].prev = prev;
        nodes[child].next = Some(sibling);
        nodes[sibling].prev = Some(child);
        match prev {
            Some(p) => nodes[p].next = Some(child),
            None => nodes[parent].first = Some(child),
        }
    }
}

fn node(name: QualName, data: Data) -> Node {
    Node {
        parent: None,
        first: None,
        last: None,
        prev: None,
        next: None,
        name,
        data,
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let attrs = attrs
            .into_iter()
            .map(|a| (a.name.local, a.value.to_string()))
            .collect();
        let id = self.push(name, Data::Element { attrs });
        if flags.template {
            // The template's contents: a fragment only reachable as its first child
            // would be, so template text is never read (templates are dropped).
            let frag = self.push(empty_name(), Data::Document);
            Sink::append_child(&mut self.nodes.borrow_mut(), id, frag);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(empty_name(), Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(empty_name(), Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(c) => Sink::append_child(&mut nodes, *parent, c),
            NodeOrText::AppendText(t) => {
                if let Some(last) = nodes[*parent].last {
                    if let Data::Text(s) = &mut nodes[last].data {
                        s.push_str(&t);
                        return;
                    }
                }
                nodes.push(node(empty_name(), Data::Text(t.to_string())));
                let id = nodes.len() - 1;
                Sink::append_child(&mut nodes, *parent, id);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev: &Id, child: NodeOrText<Id>) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        let nodes = self.nodes.borrow();
        nodes[*target]
            .first
            .filter(|&f| matches!(nodes[f].data, Data::Document))
            .unwrap_or(*target)
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(c) => Sink::insert_before(&mut nodes, *sibling, c),
            NodeOrText::AppendText(t) => {
                if let Some(p) = nodes[*sibling].prev {
                    if let Data::Text(s) = &mut nodes[p].data {
                        s.push_str(&t);
                        return;
                    }
                }
                nodes.push(node(empty_name(), Data::Text(t.to_string())));
                let id = nodes.len() - 1;
                Sink::insert_before(&mut nodes, *sibling, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: have } = &mut nodes[*target].data {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(c) = nodes[*node].first {
            Sink::append_child(&mut nodes, *new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(dom: &Dom) -> String {
        dom.preorder(0, |_| false)
            .into_iter()
            .filter_map(|i| match &dom.nodes[i].data {
                Data::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn builds_html5_trees() {
        for (html, tags, text) in [
            ("<p>a<p>b", vec!["html", "head", "body", "p", "p"], "ab"),
            (
                "<b>1<i>2</b>3</i>",
                vec!["html", "head", "body", "b", "i", "i"],
                "123",
            ),
            (
                "<table><tr><td>x</table>",
                vec!["html", "head", "body", "table", "tbody", "tr", "td"],
                "x",
            ),
            (
                "<div>&amp;&lt;script&gt;&nbsp;ب</div>",
                vec!["html", "head", "body", "div"],
                "&<script>\u{a0}ب",
            ),
            (
                "<template><p>t</p></template><p>u",
                vec!["html", "head", "template", "body", "p"],
                "u",
            ),
        ] {
            let dom = Dom::parse(html);
            let got: Vec<&str> = dom
                .preorder(0, |i| dom.tag(i) == Some("template"))
                .into_iter()
                .filter_map(|i| dom.tag(i))
                .collect();
            assert_eq!(got, tags, "help: tags of {html:?}");
            let skip = |i| dom.tag(i) == Some("template");
            let t: String = dom
                .preorder(0, skip)
                .into_iter()
                .filter_map(|i| match &dom.nodes[i].data {
                    Data::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(t, text, "help: text of {html:?}");
        }
        assert_eq!(text_of(&Dom::parse("x<!-- c -->y")), "xy");
    }
}
