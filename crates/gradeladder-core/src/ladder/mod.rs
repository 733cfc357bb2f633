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

/// How many edges two neighbouring grades may get before each level of the lower grade is joined
/// to one level of the higher grade only.
const MAX_GRADE_PAIRS: usize = 16;

/// Edges from each graded level to the levels of the next higher grade in the same family. When
/// both grades have many levels (more than [`MAX_GRADE_PAIRS`] pairs), each lower level is joined
/// only to the higher level nearest after it on the page (else the last one), so the ladder stays
/// linear in the number of levels.
fn grade_order_edges(family: &str, levels: &[Level]) -> Vec<LadderEdge> {
    let mut by_grade: std::collections::BTreeMap<u8, Vec<usize>> = Default::default();
    for (i, level) in levels.iter().enumerate() {
        if let Some(grade) = level.grade {
            by_grade.entry(grade).or_default().push(i);
        }
    }
    let edge = |from: usize, to: usize| LadderEdge {
        from: LevelId::new(family, &levels[from].slug).to_string(),
        to: LevelId::new(family, &levels[to].slug).to_string(),
    };
    let grades: Vec<&Vec<usize>> = by_grade.values().collect();
    let mut edges = Vec::new();
    for pair in grades.windows(2) {
        let (lower, higher) = (pair[0], pair[1]);
        if lower.len() * higher.len() <= MAX_GRADE_PAIRS {
            for &from in lower {
                edges.extend(higher.iter().map(|&to| edge(from, to)));
            }
        } else {
            for &from in lower {
                let after = higher.partition_point(|&to| to < from);
                let to = higher.get(after).or(higher.last()).copied();
                edges.extend(to.map(|to| edge(from, to)));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(grades: &[u8]) -> Vec<Level> {
        grades
            .iter()
            .enumerate()
            .map(|(i, &grade)| {
                let mut level = Level::named(format!("Level {i}"), 1);
                level.slug = format!("level-{i}");
                level.grade = Some(grade);
                level
            })
            .collect()
    }

    #[test]
    fn few_levels_of_neighbouring_grades_are_joined_pairwise() {
        let edges = grade_order_edges("f", &levels(&[6, 6, 7, 7, 7, 9]));
        assert_eq!(edges.len(), 2 * 3 + 3);
    }

    #[test]
    fn many_levels_of_neighbouring_grades_get_one_edge_each_to_the_nearest_after_them() {
        let grades: Vec<u8> = (0..40).map(|i| if i % 2 == 0 { 6 } else { 7 }).collect();
        let edges = grade_order_edges("f", &levels(&grades));
        assert_eq!(edges.len(), 20, "one edge per grade-6 level, not 20 × 20");
        assert_eq!(edges[0].from, "f/level-0");
        assert_eq!(edges[0].to, "f/level-1");
        // The last grade-6 level (38) has a grade-7 level after it (39).
        assert_eq!(edges[19].to, "f/level-39");
    }
}

/// The most nodes a ladder is drawn with; a longer ladder is drawn around the level shown.
pub const MAX_DRAWN_NODES: usize = 24;

/// The part of a ladder that is drawn for one level: the whole ladder when it is short, else the
/// nodes nearest the level in ladder order (as many before as after, where there are) with the
/// edges between them, and how many nodes are left out on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderWindow {
    /// The nodes and edges to draw.
    pub ladder: Ladder,
    /// Nodes left out before the first one drawn.
    pub before: usize,
    /// Nodes left out after the last one drawn.
    pub after: usize,
}

/// What of `ladder` to draw for the level `current`: at most `max_nodes` nodes around it (its
/// node, or the ladder's start when it has none), in time linear in the ladder.
pub fn window(ladder: &Ladder, current: &LevelId, max_nodes: usize) -> LadderWindow {
    let max_nodes = max_nodes.max(1);
    let count = ladder.nodes.len();
    if count <= max_nodes {
        return LadderWindow {
            ladder: ladder.clone(),
            before: 0,
            after: 0,
        };
    }
    let at = ladder
        .nodes
        .iter()
        .position(|n| matches!(&n.target, NodeTarget::Level(id) if id == current))
        .unwrap_or(0);
    let start = at.saturating_sub(max_nodes / 2).min(count - max_nodes);
    let kept = &ladder.nodes[start..start + max_nodes];
    let ids: std::collections::HashSet<&str> = kept.iter().map(|n| n.id.as_str()).collect();
    LadderWindow {
        ladder: Ladder {
            nodes: kept.to_vec(),
            edges: ladder
                .edges
                .iter()
                .filter(|e| ids.contains(e.from.as_str()) && ids.contains(e.to.as_str()))
                .cloned()
                .collect(),
            notes: ladder.notes.clone(),
        },
        before: start,
        after: count - start - max_nodes,
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    fn chain(n: usize) -> Ladder {
        let id = |i: usize| LevelId::new("big", &format!("l{i}"));
        Ladder {
            nodes: (0..n)
                .map(|i| LadderNode {
                    id: id(i).to_string(),
                    label: format!("Level {i}"),
                    target: NodeTarget::Level(id(i)),
                    selected: false,
                })
                .collect(),
            edges: (1..n)
                .map(|i| LadderEdge {
                    from: id(i - 1).to_string(),
                    to: id(i).to_string(),
                })
                .collect(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn a_short_ladder_is_drawn_whole() {
        let ladder = chain(5);
        let drawn = window(&ladder, &LevelId::new("big", "l2"), 24);
        assert_eq!((drawn.ladder, drawn.before, drawn.after), (ladder, 0, 0));
    }

    #[test]
    fn a_long_ladder_is_drawn_around_the_level_with_the_edges_between_the_nodes_kept() {
        let ladder = chain(20_000);
        let drawn = window(&ladder, &LevelId::new("big", "l10000"), 24);
        assert_eq!(drawn.ladder.nodes.len(), 24);
        assert_eq!(drawn.ladder.edges.len(), 23);
        assert_eq!((drawn.before, drawn.after), (9_988, 19_976 - 9_988));
        assert!(drawn.ladder.nodes.iter().any(|n| n.label == "Level 10000"));
        let first = window(&ladder, &LevelId::new("big", "l0"), 24);
        assert_eq!((first.before, first.after), (0, 19_976));
        let last = window(&ladder, &LevelId::new("big", "l19999"), 24);
        assert_eq!((last.before, last.after), (19_976, 0));
        let elsewhere = window(&ladder, &LevelId::new("other", "x"), 24);
        assert_eq!(elsewhere.before, 0);
    }
}
