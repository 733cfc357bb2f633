//! What pay-transparency laws ask of a job posting, checked against a [`Posting`] as it stands:
//! for each jurisdiction, which requirements it meets, which it does not, and which a person must
//! review (what the posting's data cannot show). Help for recruiters, not legal advice; the rules
//! and their sources are in `docs/pay-transparency.md`.

use serde::Serialize;

use super::Posting;
use crate::words::words;

/// The jurisdictions a posting is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// The European Union's Pay Transparency Directive, as member states transpose it.
    Eu,
    /// Colorado.
    Colorado,
    /// New York City.
    NewYorkCity,
    /// Washington State.
    Washington,
    /// California.
    California,
}

impl Jurisdiction {
    /// Every jurisdiction, in the order they are shown.
    pub const ALL: [Jurisdiction; 5] = [
        Jurisdiction::Eu,
        Jurisdiction::Colorado,
        Jurisdiction::NewYorkCity,
        Jurisdiction::Washington,
        Jurisdiction::California,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Jurisdiction::Eu => "European Union",
            Jurisdiction::Colorado => "Colorado",
            Jurisdiction::NewYorkCity => "New York City",
            Jurisdiction::Washington => "Washington",
            Jurisdiction::California => "California",
        }
    }

    /// The law checked, by citation.
    pub fn law(self) -> &'static str {
        match self {
            Jurisdiction::Eu => "Directive (EU) 2023/970, Articles 5 and 6 (to be transposed by 7 June 2026)",
            Jurisdiction::Colorado => "C.R.S. § 8-5-201 (Equal Pay for Equal Work Act, as amended by SB 23-105) and 7 CCR 1103-18 Rule 11",
            Jurisdiction::NewYorkCity => "NYC Administrative Code § 8-107(32) (Local Laws 32 and 59 of 2022)",
            Jurisdiction::Washington => "RCW 49.58.110 (as amended by ESSB 5761 and SSB 5408)",
            Jurisdiction::California => "Labor Code § 432.3(c)(3) (as amended by SB 1162 and SB 642)",
        }
    }

    /// Where the law's text is published.
    pub fn source(self) -> &'static str {
        match self {
            Jurisdiction::Eu => "https://eur-lex.europa.eu/eli/dir/2023/970/oj",
            Jurisdiction::Colorado => "https://leg.colorado.gov/sites/default/files/2023a_105_signed.pdf",
            Jurisdiction::NewYorkCity => "https://legistar.council.nyc.gov/LegislationDetail.aspx?ID=5528005&GUID=4544EE38-4659-44F6-9092-19D965A680AE",
            Jurisdiction::Washington => "https://app.leg.wa.gov/RCW/default.aspx?cite=49.58.110",
            Jurisdiction::California => "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3",
        }
    }
}

/// Whether a requirement is met by the posting as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The posting meets it.
    Met,
    /// The posting does not meet it: the detail says what is missing.
    NotMet,
    /// The posting's data cannot show it: a person must check.
    Review,
}

/// One requirement and how the posting stands against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// What the law asks, in a few words.
    pub rule: &'static str,
    /// Met, not met, or for a person to review.
    pub status: Status,
    /// Why, and what to do when it is not met.
    pub detail: String,
}

/// A jurisdiction's requirements, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JurisdictionCheck {
    /// Which jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// Its name.
    pub name: &'static str,
    /// The law, by citation.
    pub law: &'static str,
    /// Where to read it.
    pub source: &'static str,
    /// Each requirement.
    pub requirements: Vec<Requirement>,
}

impl JurisdictionCheck {
    /// True when no requirement is unmet (some may still need a person's review).
    pub fn passes(&self) -> bool {
        self.requirements.iter().all(|r| r.status != Status::NotMet)
    }
}

/// Words that make a job title gendered (Art. 5(3) of the EU directive asks for neutral ones).
const GENDERED: &[&str] = &[
    "man",
    "men",
    "woman",
    "women",
    "salesman",
    "saleswoman",
    "chairman",
    "chairwoman",
    "foreman",
    "waitress",
    "hostess",
    "stewardess",
    "headmaster",
    "headmistress",
    "craftsman",
    "tradesman",
    "spokesman",
    "businessman",
    "he",
    "she",
    "his",
    "her",
    "guy",
    "guys",
    "girl",
    "boy",
];

/// Every jurisdiction's requirements, checked against `posting`.
pub fn check(posting: &Posting) -> Vec<JurisdictionCheck> {
    Jurisdiction::ALL
        .into_iter()
        .map(|jurisdiction| JurisdictionCheck {
            jurisdiction,
            name: jurisdiction.name(),
            law: jurisdiction.law(),
            source: jurisdiction.source(),
            requirements: requirements(jurisdiction, posting),
        })
        .collect()
}

fn requirements(jurisdiction: Jurisdiction, posting: &Posting) -> Vec<Requirement> {
    let range = closed_range(posting);
    match jurisdiction {
        Jurisdiction::Eu => vec![
            Requirement {
                rule: "The initial pay or its range (Art. 5(1))",
                ..range
            },
            criteria(posting),
            gender_neutral_title(posting),
            Requirement {
                rule: "No question about pay history (Art. 5(2))",
                status: Status::Review,
                detail: "Gradeladder never asks for it; check your application form and interviews.".to_owned(),
            },
            current_data(posting),
        ],
        Jurisdiction::Colorado => vec![
            Requirement {
                rule: "The pay or a closed range (§ 8-5-201(2)(a))",
                ..range
            },
            benefits(posting, "A general description of all benefits (§ 8-5-201(2)(b))"),
            other_pay(posting),
            Requirement {
                rule: "The date the application window closes (§ 8-5-201(2)(c))",
                status: Status::Review,
                detail: "Add the closing date to the ad, or say that applications are accepted on an ongoing basis.".to_owned(),
            },
            current_data(posting),
        ],
        Jurisdiction::NewYorkCity => vec![
            Requirement {
                rule: "A good-faith minimum and maximum salary (no \"and up\")",
                ..range
            },
            base_salary(posting),
            current_data(posting),
        ],
        Jurisdiction::Washington => vec![
            Requirement {
                rule: "The wage scale or salary range (RCW 49.58.110(1))",
                ..range
            },
            benefits(posting, "A general description of all benefits"),
            other_pay(posting),
        ],
        Jurisdiction::California => vec![
            Requirement {
                rule: "The pay scale, in the posting itself (§ 432.3(c)(3))",
                detail: if range.status == Status::Met {
                    "The range is written in the posting's text, not behind a link.".to_owned()
                } else {
                    range.detail.clone()
                },
                ..range
            },
            Requirement {
                rule: "A good-faith estimate of pay on hire (SB 642, from 2026)",
                status: Status::Review,
                detail: "The range is the grade's whole range; narrow it if you expect to pay a new hire within part of it.".to_owned(),
            },
            current_data(posting),
        ],
    }
}

/// A closed minimum–maximum range for every location asked for.
fn closed_range(posting: &Posting) -> Requirement {
    let (status, detail) = if posting.tiers.is_empty() && posting.unpriced.is_empty() {
        (
            Status::NotMet,
            "The posting names no location, so it carries no range.".to_owned(),
        )
    } else if !posting.unpriced.is_empty() {
        let missing: Vec<String> = posting
            .unpriced
            .iter()
            .map(|u| format!("{} ({})", u.location, u.reason))
            .collect();
        (
            Status::NotMet,
            format!("No range for {}.", missing.join("; ")),
        )
    } else if posting.tiers.iter().any(|t| t.min > t.max) {
        (
            Status::NotMet,
            "A range's minimum is above its maximum.".to_owned(),
        )
    } else {
        (
            Status::Met,
            format!(
                "A minimum and a maximum, currency and interval for {}.",
                plural(posting.tiers.len(), "location")
            ),
        )
    };
    Requirement {
        rule: "",
        status,
        detail,
    }
}

fn criteria(posting: &Posting) -> Requirement {
    let links = &posting.links;
    let (status, detail) = match (&links.expectations, &links.grade_scale) {
        (Some(_), Some(_)) => (
            Status::Met,
            "The posting links the level's expectations and the grade scale; whether the criteria are gender-neutral is for you to judge.".to_owned(),
        ),
        _ => (
            Status::NotMet,
            "Link the level's expectations and the grade scale (with the CLI: --site URL, the address the bundle is published at).".to_owned(),
        ),
    };
    Requirement {
        rule: "The criteria for pay and progression can be reached (Art. 5(1), 6(1))",
        status,
        detail,
    }
}

fn gender_neutral_title(posting: &Posting) -> Requirement {
    let title_words = words(&posting.role);
    let gendered: Vec<&str> = title_words
        .iter()
        .map(String::as_str)
        .filter(|w| GENDERED.contains(w))
        .collect();
    let (status, detail) = if gendered.is_empty() {
        (
            Status::Review,
            "No gendered word in the title; read the rest of the ad for neutral wording too."
                .to_owned(),
        )
    } else {
        (
            Status::NotMet,
            format!(
                "The title \"{}\" uses {}: choose a neutral title.",
                posting.role,
                gendered
                    .iter()
                    .map(|w| format!("\"{w}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    };
    Requirement {
        rule: "A gender-neutral job title and notice (Art. 5(3))",
        status,
        detail,
    }
}

fn benefits(posting: &Posting, rule: &'static str) -> Requirement {
    let (status, detail) = match &posting.benefits {
        Some(_) => (
            Status::Met,
            "The posting carries the pay file's benefits line; check that it names every benefit, without \"etc.\"".to_owned(),
        ),
        None => (
            Status::NotMet,
            "The pay file has no benefits line: add `benefits = \"…\"` to its [meta] table.".to_owned(),
        ),
    };
    Requirement {
        rule,
        status,
        detail,
    }
}

fn other_pay(posting: &Posting) -> Requirement {
    let variable = posting.tiers.iter().any(|t| t.variable_share.is_some());
    let (status, detail) = match (variable, &posting.benefits) {
        (true, _) => (
            Status::Met,
            "The posting gives the variable share of pay beside the base range.".to_owned(),
        ),
        (false, Some(_)) => (
            Status::Met,
            "The pay model has no variable pay; the benefits line is where bonuses, commissions or equity are described.".to_owned(),
        ),
        (false, None) => (
            Status::NotMet,
            "Describe bonuses, commissions and equity, or say there are none, in the pay file's benefits line.".to_owned(),
        ),
    };
    Requirement {
        rule: "A general description of other pay (bonuses, commissions, equity)",
        status,
        detail,
    }
}

fn base_salary(posting: &Posting) -> Requirement {
    let split = posting
        .tiers
        .iter()
        .filter(|t| t.variable_share.is_some())
        .all(|t| t.base.is_some());
    Requirement {
        rule: "The range is of base salary, other pay apart",
        status: if split { Status::Met } else { Status::NotMet },
        detail: if posting.tiers.iter().any(|t| t.base.is_some()) {
            "The base salary range is written beside the on-target range.".to_owned()
        } else {
            "The pay model has no variable part, so the range is base salary.".to_owned()
        },
    }
}

fn current_data(posting: &Posting) -> Requirement {
    let (status, detail) = match (&posting.stale, posting.data_as_of) {
        (Some(stale), _) => (
            Status::NotMet,
            format!(
                "The pay data is from {}, {} months old: more than the pay file's {} months. Update it before you publish.",
                stale.as_of, stale.months_old, stale.threshold_months
            ),
        ),
        (None, Some(as_of)) => (
            Status::Met,
            format!("The pay data is from {as_of}, within the pay file's threshold."),
        ),
        (None, None) => (Status::NotMet, "No range, so no data to date.".to_owned()),
    };
    Requirement {
        rule: "A good-faith range, from current pay data",
        status,
        detail,
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
