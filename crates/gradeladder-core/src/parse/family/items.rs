//! Bullets into items: a section's lists become a level's or the family's items, with template
//! placeholders ("TBD", `{add a list}`) dropped and reported.

use crate::diagnostics::{Code, Severity};
use crate::model::Item;
use crate::parse::blocks::{Block, ListItem};
use crate::parse::context::DiagnosticSink;
use crate::parse::sections::{inside_specialties, Kind, Section};
use crate::rich::Inline;

/// Appends `items` to `list`, taking the vector over when `list` is empty.
pub(super) fn append_items(list: &mut Vec<Item>, mut items: Vec<Item>) {
    if list.is_empty() {
        *list = items;
    } else {
        list.append(&mut items);
    }
}

/// The bullets of every section whose lists become a family's or a level's items
/// (responsibilities, requirements, nice-to-haves, performance indicators, hiring steps), moved
/// out of the tree so they are not copied. Sections under "Specialties" keep theirs: the
/// specialties reader reads them in place.
pub(super) struct TakenLists(Vec<Option<Vec<ListItem>>>);

impl TakenLists {
    /// Moves the bullets out of the sections of `tree` that give items.
    pub(super) fn take(tree: &mut [Section]) -> TakenLists {
        let taken: Vec<bool> = (0..tree.len())
            .map(|index| {
                matches!(
                    tree[index].kind,
                    Kind::List(_) | Kind::PerformanceIndicators | Kind::HiringProcess
                ) && !inside_specialties(tree, index)
            })
            .collect();
        let lists = tree
            .iter_mut()
            .zip(taken)
            .map(|(section, taken)| {
                taken.then(|| {
                    let mut items = Vec::new();
                    for block in &mut section.blocks {
                        if let Block::List { items: list } = block {
                            items.append(list);
                        }
                    }
                    items
                })
            })
            .collect();
        TakenLists(lists)
    }

    /// The items of section `index`: its taken bullets, or a copy of them when they were left
    /// in place.
    pub(super) fn items(
        &mut self,
        tree: &[Section],
        index: usize,
        sink: &mut DiagnosticSink,
    ) -> Vec<Item> {
        match self.0[index].take() {
            Some(items) => to_items(items, sink),
            None => list_items(&tree[index], sink),
        }
    }
}

/// The bullets of a section's lists as items; placeholders are dropped with a diagnostic.
pub(super) fn list_items(section: &Section, sink: &mut DiagnosticSink) -> Vec<Item> {
    let items = section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::List { items } => Some(items),
            _ => None,
        })
        .flatten()
        .cloned()
        .collect();
    to_items(items, sink)
}

/// Bullets as items; placeholders are dropped with a diagnostic.
fn to_items(items: Vec<ListItem>, sink: &mut DiagnosticSink) -> Vec<Item> {
    items
        .into_iter()
        .filter_map(|item| to_item(item, sink))
        .collect()
}

fn to_item(mut item: ListItem, sink: &mut DiagnosticSink) -> Option<Item> {
    let short_or_braced =
        matches!(item.text.0.first(), Some(Inline::Text(t)) if t.starts_with('{') || t.len() <= 5);
    let plain = if short_or_braced {
        item.text.plain()
    } else {
        String::new()
    };
    if short_or_braced && is_placeholder(&plain) {
        sink.report_line(
            item.line,
            Severity::Warning,
            Code::Placeholder,
            &format!(
                "placeholder text `{plain}` is still on the page; write the real item or remove it"
            ),
        );
        return None;
    }
    if !item.children.is_empty() {
        item.children = to_items(std::mem::take(&mut item.children), sink);
    }
    Some(item)
}

/// Template text left in place of content: `{add a bulleted list…}`, `TBD`.
fn is_placeholder(plain: &str) -> bool {
    let trimmed = plain.trim().trim_end_matches('.');
    trimmed.eq_ignore_ascii_case("tbd")
        || trimmed.eq_ignore_ascii_case("todo")
        || (trimmed.starts_with('{') && trimmed.ends_with('}'))
}
