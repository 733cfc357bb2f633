//! What changes between two levels: items added, removed and kept, list by list.

use serde::{Deserialize, Serialize};

use crate::model::{Item, Level};
use crate::words::words;

/// The difference of one list (responsibilities, requirements or nice-to-haves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ListDiff {
    /// Items only the second level has.
    pub added: Vec<Item>,
    /// Items only the first level has.
    pub removed: Vec<Item>,
    /// Items both have (as the second level words them).
    pub common: Vec<Item>,
}

/// The difference between two levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelDiff {
    /// Grade of the first and second level.
    pub grades: (Option<u8>, Option<u8>),
    /// Responsibilities.
    pub responsibilities: ListDiff,
    /// Requirements.
    pub requirements: ListDiff,
    /// Nice-to-haves.
    pub nice_to_haves: ListDiff,
}

/// Compares `from` with `to`: what `to` adds, drops and keeps.
pub fn diff(from: &Level, to: &Level) -> LevelDiff {
    LevelDiff {
        grades: (from.grade, to.grade),
        responsibilities: diff_lists(&from.responsibilities, &to.responsibilities),
        requirements: diff_lists(&from.requirements, &to.requirements),
        nice_to_haves: diff_lists(&from.nice_to_haves, &to.nice_to_haves),
    }
}

fn diff_lists(from: &[Item], to: &[Item]) -> ListDiff {
    let key = |item: &Item| words(&item.text.plain()).join(" ");
    let from_keys: Vec<String> = from.iter().map(key).collect();
    let to_keys: Vec<String> = to.iter().map(key).collect();
    let mut result = ListDiff::default();
    for (item, k) in to.iter().zip(&to_keys) {
        if from_keys.contains(k) {
            result.common.push(item.clone());
        } else {
            result.added.push(item.clone());
        }
    }
    for (item, k) in from.iter().zip(&from_keys) {
        if !to_keys.contains(k) {
            result.removed.push(item.clone());
        }
    }
    result
}
