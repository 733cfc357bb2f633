//! The site data file: what one Gradeladder bundle shows (its title, its catalog, its pay model),
//! in one versioned, checked binary file that the app and the widget load beside their code
//! (`data.bin`), that `gradeladder build` writes, and that the in-browser import can download.
//!
//! Layout: the 8-byte magic `GLDATA\r\n`, the format version (u16, little endian), the body's length
//! (u32 LE) and its FNV-1a 64 hash (u64 LE), then the body: [`SiteData`] in postcard. The check
//! catches a file that is something else, one from a newer or older Gradeladder, and one that was
//! cut short or changed on the way, each with its own message.

use serde::{Deserialize, Serialize};

use crate::model::{Catalog, SCHEMA_VERSION};
use crate::pay::PayModel;

/// The version of the data file's layout and body; bumped on any incompatible change (a change of
/// [`SCHEMA_VERSION`] or of the pay model's form included).
pub const DATA_FORMAT: u16 = 2;

/// The name of the data file in a bundle, beside the app's wasm (and the widget's).
pub const DATA_FILE_NAME: &str = "data.bin";

/// What every data file starts with. `\r\n` makes a file mangled by a text transfer fail here.
const MAGIC: &[u8; 8] = b"GLDATA\r\n";
const HEADER_LEN: usize = 8 + 2 + 4 + 8;

/// Everything a bundle shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteData {
    /// The site's name ("Acme careers"): header, page titles, install name.
    pub title: String,
    /// Where the job-family pages come from and under which licence, shown in the footer; empty
    /// when the site says nothing.
    pub source: String,
    /// The roles.
    pub catalog: Catalog,
    /// The pay model; `None` when the site publishes no pay ranges.
    pub pay: Option<PayModel>,
}

/// Why bytes are not a usable data file. The messages name the file's problem in words a site
/// maintainer can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataFileError {
    /// The bytes do not start like a data file (an HTML error page, a wrong path).
    NotADataFile {
        /// What the file starts with, for the message (printable characters only).
        starts_with: String,
    },
    /// Written by a Gradeladder whose format this one does not read.
    Format {
        /// The file's format version.
        found: u16,
    },
    /// Shorter than its header says, or changed after it was written.
    Damaged {
        /// What is wrong.
        detail: String,
    },
}

impl std::fmt::Display for DataFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataFileError::NotADataFile { starts_with } if starts_with.is_empty() => {
                write!(f, "it is not a Gradeladder data file (it is empty)")
            }
            DataFileError::NotADataFile { starts_with } => write!(
                f,
                "it is not a Gradeladder data file (it starts with \"{starts_with}\")"
            ),
            DataFileError::Format { found } if *found > DATA_FORMAT => write!(
                f,
                "it was written by a newer Gradeladder (data format {found}; this one reads format {DATA_FORMAT}): rebuild the site with the same version as its app"
            ),
            DataFileError::Format { found } => write!(
                f,
                "it was written by an older Gradeladder (data format {found}; this one reads format {DATA_FORMAT}): rebuild it with `gradeladder build`"
            ),
            DataFileError::Damaged { detail } => write!(f, "it is damaged ({detail})"),
        }
    }
}

impl std::error::Error for DataFileError {}

impl SiteData {
    /// The site narrowed to the family `slug`: a catalog of that family alone, with the same
    /// grade scale, title, source and pay model, and without the reader's diagnostics (no widget
    /// shows them). What a widget showing one of that family's roles needs, where the whole site
    /// can be every page of a handbook. `None` when the catalog has no such family.
    pub fn family_only(&self, slug: &str) -> Option<SiteData> {
        let family = self.catalog.family(slug)?.clone();
        Some(SiteData {
            title: self.title.clone(),
            source: self.source.clone(),
            catalog: Catalog {
                schema: self.catalog.schema,
                families: vec![family],
                diagnostics: Vec::new(),
                scale: self.catalog.scale.clone(),
            },
            pay: self.pay.clone(),
        })
    }

    /// The data file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let body = postcard::to_allocvec(self).expect("site data always serialises");
        let mut bytes = Vec::with_capacity(HEADER_LEN + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&DATA_FORMAT.to_le_bytes());
        bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&fnv1a(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        bytes
    }

    /// Reads a data file, checking that it is one, its format, its length and its hash.
    pub fn decode(bytes: &[u8]) -> Result<SiteData, DataFileError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(DataFileError::NotADataFile {
                starts_with: printable_start(bytes),
            });
        }
        if bytes.len() < HEADER_LEN {
            return Err(DataFileError::Damaged {
                detail: format!("{} bytes, shorter than its header", bytes.len()),
            });
        }
        let format = u16::from_le_bytes([bytes[8], bytes[9]]);
        if format != DATA_FORMAT {
            return Err(DataFileError::Format { found: format });
        }
        let length = u32::from_le_bytes(bytes[10..14].try_into().expect("4 bytes")) as usize;
        let hash = u64::from_le_bytes(bytes[14..22].try_into().expect("8 bytes"));
        let body = &bytes[HEADER_LEN..];
        if body.len() != length {
            return Err(DataFileError::Damaged {
                detail: format!(
                    "{} bytes of data where its header says {length}: it was cut short or added to",
                    body.len()
                ),
            });
        }
        if fnv1a(body) != hash {
            return Err(DataFileError::Damaged {
                detail: "its contents changed after it was written".to_owned(),
            });
        }
        let site: SiteData = postcard::from_bytes(body).map_err(|e| DataFileError::Damaged {
            detail: format!("its contents do not read back: {e}"),
        })?;
        if site.catalog.schema != SCHEMA_VERSION {
            return Err(DataFileError::Damaged {
                detail: format!(
                    "its catalog has schema {}, where format {DATA_FORMAT} always has {SCHEMA_VERSION}",
                    site.catalog.schema
                ),
            });
        }
        Ok(site)
    }
}

/// FNV-1a, 64 bit: enough to tell a damaged file from an intact one, or one build's files from
/// the next's (not a defence against someone who means to change them).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continue(0xcbf2_9ce4_8422_2325, bytes)
}

/// [`fnv1a`] of everything hashed so far (`hash`) followed by `bytes`.
pub fn fnv1a_continue(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn printable_start(bytes: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(&bytes[..bytes.len().min(24)])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.trim();
    if text.chars().any(|c| c != '\u{fffd}' && c != ' ') {
        text.to_owned()
    } else if bytes.is_empty() {
        String::new()
    } else {
        "binary data".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scale::GradeScale;

    fn site() -> SiteData {
        SiteData {
            title: "Acme careers".to_owned(),
            source: "Acme's handbook".to_owned(),
            catalog: Catalog {
                schema: SCHEMA_VERSION,
                families: Vec::new(),
                diagnostics: Vec::new(),
                scale: GradeScale::default(),
            },
            pay: None,
        }
    }

    #[cfg(feature = "parse")]
    #[test]
    fn a_family_only_site_holds_that_family_with_the_whole_sites_scale_and_pay() {
        let whole = crate::seeds::site();
        let slug = whole.catalog.families[1].slug.clone();
        let narrowed = whole.family_only(&slug).expect("a seed family");
        assert_eq!(
            narrowed.catalog.families,
            [whole.catalog.families[1].clone()]
        );
        assert_eq!(narrowed.catalog.scale, whole.catalog.scale);
        assert_eq!(narrowed.pay, whole.pay);
        assert_eq!(narrowed.title, whole.title);
        assert!(narrowed.encode().len() * 2 < whole.encode().len());
        assert_eq!(whole.family_only("no-such-family"), None);
    }

    #[test]
    fn a_data_file_reads_back_as_written() {
        let site = site();
        assert_eq!(SiteData::decode(&site.encode()), Ok(site));
    }

    #[test]
    fn an_html_page_served_in_its_place_is_named_as_not_a_data_file() {
        let error = SiteData::decode(b"<!doctype html><html><body>Not found").unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is not a Gradeladder data file (it starts with \"<!doctype html><html><bo\")"
        );
        assert!(SiteData::decode(b"")
            .unwrap_err()
            .to_string()
            .contains("empty"));
    }

    #[test]
    fn a_file_of_another_format_says_which_gradeladder_wrote_it() {
        let mut bytes = site().encode();
        bytes[8..10].copy_from_slice(&(DATA_FORMAT + 1).to_le_bytes());
        let message = SiteData::decode(&bytes).unwrap_err().to_string();
        assert!(message.contains("newer Gradeladder"), "{message}");
        bytes[8..10].copy_from_slice(&0u16.to_le_bytes());
        let message = SiteData::decode(&bytes).unwrap_err().to_string();
        assert!(message.contains("older Gradeladder"), "{message}");
    }

    #[test]
    fn a_file_cut_short_or_changed_is_damaged_not_misread() {
        let bytes = site().encode();
        let cut = SiteData::decode(&bytes[..bytes.len() - 3]).unwrap_err();
        assert!(matches!(cut, DataFileError::Damaged { .. }), "{cut}");
        assert!(cut.to_string().contains("cut short"), "{cut}");
        let mut changed = bytes.clone();
        let last = changed.len() - 2;
        changed[last] ^= 0x20;
        let error = SiteData::decode(&changed).unwrap_err();
        assert!(error.to_string().contains("changed"), "{error}");
        let header_only = SiteData::decode(&bytes[..12]).unwrap_err();
        assert!(matches!(header_only, DataFileError::Damaged { .. }));
    }
}
