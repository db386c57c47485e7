//! The reporting period: the snapshot date and the two 12-month years before it (1 April to 31 March).

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

/// The reporting period, defined by its snapshot date.
///
/// ```
/// use chrono::NaiveDate;
/// use wres_wdes::normalise::records::{Period, PeriodYear};
/// let p = Period::for_year(2025).unwrap();
/// assert_eq!(p.snapshot, NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
/// assert_eq!(p.year_of(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap()), Some(PeriodYear::Current));
/// assert_eq!(p.year_of(NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()), Some(PeriodYear::Previous));
/// assert_eq!(p.year_of(NaiveDate::from_ymd_opt(2023, 3, 31).unwrap()), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The snapshot date (31 March of the reporting year by default).
    pub snapshot: NaiveDate,
}

/// Which of the two years a date falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodYear {
    /// The 12 months ending on the snapshot date, both ends inclusive.
    Current,
    /// The 12 months before that.
    Previous,
}

impl Period {
    /// The period whose snapshot is 31 March of `year`.
    pub fn for_year(year: i32) -> Option<Period> {
        NaiveDate::from_ymd_opt(year, 3, 31).map(|snapshot| Period { snapshot })
    }
    /// The reporting year's label, the calendar year of the snapshot.
    pub fn year(&self) -> i32 {
        self.snapshot.year()
    }
    /// The first day of the current year (the day after the snapshot a year earlier).
    pub fn current_start(&self) -> NaiveDate {
        self.back_one_year(self.snapshot).succ_opt().unwrap_or(self.snapshot)
    }
    /// The first day of the previous year.
    pub fn previous_start(&self) -> NaiveDate {
        let end = self.back_one_year(self.snapshot);
        self.back_one_year(end).succ_opt().unwrap_or(end)
    }
    /// Which year `date` falls in, if either.
    pub fn year_of(&self, date: NaiveDate) -> Option<PeriodYear> {
        if date > self.snapshot {
            None
        } else if date >= self.current_start() {
            Some(PeriodYear::Current)
        } else if date >= self.previous_start() {
            Some(PeriodYear::Previous)
        } else {
            None
        }
    }
    fn back_one_year(&self, date: NaiveDate) -> NaiveDate {
        date.checked_sub_months(Months::new(12)).unwrap_or(date)
    }
    /// The snapshot date moved to the calendar year `year` (29 February becomes 28 February).
    fn end_in(&self, year: i32) -> NaiveDate {
        let months = |years: i32| Months::new(years.unsigned_abs().saturating_mul(12));
        let shift = year - self.snapshot.year();
        let moved = if shift >= 0 {
            self.snapshot.checked_add_months(months(shift))
        } else {
            self.snapshot.checked_sub_months(months(shift))
        };
        moved.unwrap_or(self.snapshot)
    }
    /// The calendar year in which the 12-month year holding `date` ends, the years ending on the snapshot's day
    /// and month (with the default snapshot, the financial year: 2025 for 1 April 2024 to 31 March 2025).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wres_wdes::normalise::records::Period;
    /// let p = Period::for_year(2025).unwrap();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(p.year_ending(d(2024, 4, 1)), 2025);
    /// assert_eq!(p.year_ending(d(2024, 3, 31)), 2024);
    /// assert_eq!(p.year_ending(d(2030, 12, 25)), 2031);
    /// ```
    pub fn year_ending(&self, date: NaiveDate) -> i32 {
        if date <= self.end_in(date.year()) {
            date.year()
        } else {
            date.year() + 1
        }
    }
    /// The 12-month year ending in `year`, in words: `2024-25` for financial years, else `the year to 30 June
    /// 2025`.
    fn year_words(&self, year: i32) -> String {
        if (self.snapshot.month(), self.snapshot.day()) == (3, 31) {
            format!("{}-{:02}", year - 1, year.rem_euclid(100))
        } else {
            format!("the year to {}", self.end_in(year).format("%-d %B %Y"))
        }
    }
    /// The option that makes the year ending in `year` the reporting year.
    fn option_for(&self, year: i32) -> String {
        if (self.snapshot.month(), self.snapshot.day()) == (3, 31) {
            format!("--year {year}")
        } else {
            format!("--snapshot-date {}", self.end_in(year).format("%Y-%m-%d"))
        }
    }
}

/// An input's dated rows counted by the 12-month year they fall in ([`Period::year_ending`]), to tell when most
/// of them fall outside the reporting period, and which period they point to.
///
/// ```
/// use chrono::NaiveDate;
/// use wres_wdes::normalise::records::{period::DateSpread, Period};
/// let p = Period::for_year(2024).unwrap();
/// let mut spread = DateSpread::default();
/// for m in 1..=9 {
///     spread.add(&p, NaiveDate::from_ymd_opt(2024, m + 3, 1).unwrap()); // April to December 2024
/// }
/// spread.add(&p, NaiveDate::from_ymd_opt(2023, 6, 1).unwrap());
/// let (outside, words) = spread.outside(&p, 1, "training").unwrap();
/// assert_eq!(outside, 9);
/// assert_eq!(words, "90% of the dated rows fall outside the reporting year 2023-24; most training dates are in 2024-25: is --year 2025 meant?");
/// assert_eq!(DateSpread::default().outside(&p, 1, "training"), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateSpread {
    /// Rows by the year their 12-month year ends in.
    by_end: BTreeMap<i32, u64>,
}

impl DateSpread {
    /// Counts a row dated `date`.
    pub fn add(&mut self, period: &Period, date: NaiveDate) {
        self.add_year(period.year_ending(date));
    }

    /// Counts a row of the 12-month year ending in `year` (an aggregated table's year column).
    pub fn add_year(&mut self, year: i32) {
        *self.by_end.entry(year).or_default() += 1;
    }

    /// When more than half of the dated rows fall outside the `years` (1: the reporting year, 2: it and the year
    /// before) ending on the snapshot: how many fall outside, and in words the share, the period the dates point
    /// to and the option that would pick it (`input` names the rows: `training`, `case`, ...).
    pub fn outside(&self, period: &Period, years: i32, input: &str) -> Option<(u64, String)> {
        let total: u64 = self.by_end.values().sum();
        let end = period.year();
        let within =
            |last: i32| (last - years + 1..=last).map(|y| self.by_end.get(&y).copied().unwrap_or(0)).sum::<u64>();
        let outside = total - within(end);
        if total == 0 || outside * 2 <= total {
            return None;
        }
        let span = |last: i32| {
            if years == 1 {
                period.year_words(last)
            } else {
                format!("{} and {}", period.year_words(last - 1), period.year_words(last))
            }
        };
        let which = if years == 1 { "reporting year" } else { "two years of the rolling average" };
        let share = |n: u64| (n as f64 * 100.0 / total as f64).round();
        let mut words = format!("{:.0}% of the dated rows fall outside the {which} {}; ", share(outside), span(end));
        // The window holding the most dated rows (the latest of equals).
        let candidates = self.by_end.keys().flat_map(|&y| y..y + years);
        match candidates.map(|y| (within(y), y)).max() {
            Some((n, best)) if n * 2 > total => {
                words += &format!("most {input} dates are in {}: is {} meant?", span(best), period.option_for(best))
            }
            _ => {
                words += &format!(
                    "the {input} dates are spread over {} years: check that the file is for the reporting period",
                    self.by_end.len()
                )
            }
        }
        Some((outside, words))
    }
}
