//! Blocks → a tree of headed sections, each classified by what its heading names.

use super::blocks::Block;
use crate::model::ListKind;
use crate::rich::RichText;
use crate::words::{key_of_words, words};

/// What a heading says its section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The page itself (the tree's root).
    Page,
    /// "Levels", "Job Grades": a container of levels.
    Levels,
    /// "Job Grade": the grade of the enclosing (or named) level.
    JobGrade,
    /// One of a level's (or the family's) item lists: "Responsibilities", "Requirements",
    /// "Qualifications", "Nice to haves".
    List(ListKind),
    /// "Performance Indicators".
    PerformanceIndicators,
    /// "Hiring Process".
    HiringProcess,
    /// "Specialties", "Specializations".
    Specialties,
    /// "Career Ladder", "Career Progression".
    Ladder,
    /// Anything else: a level's title, or a topic of its own.
    Other,
}

/// One heading and everything up to the next heading of the same or lower depth.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading depth, 0 for the page.
    pub depth: u8,
    /// Heading text.
    pub title: RichText,
    /// 1-based line of the heading.
    pub line: u32,
    /// What the heading names.
    pub kind: Kind,
    /// Words before the kind's keyword, naming a level ("Director, X" in "Director, X Job Grade").
    pub prefix: String,
    /// Normalised words of the title, for matching level names; empty unless the section may
    /// introduce a level (kinds `Other` and `JobGrade`).
    pub title_key: Vec<String>,
    /// Normalised words of `prefix`; empty when there is no prefix.
    pub prefix_key: Vec<String>,
    /// Blocks directly under the heading.
    pub blocks: Vec<Block>,
    /// Sub-sections, by index into the tree.
    pub children: Vec<usize>,
    /// Enclosing section, `None` for the page.
    pub parent: Option<usize>,
}

/// Builds the section tree block by block, in page order, as the reader produces them.
pub struct TreeBuilder {
    /// The sections so far; index 0 is the page.
    tree: Vec<Section>,
    /// The chain of open sections, page first.
    open: Vec<usize>,
}

impl TreeBuilder {
    /// A tree holding only the page.
    pub fn new() -> TreeBuilder {
        TreeBuilder {
            tree: vec![Section {
                depth: 0,
                title: RichText::default(),
                line: 1,
                kind: Kind::Page,
                prefix: String::new(),
                title_key: Vec::new(),
                prefix_key: Vec::new(),
                blocks: Vec::new(),
                children: Vec::new(),
                parent: None,
            }],
            open: vec![0],
        }
    }

    /// Adds the next block: a heading opens a section, anything else goes to the open one.
    pub fn push(&mut self, block: Block) {
        let tree = &mut self.tree;
        match block {
            Block::Heading { depth, text, line } => {
                while self.open.len() > 1
                    && tree[*self.open.last().expect("non-empty")].depth >= depth
                {
                    self.open.pop();
                }
                let parent = *self.open.last().expect("page stays open");
                let plain = text.plain();
                let heading_words = words(&plain);
                let (kind, prefix, prefix_words) = classify_words(&plain, &heading_words);
                let prefix_key = key_of_words(heading_words[..prefix_words].to_vec());
                let index = tree.len();
                tree.push(Section {
                    depth,
                    title: text,
                    line,
                    kind,
                    // Only level candidates are matched by name.
                    title_key: if matches!(kind, Kind::Other | Kind::JobGrade) {
                        key_of_words(heading_words)
                    } else {
                        Vec::new()
                    },
                    prefix_key,
                    prefix,
                    blocks: Vec::new(),
                    children: Vec::new(),
                    parent: Some(parent),
                });
                tree[parent].children.push(index);
                self.open.push(index);
            }
            other => {
                let current = *self.open.last().expect("page stays open");
                tree[current].blocks.push(other);
            }
        }
    }

    /// The finished tree; index 0 is the page.
    pub fn finish(self) -> Vec<Section> {
        self.tree
    }
}

/// The sections enclosing section `index`, nearest first (the page last).
pub fn ancestors(tree: &[Section], index: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(tree[index].parent, move |&p| tree[p].parent)
}

/// The nearest enclosing section that is not about levels (specialties, hiring process,
/// performance indicators, ladder), if any.
pub fn special_ancestor(tree: &[Section], index: usize) -> Option<Kind> {
    ancestors(tree, index).map(|a| tree[a].kind).find(|k| {
        matches!(
            k,
            Kind::Specialties | Kind::HiringProcess | Kind::PerformanceIndicators | Kind::Ladder
        )
    })
}

/// Whether section `index` stands inside a section that is not about levels.
pub fn inside_special(tree: &[Section], index: usize) -> bool {
    special_ancestor(tree, index).is_some()
}

/// Whether section `index` stands inside a "Specialties" section.
pub fn inside_specialties(tree: &[Section], index: usize) -> bool {
    ancestors(tree, index).any(|a| tree[a].kind == Kind::Specialties)
}

/// Keywords (as words) that end a heading of each kind, longest first within a kind.
const KEYWORDS: &[(Kind, &[&[&str]])] = &[
    (
        Kind::List(ListKind::NiceToHaves),
        ListKind::NiceToHaves.heading_words(),
    ),
    (
        Kind::PerformanceIndicators,
        &[
            &["performance", "indicators", "pi"],
            &["performance", "indicators"],
            &["performance", "indicator"],
            &["kpis"],
        ],
    ),
    (
        Kind::HiringProcess,
        &[&["hiring", "process"], &["hiring", "plan"]],
    ),
    (
        Kind::Specialties,
        &[
            &["specialties"],
            &["specialities"],
            &["specializations"],
            &["specialisations"],
            &["specialty"],
        ],
    ),
    (
        Kind::Ladder,
        &[
            &["career", "ladder"],
            &["career", "progression"],
            &["career", "path"],
        ],
    ),
    (
        Kind::Levels,
        &[&["job", "grades"], &["levels"], &["job", "levels"]],
    ),
    (Kind::JobGrade, &[&["job", "grade"], &["grade"]]),
    (
        Kind::List(ListKind::Responsibilities),
        ListKind::Responsibilities.heading_words(),
    ),
    (
        Kind::List(ListKind::Requirements),
        ListKind::Requirements.heading_words(),
    ),
];

/// Kind of a heading, and the words before its keyword.
#[cfg(test)]
pub fn classify(title: &str) -> (Kind, String) {
    let (kind, prefix, _) = classify_words(title, &words(title));
    (kind, prefix)
}

/// [`classify`] of a title already split by [`words`], with the number of words in the prefix.
fn classify_words(title: &str, heading_words: &[String]) -> (Kind, String, usize) {
    for (kind, keywords) in KEYWORDS {
        for keyword in *keywords {
            let Some(head) = heading_words.len().checked_sub(keyword.len()) else {
                continue;
            };
            let ends_with_keyword = heading_words[head..]
                .iter()
                .zip(keyword.iter())
                .all(|(word, key)| word == key);
            let is_containers = matches!(kind, Kind::Levels);
            if ends_with_keyword && (head == 0 || !is_containers) {
                return (*kind, prefix_of(title, head), head);
            }
        }
    }
    let starts_with_performance_indicators = matches!(
        heading_words,
        [first, second, ..] if first == "performance" && second.starts_with("indicators")
    );
    if starts_with_performance_indicators {
        return (Kind::PerformanceIndicators, String::new(), 0);
    }
    (Kind::Other, String::new(), 0)
}

/// The first `count` words of `title` as written (punctuation kept, trailing separators trimmed).
fn prefix_of(title: &str, count: usize) -> String {
    if count == 0 {
        return String::new();
    }
    let mut seen = 0;
    let mut end = 0;
    let mut in_word = false;
    for (i, c) in title.char_indices() {
        if c.is_alphanumeric() {
            if !in_word {
                if seen == count {
                    break;
                }
                seen += 1;
                in_word = true;
            }
            end = i + c.len_utf8();
        } else {
            in_word = false;
        }
    }
    title[..end]
        .trim()
        .trim_end_matches([',', ':', '-', '–'])
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_kinds_and_level_prefixes() {
        assert_eq!(classify("Job Grade"), (Kind::JobGrade, String::new()));
        assert_eq!(
            classify("Director, Technical Program Management Job Grade"),
            (
                Kind::JobGrade,
                "Director, Technical Program Management".to_owned()
            )
        );
        assert_eq!(
            classify("Nice-to-haves"),
            (Kind::List(ListKind::NiceToHaves), String::new())
        );
        assert_eq!(
            classify("Performance Indicators (PI)"),
            (Kind::PerformanceIndicators, String::new())
        );
        assert_eq!(classify("Levels"), (Kind::Levels, String::new()));
        assert_eq!(classify("Job Grades"), (Kind::Levels, String::new()));
        assert_eq!(classify("Manager, IT"), (Kind::Other, String::new()));
        assert_eq!(
            classify("Frontend Engineer Performance Indicators").0,
            Kind::PerformanceIndicators
        );
    }
}
