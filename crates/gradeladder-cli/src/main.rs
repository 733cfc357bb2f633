//! `gradeladder`: the data maintainer's command line. A thin shell over `gradeladder-core`.

mod data;
mod posting;
mod render;
mod serve;
mod site;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use gradeladder_core::pay::{Date, PayAnswer, PayQuery};
use gradeladder_core::resolve::resolve_role;
use gradeladder_core::{ladder, Severity};

/// Check job-family pages, list and show roles, draw ladders, export the catalog as JSON.
#[derive(Parser)]
#[command(name = "gradeladder", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List every level: family, title, slug, grade.
    Roles {
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one role in full. ROLE is `family/level`, a level slug, or search words.
    Show {
        /// The role.
        role: String,
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw the ladder of a role or family.
    Ladder {
        /// A family slug, a role (`family/level`), or search words.
        target: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = LadderFormat::Text)]
        format: LadderFormat,
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
    /// Check pages (and a pay file) and report problems with file, line and a caret; exit 1 on
    /// errors.
    Check {
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Also check this pay data file (TOML): every figure dated, factors in range, …
        #[arg(long, value_name = "FILE")]
        pay: Option<PathBuf>,
    },
    /// Estimate the pay range of a role at a location, with the math shown.
    Pay {
        /// The role: `family/level`, a level slug, or search words.
        role: String,
        /// Where: a country (`US`, `Canada`) or a metro (`London`, `San Francisco, United States`).
        #[arg(long)]
        location: String,
        /// Show amounts in this currency (ISO code) instead of the location's.
        #[arg(long, value_name = "CUR")]
        currency: Option<String>,
        /// Show this compa group's sub-range (Learning, Growing, Thriving, Expert).
        #[arg(long, value_name = "GROUP")]
        compa: Option<String>,
        /// Contract type (employee, contractor).
        #[arg(long)]
        contract: Option<String>,
        /// Pay data file (TOML); the embedded example figures when omitted.
        #[arg(long, value_name = "FILE")]
        pay: Option<PathBuf>,
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The day to judge the data's age by (YYYY-MM-DD); today when omitted.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        today: Option<Date>,
    },
    /// The pay section of a job posting for a role in one or more locations: a closed range per
    /// location, the benefits line, the criteria and the data's date, on standard output; the
    /// checks per jurisdiction (help, not legal advice) on standard error.
    Posting(posting::Args),
    /// Serve the web app on 127.0.0.1 (fully offline): the seed pages, or the pages under --data.
    Serve {
        /// Port (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Open the app in the desktop's browser.
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Write a complete static site (app, widget, offline support) for the pages under --data:
    /// problems are reported as `check` does, and errors stop the build (exit 1, --out untouched).
    Build {
        /// Where to write the site (a new or empty folder, or an earlier build to replace).
        #[arg(long, value_name = "DIR", default_value = "site")]
        out: PathBuf,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Print the catalog as JSON (schema 2).
    Export {
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
}

/// What a built or served site shows.
#[derive(clap::Args)]
struct SiteArgs {
    /// Read every *.md under DIR instead of the embedded seed pages.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Pay data file (TOML). Without it, a site of your own pages publishes no pay ranges (the
    /// seed pages come with the example figures).
    #[arg(long, value_name = "FILE")]
    pay: Option<PathBuf>,
    /// The site's name, shown in its header and page titles.
    #[arg(long, default_value = "Gradeladder")]
    title: String,
    /// Where the pages come from (and their licence), shown in the footer.
    #[arg(long, value_name = "TEXT")]
    source: Option<String>,
}

/// How `gradeladder posting` writes the posting.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum PostingFormat {
    /// Plain text, for a job board's text box.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML fragment.
    Html,
    /// JSON: pay tiers (min, max, currency, interval) and the checks, for job-board APIs.
    Json,
}

/// The pay model of `file` (the example without one), or the exit code after its problems have
/// been printed with file, line and caret.
fn pay_model(
    file: Option<&std::path::Path>,
) -> Result<Result<gradeladder_core::pay::PayModel, ExitCode>, String> {
    match data::load_pay(file) {
        Ok(model) => Ok(Ok(model)),
        Err(data::PayFileError::Unreadable(message)) => Err(message),
        Err(data::PayFileError::Invalid { name, text, errors }) => {
            eprint!("{}", render::diagnostics_for(&[(name, text)], &errors));
            Ok(Err(ExitCode::from(DATA_ERROR)))
        }
    }
}

/// Reads `--today`.
pub(crate) fn parse_day(text: &str) -> Result<Date, String> {
    Date::parse(text.trim()).ok_or_else(|| format!("\"{text}\" is not a day written YYYY-MM-DD"))
}

/// The day the clock says, in UTC.
fn clock_today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(seconds / 86_400).unwrap_or_default())
        .unwrap_or_else(|| Date::new(1970, 1, 1).expect("a real day"))
}

#[derive(Clone, Copy, ValueEnum)]
enum LadderFormat {
    Text,
    Mermaid,
    Dot,
}

/// Exit code for problems in the data.
const DATA_ERROR: u8 = 1;
/// Exit code for problems in how the command was called.
const USAGE_ERROR: u8 = 2;

/// The reader makes many small allocations; mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(USAGE_ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Roles { data, json } => {
            let loaded = data::load(data.as_deref())?;
            emit(&if json {
                render::roles_json(&loaded.catalog)
            } else {
                render::roles_table(&loaded.catalog)
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { role, data, json } => {
            let loaded = data::load(data.as_deref())?;
            let found = resolve_role(&loaded.catalog, &role).map_err(|e| e.to_string())?;
            if json {
                emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(found.level).map_err(|e| e.to_string())?
                ));
            } else {
                emit(&render::role_text(&loaded.catalog, found));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Ladder {
            target,
            format,
            data,
        } => {
            let loaded = data::load(data.as_deref())?;
            let family = match loaded.catalog.family(&target) {
                Some(family) => family,
                None => {
                    resolve_role(&loaded.catalog, &target)
                        .map_err(|e| e.to_string())?
                        .family
                }
            };
            let text = match format {
                LadderFormat::Text => render::ladder_text(family),
                LadderFormat::Mermaid => ladder::to_mermaid(&family.ladder),
                LadderFormat::Dot => ladder::to_dot(&family.ladder),
            };
            emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { data, pay } => {
            let loaded = data::load(data.as_deref())?;
            render::diagnostics(&loaded.pages, &loaded.catalog.diagnostics);
            let pay_errors = match pay.as_deref().map(|file| data::load_pay(Some(file))) {
                None | Some(Ok(_)) => 0,
                Some(Err(data::PayFileError::Unreadable(message))) => return Err(message),
                Some(Err(data::PayFileError::Invalid { name, text, errors })) => {
                    eprint!("{}", render::diagnostics_for(&[(name, text)], &errors));
                    errors.len()
                }
            };
            if let (Some(file), 0) = (&pay, pay_errors) {
                eprintln!("checked {}: no problem", file.display());
            }
            let errors = count(&loaded.catalog.diagnostics, Severity::Error) + pay_errors;
            let warnings = count(&loaded.catalog.diagnostics, Severity::Warning);
            let levels = loaded.catalog.levels().count();
            let left_out = match loaded.not_pages {
                0 => String::new(),
                n => format!("; {n} file(s) that are not markdown pages left out"),
            };
            eprintln!(
                "checked {} page(s), {levels} level(s): {errors} error(s), {warnings} warning(s){left_out}",
                loaded.catalog.families.len()
            );
            Ok(if errors > 0 {
                ExitCode::from(DATA_ERROR)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Pay {
            role,
            location,
            currency,
            compa,
            contract,
            pay,
            data,
            json,
            today,
        } => {
            let loaded = data::load(data.as_deref())?;
            let model = match pay_model(pay.as_deref())? {
                Ok(model) => model,
                Err(code) => return Ok(code),
            };
            let today = today.unwrap_or_else(clock_today);
            let level = resolve_role(&loaded.catalog, &role)
                .map_err(|e| e.to_string())?
                .level;
            let query = PayQuery {
                title: &level.title,
                grade: level.grade,
                location: &location,
                currency: currency.as_deref(),
                compa: compa.as_deref(),
                contract: contract.as_deref(),
            };
            let answer = model.estimate(&query).map_err(|e| e.to_string())?;
            if json {
                emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&answer).map_err(|e| e.to_string())?
                ));
            } else {
                let stale = match &answer {
                    PayAnswer::Range(range) => model.staleness(range, today),
                    PayAnswer::NoPayData { .. } => None,
                };
                emit(&render::pay_text(&level.title, &answer, stale.as_ref()));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Posting(args) => posting::run(args, clock_today),
        Command::Serve { port, open, site } => match read_site(site)? {
            Ok(site) => {
                serve::serve(&site, port, open)?;
                Ok(ExitCode::SUCCESS)
            }
            Err(code) => Ok(code),
        },
        Command::Build { out, site } => {
            let started = std::time::Instant::now();
            let site = match read_site(site)? {
                Ok(site) => site,
                Err(code) => return Ok(code),
            };
            let assembled = site::write_bundle(&site, &out)?;
            eprintln!(
                "built {} in {} ms: {} level(s), {} page(s), {} files, data file {} KB",
                out.display(),
                started.elapsed().as_millis(),
                site.catalog.levels().count(),
                assembled.pages,
                assembled.files,
                assembled.data_bytes.div_ceil(1024)
            );
            eprintln!("serve that folder from any static host or sub-path; embed.html shows how to put its roles on a career page");
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { data } => {
            let loaded = data::load(data.as_deref())?;
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&loaded.catalog).map_err(|e| e.to_string())?
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// How many of `diagnostics` are of `severity`.
fn count(diagnostics: &[gradeladder_core::Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// Reads the pages and pay file a site shows, reporting problems as `check` does: `Err(code)`
/// when there are errors (they are printed), the site otherwise.
fn read_site(args: SiteArgs) -> Result<Result<gradeladder_core::SiteData, ExitCode>, String> {
    let own_pages = args.data.is_some();
    let loaded = data::load(args.data.as_deref())?;
    let errors = count(&loaded.catalog.diagnostics, Severity::Error);
    if own_pages {
        render::diagnostics(&loaded.pages, &loaded.catalog.diagnostics);
    }
    if errors > 0 {
        eprintln!("{errors} error(s) in the pages: nothing was written");
        return Ok(Err(ExitCode::from(DATA_ERROR)));
    }
    let pay = match (&args.pay, own_pages) {
        (None, true) => None,
        (pay, _) => match data::load_pay(pay.as_deref()) {
            Ok(model) => Some(model),
            Err(data::PayFileError::Unreadable(message)) => return Err(message),
            Err(data::PayFileError::Invalid { name, text, errors }) => {
                eprint!("{}", render::diagnostics_for(&[(name, text)], &errors));
                eprintln!(
                    "{} error(s) in the pay file: nothing was written",
                    errors.len()
                );
                return Ok(Err(ExitCode::from(DATA_ERROR)));
            }
        },
    };
    let source = args.source.unwrap_or_else(|| {
        if own_pages {
            String::new()
        } else {
            gradeladder_core::seeds::SOURCE.to_owned()
        }
    });
    Ok(Ok(site::site_data(args.title, source, loaded.catalog, pay)))
}

/// Writes to standard output; a closed pipe (`gradeladder export | head`) ends the program quietly.
fn emit(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write output: {error}");
        std::process::exit(i32::from(USAGE_ERROR));
    }
}
