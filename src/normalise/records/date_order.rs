//! The order of day and month in an input's text dates, decided for the whole date column of a file.
//!
//! UK exports write the day first (`31/03/2024`), so that is the default. A date such as `04/15/2024` can only be
//! month-first: then the whole column is read month-first (a file is written by one system, in one order), and
//! the data-quality output says so. The config can settle a file whose dates could all be read either way
//! (`[training] date_order = "mdy"`). A column holding both dates that can only be day-first and dates that can
//! only be month-first cannot be read either way: that is an error naming the file, the column and some rows, as
//! is a value the configured order cannot read when the other order could.
//!
//! Dates stored as dates (a workbook's date cells, Excel serial numbers) and ISO or month-name texts do not depend
//! on the order and are not looked at.

use super::InputFile;
use crate::error::{Error, Result};
use crate::normalise::quality::DateOrderNote;
use crate::read::{order_evidence, Cell, DateOrder, OrderEvidence, Row, TableInfo};

/// How many rows of each kind a message names.
const EXAMPLES: usize = 3;

/// Rows whose date could only be read in one order: how many, and the first few (row number and text).
#[derive(Debug, Default)]
struct Seen {
    rows: u64,
    examples: Vec<(usize, String)>,
}

impl Seen {
    fn add(&mut self, line: usize, text: &str) {
        self.rows += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push((line, text.trim().to_string()));
        }
    }

    /// `2 rows (row 4: 25/03/2024, row 9: 13/01/2024)`.
    fn describe(&self) -> String {
        let examples: Vec<String> = self.examples.iter().map(|(line, t)| format!("row {line}: {t}")).collect();
        let more = if self.rows > self.examples.len() as u64 { ", ..." } else { "" };
        let rows = if self.rows == 1 { "1 row".to_string() } else { format!("{} rows", self.rows) };
        format!("{rows} ({}{more})", examples.join(", "))
    }
}

/// What a file's date column says about its order, gathered row by row.
#[derive(Debug)]
pub(crate) struct DateEvidence {
    /// The date field's index in the fields read.
    field: usize,
    /// Its name (`date`, `date_entered`).
    name: &'static str,
    day_first: Seen,
    month_first: Seen,
    /// Rows readable either way.
    either: u64,
}

impl DateEvidence {
    /// Evidence about field `field` (named `name`).
    pub(crate) fn new(field: usize, name: &'static str) -> DateEvidence {
        DateEvidence { field, name, day_first: Seen::default(), month_first: Seen::default(), either: 0 }
    }

    /// Looks at one row's date.
    pub(crate) fn see(&mut self, row: &Row<'_>) {
        let Some(Cell::Text(text)) = row.cells.get(self.field) else { return };
        match order_evidence(text) {
            Some(OrderEvidence::Only(DateOrder::DayFirst)) => self.day_first.add(row.line, text),
            Some(OrderEvidence::Only(DateOrder::MonthFirst)) => self.month_first.add(row.line, text),
            Some(OrderEvidence::Either) => self.either += 1,
            None => {}
        }
    }

    /// The order to read the column in, and the note for the data-quality output (none when no date depended on
    /// the order and the config said nothing). Errors (exit 3) for a column written both ways, or one the
    /// configured order cannot read.
    pub(crate) fn decide(
        &self,
        configured: Option<DateOrder>,
        file: &InputFile,
        info: &TableInfo,
    ) -> Result<(DateOrder, Option<DateOrderNote>)> {
        let column = info
            .columns
            .iter()
            .find(|c| c.field == self.name)
            .map_or_else(|| self.name.to_string(), |c| format!("'{}'", c.header));
        let at = format!("{}, column {column}", file.shown);
        if self.day_first.rows > 0 && self.month_first.rows > 0 {
            return Err(Error::data(format!(
                "{at}: the dates are written both day-first and month-first: {} can only be day-first, {} can only \
                 be month-first",
                self.day_first.describe(),
                self.month_first.describe()
            ))
            .with_hint(
                "one column must hold dates in one order: correct those rows, or export the dates again as \
                 2024-03-31",
            ));
        }
        let detected = if self.month_first.rows > 0 { DateOrder::MonthFirst } else { DateOrder::DayFirst };
        let section = file.kind.unwrap_or("input").to_ascii_lowercase();
        if let Some(order) = configured {
            let against = match order {
                DateOrder::DayFirst => &self.month_first,
                DateOrder::MonthFirst => &self.day_first,
            };
            if against.rows > 0 {
                return Err(Error::data(format!(
                    "{at}: the config says {section}.date_order = \"{}\" ({}), but {} can only be read {}",
                    order.code(),
                    order.words(),
                    against.describe(),
                    if order == DateOrder::DayFirst { "month-first" } else { "day-first" },
                ))
                .with_hint(format!(
                    "correct [{section}] date_order in the config (or remove it: the tool then reads the dates the \
                     only way they can be read), or correct those rows"
                )));
            }
        }
        let order = configured.unwrap_or(detected);
        let depends = self.either + self.day_first.rows + self.month_first.rows > 0;
        let note = (depends || configured.is_some()).then(|| DateOrderNote {
            field: self.name,
            order: order.code(),
            source: match (configured, detected) {
                (Some(_), _) => "config",
                (None, DateOrder::MonthFirst) => "detected",
                (None, DateOrder::DayFirst) => "default",
            },
            either_way: Some(self.either),
        });
        Ok((order, note))
    }
}

/// A note in words for messages and the workbook: how the dates were read and why.
///
/// ```
/// use wres_wdes::normalise::quality::DateOrderNote;
/// use wres_wdes::normalise::records::describe_date_order;
/// let note = DateOrderNote { field: "date", order: "mdy", source: "detected", either_way: Some(3) };
/// assert_eq!(
///     describe_date_order(&note),
///     "dates (date) read month-first (03/31/2025): a date could only be month-first; 3 rows could be read either way"
/// );
/// ```
pub fn describe_date_order(note: &DateOrderNote) -> String {
    let order = if note.order == "mdy" { DateOrder::MonthFirst } else { DateOrder::DayFirst };
    let why = match note.source {
        "detected" => "a date could only be month-first",
        "config" => "as the config's date_order says",
        _ => "the default, as no date could only be month-first",
    };
    let either = match note.either_way {
        Some(0) => String::new(),
        Some(1) => "; 1 row could be read either way".to_string(),
        Some(n) => format!("; {n} rows could be read either way"),
        None => "; * rows could be read either way".to_string(),
    };
    format!("dates ({}) read {} ({}): {why}{either}", note.field, order.words(), order.example())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::ColumnMatch;

    fn info() -> TableInfo {
        let mut info = TableInfo::csv_for_test("training.csv", 0);
        info.columns = vec![ColumnMatch { field: "date", header: "Completion Date".into(), column: 2 }];
        info
    }

    fn evidence(dates: &[&str]) -> DateEvidence {
        let mut e = DateEvidence::new(0, "date");
        for (i, d) in dates.iter().enumerate() {
            let cells = [Cell::Text(d.to_string())];
            e.see(&Row { sheet: "", line: i + 2, cells: &cells });
        }
        e
    }

    fn file() -> InputFile {
        InputFile { kind: Some("Training"), ..InputFile::new("training.csv") }
    }

    #[test]
    fn one_month_first_date_turns_the_column() {
        let (order, note) =
            evidence(&["01/02/2024", "04/15/2024", "2024-05-01"]).decide(None, &file(), &info()).unwrap();
        assert_eq!(order, DateOrder::MonthFirst);
        let note = note.unwrap();
        assert_eq!((note.order, note.source, note.either_way), ("mdy", "detected", Some(1)));
        let (order, note) = evidence(&["01/02/2024", "25/12/2024"]).decide(None, &file(), &info()).unwrap();
        assert_eq!((order, note.map(|n| n.source)), (DateOrder::DayFirst, Some("default")));
        // Nothing depends on the order: no note.
        let (order, note) =
            evidence(&["2024-05-01", "5 May 2024", "05/05/2024"]).decide(None, &file(), &info()).unwrap();
        assert_eq!((order, note), (DateOrder::DayFirst, None));
    }

    #[test]
    fn the_config_settles_an_ambiguous_file() {
        let (order, note) =
            evidence(&["01/02/2024", "03/04/2024"]).decide(Some(DateOrder::MonthFirst), &file(), &info()).unwrap();
        assert_eq!((order, note.map(|n| n.source)), (DateOrder::MonthFirst, Some("config")));
    }

    #[test]
    fn a_column_written_both_ways_is_an_error_naming_rows() {
        let e = evidence(&["01/02/2024", "25/03/2024", "04/15/2024", "13/01/2024"])
            .decide(None, &file(), &info())
            .unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert_eq!(
            e.message(),
            "training.csv, column 'Completion Date': the dates are written both day-first and month-first: 2 rows \
             (row 3: 25/03/2024, row 5: 13/01/2024) can only be day-first, 1 row (row 4: 04/15/2024) can only be \
             month-first"
        );
    }

    #[test]
    fn a_configured_order_the_values_contradict_is_an_error() {
        let e = evidence(&["04/15/2024"]).decide(Some(DateOrder::DayFirst), &file(), &info()).unwrap_err();
        assert_eq!(e.exit_code(), 3);
        assert!(
            e.message().contains(
                "the config says training.date_order = \"dmy\" (day-first), but 1 row (row 2: 04/15/2024) can only \
                 be read month-first"
            ),
            "{e}"
        );
    }
}
