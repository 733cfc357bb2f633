//! Which level owns each section: by name ("Director, X Responsibilities"), by nesting, or by
//! order (an unnamed list heading right after a level heading).

use foldhash::{HashMap, HashMapExt};

use super::levels::level_key;
use crate::parse::sections::{ancestors, Kind, Section};

/// Which level (index into `levels`) each section belongs to, if any.
pub(super) fn owners(tree: &[Section], levels: &[usize]) -> Vec<Option<usize>> {
    let mut owner = vec![None; tree.len()];
    // The level each level section introduces, for looking ancestors up.
    let mut level_at: Vec<Option<usize>> = vec![None; tree.len()];
    let mut by_name: HashMap<&[String], usize> = HashMap::new();
    for (l, &s) in levels.iter().enumerate() {
        owner[s] = Some(l);
        level_at[s] = Some(l);
        by_name.entry(level_key(&tree[s])).or_insert(l);
    }
    let is_list = |kind: Kind| matches!(kind, Kind::List(_));
    // The level heading most recently seen among each section's earlier siblings (list headings skipped).
    let mut previous_level = vec![None; tree.len()];
    for section in tree {
        let mut last = None;
        for &child in &section.children {
            previous_level[child] = last;
            if !is_list(tree[child].kind) {
                last = owner[child];
            }
        }
    }
    for (index, section) in tree.iter().enumerate() {
        if owner[index].is_some()
            || matches!(
                section.kind,
                Kind::PerformanceIndicators
                    | Kind::HiringProcess
                    | Kind::Specialties
                    | Kind::Ladder
            )
        {
            continue;
        }
        // By name: "Director, X Responsibilities" belongs to level "Director, X" wherever it stands.
        if let Some(&l) = by_name
            .get(section.prefix_key.as_slice())
            .filter(|_| !section.prefix_key.is_empty())
        {
            owner[index] = Some(l);
            continue;
        }
        // By nesting: the nearest enclosing level.
        if let Some(l) = ancestors(tree, index).find_map(|a| level_at[a]) {
            owner[index] = Some(l);
            continue;
        }
        // By order: an unnamed list heading right after a level heading at the same depth.
        if is_list(section.kind) {
            owner[index] = previous_level[index];
        }
    }
    owner
}
