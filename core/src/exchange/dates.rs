//! Dates as exports write them. The format is decided once per column: `03/04/2025` alone could
//! be March or April, but a column that also holds `25/04/2025` cannot be month-first.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::numbers::shorten;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// `2025-04-25`, optionally followed by a time.
    Iso,
    /// `25.04.2025`
    DayMonthYearDots,
    /// `25/04/2025`
    DayMonthYearSlashes,
    /// `04/25/2025`
    MonthDayYearSlashes,
    /// Excel's serial day number, `45772`.
    ExcelSerial,
}

impl DateFormat {
    pub const ALL: [DateFormat; 5] = [
        DateFormat::Iso,
        DateFormat::DayMonthYearDots,
        DateFormat::DayMonthYearSlashes,
        DateFormat::MonthDayYearSlashes,
        DateFormat::ExcelSerial,
    ];

    /// The stable id (its serde name), e.g. the value of the import page's choice.
    pub fn id(self) -> &'static str {
        match self {
            DateFormat::Iso => "iso",
            DateFormat::DayMonthYearDots => "day_month_year_dots",
            DateFormat::DayMonthYearSlashes => "day_month_year_slashes",
            DateFormat::MonthDayYearSlashes => "month_day_year_slashes",
            DateFormat::ExcelSerial => "excel_serial",
        }
    }

    pub fn from_id(id: &str) -> Option<DateFormat> {
        DateFormat::ALL.into_iter().find(|f| f.id() == id)
    }
}

/// Why a cell is not a date. `value` is the cell as written, shortened to 40 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateError {
    Empty,
    /// Not written in the column's format.
    WrongFormat {
        value: String,
        format: DateFormat,
    },
    /// Written in the format, but no such day (31 February), or a year outside 1900–2200.
    NotReal {
        value: String,
    },
}

fn split3(s: &str, sep: char) -> Option<(u32, u32, i32)> {
    let mut it = s.split(sep);
    let a = it.next()?.trim().parse().ok()?;
    let b = it.next()?.trim().parse().ok()?;
    let c: i32 = it.next()?.trim().get(..4).or(Some(""))?.parse().ok()?;
    if it.next().is_some() {
        return None;
    }
    Some((a, b, c))
}

/// The date part of a cell (drops a trailing time such as `14:30` or `T14:30:00`).
fn date_part(s: &str) -> &str {
    let s = s.trim();
    s.split([' ', 'T']).next().unwrap_or(s)
}

/// Detects the column's format from its values. Returns the format and whether it was a guess
/// (slashes where no value tells day from month): the UI shows a guess for the user to confirm.
pub fn detect_date_format<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<(DateFormat, bool)> {
    let (mut iso, mut dots, mut slashes, mut serial) = (0, 0, 0, 0);
    let (mut first_over_12, mut second_over_12) = (false, false);
    for v in values {
        let v = date_part(v);
        if v.len() >= 8 && v.as_bytes().get(4) == Some(&b'-') {
            iso += 1;
        } else if v.contains('.') && split3(v, '.').is_some() {
            dots += 1;
        } else if let Some((a, b, _)) = split3(v, '/') {
            slashes += 1;
            first_over_12 |= a > 12;
            second_over_12 |= b > 12;
        } else if v.parse::<f64>().is_ok_and(|n| (1.0..2_958_466.0).contains(&n)) {
            serial += 1;
        }
    }
    let best = [iso, dots, slashes, serial].into_iter().max()?;
    if best == 0 {
        return None;
    }
    Some(if best == iso {
        (DateFormat::Iso, false)
    } else if best == dots {
        (DateFormat::DayMonthYearDots, false)
    } else if best == slashes {
        match (first_over_12, second_over_12) {
            (true, _) => (DateFormat::DayMonthYearSlashes, false),
            (false, true) => (DateFormat::MonthDayYearSlashes, false),
            (false, false) => (DateFormat::DayMonthYearSlashes, true),
        }
    } else {
        (DateFormat::ExcelSerial, false)
    })
}

/// Parses one cell in the given format; an error says why, for the skipped-rows list.
pub fn parse_date(raw: &str, format: DateFormat) -> Result<NaiveDate, DateError> {
    let s = date_part(raw);
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let bad = || DateError::WrongFormat { value: shorten(raw), format };
    let ymd = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d)
            .filter(|_| (1900..=2200).contains(&y))
            .ok_or_else(|| DateError::NotReal { value: shorten(raw) })
    };
    match format {
        DateFormat::Iso => {
            let mut it = s.split('-');
            let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
                return Err(bad());
            };
            let (y, m, d) =
                (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
            ymd(y, m, d)
        }
        DateFormat::DayMonthYearDots => {
            let (d, m, y) = split3(s, '.').ok_or_else(bad)?;
            ymd(y, m, d)
        }
        DateFormat::DayMonthYearSlashes => {
            let (d, m, y) = split3(s, '/').ok_or_else(bad)?;
            ymd(y, m, d)
        }
        DateFormat::MonthDayYearSlashes => {
            let (m, d, y) = split3(s, '/').ok_or_else(bad)?;
            ymd(y, m, d)
        }
        DateFormat::ExcelSerial => {
            let n: f64 = s.parse().map_err(|_| bad())?;
            if !(1.0..2_958_466.0).contains(&n) {
                return Err(bad());
            }
            // Excel counts from 1899-12-30 once its 1900 leap-year bug is accounted for.
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
            let date = base + Duration::days(n.floor() as i64);
            ymd(chrono::Datelike::year(&date), chrono::Datelike::month(&date), chrono::Datelike::day(&date))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn formats_parse() {
        assert_eq!(parse_date("2025-04-25", DateFormat::Iso), Ok(d(2025, 4, 25)));
        assert_eq!(parse_date("2025-04-25T10:00:00Z", DateFormat::Iso), Ok(d(2025, 4, 25)));
        assert_eq!(parse_date("25.04.2025", DateFormat::DayMonthYearDots), Ok(d(2025, 4, 25)));
        assert_eq!(parse_date("25/04/2025 14:30", DateFormat::DayMonthYearSlashes), Ok(d(2025, 4, 25)));
        assert_eq!(parse_date("04/25/2025", DateFormat::MonthDayYearSlashes), Ok(d(2025, 4, 25)));
        assert_eq!(parse_date("45772", DateFormat::ExcelSerial), Ok(d(2025, 4, 25)));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(
            parse_date("31.02.2025", DateFormat::DayMonthYearDots),
            Err(DateError::NotReal { value: "31.02.2025".into() })
        );
        assert!(parse_date("2025-13-01", DateFormat::Iso).is_err());
        assert_eq!(
            parse_date("yesterday", DateFormat::Iso),
            Err(DateError::WrongFormat { value: "yesterday".into(), format: DateFormat::Iso })
        );
        assert_eq!(parse_date(" ", DateFormat::Iso), Err(DateError::Empty));
        assert!(parse_date("29.02.2023", DateFormat::DayMonthYearDots).is_err());
        assert_eq!(parse_date("29.02.2024", DateFormat::DayMonthYearDots), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn ids_are_the_serde_names() {
        for f in DateFormat::ALL {
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.id()));
            assert_eq!(DateFormat::from_id(f.id()), Some(f));
        }
    }

    #[test]
    fn detection_uses_the_whole_column() {
        assert_eq!(detect_date_format(["03/04/2025", "25/04/2025"]), Some((DateFormat::DayMonthYearSlashes, false)));
        assert_eq!(detect_date_format(["03/04/2025", "04/25/2025"]), Some((DateFormat::MonthDayYearSlashes, false)));
        assert_eq!(detect_date_format(["03/04/2025"]), Some((DateFormat::DayMonthYearSlashes, true)));
        assert_eq!(detect_date_format(["01.02.2025", "x"]), Some((DateFormat::DayMonthYearDots, false)));
        assert_eq!(detect_date_format(["2025-01-02"]), Some((DateFormat::Iso, false)));
        assert_eq!(detect_date_format(["45772", "45773"]), Some((DateFormat::ExcelSerial, false)));
        assert_eq!(detect_date_format(["hello"]), None);
    }
}
