//! A page's own ladder: mermaid charts, prose ("The next step … is to move to the [X] job family",
//! "… not yet defined") and bullet lists of links. Catalog-wide linking happens in [`crate::ladder`].

use super::blocks::{Block, ListItem};
use super::mermaid;
use super::sections::{Kind, Section};
use super::Reporter;
use crate::diagnostics::{Code, Severity};
use crate::model::{Family, Ladder, LadderEdge, LadderNode, NodeTarget};
use crate::rich::{Inline, RichText};
use crate::words::slugify;

/// The ladder the page states (not yet linked to other pages' levels).
pub fn read(tree: &[Section], family: &Family, reporter: &mut Reporter) -> Ladder {
    let mut ladder = Ladder::default();
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
                    read_chart(text, *line, &mut ladder, reporter);
                }
                Block::Paragraph { text, .. } if in_ladder => read_prose(text, family, &mut ladder),
                Block::List { items } if in_ladder => read_list(items, family, &mut ladder),
                _ => {}
            }
        }
    }
    ladder
}

fn read_chart(code: &str, line: u32, ladder: &mut Ladder, reporter: &mut Reporter) {
    let Some(chart) = mermaid::read(code) else {
        return;
    };
    for unknown in &chart.unknown_lines {
        let text = code.lines().nth(*unknown).unwrap_or("").trim();
        reporter.report_line(
            line + 1 + *unknown as u32,
            Severity::Warning,
            Code::LadderSyntax,
            &format!("ladder line `{text}` was not understood and is left out"),
        );
    }
    for node in chart.nodes {
        let href = node
            .href
            .map(|h| reporter.resolve_link(&h, 0))
            .filter(|h| !h.is_empty());
        add_node(
            ladder,
            LadderNode {
                id: node.id,
                label: node.label,
                target: NodeTarget::External { href },
                selected: node.selected,
            },
        );
    }
    for (from, to) in chart.edges {
        add_edge(ladder, from, to);
    }
}

/// Ladder prose: each link is a next step; "not yet defined" names a step that does not exist yet.
fn read_prose(text: &RichText, family: &Family, ladder: &mut Ladder) {
    let links = links_in(&text.0);
    let plain = text.plain();
    let lower = plain.to_ascii_lowercase();
    let undefined = lower.contains("not yet defined")
        || lower.contains("not yet been defined")
        || lower.contains("not defined yet");
    if links.is_empty() && !undefined {
        ladder.notes.push(text.clone());
        return;
    }
    let tops = top_levels(family);
    for (href, label) in links {
        let id = format!("link:{}", slugify(&label));
        add_node(
            ladder,
            LadderNode {
                id: id.clone(),
                label,
                target: NodeTarget::External { href: Some(href) },
                selected: false,
            },
        );
        for top in &tops {
            add_edge(ladder, top.clone(), id.clone());
        }
    }
    if undefined {
        let label = next_step_name(&plain, &lower).unwrap_or_else(|| "Next step".to_owned());
        let id = format!("undefined:{}", slugify(&label));
        add_node(
            ladder,
            LadderNode {
                id: id.clone(),
                label,
                target: NodeTarget::Undefined,
                selected: false,
            },
        );
        for top in &tops {
            add_edge(ladder, top.clone(), id.clone());
        }
        ladder.notes.push(text.clone());
    }
}

fn read_list(items: &[ListItem], family: &Family, ladder: &mut Ladder) {
    for item in items {
        read_prose(&item.text, family, ladder);
        read_list(&item.children, family, ladder);
    }
}

/// Bullets naming roles from junior to senior: each a node, each linked to the next.
fn read_ordered_list(items: &[ListItem], ladder: &mut Ladder) {
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
        add_node(
            ladder,
            LadderNode {
                id: id.clone(),
                label,
                target: NodeTarget::External { href },
                selected: false,
            },
        );
        if let Some(from) = previous.replace(id.clone()) {
            add_edge(ladder, from, id);
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
        .map(|l| crate::ladder::level_node_id(&family.slug, &l.slug))
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

fn add_node(ladder: &mut Ladder, node: LadderNode) {
    match ladder.nodes.iter_mut().find(|n| n.id == node.id) {
        Some(existing) => {
            existing.selected |= node.selected;
            if existing.label == existing.id {
                existing.label = node.label;
            }
        }
        None => ladder.nodes.push(node),
    }
}

fn add_edge(ladder: &mut Ladder, from: String, to: String) {
    let edge = LadderEdge { from, to };
    if edge.from != edge.to && !ladder.edges.contains(&edge) {
        ladder.edges.push(edge);
    }
}
