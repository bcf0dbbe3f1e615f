//! Publication dates: the three forms the collection format accepts, a sort key and a
//! display form.
//!
//! Only what a news list needs: parse `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` and RFC 3339,
//! order by instant, print the wall-clock time as written. A date library would bring
//! time zones and calendars the reader never shows.

use std::cmp::Ordering;
use std::fmt;

/// A publication date as written (wall clock), ordered by the instant it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    /// `None` for a date without a time of day.
    time: Option<Hms>,
    /// Seconds since 1970-01-01T00:00:00Z; dates without an offset count as UTC.
    key: i64,
}

impl Date {
    /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS` or RFC 3339
    /// (`T` or space, optional fraction, `Z` or `±HH:MM`). Returns `None` for anything else,
    /// including impossible dates such as 2023-02-30.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])? as i32;
        let month = digits(&b[5..7])? as u8;
        let day = digits(&b[8..10])? as u8;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut date = Date {
            year,
            month,
            day,
            time: None,
            key: 0,
        };
        let rest = &b[10..];
        let offset_secs = if rest.is_empty() {
            0
        } else {
            if !matches!(rest[0], b'T' | b't' | b' ') {
                return None;
            }
            let (time, tail) = parse_time(&rest[1..])?;
            date.time = Some(time);
            parse_offset(tail)?
        };
        let (h, m, sec) = date.time.unwrap_or((0, 0, 0));
        date.key = days_from_civil(year, month, day) * 86_400
            + i64::from(h) * 3600
            + i64::from(m) * 60
            + i64::from(sec)
            - offset_secs;
        Some(date)
    }

    /// Seconds since the Unix epoch; larger is newer.
    pub fn key(&self) -> i64 {
        self.key
    }

    /// `YYYY-MM-DD`, without the time of day.
    pub fn day_string(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| {
                (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
            })
            .then_with(|| self.time.cmp(&other.time))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (seconds are shown only when not zero).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        match self.time {
            None => Ok(()),
            Some((h, m, 0)) => write!(f, " {h:02}:{m:02}"),
            Some((h, m, s)) => write!(f, " {h:02}:{m:02}:{s:02}"),
        }
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// Hour, minute, second.
type Hms = (u8, u8, u8);

/// `HH:MM[:SS[.fraction]]`, returning the rest (the offset, if any).
fn parse_time(b: &[u8]) -> Option<(Hms, &[u8])> {
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let h = digits(&b[0..2])? as u8;
    let m = digits(&b[3..5])? as u8;
    let mut rest = &b[5..];
    let mut s = 0;
    if rest.first() == Some(&b':') {
        s = digits(rest.get(1..3)?)? as u8;
        rest = &rest[3..];
        if rest.first() == Some(&b'.') {
            let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            rest = &rest[1 + n..];
        }
    }
    // 60 is a leap second, which RFC 3339 allows.
    (h < 24 && m < 60 && s <= 60).then_some(((h, m, s), rest))
}

/// `""`, `Z` or `±HH:MM`, as seconds east of UTC.
fn parse_offset(b: &[u8]) -> Option<i64> {
    match b {
        [] | [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = i64::from(digits(&[*h1, *h2])?);
            let m = i64::from(digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = h * 3600 + m * 60;
            Some(if *sign == b'-' { -secs } else { secs })
        }
        _ => None,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let d = Date::parse("2023-03-13").unwrap();
        assert_eq!(d.to_string(), "2023-03-13");
        assert_eq!(d.key(), 1_678_665_600);
        let d = Date::parse("2023-03-13 14:05").unwrap();
        assert_eq!(d.to_string(), "2023-03-13 14:05");
        let d = Date::parse("2023-03-13 14:05:09").unwrap();
        assert_eq!(d.to_string(), "2023-03-13 14:05:09");
        let d = Date::parse("2023-03-13T14:05:00.250+08:00").unwrap();
        assert_eq!(d.to_string(), "2023-03-13 14:05");
        assert_eq!(d.key(), Date::parse("2023-03-13T06:05:00Z").unwrap().key());
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for s in [
            "",
            "2023",
            "2023/03/13",
            "2023-13-01",
            "2023-02-29",
            "2023-04-31",
            "2023-03-13 25:00",
            "2023-03-13T10:00+8",
            "2023-03-13x",
            "２０２３-03-13",
        ] {
            assert_eq!(Date::parse(s), None, "{s:?}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn orders_by_instant() {
        let a = Date::parse("2023-03-13T10:00:00+08:00").unwrap();
        let b = Date::parse("2023-03-13 03:00").unwrap();
        assert!(a < b);
        assert!(Date::parse("1969-12-31").unwrap().key() < 0);
    }
}
