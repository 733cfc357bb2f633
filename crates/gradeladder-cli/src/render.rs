//! Text renderings of the catalog for the terminal.

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};
use gradeladder_core::expectations::expected_lists;
use gradeladder_core::parse::SourcePage;
use gradeladder_core::pay::{PayAnswer, Staleness};
use gradeladder_core::{
    ladder, Catalog, Diagnostic, Family, Item, LevelId, LevelRef, Origin, Severity,
};
use rust_decimal::Decimal;
use std::io::Write;

/// One line per level: family, title, slug, grade.
pub fn roles_table(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (family, level) in catalog.levels() {
        let grade = level.grade.map_or("-".to_owned(), |g| g.to_string());
        out.push_str(&format!(
            "{grade:>5}  {}  {}  ({})\n",
            LevelId::of(family, level),
            level.title,
            family.title
        ));
    }
    out
}

/// Every level as JSON objects.
pub fn roles_json(catalog: &Catalog) -> String {
    let roles: Vec<serde_json::Value> = catalog
        .levels()
        .map(|(family, level)| {
            serde_json::json!({"family": family.slug, "family_title": family.title, "slug": level.slug, "title": level.title, "grade": level.grade})
        })
        .collect();
    serde_json::to_string_pretty(&roles).unwrap_or_default() + "\n"
}

/// A role in full, as text: its lists as every front end shows them (own items, then inherited
/// ones marked with where they come from, then the family's).
pub fn role_text(catalog: &Catalog, found: LevelRef) -> String {
    let (family, level) = (found.family, found.level);
    let mut out = format!("{} ({})\n", level.title, family.title);
    match level.grade {
        Some(g) => match catalog.scale.titles(g) {
            Some(titles) => out.push_str(&format!("Grade {g} ({titles})\n")),
            None => out.push_str(&format!("Grade {g}\n")),
        },
        None => out.push_str("Grade: not stated\n"),
    }
    if let Some(reports) = &family.reports_to {
        out.push_str(&format!("{}\n", reports.plain()));
    }
    for list in expected_lists(family, level) {
        out.push_str(&format!("\n{}\n", list.kind.label()));
        for (origin, item) in list.items() {
            push_item(&mut out, item, origin_note(origin), 1);
        }
    }
    out.push_str(&format!("\nSource: {}\n", family.source));
    out
}

/// How an item's origin is marked after its text.
fn origin_note(origin: &Origin) -> String {
    match origin {
        Origin::Own => String::new(),
        Origin::Family => " [all levels]".to_owned(),
        Origin::Level { title, .. } => format!(" [from {title}]"),
    }
}

fn push_item(out: &mut String, item: &Item, note: String, depth: usize) {
    out.push_str(&format!(
        "{}- {}{note}\n",
        "  ".repeat(depth),
        item.text.plain()
    ));
    for child in &item.children {
        push_item(out, child, String::new(), depth + 1);
    }
}

/// The family's ladder as indented text.
pub fn ladder_text(family: &Family) -> String {
    let mut out = format!("{}\n", family.title);
    for level in &family.levels {
        let n = ladder::neighbours(family, level);
        let grade = level.grade.map_or("-".to_owned(), |g| g.to_string());
        out.push_str(&format!("  [{grade}] {}\n", level.title));
        for next in n.next {
            out.push_str(&format!("      → {}\n", next.label));
        }
    }
    for note in &family.ladder.notes {
        out.push_str(&format!("  note: {}\n", note.plain()));
    }
    out
}

/// Every diagnostic of `pages` with its source line and a caret, on standard error.
pub fn diagnostics(pages: &[SourcePage], diagnostics: &[Diagnostic]) {
    let sources: Vec<(String, String)> = pages
        .iter()
        .map(|p| (p.path.clone(), p.text.clone()))
        .collect();
    eprint!("{}", diagnostics_for(&sources, diagnostics));
}

/// Renders diagnostics against their sources (path, text) with source lines and carets; colour
/// only when standard error is a terminal.
pub fn diagnostics_for(sources: &[(String, String)], diagnostics: &[Diagnostic]) -> String {
    let mut files = SimpleFiles::new();
    let ids: Vec<(String, usize)> = sources
        .iter()
        .map(|(path, text)| {
            (
                path.clone(),
                files.add(path.clone(), text.replace("\r\n", "\n")),
            )
        })
        .collect();
    let mut buffer = if std::io::stderr().is_terminal() {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = term::Config::default();
    for diagnostic in diagnostics {
        let severity = match diagnostic.severity {
            Severity::Info => ReportSeverity::Note,
            Severity::Warning => ReportSeverity::Warning,
            Severity::Error => ReportSeverity::Error,
        };
        let mut report = Report::new(severity)
            .with_code(diagnostic.code.clone())
            .with_message(&diagnostic.message);
        if let Some((_, id)) = ids.iter().find(|(path, _)| *path == diagnostic.file) {
            let text = files
                .get(*id)
                .map(|f| f.source().clone())
                .unwrap_or_default();
            let start = line_column_offset(&text, diagnostic.line, diagnostic.column);
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            report = report.with_labels(vec![Label::primary(*id, start..end.max(start))]);
        } else {
            // A file that was not read has no lines to show: name it.
            report = report.with_notes(vec![format!("in {}", diagnostic.file)]);
        }
        if term::emit_to_write_style(&mut buffer, &config, &files, &report).is_err() {
            buffer.write_all(format!("{diagnostic}\n").as_bytes()).ok();
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// A pay answer as text: the range, the split, the compa sub-range and every step.
pub fn pay_text(title: &str, answer: &PayAnswer, stale: Option<&Staleness>) -> String {
    let range = match answer {
        PayAnswer::NoPayData { reason } => {
            return format!("{title}: no pay data for this role ({reason})\n")
        }
        PayAnswer::Range(range) => range,
    };
    let mut out = String::new();
    if range.example {
        out.push_str("EXAMPLE FIGURES, NOT REAL PAY DATA\n");
    }
    if let Some(stale) = stale {
        out.push_str(&format!("OUT OF DATE: {stale}\n"));
    }
    let c = &range.currency;
    out.push_str(&format!("{title} in {}\n", range.location));
    out.push_str(&format!(
        "  range   {} – {} {c}\n",
        money(range.min),
        money(range.max)
    ));
    out.push_str(&format!("  target  {} {c}\n", money(range.target)));
    if let (Some(base), Some(variable)) = (range.base, range.variable) {
        out.push_str(&format!(
            "          = base {} + variable {} {c}\n",
            money(base),
            money(variable)
        ));
    }
    if let Some(compa) = &range.compa {
        out.push_str(&format!(
            "  {} {} – {} {c}\n",
            compa.name,
            money(compa.min),
            money(compa.max)
        ));
    }
    out.push_str("\nHow it is computed\n");
    let mut last_provenance = None;
    for step in &range.steps {
        let factor = step
            .factor
            .map_or(String::new(), |f| format!("× {}", f.normalize()));
        out.push_str(&format!(
            "  {factor:<8} {:<62} = {}\n",
            step.label,
            money(step.value)
        ));
        if let Some(provenance) = step
            .provenance
            .as_ref()
            .filter(|p| last_provenance != Some(*p))
        {
            last_provenance = Some(provenance);
            let source = if provenance.source.is_empty() {
                String::new()
            } else {
                format!(", {}", provenance.source)
            };
            out.push_str(&format!("  {:<8} as of {}{source}\n", "", provenance.as_of));
        }
    }
    out.push_str(&format!(
        "\nSource: {} (figures as of {})\n",
        range.source, range.as_of
    ));
    out
}

/// An amount with thousands separators: `90,249.6`.
fn money(amount: Decimal) -> String {
    let text = amount.normalize().to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", whole),
    };
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Byte offset of a 1-based line and column.
fn line_column_offset(text: &str, line: u32, column: u32) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start.min(text.len())..];
    let column_bytes = rest
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(0, |(i, _)| i);
    (line_start + column_bytes).min(text.len())
}
