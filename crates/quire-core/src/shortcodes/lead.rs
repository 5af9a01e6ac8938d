//! A line's lead: the `>` of a quote and the indentation of a list item, which a block's later
//! lines repeat so that what a tag writes stays inside the quote or list it stands in.

/// The lead `text` ends with, when its last line holds nothing else.
pub(super) fn trailing(text: &str) -> Option<&str> {
    let start = text.rfind('\n').map_or(0, |i| i + 1);
    let lead = &text[start..];
    lead.chars()
        .all(|c| c == '>' || c == ' ' || c == '\t')
        .then_some(lead)
}

/// Appends `text`, its lines after the first behind `lead` (an empty one behind the lead's `>`
/// alone, as editors write it).
pub(super) fn push_lines(out: &mut String, text: &str, lead: &str) {
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(if line.is_empty() {
                lead.trim_end()
            } else {
                lead
            });
        }
        out.push_str(line);
    }
}

/// A tag's inner text without the lead its lines repeat (given back when it is placed).
pub(super) fn without(inner: &str, lead: &str) -> String {
    if lead.is_empty() {
        return inner.to_string();
    }
    let bare = lead.trim_end();
    inner
        .split('\n')
        .enumerate()
        .map(|(n, line)| match n {
            0 => line,
            _ => line
                .strip_prefix(lead)
                .or_else(|| line.strip_prefix(bare))
                .unwrap_or(line),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
