//! What changes between two levels: items added, removed and kept, list by list.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::expectations::full_list;
use crate::level_id::LevelRef;
use crate::model::{Item, ListKind};
use crate::words::words;

/// The difference of one list (responsibilities, requirements or nice-to-haves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListDiff {
    /// Which list.
    pub kind: ListKind,
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
    /// One diff per list, in [`ListKind::ALL`] order.
    pub lists: Vec<ListDiff>,
}

impl LevelDiff {
    /// The diff of one list.
    pub fn list(&self, kind: ListKind) -> &ListDiff {
        self.lists
            .iter()
            .find(|list| list.kind == kind)
            .expect("a diff has every list")
    }
}

/// Compares `from` with `to`: what `to` adds, drops and keeps, each list with what the level
/// takes over from others.
pub fn diff(from: LevelRef, to: LevelRef) -> LevelDiff {
    let list = |level: LevelRef, kind| full_list(level.family, level.level, kind);
    LevelDiff {
        grades: (from.level.grade, to.level.grade),
        lists: ListKind::ALL
            .into_iter()
            .map(|kind| diff_lists(kind, &list(from, kind), &list(to, kind)))
            .collect(),
    }
}

fn diff_lists(kind: ListKind, from: &[Item], to: &[Item]) -> ListDiff {
    let key = |item: &Item| words(&item.text.plain()).join(" ");
    let from_keys: Vec<String> = from.iter().map(key).collect();
    let to_keys: Vec<String> = to.iter().map(key).collect();
    let (in_from, in_to): (HashSet<&String>, HashSet<&String>) =
        (from_keys.iter().collect(), to_keys.iter().collect());
    let mut result = ListDiff {
        kind,
        added: Vec::new(),
        removed: Vec::new(),
        common: Vec::new(),
    };
    for (item, k) in to.iter().zip(&to_keys) {
        if in_from.contains(k) {
            result.common.push(item.clone());
        } else {
            result.added.push(item.clone());
        }
    }
    for (item, k) in from.iter().zip(&from_keys) {
        if !in_to.contains(k) {
            result.removed.push(item.clone());
        }
    }
    result
}
