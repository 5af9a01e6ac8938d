//! Post dates as authors write them: `2022-03-15`, `2022-03-15 10:18:00`,
//! `2025-01-29 18:15:32 +0530`, RFC 3339 (`2022-03-15T10:18:00Z`, `…+05:30`), and with the month
//! in English words as Astro blogs write them (`Jul 08 2022`, `July 8, 2022`, `8 July 2022`).
//!
//! Parsing is strict on purpose: `2022-15-03` is rejected with the reason (month 15), never read
//! as 3 May or 15 March. chrono does the calendar arithmetic; the shape is checked here so the
//! reason given to the author can be precise.

use crate::manifest::MONTHS;
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// A valid date, ready for the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDate {
    /// ISO 8601 / RFC 3339 form: `2022-03-15`, `2022-03-15T10:18:00`, `2022-03-15T10:18:00+05:30`.
    pub iso: String,
    /// Seconds since the Unix epoch, for sorting; dates without an offset count as UTC.
    pub timestamp: i64,
    /// Human form for readers: `15 March 2022`.
    pub display: String,
}

const EXPECTED: &str = "expected YYYY-MM-DD, optionally followed by a time (10:18 or 10:18:00) and a UTC offset (Z, +05:30 or +0530)";

/// A date with the month in English words, as Astro's and JavaScript's date parsing accept:
/// `Jul 08 2022`, `July 8, 2022`, `8 July 2022`. Never ambiguous: the month is a word.
fn month_name_date(s: &str) -> Option<Result<PostDate, String>> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words[..] else { return None };
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        (w.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|m| m.to_ascii_lowercase().starts_with(&w))
            })
            .flatten()
            .map(|i| i as u32 + 1)
    };
    let number = |w: &str, n: std::ops::RangeInclusive<usize>| {
        (n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())?
    };
    let (m, d) = match (month(a), month(b)) {
        (Some(m), None) => (m, number(b, 1..=2)?),
        (None, Some(m)) => (m, number(a, 1..=2)?),
        _ => return None,
    };
    let y = number(c, 4..=4)?;
    Some(parse(&format!("{y:04}-{m:02}-{d:02}")))
}

/// Parses a date as written; the error is the reason, in words for the author.
pub fn parse(raw: &str) -> Result<PostDate, String> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("the date is empty".into());
    }
    if s.starts_with(|c: char| c.is_ascii_alphabetic())
        || s.contains(|c: char| c.is_ascii_alphabetic()) && !s.contains(['-', ':'])
    {
        if let Some(d) = month_name_date(s) {
            return d;
        }
    }
    let mut cur = Cursor { s, pos: 0 };
    let (Some(year), true, Some(month), true, Some(day)) = (
        cur.digits(4, 4),
        cur.eat('-'),
        cur.digits(1, 2),
        cur.eat('-'),
        cur.digits(1, 2),
    ) else {
        return Err(format!("not a date: {EXPECTED}"));
    };
    let date = calendar_date(year, month, day)?;

    let mut time = None;
    if (cur.eat('T') || cur.eat('t') || cur.eat_spaces())
        && !cur.at_end()
        && !cur.peek_offset_start()
    {
        let (Some(h), true, Some(m)) = (cur.digits(1, 2), cur.eat(':'), cur.digits(2, 2)) else {
            return Err(format!(
                "the time after the date is not readable: {EXPECTED}"
            ));
        };
        let mut sec = 0;
        let mut nanos = 0;
        if cur.eat(':') {
            sec = cur
                .digits(2, 2)
                .ok_or_else(|| format!("the seconds are not readable: {EXPECTED}"))?;
            if cur.eat('.') || cur.eat(',') {
                let start = cur.pos;
                let frac = cur.digits(1, 9).ok_or_else(|| {
                    format!("the fraction of a second is not readable: {EXPECTED}")
                })?;
                let len = cur.pos - start;
                nanos = frac * 10u32.pow(9 - len as u32);
            }
        }
        if h > 23 {
            return Err(format!("hour {h} does not exist (hours run 0–23)"));
        }
        if m > 59 {
            return Err(format!("minute {m} does not exist (minutes run 0–59)"));
        }
        if sec > 59 {
            return Err(format!("second {sec} does not exist (seconds run 0–59)"));
        }
        time = NaiveTime::from_hms_nano_opt(h, m, sec, nanos);
    }

    cur.eat_spaces();
    let mut offset = None;
    if !cur.at_end() {
        offset = Some(cur.offset().ok_or_else(|| {
            format!(
                "unexpected text {:?} after the date: {EXPECTED}",
                &s[cur.pos..]
            )
        })??);
        cur.eat_spaces();
        if !cur.at_end() {
            return Err(format!(
                "unexpected text {:?} after the date: {EXPECTED}",
                &s[cur.pos..]
            ));
        }
    }
    if offset.is_some() && time.is_none() {
        return Err(format!("a UTC offset needs a time before it: {EXPECTED}"));
    }

    let display = format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    );
    Ok(match (time, offset) {
        (None, _) => PostDate {
            iso: date.format("%Y-%m-%d").to_string(),
            timestamp: date.and_time(NaiveTime::MIN).and_utc().timestamp(),
            display,
        },
        (Some(t), None) => {
            let dt = NaiveDateTime::new(date, t);
            PostDate {
                iso: dt.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
                timestamp: dt.and_utc().timestamp(),
                display,
            }
        }
        (Some(t), Some(off)) => {
            let dt = off
                .from_local_datetime(&NaiveDateTime::new(date, t))
                .single()
                .ok_or_else(|| "the date and offset do not name a single instant".to_string())?;
            PostDate {
                iso: dt.format("%Y-%m-%dT%H:%M:%S%.f%:z").to_string(),
                timestamp: dt.timestamp(),
                display,
            }
        }
    })
}

fn calendar_date(year: u32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!(
            "month {month} does not exist (months run 01–12; the format is YYYY-MM-DD)"
        ));
    }
    if day == 0 || day > 31 {
        return Err(format!("day {day} does not exist (days run 01–31)"));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        let days = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year as i32, month, *d).is_some())
            .unwrap_or(28);
        format!(
            "{} {year} has {days} days, so day {day} does not exist",
            MONTHS[month as usize - 1]
        )
    })
}

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c as u8) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn eat_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
        self.pos > start
    }
    fn peek_offset_start(&self) -> bool {
        matches!(self.peek(), Some(b'Z' | b'z' | b'+' | b'-'))
    }
    /// Between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.pos;
        while self.pos - start < max && self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos - start < min {
            self.pos = start;
            return None;
        }
        self.s[start..self.pos].parse().ok()
    }
    /// `Z`, `+05:30`, `+0530` or `+05`; None when no offset starts here.
    fn offset(&mut self) -> Option<Result<FixedOffset, String>> {
        if self.eat('Z') || self.eat('z') {
            return Some(Ok(FixedOffset::east_opt(0).unwrap()));
        }
        let sign = if self.eat('+') {
            1
        } else if self.eat('-') {
            -1
        } else {
            return None;
        };
        let h = self.digits(2, 2)?;
        self.eat(':');
        let m = self.digits(2, 2).unwrap_or(0);
        if h > 23 || m > 59 {
            return Some(Err(format!("UTC offset {h:02}:{m:02} does not exist")));
        }
        Some(
            FixedOffset::east_opt(sign * (h * 3600 + m * 60) as i32)
                .ok_or_else(|| "the UTC offset is out of range".to_string()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_as_astro_writes_them() {
        assert_eq!(parse("Jul 08 2022").unwrap().iso, "2022-07-08");
        assert_eq!(parse("July 8, 2022").unwrap().iso, "2022-07-08");
        assert_eq!(parse("8 July 2022").unwrap().display, "8 July 2022");
        assert!(parse("Jul 32 2022").unwrap_err().contains("day 32"));
        assert!(parse("Ju 8 2022").is_err());
    }

    #[test]
    fn date_only() {
        let d = parse("2022-03-15").unwrap();
        assert_eq!(d.iso, "2022-03-15");
        assert_eq!(d.display, "15 March 2022");
        assert_eq!(d.timestamp, 1647302400);
    }

    #[test]
    fn date_and_time_forms() {
        assert_eq!(
            parse("2022-03-15 10:18:00").unwrap().iso,
            "2022-03-15T10:18:00"
        );
        assert_eq!(
            parse("2022-03-15 10:18").unwrap().iso,
            "2022-03-15T10:18:00"
        );
        assert_eq!(
            parse("2022-03-15T10:18:00").unwrap().iso,
            "2022-03-15T10:18:00"
        );
        assert_eq!(
            parse("2025-01-29 18:15:32 +0530").unwrap().iso,
            "2025-01-29T18:15:32+05:30"
        );
        let z = parse("2022-03-15T10:18:00Z").unwrap();
        assert_eq!(z.iso, "2022-03-15T10:18:00+00:00");
        let off = parse("2022-03-15T15:48:00+05:30").unwrap();
        assert_eq!(off.timestamp, z.timestamp);
        assert_eq!(
            parse("2022-03-15T10:18:00.250-07:00").unwrap().iso,
            "2022-03-15T10:18:00.250-07:00"
        );
    }

    #[test]
    fn the_seed_posts_month_15_is_rejected_not_swapped() {
        let err = parse("2022-15-03 10:18:00").unwrap_err();
        assert!(err.contains("month 15 does not exist"), "{err}");
    }

    #[test]
    fn invalid_days_and_times() {
        assert!(parse("2022-03-32")
            .unwrap_err()
            .contains("day 32 does not exist"));
        assert_eq!(
            parse("2022-02-30").unwrap_err(),
            "February 2022 has 28 days, so day 30 does not exist"
        );
        assert!(parse("2024-02-29").is_ok());
        assert!(parse("2022-03-15 25:00").unwrap_err().contains("hour 25"));
        assert!(parse("2022-03-15 10:61").unwrap_err().contains("minute 61"));
        assert!(parse("2022-03-15 10:18 +2500")
            .unwrap_err()
            .contains("offset"));
    }

    #[test]
    fn free_text_and_other_orders() {
        for raw in [
            "yesterday",
            "15/03/2022",
            // Month words are read (Astro's `pubDate: 'Jul 08 2022'`), not other orders.
            "March 2022 15",
            "22-03-15",
            "",
            "2022-03-15 noon",
        ] {
            assert!(parse(raw).is_err(), "{raw:?} should be rejected");
        }
        assert!(parse("yesterday").unwrap_err().starts_with("not a date"));
    }
}
