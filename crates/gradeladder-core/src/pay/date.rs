//! Calendar dates of pay data ("as of 2024-01-02") and how old data is on a given day: the one
//! place the app, the widget, the CLI and a posting learn that figures are out of date.

use serde::{Deserialize, Serialize};

/// A day of the proleptic Gregorian calendar, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Stands in for a date the file got wrong while its other errors are collected; the file is
    /// refused, so this day is never shown.
    pub(crate) const EPOCH_FOR_ERRORS: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// The date of `year`-`month`-`day`, if that day exists (years 1–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly (four, two and two digits).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The day `days` days after 1970-01-01 (negative: before it), as a clock's "today" gives it.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Whole months from `self` to `later` (0 when `later` is earlier or in the same month's
    /// span): 2024-01-02 → 2025-01-01 is 11, → 2025-01-02 is 12.
    pub fn months_until(self, later: Date) -> u32 {
        let months = (i32::from(later.year) - i32::from(self.year)) * 12 + i32::from(later.month)
            - i32::from(self.month)
            - i32::from(later.day < self.day);
        u32::try_from(months).unwrap_or(0)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a YYYY-MM-DD date")))
    }
}

/// When and where a figure of the pay data was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The day the figure describes ("as of").
    pub as_of: Date,
    /// Where it comes from (a survey, a rate feed, the company's own policy).
    pub source: String,
}

/// Pay data older than the pay file's threshold, on the day it is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staleness {
    /// The oldest date of the figures used.
    pub as_of: Date,
    /// Whole months between that date and today.
    pub months_old: u32,
    /// The pay file's threshold in months (`stale_after_months`).
    pub threshold_months: u32,
}

impl Staleness {
    /// The warning due when data `as_of` is more than `threshold_months` old on `today`.
    pub fn of(as_of: Date, today: Date, threshold_months: u32) -> Option<Staleness> {
        let months_old = as_of.months_until(today);
        (months_old >= threshold_months.max(1) && months_old > 0).then_some(Staleness {
            as_of,
            months_old,
            threshold_months,
        })
    }
}

impl std::fmt::Display for Staleness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The pay data is from {} ({} months old; the pay file treats data older than {} months as out of date). Check the figures before you rely on them.",
            self.as_of, self.months_old, self.threshold_months
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_reads_only_real_days_written_yyyy_mm_dd() {
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-01-01",
            "2024/01/01",
            "2024-1-01",
            "",
            "2024-01-0x",
            "+024-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn unix_days_give_the_calendar_day() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(19_723), Date::new(2024, 1, 1));
        assert_eq!(Date::from_unix_days(20_788), Date::new(2026, 12, 1));
        assert_eq!(Date::from_unix_days(-1), Date::new(1969, 12, 31));
    }

    #[test]
    fn months_count_only_once_the_day_of_the_month_is_reached() {
        let start = Date::new(2024, 1, 2).unwrap();
        assert_eq!(start.months_until(Date::new(2025, 1, 1).unwrap()), 11);
        assert_eq!(start.months_until(Date::new(2025, 1, 2).unwrap()), 12);
        assert_eq!(start.months_until(Date::new(2023, 5, 1).unwrap()), 0);
    }

    #[test]
    fn data_is_stale_from_its_threshold_on() {
        let as_of = Date::new(2024, 1, 2).unwrap();
        assert_eq!(
            Staleness::of(as_of, Date::new(2025, 1, 1).unwrap(), 12),
            None
        );
        let stale = Staleness::of(as_of, Date::new(2026, 12, 1).unwrap(), 12).unwrap();
        assert_eq!(stale.months_old, 34);
        assert!(stale.to_string().contains("2024-01-02 (34 months old"));
        assert_eq!(
            Staleness::of(as_of, Date::new(2026, 12, 1).unwrap(), 36),
            None
        );
    }
}
