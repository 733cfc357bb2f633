//! The career ladder drawn as SVG by the app (no mermaid.js): columns by step order, the current
//! role highlighted, catalog roles navigate, external roles link out, plus a text list.

use std::collections::HashMap;

use gradeladder_core::{Family, LadderNode, NodeTarget};
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

const NODE_W: i32 = 190;
const NODE_H: i32 = 74;
const GAP_X: i32 = 56;
const GAP_Y: i32 = 18;
const PAD: i32 = 8;
/// Characters per label line before wrapping.
const LINE_CHARS: usize = 24;

/// Properties of [`LadderView`].
#[derive(Properties, PartialEq)]
pub struct LadderViewProps {
    /// The family whose ladder to draw.
    pub family: Family,
    /// Node id of the current role.
    pub current: String,
    /// When set, catalog roles link to `{link_base}#/role/…` (the full app) instead of navigating
    /// within this app; the embeddable widget uses this.
    #[prop_or_default]
    pub link_base: Option<String>,
}

/// Column of each node: the longest chain of edges leading to it (cycles cut).
fn columns(family: &Family) -> HashMap<String, usize> {
    let ladder = &family.ladder;
    let mut column: HashMap<String, usize> =
        ladder.nodes.iter().map(|n| (n.id.clone(), 0)).collect();
    for _ in 0..ladder.nodes.len() {
        let mut changed = false;
        for edge in &ladder.edges {
            let from = column.get(&edge.from).copied().unwrap_or(0);
            let to = column.entry(edge.to.clone()).or_insert(0);
            if *to < from + 1 && from + 1 < ladder.nodes.len() {
                *to = from + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    column
}

/// Splits a label into at most three lines.
fn label_lines(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let last = lines.last_mut().expect("one line");
        if !last.is_empty() && last.len() + word.len() + 1 > LINE_CHARS {
            if lines.len() == 3 {
                let last = lines.last_mut().expect("three lines");
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

/// The ladder: an SVG diagram and a list for screen readers and print.
#[styled_component]
pub fn LadderView(props: &LadderViewProps) -> Html {
    let family = &props.family;
    let ladder = &family.ladder;
    let style = css!(
        r#"
        figure { margin: 0; overflow-x: auto; }
        svg { display: block; max-width: 100%; height: auto; }
        .node rect { fill: var(--gl-surface); stroke: var(--gl-border); stroke-width: 1.5; }
        .node.level rect { stroke: var(--gl-accent); }
        .node.current rect { fill: var(--gl-accent); stroke: var(--gl-accent); }
        .node.current text { fill: var(--gl-accent-text); font-weight: 700; }
        .node.undefined rect { stroke-dasharray: 5 4; }
        .node text { fill: var(--gl-text); font-size: 13px; font-family: var(--gl-font); }
        .node .kind { fill: var(--gl-muted); font-size: 11px; }
        .node.current .kind { fill: var(--gl-accent-text); }
        a.node:focus-visible rect, a.node:hover rect { stroke-width: 3; }
        a.node:focus { outline: none; }
        path.edge { fill: none; stroke: var(--gl-muted); stroke-width: 1.5; }
        marker path { fill: var(--gl-muted); }
        details { margin-top: .5rem; }
        "#
    );
    if ladder.nodes.len() < 2 {
        return html! { <p class="muted">{ "This family has no career ladder yet." }</p> };
    }
    let column = columns(family);
    let mut rows: HashMap<usize, usize> = HashMap::new();
    let mut position: HashMap<String, (i32, i32)> = HashMap::new();
    for node in &ladder.nodes {
        let c = column.get(&node.id).copied().unwrap_or(0);
        let r = rows.entry(c).or_insert(0);
        position.insert(
            node.id.clone(),
            (
                PAD + c as i32 * (NODE_W + GAP_X),
                PAD + *r as i32 * (NODE_H + GAP_Y),
            ),
        );
        *r += 1;
    }
    let columns_count = column.values().max().copied().unwrap_or(0) + 1;
    let rows_count = rows.values().max().copied().unwrap_or(1);
    let width = PAD * 2 + columns_count as i32 * NODE_W + (columns_count as i32 - 1) * GAP_X;
    let height = PAD * 2 + rows_count as i32 * NODE_H + (rows_count as i32 - 1) * GAP_Y;

    let edges = ladder.edges.iter().filter_map(|edge| {
        let (fx, fy) = *position.get(&edge.from)?;
        let (tx, ty) = *position.get(&edge.to)?;
        let (x1, y1, x2, y2) = (fx + NODE_W, fy + NODE_H / 2, tx - 4, ty + NODE_H / 2);
        let mid = (x1 + x2) / 2;
        let d = format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}");
        Some(html! { <path class="edge" d={d} marker-end="url(#gl-arrow)" /> })
    });
    let nodes = ladder.nodes.iter().map(|node| {
        let (x, y) = position.get(&node.id).copied().unwrap_or((PAD, PAD));
        node_view(
            node,
            x,
            y,
            node.id == props.current,
            props.link_base.as_deref(),
        )
    });
    let label_of = |id: &str| {
        ladder
            .nodes
            .iter()
            .find(|n| n.id == id)
            .map_or(id.to_owned(), |n| n.label.clone())
    };

    html! {
        <div class={style}>
            <figure>
                <svg viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                     role="group" aria-label={format!("Career ladder of {}", family.title)}>
                    <defs>
                        <marker id="gl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" />
                        </marker>
                    </defs>
                    { for edges }
                    { for nodes }
                </svg>
            </figure>
            <details>
                <summary>{ "Ladder as a list" }</summary>
                <ul data-testid="ladder-list">
                    { for ladder.edges.iter().map(|e| html! {
                        <li>{ format!("{} → {}", label_of(&e.from), label_of(&e.to)) }</li>
                    }) }
                </ul>
            </details>
        </div>
    }
}

fn node_view(node: &LadderNode, x: i32, y: i32, current: bool, link_base: Option<&str>) -> Html {
    let lines = label_lines(&node.label);
    let (kind_class, kind_text) = match &node.target {
        NodeTarget::Level { .. } => (
            "level",
            if current {
                "this role"
            } else {
                "in this catalog"
            },
        ),
        NodeTarget::External { .. } => ("external", "handbook role ↗"),
        NodeTarget::Undefined => ("undefined", "not yet defined"),
    };
    let text_y = y + 18 + (3 - lines.len().min(3) as i32) * 7;
    let body = html! {
        <>
            <title>{ format!("{} ({kind_text})", node.label) }</title>
            <rect x={x.to_string()} y={y.to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="8" />
            <text x={(x + 10).to_string()} y={text_y.to_string()}>
                { for lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={(x + 10).to_string()} dy={if i == 0 { "0".to_owned() } else { "15".to_owned() }}>{ line.clone() }</tspan>
                }) }
            </text>
            <text class="kind" x={(x + 10).to_string()} y={(y + NODE_H - 9).to_string()}>{ kind_text }</text>
        </>
    };
    let class = classes!("node", kind_class, current.then_some("current"));
    match &node.target {
        NodeTarget::Level { family, level } if !current => {
            let route = Route::Role {
                family: family.clone(),
                level: level.clone(),
            };
            match link_base {
                Some(base) => html! {
                    <a class={class} href={format!("{base}#{}", route.to_path())} aria-label={node.label.clone()} data-testid="ladder-node">{ body }</a>
                },
                None => {
                    html! { <LadderLink {route} {class} label={node.label.clone()}>{ body }</LadderLink> }
                }
            }
        }
        NodeTarget::External { href: Some(href) } => html! {
            <a class={class} href={href.clone()} target="_blank" rel="noopener noreferrer" aria-label={format!("{} (opens the handbook)", node.label)}>{ body }</a>
        },
        _ => html! { <g class={class} data-current={current.to_string()}>{ body }</g> },
    }
}

/// Properties of [`LadderLink`].
#[derive(Properties, PartialEq)]
struct LadderLinkProps {
    route: Route,
    class: Classes,
    label: String,
    children: Html,
}

/// An SVG link to a catalog role; navigates within the app.
#[function_component]
fn LadderLink(props: &LadderLinkProps) -> Html {
    let navigator = use_navigator();
    let href = format!("#{}", props.route.to_path());
    let onclick = {
        let route = props.route.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.push(&route);
            }
        })
    };
    html! {
        <a class={props.class.clone()} {href} {onclick} aria-label={props.label.clone()} data-testid="ladder-node">{ props.children.clone() }</a>
    }
}
