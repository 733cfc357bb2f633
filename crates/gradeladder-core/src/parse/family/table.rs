//! A page's levels table (`| Title | Grade |`, `| Role | Grade |`, `| Level | Grade |`): the
//! (title, grade) rows it gives. Table rows reach the reader as paragraphs whose cells are
//! separated by ` | `; a table is a header row naming a title column and a grade column, then
//! the rows after it with a grade.

use crate::parse::blocks::{paragraphs_with_lines, Block};
use crate::parse::grade::{self, GradeStatement};
use crate::parse::sections::{inside_special, Kind, Section};
use crate::rich::{plain_of, Inline, RichText};
use crate::words::{slugify, title_key};

/// Highest number a bare grade cell is read as.
const MAX_GRADE: u8 = 20;

/// One title of a levels table with its grade.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TableLevel {
    /// The title as the cell gives it (a link's text when the cell is a link).
    pub(super) title: String,
    /// The in-page anchor the title links to (`#senior-x` → `senior-x`), if any.
    pub(super) anchor: Option<String>,
    /// The grade of its row.
    pub(super) grade: u8,
    /// 1-based line of the row.
    pub(super) line: u32,
}

impl TableLevel {
    /// Whether this row stands for the level titled `title` (slug `slug`): by the anchor it
    /// links to, or by the same title words.
    pub(super) fn names(&self, title: &str, slug: &str) -> bool {
        self.anchor.as_deref() == Some(slug)
            || self.anchor.as_deref() == Some(slugify(title).as_str())
            || title_key(&self.title) == title_key(title)
    }
}

/// Every title of every levels table on the page, in page order (a cell with several links,
/// one per line, gives several titles of the same grade).
pub(super) fn levels_tables(tree: &[Section]) -> Vec<TableLevel> {
    let mut found = Vec::new();
    for (index, section) in tree.iter().enumerate() {
        if !matches!(
            section.kind,
            Kind::Page | Kind::Levels | Kind::Other | Kind::JobGrade
        ) || inside_special(tree, index)
        {
            continue;
        }
        read_tables(&section.blocks, &mut found);
    }
    found
}

fn read_tables(blocks: &[Block], found: &mut Vec<TableLevel>) {
    let mut columns: Option<(usize, usize)> = None;
    for (text, line) in paragraphs_with_lines(blocks) {
        let Some(cells) = row_cells(text) else {
            columns = None;
            continue;
        };
        if let Some(header) = header_columns(&cells) {
            columns = Some(header);
            continue;
        }
        let Some((title_at, grade_at)) = columns else {
            continue;
        };
        let (Some(title), Some(grade)) = (cells.get(title_at), cells.get(grade_at)) else {
            continue;
        };
        let Some(grade) = cell_grade(grade) else {
            continue;
        };
        for (title, anchor) in cell_titles(title) {
            found.push(TableLevel {
                title,
                anchor,
                grade,
                line,
            });
        }
    }
}

/// Whether a paragraph is a table row.
pub(super) fn is_row(text: &RichText) -> bool {
    row_cells(text).is_some()
}

/// The cells of a table row paragraph, or `None` when the paragraph is not one.
fn row_cells(text: &RichText) -> Option<Vec<Vec<Inline>>> {
    let ends_like_a_row =
        matches!(text.0.last(), Some(Inline::Text(t)) if t.trim_end().ends_with('|'));
    if !ends_like_a_row {
        return None;
    }
    let mut cells: Vec<Vec<Inline>> = vec![Vec::new()];
    for inline in &text.0 {
        match inline {
            Inline::Text(t) if t.contains('|') => {
                let mut parts = t.split('|');
                if let Some(first) = parts.next() {
                    push_text(cells.last_mut().expect("one cell"), first);
                }
                for part in parts {
                    cells.push(Vec::new());
                    push_text(cells.last_mut().expect("one cell"), part);
                }
            }
            other => cells.last_mut().expect("one cell").push(other.clone()),
        }
    }
    // The text after the last `|` is no cell.
    cells.pop();
    (cells.len() >= 2).then_some(cells)
}

fn push_text(cell: &mut Vec<Inline>, text: &str) {
    if !text.trim().is_empty() {
        cell.push(Inline::Text(text.to_owned()));
    }
}

/// (title column, grade column) when `cells` is a header row such as `| Role | Grade |`.
fn header_columns(cells: &[Vec<Inline>]) -> Option<(usize, usize)> {
    let names: Vec<String> = cells
        .iter()
        .map(|c| plain_of(c).trim().to_ascii_lowercase())
        .collect();
    let grade = names
        .iter()
        .position(|n| n == "grade" || n == "job grade" || n == "grades")?;
    let title = names.iter().position(|n| {
        matches!(
            n.as_str(),
            "title" | "role" | "level" | "job title" | "position" | "job" | "name" | "roles"
        )
    })?;
    Some((title, grade))
}

/// The grade of a grade cell: `6`, `Grade 6`, `[Grade 8](…)`.
fn cell_grade(cell: &[Inline]) -> Option<u8> {
    let text = RichText(cell.to_vec());
    if let Some(GradeStatement::Grades(grades)) = grade::find(&text) {
        return (grades.len() == 1).then(|| grades[0]);
    }
    let plain = plain_of(cell);
    let number: u8 = plain.trim().parse().ok()?;
    (number <= MAX_GRADE).then_some(number)
}

/// The titles of a title cell: each link's text when it holds several links, else its text.
fn cell_titles(cell: &[Inline]) -> Vec<(String, Option<String>)> {
    let links: Vec<(String, Option<String>)> = cell
        .iter()
        .filter_map(|inline| match inline {
            Inline::Link { href, children } => {
                let anchor = href.strip_prefix('#').map(str::to_owned);
                Some((plain_of(children).trim().to_owned(), anchor))
            }
            _ => None,
        })
        .filter(|(title, _)| !title.is_empty())
        .collect();
    if links.len() >= 2 {
        return links;
    }
    let title = plain_of(cell).trim().to_owned();
    if title.is_empty() {
        return Vec::new();
    }
    let anchor = links.into_iter().next().and_then(|(_, anchor)| anchor);
    vec![(title, anchor)]
}
