//! The company-wide grade scale with the catalog's roles placed on it.

use gradeladder_core::{Catalog, Family, Level, LevelId};
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::data::use_site;
use crate::route::Route;

/// Properties of [`GradeScaleView`].
#[derive(Properties, PartialEq)]
pub struct GradeScaleProps {
    /// The role to highlight, if any.
    #[prop_or_default]
    pub highlight: Option<LevelId>,
    /// Show only grades that have roles, for a compact view.
    #[prop_or_default]
    pub compact: bool,
}

/// The grade table: grade, IC title, management title, and the roles at that grade.
/// Roles a compact scale names per grade before it counts the rest.
const COMPACT_ROLES: usize = 6;

#[styled_component]
pub fn GradeScaleView(props: &GradeScaleProps) -> Html {
    let site = use_site();
    let catalog: &Catalog = &site.catalog;
    let style = css!(
        r#"
        table { width: 100%; border-collapse: collapse; background: var(--gl-surface); border-radius: var(--gl-radius); overflow: hidden; }
        caption { text-align: left; color: var(--gl-muted); padding: .25rem 0 .5rem; }
        th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--gl-border); vertical-align: top; }
        th[scope="row"] { font-variant-numeric: tabular-nums; width: 4rem; }
        tr.current { background: var(--gl-accent-soft); }
        tr.current th { box-shadow: inset 4px 0 0 var(--gl-accent); }
        ul { margin: 0; padding: 0; list-style: none; }
        a.current { font-weight: 700; }
        @media (max-width: 560px) { .track { display: none; } }
        "#
    );
    let rows = catalog.scale.steps.iter().filter_map(|step| {
        let roles: Vec<_> = catalog.levels().filter(|(_, l)| l.grade == Some(step.grade)).collect();
        if props.compact && roles.is_empty() {
            return None;
        }
        let is_highlighted = |f: &Family, l: &Level| props.highlight.as_ref() == Some(&LevelId::of(f, l));
        let current = roles.iter().any(|(f, l)| is_highlighted(f, l));
        // A compact scale names a few roles per grade (the one shown first), and counts the rest:
        // a handbook-sized catalog has hundreds at one grade.
        let total = roles.len();
        let roles: Vec<_> = if props.compact && total > COMPACT_ROLES {
            let mut shown: Vec<_> = roles.iter().copied().filter(|(f, l)| is_highlighted(f, l)).collect();
            shown.extend(roles.iter().copied().filter(|(f, l)| !is_highlighted(f, l)).take(COMPACT_ROLES - shown.len()));
            shown
        } else {
            roles
        };
        let more = total - roles.len();
        Some(html! {
            <tr class={classes!(current.then_some("current"))} aria-current={current.then_some("true")}>
                <th scope="row">{ step.grade }</th>
                <td class="track">{ step.individual.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                <td class="track">{ step.management.clone().unwrap_or_else(|| "—".to_owned()) }</td>
                <td>
                    <ul>
                        { for roles.iter().map(|(f, l)| {
                            let is_current = is_highlighted(f, l);
                            html! {
                                <li>
                                    <Link<Route> to={Route::role(&LevelId::of(f, l))}
                                        classes={classes!(is_current.then_some("current"))}>{ &l.title }</Link<Route>>
                                </li>
                            }
                        }) }
                        if more > 0 {
                            <li class="more"><Link<Route> to={Route::Grades}>{ format!("and {more} more at grade {}", step.grade) }</Link<Route>></li>
                        }
                    </ul>
                </td>
            </tr>
        })
    });
    html! {
        <div class={style}>
            <table data-testid="grade-scale">
                <caption>{ format!("Grades and titles from {}", catalog.scale.source) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Grade" }</th>
                        <th scope="col" class="track">{ "Individual contributor" }</th>
                        <th scope="col" class="track">{ "Management" }</th>
                        <th scope="col">{ "Roles here" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// The grade scale page.
#[function_component]
pub fn GradesPage() -> Html {
    use_title("Grade scale");
    html! {
        <>
            <h1>{ "Grade scale" }</h1>
            <p>{ "Every job grade with its individual-contributor and management titles, and the roles in this catalog at each grade." }</p>
            <GradeScaleView />
        </>
    }
}

/// Sets the document title while the view is shown: `page` and the site's name ("Grade scale ·
/// Acme careers"), or the site's name and what it offers when `page` is empty (the home page).
/// When pre-rendering, records it for the page's `<title>`.
#[hook]
pub fn use_title(page: &str) {
    let site = use_site();
    let title = if page.is_empty() {
        format!("{}: job grades, expectations, ladders and pay", site.title)
    } else {
        format!("{page} · {}", site.title)
    };
    #[cfg(feature = "ssr")]
    crate::prerender::record_title(&title);
    use_effect_with(title, |title| {
        gloo::utils::document().set_title(title);
    });
}
