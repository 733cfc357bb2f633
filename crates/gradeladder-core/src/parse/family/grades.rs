//! Grades for a page's levels: each level's own grade sentence first, then what the page says for
//! all of them ("The roles described below are grades 6, 7, 8"), then one diagnostic per level
//! still without a grade. A grade is never guessed.

use crate::diagnostics::{Code, Severity};
use crate::model::{Family, Level, ListKind};
use crate::parse::context::{DiagnosticSink, PageContext};
use crate::parse::grade::{self, GradeStatement};
use crate::rich::RichText;
use crate::words::{slugify, title_key};

use super::table::{self, TableLevel};

/// A paragraph that may state a grade, with its line.
pub(super) type GradeText<'t> = (&'t RichText, u32);

/// The texts that may state grades: those of each level (by index) and those of the page.
pub(super) struct GradeTexts<'t> {
    /// Per level, in page order.
    pub(super) levels: Vec<Vec<GradeText<'t>>>,
    /// Under the page or a "Levels" heading, owned by no level.
    pub(super) page: Vec<GradeText<'t>>,
    /// Under any other heading owned by no level ("An overview of this role").
    pub(super) elsewhere: Vec<GradeText<'t>>,
    /// Where the page's body starts (its first heading or paragraph): a page that is one level
    /// and states no grade is reported there.
    pub(super) body_line: u32,
}

impl<'t> GradeTexts<'t> {
    /// No texts yet for `levels` levels.
    pub(super) fn new(levels: usize) -> Self {
        GradeTexts {
            levels: vec![Vec::new(); levels],
            page: Vec::new(),
            elsewhere: Vec::new(),
            body_line: 1,
        }
    }

    /// Adds texts for level `level`, or for the page when `None`.
    pub(super) fn add(
        &mut self,
        level: Option<usize>,
        texts: impl IntoIterator<Item = GradeText<'t>>,
    ) {
        match level {
            Some(l) => self.levels[l].extend(texts),
            None => self.page.extend(texts),
        }
    }
}

/// Sets the grade of every level the page grades and reports the others. Returns the family's
/// base level when a page-wide grade sentence names a role that has no section of its own.
pub(super) fn assign(
    family: &mut Family,
    texts: &GradeTexts,
    table: &[TableLevel],
    context: &PageContext,
    sink: &mut DiagnosticSink,
) -> Option<Level> {
    let mut no_grade_stated = own_grades(family, &texts.levels);
    grades_from_table(family, table, sink);
    // Rows of a levels table were read above; a page-wide sentence is prose.
    let page_statement = texts
        .page
        .iter()
        .filter(|(text, _)| !table::is_row(text))
        .find_map(|(text, line)| grade::find(text).map(|s| (s, *text, *line)));
    let mut base_level = None;
    if family.levels.is_empty() && !table.is_empty() {
        // A levels table with no level sections: each title is a level.
        for row in table {
            let mut level = Level::named(row.title.clone(), row.line);
            level.grade = Some(row.grade);
            family.levels.push(level);
            no_grade_stated.push(false);
        }
    } else if family.levels.is_empty() && several_graded_sentences(&texts.page).len() >= 2 {
        // "The X is a grade 6. The Senior X is a grade 7. …": each sentence is a level.
        for (title, grade, line) in several_graded_sentences(&texts.page) {
            let mut level = Level::named(title, line);
            level.grade = Some(grade);
            family.levels.push(level);
            no_grade_stated.push(false);
        }
    } else if family.levels.is_empty() {
        // A page that is one level states its grade wherever it likes.
        let statement = page_statement.or_else(|| {
            texts
                .elsewhere
                .iter()
                .find_map(|(text, line)| match grade::find(text) {
                    Some(GradeStatement::Grades(grades)) if grades.len() == 1 => {
                        Some((GradeStatement::Grades(grades), *text, *line))
                    }
                    _ => None,
                })
        });
        let (level, says_no_grade) = page_as_level(family, statement.as_ref(), texts.body_line);
        family.levels.push(level);
        no_grade_stated.push(says_no_grade);
    } else if let Some((GradeStatement::Grades(grades), text, line)) = &page_statement {
        base_level = distribute_page_grades(family, grades, text, *line, sink);
    }
    report_ungraded(family, &no_grade_stated, context, sink);
    base_level
}

/// Grades the levels table gives to levels that state none; a level whose own section states
/// another grade keeps it, with a warning.
fn grades_from_table(family: &mut Family, table: &[TableLevel], sink: &mut DiagnosticSink) {
    for level in family.levels.iter_mut() {
        let slug = slugify(&level.title);
        let Some(row) = table.iter().find(|row| row.names(&level.title, &slug)) else {
            continue;
        };
        match level.grade {
            None => level.grade = Some(row.grade),
            Some(own) if own != row.grade => sink.report_line(
                row.line,
                Severity::Warning,
                Code::GradeConflict,
                &format!(
                    "the levels table gives \"{}\" grade {}, its Job Grade section says {own}; grade {own} is kept",
                    level.title, row.grade
                ),
            ),
            Some(_) => {}
        }
    }
}

/// The (subject, grade, line) of each sentence of the page texts that states one grade for a
/// role, when their subjects differ.
fn several_graded_sentences(texts: &[GradeText]) -> Vec<(String, u8, u32)> {
    let mut found: Vec<(String, u8, u32)> = Vec::new();
    for (text, line) in texts {
        let plain = text.plain();
        for sentence in plain.split(". ") {
            let sentence = RichText::from_plain(sentence.trim());
            let (Some(GradeStatement::Grades(grades)), Some(subject)) =
                (grade::find(&sentence), grade::subject(&sentence))
            else {
                continue;
            };
            let key = title_key(&subject);
            let new = !found.iter().any(|(s, _, _)| title_key(s) == key);
            if grades.len() == 1 && !key.is_empty() && new {
                found.push((subject, grades[0], *line));
            }
        }
    }
    found
}

/// Each level's first grade sentence; returns, per level, whether it says there is no grade.
fn own_grades(family: &mut Family, texts: &[Vec<GradeText>]) -> Vec<bool> {
    let mut no_grade_stated = vec![false; family.levels.len()];
    for (l, texts) in texts.iter().enumerate() {
        let statement = texts.iter().find_map(|(text, _)| grade::find(text));
        match statement {
            Some(GradeStatement::Grades(grades)) => {
                family.levels[l].grade = grades.first().copied()
            }
            Some(GradeStatement::NoGrade) => no_grade_stated[l] = true,
            None => {}
        }
    }
    no_grade_stated
}

/// A page with no level heading is one level, named by its grade sentence or its title and
/// holding the page's lists. Also returns whether the page says the level has no grade.
fn page_as_level(
    family: &mut Family,
    statement: Option<&(GradeStatement, &RichText, u32)>,
    body_line: u32,
) -> (Level, bool) {
    let (title, line) = match statement {
        Some((_, text, line)) => (
            grade::subject(text)
                .map(strip_role_word)
                .unwrap_or_else(|| family.title.clone()),
            *line,
        ),
        None => (family.title.clone(), body_line),
    };
    let (grade, says_no_grade) = match statement {
        Some((GradeStatement::Grades(grades), _, _)) => (grades.first().copied(), false),
        Some((GradeStatement::NoGrade, _, _)) => (None, true),
        None => (None, false),
    };
    let mut level = Level::named(title, line);
    level.grade = grade;
    for kind in ListKind::ALL {
        *level.list_mut(kind) = std::mem::take(family.list_mut(kind));
    }
    (level, says_no_grade)
}

/// "The roles described below are grades: 6, 7, 8": one grade per ungraded level, in order. A
/// single page-wide "The X is a grade 6" naming no level section is the family's base level X,
/// which is returned.
fn distribute_page_grades(
    family: &mut Family,
    grades: &[u8],
    text: &RichText,
    line: u32,
    sink: &mut DiagnosticSink,
) -> Option<Level> {
    let ungraded: Vec<usize> = (0..family.levels.len())
        .filter(|&l| family.levels[l].grade.is_none())
        .collect();
    let base_title = grade::subject(text).map(strip_role_word);
    let names_no_level = base_title.as_ref().is_some_and(|title| {
        let key = title_key(title);
        !family.levels.iter().any(|l| title_key(&l.title) == key)
    });
    if grades.len() == 1 && names_no_level && ungraded.len() != 1 {
        let mut base = Level::named(base_title.unwrap_or_else(|| family.title.clone()), line);
        base.grade = Some(grades[0]);
        return Some(base);
    }
    if grades.len() == ungraded.len() {
        for (&l, &g) in ungraded.iter().zip(grades) {
            family.levels[l].grade = Some(g);
        }
    } else if grades.len() == 1 && ungraded.len() == family.levels.len() && ungraded.len() == 1 {
        family.levels[0].grade = Some(grades[0]);
    } else if !ungraded.is_empty() {
        sink.report_line(
            line,
            Severity::Info,
            Code::MissingGrade,
            &format!(
                "the page lists {} grade(s) for {} level(s) without one; not assigned",
                grades.len(),
                ungraded.len()
            ),
        );
    }
    None
}

/// One diagnostic per level whose grade is missing, said to be none, or off the scale.
fn report_ungraded(
    family: &Family,
    no_grade_stated: &[bool],
    context: &PageContext,
    sink: &mut DiagnosticSink,
) {
    for (level, &says_none) in family.levels.iter().zip(no_grade_stated) {
        let (line, title) = (level.line, &level.title);
        match level.grade {
            Some(g) if !context.scale_has(g) => sink.report_line(
                line,
                Severity::Warning,
                Code::GradeOutOfScale,
                &format!("level \"{title}\" has grade {g}, which is not on the grade scale"),
            ),
            Some(_) => {}
            None if says_none => sink.report_line(
                line,
                Severity::Info,
                Code::NoGradeStated,
                &format!("the page says level \"{title}\" has no job grade"),
            ),
            // A warning: the level is shown with "No grade stated", never a guessed grade, and
            // real handbook pages do have ungraded levels; it is for the maintainer to add one.
            None => sink.report_line(
                line,
                Severity::Warning,
                Code::MissingGrade,
                &format!(
                    "level \"{title}\" has no job grade; add a \"Job Grade\" section saying \"is a grade N\""
                ),
            ),
        }
    }
}

/// "Engineering Manager role" → "Engineering Manager".
fn strip_role_word(subject: String) -> String {
    subject
        .strip_suffix(" role")
        .or_else(|| subject.strip_suffix(" position"))
        .map(str::to_owned)
        .unwrap_or(subject)
}
