//! What a level expects, as every front end shows it: for each of the three lists, the level's
//! own items, then what it inherits from other levels (one group per level), then what the
//! family expects of every level. One rule, so the CLI, the app and the widget list the same.

use crate::model::{Family, Item, Level, ListKind, Origin};

/// The family-wide origin, for groups that come from the family's own lists.
const FAMILY: Origin = Origin::Family;

/// Items of one origin, in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemGroup<'a> {
    /// Where every item of the group comes from.
    pub origin: &'a Origin,
    /// The items.
    pub items: Vec<&'a Item>,
}

/// One list of a level as it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedList<'a> {
    /// Which list.
    pub kind: ListKind,
    /// Own items first, then inherited groups in the order their first item appears, then the
    /// family-wide items; empty groups are left out.
    pub groups: Vec<ItemGroup<'a>>,
}

impl ExpectedList<'_> {
    /// Every item of the list, in display order.
    pub fn items(&self) -> impl Iterator<Item = (&Origin, &Item)> + '_ {
        self.groups
            .iter()
            .flat_map(|group| group.items.iter().map(move |item| (group.origin, *item)))
    }
}

/// The non-empty lists of `level` (of `family`), in [`ListKind::ALL`] order.
///
/// The family's list of a kind is added unless the level already takes it over (an "All the
/// requirements above, plus" phrase the reader resolved): it applies to every level either way,
/// and is never shown twice.
pub fn expected_lists<'a>(family: &'a Family, level: &'a Level) -> Vec<ExpectedList<'a>> {
    ListKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let list = expected_list(family, level, kind);
            (!list.groups.is_empty()).then_some(list)
        })
        .collect()
}

/// One list of `level` as it is shown (see [`expected_lists`]); its groups may be empty.
pub fn expected_list<'a>(family: &'a Family, level: &'a Level, kind: ListKind) -> ExpectedList<'a> {
    let own = level.list(kind).iter().map(|item| (&item.origin, item));
    let inherited = inherited_items(family, level, kind);
    let takes_family_list = inherited
        .iter()
        .any(|(origin, _)| **origin == Origin::Family);
    let mut groups = group(own.chain(inherited));
    if !takes_family_list && !family.list(kind).is_empty() {
        groups.push(ItemGroup {
            origin: &FAMILY,
            items: family.list(kind).iter().collect(),
        });
    }
    ExpectedList { kind, groups }
}

/// Every item `level` (a level of `family`, or a copy of one) takes over in list `kind`, with the
/// origin it is shown with. For each list
/// taken over, in page order: what that list takes over itself, then its own items. A level
/// reached twice (two routes, or a loop) is spelled out once, and so is the family's list.
pub fn inherited_items<'a>(
    family: &'a Family,
    level: &'a Level,
    kind: ListKind,
) -> Vec<(&'a Origin, &'a Item)> {
    let mut out = Vec::new();
    if !level.inherits.iter().any(|i| i.list == kind) {
        return out;
    }
    let levels = &family.levels;
    // By slug, not by address: a front end may hold a copy of the level apart from its family.
    let Some(start) = levels.iter().position(|l| l.slug == level.slug) else {
        return out;
    };
    let mut seen = vec![false; levels.len()];
    seen[start] = true;
    let mut family_seen = false;
    // A level (by index) being spelled out, how many of its inheritances are done, and the origin
    // its own items are shown with (none for `level` itself, whose own items are not inherited).
    let mut stack: Vec<(usize, usize, Option<&Origin>)> = vec![(start, 0, None)];
    while let Some(&(current, done, origin)) = stack.last() {
        let next = levels[current]
            .inherits
            .iter()
            .filter(|i| i.list == kind)
            .nth(done);
        let Some(inheritance) = next else {
            stack.pop();
            if let Some(origin) = origin {
                out.extend(levels[current].list(kind).iter().map(|item| (origin, item)));
            }
            continue;
        };
        if let Some(frame) = stack.last_mut() {
            frame.1 += 1;
        }
        match &inheritance.from {
            Origin::Family if !family_seen => {
                family_seen = true;
                out.extend(family.list(kind).iter().map(|item| (&FAMILY, item)));
            }
            Origin::Level { slug, .. } => {
                if let Some(source) = level_near(levels, current, slug) {
                    if !seen[source] {
                        seen[source] = true;
                        stack.push((source, 0, Some(&inheritance.from)));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The index of the level with `slug`, looked for outward from `near` (a level takes over lists
/// of levels close to it, most often the one just before): near − 1, near + 1, near − 2, …
fn level_near(levels: &[Level], near: usize, slug: &str) -> Option<usize> {
    let (mut before, mut after) = ((0..near).rev(), near + 1..levels.len());
    loop {
        let (b, a) = (before.next(), after.next());
        if b.is_none() && a.is_none() {
            return None;
        }
        if let Some(i) = [b, a]
            .into_iter()
            .flatten()
            .find(|&i| levels[i].slug == slug)
        {
            return Some(i);
        }
    }
}

/// A level's whole list of `kind` as items: what it takes over first (each item marked with
/// where it comes from), then its own. For comparing levels.
pub fn full_list(family: &Family, level: &Level, kind: ListKind) -> Vec<Item> {
    let inherited = inherited_items(family, level, kind)
        .into_iter()
        .map(|(origin, item)| Item {
            origin: origin.clone(),
            ..item.clone()
        });
    inherited.chain(level.list(kind).iter().cloned()).collect()
}

/// `items` grouped by origin: own items first, then one group per other origin in the order its
/// first item appears. Empty groups are left out.
pub fn group_by_origin(items: &[Item]) -> Vec<ItemGroup<'_>> {
    group(items.iter().map(|item| (&item.origin, item)))
}

fn group<'a>(items: impl IntoIterator<Item = (&'a Origin, &'a Item)>) -> Vec<ItemGroup<'a>> {
    let mut own = ItemGroup {
        origin: &Origin::Own,
        items: Vec::new(),
    };
    let mut others: Vec<ItemGroup> = Vec::new();
    for (origin, item) in items {
        if origin.is_own() {
            own.items.push(item);
            continue;
        }
        // Groups are few (one per level taken over), so a scan finds one.
        match others.iter_mut().rev().find(|g| g.origin == origin) {
            Some(group) => group.items.push(item),
            None => others.push(ItemGroup {
                origin,
                items: vec![item],
            }),
        }
    }
    let mut groups = Vec::with_capacity(others.len() + 1);
    if !own.items.is_empty() {
        groups.push(own);
    }
    groups.extend(others);
    groups
}

#[cfg(all(test, feature = "parse"))]
mod tests {
    use super::*;
    use crate::seeds;

    fn origins(list: &ExpectedList) -> Vec<String> {
        list.groups
            .iter()
            .map(|g| match g.origin {
                Origin::Own => format!("own {}", g.items.len()),
                Origin::Family => format!("family {}", g.items.len()),
                Origin::Level { title, .. } => format!("{title} {}", g.items.len()),
            })
            .collect()
    }

    #[test]
    fn own_items_come_first_then_inherited_levels_then_the_family_list() {
        let catalog = seeds::catalog();
        let found = catalog
            .level_refs()
            .find(|r| r.level.title == "Senior Engineering Manager, Engineering Productivity")
            .expect("seed level");
        let lists = expected_lists(found.family, found.level);
        let responsibilities = &lists[0];
        assert_eq!(responsibilities.kind, ListKind::Responsibilities);
        assert_eq!(
            origins(responsibilities)[1],
            "Engineering Manager, Engineering Productivity 10"
        );
        assert!(origins(responsibilities)[0].starts_with("own "));
    }

    #[test]
    fn the_family_list_is_added_once_whether_or_not_the_level_copied_it() {
        let catalog = seeds::catalog();
        let found = catalog
            .level_refs()
            .find(|r| r.level.title == "Director, Technical Program Management")
            .expect("seed level");
        for list in expected_lists(found.family, found.level) {
            let family_groups = list
                .groups
                .iter()
                .filter(|g| *g.origin == Origin::Family)
                .count();
            assert_eq!(family_groups, 1, "{:?}", list.kind);
            let shown = list.items().count();
            let own_and_inherited = found.level.list(list.kind).len();
            let copied = found
                .level
                .list(list.kind)
                .iter()
                .any(|i| i.origin == Origin::Family);
            let family = if copied {
                0
            } else {
                found.family.list(list.kind).len()
            };
            assert_eq!(shown, own_and_inherited + family, "{:?}", list.kind);
        }
    }

    #[test]
    fn a_copy_of_a_level_lists_what_the_level_in_its_family_lists() {
        let catalog = seeds::catalog();
        let found = catalog
            .level_refs()
            .find(|r| !r.level.inherits.is_empty())
            .expect("a seed level takes a list over");
        let copy = found.level.clone();
        assert_eq!(
            expected_lists(found.family, &copy),
            expected_lists(found.family, found.level)
        );
        assert!(expected_lists(found.family, &copy)
            .iter()
            .any(|list| list.groups.iter().any(|g| !g.origin.is_own())));
    }

    #[test]
    fn a_loop_or_two_routes_to_one_level_spell_it_out_once() {
        use crate::model::{Inheritance, Ladder};
        let takes = |slug: &str| Inheritance {
            list: ListKind::Responsibilities,
            from: Origin::Level {
                slug: slug.into(),
                title: slug.to_uppercase(),
            },
        };
        let level = |slug: &str, item: &str, inherits: Vec<Inheritance>| {
            let mut level = Level::named(slug.to_uppercase(), 1);
            level.slug = slug.into();
            level.responsibilities = vec![Item {
                text: crate::rich::RichText::from_plain(item),
                ..Item::default()
            }];
            level.inherits = inherits;
            level
        };
        // d takes over b and c, which both take over a; a takes over d (a loop).
        let mut family = seeds::catalog().families.remove(0);
        family.responsibilities.clear();
        family.ladder = Ladder::default();
        family.levels = vec![
            level("a", "a1", vec![takes("d")]),
            level("b", "b1", vec![takes("a")]),
            level("c", "c1", vec![takes("a")]),
            level("d", "d1", vec![takes("b"), takes("c")]),
        ];
        let shown: Vec<String> =
            inherited_items(&family, &family.levels[3], ListKind::Responsibilities)
                .iter()
                .map(|(_, item)| item.text.plain())
                .collect();
        assert_eq!(shown, ["a1", "b1", "c1"]);
    }

    #[test]
    fn a_level_with_no_items_anywhere_has_no_lists() {
        let mut catalog = seeds::catalog();
        let family = &mut catalog.families[0];
        for kind in ListKind::ALL {
            family.list_mut(kind).clear();
            family.levels[0].list_mut(kind).clear();
        }
        let family = &catalog.families[0];
        assert!(expected_lists(family, &family.levels[0]).is_empty());
    }
}
