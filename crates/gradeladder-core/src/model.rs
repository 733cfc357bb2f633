//! The catalog's data model: families, levels, items, ladders. Plain data with serde, so the
//! same types travel from the parser to the CLI's JSON and into the browser.

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::level_id::LevelId;
use crate::rich::RichText;
use crate::scale::GradeScale;

/// The version of the JSON form of [`Catalog`]; bumped on any incompatible change.
///
/// Every field is always written (no skipped defaults) and enums are externally tagged, so the
/// same serde impls also work with compact non-self-describing formats (the web app embeds the
/// catalog with postcard).
pub const SCHEMA_VERSION: u32 = 2;

/// Every job family read from a data set, with what the reader had to say about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Always [`SCHEMA_VERSION`] for catalogs this crate writes.
    pub schema: u32,
    /// Families in source-path order.
    pub families: Vec<Family>,
    /// Problems found while reading, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// Grade → title table used to name grades.
    pub scale: GradeScale,
}

/// One job-family page: a set of levels that share a description and a ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// URL-safe identifier, unique in the catalog.
    pub slug: String,
    /// Page title (front matter `title`, else the first heading, else the file name).
    pub title: String,
    /// Front-matter description, if any.
    pub description: Option<String>,
    /// Path of the page relative to the data directory, with `/` separators.
    pub source: String,
    /// Opening paragraphs before the first section.
    pub intro: Vec<RichText>,
    /// The reporting line, when the page states one ("This position reports to …").
    pub reports_to: Option<RichText>,
    /// Responsibilities that apply to every level of the family.
    pub responsibilities: Vec<Item>,
    /// Requirements that apply to every level of the family.
    pub requirements: Vec<Item>,
    /// Nice-to-haves that apply to every level of the family.
    pub nice_to_haves: Vec<Item>,
    /// Performance indicators of the family.
    pub performance_indicators: Vec<Item>,
    /// Steps of the hiring process, in order.
    pub hiring_process: Vec<HiringStep>,
    /// Specialties (focus areas) of the family.
    pub specialties: Vec<Specialty>,
    /// Levels in page order.
    pub levels: Vec<Level>,
    /// The family's career ladder: page-given edges plus the grade order of its levels.
    pub ladder: Ladder,
}

/// Whether a level is being hired for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum HiringStatus {
    /// A level the company hires for.
    #[default]
    Open,
    /// A level the page calls future, or says is not being hired for.
    NotHiring,
}

/// One level of a family, such as "Senior Engineering Manager, Engineering Productivity".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// URL-safe identifier, unique within the family.
    pub slug: String,
    /// The level's title as the page gives it.
    pub title: String,
    /// Job grade, or `None` when the page gives none (never guessed).
    pub grade: Option<u8>,
    /// Whether the level is being hired for.
    pub hiring: HiringStatus,
    /// 1-based line of the heading (or grade line) that introduces the level.
    pub line: u32,
    /// Paragraphs under the level heading that are not in a named section.
    pub summary: Vec<RichText>,
    /// The level's own responsibilities, as the page lists them.
    pub responsibilities: Vec<Item>,
    /// The level's own requirements.
    pub requirements: Vec<Item>,
    /// The level's own nice-to-haves.
    pub nice_to_haves: Vec<Item>,
    /// Lists this level takes over from another level or from the family ("All responsibilities
    /// of the Senior X, plus"), by reference: the items stay where the page wrote them, so a long
    /// chain of levels each extending the one before stays linear in size.
    /// `expectations::expected_lists` spells them out.
    pub inherits: Vec<Inheritance>,
}

/// One list a level takes over: the `list` of `from` (a level of the same family, or the family).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inheritance {
    /// Which list is taken over (the same list of the source).
    pub list: ListKind,
    /// Where it comes from: [`Origin::Family`] or [`Origin::Level`], never [`Origin::Own`].
    pub from: Origin,
}

/// Which of the three item lists of a level (and of its family) a list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// What the role does.
    Responsibilities,
    /// What the role asks of a candidate.
    Requirements,
    /// What helps but is not required.
    NiceToHaves,
}

impl ListKind {
    /// The three lists in display order.
    pub const ALL: [ListKind; 3] = [
        ListKind::Responsibilities,
        ListKind::Requirements,
        ListKind::NiceToHaves,
    ];

    /// The list's name as a heading shows it.
    pub const fn label(self) -> &'static str {
        match self {
            ListKind::Responsibilities => "Responsibilities",
            ListKind::Requirements => "Requirements",
            ListKind::NiceToHaves => "Nice-to-haves",
        }
    }

    /// The heading endings (as lower-case words) that introduce this list on a page, in the
    /// order the reader tries them.
    pub const fn heading_words(self) -> &'static [&'static [&'static str]] {
        match self {
            ListKind::Responsibilities => &[&["responsibilities"], &["job", "responsibilities"]],
            ListKind::Requirements => &[&["requirements"], &["qualifications"]],
            ListKind::NiceToHaves => &[&["nice", "to", "haves"], &["nice", "to", "have"]],
        }
    }

    /// The lower-case stem a sentence names the list by ("all the *requirement*s of …").
    pub const fn stem(self) -> &'static str {
        match self {
            ListKind::Responsibilities => "responsibilit",
            ListKind::Requirements => "requirement",
            ListKind::NiceToHaves => "nice",
        }
    }
}

/// Where an item of a list, as shown, comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Written in this list on the page.
    #[default]
    Own,
    /// Taken over by an inheritance phrase from the family-wide list.
    Family,
    /// Taken over by an inheritance phrase from another level of the same family.
    Level {
        /// Slug of the level the item was copied from.
        slug: String,
        /// Title of that level.
        title: String,
    },
}

/// One bullet of a list (responsibility, requirement, …), with nested bullets kept nested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Item {
    /// The bullet's text.
    pub text: RichText,
    /// Own or inherited, and from where.
    pub origin: Origin,
    /// Nested bullets.
    pub children: Vec<Item>,
    /// 1-based source line of the bullet.
    pub line: u32,
}

impl Origin {
    /// True for items written where they appear.
    pub fn is_own(&self) -> bool {
        matches!(self, Origin::Own)
    }
}

/// One step of a hiring process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HiringStep {
    /// The step as written.
    pub text: RichText,
    /// Duration in minutes, when the text says so ("a 45 minute interview").
    pub minutes: Option<u32>,
    /// Who the candidate meets, when the text says so ("with the VP of Development").
    pub interviewer: Option<String>,
}

/// A specialty of a family: a titled focus area with its own text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Specialty {
    /// Heading or bullet text naming the specialty.
    pub title: String,
    /// Paragraphs describing it.
    pub description: Vec<RichText>,
    /// Bullets under it.
    pub items: Vec<Item>,
}

/// A directed graph of roles: who moves on to what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Ladder {
    /// Roles on the ladder.
    pub nodes: Vec<LadderNode>,
    /// Moves between roles, `from` → `to` by node id.
    pub edges: Vec<LadderEdge>,
    /// Ladder prose that names no concrete role ("… not yet defined").
    pub notes: Vec<RichText>,
}

/// A role on a ladder: a level of this catalog or a role outside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LadderNode {
    /// Identifier, unique within the ladder.
    pub id: String,
    /// Display label.
    pub label: String,
    /// What the node stands for.
    pub target: NodeTarget,
    /// Whether the page marks this node as its own role.
    pub selected: bool,
}

/// What a ladder node points at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeTarget {
    /// A level in this catalog.
    Level(LevelId),
    /// A role outside the catalog, with its link when the page gives one.
    External {
        /// Absolute URL of the role's page.
        href: Option<String>,
    },
    /// A step the page names but says does not exist yet.
    Undefined,
}

/// A move on a ladder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LadderEdge {
    /// Node id of the earlier role.
    pub from: String,
    /// Node id of the next role.
    pub to: String,
}

impl Catalog {
    /// Every level with its family, in catalog order.
    pub fn levels(&self) -> impl Iterator<Item = (&Family, &Level)> {
        self.families
            .iter()
            .flat_map(|family| family.levels.iter().map(move |level| (family, level)))
    }

    /// The family with this slug.
    pub fn family(&self, slug: &str) -> Option<&Family> {
        self.families.iter().find(|family| family.slug == slug)
    }

    /// The level at `family/level`.
    pub fn level(&self, family: &str, level: &str) -> Option<(&Family, &Level)> {
        let family = self.family(family)?;
        let level = family.levels.iter().find(|l| l.slug == level)?;
        Some((family, level))
    }

    /// Serialises the catalog in its versioned JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the catalog holds only JSON-representable data")
    }

    /// Reads a catalog from its JSON form, refusing other schema versions.
    pub fn from_json(json: &str) -> Result<Catalog, String> {
        let catalog: Catalog = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if catalog.schema != SCHEMA_VERSION {
            return Err(format!(
                "catalog schema {} is not supported (expected {SCHEMA_VERSION})",
                catalog.schema
            ));
        }
        Ok(catalog)
    }
}

impl Level {
    /// A level titled `title`, introduced at `line`: open for hiring, not yet graded, slugged or
    /// filled.
    pub fn named(title: String, line: u32) -> Level {
        Level {
            slug: String::new(),
            title,
            grade: None,
            hiring: HiringStatus::Open,
            line,
            summary: Vec::new(),
            responsibilities: Vec::new(),
            requirements: Vec::new(),
            nice_to_haves: Vec::new(),
            inherits: Vec::new(),
        }
    }

    /// The level's own list of `kind` (what it inherits is in [`Level::inherits`]).
    pub fn list(&self, kind: ListKind) -> &Vec<Item> {
        match kind {
            ListKind::Responsibilities => &self.responsibilities,
            ListKind::Requirements => &self.requirements,
            ListKind::NiceToHaves => &self.nice_to_haves,
        }
    }

    /// The level's list of `kind`, to change.
    pub fn list_mut(&mut self, kind: ListKind) -> &mut Vec<Item> {
        match kind {
            ListKind::Responsibilities => &mut self.responsibilities,
            ListKind::Requirements => &mut self.requirements,
            ListKind::NiceToHaves => &mut self.nice_to_haves,
        }
    }
}

impl Family {
    /// The family-wide list of `kind` (items that apply to every level).
    pub fn list(&self, kind: ListKind) -> &Vec<Item> {
        match kind {
            ListKind::Responsibilities => &self.responsibilities,
            ListKind::Requirements => &self.requirements,
            ListKind::NiceToHaves => &self.nice_to_haves,
        }
    }

    /// The family-wide list of `kind`, to change.
    pub fn list_mut(&mut self, kind: ListKind) -> &mut Vec<Item> {
        match kind {
            ListKind::Responsibilities => &mut self.responsibilities,
            ListKind::Requirements => &mut self.requirements,
            ListKind::NiceToHaves => &mut self.nice_to_haves,
        }
    }

    /// The level with this slug.
    pub fn level(&self, slug: &str) -> Option<&Level> {
        self.levels.iter().find(|level| level.slug == slug)
    }
}
