//! Text renderings of the catalog for the terminal.

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as ReportSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{
    self,
    termcolor::{ColorChoice, StandardStream},
};
use gradeladder_core::{ladder, Catalog, Family, Item, Origin, Severity};

use crate::data::Loaded;

/// One line per level: family, title, slug, grade.
pub fn roles_table(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (family, level) in catalog.levels() {
        let grade = level.grade.map_or("-".to_owned(), |g| g.to_string());
        out.push_str(&format!(
            "{grade:>5}  {}/{}  {}  ({})\n",
            family.slug, level.slug, level.title, family.title
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

/// A role in full, as text.
pub fn role_text(catalog: &Catalog, family: usize, level: usize) -> String {
    let family = &catalog.families[family];
    let level = &family.levels[level];
    let mut out = format!("{} ({})\n", level.title, family.title);
    match level.grade {
        Some(g) => {
            let step = catalog.scale.step(g);
            let names: Vec<&str> = step
                .iter()
                .flat_map(|s| [s.individual.as_deref(), s.management.as_deref()])
                .flatten()
                .collect();
            out.push_str(&format!(
                "Grade {g}{}\n",
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", names.join(" / "))
                }
            ));
        }
        None => out.push_str("Grade: not stated\n"),
    }
    if let Some(reports) = &family.reports_to {
        out.push_str(&format!("{}\n", reports.plain()));
    }
    for (title, items) in [
        ("Responsibilities", &level.responsibilities),
        ("Requirements", &level.requirements),
        ("Nice-to-haves", &level.nice_to_haves),
    ] {
        if !items.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            push_items(&mut out, items, 1);
        }
    }
    out.push_str(&format!("\nSource: {}\n", family.source));
    out
}

fn push_items(out: &mut String, items: &[Item], depth: usize) {
    for item in items {
        let note = match &item.origin {
            Origin::Own => String::new(),
            Origin::Family => " [all levels]".to_owned(),
            Origin::Level { title, .. } => format!(" [from {title}]"),
        };
        out.push_str(&format!(
            "{}- {}{note}\n",
            "  ".repeat(depth),
            item.text.plain()
        ));
        push_items(out, &item.children, depth + 1);
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

/// Every diagnostic with its source line and a caret, on standard error.
pub fn diagnostics(loaded: &Loaded) -> Result<(), codespan_reporting::files::Error> {
    let mut files = SimpleFiles::new();
    let ids: Vec<(String, usize)> = loaded
        .pages
        .iter()
        .map(|p| {
            (
                p.path.clone(),
                files.add(p.path.clone(), p.text.replace("\r\n", "\n")),
            )
        })
        .collect();
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let writer = StandardStream::stderr(color);
    let config = term::Config::default();
    for diagnostic in &loaded.catalog.diagnostics {
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
        }
        term::emit_to_write_style(&mut writer.lock(), &config, &files, &report)?;
    }
    Ok(())
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
