//! Where each node and edge of a ladder goes when it is drawn: columns by step order (the
//! longest chain of moves leading to a node), rows in page order within a column, label lines,
//! and each edge's curve. Views only draw what this computes.

use std::collections::{HashMap, VecDeque};

use crate::model::{Ladder, LadderNode};

/// Width of a node box.
pub const NODE_WIDTH: i32 = 190;
/// Height of a node box (room for three label lines and the node's kind).
pub const NODE_HEIGHT: i32 = 74;
/// Space between columns (where the edges run).
const GAP_X: i32 = 56;
/// Space between rows.
const GAP_Y: i32 = 18;
/// Margin around the drawing.
const PAD: i32 = 8;
/// Characters per label line before it wraps.
const LINE_CHARS: usize = 24;
/// Label lines at most; a longer label ends in `…`.
const MAX_LINES: usize = 3;
/// Distance between label lines' baselines.
pub const LINE_HEIGHT: i32 = 15;

/// A ladder laid out for drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderLayout<'a> {
    /// Width of the drawing.
    pub width: i32,
    /// Height of the drawing.
    pub height: i32,
    /// Every node, in the ladder's order.
    pub nodes: Vec<PlacedNode<'a>>,
    /// Every edge whose two ends are nodes, in the ladder's order.
    pub edges: Vec<PlacedEdge<'a>>,
}

/// A node with its box and label.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNode<'a> {
    /// The node drawn.
    pub node: &'a LadderNode,
    /// Step column, 0 for the first step.
    pub column: usize,
    /// Row within the column.
    pub row: usize,
    /// Left edge of the box.
    pub x: i32,
    /// Top edge of the box.
    pub y: i32,
    /// The label wrapped into lines.
    pub lines: Vec<String>,
    /// Baseline of the first label line (lines are vertically centred in the box).
    pub label_y: i32,
    /// Baseline of the node's kind ("this role", "handbook role ↗"), at the bottom of the box.
    pub kind_y: i32,
    /// Left edge of the text.
    pub text_x: i32,
}

/// An edge with its curve.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEdge<'a> {
    /// The earlier role.
    pub from: &'a LadderNode,
    /// The next role.
    pub to: &'a LadderNode,
    /// SVG path data: a horizontal S-curve from the right side of `from` to the left of `to`.
    pub path: String,
}

/// Lays `ladder` out: linear in its nodes and edges.
pub fn layout(ladder: &Ladder) -> LadderLayout<'_> {
    let index: HashMap<&str, usize> = ladder
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let column = columns(ladder, &index);
    let mut rows_in_column: Vec<usize> = Vec::new();
    let nodes: Vec<PlacedNode> = ladder
        .nodes
        .iter()
        .zip(&column)
        .map(|(node, &column)| {
            if rows_in_column.len() <= column {
                rows_in_column.resize(column + 1, 0);
            }
            let row = rows_in_column[column];
            rows_in_column[column] += 1;
            let x = PAD + column as i32 * (NODE_WIDTH + GAP_X);
            let y = PAD + row as i32 * (NODE_HEIGHT + GAP_Y);
            let lines = label_lines(&node.label);
            let missing_lines = (MAX_LINES - lines.len().min(MAX_LINES)) as i32;
            PlacedNode {
                node,
                column,
                row,
                x,
                y,
                label_y: y + 18 + missing_lines * 7,
                kind_y: y + NODE_HEIGHT - 9,
                text_x: x + 10,
                lines,
            }
        })
        .collect();
    let edges = ladder
        .edges
        .iter()
        .filter_map(|edge| {
            let from = &nodes[*index.get(edge.from.as_str())?];
            let to = &nodes[*index.get(edge.to.as_str())?];
            let (x1, y1) = (from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2);
            let (x2, y2) = (to.x - 4, to.y + NODE_HEIGHT / 2);
            let mid = (x1 + x2) / 2;
            Some(PlacedEdge {
                from: from.node,
                to: to.node,
                path: format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"),
            })
        })
        .collect();
    let columns = rows_in_column.len().max(1) as i32;
    let rows = rows_in_column.iter().copied().max().unwrap_or(1).max(1) as i32;
    LadderLayout {
        width: PAD * 2 + columns * NODE_WIDTH + (columns - 1) * GAP_X,
        height: PAD * 2 + rows * NODE_HEIGHT + (rows - 1) * GAP_Y,
        nodes,
        edges,
    }
}

/// Column of each node (by position in `ladder.nodes`, which `index` gives by id): the longest
/// chain of edges leading to it. Nodes on a cycle are placed one column after the furthest of
/// their placed predecessors.
fn columns(ladder: &Ladder, index: &HashMap<&str, usize>) -> Vec<usize> {
    let n = ladder.nodes.len();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut incoming = vec![0usize; n];
    for edge in &ladder.edges {
        if let (Some(&from), Some(&to)) =
            (index.get(edge.from.as_str()), index.get(edge.to.as_str()))
        {
            if from != to {
                next[from].push(to);
                incoming[to] += 1;
            }
        }
    }
    let mut column = vec![0usize; n];
    let mut ready: VecDeque<usize> = (0..n).filter(|&i| incoming[i] == 0).collect();
    let mut queued: Vec<bool> = incoming.iter().map(|&count| count == 0).collect();
    let mut unplaced = 0;
    loop {
        while let Some(node) = ready.pop_front() {
            for &to in &next[node] {
                if queued[to] {
                    continue;
                }
                column[to] = column[to].max(column[node] + 1);
                incoming[to] -= 1;
                if incoming[to] == 0 {
                    queued[to] = true;
                    ready.push_back(to);
                }
            }
        }
        // What is left stands on a cycle: free its first node and go on.
        while unplaced < n && queued[unplaced] {
            unplaced += 1;
        }
        if unplaced == n {
            break;
        }
        queued[unplaced] = true;
        ready.push_back(unplaced);
    }
    column
}

/// Splits a label into at most three lines of about 24 characters, the last ending in `…` when
/// the label is longer.
pub fn label_lines(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let full = lines.len() == MAX_LINES;
        let last = lines.last_mut().expect("one line");
        if !last.is_empty() && last.len() + word.len() + 1 > LINE_CHARS {
            if full {
                last.push('…');
                break;
            }
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LadderEdge, NodeTarget};

    fn ladder(ids: &[&str], edges: &[(&str, &str)]) -> Ladder {
        Ladder {
            nodes: ids
                .iter()
                .map(|id| LadderNode {
                    id: (*id).to_owned(),
                    label: id.to_uppercase(),
                    target: NodeTarget::Undefined,
                    selected: false,
                })
                .collect(),
            edges: edges
                .iter()
                .map(|(from, to)| LadderEdge {
                    from: (*from).to_owned(),
                    to: (*to).to_owned(),
                })
                .collect(),
            notes: Vec::new(),
        }
    }

    fn places<'a>(layout: &LadderLayout<'a>) -> Vec<(&'a str, usize, usize)> {
        layout
            .nodes
            .iter()
            .map(|p| (p.node.id.as_str(), p.column, p.row))
            .collect()
    }

    #[test]
    fn a_node_stands_one_column_after_the_longest_chain_leading_to_it() {
        // a → b → c and a → c: c goes after b, not beside it.
        let ladder = ladder(&["a", "b", "c"], &[("a", "b"), ("b", "c"), ("a", "c")]);
        let layout = layout(&ladder);
        assert_eq!(places(&layout), [("a", 0, 0), ("b", 1, 0), ("c", 2, 0)]);
        assert_eq!(layout.width, PAD * 2 + 3 * NODE_WIDTH + 2 * GAP_X);
        assert_eq!(layout.height, PAD * 2 + NODE_HEIGHT);
    }

    #[test]
    fn nodes_of_one_column_stack_in_ladder_order() {
        let ladder = ladder(&["a", "b", "c"], &[("a", "b"), ("a", "c")]);
        let layout = layout(&ladder);
        assert_eq!(places(&layout), [("a", 0, 0), ("b", 1, 0), ("c", 1, 1)]);
        assert_eq!(layout.nodes[2].y, PAD + NODE_HEIGHT + GAP_Y);
        assert_eq!(layout.height, PAD * 2 + 2 * NODE_HEIGHT + GAP_Y);
    }

    #[test]
    fn a_cycle_is_cut_and_every_node_is_placed() {
        let ladder = ladder(&["a", "b", "c"], &[("a", "b"), ("b", "c"), ("c", "b")]);
        let layout = layout(&ladder);
        let columns: Vec<usize> = layout.nodes.iter().map(|p| p.column).collect();
        assert_eq!(columns[0], 0);
        assert!(columns.iter().all(|&c| c < 3), "{columns:?}");
        assert_eq!(layout.edges.len(), 3);
    }

    #[test]
    fn edges_run_from_the_right_side_to_the_left_side_and_skip_unknown_nodes() {
        let ladder = ladder(&["a", "b"], &[("a", "b"), ("a", "missing")]);
        let layout = layout(&ladder);
        assert_eq!(layout.edges.len(), 1);
        let (x1, y1) = (PAD + NODE_WIDTH, PAD + NODE_HEIGHT / 2);
        let x2 = PAD + NODE_WIDTH + GAP_X - 4;
        let mid = (x1 + x2) / 2;
        assert_eq!(
            layout.edges[0].path,
            format!("M{x1},{y1} C{mid},{y1} {mid},{y1} {x2},{y1}")
        );
    }

    #[test]
    fn a_long_chain_is_laid_out_in_linear_work() {
        let ids: Vec<String> = (0..5000).map(|i| format!("n{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let edges: Vec<(&str, &str)> = refs.windows(2).map(|w| (w[0], w[1])).collect();
        let chain = ladder(&refs, &edges);
        let layout = layout(&chain);
        assert_eq!(layout.nodes.last().map(|p| p.column), Some(4999));
    }

    #[test]
    fn labels_wrap_at_word_boundaries_into_three_lines_at_most() {
        assert_eq!(label_lines("Engineering Manager"), ["Engineering Manager"]);
        assert_eq!(
            label_lines("Senior Engineering Manager, Engineering Productivity"),
            ["Senior Engineering", "Manager, Engineering", "Productivity"]
        );
        let long = label_lines(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
        );
        assert_eq!(long.len(), 3);
        assert!(long[2].ends_with('…'), "{long:?}");
    }

    #[test]
    fn label_lines_are_centred_in_the_box() {
        let one = layout(&ladder(&["a"], &[])).nodes[0].label_y;
        let ladder3 = Ladder {
            nodes: vec![LadderNode {
                id: "x".into(),
                label: "Senior Engineering Manager, Engineering Productivity".into(),
                target: NodeTarget::Undefined,
                selected: false,
            }],
            ..Ladder::default()
        };
        let three = layout(&ladder3).nodes[0].label_y;
        assert_eq!(
            one - three,
            14,
            "two missing lines move the first baseline down 14"
        );
    }
}
