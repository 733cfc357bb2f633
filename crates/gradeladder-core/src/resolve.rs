//! Finding the level a person or a host page names: a `family/level` id, a level slug,
//! `family/words` (searched within that family) or free words (searched everywhere, typos and
//! abbreviations included). CLI arguments, widget `data-role` and app links all go through here.

use std::fmt;

use crate::level_id::{LevelId, LevelRef};
use crate::model::Catalog;
use crate::search::search;
use crate::words::words;

/// How many other roles a "not found" answer suggests.
const SUGGESTIONS: usize = 5;

/// No level matches what was asked for; here are the nearest ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleNotFound {
    /// What was asked for, trimmed.
    pub query: String,
    /// Levels that match part of the query (or, when none does, the catalog's first levels).
    pub suggestions: Vec<LevelId>,
}

impl fmt::Display for RoleNotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no role matches \"{}\"", self.query)?;
        if !self.suggestions.is_empty() {
            let names: Vec<String> = self.suggestions.iter().map(LevelId::to_string).collect();
            write!(f, "; try one of: {}", names.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for RoleNotFound {}

/// The level `query` names. Tried in order: the id `family/level`; a level slug (the first
/// family that has it); `family/words`, searched within that family; the words searched in the
/// whole catalog (with `/` and `-` read as spaces), best match first.
pub fn resolve_role<'a>(catalog: &'a Catalog, query: &str) -> Result<LevelRef<'a>, RoleNotFound> {
    let query = query.trim();
    if let Some(found) = LevelId::parse(query).and_then(|id| catalog.get(&id)) {
        return Ok(found);
    }
    if let Some(found) = catalog.level_refs().find(|r| r.level.slug == query) {
        return Ok(found);
    }
    if let Some((family, rest)) = query.split_once('/') {
        let within = search(catalog, &as_words(rest))
            .into_iter()
            .find(|hit| hit.found.family.slug == family.trim());
        if let Some(hit) = within {
            return Ok(hit.found);
        }
    }
    match search(catalog, &as_words(query)).into_iter().next() {
        Some(hit) => Ok(hit.found),
        None => Err(RoleNotFound {
            query: query.to_owned(),
            suggestions: suggestions(catalog, query),
        }),
    }
}

fn as_words(text: &str) -> String {
    text.replace(['/', '-'], " ")
}

/// Levels matching any one word of `query`, best first; the catalog's first levels when no word
/// matches anything.
pub fn suggestions(catalog: &Catalog, query: &str) -> Vec<LevelId> {
    // Score of every level some word finds, in the order first found.
    let mut scored: Vec<(u32, LevelId)> = Vec::new();
    for word in words(&as_words(query)) {
        for hit in search(catalog, &word) {
            let id = hit.found.id();
            match scored.iter_mut().find(|(_, seen)| *seen == id) {
                Some((score, _)) => *score += hit.score,
                None => scored.push((hit.score, id)),
            }
        }
    }
    // The best few, best first; on a tie, the one found first.
    let mut out: Vec<LevelId> = Vec::with_capacity(SUGGESTIONS);
    while out.len() < SUGGESTIONS {
        let best = scored
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.0.cmp(&b.0).then(j.cmp(i)))
            .map(|(i, _)| i);
        match best {
            Some(i) => out.push(scored.remove(i).1),
            None => break,
        }
    }
    if out.is_empty() {
        out = catalog
            .level_refs()
            .take(SUGGESTIONS)
            .map(|r| r.id())
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Family, Ladder, Level};
    use crate::scale::GradeScale;

    fn level(slug: &str, title: &str, grade: u8) -> Level {
        let mut level = Level::named(title.into(), 1);
        level.slug = slug.into();
        level.grade = Some(grade);
        level
    }

    fn family(slug: &str, title: &str, levels: Vec<Level>) -> Family {
        Family {
            slug: slug.into(),
            title: title.into(),
            description: None,
            source: format!("{slug}.md"),
            intro: Vec::new(),
            reports_to: None,
            responsibilities: Vec::new(),
            requirements: Vec::new(),
            nice_to_haves: Vec::new(),
            performance_indicators: Vec::new(),
            hiring_process: Vec::new(),
            specialties: Vec::new(),
            levels,
            ladder: Ladder::default(),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            schema: crate::model::SCHEMA_VERSION,
            families: vec![
                family(
                    "backend",
                    "Backend Engineer",
                    vec![
                        level("engineer", "Backend Engineer", 6),
                        level("senior", "Senior Backend Engineer", 7),
                    ],
                ),
                family(
                    "frontend",
                    "Frontend Engineer",
                    vec![
                        level("engineer", "Frontend Engineer", 6),
                        level("senior", "Senior Frontend Engineer", 7),
                    ],
                ),
            ],
            diagnostics: Vec::new(),
            scale: GradeScale::gitlab(),
        }
    }

    fn resolved(query: &str) -> Result<String, RoleNotFound> {
        let catalog = catalog();
        resolve_role(&catalog, query).map(|found| found.id().to_string())
    }

    #[test]
    fn an_id_names_exactly_that_level() {
        assert_eq!(
            resolved("frontend/senior").as_deref(),
            Ok("frontend/senior")
        );
        assert_eq!(
            resolved("  frontend/senior ").as_deref(),
            Ok("frontend/senior")
        );
    }

    #[test]
    fn a_level_slug_alone_names_the_first_family_that_has_it() {
        assert_eq!(resolved("senior").as_deref(), Ok("backend/senior"));
    }

    #[test]
    fn family_and_words_search_within_that_family_only() {
        assert_eq!(
            resolved("frontend/senior engineer").as_deref(),
            Ok("frontend/senior")
        );
        assert_eq!(resolved("frontend/sr").as_deref(), Ok("frontend/senior"));
    }

    #[test]
    fn words_find_the_best_match_anywhere() {
        assert_eq!(
            resolved("senior frontend").as_deref(),
            Ok("frontend/senior")
        );
        assert_eq!(
            resolved("frontend-engineer").as_deref(),
            Ok("frontend/engineer")
        );
    }

    #[test]
    fn a_typo_still_finds_the_role() {
        assert_eq!(resolved("senoir frontnd").as_deref(), Ok("frontend/senior"));
    }

    #[test]
    fn nothing_found_suggests_levels_matching_part_of_the_query() {
        let error = resolved("frontend zzzz").expect_err("no level has zzzz");
        assert_eq!(error.query, "frontend zzzz");
        let suggested: Vec<String> = error.suggestions.iter().map(|id| id.to_string()).collect();
        assert_eq!(suggested, ["frontend/engineer", "frontend/senior"]);
        assert_eq!(
            error.to_string(),
            "no role matches \"frontend zzzz\"; try one of: frontend/engineer, frontend/senior"
        );
    }

    #[test]
    fn nothing_found_at_all_suggests_the_first_levels() {
        let error = resolved("qqqq").expect_err("nothing matches");
        assert_eq!(error.suggestions.len(), 4);
        assert_eq!(error.suggestions[0].to_string(), "backend/engineer");
        assert!(resolved("").is_err());
    }
}
