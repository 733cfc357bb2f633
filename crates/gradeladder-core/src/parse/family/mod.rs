//! The section tree of one page → a [`Family`]. Each step has its module: [`levels`] finds the
//! sections that introduce levels, [`owners`] decides which level owns every other section,
//! [`items`] turns bullets into items, [`grades`] grades the levels, [`hiring`] reads the hiring
//! process and status, [`specialties`] the focus areas; inheritance and the page's ladder follow.

mod grades;
mod hiring;
mod items;
mod levels;
mod owners;
mod specialties;
mod table;

use foldhash::{HashSet, HashSetExt};

use self::grades::GradeTexts;
use self::items::{append_items, TakenLists};
use super::blocks::{paragraphs, paragraphs_with_lines};
use super::context::{DiagnosticSink, PageContext};
use super::grade;
use super::page_phrases::PagePhrase;
use super::sections::{special_ancestor, Kind, Section};
use super::{inherit, ladder_section};
use crate::diagnostics::{Code, Severity};
use crate::model::{Family, Item, Origin};
use crate::words::{slugify, title_key};

/// What the page-level reader knows before the sections are interpreted.
pub struct PageInfo {
    /// Family slug.
    pub slug: String,
    /// Page title.
    pub title: String,
    /// Front-matter description.
    pub description: Option<String>,
    /// Source path.
    pub source: String,
}

/// Interprets the section tree of one page.
pub fn interpret(
    tree: &mut [Section],
    info: PageInfo,
    context: &PageContext,
    sink: &mut DiagnosticSink,
) -> Family {
    let reports_to = context
        .page_says(PagePhrase::ReportsTo)
        .then(|| hiring::find_reporting_line(tree))
        .flatten();
    let mut lists = TakenLists::take(tree);
    let tree = &*tree;
    let level_sections = levels::find_levels(tree);
    let owner = owners::owners(tree, &level_sections);
    let mut family = Family {
        slug: info.slug,
        title: info.title,
        description: info.description,
        source: info.source,
        intro: paragraphs(&tree[0].blocks),
        reports_to,
        responsibilities: Vec::new(),
        requirements: Vec::new(),
        nice_to_haves: Vec::new(),
        performance_indicators: Vec::new(),
        hiring_process: Vec::new(),
        specialties: Vec::new(),
        levels: level_sections
            .iter()
            .map(|&s| levels::new_level(&tree[s]))
            .collect(),
        ladder: Default::default(),
    };
    let mut grade_texts = GradeTexts::new(level_sections.len());
    let first_paragraph = paragraphs_with_lines(&tree[0].blocks)
        .next()
        .map(|(_, line)| line);
    grade_texts.body_line = first_paragraph
        .into_iter()
        .chain(tree.get(1).map(|s| s.line))
        .min()
        .unwrap_or(1);
    for (index, section) in tree.iter().enumerate() {
        let level = owner[index];
        match section.kind {
            Kind::Page | Kind::Levels | Kind::Other => {
                let texts = paragraphs_with_lines(&section.blocks);
                match level {
                    Some(l) if level_sections[l] == index => {
                        let summary = texts.clone().map(|(t, _)| t.clone());
                        family.levels[l].summary.extend(summary);
                        grade_texts.add(level, texts);
                    }
                    Some(_) => grade_texts.add(level, texts),
                    None if section.kind != Kind::Other => grade_texts.add(None, texts),
                    None => grade_texts.elsewhere.extend(texts),
                }
            }
            Kind::JobGrade => {
                let mut texts: Vec<_> = paragraphs_with_lines(&section.blocks).collect();
                if texts.is_empty() {
                    texts.push((&section.title, section.line));
                }
                grade_texts.add(level, texts);
            }
            Kind::List(kind) => {
                if level.is_none() && special_ancestor(tree, index) == Some(Kind::Specialties) {
                    continue;
                }
                let items = lists.items(tree, index, sink);
                let target = match level {
                    Some(l) => family.levels[l].list_mut(kind),
                    None => family.list_mut(kind),
                };
                add_list(target, section, items, context);
            }
            Kind::PerformanceIndicators => {
                let items = lists.items(tree, index, sink);
                append_items(&mut family.performance_indicators, items);
            }
            Kind::HiringProcess => {
                let items = lists.items(tree, index, sink);
                let steps = items.into_iter().map(hiring::hiring_step);
                family.hiring_process.extend(steps);
            }
            Kind::Specialties => {
                let found = specialties::specialties(tree, index, &level_sections, sink);
                family.specialties.extend(found);
            }
            Kind::Ladder => {}
        }
    }
    let table = table::levels_tables(tree);
    let base_level = grades::assign(&mut family, &grade_texts, &table, context, sink);
    retitle_from_grade_sentences(&mut family, &level_sections, tree, &grade_texts);
    if hiring::NOT_HIRING_PHRASES
        .iter()
        .any(|&phrase| context.page_says(phrase))
    {
        hiring::mark_hiring_status(&mut family.levels, tree, &owner);
    }
    if let Some(base) = base_level {
        family.levels.insert(0, base);
    }
    finish_levels(&mut family, context, sink);
    family.ladder = ladder_section::read(tree, &family, context, sink);
    family
}

/// Words that name no role: a level heading made only of these ("Role", "The role", "Overview")
/// takes its title from its grade sentence.
const GENERIC_HEADING_WORDS: &[&str] = &[
    "overview",
    "position",
    "job",
    "description",
    "about",
    "this",
    "summary",
    "details",
    "opening",
];

/// Titles from grade sentences: a level whose heading is generic takes the sentence's subject
/// ("## Role", "The Audit Principal, Widgets is a grade 9"), and a level whose sentence names one
/// of its sub-headings takes that heading's title (a group heading above the level's own).
fn retitle_from_grade_sentences(
    family: &mut Family,
    level_sections: &[usize],
    tree: &[Section],
    texts: &GradeTexts,
) {
    for (l, &section) in level_sections.iter().enumerate() {
        let Some(subject) = texts.levels[l]
            .iter()
            .filter(|(text, _)| grade::find(text).is_some())
            .find_map(|(text, _)| grade::subject(text))
        else {
            continue;
        };
        let subject = subject
            .strip_suffix(" role")
            .unwrap_or(&subject)
            .trim()
            .to_owned();
        let subject_key = title_key(&subject);
        let level = &mut family.levels[l];
        let own_key = title_key(&level.title);
        if subject_key.is_empty() || subject_key == own_key {
            continue;
        }
        let generic = own_key
            .iter()
            .all(|w| GENERIC_HEADING_WORDS.contains(&w.as_str()));
        let named_child = tree[section]
            .children
            .iter()
            .map(|&c| &tree[c])
            .find(|c| c.kind == Kind::Other && c.title_key == subject_key);
        if let Some(child) = named_child {
            level.title = child.title.plain();
        } else if generic {
            level.title = subject;
        }
    }
}

/// Adds a list section's items to `target`. A lead paragraph such as "All requirements of the
/// management role plus:" is kept as the list's first item, so the inheritance pass can
/// resolve it.
fn add_list(target: &mut Vec<Item>, section: &Section, items: Vec<Item>, context: &PageContext) {
    let page = context.phrases();
    let lead = paragraphs_with_lines(&section.blocks)
        .filter(|(text, _)| inherit::is_inheritance_phrase(text, page));
    for (text, line) in lead {
        target.push(Item {
            text: text.clone(),
            origin: Origin::Own,
            children: Vec::new(),
            line,
        });
    }
    append_items(target, items);
}

/// Slugs, duplicate titles, inheritance.
fn finish_levels(family: &mut Family, context: &PageContext, sink: &mut DiagnosticSink) {
    let mut used: HashSet<String> = HashSet::with_capacity(family.levels.len());
    for level in family.levels.iter_mut() {
        let base = slugify(&level.title);
        let slug = super::claim_slug(&mut used, base.clone());
        if slug != base {
            sink.report_line(
                level.line,
                Severity::Warning,
                Code::DuplicateLevel,
                &format!(
                    "level \"{}\" has the same slug as an earlier level (\"{base}\"); its slug is \"{slug}\"",
                    level.title
                ),
            );
        }
        level.slug = slug;
    }
    inherit::resolve(family, context, sink);
}
