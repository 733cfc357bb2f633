//! `gradeladder posting`: a role's job-posting text for one or more locations, and the checks per
//! jurisdiction beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use gradeladder_core::pay::{split_locations, Date};
use gradeladder_core::posting::{check, Posting, PostingLinks, Status};
use gradeladder_core::resolve::resolve_role;
use gradeladder_core::LevelId;

use crate::{data, emit, PostingFormat};

/// What the command was asked.
pub struct Request {
    pub role: String,
    pub locations: Vec<String>,
    pub format: PostingFormat,
    pub site: Option<String>,
    pub pay: Option<PathBuf>,
    pub data: Option<PathBuf>,
    pub today: Date,
}

/// Prints the posting (standard output) and its checks (standard error).
pub fn run(request: Request) -> Result<ExitCode, String> {
    let loaded = data::load(request.data.as_deref())?;
    let model = match crate::pay_model(request.pay.as_deref())? {
        Ok(model) => model,
        Err(code) => return Ok(code),
    };
    let found = resolve_role(&loaded.catalog, &request.role).map_err(|e| e.to_string())?;
    let locations: Vec<String> = request
        .locations
        .iter()
        .flat_map(|l| split_locations(l))
        .collect();
    let links = match &request.site {
        Some(site) => site_links(site, &LevelId::of(found.family, found.level))?,
        None => PostingLinks::default(),
    };
    let posting = Posting::new(
        &model,
        found.family,
        found.level,
        &locations,
        links,
        request.today,
    )
    .map_err(|e| e.to_string())?;
    match request.format {
        PostingFormat::Text => emit(&posting.to_text()),
        PostingFormat::Markdown => emit(&posting.to_markdown()),
        PostingFormat::Html => emit(&posting.to_html()),
        PostingFormat::Json => emit(&format!("{}\n", posting.to_json())),
    }
    if !matches!(request.format, PostingFormat::Json) {
        eprint!("{}", checks_text(&posting));
    }
    Ok(ExitCode::SUCCESS)
}

/// The criteria links under the site's address.
fn site_links(site: &str, id: &LevelId) -> Result<PostingLinks, String> {
    let site = site.trim();
    if !(site.starts_with("https://") || site.starts_with("http://"))
        || site.contains(char::is_whitespace)
    {
        return Err(format!(
            "--site must be the address the site is published at, such as https://jobs.example.com/careers/ (found \"{site}\")"
        ));
    }
    let root = format!("{}/", site.trim_end_matches('/'));
    Ok(PostingLinks {
        expectations: Some(format!("{root}role/{}/{}/", id.family, id.level)),
        grade_scale: Some(format!("{root}grades/")),
    })
}

/// The checks, one jurisdiction a block.
fn checks_text(posting: &Posting) -> String {
    let mut out =
        String::from("\nPay-transparency checks for this posting (help, not legal advice):\n");
    for jurisdiction in check(posting) {
        let verdict = if jurisdiction.passes() {
            "no requirement unmet"
        } else {
            "NOT MET"
        };
        out.push_str(&format!(
            "\n{}: {verdict} ({})\n",
            jurisdiction.name, jurisdiction.law
        ));
        for requirement in &jurisdiction.requirements {
            let mark = match requirement.status {
                Status::Met => "met    ",
                Status::NotMet => "NOT MET",
                Status::Review => "review ",
            };
            out.push_str(&format!(
                "  {mark}  {}: {}\n",
                requirement.rule, requirement.detail
            ));
        }
    }
    out
}
