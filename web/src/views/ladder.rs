//! The career ladder drawn as SVG by the app (no mermaid.js): columns by step order, the current
//! role highlighted, catalog roles navigate, external roles link out, plus a text list.

use gradeladder_core::ladder::{
    layout, window, PlacedNode, LINE_HEIGHT, MAX_DRAWN_NODES, NODE_HEIGHT, NODE_WIDTH,
};
use gradeladder_core::{LevelId, NodeTarget};
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::data::SharedFamily;
use crate::route::Route;

/// Properties of [`LadderView`].
#[derive(Properties, PartialEq)]
pub struct LadderViewProps {
    /// The family whose ladder to draw.
    pub family: SharedFamily,
    /// The current role.
    pub current: LevelId,
    /// When set, catalog roles link to `{link_base}role/…/` (the full app) instead of navigating
    /// within this app; the embeddable widget uses this.
    #[prop_or_default]
    pub link_base: Option<String>,
}

/// The ladder: an SVG diagram and a list for screen readers and print.
#[styled_component]
pub fn LadderView(props: &LadderViewProps) -> Html {
    let family = &props.family;
    let drawn = window(&family.ladder, &props.current, MAX_DRAWN_NODES);
    let ladder = &drawn.ladder;
    let style = css!(
        r#"
        figure { margin: 0; overflow-x: auto; }
        svg { display: block; max-width: 100%; height: auto; }
        .node rect { fill: var(--gl-surface); stroke: var(--gl-border); stroke-width: 1.5; }
        .node.level rect { stroke: var(--gl-accent); }
        .node.current rect { fill: var(--gl-accent); stroke: var(--gl-accent); }
        .node.current text { fill: var(--gl-accent-text); }
        .node.undefined rect { stroke-dasharray: 5 4; }
        .node text { fill: var(--gl-text); font-size: var(--gl-text-small); font-family: var(--gl-font); }
        .node .kind { fill: var(--gl-muted); font-size: var(--gl-text-small); }
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
    let drawing = layout(ladder);
    let (width, height) = (drawing.width, drawing.height);
    let edges = drawing.edges.iter().map(|edge| {
        html! { <path class="edge" d={edge.path.clone()} marker-end="url(#gl-arrow)" /> }
    });
    let current = &props.current;
    let nodes = drawing.nodes.iter().map(|placed| {
        let is_current = matches!(&placed.node.target, NodeTarget::Level(id) if id == current);
        node_view(placed, is_current, props.link_base.as_deref())
    });

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
            if drawn.before + drawn.after > 0 {
                <p class="muted" data-testid="ladder-window">{ format!(
                    "Drawn around this role: {} of the family's {} steps, {} before and {} after them left out.",
                    ladder.nodes.len(),
                    family.ladder.nodes.len(),
                    drawn.before,
                    drawn.after
                ) }</p>
            }
            <details>
                <summary>{ "Ladder as a list" }</summary>
                <ul data-testid="ladder-list">
                    { for drawing.edges.iter().map(|e| html! {
                        <li>{ format!("{} → {}", e.from.label, e.to.label) }</li>
                    }) }
                </ul>
            </details>
        </div>
    }
}

fn node_view(placed: &PlacedNode, current: bool, link_base: Option<&str>) -> Html {
    let node = placed.node;
    let (x, y) = (placed.x, placed.y);
    let (kind_class, kind_text) = match &node.target {
        NodeTarget::Level(_) => (
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
    let body = html! {
        <>
            <rect x={x.to_string()} y={y.to_string()} width={NODE_WIDTH.to_string()} height={NODE_HEIGHT.to_string()} rx="8" />
            <text x={placed.text_x.to_string()} y={placed.label_y.to_string()}>
                // Each line ends in a space (invisible at a line's end) so the text reads as the label
                // does, word by word, to assistive technology.
                { for placed.lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={placed.text_x.to_string()} dy={if i == 0 { "0".to_owned() } else { LINE_HEIGHT.to_string() }}>{ format!("{line} ") }</tspan>
                }) }
            </text>
            <text class="kind" x={placed.text_x.to_string()} y={placed.kind_y.to_string()}>{ kind_text }</text>
        </>
    };
    let class = classes!("node", kind_class, current.then_some("current"));
    // The accessible name starts with the visible text (label, then kind), as speech input needs.
    let name = format!("{}, {kind_text}", node.label);
    match &node.target {
        NodeTarget::Level(id) if !current => {
            let route = Route::role(id);
            match link_base {
                Some(base) => html! {
                    <a class={class} href={format!("{base}{}", route.relative_path())} aria-label={name} data-testid="ladder-node">{ body }</a>
                },
                None => {
                    html! { <LadderLink {route} {class} label={name}>{ body }</LadderLink> }
                }
            }
        }
        NodeTarget::External { href: Some(href) } => html! {
            <a class={class} href={href.clone()} target="_blank" rel="noopener noreferrer" aria-label={format!("{}, {kind_text}, opens the handbook in a new tab", node.label)}>{ body }</a>
        },
        _ => {
            html! { <g class={class} data-current={current.to_string()}><title>{ name }</title>{ body }</g> }
        }
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
    let basename = navigator
        .as_ref()
        .and_then(|n| n.basename().map(str::to_owned))
        .unwrap_or_default();
    let href = format!("{basename}{}", props.route.to_path());
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
