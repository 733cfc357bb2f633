//! Which sections of a page introduce a level, and the level each one starts.

use foldhash::HashSet;

use crate::model::Level;
use crate::model::ListKind;
use crate::parse::blocks::paragraphs_with_lines;
use crate::parse::grade::{self, GradeStatement};
use crate::parse::sections::{ancestors, inside_special, special_ancestor, Kind, Section};
use crate::words::{similarity, title_key};

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
    // Headings that have a level's lists but no other sign of being one, for the second pass.
    let mut with_lists_only: Vec<usize> = Vec::new();
    for (index, section) in tree.iter().enumerate().skip(1) {
        if section.kind != Kind::Other {
            continue;
        }
        let evidence = Evidence::of(tree, index, &named_by_prefix);
        let allowed_here = match special_ancestor(tree, index) {
            None => true,
            // A focus area is a specialty unless it has a Job Grade of its own.
            Some(Kind::Specialties) => evidence.grade_child,
            // A heading misplaced under "Performance Indicators" and the like is still a level
            // when it has a level's lists.
            Some(_) => evidence.grade_child || evidence.own_lists,
        };
        if !allowed_here {
            continue;
        }
        let parent = section.parent.map(|p| &tree[p]);
        let under_levels = parent.is_some_and(|p| p.kind == Kind::Levels);
        let top_level_grade_line =
            parent.is_some_and(|p| p.kind == Kind::Page) && evidence.grade_line;
        let nested_in_level = ancestors(tree, index).any(|a| is_level[a]);
        // Inside a level, a heading that states a grade of its own and has lists named after it
        // ("### Managing X", "The Managing X is a grade 8", "### Managing X Responsibilities")
        // is a level of its own, not a part of the enclosing one.
        let own_level_inside_level =
            nested_in_level && evidence.grade_line && evidence.named_by_sibling;
        if own_level_inside_level
            || (!nested_in_level
                && (under_levels
                    || evidence.grade_child
                    || evidence.named_by_sibling
                    || top_level_grade_line
                    || evidence.grade_line_naming_it))
        {
            is_level[index] = true;
        } else if evidence.own_lists && !nested_in_level {
            with_lists_only.push(index);
        }
    }
    add_levels_by_their_lists(tree, &with_lists_only, &mut is_level);
    drop_groups(tree, &mut is_level);
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

/// What a heading's section says about it being a level.
struct Evidence {
    /// It has a "Job Grade" sub-heading (unprefixed, or prefixed with its own title).
    grade_child: bool,
    /// A sibling "X Job Grade" / "X Responsibilities" / "X Requirements" heading names it.
    named_by_sibling: bool,
    /// Its own paragraphs state exactly one grade.
    grade_line: bool,
    /// … in a sentence whose subject is this heading's title, or a generic "the role".
    grade_line_naming_it: bool,
    /// It has "Responsibilities" or "Requirements" sub-headings of its own.
    own_lists: bool,
}

impl Evidence {
    fn of(
        tree: &[Section],
        index: usize,
        named_by_prefix: &HashSet<(Option<usize>, &[String])>,
    ) -> Evidence {
        let section = &tree[index];
        let child_named_for_it =
            |c: &usize| tree[*c].prefix_key.is_empty() || tree[*c].prefix_key == section.title_key;
        let grade_child = section
            .children
            .iter()
            .any(|c| tree[*c].kind == Kind::JobGrade && child_named_for_it(c));
        let own_lists = section.children.iter().any(|c| {
            matches!(
                tree[*c].kind,
                Kind::List(ListKind::Responsibilities) | Kind::List(ListKind::Requirements)
            ) && child_named_for_it(c)
        });
        let grade_sentence = paragraphs_with_lines(&section.blocks).find(
            |(p, _)| matches!(grade::find(p), Some(GradeStatement::Grades(g)) if g.len() == 1),
        );
        let grade_line_naming_it = grade_sentence.is_some_and(|(p, _)| {
            grade::subject(p).is_none_or(|subject| {
                let key = title_key(&subject);
                key.is_empty() || similarity(&key, &section.title_key) >= 0.5
            })
        });
        Evidence {
            grade_child,
            named_by_sibling: named_by_prefix
                .contains(&(section.parent, section.title_key.as_slice())),
            grade_line: grade_sentence.is_some(),
            grade_line_naming_it,
            own_lists,
        }
    }
}

/// Headings with Responsibilities or Requirements of their own (`candidates`) are levels too
/// when they stand beside a level ("## Director of Widgets" after "## Widget Manager"), or when
/// the page has no other level and two or more of them stand side by side ("## Widget CTO",
/// "## Director, Widget CTO"). One such heading alone on a page is the page's introduction to its
/// one level, not a level of its own name.
fn add_levels_by_their_lists(tree: &[Section], candidates: &[usize], is_level: &mut [bool]) {
    let any_level = is_level.iter().any(|&l| l);
    let mut beside: foldhash::HashMap<Option<usize>, usize> = Default::default();
    for &c in candidates {
        *beside.entry(tree[c].parent).or_default() += 1;
    }
    let sibling_is_level = |c: usize, is_level: &[bool]| {
        tree[c]
            .parent
            .is_some_and(|p| tree[p].children.iter().any(|&s| is_level[s]))
    };
    let chosen: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| {
            !ancestors(tree, c).any(|a| is_level[a])
                && (sibling_is_level(c, is_level)
                    || (!any_level && beside.get(&tree[c].parent).is_some_and(|&n| n >= 2)))
        })
        .collect();
    for c in chosen {
        is_level[c] = true;
    }
}

/// Un-marks every level heading that only groups other levels ("## Leadership", "### Widget
/// track"): it has a level below it and neither a grade nor lists of its own.
fn drop_groups(tree: &[Section], is_level: &mut [bool]) {
    let mut has_level_below = vec![false; tree.len()];
    for index in (1..tree.len()).rev() {
        if is_level[index] || has_level_below[index] {
            if let Some(parent) = tree[index].parent {
                has_level_below[parent] = true;
            }
        }
    }
    for index in 1..tree.len() {
        if is_level[index] && has_level_below[index] && tree[index].kind == Kind::Other {
            let section = &tree[index];
            let named = |c: &usize| {
                tree[*c].prefix_key.is_empty() || tree[*c].prefix_key == section.title_key
            };
            let own = section
                .children
                .iter()
                .any(|c| matches!(tree[*c].kind, Kind::JobGrade | Kind::List(_)) && named(c));
            let grade_line = paragraphs_with_lines(&section.blocks)
                .any(|(p, _)| matches!(grade::find(p), Some(GradeStatement::Grades(_))));
            if !own && !grade_line {
                is_level[index] = false;
            }
        }
    }
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
