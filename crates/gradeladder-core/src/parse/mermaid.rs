//! Mermaid flowcharts (`graph LR`, `flowchart TD`, …) read into nodes, edges, links and the
//! selected node. Only the subset job-family pages use; other lines are reported, not guessed.

use foldhash::HashMap;

/// A node as the chart declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartNode {
    /// Node id (may contain `:`).
    pub id: String,
    /// Label, or the id when the chart gives none.
    pub label: String,
    /// `click` target, as written.
    pub href: Option<String>,
    /// Whether a `class … selected` line marks it.
    pub selected: bool,
}

/// A chart: nodes in first-mention order and edges in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chart {
    /// Nodes.
    pub nodes: Vec<ChartNode>,
    /// Edges by node id.
    pub edges: Vec<(String, String)>,
    /// 0-based line offsets (within the code block) that were not understood.
    pub unknown_lines: Vec<usize>,
}

/// Reads a flowchart; returns `None` if the text is not a `graph`/`flowchart`.
pub fn read(code: &str) -> Option<Chart> {
    let mut chart = ChartReader::default();
    let mut started = false;
    for (index, raw) in code.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !started {
            let first = line.split_whitespace().next().unwrap_or("");
            if first != "graph" && first != "flowchart" {
                return None;
            }
            started = true;
            continue;
        }
        for statement in line.split(';') {
            let statement = statement.trim();
            if !statement.is_empty() {
                read_statement(statement, index, &mut chart);
            }
        }
    }
    started.then_some(chart.chart)
}

/// A chart being read, with its nodes indexed by id, so finding a mentioned node takes the same
/// time however many nodes the chart has.
#[derive(Default)]
struct ChartReader {
    chart: Chart,
    /// Position of each node in `chart.nodes`, by id.
    node_at: HashMap<String, usize>,
}

impl ChartReader {
    /// The node with `id`, added (labelled with its id) on first mention.
    fn node_mut(&mut self, id: &str) -> &mut ChartNode {
        let nodes = &mut self.chart.nodes;
        let position = match self.node_at.get(id) {
            Some(&position) => position,
            None => {
                nodes.push(ChartNode {
                    id: id.to_owned(),
                    label: id.to_owned(),
                    href: None,
                    selected: false,
                });
                self.node_at.insert(id.to_owned(), nodes.len() - 1);
                nodes.len() - 1
            }
        };
        &mut nodes[position]
    }
}

fn read_statement(statement: &str, index: usize, chart: &mut ChartReader) {
    let first = statement.split_whitespace().next().unwrap_or("");
    match first {
        "classDef" | "style" | "linkStyle" | "subgraph" | "end" | "direction" => {}
        "click" => {
            let mut parts = statement.splitn(3, char::is_whitespace);
            parts.next();
            let id = parts.next().unwrap_or("").trim();
            let rest = parts.next().unwrap_or("").trim();
            let target = rest
                .strip_prefix("href")
                .unwrap_or(rest)
                .trim()
                .split('"')
                .nth(1)
                .map(str::to_owned);
            if let (false, Some(target)) = (id.is_empty(), target) {
                chart.node_mut(id).href = Some(target);
            }
        }
        "class" => {
            let mut parts: Vec<&str> = statement.split_whitespace().skip(1).collect();
            if parts.last() == Some(&"selected") {
                parts.pop();
                for id in parts.iter().flat_map(|p| p.split(',')) {
                    chart.node_mut(id.trim()).selected = true;
                }
            }
        }
        _ => {
            if !read_chain(statement, chart) {
                chart.chart.unknown_lines.push(index);
            }
        }
    }
}

/// `a(A) --> b[B] --- c`: nodes with optional shapes joined by links. False if unreadable.
fn read_chain(statement: &str, chart: &mut ChartReader) -> bool {
    let mut rest = statement;
    let mut previous: Option<String> = None;
    loop {
        let Some((id, label, after)) = read_node(rest) else {
            return false;
        };
        let node = chart.node_mut(&id);
        if let Some(label) = label {
            node.label = label;
        }
        if let Some(from) = previous.take() {
            chart.chart.edges.push((from, id.clone()));
        }
        let after = after.trim_start();
        if after.is_empty() {
            return true;
        }
        let Some(next) = read_link(after) else {
            return false;
        };
        previous = Some(id);
        rest = next.trim_start();
    }
}

/// A node id with an optional shape and label; returns the rest of the text.
fn read_node(text: &str) -> Option<(String, Option<String>, &str)> {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '>' | '&')
                || text[i..].starts_with("--")
                || text[i..].starts_with("==")
                || text[i..].starts_with("-.")
        })
        .map_or(text.len(), |(i, _)| i);
    let id = &text[..end];
    if id.is_empty() {
        return None;
    }
    let rest = &text[end..];
    let Some(open) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '[' | '{' | '>'))
    else {
        return Some((id.to_owned(), None, rest));
    };
    let opener_run: String = rest
        .chars()
        .take_while(|c| matches!(c, '(' | '[' | '{' | '>' | '/' | '\\'))
        .collect();
    let closer = |c: char| match c {
        '(' => ')',
        '[' | '>' => ']',
        '{' => '}',
        other => other,
    };
    let body = &rest[opener_run.len()..];
    let closing: String = opener_run.chars().rev().map(closer).collect();
    let closing = closing.trim_start_matches(['/', '\\']);
    let close_at = body.find(closing).or_else(|| body.find(closer(open)))?;
    let label = body[..close_at].trim().trim_matches('"').trim();
    let after = &body[close_at..];
    let after = after.trim_start_matches([')', ']', '}', '/', '\\']);
    Some((id.to_owned(), Some(label.to_owned()), after))
}

/// A link token (`-->`, `---`, `-.->`, `==>`, `-- text -->`, `-->|text|`); returns what follows.
fn read_link(text: &str) -> Option<&str> {
    let starts = ["--", "==", "-."];
    if !starts.iter().any(|s| text.starts_with(s)) {
        return None;
    }
    let arrow_end = text
        .char_indices()
        .find(|&(_, c)| !matches!(c, '-' | '=' | '.' | '>' | 'o' | 'x'))
        .map_or(text.len(), |(i, _)| i);
    let token = &text[..arrow_end];
    let mut rest = &text[arrow_end..];
    let closed = token.ends_with('>')
        || token.ends_with("---")
        || token.ends_with("===")
        || token.len() >= 3;
    if !closed {
        // `-- text -->`: skip the text up to the closing arrow.
        let close = rest
            .find("-->")
            .or_else(|| rest.find("---"))
            .or_else(|| rest.find("==>"))?;
        rest = &rest[close + 3..];
    }
    let rest = rest.trim_start();
    if let Some(labelled) = rest.strip_prefix('|') {
        let end = labelled.find('|')?;
        return Some(&labelled[end + 1..]);
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_chart_reads_nodes_edges_clicks_and_selection_ignoring_comments() {
        let chart = read(
            "  graph LR;\n  manager:backend(Backend Engineering Manager)\n  manager:senior(Senior Engineering Manager)\n  %% a:b --- manager:senior\n  manager:backend --> manager:senior\n  click manager:backend \"/x/\";\n  classDef selected stroke:#333;\n  class manager:senior selected\n",
        )
        .expect("chart");
        assert_eq!(chart.nodes.len(), 2);
        assert_eq!(
            chart.edges,
            vec![("manager:backend".into(), "manager:senior".into())]
        );
        assert_eq!(chart.nodes[0].href.as_deref(), Some("/x/"));
        assert!(chart.nodes[1].selected);
        assert!(chart.unknown_lines.is_empty());
    }

    #[test]
    fn chained_edges_shapes_and_labels() {
        let chart = read("flowchart TD\n a[Junior] --> b{Mid} -->|promo| c((Senior)) --- d\n")
            .expect("chart");
        let labels: Vec<_> = chart.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["Junior", "Mid", "Senior", "d"]);
        assert_eq!(chart.edges.len(), 3);
    }

    #[test]
    fn non_flowchart_is_not_read() {
        assert_eq!(read("sequenceDiagram\n a->>b: hi"), None);
    }
}
