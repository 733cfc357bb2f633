//! Specialties: the focus areas under a "Specialties" section, from its sub-headings or, when it
//! has none, its bullets.

use super::items::list_items;
use crate::model::Specialty;
use crate::parse::blocks::paragraphs;
use crate::parse::context::DiagnosticSink;
use crate::parse::sections::Section;

/// Specialties under a "Specialties" section: sub-headings, or bullets when there are none.
pub(super) fn specialties(
    tree: &[Section],
    index: usize,
    level_sections: &[usize],
    sink: &mut DiagnosticSink,
) -> Vec<Specialty> {
    let section = &tree[index];
    let mut found = Vec::new();
    // A sub-heading with a Job Grade of its own is a level, not a specialty.
    let specialties = section
        .children
        .iter()
        .filter(|child| level_sections.binary_search(child).is_err());
    for &child in specialties {
        let sub = &tree[child];
        let mut items = list_items(sub, sink);
        for &grandchild in &sub.children {
            items.extend(list_items(&tree[grandchild], sink));
        }
        found.push(Specialty {
            title: sub.title.plain(),
            description: paragraphs(&sub.blocks),
            items,
        });
    }
    if found.is_empty() {
        for item in list_items(section, sink) {
            let title = item.text.plain();
            if says_none(&title) {
                continue;
            }
            found.push(Specialty {
                title,
                description: Vec::new(),
                items: item.children,
            });
        }
    }
    found
}

/// "Currently no specialties defined", "None".
fn says_none(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("none")
        || lower.contains("no specialties")
        || lower.contains("no specialities")
}
