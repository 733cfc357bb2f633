//! Ladders across the catalog: page-given nodes linked to catalog levels by normalised title,
//! every family's levels joined in grade order, and previous/next steps for a level.

use std::collections::HashMap;

use crate::level_id::LevelId;
use crate::model::{Catalog, Family, Ladder, LadderEdge, LadderNode, Level, NodeTarget};
use crate::words::title_key;

mod layout;
pub use layout::{
    label_lines, layout, LadderLayout, PlacedEdge, PlacedNode, LINE_HEIGHT, NODE_HEIGHT, NODE_WIDTH,
};

/// Links every family's ladder to the catalog: nodes that name a catalog level become that level,
/// and each family's levels are added in grade order.
pub fn link_catalog(catalog: &mut Catalog) {
    // The first level of each title key, in catalog order.
    let mut index: HashMap<Vec<String>, LevelId> = HashMap::new();
    for (family, level) in catalog.levels() {
        index
            .entry(title_key(&level.title))
            .or_insert_with(|| LevelId::of(family, level));
    }
    for family in catalog.families.iter_mut() {
        let own: Vec<LadderNode> = family
            .levels
            .iter()
            .map(|level| {
                let id = LevelId::of(family, level);
                LadderNode {
                    id: id.to_string(),
                    label: level.title.clone(),
                    target: NodeTarget::Level(id),
                    selected: false,
                }
            })
            .collect();
        let ladder = &mut family.ladder;
        let mut renamed: HashMap<String, String> = HashMap::new();
        for node in ladder.nodes.iter_mut() {
            if !matches!(node.target, NodeTarget::External { .. }) {
                continue;
            }
            let key = title_key(&node.label);
            if let Some(level) = index.get(&key) {
                let id = level.to_string();
                renamed.insert(node.id.clone(), id.clone());
                node.id = id;
                node.target = NodeTarget::Level(level.clone());
            }
        }
        for edge in ladder.edges.iter_mut() {
            for end in [&mut edge.from, &mut edge.to] {
                if let Some(new) = renamed.get(end.as_str()) {
                    end.clone_from(new);
                }
            }
        }
        let mut nodes = own;
        let mut position: HashMap<String, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        for node in ladder.nodes.drain(..) {
            match position.get(&node.id) {
                Some(&i) => nodes[i].selected |= node.selected,
                None => {
                    position.insert(node.id.clone(), nodes.len());
                    nodes.push(node);
                }
            }
        }
        ladder.nodes = nodes;
        let mut seen: std::collections::HashSet<LadderEdge> =
            ladder.edges.iter().cloned().collect();
        for edge in grade_order_edges(&family.slug, &family.levels) {
            if seen.insert(edge.clone()) {
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
                    from: LevelId::new(family, &lower.slug).to_string(),
                    to: LevelId::new(family, &higher.slug).to_string(),
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
    let id = LevelId::of(family, level).to_string();
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
