//! Ladders across the catalog: page-given nodes linked to catalog levels by normalised title,
//! every family's levels joined in grade order, and previous/next steps for a level.

use crate::model::{Catalog, Family, Ladder, LadderEdge, LadderNode, Level, NodeTarget};
use crate::words::title_key;

/// Node id of a catalog level: `family/level`.
pub fn level_node_id(family: &str, level: &str) -> String {
    format!("{family}/{level}")
}

/// Links every family's ladder to the catalog: nodes that name a catalog level become that level,
/// and each family's levels are added in grade order.
pub fn link_catalog(catalog: &mut Catalog) {
    let index: Vec<(Vec<String>, String, String)> = catalog
        .levels()
        .map(|(family, level)| {
            (
                title_key(&level.title),
                family.slug.clone(),
                level.slug.clone(),
            )
        })
        .collect();
    for family in catalog.families.iter_mut() {
        let own: Vec<LadderNode> = family
            .levels
            .iter()
            .map(|level| LadderNode {
                id: level_node_id(&family.slug, &level.slug),
                label: level.title.clone(),
                target: NodeTarget::Level {
                    family: family.slug.clone(),
                    level: level.slug.clone(),
                },
                selected: false,
            })
            .collect();
        let ladder = &mut family.ladder;
        let mut renamed: Vec<(String, String)> = Vec::new();
        for node in ladder.nodes.iter_mut() {
            if !matches!(node.target, NodeTarget::External { .. }) {
                continue;
            }
            let key = title_key(&node.label);
            if let Some((_, family_slug, level_slug)) = index.iter().find(|(k, _, _)| *k == key) {
                let id = level_node_id(family_slug, level_slug);
                renamed.push((node.id.clone(), id.clone()));
                node.id = id;
                node.target = NodeTarget::Level {
                    family: family_slug.clone(),
                    level: level_slug.clone(),
                };
            }
        }
        for edge in ladder.edges.iter_mut() {
            for (old, new) in &renamed {
                if edge.from == *old {
                    edge.from = new.clone();
                }
                if edge.to == *old {
                    edge.to = new.clone();
                }
            }
        }
        let mut nodes = own;
        for node in ladder.nodes.drain(..) {
            match nodes.iter_mut().find(|n| n.id == node.id) {
                Some(existing) => existing.selected |= node.selected,
                None => nodes.push(node),
            }
        }
        ladder.nodes = nodes;
        let grade_edges = grade_order_edges(&family.slug, &family.levels);
        for edge in grade_edges {
            if !ladder.edges.contains(&edge) {
                ladder.edges.push(edge);
            }
        }
    }
}

/// Edges from each graded level to the levels of the next higher grade in the same family.
fn grade_order_edges(family: &str, levels: &[Level]) -> Vec<LadderEdge> {
    let mut grades: Vec<u8> = levels.iter().filter_map(|l| l.grade).collect();
    grades.sort_unstable();
    grades.dedup();
    let mut edges = Vec::new();
    for pair in grades.windows(2) {
        for lower in levels.iter().filter(|l| l.grade == Some(pair[0])) {
            for higher in levels.iter().filter(|l| l.grade == Some(pair[1])) {
                edges.push(LadderEdge {
                    from: level_node_id(family, &lower.slug),
                    to: level_node_id(family, &higher.slug),
                });
            }
        }
    }
    edges
}

/// Steps around one level on its family's ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbours<'a> {
    /// Nodes with an edge into the level.
    pub previous: Vec<&'a LadderNode>,
    /// Nodes the level has an edge to.
    pub next: Vec<&'a LadderNode>,
}

/// Previous and next steps of `level` on `family`'s ladder.
pub fn neighbours<'a>(family: &'a Family, level: &Level) -> Neighbours<'a> {
    let id = level_node_id(&family.slug, &level.slug);
    let ladder: &Ladder = &family.ladder;
    let node = |wanted: &str| ladder.nodes.iter().find(|n| n.id == wanted);
    Neighbours {
        previous: ladder
            .edges
            .iter()
            .filter(|e| e.to == id)
            .filter_map(|e| node(&e.from))
            .collect(),
        next: ladder
            .edges
            .iter()
            .filter(|e| e.from == id)
            .filter_map(|e| node(&e.to))
            .collect(),
    }
}

/// The next level in the same family by grade (the first of the next higher grade), if any.
pub fn next_level<'a>(family: &'a Family, level: &Level) -> Option<&'a Level> {
    let grade = level.grade?;
    family
        .levels
        .iter()
        .filter(|l| l.grade.is_some_and(|g| g > grade))
        .min_by_key(|l| l.grade)
}

/// The ladder as mermaid flowchart text.
pub fn to_mermaid(ladder: &Ladder) -> String {
    let mut out = String::from("graph LR\n");
    let id = |raw: &str| raw.replace(['/', ':', '-'], "_");
    for node in &ladder.nodes {
        out.push_str(&format!(
            "  {}[\"{}\"]\n",
            id(&node.id),
            node.label.replace('"', "'")
        ));
    }
    for edge in &ladder.edges {
        out.push_str(&format!("  {} --> {}\n", id(&edge.from), id(&edge.to)));
    }
    out
}

/// The ladder as Graphviz dot text.
pub fn to_dot(ladder: &Ladder) -> String {
    let mut out = String::from("digraph ladder {\n  rankdir=LR;\n");
    for node in &ladder.nodes {
        out.push_str(&format!(
            "  \"{}\" [label=\"{}\"];\n",
            node.id,
            node.label.replace('"', "'")
        ));
    }
    for edge in &ladder.edges {
        out.push_str(&format!("  \"{}\" -> \"{}\";\n", edge.from, edge.to));
    }
    out.push_str("}\n");
    out
}
