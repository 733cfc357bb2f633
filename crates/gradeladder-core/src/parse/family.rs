//! The section tree of one page → a [`Family`]: which sections are levels, which lists belong to
//! which level, grades, hiring steps, specialties, the reporting line and the page's ladder.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::blocks::{Block, ListItem};
use super::grade::{self, GradeStatement};
use super::page_phrases::PagePhrase;
use super::sections::{Kind, Section};
use super::{ladder_section, Reporter};
use crate::diagnostics::{Code, Severity};
use crate::model::{Family, HiringStatus, HiringStep, Item, Level, Origin, Specialty};
use crate::rich::{Inline, Needle, RichText};
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
pub fn interpret(tree: &mut [Section], info: PageInfo, reporter: &mut Reporter) -> Family {
    let reports_to = if reporter.page_says(PagePhrase::ReportsTo) {
        find_reporting_line(tree)
    } else {
        None
    };
    let mut item_lists = take_item_lists(tree);
    let tree = &*tree;
    let level_sections = find_levels(tree);
    let owner = owners(tree, &level_sections);
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
        levels: Vec::new(),
        ladder: Default::default(),
    };

    let mut grade_texts: Vec<Vec<(&RichText, u32)>> = vec![Vec::new(); level_sections.len()];
    let mut family_grade_texts: Vec<(&RichText, u32)> = Vec::new();
    for &section_index in &level_sections {
        let section = &tree[section_index];
        family.levels.push(Level {
            slug: String::new(),
            title: level_title(section),
            grade: None,
            hiring: HiringStatus::Open,
            line: section.line,
            summary: Vec::new(),
            responsibilities: Vec::new(),
            requirements: Vec::new(),
            nice_to_haves: Vec::new(),
        });
    }

    for (index, section) in tree.iter().enumerate() {
        let level = owner[index];
        match section.kind {
            Kind::Page | Kind::Levels | Kind::Other => {
                let texts = paragraphs_with_lines(&section.blocks);
                match level {
                    Some(l) if level_sections[l] == index => {
                        family.levels[l]
                            .summary
                            .extend(texts.clone().map(|(t, _)| t.clone()));
                        grade_texts[l].extend(texts);
                    }
                    Some(l) => grade_texts[l].extend(texts),
                    None if matches!(section.kind, Kind::Levels | Kind::Page) => {
                        family_grade_texts.extend(texts);
                    }
                    None => {}
                }
            }
            Kind::JobGrade => {
                let texts: Vec<_> = paragraphs_with_lines(&section.blocks).collect();
                let texts = if texts.is_empty() {
                    vec![(&section.title, section.line)]
                } else {
                    texts
                };
                match level {
                    Some(l) => grade_texts[l].extend(texts),
                    None => family_grade_texts.extend(texts),
                }
            }
            Kind::Responsibilities | Kind::Requirements | Kind::NiceToHaves => {
                if ancestor_kind(tree, index) == Some(Kind::Specialties) {
                    continue;
                }
                let items = section_items(tree, &mut item_lists, index, reporter);
                let page = reporter.page_phrases();
                let lead = paragraphs_with_lines(&section.blocks)
                    .filter(|(text, _)| super::inherit::is_inheritance_phrase(text, page));
                let target = match level {
                    Some(l) => {
                        let level = &mut family.levels[l];
                        match section.kind {
                            Kind::Responsibilities => &mut level.responsibilities,
                            Kind::Requirements => &mut level.requirements,
                            _ => &mut level.nice_to_haves,
                        }
                    }
                    None => match section.kind {
                        Kind::Responsibilities => &mut family.responsibilities,
                        Kind::Requirements => &mut family.requirements,
                        _ => &mut family.nice_to_haves,
                    },
                };
                // A lead paragraph such as "All requirements of the management role plus:" is kept
                // as the list's first item so the inheritance pass can resolve it.
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
            Kind::PerformanceIndicators => {
                let items = section_items(tree, &mut item_lists, index, reporter);
                append_items(&mut family.performance_indicators, items);
            }
            Kind::HiringProcess => {
                let items = section_items(tree, &mut item_lists, index, reporter);
                family
                    .hiring_process
                    .extend(items.into_iter().map(hiring_step));
            }
            Kind::Specialties => {
                family
                    .specialties
                    .extend(specialties(tree, index, reporter));
            }
            Kind::Ladder => {}
        }
    }

    let base_level = assign_grades(
        &mut family,
        &grade_texts,
        &family_grade_texts,
        &level_sections,
        tree,
        reporter,
    );
    if NOT_HIRING_PHRASES
        .iter()
        .any(|&phrase| reporter.page_says(phrase))
    {
        mark_hiring_status(&mut family.levels, tree, &owner);
    }
    if let Some(base) = base_level {
        family.levels.insert(0, base);
    }
    finish_levels(&mut family, reporter);
    family.ladder = ladder_section::read(tree, &family, reporter);
    family
}

/// Sections that introduce a level, in page order.
fn find_levels(tree: &[Section]) -> Vec<usize> {
    // (parent, name) of every "X Job Grade" / "X Responsibilities" / "X Requirements" heading.
    let named_by_prefix: HashSet<(Option<usize>, &[String])> = tree
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                Kind::JobGrade | Kind::Responsibilities | Kind::Requirements
            ) && !s.prefix_key.is_empty()
        })
        .map(|s| (s.parent, s.prefix_key.as_slice()))
        .collect();
    let mut is_level = vec![false; tree.len()];
    for (index, section) in tree.iter().enumerate().skip(1) {
        if section.kind != Kind::Other || inside_special(tree, index) {
            continue;
        }
        let parent = section.parent.map(|p| &tree[p]);
        let under_levels = parent.is_some_and(|p| p.kind == Kind::Levels);
        let has_grade_child = section.children.iter().any(|&c| {
            tree[c].kind == Kind::JobGrade
                && (tree[c].prefix_key.is_empty() || tree[c].prefix_key == section.title_key)
        });
        let named_by_sibling =
            named_by_prefix.contains(&(section.parent, section.title_key.as_slice()));
        let top_level_grade_line = parent.is_some_and(|p| p.kind == Kind::Page)
            && paragraphs_with_lines(&section.blocks).any(
                |(p, _)| matches!(grade::find(p), Some(GradeStatement::Grades(g)) if g.len() == 1),
            );
        let nested_in_level = ancestors(tree, index).any(|a| is_level[a]);
        if !nested_in_level
            && (under_levels || has_grade_child || named_by_sibling || top_level_grade_line)
        {
            is_level[index] = true;
        }
    }
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

/// Which level (index into `levels`) each section belongs to, if any.
fn owners(tree: &[Section], levels: &[usize]) -> Vec<Option<usize>> {
    let mut owner = vec![None; tree.len()];
    // The level each level section introduces, for looking ancestors up.
    let mut level_at: Vec<Option<usize>> = vec![None; tree.len()];
    let mut by_name: HashMap<&[String], usize> = HashMap::new();
    for (l, &s) in levels.iter().enumerate() {
        owner[s] = Some(l);
        level_at[s] = Some(l);
        by_name.entry(level_key(&tree[s])).or_insert(l);
    }
    let is_list = |kind: Kind| {
        matches!(
            kind,
            Kind::Responsibilities | Kind::Requirements | Kind::NiceToHaves
        )
    };
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

/// Normalised key of the level a section introduces.
fn level_key(section: &Section) -> &[String] {
    if section.kind == Kind::JobGrade {
        &section.prefix_key
    } else {
        &section.title_key
    }
}

fn level_title(section: &Section) -> String {
    if section.kind == Kind::JobGrade {
        section.prefix.clone()
    } else {
        section.title.plain()
    }
}

fn ancestors(tree: &[Section], index: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(tree[index].parent, move |&p| tree[p].parent)
}

fn ancestor_kind(tree: &[Section], index: usize) -> Option<Kind> {
    ancestors(tree, index).map(|a| tree[a].kind).find(|k| {
        matches!(
            k,
            Kind::Specialties | Kind::HiringProcess | Kind::PerformanceIndicators | Kind::Ladder
        )
    })
}

fn inside_special(tree: &[Section], index: usize) -> bool {
    ancestor_kind(tree, index).is_some()
}

/// Paragraph texts of a block run.
fn paragraphs(blocks: &[Block]) -> Vec<RichText> {
    paragraphs_with_lines(blocks)
        .map(|(t, _)| t.clone())
        .collect()
}

fn paragraphs_with_lines(blocks: &[Block]) -> impl Iterator<Item = (&RichText, u32)> + Clone {
    blocks.iter().filter_map(|block| match block {
        Block::Paragraph { text, line } => Some((text, *line)),
        _ => None,
    })
}

/// Appends `items` to `list`, taking the vector over when `list` is empty.
fn append_items(list: &mut Vec<Item>, mut items: Vec<Item>) {
    if list.is_empty() {
        *list = items;
    } else {
        list.append(&mut items);
    }
}

/// Moves the bullets out of every section whose lists become a family's or a level's items
/// (responsibilities, requirements, nice-to-haves, performance indicators, hiring steps), by section
/// index, so they are not copied. Sections under "Specialties" keep theirs (`None`): the
/// specialties reader reads them in place.
fn take_item_lists(tree: &mut [Section]) -> Vec<Option<Vec<ListItem>>> {
    let taken: Vec<bool> = (0..tree.len())
        .map(|index| {
            matches!(
                tree[index].kind,
                Kind::Responsibilities
                    | Kind::Requirements
                    | Kind::NiceToHaves
                    | Kind::PerformanceIndicators
                    | Kind::HiringProcess
            ) && !inside_specialties(tree, index)
        })
        .collect();
    tree.iter_mut()
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
        .collect()
}

fn inside_specialties(tree: &[Section], index: usize) -> bool {
    ancestors(tree, index).any(|a| tree[a].kind == Kind::Specialties)
}

/// The items of section `index`: its taken bullets, or a copy of them when they were left in place.
fn section_items(
    tree: &[Section],
    item_lists: &mut [Option<Vec<ListItem>>],
    index: usize,
    reporter: &mut Reporter,
) -> Vec<Item> {
    match item_lists[index].take() {
        Some(items) => to_items(items, reporter),
        None => list_items(&tree[index], reporter),
    }
}

/// The bullets of a section's lists as items; placeholders are dropped with a diagnostic.
fn list_items(section: &Section, reporter: &mut Reporter) -> Vec<Item> {
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
    to_items(items, reporter)
}

/// Bullets as items; placeholders are dropped with a diagnostic.
fn to_items(items: Vec<ListItem>, reporter: &mut Reporter) -> Vec<Item> {
    items
        .into_iter()
        .filter_map(|item| to_item(item, reporter))
        .collect()
}

fn to_item(mut item: ListItem, reporter: &mut Reporter) -> Option<Item> {
    let short_or_braced =
        matches!(item.text.0.first(), Some(Inline::Text(t)) if t.starts_with('{') || t.len() <= 5);
    let plain = if short_or_braced {
        item.text.plain()
    } else {
        String::new()
    };
    if short_or_braced && is_placeholder(&plain) {
        reporter.report_line(
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
        item.children = to_items(std::mem::take(&mut item.children), reporter);
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

/// A hiring step with its duration and interviewer read from the text.
fn hiring_step(item: Item) -> HiringStep {
    let plain = item.text.plain();
    HiringStep {
        minutes: minutes_in(&plain),
        interviewer: interviewer_in(&plain),
        text: item.text,
    }
}

/// "30 minute", "50-minute", "45 min" → minutes.
fn minutes_in(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(u8::is_ascii_digit) {
        let start = i + offset;
        i = start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let number: u32 = text[start..i].parse().ok()?;
        let rest = text[i..].trim_start_matches([' ', '-']).as_bytes();
        let starts_with = |word: &str| {
            rest.get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
        };
        if starts_with("min") {
            return Some(number);
        }
        if starts_with("hour") || starts_with("hr") {
            return Some(number * 60);
        }
    }
    None
}

/// The person met in a step: the words after " with ", up to the end of the clause.
fn interviewer_in(text: &str) -> Option<String> {
    const WITH: Needle = Needle::new(" with ");
    let start = WITH.find(text)? + " with ".len();
    let rest = &text[start..];
    let end = rest.find(['.', ';', '(']).unwrap_or(rest.len());
    let who = rest[..end].trim().trim_end_matches(',').trim();
    (!who.is_empty()).then(|| who.to_owned())
}

/// Specialties under a "Specialties" section: sub-headings, or bullets when there are none.
fn specialties(tree: &[Section], index: usize, reporter: &mut Reporter) -> Vec<Specialty> {
    let section = &tree[index];
    let mut found = Vec::new();
    for &child in &section.children {
        let sub = &tree[child];
        let mut items = list_items(sub, reporter);
        for &grandchild in &sub.children {
            items.extend(list_items(&tree[grandchild], reporter));
        }
        found.push(Specialty {
            title: sub.title.plain(),
            description: paragraphs(&sub.blocks),
            items,
        });
    }
    if found.is_empty() {
        for item in list_items(section, reporter) {
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

fn assign_grades(
    family: &mut Family,
    grade_texts: &[Vec<(&RichText, u32)>],
    family_grade_texts: &[(&RichText, u32)],
    level_sections: &[usize],
    tree: &[Section],
    reporter: &mut Reporter,
) -> Option<Level> {
    let mut base_level = None;
    let mut no_grade_stated = vec![false; family.levels.len()];
    for (l, texts) in grade_texts.iter().enumerate() {
        for (text, _) in texts {
            match grade::find(text) {
                Some(GradeStatement::Grades(grades)) => {
                    family.levels[l].grade = grades.first().copied();
                    break;
                }
                Some(GradeStatement::NoGrade) => {
                    no_grade_stated[l] = true;
                    break;
                }
                None => {}
            }
        }
    }
    let family_statement = family_grade_texts
        .iter()
        .find_map(|(text, line)| grade::find(text).map(|s| (s, text, *line)));

    if family.levels.is_empty() {
        // A page with no level heading is one level, named by its grade sentence or its title.
        let (title, line) = match &family_statement {
            Some((_, text, line)) => (
                grade::subject(text)
                    .map(strip_role_word)
                    .unwrap_or_else(|| family.title.clone()),
                *line,
            ),
            None => (family.title.clone(), 1),
        };
        let page_is_level = Level {
            slug: String::new(),
            title,
            grade: None,
            hiring: HiringStatus::Open,
            line,
            summary: Vec::new(),
            responsibilities: std::mem::take(&mut family.responsibilities),
            requirements: std::mem::take(&mut family.requirements),
            nice_to_haves: std::mem::take(&mut family.nice_to_haves),
        };
        family.levels.push(page_is_level);
        no_grade_stated.push(false);
        match &family_statement {
            Some((GradeStatement::Grades(grades), _, _)) => {
                family.levels[0].grade = grades.first().copied()
            }
            Some((GradeStatement::NoGrade, _, _)) => no_grade_stated[0] = true,
            None => {}
        }
    } else if let Some((GradeStatement::Grades(grades), text, line)) = &family_statement {
        // "The roles described below are grades: 6, 7, 8": one grade per ungraded level, in order.
        let ungraded: Vec<usize> = (0..family.levels.len())
            .filter(|&l| family.levels[l].grade.is_none())
            .collect();
        let base_title = grade::subject(text).map(strip_role_word);
        let names_no_level = base_title.as_ref().is_some_and(|title| {
            let key = title_key(title);
            !family.levels.iter().any(|l| title_key(&l.title) == key)
        });
        if grades.len() == 1 && names_no_level && ungraded.len() != 1 {
            // A page-level "The X is a grade 6" beside level sections: X is the family's base level.
            base_level = Some(Level {
                slug: String::new(),
                title: base_title.unwrap_or_else(|| family.title.clone()),
                grade: Some(grades[0]),
                hiring: HiringStatus::Open,
                line: *line,
                summary: Vec::new(),
                responsibilities: Vec::new(),
                requirements: Vec::new(),
                nice_to_haves: Vec::new(),
            });
        } else if grades.len() == ungraded.len() {
            for (&l, &g) in ungraded.iter().zip(grades) {
                family.levels[l].grade = Some(g);
            }
        } else if grades.len() == 1
            && ungraded.len() == family.levels.len()
            && family.levels.len() == 1
        {
            family.levels[0].grade = Some(grades[0]);
        } else if !ungraded.is_empty() {
            reporter.report_line(
                *line,
                Severity::Info,
                Code::MissingGrade,
                &format!(
                    "the page lists {} grade(s) for {} level(s) without one; not assigned",
                    grades.len(),
                    ungraded.len()
                ),
            );
        }
    }

    for (l, level) in family.levels.iter().enumerate() {
        let line = level_sections.get(l).map_or(level.line, |&s| tree[s].line);
        match level.grade {
            Some(g) if !reporter.scale_has(g) => reporter.report_line(line, Severity::Warning, Code::GradeOutOfScale, &format!("level \"{}\" has grade {g}, which is not on the grade scale", level.title)),
            Some(_) => {}
            None if no_grade_stated[l] => reporter.report_line(line, Severity::Info, Code::NoGradeStated, &format!("the page says level \"{}\" has no job grade", level.title)),
            None => reporter.report_line(line, Severity::Error, Code::MissingGrade, &format!("level \"{}\" has no job grade; add a \"Job Grade\" section saying \"is a grade N\"", level.title)),
        }
    }
    base_level
}

/// "Engineering Manager role" → "Engineering Manager".
fn strip_role_word(subject: String) -> String {
    subject
        .strip_suffix(" role")
        .or_else(|| subject.strip_suffix(" position"))
        .map(str::to_owned)
        .unwrap_or(subject)
}

/// Phrases that mark a level as a future level or not hiring.
const NOT_HIRING_PHRASES: [PagePhrase; 3] = [
    PagePhrase::FutureLevel,
    PagePhrase::NotCurrentlyHiring,
    PagePhrase::NotHiringForThis,
];

/// "This position reports to …".
const REPORTS_TO: Needle = PagePhrase::ReportsTo.needle();

fn mark_hiring_status(levels: &mut [Level], tree: &[Section], owner: &[Option<usize>]) {
    let needles = NOT_HIRING_PHRASES.map(PagePhrase::needle);
    let says_not_hiring = |text: &RichText| needles.iter().any(|needle| text.mentions(needle));
    let mut not_hiring: Vec<bool> = levels
        .iter()
        .map(|level| {
            level.summary.iter().any(says_not_hiring)
                || level
                    .responsibilities
                    .iter()
                    .chain(&level.requirements)
                    .any(|i| says_not_hiring(&i.text))
        })
        .collect();
    for (index, section) in tree.iter().enumerate() {
        if let Some(l) = owner[index] {
            let mentions = section.blocks.iter().any(
                |block| matches!(block, Block::Paragraph { text, .. } if says_not_hiring(text)),
            );
            not_hiring[l] |= mentions;
        }
    }
    for (level, not_hiring) in levels.iter_mut().zip(not_hiring) {
        if not_hiring {
            level.hiring = HiringStatus::NotHiring;
        }
    }
}

/// "This position reports to …" anywhere on the page.
fn find_reporting_line(tree: &[Section]) -> Option<RichText> {
    fn in_items(items: &[ListItem]) -> Option<RichText> {
        items.iter().find_map(|item| {
            if item.text.mentions(&REPORTS_TO) {
                Some(item.text.clone())
            } else {
                in_items(&item.children)
            }
        })
    }
    tree.iter()
        .flat_map(|s| &s.blocks)
        .find_map(|block| match block {
            Block::Paragraph { text, .. } if text.mentions(&REPORTS_TO) => Some(text.clone()),
            Block::List { items } => in_items(items),
            _ => None,
        })
}

/// Slugs, duplicate titles, inheritance.
fn finish_levels(family: &mut Family, reporter: &mut Reporter) {
    let mut used: HashSet<String> = HashSet::with_capacity(family.levels.len());
    for level in family.levels.iter_mut() {
        let base = slugify(&level.title);
        let slug = super::claim_slug(&mut used, base.clone());
        if slug != base {
            reporter.report_line(
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
    super::inherit::resolve(family, reporter);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_durations_are_read_in_minutes_and_hours() {
        assert_eq!(minutes_in("A 30 minute screening call"), Some(30));
        assert_eq!(minutes_in("50-minute interview"), Some(50));
        assert_eq!(minutes_in("45 MIN chat"), Some(45));
        assert_eq!(minutes_in("a 1 hour panel"), Some(60));
        assert_eq!(minutes_in("2hrs"), Some(120));
        assert_eq!(minutes_in("Round 2 with 3 people"), None);
        assert_eq!(minutes_in("Q3 45 minutes"), Some(45));
    }

    #[test]
    fn the_interviewer_is_the_clause_after_with_in_any_case() {
        assert_eq!(
            interviewer_in("Interview WITH the Hiring Manager. Then more"),
            Some("the Hiring Manager".to_owned())
        );
        assert_eq!(
            interviewer_in("Call with a Recruiter (30 minutes)"),
            Some("a Recruiter".to_owned())
        );
        assert_eq!(interviewer_in("Take-home assessment"), None);
    }
}
