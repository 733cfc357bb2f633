//! Which sections of a page introduce a level, and the level each one starts.

use foldhash::HashSet;

use crate::model::Level;
use crate::model::ListKind;
use crate::parse::blocks::paragraphs_with_lines;
use crate::parse::grade::{self, GradeStatement};
use crate::parse::sections::{ancestors, inside_special, Kind, Section};

/// Sections that introduce a level, in page order.
pub(super) fn find_levels(tree: &[Section]) -> Vec<usize> {
    // (parent, name) of every "X Job Grade" / "X Responsibilities" / "X Requirements" heading.
    let named_by_prefix: HashSet<(Option<usize>, &[String])> = tree
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                Kind::JobGrade
                    | Kind::List(ListKind::Responsibilities)
                    | Kind::List(ListKind::Requirements)
            ) && !s.prefix_key.is_empty()
        })
        .map(|s| (s.parent, s.prefix_key.as_slice()))
        .collect();
    let mut is_level = vec![false; tree.len()];
    for (index, section) in tree.iter().enumerate().skip(1) {
        if section.kind != Kind::Other || inside_special(tree, index) {
            continue;
        }
        let parent = section.parent.map(|p| &tree[p]);
        let under_levels = parent.is_some_and(|p| p.kind == Kind::Levels);
        let has_grade_child = section.children.iter().any(|&c| {
            tree[c].kind == Kind::JobGrade
                && (tree[c].prefix_key.is_empty() || tree[c].prefix_key == section.title_key)
        });
        let named_by_sibling =
            named_by_prefix.contains(&(section.parent, section.title_key.as_slice()));
        let own_grade_line = paragraphs_with_lines(&section.blocks).any(
            |(p, _)| matches!(grade::find(p), Some(GradeStatement::Grades(g)) if g.len() == 1),
        );
        let top_level_grade_line = parent.is_some_and(|p| p.kind == Kind::Page) && own_grade_line;
        let nested_in_level = ancestors(tree, index).any(|a| is_level[a]);
        // Inside a level, a heading that states a grade of its own and has lists named after it
        // ("### Managing X", "The Managing X is a grade 8", "### Managing X Responsibilities")
        // is a level of its own, not a part of the enclosing one.
        let own_level_inside_level = nested_in_level && own_grade_line && named_by_sibling;
        if own_level_inside_level
            || (!nested_in_level
                && (under_levels || has_grade_child || named_by_sibling || top_level_grade_line))
        {
            is_level[index] = true;
        }
    }
    // A prefixed "X Job Grade" heading naming no level section introduces level X itself.
    let level_names: HashSet<&[String]> = (0..tree.len())
        .filter(|&i| is_level[i])
        .map(|i| tree[i].title_key.as_slice())
        .collect();
    for (index, section) in tree.iter().enumerate() {
        if section.kind == Kind::JobGrade
            && !section.prefix_key.is_empty()
            && !inside_special(tree, index)
            && !level_names.contains(section.prefix_key.as_slice())
            && !ancestors(tree, index).any(|a| is_level[a])
        {
            is_level[index] = true;
        }
    }
    (0..tree.len()).filter(|&i| is_level[i]).collect()
}

/// Normalised key of the level a section introduces.
pub(super) fn level_key(section: &Section) -> &[String] {
    if section.kind == Kind::JobGrade {
        &section.prefix_key
    } else {
        &section.title_key
    }
}

pub(super) fn level_title(section: &Section) -> String {
    if section.kind == Kind::JobGrade {
        section.prefix.clone()
    } else {
        section.title.plain()
    }
}

/// A level as its section introduces it: titled, not yet graded, slugged or filled.
pub(super) fn new_level(section: &Section) -> Level {
    Level::named(level_title(section), section.line)
}
