//! YAML front matter (`---` … `---`) at the top of a page: title and description.

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;
use yaml_rust2::Yaml;

/// What the reader uses from the front matter.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// `title`, unless missing, empty or a template placeholder such as `{Title}`.
    pub title: Option<String>,
    /// `description`, if a non-empty string.
    pub description: Option<String>,
}

/// Front matter split off a page.
pub struct Split<'a> {
    /// The fields read.
    pub front_matter: FrontMatter,
    /// The markdown after the front matter.
    pub body: &'a str,
    /// Byte offset of `body` in the page.
    pub body_offset: usize,
    /// A YAML error with its 1-based line in the page, if the block did not parse.
    pub error: Option<(u32, String)>,
}

/// Splits and reads the front matter; a page without one is all body.
pub fn split(text: &str) -> Split<'_> {
    let none = Split {
        front_matter: FrontMatter::default(),
        body: text,
        body_offset: 0,
        error: None,
    };
    let Some(after_open) = text.strip_prefix("---\n") else {
        return none;
    };
    let close = if after_open.starts_with("---\n") || after_open == "---" {
        Some(0)
    } else {
        after_open
            .find("\n---\n")
            .map(|i| i + 1)
            .or_else(|| after_open.ends_with("\n---").then(|| after_open.len() - 3))
    };
    let Some(close) = close else {
        return none;
    };
    let yaml = &after_open[..close];
    let body_offset = (4 + close + 4).min(text.len());
    let body = &text[body_offset..];
    match read_fields(yaml) {
        Ok(front_matter) => Split {
            front_matter,
            body,
            body_offset,
            error: None,
        },
        Err(error) => Split {
            front_matter: FrontMatter::default(),
            body,
            body_offset,
            // The YAML starts on the page's second line.
            error: Some((error.line + 1, error.message)),
        },
    }
}

/// Why the front matter could not be read, at a 1-based line of the YAML.
struct YamlError {
    line: u32,
    message: String,
}

/// The keys the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Title,
    Description,
}

impl Key {
    fn named(name: &str) -> Option<Key> {
        match name {
            "title" => Some(Key::Title),
            "description" => Some(Key::Description),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Key::Title => "title",
            Key::Description => "description",
        }
    }
}

/// Reads `title` and `description` from the parser's events, without building the document:
/// the string values of those keys in the first document's top-level mapping. Other keys, nested
/// values and a front matter that is not a mapping are skipped; a value that is not a string
/// (a number, a list, `null`) counts as missing. A syntax error or either key given twice is an
/// error.
fn read_fields(yaml: &str) -> Result<FrontMatter, YamlError> {
    let mut parser = Parser::new_from_str(yaml);
    let mut values: [Option<String>; 2] = [None, None];
    let mut seen = [false; 2];
    // Scalars carrying an anchor (`&name`), by anchor id, for aliases (`*name`) used as values.
    let mut anchored: Vec<(usize, Option<String>)> = Vec::new();
    let mut documents = 0;
    // Collections open around the next event; the first document's root is at depth 0.
    let mut depth = 0usize;
    let mut root_is_mapping = false;
    let mut next_is_key = true;
    let mut key: Option<Key> = None;
    loop {
        let (event, mark) = parser.next_token().map_err(|error| YamlError {
            line: error.marker().line() as u32,
            message: error.info().to_owned(),
        })?;
        let in_root_mapping = documents == 1 && root_is_mapping && depth == 1;
        let value = match &event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                continue;
            }
            Event::MappingStart(..) if documents == 1 && depth == 0 => {
                root_is_mapping = true;
                depth = 1;
                continue;
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                depth += 1;
                if in_root_mapping && !next_is_key {
                    key = None;
                }
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if documents == 1 && root_is_mapping && depth == 1 {
                    // A collection used as a key or value just ended.
                    next_is_key = !next_is_key;
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let string = string_value(text, *style, tag.as_ref());
                if *anchor > 0 {
                    anchored.push((*anchor, string.clone()));
                }
                string
            }
            Event::Alias(anchor) => anchored
                .iter()
                .rev()
                .find(|(id, _)| id == anchor)
                .and_then(|(_, string)| string.clone()),
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => continue,
        };
        if !in_root_mapping {
            continue;
        }
        if next_is_key {
            key = value.as_deref().and_then(Key::named);
            if let Some(key) = key {
                if std::mem::replace(&mut seen[key as usize], true) {
                    return Err(YamlError {
                        line: mark.line() as u32,
                        message: format!("the key `{}` is given twice", key.name()),
                    });
                }
            }
        } else if let Some(key) = key.take() {
            values[key as usize] = value;
        }
        next_is_key = !next_is_key;
    }
    let [title, description] =
        values.map(|value| value.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()));
    Ok(FrontMatter {
        title: title.filter(|t| !is_template_placeholder(t)),
        description,
    })
}

/// A scalar's text if it is a string: quoted or block scalars, `!!str`-tagged ones, and plain
/// scalars that YAML does not read as null, a boolean or a number.
fn string_value(text: &str, style: TScalarStyle, tag: Option<&Tag>) -> Option<String> {
    if let Some(tag) = tag {
        return (tag.suffix == "str").then(|| text.to_owned());
    }
    if style != TScalarStyle::Plain {
        return Some(text.to_owned());
    }
    match Yaml::from_str(text) {
        Yaml::String(string) => Some(string),
        _ => None,
    }
}

/// True for template text such as `{Title}` or `{add a title}` left in place of a value.
pub fn is_template_placeholder(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with('{') && text.ends_with('}') && !text.starts_with("{{"))
        || text.eq_ignore_ascii_case("tbd")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_description_are_read_and_body_follows() {
        let split = split("---\ntitle: \"A\"\ndescription: B\nextra_js:\n- x.js\n---\nbody");
        assert_eq!(split.front_matter.title.as_deref(), Some("A"));
        assert_eq!(split.front_matter.description.as_deref(), Some("B"));
        assert_eq!(split.body, "body");
    }

    #[test]
    fn template_title_is_treated_as_missing() {
        let split = split("---\ntitle: \"{Title}\"\n---\n");
        assert_eq!(split.front_matter.title, None);
    }

    #[test]
    fn invalid_yaml_reports_a_line_in_the_page() {
        let split = split("---\ntitle: a\n  b: [\n---\nbody");
        let (line, _) = split.error.expect("error");
        assert!(line >= 2, "line {line}");
        assert_eq!(split.body, "body");
    }

    #[test]
    fn only_string_values_of_the_top_level_mapping_count() {
        let read = |yaml: &str| split(&format!("---\n{yaml}---\nbody")).front_matter;
        let fields = read("title: 42\ndescription: [a, b]\n");
        assert_eq!((fields.title, fields.description), (None, None));
        let fields = read("title: '42'\ndescription: |\n  Two\n  lines\n");
        assert_eq!(fields.title.as_deref(), Some("42"));
        assert_eq!(fields.description.as_deref(), Some("Two\nlines"));
        let fields = read("nested:\n  title: Inner\n? [complex, key]\n: value\ntitle: Outer\n");
        assert_eq!(fields.title.as_deref(), Some("Outer"));
        let fields = read("- title: In a list\n");
        assert_eq!(fields.title, None);
        let fields = read("title: ~\ndescription: !!str 12\n");
        assert_eq!(
            (fields.title, fields.description.as_deref()),
            (None, Some("12"))
        );
    }

    #[test]
    fn an_alias_value_reads_as_its_anchored_scalar() {
        let split = split("---\nname: &n Backend Engineer\ntitle: *n\n---\n");
        assert_eq!(
            split.front_matter.title.as_deref(),
            Some("Backend Engineer")
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error_at_its_second_line() {
        let split = split("---\ntitle: A\nother: x\ntitle: B\n---\nbody");
        let (line, message) = split.error.expect("error");
        assert_eq!(line, 4);
        assert!(message.contains("`title`"), "{message}");
    }

    #[test]
    fn page_without_front_matter_is_all_body() {
        let split = split("# Title\n");
        assert_eq!(split.body_offset, 0);
    }
}
