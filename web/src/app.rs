//! The root component: the catalog's families with their levels and grades.

use gradeladder_core::{Family, GradeScale, Level};
use stylist::yew::{styled_component, Global};
use yew::prelude::*;

use crate::data::catalog;
use crate::theme;

/// The whole app.
#[styled_component]
pub fn App() -> Html {
    let catalog = catalog();
    let page = css!(
        r#"
        max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 3rem;
        header h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
        header p { margin: 0; color: var(--gl-muted); }
        "#
    );
    html! {
        <>
            <Global css={theme::global()} />
            <div class={page}>
                <header>
                    <h1>{ "Gradeladder" }</h1>
                    <p>{ format!("{} roles in {} job families, with their job grades.", catalog.levels().count(), catalog.families.len()) }</p>
                </header>
                <main id="main">
                    { for catalog.families.iter().map(|family| html! {
                        <FamilyCard family={family.clone()} scale={catalog.scale.clone()} />
                    }) }
                </main>
            </div>
        </>
    }
}

/// Properties of [`FamilyCard`].
#[derive(Properties, PartialEq)]
pub struct FamilyCardProps {
    /// The family to show.
    pub family: Family,
    /// Grade titles.
    pub scale: GradeScale,
}

/// One family with its levels.
#[styled_component]
pub fn FamilyCard(props: &FamilyCardProps) -> Html {
    let card = css!(
        r#"
        background: var(--gl-surface); border: 1px solid var(--gl-border); border-radius: var(--gl-radius);
        padding: 1rem 1.25rem; margin-top: 1rem;
        h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
        ul { list-style: none; margin: 0; padding: 0; }
        "#
    );
    html! {
        <section class={card} aria-labelledby={format!("family-{}", props.family.slug)}>
            <h2 id={format!("family-{}", props.family.slug)}>{ &props.family.title }</h2>
            <ul>
                { for props.family.levels.iter().map(|level| html! {
                    <LevelRow level={level.clone()} scale={props.scale.clone()} />
                }) }
            </ul>
        </section>
    }
}

/// Properties of [`LevelRow`].
#[derive(Properties, PartialEq)]
pub struct LevelRowProps {
    /// The level to show.
    pub level: Level,
    /// Grade titles.
    pub scale: GradeScale,
}

/// A level's title and grade badge.
#[styled_component]
pub fn LevelRow(props: &LevelRowProps) -> Html {
    let row = css!(
        r#"
        display: flex; align-items: center; gap: .75rem; padding: .4rem 0;
        border-top: 1px solid var(--gl-border);
        &:first-child { border-top: none; }
        .badge { min-width: 4.5rem; text-align: center; font-weight: 600; font-size: .85rem;
                 background: var(--gl-accent); color: var(--gl-accent-text); border-radius: 999px; padding: .15rem .6rem; }
        .badge.none { background: transparent; color: var(--gl-muted); border: 1px dashed var(--gl-border); }
        .scale { color: var(--gl-muted); font-size: .85rem; }
        "#
    );
    let level = &props.level;
    let scale_title = level.grade.and_then(|g| props.scale.step(g)).map(|step| {
        [step.individual.as_deref(), step.management.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" / ")
    });
    html! {
        <li class={row} data-testid="level" data-grade={level.grade.map(|g| g.to_string())}>
            { match level.grade {
                Some(g) => html! { <span class="badge">{ format!("Grade {g}") }</span> },
                None => html! { <span class="badge none">{ "No grade" }</span> },
            } }
            <span class="title">{ &level.title }</span>
            { for scale_title.map(|t| html! { <span class="scale">{ t }</span> }) }
        </li>
    }
}
