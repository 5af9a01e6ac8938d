//! A post's dates: its front matter's, else the one its file name or old address carries;
//! an unreadable one is shown as written, never guessed.

use crate::date;
use crate::diagnostics::Diagnostic;
use crate::front_matter::Split;
use crate::meta::{field_line, Meta};

/// A post's dates as the manifest keeps them.
#[derive(Default)]
pub(super) struct Dates {
    /// As written (front matter, else the other date used).
    pub written: Option<String>,
    pub iso: Option<String>,
    pub timestamp: Option<i64>,
    pub display: Option<String>,
    pub updated: Option<String>,
}

impl Dates {
    /// Front matter wins; otherwise, or when it cannot be read, `other` (the date a Jekyll or
    /// Zola file name or a dated old address carries, and where it is from). With none, an
    /// unreadable date is shown as written, never guessed.
    pub(super) fn read(
        meta: &Meta,
        split: &Split,
        other: Option<(String, String)>,
        path: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut dates = Dates {
            written: meta.date.clone(),
            display: meta.date.clone(),
            ..Dates::default()
        };
        if let Some(raw) = &meta.date {
            match date::parse(raw) {
                Ok(d) => dates.set(raw, d),
                Err(reason) => {
                    let fallback = match &other {
                        Some((d, from)) => format!("the date {d} from {from} is used"),
                        None => "the post is published with the date shown as written and listed after dated posts".to_string(),
                    };
                    diags.push(
                        Diagnostic::warning(path, format!("{reason}; {fallback}"))
                            .field("date", Some(raw))
                            .at_line(field_line(&split.front_matter, "date")),
                    );
                    if other.is_some() {
                        dates.written = None;
                    }
                }
            }
        }
        if let (None, Some((raw, _))) = (&dates.written, &other) {
            if let Ok(d) = date::parse(raw) {
                dates.set(raw, d);
            }
        }
        dates.updated = updated(meta, split, path, diags);
        dates
    }

    fn set(&mut self, raw: &str, d: date::PostDate) {
        self.written = Some(raw.to_string());
        self.iso = Some(d.iso);
        self.timestamp = Some(d.timestamp);
        self.display = Some(d.display);
    }
}

fn updated(meta: &Meta, split: &Split, path: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let raw = meta.updated.as_ref()?;
    match date::parse(raw) {
        Ok(d) => Some(d.iso),
        Err(reason) => {
            diags.push(
                Diagnostic::warning(path, format!("{reason}; the field is ignored"))
                    .field("updated", Some(raw))
                    .at_line(field_line(&split.front_matter, "updated")),
            );
            None
        }
    }
}
