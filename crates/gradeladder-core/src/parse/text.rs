//! Source text clean-up before markdown: byte-order mark, CRLF, mojibake, Hugo shortcodes.
//! Every step keeps the number of lines, so positions found later still point at the file.

use std::borrow::Cow;

/// UTF-8 text that was decoded as Windows-1252 and encoded again, and what it should read.
const MOJIBAKE: &[(&str, &str)] = &[
    ("â€™", "’"),
    ("â€˜", "‘"),
    ("â€œ", "“"),
    ("â€\u{9d}", "”"),
    ("â€“", "–"),
    ("â€”", "—"),
    ("â€¦", "…"),
    ("â€¢", "•"),
    ("Ã©", "é"),
    ("Ã¨", "è"),
    ("Ã¼", "ü"),
    ("Ã¶", "ö"),
    ("Ã¤", "ä"),
    ("Â\u{a0}", "\u{a0}"),
];

/// Returns the text with BOM removed, line endings unified, mojibake repaired and Hugo
/// shortcodes replaced (a `ref`/`relref` by its target, any other by nothing).
pub fn normalize(raw: &str) -> Cow<'_, str> {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Most pages need nothing: no carriage return, no 'Â'/'Ã'/'â' lead byte (0xC2, 0xC3), no `{{`.
    let bytes = text.as_bytes();
    if memchr::memchr3(b'\r', 0xC2, 0xC3, bytes).is_none()
        && memchr::memmem::find(bytes, b"{{").is_none()
    {
        return Cow::Borrowed(text);
    }
    let mut text = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    };
    if memchr::memchr(0xC3, text.as_bytes()).is_some() {
        text = repair_mojibake(&text);
    }
    if memchr::memmem::find(text.as_bytes(), b"{{").is_some() {
        text = replace_shortcodes(&text);
    }
    Cow::Owned(text)
}

/// Replaces every [`MOJIBAKE`] sequence in one pass. Each starts with 'â', 'Ã' or 'Â', whose UTF-8
/// encodings all start with the byte 0xC3.
fn repair_mojibake(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in memchr::memchr_iter(0xC3, text.as_bytes()) {
        if at < copied {
            continue;
        }
        let rest = &text[at..];
        if let Some((broken, fixed)) = MOJIBAKE.iter().find(|(b, _)| rest.starts_with(b)) {
            out.push_str(&text[copied..at]);
            out.push_str(fixed);
            copied = at + broken.len();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Replaces `{{< … >}}` and `{{% … %}}` shortcodes, keeping the newlines they span.
fn replace_shortcodes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = memchr::memmem::find(rest.as_bytes(), b"{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let close = match after.chars().next() {
            Some('<') => ">}}",
            Some('%') => "%}}",
            _ => {
                out.push_str("{{");
                rest = after;
                continue;
            }
        };
        let Some(end) = memchr::memmem::find(after.as_bytes(), close.as_bytes()) else {
            out.push_str("{{");
            rest = after;
            continue;
        };
        let inner = &after[1..end];
        out.push_str(&shortcode_text(inner));
        out.extend(inner.chars().filter(|&c| c == '\n'));
        rest = &after[end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// What a shortcode's inside becomes in the text: a `ref`'s quoted target, otherwise nothing.
fn shortcode_text(inner: &str) -> String {
    let inner = inner.trim();
    let name = inner.split_whitespace().next().unwrap_or("");
    if name == "ref" || name == "relref" {
        if let Some(target) = inner.split('"').nth(1) {
            return target.to_owned();
        }
    }
    String::new()
}

/// Turns byte offsets of a text into 1-based lines and columns, from the offsets of its line
/// starts (found in one pass).
pub struct LineIndex {
    /// Byte offsets of line starts; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|newline| newline + 1))
            .collect();
        LineIndex { starts }
    }

    /// Byte offset where a 1-based line starts (for a line past the end, where the last line starts).
    pub fn line_start(&self, line: u32) -> usize {
        let index = (line.max(1) - 1) as usize;
        self.starts
            .get(index)
            .or(self.starts.last())
            .copied()
            .unwrap_or(0)
    }

    /// 1-based line of a byte offset into the text (an offset past the end counts as the end).
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// 1-based line and column (in characters) of a byte offset into `text`, the text this
    /// index was made from.
    pub fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line(offset);
        let start = self.line_start(line);
        let column = text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line, column as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_apostrophe_is_repaired() {
        assert_eq!(normalize("TPMâ€™s"), "TPM’s");
    }

    #[test]
    fn every_mojibake_sequence_is_repaired_and_other_accents_are_kept() {
        assert_eq!(
            normalize("â€œQuoteâ€\u{9d} â€“ cafÃ© Ã¼ber â€¦ naïve Ångström"),
            "“Quote” – café über … naïve Ångström"
        );
    }

    #[test]
    fn bom_and_crlf_are_removed_without_changing_line_count() {
        assert_eq!(normalize("\u{feff}a\r\nb\r\n"), "a\nb\n");
    }

    #[test]
    fn ref_shortcode_becomes_its_target_and_others_vanish() {
        let text = r#"[x]({{% ref "handbook/a" %}}) {{< note >}}y"#;
        assert_eq!(normalize(text), "[x](handbook/a) y");
    }

    #[test]
    fn unclosed_shortcode_is_left_as_text() {
        assert_eq!(normalize("a {{< b"), "a {{< b");
    }

    #[test]
    fn line_index_gives_one_based_line_and_column() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 4), (2, 2));
        assert_eq!(index.line_start(1), 0);
        assert_eq!(index.line_start(2), 3);
        assert_eq!(index.line_start(9), 3);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line(99), 2);
        assert_eq!(index.line(1), 1);
    }

    #[test]
    fn line_lookups_agree_with_a_binary_search_in_any_order() {
        let text = "a\nbb\n\nccc\n".repeat(20);
        let index = LineIndex::new(&text);
        let expected =
            |offset: usize| text[..offset.min(text.len())].matches('\n').count() as u32 + 1;
        let offsets: Vec<usize> = (0..=text.len() + 2)
            .chain((0..text.len()).rev().step_by(7))
            .chain([0, text.len(), 3, 200, 5])
            .collect();
        for offset in offsets {
            assert_eq!(index.line(offset), expected(offset), "offset {offset}");
        }
    }

    #[test]
    fn line_index_finds_newlines_across_chunk_boundaries() {
        let text = format!("{}\n{}\n\nend", "a".repeat(63), "b".repeat(64));
        let index = LineIndex::new(&text);
        assert_eq!(index.line(63), 1);
        assert_eq!(index.line(64), 2);
        assert_eq!(index.line(129), 3);
        assert_eq!(index.line(130), 4);
        assert_eq!(index.line_start(4), 130);
    }
}
