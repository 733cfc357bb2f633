//! A level's grade badge, its titles on the grade scale, and its hiring status.

use gradeladder_core::{HiringStatus, Level};
use yew::prelude::*;

use crate::data::catalog;

/// Properties of [`GradeFacts`].
#[derive(Properties, PartialEq)]
pub struct GradeFactsProps {
    /// The level.
    pub level: Level,
}

/// "Grade 9 · Principal / Senior Manager · Not hiring"; the parent styles `.facts`, `.grade`,
/// `.scale-title` and `.status`.
#[function_component]
pub fn GradeFacts(props: &GradeFactsProps) -> Html {
    let level = &props.level;
    let titles = level.grade.and_then(|g| catalog().scale.titles(g));
    html! {
        <div class="facts">
            { match level.grade {
                Some(g) => html! { <span class="grade" data-testid="grade">{ format!("Grade {g}") }</span> },
                None => html! { <span class="grade none" data-testid="grade">{ "No grade stated" }</span> },
            } }
            if let Some(titles) = titles {
                <span class="scale-title">{ titles }</span>
            }
            if level.hiring == HiringStatus::NotHiring {
                <span class="status" data-testid="not-hiring">{ "Not hiring: future level" }</span>
            }
        </div>
    }
}
