//! A level's grade badge, its titles on the grade scale, and its hiring status.

use gradeladder_core::{GradeScale, HiringStatus, Level};
use yew::prelude::*;

/// "Grade 9 · Principal / Senior Manager · Not hiring"; the parent styles `.facts`, `.grade`,
/// `.scale-title` and `.status`.
pub fn grade_facts(level: &Level, scale: &GradeScale) -> Html {
    let titles = level.grade.and_then(|g| scale.titles(g));
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
