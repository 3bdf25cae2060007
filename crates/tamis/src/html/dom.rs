//! An arena DOM built by html5ever through its `TreeSink` seam.
//!
//! Nodes live in one `Vec` and point at each other by index, so building the tree costs one push per
//! node and walking it never touches a reference count. Only what extraction needs is kept: element
//! names and attributes, text, and the tree links. Comments, doctypes and processing instructions
//! become inert nodes.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, ParseOpts, QualName};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;
/// "No node" in the tree links.
pub const NONE: NodeId = u32::MAX;
/// The document node is always the first.
pub const ROOT: NodeId = 0;

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    Document,
    Element {
        attrs: Vec<(LocalName, StrTendril)>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept only so the tree stays well formed.
    Inert,
}

/// One node with its tree links.
#[derive(Debug)]
pub struct Node {
    pub name: QualName,
    pub data: NodeData,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev_sibling: NodeId,
    pub next_sibling: NodeId,
}

impl Node {
    fn new(name: QualName, data: NodeData) -> Node {
        Node {
            name,
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
        }
    }

    /// The element's local name (empty for non-elements).
    #[inline]
    pub fn tag(&self) -> &LocalName {
        &self.name.local
    }

    #[inline]
    pub fn is_element(&self) -> bool {
        matches!(self.data, NodeData::Element { .. })
    }

    /// The value of attribute `name` (an interned name: `&local_name!("class")`), if this is an
    /// element that has it. Interned names compare as integers. Only the attributes of
    /// [`super::prune::READ_ATTRIBUTES`] reach the tree: pruning cuts the others before parsing.
    #[inline]
    pub fn attr(&self, name: &LocalName) -> Option<&str> {
        debug_assert!(
            super::prune::READ_ATTRIBUTES.contains(&&**name),
            "attribute {name} is cut before parsing: add it to READ_ATTRIBUTES"
        );
        match &self.data {
            NodeData::Element { attrs } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }

    /// True when the `hidden` or `aria-hidden="true"` attribute hides the element. `aria-hidden`
    /// hides from screen readers what the eye sees too, and readers of a page skip it as well (an
    /// icon, a repeated label), except on a `<main>`: sites set it there on the page behind an
    /// open dialog (a cookie banner's), which is the page itself.
    pub fn hidden_by_attribute(&self) -> bool {
        self.attr(&local_name!("hidden")).is_some()
            || (self.attr(&local_name!("aria-hidden")) == Some("true")
                && *self.tag() != local_name!("main"))
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
    /// Parsing stopped early because the markup nested deeper than [`MAX_DEPTH`].
    pub truncated: bool,
}

/// Deepest nesting parsed. The HTML tree builder checks scopes by scanning its stack of open
/// elements, so each tag costs time in proportion to the depth: past this depth, the rest of the
/// page is not parsed, and the document says it was truncated. Real pages stay far below it.
pub const MAX_DEPTH: u32 = 2048;

/// How many levels [`Dom::is_within`] looks up: the classifiers read no further.
pub const WITHIN_CLIMB: usize = 200;

/// Input is fed to the parser in pieces of this size, and the depth checked between them.
const CHUNK: usize = 32 * 1024;

impl Dom {
    /// Parses `html` with html5ever's conformant tokenizer and tree builder.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(empty_name(), NodeData::Document)]),
            depths: RefCell::new(vec![0]),
            max_depth: std::cell::Cell::new(0),
        };
        // Parse as a browser with scripting off would: the content of <noscript> becomes markup.
        // Script-driven sites (Discourse forums, for one) print their whole content there.
        let opts = ParseOpts {
            tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                scripting_enabled: false,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut parser = html5ever::parse_document(sink, opts);
        let html = super::prune::prune(html);
        let mut rest: &str = &html;
        let mut truncated = false;
        while !rest.is_empty() {
            let mut end = rest.len().min(CHUNK);
            while !rest.is_char_boundary(end) {
                end += 1;
            }
            parser.process(StrTendril::from_slice(&rest[..end]));
            rest = &rest[end..];
            if parser.tokenizer.sink.sink.max_depth.get() > MAX_DEPTH {
                truncated = !rest.is_empty();
                break;
            }
        }
        let mut dom = parser.finish();
        dom.truncated = truncated;
        // A quick look first: few pages stream (`id="S:0"`), and the reveal visits every node.
        if memchr::memmem::find(html.as_bytes(), b"\"S:").is_some() {
            dom.reveal_streamed_segments();
        }
        dom
    }

    /// Puts streamed content where the page's scripts would put it. React's streaming server
    /// rendering (Next.js and others) sends a page's shell first, with an empty
    /// `<template id="B:0">` (or `P:0`) where content is still loading, and the content later in a
    /// `<div hidden id="S:0">` that a script moves into place. A reader sees that content; without
    /// this, it stays hidden and whole articles and product pages come out empty. A segment with no
    /// placeholder is shown where it stands.
    fn reveal_streamed_segments(&mut self) {
        fn id_of(n: &Node) -> Option<&str> {
            n.attr(&local_name!("id"))
        }
        // By key, so that a page of many segments costs one lookup each.
        let mut placeholders: rustc_hash::FxHashMap<String, NodeId> = Default::default();
        let mut segments: Vec<NodeId> = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            match id_of(n) {
                Some(id) if *n.tag() == local_name!("template") => {
                    if let Some(key) = id.strip_prefix("B:").or_else(|| id.strip_prefix("P:")) {
                        placeholders.insert(key.to_string(), i as NodeId);
                    }
                }
                Some(id)
                    if id.starts_with("S:")
                        && n.parent != NONE
                        && n.attr(&local_name!("hidden")).is_some() =>
                {
                    segments.push(i as NodeId)
                }
                _ => {}
            }
        }
        for segment in segments {
            let target = id_of(self.node(segment))
                .and_then(|id| id.strip_prefix("S:"))
                .and_then(|key| placeholders.get(key).copied())
                .filter(|&t| self.node(t).parent != NONE && !self.is_inside(t, segment))
                .unwrap_or(segment);
            let parent = self.node(target).parent;
            while self.node(segment).first_child != NONE {
                let child = self.node(segment).first_child;
                Sink::link(&mut self.nodes, parent, child, target);
            }
            Sink::detach(&mut self.nodes, segment);
        }
    }

    /// Whether `node` is `ancestor` or below it.
    fn is_inside(&self, mut node: NodeId, ancestor: NodeId) -> bool {
        while node != NONE {
            if node == ancestor {
                return true;
            }
            node = self.node(node).parent;
        }
        false
    }

    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// Children of `id`, first to last.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// The first element below `id` (depth first) with this local name.
    pub fn find(&self, id: NodeId, tag: &LocalName) -> Option<NodeId> {
        self.descendants(id).find(|&n| self.node(n).tag() == tag)
    }

    /// Every node below `id` in document order (iterative, so depth costs no stack).
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: self.node(id).first_child,
        }
    }

    /// The concatenated text below `id`.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.node(n).data {
                out.push_str(t);
            }
        }
        out
    }

    /// The text below `id` as a reader sees it on one line: a space where a `<br>` or a block-level
    /// element breaks it ("Product<br>Management" is two words, not one), without what the
    /// `hidden` or `aria-hidden` attribute hides, and without the controls and code that segmentation
    /// never reads as text either (a documentation generator's "Copy item path" button in its `<h1>`).
    pub fn spaced_text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants(id) {
            let node = self.node(n);
            match &node.data {
                NodeData::Text(t) if !self.hidden_below(n, id) => out.push_str(t),
                NodeData::Element { .. }
                    if n != id
                        && (*node.tag() == local_name!("br")
                            || super::segment::is_block_level(node.tag())) =>
                {
                    out.push(' ')
                }
                _ => {}
            }
        }
        out
    }

    /// Whether an element from `node` up to `root` (excluded) is hidden by its `hidden` or
    /// `aria-hidden="true"` attribute, or holds no page text ([`super::segment::is_skipped`]).
    fn hidden_below(&self, mut node: NodeId, root: NodeId) -> bool {
        while node != root && node != NONE {
            let n = self.node(node);
            if n.hidden_by_attribute() || (n.is_element() && super::segment::is_skipped(n.tag())) {
                return true;
            }
            node = n.parent;
        }
        false
    }

    /// Whether `node` is `ancestor` or stands below it, looking up at most [`WITHIN_CLIMB`] levels.
    pub fn is_within(&self, mut node: NodeId, ancestor: NodeId) -> bool {
        for _ in 0..WITHIN_CLIMB {
            if node == ancestor {
                return true;
            }
            if node == NONE {
                return false;
            }
            node = self.node(node).parent;
        }
        false
    }

    /// `node` and the elements above it, nearest first, at most [`WITHIN_CLIMB`] of them.
    pub fn ancestors(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors((node != NONE).then_some(node), |&n| {
            let parent = self.node(n).parent;
            (parent != NONE).then_some(parent)
        })
        .take(WITHIN_CLIMB)
    }

    /// How deep `id` is (the document is 0).
    pub fn depth(&self, mut id: NodeId) -> usize {
        let mut d = 0;
        while self.node(id).parent != NONE {
            id = self.node(id).parent;
            d += 1;
        }
        d
    }
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.node(id).next_sibling;
        Some(id)
    }
}

pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        let node = self.dom.node(id);
        self.next = if node.first_child != NONE {
            node.first_child
        } else {
            // Climb until a node with a next sibling, stopping at the root.
            let mut cur = id;
            loop {
                if cur == self.root {
                    break NONE;
                }
                let n = self.dom.node(cur);
                if n.next_sibling != NONE {
                    break n.next_sibling;
                }
                cur = n.parent;
                if cur == NONE || cur == self.root {
                    break NONE;
                }
            }
        };
        Some(id)
    }
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Depth of each node when it was last linked into the tree (a guard, not kept in the DOM).
    depths: RefCell<Vec<u32>>,
    max_depth: std::cell::Cell<u32>,
}

impl Sink {
    fn push(&self, node: Node) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len() as NodeId;
        nodes.push(node);
        self.depths.borrow_mut().push(0);
        id
    }

    fn note_depth(&self, parent: NodeId, child: NodeId) {
        let mut depths = self.depths.borrow_mut();
        let d = depths[parent as usize].saturating_add(1);
        depths[child as usize] = d;
        if d > self.max_depth.get() {
            self.max_depth.set(d);
        }
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next_sibling = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev_sibling = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev_sibling = NONE;
        n.next_sibling = NONE;
    }

    /// Links `child` under `parent`, before `before` (or last when `before` is NONE).
    fn link(nodes: &mut [Node], parent: NodeId, child: NodeId, before: NodeId) {
        Self::detach(nodes, child);
        let prev = if before == NONE {
            nodes[parent as usize].last_child
        } else {
            nodes[before as usize].prev_sibling
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev_sibling = prev;
            c.next_sibling = before;
        }
        if prev != NONE {
            nodes[prev as usize].next_sibling = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        if before != NONE {
            nodes[before as usize].prev_sibling = child;
        } else {
            nodes[parent as usize].last_child = child;
        }
    }

    /// Inserts text under `parent` before `before`, merging with an adjacent text node.
    fn insert_text(&self, parent: NodeId, before: NodeId, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        let prev = if before == NONE {
            nodes[parent as usize].last_child
        } else {
            nodes[before as usize].prev_sibling
        };
        if prev != NONE {
            if let NodeData::Text(t) = &mut nodes[prev as usize].data {
                t.push_tendril(&text);
                return;
            }
        }
        let id = nodes.len() as NodeId;
        nodes.push(Node::new(empty_name(), NodeData::Text(text)));
        self.depths.borrow_mut().push(0);
        Self::link(&mut nodes, parent, id, before);
    }

    fn insert(&self, parent: NodeId, before: NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(id) => {
                Self::link(&mut self.nodes.borrow_mut(), parent, id, before);
                self.note_depth(parent, id);
            }
            NodeOrText::AppendText(text) => self.insert_text(parent, before, text),
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            truncated: false,
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| &n[*target as usize].name)
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> NodeId {
        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
        self.push(Node::new(name, NodeData::Element { attrs }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Node::new(empty_name(), NodeData::Inert))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Node::new(empty_name(), NodeData::Inert))
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, NONE, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents stay under the template element, which extraction skips anyway.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let parent = self.nodes.borrow()[*sibling as usize].parent;
        if parent == NONE {
            return;
        }
        self.insert(parent, *sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element { attrs: have } = &mut nodes[*target as usize].data {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next_sibling;
            Self::link(&mut nodes, *new_parent, child, NONE);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree_with_merged_text() {
        let dom = Dom::parse("<p>Hello <b>big</b> world</p><p>Two</p>");
        let body = dom.find(ROOT, &local_name!("body")).expect("body");
        let ps: Vec<_> = dom.children(body).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(ps[0]), "Hello big world");
        assert_eq!(dom.text_of(ps[1]), "Two");
        let h = Dom::parse("<h1>Product<br>Management<div>Course</div></h1>");
        let h1 = h
            .descendants(ROOT)
            .find(|&n| *h.node(n).tag() == local_name!("h1"));
        assert_eq!(h.spaced_text_of(h1.unwrap()), "Product Management Course");
        // Words animated in one by one for the eye, hidden from readers, who get the sentence.
        let h = Dom::parse(
            "<h1><span aria-hidden=true><span>The</span><span>system</span></span>\
             <span class=sr-only>The system</span></h1>",
        );
        let h1 = h
            .descendants(ROOT)
            .find(|&n| *h.node(n).tag() == local_name!("h1"));
        assert_eq!(h.spaced_text_of(h1.unwrap()), "The system");
        // A control inside the heading is not part of its text.
        let h = Dom::parse("<h1>Crate tokio <button title=Copy>Copy item path</button></h1>");
        let h1 = h
            .descendants(ROOT)
            .find(|&n| *h.node(n).tag() == local_name!("h1"));
        assert_eq!(h.spaced_text_of(h1.unwrap()).trim(), "Crate tokio");
    }

    #[test]
    fn ancestors_climb_from_the_node_to_the_document() {
        let dom = Dom::parse("<article><p>Hello <b>big</b></p></article>");
        let b = dom.find(ROOT, &local_name!("b")).expect("a <b>");
        let tags: Vec<String> = dom
            .ancestors(b)
            .map(|a| dom.node(a).tag().to_string())
            .collect();
        assert_eq!(tags[..4], ["b", "p", "article", "body"]);
        assert_eq!(dom.ancestors(b).last(), Some(ROOT));
        assert_eq!(dom.ancestors(NONE).count(), 0);
    }

    #[test]
    fn streamed_segments_take_their_placeholders_place() {
        let dom = Dom::parse(
            "<main><h1>Title</h1><!--$?--><template id=\"B:0\"></template><!--/$--><p>End</p></main>\
             <div hidden id=\"S:0\"><p>Body one</p><p>Body two</p></div>\
             <div hidden id=\"S:7\"><p>Orphan</p></div><div hidden><p>Still hidden</p></div>",
        );
        let main = dom.find(ROOT, &local_name!("main")).expect("main");
        assert_eq!(dom.text_of(main), "TitleBody oneBody twoEnd");
        // A segment with no placeholder shows where it stands; other hidden elements stay as they are.
        let body = dom.find(ROOT, &local_name!("body")).expect("body");
        assert!(dom.text_of(body).ends_with("EndOrphanStill hidden"));
        let hidden = dom
            .descendants(ROOT)
            .filter(|&n| dom.node(n).attr(&local_name!("hidden")).is_some())
            .count();
        assert_eq!(hidden, 1);
    }

    #[test]
    fn misnested_tables_are_fostered() {
        // Text inside a table but outside cells is moved before the table (foster parenting).
        let dom = Dom::parse("<table>oops<tr><td>cell</td></tr></table>");
        let body = dom.find(ROOT, &local_name!("body")).expect("body");
        assert_eq!(dom.text_of(body), "oopscell");
    }

    #[test]
    fn deep_nesting_walks_without_recursion() {
        let html = "<div>".repeat(1_500) + "deep";
        let dom = Dom::parse(&html);
        assert_eq!(dom.text_of(ROOT), "deep");
        assert!(!dom.truncated);
    }

    #[test]
    fn nesting_past_the_limit_truncates() {
        let html = "<p>before</p>".to_string() + &"<div>".repeat(50_000) + "deep";
        let dom = Dom::parse(&html);
        assert!(dom.truncated);
        assert!(dom.text_of(ROOT).starts_with("before"));
    }
}
