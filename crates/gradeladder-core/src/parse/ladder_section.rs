//! A page's own ladder: mermaid charts, prose ("The next step … is to move to the [X] job family",
//! "… not yet defined") and bullet lists of links. Catalog-wide linking happens in [`crate::ladder`].

use super::blocks::{Block, ListItem};
use super::context::{DiagnosticSink, PageContext};
use super::mermaid;
use super::sections::{Kind, Section};
use crate::diagnostics::{Code, Severity};
use foldhash::{HashMap, HashSet};

use crate::model::{Family, Ladder, LadderEdge, LadderNode, NodeTarget};
use crate::rich::{Inline, RichText};
use crate::words::slugify;

/// The ladder the page states (not yet linked to other pages' levels).
pub fn read(
    tree: &[Section],
    family: &Family,
    context: &PageContext,
    sink: &mut DiagnosticSink,
) -> Ladder {
    let mut ladder = LadderBuilder::default();
    // Computed on first use: the levels a prose next step leads from.
    let mut tops: Option<Vec<String>> = None;
    for section in tree {
        let in_ladder = section.kind == Kind::Ladder;
        // "## Levels" given as a bullet list (no level headings): the list is the ladder, in order.
        if section.kind == Kind::Levels && section.children.is_empty() {
            for block in &section.blocks {
                if let Block::List { items } = block {
                    read_ordered_list(items, &mut ladder);
                }
            }
        }
        for block in &section.blocks {
            match block {
                Block::Code { info, text, line }
                    if info.starts_with("mermaid")
                        || (in_ladder && text.trim_start().starts_with("graph")) =>
                {
                    read_chart(text, *line, &mut ladder, context, sink);
                }
                Block::Paragraph { text, .. } if in_ladder => {
                    let tops = tops.get_or_insert_with(|| top_levels(family));
                    read_prose(text, tops, &mut ladder);
                }
                Block::List { items } if in_ladder => {
                    let tops = tops.get_or_insert_with(|| top_levels(family));
                    read_list(items, tops, &mut ladder);
                }
                _ => {}
            }
        }
    }
    ladder.ladder
}

/// A ladder being read. Adding a node or an edge first looks for it: by scanning while the
/// ladder is short (most are), by hash once it is longer, so a long ladder stays linear to build.
#[derive(Default)]
struct LadderBuilder {
    ladder: Ladder,
    /// Position of each node in `ladder.nodes` by id, for the first `indexed_nodes` nodes.
    node_at: HashMap<String, usize>,
    indexed_nodes: usize,
    /// The first `indexed_edges` edges of `ladder.edges`, as (from, to).
    edge_set: HashSet<(String, String)>,
    indexed_edges: usize,
}

/// Up to this many nodes or edges, looking one up scans them.
const SCAN_LIMIT: usize = 16;

impl LadderBuilder {
    /// Adds a node, or merges it into the node with its id: selected if either is, and the
    /// first real label (a label that only repeats the id gives way).
    fn add_node(&mut self, node: LadderNode) {
        match self.node_position(&node.id) {
            Some(at) => {
                let existing = &mut self.ladder.nodes[at];
                existing.selected |= node.selected;
                if existing.label == existing.id {
                    existing.label = node.label;
                }
            }
            None => self.ladder.nodes.push(node),
        }
    }

    fn node_position(&mut self, id: &str) -> Option<usize> {
        let nodes = &self.ladder.nodes;
        if nodes.len() <= SCAN_LIMIT {
            return nodes.iter().position(|n| n.id == id);
        }
        for (at, node) in nodes.iter().enumerate().skip(self.indexed_nodes) {
            self.node_at.insert(node.id.clone(), at);
        }
        self.indexed_nodes = nodes.len();
        self.node_at.get(id).copied()
    }

    /// Adds an edge unless it loops or is already there.
    fn add_edge(&mut self, from: String, to: String) {
        let edge = (from, to);
        if edge.0 == edge.1 || self.has_edge(&edge) {
            return;
        }
        let (from, to) = edge;
        self.ladder.edges.push(LadderEdge { from, to });
    }

    fn has_edge(&mut self, edge: &(String, String)) -> bool {
        let edges = &self.ladder.edges;
        if edges.len() <= SCAN_LIMIT {
            return edges.iter().any(|e| e.from == edge.0 && e.to == edge.1);
        }
        for e in edges.iter().skip(self.indexed_edges) {
            self.edge_set.insert((e.from.clone(), e.to.clone()));
        }
        self.indexed_edges = edges.len();
        self.edge_set.contains(edge)
    }
}

fn read_chart(
    code: &str,
    line: u32,
    ladder: &mut LadderBuilder,
    context: &PageContext,
    sink: &mut DiagnosticSink,
) {
    let Some(chart) = mermaid::read(code) else {
        return;
    };
    if !chart.unknown_lines.is_empty() {
        let lines: Vec<&str> = code.lines().collect();
        for &unknown in &chart.unknown_lines {
            let text = lines.get(unknown).map_or("", |l| l.trim());
            sink.report_line(
                line + 1 + unknown as u32,
                Severity::Warning,
                Code::LadderSyntax,
                &format!("ladder line `{text}` was not understood and is left out"),
            );
        }
    }
    for node in chart.nodes {
        let href = node
            .href
            .map(|h| {
                context.resolve_link(&h).unwrap_or_else(|scheme| {
                    sink.unsafe_link(0, &scheme);
                    String::new()
                })
            })
            .filter(|h| !h.is_empty());
        ladder.add_node(LadderNode {
            id: node.id,
            label: node.label,
            target: NodeTarget::External { href },
            selected: node.selected,
        });
    }
    for (from, to) in chart.edges {
        ladder.add_edge(from, to);
    }
}

/// Ladder prose: each link is a next step; "not yet defined" names a step that does not exist yet.
fn read_prose(text: &RichText, tops: &[String], ladder: &mut LadderBuilder) {
    let links = links_in(&text.0);
    let plain = text.plain();
    let lower = plain.to_ascii_lowercase();
    let undefined = lower.contains("not yet defined")
        || lower.contains("not yet been defined")
        || lower.contains("not defined yet");
    if links.is_empty() && !undefined {
        ladder.ladder.notes.push(text.clone());
        return;
    }
    for (href, label) in links {
        let id = format!("link:{}", slugify(&label));
        ladder.add_node(LadderNode {
            id: id.clone(),
            label,
            target: NodeTarget::External { href: Some(href) },
            selected: false,
        });
        for top in tops {
            ladder.add_edge(top.clone(), id.clone());
        }
    }
    if undefined {
        let label = next_step_name(&plain, &lower).unwrap_or_else(|| "Next step".to_owned());
        let id = format!("undefined:{}", slugify(&label));
        ladder.add_node(LadderNode {
            id: id.clone(),
            label,
            target: NodeTarget::Undefined,
            selected: false,
        });
        for top in tops {
            ladder.add_edge(top.clone(), id.clone());
        }
        ladder.ladder.notes.push(text.clone());
    }
}

fn read_list(items: &[ListItem], tops: &[String], ladder: &mut LadderBuilder) {
    for item in items {
        read_prose(&item.text, tops, ladder);
        read_list(&item.children, tops, ladder);
    }
}

/// Bullets naming roles from junior to senior: each a node, each linked to the next.
fn read_ordered_list(items: &[ListItem], ladder: &mut LadderBuilder) {
    let mut previous: Option<String> = None;
    for item in items {
        let label = item.text.plain();
        if label.is_empty() {
            continue;
        }
        let href = links_in(&item.text.0)
            .into_iter()
            .next()
            .map(|(href, _)| href);
        let id = format!("list:{}", slugify(&label));
        ladder.add_node(LadderNode {
            id: id.clone(),
            label,
            target: NodeTarget::External { href },
            selected: false,
        });
        if let Some(from) = previous.replace(id.clone()) {
            ladder.add_edge(from, id);
        }
    }
}

/// "… is to move to the leadership position which is not yet defined" → "Leadership position".
fn next_step_name(plain: &str, lower: &str) -> Option<String> {
    let start = ["move to the ", "move to a ", "move to an ", "move to "]
        .iter()
        .find_map(|m| lower.find(m).map(|i| i + m.len()))?;
    let rest = &plain[start..];
    let lower_rest = &lower[start..];
    let end = [" which", " that", ",", ".", " job family"]
        .iter()
        .filter_map(|m| lower_rest.find(m))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Ids of the family's highest-graded levels (the ones a next step leads from).
fn top_levels(family: &Family) -> Vec<String> {
    let top = family.levels.iter().filter_map(|l| l.grade).max();
    family
        .levels
        .iter()
        .filter(|l| top.is_none() || l.grade == top)
        .map(|l| crate::level_id::LevelId::of(family, l).to_string())
        .collect()
}

fn links_in(inlines: &[Inline]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Link { href, children } if !href.starts_with('#') => {
                out.push((href.clone(), crate::rich::plain_of(children)));
            }
            Inline::Emphasis(c) | Inline::Strong(c) => out.extend(links_in(c)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, label: &str, selected: bool) -> LadderNode {
        LadderNode {
            id: id.to_owned(),
            label: label.to_owned(),
            target: NodeTarget::External { href: None },
            selected,
        }
    }

    #[test]
    fn a_long_ladder_finds_its_nodes_and_edges_by_hash_as_a_short_one_does_by_scan() {
        let mut ladder = LadderBuilder::default();
        for i in 0..3 * SCAN_LIMIT {
            ladder.add_node(node(&i.to_string(), &i.to_string(), false));
            ladder.add_edge(i.to_string(), (i + 1).to_string());
        }
        for i in 0..3 * SCAN_LIMIT {
            ladder.add_node(node(&i.to_string(), "Named", i == 5));
            ladder.add_edge(i.to_string(), (i + 1).to_string());
        }
        let ladder = ladder.ladder;
        assert_eq!(ladder.nodes.len(), 3 * SCAN_LIMIT);
        assert!(ladder.nodes.iter().all(|n| n.label == "Named"));
        assert!(ladder.nodes[5].selected && !ladder.nodes[6].selected);
        assert_eq!(ladder.edges.len(), 3 * SCAN_LIMIT);
    }

    #[test]
    fn a_repeated_node_merges_and_repeated_or_looping_edges_are_dropped() {
        let mut ladder = LadderBuilder::default();
        ladder.add_node(node("a", "a", false));
        ladder.add_node(node("b", "Senior", false));
        ladder.add_node(node("a", "Analyst", true));
        ladder.add_node(node("b", "Other", false));
        for (from, to) in [("a", "b"), ("a", "b"), ("b", "b"), ("b", "a")] {
            ladder.add_edge(from.to_owned(), to.to_owned());
        }
        let ladder = ladder.ladder;
        assert_eq!(
            ladder.nodes,
            [node("a", "Analyst", true), node("b", "Senior", false)]
        );
        let edges: Vec<(&str, &str)> = ladder
            .edges
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str()))
            .collect();
        assert_eq!(edges, [("a", "b"), ("b", "a")]);
    }
}
