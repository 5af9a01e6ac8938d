//! Judging what a server sent back for a post or the manifest. Static hosts and `trunk serve`
//! answer a missing file with index.html and status 200; rendering that as a post would show
//! the app's own shell as an article, so it is recognised and reported as missing.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    /// The server answered with an error status.
    Status(u16),
    /// The server answered 200 with an HTML page where data was expected.
    HtmlInstead,
}

pub fn judge(status: u16, content_type: Option<&str>, body: &str) -> Verdict {
    if !(200..300).contains(&status) {
        return Verdict::Status(status);
    }
    let is_html_type = content_type
        .map(|ct| ct.trim().to_ascii_lowercase().starts_with("text/html"))
        .unwrap_or(false);
    if is_html_type || looks_like_html_document(body) {
        return Verdict::HtmlInstead;
    }
    Verdict::Ok
}

fn looks_like_html_document(body: &str) -> bool {
    let head = body.trim_start_matches('\u{feff}').trim_start();
    let head = &head[..head.len().min(64)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(judge(200, Some("text/markdown"), "# Hi"), Verdict::Ok);
        assert_eq!(judge(200, None, "---\ntitle: x\n---"), Verdict::Ok);
        assert_eq!(judge(404, Some("text/html"), ""), Verdict::Status(404));
        assert_eq!(judge(500, None, ""), Verdict::Status(500));
        assert_eq!(
            judge(200, Some("text/html; charset=utf-8"), "<!DOCTYPE html>"),
            Verdict::HtmlInstead
        );
        assert_eq!(
            judge(
                200,
                Some("application/octet-stream"),
                "\n<!doctype html><html>"
            ),
            Verdict::HtmlInstead
        );
        // A post may start with inline HTML; only a whole document counts.
        assert_eq!(
            judge(200, Some("text/markdown"), "<details>x</details>"),
            Verdict::Ok
        );
    }
}
