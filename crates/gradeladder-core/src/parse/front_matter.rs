//! YAML front matter (`---` … `---`) at the top of a page: title and description.

use serde_norway::Value;

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
    // The usual case: a mapping, read straight into the two fields (other keys are skipped).
    if let Ok(fields) = serde_norway::from_str::<Fields>(yaml) {
        return Split {
            front_matter: fields.read(),
            body,
            body_offset,
            error: None,
        };
    }
    // Anything else is read as a whole value, so a valid non-mapping front matter is not an error.
    match serde_norway::from_str::<Value>(yaml) {
        Ok(value) => Split {
            front_matter: read_fields(&value),
            body,
            body_offset,
            error: None,
        },
        Err(error) => {
            let line = error.location().map_or(1, |l| l.line() as u32 + 1);
            let message = error.to_string();
            let message = message
                .split(" at line")
                .next()
                .unwrap_or(&message)
                .to_owned();
            Split {
                front_matter: FrontMatter::default(),
                body,
                body_offset,
                error: Some((line, message)),
            }
        }
    }
}

/// The keys the reader uses; any YAML type is accepted for them and non-strings are ignored.
#[derive(serde::Deserialize)]
struct Fields {
    #[serde(default)]
    title: Option<Value>,
    #[serde(default)]
    description: Option<Value>,
}

impl Fields {
    fn read(&self) -> FrontMatter {
        let field = |value: &Option<Value>| {
            value
                .as_ref()
                .and_then(Value::as_str)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        FrontMatter {
            title: field(&self.title).filter(|t| !is_template_placeholder(t)),
            description: field(&self.description),
        }
    }
}

fn read_fields(value: &Value) -> FrontMatter {
    let field = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    FrontMatter {
        title: field("title").filter(|t| !is_template_placeholder(t)),
        description: field("description"),
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
    fn page_without_front_matter_is_all_body() {
        let split = split("# Title\n");
        assert_eq!(split.body_offset, 0);
    }
}
