//! The company-wide grade scale: which title each grade carries on each track.

use serde::{Deserialize, Serialize};

/// One grade with its titles on the individual-contributor and management tracks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeStep {
    /// The grade number.
    pub grade: u8,
    /// Individual-contributor title, if the track has this grade.
    pub individual: Option<String>,
    /// Management title, if the track has this grade.
    pub management: Option<String>,
}

/// Grade → titles. Data, not code: replace it to describe another company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeScale {
    /// Where the table comes from, shown beside it.
    pub source: String,
    /// Grades in ascending order.
    pub steps: Vec<GradeStep>,
}

impl GradeScale {
    /// GitLab's public job-grade table (there is no grade 13).
    pub fn gitlab() -> GradeScale {
        let row = |grade: u8, individual: Option<&str>, management: Option<&str>| GradeStep {
            grade,
            individual: individual.map(str::to_owned),
            management: management.map(str::to_owned),
        };
        GradeScale {
            source: "GitLab job grades (GitLab handbook, compensation calculator)".to_owned(),
            steps: vec![
                row(4, Some("Intern"), None),
                row(5, Some("Junior / Associate"), None),
                row(6, Some("Intermediate"), None),
                row(7, Some("Senior"), None),
                row(8, Some("Staff"), Some("Manager")),
                row(9, Some("Principal"), Some("Senior Manager")),
                row(10, Some("Distinguished"), Some("Director")),
                row(11, Some("Senior Distinguished"), Some("Senior Director")),
                row(12, Some("Fellow"), Some("VP")),
                row(14, None, Some("EVP / CXO")),
                row(15, None, Some("CEO")),
            ],
        }
    }

    /// The row for a grade, if the scale has it.
    pub fn step(&self, grade: u8) -> Option<&GradeStep> {
        self.steps.iter().find(|step| step.grade == grade)
    }

    /// The grade's titles on both tracks, as shown beside a grade: "Principal / Senior Manager".
    pub fn titles(&self, grade: u8) -> Option<String> {
        let step = self.step(grade)?;
        let titles: Vec<&str> = [step.individual.as_deref(), step.management.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        (!titles.is_empty()).then(|| titles.join(" / "))
    }

    /// Whether the scale has this grade.
    pub fn contains(&self, grade: u8) -> bool {
        self.step(grade).is_some()
    }
}

impl Default for GradeScale {
    fn default() -> Self {
        GradeScale::gitlab()
    }
}
