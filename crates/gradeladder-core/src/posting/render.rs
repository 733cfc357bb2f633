//! A posting written out: the same sentences as plain text, markdown and HTML, and JSON for
//! job-board APIs.

use serde::Serialize;

use super::{check, money, percent, JurisdictionCheck, PayTier, Posting};

/// "USD 96,000 – 144,000": a range with its currency written once.
fn span(min: rust_decimal::Decimal, max: rust_decimal::Decimal, currency: &str) -> String {
    let max = money(max, currency);
    let max = max.trim_start_matches(currency).trim_start();
    format!("{} – {max}", money(min, currency))
}

/// One tier's range as a sentence part: "USD 96,000 – 144,000 a year".
fn range_phrase(tier: &PayTier) -> String {
    let base = match (&tier.base, tier.variable_share) {
        (Some(base), Some(share)) => format!(
            " in on-target earnings (base salary {}; {} variable pay)",
            span(base.min, base.max, &tier.currency),
            percent(share)
        ),
        _ => String::new(),
    };
    format!(
        "{} {}{base}",
        span(tier.min, tier.max, &tier.currency),
        tier.interval.phrase()
    )
}

/// The lines every format writes, before markup.
struct Lines {
    heading: String,
    pay_intro: &'static str,
    tiers: Vec<(String, String)>,
    unpriced: Vec<String>,
    benefits: Option<String>,
    criteria: Vec<(&'static str, String)>,
    dated: String,
    warnings: Vec<String>,
}

fn lines(posting: &Posting) -> Lines {
    let heading = match posting.grade {
        Some(grade) => format!("{} — {}, grade {grade}", posting.role, posting.family),
        None => format!("{} — {}", posting.role, posting.family),
    };
    let mut warnings = Vec::new();
    if posting.example {
        warnings.push("These are example figures, not real pay data.".to_owned());
    }
    if let Some(stale) = &posting.stale {
        warnings.push(stale.to_string());
    }
    let mut criteria = Vec::new();
    if let Some(url) = &posting.links.expectations {
        criteria.push(("what this level is expected to do", url.clone()));
    }
    if let Some(url) = &posting.links.grade_scale {
        criteria.push(("the grade scale", url.clone()));
    }
    Lines {
        heading,
        pay_intro: if posting.tiers.len() == 1 {
            "Pay range:"
        } else {
            "Pay range by location:"
        },
        tiers: posting
            .tiers
            .iter()
            .map(|t| (t.location.clone(), range_phrase(t)))
            .collect(),
        unpriced: posting
            .unpriced
            .iter()
            .map(|u| format!("{}: no range ({})", u.location, u.reason))
            .collect(),
        benefits: posting.benefits.clone(),
        criteria,
        dated: match posting.data_as_of {
            Some(as_of) => format!("Pay data as of {as_of} ({}).", posting.data_name),
            None => format!("Pay data: {}.", posting.data_name),
        },
        warnings,
    }
}

/// Plain text.
pub(super) fn text(posting: &Posting) -> String {
    let l = lines(posting);
    let mut out = format!("{}\n\n{}\n", l.heading, l.pay_intro);
    for (location, range) in &l.tiers {
        out.push_str(&format!("- {location}: {range}\n"));
    }
    for line in &l.unpriced {
        out.push_str(&format!("- {line}\n"));
    }
    if let Some(benefits) = &l.benefits {
        out.push_str(&format!("\nBenefits and other pay: {benefits}\n"));
    }
    if !l.criteria.is_empty() {
        out.push_str("\nHow pay and levels are set:\n");
        for (what, url) in &l.criteria {
            out.push_str(&format!("- {}: {url}\n", capitalised(what)));
        }
    }
    out.push_str(&format!("\n{}\n", l.dated));
    for warning in &l.warnings {
        out.push_str(&format!("Warning: {warning}\n"));
    }
    out
}

/// Markdown.
pub(super) fn markdown(posting: &Posting) -> String {
    let l = lines(posting);
    let mut out = format!("**{}**\n\n{}\n\n", md(&l.heading), md(l.pay_intro));
    for (location, range) in &l.tiers {
        out.push_str(&format!("- {}: {}\n", md(location), md(range)));
    }
    for line in &l.unpriced {
        out.push_str(&format!("- {}\n", md(line)));
    }
    if let Some(benefits) = &l.benefits {
        out.push_str(&format!("\n**Benefits and other pay:** {}\n", md(benefits)));
    }
    if !l.criteria.is_empty() {
        out.push_str("\n**How pay and levels are set:**\n\n");
        for (what, url) in &l.criteria {
            out.push_str(&format!("- [{}](<{url}>)\n", md(&capitalised(what))));
        }
    }
    out.push_str(&format!("\n{}\n", md(&l.dated)));
    for warning in &l.warnings {
        out.push_str(&format!("\n> **Warning:** {}\n", md(warning)));
    }
    out
}

/// An HTML fragment.
pub(super) fn html(posting: &Posting) -> String {
    let l = lines(posting);
    let mut out = format!(
        "<p><strong>{}</strong></p>\n<p>{}</p>\n<ul>\n",
        esc(&l.heading),
        esc(l.pay_intro)
    );
    for (location, range) in &l.tiers {
        out.push_str(&format!("<li>{}: {}</li>\n", esc(location), esc(range)));
    }
    for line in &l.unpriced {
        out.push_str(&format!("<li>{}</li>\n", esc(line)));
    }
    out.push_str("</ul>\n");
    if let Some(benefits) = &l.benefits {
        out.push_str(&format!(
            "<p><strong>Benefits and other pay:</strong> {}</p>\n",
            esc(benefits)
        ));
    }
    if !l.criteria.is_empty() {
        out.push_str("<p><strong>How pay and levels are set:</strong></p>\n<ul>\n");
        for (what, url) in &l.criteria {
            out.push_str(&format!(
                "<li><a href=\"{}\">{}</a></li>\n",
                esc(url),
                esc(&capitalised(what))
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!("<p>{}</p>\n", esc(&l.dated)));
    for warning in &l.warnings {
        out.push_str(&format!(
            "<p><strong>Warning:</strong> {}</p>\n",
            esc(warning)
        ));
    }
    out
}

/// The JSON document: the posting (its `tiers` are what job-board APIs take), its text and the
/// checks.
#[derive(Serialize)]
struct JsonPosting<'a> {
    #[serde(flatten)]
    posting: &'a Posting,
    text: String,
    checks: Vec<JurisdictionCheck>,
}

pub(super) fn json(posting: &Posting) -> String {
    let document = JsonPosting {
        posting,
        text: text(posting),
        checks: check(posting),
    };
    serde_json::to_string_pretty(&document).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown's special characters escaped, so a title such as "C# *lead*" stays as written.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
