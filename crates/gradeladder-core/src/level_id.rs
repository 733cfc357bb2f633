//! A level's identity: the one way every front end names a level (routes, search results, ladder
//! nodes, widget events, CLI arguments), with its two printed forms.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Catalog, Family, Level};

/// A level of the catalog, named by its family's slug and its own slug.
///
/// Printed as `family/level` (ladder node ids, widget `data-role`, CLI arguments, events) and, where
/// a `/` cannot stand (one path segment), as `family.level`. Slugs hold only `a-z`, `0-9` and `-`,
/// so both forms read back unambiguously.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LevelId {
    /// Family slug.
    pub family: String,
    /// Level slug, unique within the family.
    pub level: String,
}

impl LevelId {
    /// The id of `level` in `family`.
    pub fn of(family: &Family, level: &Level) -> LevelId {
        LevelId::new(&family.slug, &level.slug)
    }

    /// The id from its two slugs.
    pub fn new(family: &str, level: &str) -> LevelId {
        LevelId {
            family: family.to_owned(),
            level: level.to_owned(),
        }
    }

    /// Reads `family/level`; `None` unless both halves are non-empty.
    pub fn parse(text: &str) -> Option<LevelId> {
        Self::split(text, '/')
    }

    /// The one-segment form, `family.level`, for places (a URL path segment) where `/` cannot stand.
    pub fn to_segment(&self) -> String {
        let mut out = String::with_capacity(self.family.len() + self.level.len() + 1);
        out.push_str(&self.family);
        out.push('.');
        out.push_str(&self.level);
        out
    }

    /// Reads the one-segment form `family.level`.
    pub fn parse_segment(text: &str) -> Option<LevelId> {
        Self::split(text, '.')
    }

    fn split(text: &str, separator: char) -> Option<LevelId> {
        let (family, level) = text.trim().split_once(separator)?;
        (!family.is_empty() && !level.is_empty()).then(|| LevelId::new(family, level))
    }
}

impl fmt::Display for LevelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.family, self.level)
    }
}

/// A level of a catalog together with its family, borrowed from the catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelRef<'a> {
    /// The family the level belongs to.
    pub family: &'a Family,
    /// The level.
    pub level: &'a Level,
}

impl LevelRef<'_> {
    /// The level's identity.
    pub fn id(&self) -> LevelId {
        LevelId::of(self.family, self.level)
    }
}

impl Catalog {
    /// The level `id` names, with its family.
    pub fn get(&self, id: &LevelId) -> Option<LevelRef<'_>> {
        let family = self.family(&id.family)?;
        let level = family.level(&id.level)?;
        Some(LevelRef { family, level })
    }

    /// Every level with its family, in catalog order.
    pub fn level_refs(&self) -> impl Iterator<Item = LevelRef<'_>> {
        self.levels()
            .map(|(family, level)| LevelRef { family, level })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_printed_forms_read_back_to_the_same_id() {
        let id = LevelId::new("engineering-manager", "senior-engineering-manager");
        assert_eq!(
            id.to_string(),
            "engineering-manager/senior-engineering-manager"
        );
        assert_eq!(LevelId::parse(&id.to_string()), Some(id.clone()));
        assert_eq!(
            id.to_segment(),
            "engineering-manager.senior-engineering-manager"
        );
        assert_eq!(LevelId::parse_segment(&id.to_segment()), Some(id));
    }

    #[test]
    fn a_form_missing_a_half_is_not_an_id() {
        for text in ["", "/", "family/", "/level", "no-separator"] {
            assert_eq!(LevelId::parse(text), None, "{text:?}");
        }
        assert_eq!(LevelId::parse_segment("family."), None);
    }
}
