//! `gradeladder posting`: a role's job-posting text for one or more locations, and the checks per
//! jurisdiction beside it.

use std::path::PathBuf;
use std::process::ExitCode;

use gradeladder_core::pay::{split_locations, Date};
use gradeladder_core::posting::{check, Posting, PostingLinks, Status};
use gradeladder_core::resolve::resolve_role;
use gradeladder_core::LevelId;

use crate::{data, emit, PostingFormat};

/// What `gradeladder posting` is asked.
#[derive(clap::Args)]
pub struct Args {
    /// The role: `family/level`, a level slug, or search words.
    role: String,
    /// A location (`US`, `London`, `GB/london`); repeat it, or separate with commas, for several.
    #[arg(long = "location", value_name = "LOCATION", required = true)]
    locations: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PostingFormat::Text)]
    format: PostingFormat,
    /// The address the site is published at (`https://jobs.example.com/careers/`): the posting
    /// then links the level's expectations and the grade scale.
    #[arg(long, value_name = "URL")]
    site: Option<String>,
    /// Pay data file (TOML); the embedded example figures when omitted.
    #[arg(long, value_name = "FILE")]
    pay: Option<PathBuf>,
    /// Read every *.md under DIR instead of the embedded seed pages.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// The day to judge the data's age by (YYYY-MM-DD); today when omitted.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_day)]
    today: Option<Date>,
}

/// Prints the posting (standard output) and its checks (standard error); `clock` gives today
/// when `--today` does not.
pub fn run(request: Args, clock: fn() -> Date) -> Result<ExitCode, String> {
    let today = request.today.unwrap_or_else(clock);
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
    let posting = Posting::new(&model, found.family, found.level, &locations, links, today)
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
