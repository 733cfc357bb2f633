//! `gradeladder`: the data maintainer's command line. A thin shell over `gradeladder-core`.

mod data;
mod render;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use gradeladder_core::pay::PayQuery;
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
    /// Check pages and report problems with file, line and a caret; exit 1 on errors.
    Check {
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
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
    },
    /// Serve the web app carried inside this binary on 127.0.0.1 (fully offline).
    Serve {
        /// Port (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Open the app in the desktop's browser.
        #[arg(long)]
        open: bool,
    },
    /// Print the catalog as JSON (schema 2).
    Export {
        /// Read every *.md under DIR instead of the embedded seed pages.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
    },
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
        Command::Check { data } => {
            let loaded = data::load(data.as_deref())?;
            render::diagnostics(&loaded.pages, &loaded.catalog.diagnostics);
            let errors = loaded
                .catalog
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = loaded
                .catalog
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count();
            let levels = loaded.catalog.levels().count();
            eprintln!(
                "checked {} page(s), {levels} level(s): {errors} error(s), {warnings} warning(s)",
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
        } => {
            let loaded = data::load(data.as_deref())?;
            let model = match data::load_pay(pay.as_deref()) {
                Ok(model) => model,
                Err(data::PayFileError::Unreadable(message)) => return Err(message),
                Err(data::PayFileError::Invalid { name, text, errors }) => {
                    eprint!("{}", render::diagnostics_for(&[(name, text)], &errors));
                    return Ok(ExitCode::from(DATA_ERROR));
                }
            };
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
                emit(&render::pay_text(&level.title, &answer));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { port, open } => {
            serve::serve(port, open)?;
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
