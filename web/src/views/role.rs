//! The role view: grade, hiring status, what is expected, hiring process, ladder, grade scale, pay.

use gradeladder_core::expectations::expected_lists;
use gradeladder_core::{ladder, Family, Level, LevelId};
use stylist::yew::styled_component;
use yew::prelude::*;
use yew_router::prelude::*;

use super::grade::grade_facts;
use super::grades::{use_title, GradeScaleView};
use super::items::{expected_list_sections, item_list};
use super::ladder::LadderView;
use super::not_found::NotFound;
use super::pay::RoutedPayPanel;
use super::posting_slot::PostingSlot;
use super::rich::rich;
use crate::data::{use_site, SharedFamily};
use crate::route::Route;
use crate::takeover::later;

/// Properties of [`RolePage`].
#[derive(Properties, PartialEq)]
pub struct RolePageProps {
    /// Family slug.
    pub family: String,
    /// Level slug.
    pub level: String,
}

/// One role in full, or not-found with suggestions.
#[function_component]
pub fn RolePage(props: &RolePageProps) -> Html {
    let site = use_site();
    let catalog = &site.catalog;
    let found = catalog
        .get(&LevelId::new(&props.family, &props.level))
        .and_then(|found| {
            let family = SharedFamily::new(catalog, &found.family.slug)?;
            Some((family, found.level.clone()))
        });
    match found {
        Some((family, level)) => html! { <RoleView {family} {level} /> },
        None => html! { <NotFound hint={format!("{} {}", props.family, props.level)} /> },
    }
}

/// Properties of [`RoleView`].
#[derive(Properties, PartialEq)]
pub struct RoleViewProps {
    /// The family.
    pub family: SharedFamily,
    /// The level shown.
    pub level: Level,
}

/// The role page body.
#[styled_component]
pub fn RoleView(props: &RoleViewProps) -> Html {
    let (family, level): (&Family, &Level) = (&props.family, &props.level);
    let site = use_site();
    use_title(&level.title);
    let id = LevelId::of(family, level);
    let rebuild = use_force_update();
    use_effect_with(id.clone(), |_| {
        // Marked on the next animation frame, once the new view has been painted.
        let frame =
            gloo::render::request_animation_frame(|_| crate::mark(crate::MARK_ROLE_PAINTED));
        move || drop(frame)
    });
    let style = css!(
        r#"
        .family { color: var(--gl-muted); margin: 0; }
        h1 { margin: .1rem 0 .5rem; line-height: 1.2; }
        .facts { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .75rem; }
        .grade { background: var(--gl-accent); color: var(--gl-accent-text); border-radius: 999px; padding: .2rem .8rem; font-weight: 700; }
        .grade.none { background: transparent; color: var(--gl-muted); border: 1px dashed var(--gl-border); }
        .scale-title { color: var(--gl-muted); }
        .status { border: 1px solid var(--gl-border); border-radius: 999px; padding: .1rem .6rem; font-size: var(--gl-text-small); }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0 1rem; }
        .actions a, .actions button { font: inherit; font-size: var(--gl-text-small); padding: .4rem .8rem; border-radius: 8px; border: 1px solid var(--gl-accent);
                 background: var(--gl-surface); color: var(--gl-accent); text-decoration: none; cursor: pointer; }
        .actions .jump-to-pay { display: none; }
        section.card { background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: var(--gl-radius); padding: 1rem 1.2rem; margin: 1rem 0; }
        section.card h2 { margin-top: 0; }
        .open-posting { font: inherit; padding: .5rem 1rem; border-radius: 8px; border: 1px solid var(--gl-accent);
                        background: var(--gl-accent); color: var(--gl-accent-text); font-weight: 700; cursor: pointer; }
        ul.items li { margin: .25rem 0; }
        details.inherited-group { margin-top: .5rem; }
        details.inherited-group summary { cursor: pointer; color: var(--gl-accent); font-weight: 700; }
        .columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.25rem; }
        .columns section.card { content-visibility: auto; contain-intrinsic-size: auto 32rem; }
        @media (max-width: 999px) { .actions .jump-to-pay { display: inline-block; } }
        @media (min-width: 1000px) {
          .columns { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
          .side { position: sticky; top: 1rem; align-self: start; }
        }
        ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--gl-accent-soft); }
        ol.timeline li { position: relative; padding: .25rem 0 .6rem 1rem; }
        ol.timeline li::before { content: ""; position: absolute; left: -8px; top: .6rem; width: 13px; height: 13px; border-radius: 50%; background: var(--gl-accent); }
        .duration { font-weight: 700; margin-right: .4rem; }
        .muted { color: var(--gl-muted); }
        @media print { section.card { border: none; padding: 0; margin: .5rem 0; content-visibility: visible; } .ladder, .scale { display: none; } }
        "#
    );
    // Under 1000 px the pay panel comes after everything else: a button takes keyboard focus
    // (and the view) straight there.
    let pay_section = use_node_ref();
    let jump_to_pay = {
        let pay_section = pay_section.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(section) = pay_section.cast::<web_sys::HtmlElement>() {
                let _ = section.focus();
                // Focus alone may centre a panel taller than the screen; show it from its top.
                section.scroll_into_view();
            }
        })
    };
    let next = ladder::next_level(family, level);
    let route = Route::role(&id);
    let total_minutes: u32 = family.hiring_process.iter().filter_map(|s| s.minutes).sum();
    let timed_steps = family
        .hiring_process
        .iter()
        .filter(|s| s.minutes.is_some())
        .count();

    html! {
        <article class={style} data-testid="role">
            <p class="family">{ &family.title }</p>
            <h1>{ &level.title }</h1>
            { grade_facts(level, &site.catalog.scale) }
            if let Some(reports) = &family.reports_to {
                <p>{ rich(reports) }</p>
            }
            { for level.summary.iter().map(|p| html! { <p>{ rich(p) }</p> }) }
            <div class="actions no-print">
                if let Some(next) = next {
                    <Link<Route> to={Route::compare(&id, &LevelId::of(family, next))}>
                        { format!("Compare with next level: {}", next.title) }
                    </Link<Route>>
                }
                <CopyLink />
                <button type="button" class="jump-to-pay" onclick={jump_to_pay} data-testid="jump-to-pay">
                    { "Estimated pay " }<span aria-hidden="true">{ "↓" }</span>
                </button>
            </div>
            <section class="card ladder" aria-labelledby="ladder-heading">
                <h2 id="ladder-heading">{ "Career ladder" }</h2>
                <LadderView family={props.family.clone()} current={id.clone()} />
                { for family.ladder.notes.iter().map(|n| html! { <p class="muted">{ rich(n) }</p> }) }
            </section>
            <div class="columns">
                { later("main-column", &rebuild, || html! {
                <div class="main-column">
            { expected_list_sections(&expected_lists(family, level)) }
            if !family.performance_indicators.is_empty() {
                <section class="card" aria-labelledby="pi-heading">
                    <h2 id="pi-heading">{ "Performance indicators" }</h2>
                    { item_list(&family.performance_indicators) }
                </section>
            }
            if !family.hiring_process.is_empty() {
                <section class="card" aria-labelledby="hiring-heading">
                    <h2 id="hiring-heading">{ "Hiring process" }</h2>
                    if total_minutes > 0 {
                        <p data-testid="hiring-total">{ format!("{} steps; {timed_steps} timed interviews add up to {}.", family.hiring_process.len(), duration(total_minutes)) }</p>
                    }
                    <ol class="timeline">
                        { for family.hiring_process.iter().map(|step| html! {
                            <li>
                                if let Some(m) = step.minutes {
                                    <span class="duration">{ format!("{m} min") }</span>
                                }
                                { rich(&step.text) }
                            </li>
                        }) }
                    </ol>
                </section>
            }
            if !family.specialties.is_empty() {
                <section class="card" aria-labelledby="specialties-heading">
                    <h2 id="specialties-heading">{ "Specialties" }</h2>
                    { for family.specialties.iter().map(|s| html! {
                        <>
                            <h3>{ &s.title }</h3>
                            { for s.description.iter().map(|p| html! { <p>{ rich(p) }</p> }) }
                            { item_list(&s.items) }
                        </>
                    }) }
                </section>
            }
                </div>
                }) }
                { later("side", &rebuild, || html! {
                <aside class="side" aria-label="Pay and grade">
            <section class="card pay-section" tabindex="-1" ref={pay_section}>
                <RoutedPayPanel level={level.clone()} route={route.clone()} />
            </section>
            <section class="card scale" aria-labelledby="scale-heading">
                <h2 id="scale-heading">{ "Where it sits on the grade scale" }</h2>
                <GradeScaleView highlight={Some(id.clone())} compact=true />
            </section>
                </aside>
                }) }
            </div>
            <PostingSlot id={id.clone()} {route} />
            <p class="muted">{ format!("Source: {}. {}", family.source, site.source) }</p>
        </article>
    }
}

/// "3 h 45 min".
fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Copies the page's address (with every choice in it) to the clipboard.
#[function_component]
pub fn CopyLink() -> Html {
    let copied = use_state(|| false);
    let onclick = {
        let copied = copied.clone();
        Callback::from(move |_| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let copied = copied.clone();
            crate::clipboard::copy(&href, Callback::from(move |ok| copied.set(ok)));
        })
    };
    html! {
        <>
            <button type="button" {onclick} data-testid="copy-link">{ if *copied { "Link copied" } else { "Copy link" } }</button>
            <span class="visually-hidden" role="status">{ if *copied { "Link copied to the clipboard" } else { "" } }</span>
        </>
    }
}
