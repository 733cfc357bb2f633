//! The reader: job-family pages (markdown with YAML front matter) → [`Catalog`].
//!
//! Pipeline per page: [`text::normalize`] → [`front_matter::split`] → [`blocks::read`] (pulldown-cmark)
//! → [`sections::TreeBuilder`] (fed block by block) → [`family::interpret`]. Then [`crate::ladder::link_catalog`] joins ladders
//! across pages. Every step is linear in the input and never panics; problems become diagnostics.

mod blocks;
mod family;
mod front_matter;
mod grade;
mod inherit;
mod ladder_section;
mod mermaid;
mod page_phrases;
mod sections;
pub(crate) mod text;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::model::{Catalog, Family, SCHEMA_VERSION};
use crate::scale::GradeScale;
use crate::words::slugify;

/// A page to read: its path relative to the data directory, and its text.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path with `/` separators, used in diagnostics and as the family's `source`.
    pub path: String,
    /// The page's text as stored.
    pub text: String,
}

/// Settings of the reader.
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Base URL that handbook-relative links (`/handbook/…`) resolve against.
    pub base_url: String,
    /// The grade scale grades are checked against.
    pub scale: GradeScale,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            base_url: "https://about.gitlab.com".to_owned(),
            scale: GradeScale::gitlab(),
        }
    }
}

/// Reads every page into one catalog; families come out in path order.
pub fn parse_catalog(pages: &[SourcePage], options: &ParseOptions) -> Catalog {
    let mut sorted: Vec<&SourcePage> = pages.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut families: Vec<Family> = Vec::with_capacity(pages.len());
    let mut slugs: foldhash::HashSet<String> = Default::default();
    let mut diagnostics = Vec::new();
    for page in sorted {
        let (mut family, mut found) = parse_page(page, options);
        family.slug = claim_slug(&mut slugs, std::mem::take(&mut family.slug));
        families.push(family);
        diagnostics.append(&mut found);
    }
    let mut catalog = Catalog {
        schema: SCHEMA_VERSION,
        families,
        diagnostics,
        scale: options.scale.clone(),
    };
    crate::ladder::link_catalog(&mut catalog);
    catalog
}

/// `base`, or the first of `base-2`, `base-3`, … not yet in `used`; the slug returned is added
/// to `used`.
fn claim_slug(used: &mut foldhash::HashSet<String>, base: String) -> String {
    let mut slug = base.clone();
    let mut n = 2;
    while used.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    used.insert(slug.clone());
    slug
}

/// Reads one page into a family and the diagnostics about it.
pub fn parse_page(page: &SourcePage, options: &ParseOptions) -> (Family, Vec<Diagnostic>) {
    let text = text::normalize(&page.text);
    let mut reporter = Reporter::new(&page.path, &text, options);
    let split = front_matter::split(&text);
    if let Some((line, message)) = &split.error {
        reporter.report_line(
            *line,
            Severity::Error,
            Code::FrontMatter,
            &format!("front matter is not valid YAML: {message}"),
        );
    }
    let mut tree = sections::TreeBuilder::new();
    blocks::read(split.body, split.body_offset, &mut reporter, |block| {
        tree.push(block)
    });
    let mut tree = tree.finish();
    let stem = page
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&page.path)
        .split('.')
        .next()
        .unwrap_or("");
    let title = match &split.front_matter.title {
        Some(title) => title.clone(),
        None => {
            let heading = tree
                .iter()
                .skip(1)
                .find(|s| s.depth == 1)
                .map(|s| s.title.plain());
            let fallback = heading.unwrap_or_else(|| title_from_file_name(stem));
            reporter.report_line(
                1,
                Severity::Warning,
                Code::MissingTitle,
                &format!("the page has no `title` in its front matter; using \"{fallback}\""),
            );
            fallback
        }
    };
    let info = family::PageInfo {
        slug: slugify(stem),
        title,
        description: split.front_matter.description.clone(),
        source: page.path.clone(),
    };
    let family = family::interpret(&mut tree, info, &mut reporter);
    if family.levels.is_empty() {
        reporter.report_line(
            1,
            Severity::Error,
            Code::NoLevels,
            "the page yields no level",
        );
    }
    (family, reporter.diagnostics)
}

fn title_from_file_name(stem: &str) -> String {
    let words: Vec<String> = stem
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or(String::new(), |f| f.to_uppercase().chain(chars).collect())
        })
        .collect();
    words.join(" ")
}

/// Collects diagnostics for one page and turns byte offsets into lines.
pub(crate) struct Reporter<'a> {
    file: &'a str,
    text: &'a str,
    /// The page-wide phrases the page says.
    phrases: page_phrases::PhrasesFound,
    lines: text::LineIndex<'a>,
    base_url: &'a str,
    scale: &'a GradeScale,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    fn new(file: &'a str, text: &'a str, options: &'a ParseOptions) -> Self {
        Reporter {
            file,
            text,
            phrases: page_phrases::scan(text),
            lines: text::LineIndex::new(text),
            base_url: options.base_url.trim_end_matches('/'),
            scale: &options.scale,
            diagnostics: Vec::new(),
        }
    }

    /// 1-based line of a byte offset into the page.
    fn line(&self, offset: usize) -> u32 {
        self.lines.line(offset)
    }

    /// Records a problem at a byte offset.
    fn report(&mut self, offset: usize, severity: Severity, code: Code, message: &str) {
        let (line, column) = self.lines.position(offset);
        self.push(line, column, severity, code, message);
    }

    /// Records a problem at the first non-blank column of a line.
    fn report_line(&mut self, line: u32, severity: Severity, code: Code, message: &str) {
        let start = self.lines.line_start(line);
        let indent = self.text[start..]
            .chars()
            .take_while(|c| *c != '\n' && c.is_whitespace())
            .count();
        self.push(line, indent as u32 + 1, severity, code, message);
    }

    fn push(&mut self, line: u32, column: u32, severity: Severity, code: Code, message: &str) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            line,
            column,
            severity,
            code: code.as_str().to_owned(),
            message: message.to_owned(),
        });
    }

    /// Whether the page text says `phrase` anywhere, in any case and however its words are spaced
    /// or wrapped.
    fn page_says(&self, phrase: page_phrases::PagePhrase) -> bool {
        self.phrases.has(phrase)
    }

    /// Every page-wide phrase the page says, to hand to code that does not hold the reporter.
    fn page_phrases(&self) -> page_phrases::PhrasesFound {
        self.phrases
    }

    /// Whether the grade scale has this grade.
    fn scale_has(&self, grade: u8) -> bool {
        self.scale.contains(grade)
    }

    /// An absolute, safe link target; empty when the target is dropped.
    fn resolve_link(&mut self, href: &str, offset: usize) -> String {
        let href = href.trim();
        // The common cases first: handbook-relative paths, anchors and web links.
        if href.starts_with('/') && !href.starts_with("//") {
            let mut absolute = String::with_capacity(self.base_url.len() + href.len());
            absolute.push_str(self.base_url);
            absolute.push_str(href);
            return absolute;
        }
        if href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://") {
            return href.to_owned();
        }
        let scheme: String = href
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .take_while(|&c| c != ':')
            .collect::<String>()
            .to_ascii_lowercase();
        let has_scheme = href.contains(':')
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.');
        if has_scheme && matches!(scheme.as_str(), "javascript" | "data" | "vbscript") {
            self.report(
                offset,
                Severity::Warning,
                Code::UnsafeLink,
                &format!(
                    "a `{scheme}:` link target was removed; links may only point to web pages"
                ),
            );
            return String::new();
        }
        if has_scheme {
            return if matches!(scheme.as_str(), "http" | "https" | "mailto") {
                href.to_owned()
            } else {
                String::new()
            };
        }
        if href.is_empty() || href.starts_with('#') {
            return href.to_owned();
        }
        if let Some(rest) = href.strip_prefix("//") {
            return format!("https://{rest}");
        }
        let path = href.trim_start_matches("./");
        if path.starts_with('/') {
            format!("{}{}", self.base_url, path)
        } else {
            format!("{}/{}", self.base_url, path)
        }
    }
}
