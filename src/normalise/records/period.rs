//! The reporting period: the snapshot date and the two 12-month years before it (1 April to 31 March).

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
}
