//! The reader: job-family pages (markdown with YAML front matter) → [`Catalog`].
//!
//! Pipeline per page: [`text::normalize`] → [`front_matter::split`] → [`blocks::read`] (pulldown-cmark)
//! → [`sections::TreeBuilder`] (fed block by block) → [`family::interpret`]. Then [`crate::ladder::link_catalog`] joins ladders
//! across pages. Every step is linear in the input and never panics; problems become diagnostics.

mod blocks;
mod context;
mod family;
mod front_matter;
mod grade;
mod inherit;
mod ladder_section;
mod mermaid;
mod page_phrases;
mod sections;
pub mod source;
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
    let mut builder = CatalogBuilder::new(options.clone());
    for page in pages {
        builder.add(page);
    }
    builder.finish()
}

/// A catalog read one page at a time (so a caller can report progress between pages); the
/// result is the one [`parse_catalog`] gives for the same pages in any order.
pub struct CatalogBuilder {
    options: ParseOptions,
    /// Each page's family and diagnostics, with its path.
    read: Vec<(String, Family, Vec<Diagnostic>)>,
}

impl CatalogBuilder {
    /// An empty catalog read with `options`.
    pub fn new(options: ParseOptions) -> CatalogBuilder {
        CatalogBuilder {
            options,
            read: Vec::new(),
        }
    }

    /// Reads one page.
    pub fn add(&mut self, page: &SourcePage) {
        let (family, diagnostics) = parse_page(page, &self.options);
        self.read.push((page.path.clone(), family, diagnostics));
    }

    /// The catalog: families in path order, each slug unique, ladders linked across pages.
    pub fn finish(mut self) -> Catalog {
        self.read.sort_by(|a, b| a.0.cmp(&b.0));
        let mut families: Vec<Family> = Vec::with_capacity(self.read.len());
        let mut slugs: foldhash::HashSet<String> = Default::default();
        let mut diagnostics = Vec::new();
        for (_, mut family, mut found) in self.read {
            family.slug = claim_slug(&mut slugs, std::mem::take(&mut family.slug));
            families.push(family);
            diagnostics.append(&mut found);
        }
        let mut catalog = Catalog {
            schema: SCHEMA_VERSION,
            families,
            diagnostics,
            scale: self.options.scale,
        };
        crate::ladder::link_catalog(&mut catalog);
        catalog
    }
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
    let context = context::PageContext::new(&text, options);
    let mut sink = context::DiagnosticSink::new(&page.path, &text);
    let split = front_matter::split(&text);
    if let Some((line, message)) = &split.error {
        sink.report_line(
            *line,
            Severity::Error,
            Code::FrontMatter,
            &format!("front matter is not valid YAML: {message}"),
        );
    }
    let mut tree = sections::TreeBuilder::new();
    blocks::read(
        split.body,
        split.body_offset,
        &context,
        &mut sink,
        |block| tree.push(block),
    );
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
            sink.report_line(
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
    let family = family::interpret(&mut tree, info, &context, &mut sink);
    if family.levels.is_empty() {
        sink.report_line(
            1,
            Severity::Error,
            Code::NoLevels,
            "the page yields no level",
        );
    }
    (family, sink.into_diagnostics())
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
