//! Site settings from `quire.toml` at the repository root.

use crate::diagnostics::Diagnostic;
use crate::manifest::{AuthorInfo, MenuItem, Site, SocialLink};
use serde::Deserialize;

mod languages;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Option<String>,
    description: Option<String>,
    author: Option<String>,
    language: Option<String>,
    base_url: Option<String>,
    posts_per_page: Option<usize>,
    copyright: Option<String>,
    section_posts_on_home: Option<bool>,
    #[serde(default)]
    menu: Vec<MenuEntry>,
    #[serde(default)]
    authors: std::collections::BTreeMap<String, AuthorEntry>,
    #[serde(default)]
    social: toml::Table,
    comments: Option<toml::Table>,
    analytics: Option<toml::Table>,
    #[serde(default)]
    params: toml::Table,
    #[serde(default)]
    shortcodes: toml::Table,
    #[serde(default)]
    languages: toml::Table,
}

/// `[social]` services: the link's name, and how a handle becomes an address.
const SOCIAL: &[(&str, &str, &str)] = &[
    ("github", "GitHub", "https://github.com/"),
    ("gitlab", "GitLab", "https://gitlab.com/"),
    ("codeberg", "Codeberg", "https://codeberg.org/"),
    ("mastodon", "Mastodon", ""),
    ("bluesky", "Bluesky", "https://bsky.app/profile/"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/"),
    ("twitter", "X (Twitter)", "https://x.com/"),
    ("email", "Email", "mailto:"),
];

/// A `[social]` entry as a link: a full address as it is, or a handle on the service.
fn social_link(key: &str, value: &str) -> Result<SocialLink, String> {
    let Some((_, name, prefix)) = SOCIAL.iter().find(|(k, _, _)| *k == key) else {
        let known: Vec<&str> = SOCIAL.iter().map(|(k, _, _)| *k).collect();
        return Err(format!(
            "unknown service `{key}` in [social], ignored; the services are {}",
            known.join(", ")
        ));
    };
    let value = value.trim().trim_start_matches('@');
    let url = if value.starts_with("https://") || value.starts_with("http://") {
        value.to_string()
    } else if key == "mastodon" {
        return Err("[social] mastodon must be the profile's address (https://mastodon.social/@you), ignored".into());
    } else if value.is_empty() || value.contains(['"', '<', '>', ' ']) || value.contains(':') {
        return Err(format!(
            "[social] {key} = {value:?} is not a handle or an http(s) address, ignored"
        ));
    } else {
        format!("{prefix}{value}")
    };
    Ok(SocialLink {
        name: name.to_string(),
        url,
        me: key == "mastodon",
    })
}

/// A setting of a service's table: text, or an error naming it.
fn setting<'a>(t: &'a toml::Table, key: &str) -> Result<Option<&'a str>, String> {
    match t.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_str()
            .map(|s| Some(s.trim()).filter(|s| !s.is_empty()))
            .ok_or_else(|| format!("`{key}` must be text")),
    }
}

fn required<'a>(t: &'a toml::Table, key: &str, service: &str) -> Result<&'a str, String> {
    setting(t, key)?.ok_or_else(|| format!("{service} needs `{key}`"))
}

/// A service's address: http(s), an origin and maybe a path, no query (quire adds its own).
fn address<'a>(t: &'a toml::Table, key: &str, default: &'a str) -> Result<&'a str, String> {
    let value = setting(t, key)?.unwrap_or(default).trim_end_matches('/');
    let ok = (value.starts_with("https://") || value.starts_with("http://"))
        && crate::services::origin(value).is_some()
        && !value.contains(['?', '#', '"', '\'', ' ', ';']);
    if ok {
        Ok(value)
    } else {
        Err(format!("`{key}` = {value:?} is not an http(s) address"))
    }
}

fn only(t: &toml::Table, keys: &[&str]) -> Result<(), String> {
    match t.keys().find(|k| !keys.contains(&k.as_str())) {
        Some(k) => Err(format!(
            "unknown setting `{k}`; the settings are {}",
            keys.join(", ")
        )),
        None => Ok(()),
    }
}

/// `[comments]`: giscus (repo, repo_id, category, category_id from giscus.app's form) or
/// utterances (repo, and optionally label); `theme` and `host` (self-hosted) for both.
fn comments(t: &toml::Table) -> Result<crate::services::Comments, String> {
    use crate::services::{Comments, CommentsService};
    let q = crate::url::encode_component;
    let service = setting(t, "service")?.ok_or("needs `service` (giscus or utterances)")?;
    match service {
        "giscus" => {
            only(
                t,
                &[
                    "service",
                    "repo",
                    "repo_id",
                    "category",
                    "category_id",
                    "theme",
                    "reactions",
                    "host",
                ],
            )?;
            let repo = required(t, "repo", "giscus")?;
            let reactions = match t.get("reactions") {
                None => true,
                Some(v) => v.as_bool().ok_or("`reactions` must be true or false")?,
            };
            Ok(Comments {
                service: CommentsService::Giscus,
                host: address(t, "host", "https://giscus.app")?.to_string(),
                query: format!(
                    "repo={}&repoId={}&category={}&categoryId={}&theme={}&reactionsEnabled={}&emitMetadata=0&inputPosition=bottom&strict=0",
                    q(repo),
                    q(required(t, "repo_id", "giscus")?),
                    q(required(t, "category", "giscus")?),
                    q(required(t, "category_id", "giscus")?),
                    q(setting(t, "theme")?.unwrap_or("preferred_color_scheme")),
                    u8::from(reactions)
                ),
            })
        }
        "utterances" => {
            only(t, &["service", "repo", "label", "theme", "host"])?;
            let mut query = format!(
                "repo={}&issue-term=pathname&theme={}",
                q(required(t, "repo", "utterances")?),
                q(setting(t, "theme")?.unwrap_or("preferred-color-scheme"))
            );
            if let Some(label) = setting(t, "label")? {
                query.push_str(&format!("&label={}", q(label)));
            }
            Ok(Comments {
                service: CommentsService::Utterances,
                host: address(t, "host", "https://utteranc.es")?.to_string(),
                query,
            })
        }
        other => Err(format!(
            "unknown service {other:?}; the services are giscus and utterances"
        )),
    }
}

/// `[analytics]`: Plausible (`domain`, default the host of `base_url`), GoatCounter (`code`,
/// or the `endpoint` of a self-hosted one) or Umami (`website_id`); `host` for a self-hosted
/// Plausible or Umami.
fn analytics(
    t: &toml::Table,
    base_url: Option<&str>,
) -> Result<crate::services::Analytics, String> {
    use crate::services::{Analytics, AnalyticsService};
    let service =
        setting(t, "service")?.ok_or("needs `service` (plausible, goatcounter or umami)")?;
    match service {
        "plausible" => {
            only(t, &["service", "domain", "host"])?;
            let own = base_url
                .and_then(crate::services::origin)
                .and_then(|o| o.split_once("://"))
                .map(|(_, h)| h);
            let domain = setting(t, "domain")?
                .or(own)
                .ok_or("plausible needs `domain` (or `base_url`)")?;
            Ok(Analytics {
                service: AnalyticsService::Plausible,
                endpoint: format!("{}/api/event", address(t, "host", "https://plausible.io")?),
                site: domain.to_string(),
            })
        }
        "goatcounter" => {
            only(t, &["service", "code", "endpoint"])?;
            let endpoint = match (setting(t, "code")?, t.contains_key("endpoint")) {
                (_, true) => address(t, "endpoint", "")?.to_string(),
                (Some(code), false)
                    if code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
                {
                    format!("https://{code}.goatcounter.com/count")
                }
                (Some(code), false) => {
                    return Err(format!("`code` = {code:?} is not a GoatCounter code"))
                }
                (None, false) => return Err("goatcounter needs `code` (or `endpoint`)".into()),
            };
            Ok(Analytics {
                service: AnalyticsService::Goatcounter,
                endpoint,
                site: String::new(),
            })
        }
        "umami" => {
            only(t, &["service", "website_id", "host"])?;
            Ok(Analytics {
                service: AnalyticsService::Umami,
                endpoint: format!("{}/api/send", address(t, "host", "https://cloud.umami.is")?),
                site: required(t, "website_id", "umami")?.to_string(),
            })
        }
        other => Err(format!(
            "unknown service {other:?}; the services are plausible, goatcounter and umami"
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorEntry {
    name: Option<String>,
    url: Option<String>,
    bio: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MenuEntry {
    name: String,
    url: String,
}

/// The settings `quire.toml` knows, for telling a misspelt one from a real one.
const KNOWN: &[&str] = &[
    "title",
    "description",
    "author",
    "language",
    "base_url",
    "posts_per_page",
    "copyright",
    "section_posts_on_home",
    "menu",
    "authors",
    "social",
    "comments",
    "analytics",
    "params",
    "shortcodes",
    "languages",
];

/// `[params]` as `(dotted.key, text)` pairs; lists are joined with `, `.
fn flatten_params(prefix: &str, table: &toml::Table, out: &mut Vec<(String, String)>) {
    for (key, value) in table {
        let key = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let text = match value {
            toml::Value::Table(t) => {
                flatten_params(&key, t, out);
                continue;
            }
            toml::Value::String(s) => s.clone(),
            toml::Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        out.push((key, text));
    }
}

/// `[shortcodes.NAME]`: its `markdown` pattern (see `crate::shortcodes`).
fn shortcode(name: &str, value: &toml::Value) -> Result<String, String> {
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if !valid {
        return Err("a shortcode's name is letters, digits, `_`, `-` and `.`".into());
    }
    let table = value
        .as_table()
        .ok_or("must be a table with `markdown = \"…\"`")?;
    if let Some(other) = table.keys().find(|k| *k != "markdown") {
        return Err(format!(
            "unknown setting `{other}` (a shortcode has only `markdown`)"
        ));
    }
    match table.get("markdown") {
        Some(toml::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err("`markdown` must be text".into()),
        None => Err("needs `markdown = \"…\"`, what the shortcode becomes".into()),
    }
}

/// The known key closest to `key` (a typo of at most a third of its letters), if any.
fn closest(key: &str) -> Option<&'static str> {
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let here = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
                prev = here;
            }
        }
        row[b.len()]
    };
    KNOWN
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, k)| *d <= k.chars().count().div_ceil(3))
        .min()
        .map(|(_, k)| k)
}

/// Reads `quire.toml`'s text. An unknown setting is a warning naming it (and the setting it is
/// probably a typo of) and every other setting still applies; a file that is not TOML is
/// reported and the defaults are used, so the blog still builds.
pub fn parse(file: &str, text: &str) -> (Site, Vec<Diagnostic>) {
    let mut site = Site::default();
    let mut diags = Vec::new();
    let mut table = match toml::from_str::<toml::Table>(text) {
        Ok(t) => t,
        Err(e) => return (site, vec![syntax_error(file, text, &e)]),
    };
    let line_of = |key: &str| {
        text.lines()
            .position(|l| {
                let l = l.trim_start();
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map(|i| i + 1)
    };
    let mut unknown: Vec<String> = table
        .keys()
        .filter(|k| !KNOWN.contains(&k.as_str()))
        .cloned()
        .collect();
    unknown.sort_by_key(|k| line_of(k));
    for key in unknown {
        table.remove(&key);
        let hint = match closest(&key) {
            Some(k) => format!("; did you mean `{k}`?"),
            None => format!("; the settings are {}", KNOWN.join(", ")),
        };
        diags.push(
            Diagnostic::warning(file, format!("unknown setting `{key}`, ignored{hint}"))
                .at_line(line_of(&key)),
        );
    }
    match SiteFile::deserialize(toml::Value::Table(table)) {
        Ok(f) => {
            if let Some(t) = f.title.filter(|t| !t.trim().is_empty()) {
                site.title = t;
            }
            site.description = f.description.unwrap_or_default();
            site.author = f.author;
            if let Some(l) = f.language {
                site.language = l;
            }
            site.base_url = f
                .base_url
                .map(|u| u.trim_end_matches('/').to_string() + "/");
            if let Some(n) = f.posts_per_page {
                site.posts_per_page = n.max(1);
            }
            site.copyright = f.copyright.filter(|c| !c.trim().is_empty());
            if let Some(on) = f.section_posts_on_home {
                site.section_posts_on_home = on;
            }
            for (id, a) in f.authors {
                let id = crate::slug::slugify(&id);
                let url = a
                    .url
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
                site.authors.push(AuthorInfo {
                    name: a
                        .name
                        .filter(|n| !n.trim().is_empty())
                        .unwrap_or_else(|| id.clone()),
                    id,
                    url,
                    bio: a.bio,
                    count: 0,
                });
            }
            for (key, value) in f.social {
                let link = match value.as_str() {
                    Some(v) => social_link(&key, v),
                    None => Err(format!("[social] {key} must be text, ignored")),
                };
                match link {
                    Ok(l) => site.social.push(l),
                    Err(reason) => {
                        diags.push(Diagnostic::warning(file, reason).at_line(line_of(&key)))
                    }
                }
            }
            let at = |key: &str| text.lines().position(|l| l.trim() == format!("[{key}]"));
            if let Some(t) = f.comments {
                match comments(&t) {
                    Ok(c) => site.comments = Some(c),
                    Err(reason) => diags.push(
                        Diagnostic::warning(file, format!("[comments] {reason}; comments are off"))
                            .at_line(at("comments").map(|i| i + 1)),
                    ),
                }
            }
            if let Some(t) = f.analytics {
                match analytics(&t, site.base_url.as_deref()) {
                    Ok(a) => site.analytics = Some(a),
                    Err(reason) => diags.push(
                        Diagnostic::warning(
                            file,
                            format!("[analytics] {reason}; analytics are off"),
                        )
                        .at_line(at("analytics").map(|i| i + 1)),
                    ),
                }
            }
            flatten_params("", &f.params, &mut site.templates.params);
            for (name, value) in &f.shortcodes {
                match shortcode(name, value) {
                    Ok(pattern) => site.templates.shortcodes.push((name.clone(), pattern)),
                    Err(reason) => diags.push(
                        Diagnostic::warning(
                            file,
                            format!("[shortcodes.{name}] {reason}; the shortcode is not defined"),
                        )
                        .at_line(at(&format!("shortcodes.{name}")).map(|i| i + 1)),
                    ),
                }
            }
            for entry in f.menu {
                match menu_item(&entry.name, &entry.url) {
                    Ok(item) => site.menu.push(item),
                    Err(reason) => diags.push(Diagnostic::warning(file, reason)),
                }
            }
            site.strings = crate::strings::Strings::builtin(&site.language);
            site.languages = languages::read(&f.languages, &site.language, file, text, &mut diags);
            if let Some(default) = site.languages.first() {
                site.strings = default.settings.strings.clone();
            }
            (site, diags)
        }
        Err(e) => {
            diags.push(syntax_error(file, text, &e));
            (site, diags)
        }
    }
}

/// A menu entry, or why it is left out.
pub(crate) fn menu_item(name: &str, url: &str) -> Result<MenuItem, String> {
    let item = MenuItem {
        name: name.trim().to_string(),
        url: url.trim().to_string(),
    };
    let scheme = item
        .url
        .split_once(':')
        .map(|(s, _)| s.to_ascii_lowercase());
    let safe = match scheme.as_deref() {
        Some("http" | "https" | "mailto") => true,
        // `a:b` after a `/` is a path, not a scheme.
        Some(s) => s.contains('/'),
        None => true,
    };
    if item.name.is_empty() || item.url.is_empty() || !safe {
        return Err(format!(
            "menu entry {:?} → {:?} needs a name and an address that is a path (/about/) or an http, https or mailto link; it is left out",
            item.name, item.url
        ));
    }
    Ok(item)
}

fn syntax_error(file: &str, text: &str, e: &toml::de::Error) -> Diagnostic {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
    let reason = format!(
        "{}; the site uses default settings until this is fixed",
        e.message().trim()
    );
    Diagnostic::error(file, reason).at_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings() {
        let (s, d) = parse(
            "quire.toml",
            "title = \"My blog\"\nbase_url = \"https://x.org/blog\"\n",
        );
        assert!(d.is_empty());
        assert_eq!(s.title, "My blog");
        assert_eq!(s.base_url.as_deref(), Some("https://x.org/blog/"));
        assert_eq!(s.language, "en");
    }

    #[test]
    fn broken_settings_fall_back() {
        let (s, d) = parse("quire.toml", "title = \n");
        assert_eq!(s.title, "quire");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].to_string().starts_with("error: quire.toml:1: "),
            "{}",
            d[0]
        );
    }

    #[test]
    fn an_unknown_setting_is_a_warning_and_the_others_still_apply() {
        let (s, d) = parse(
            "quire.toml",
            "title = \"Mine\"\ntitel = \"x\"\nbase_url = \"https://x.org/\"\ncolour = \"red\"\n",
        );
        assert_eq!(s.title, "Mine");
        assert_eq!(s.base_url.as_deref(), Some("https://x.org/"));
        let text: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "warning: quire.toml:2: unknown setting `titel`, ignored; did you mean `title`?",
                "warning: quire.toml:4: unknown setting `colour`, ignored; the settings are title, description, author, language, base_url, posts_per_page, copyright, section_posts_on_home, menu, authors, social, comments, analytics, params, shortcodes, languages",
            ]
        );
    }
}

#[cfg(test)]
mod menu_tests {
    use super::*;

    #[test]
    fn menu_entries_in_order_and_unsafe_ones_left_out() {
        let (s, d) = parse(
            "quire.toml",
            "copyright = \"© 2026 Ann\"\n[[menu]]\nname = \"About\"\nurl = \"/about/\"\n[[menu]]\nname = \"Code\"\nurl = \"https://github.com/ann\"\n[[menu]]\nname = \"Bad\"\nurl = \"javascript:alert(1)\"\n",
        );
        assert_eq!(s.copyright.as_deref(), Some("© 2026 Ann"));
        let names: Vec<&str> = s.menu.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["About", "Code"]);
        assert!(!s.menu[0].is_external() && s.menu[1].is_external());
        assert_eq!(s.menu[0].href("/blog"), "/blog/about/");
        assert_eq!(d.len(), 1);
        assert!(d[0].reason.contains("javascript:alert(1)"), "{}", d[0]);
    }
}

#[cfg(test)]
mod social_tests {
    use super::*;

    #[test]
    fn social_links_from_handles_or_addresses() {
        let (s, d) = parse(
            "quire.toml",
            "[social]\ngithub = \"ann\"\nmastodon = \"https://fosstodon.org/@ann\"\nemail = \"ann@example.com\"\nmyspace = \"ann\"\nbluesky = \"javascript:x\"\n",
        );
        let links: Vec<(&str, &str, bool)> = s
            .social
            .iter()
            .map(|l| (l.name.as_str(), l.url.as_str(), l.me))
            .collect();
        assert_eq!(
            links,
            [
                ("Email", "mailto:ann@example.com", false),
                ("GitHub", "https://github.com/ann", false),
                ("Mastodon", "https://fosstodon.org/@ann", true),
            ]
        );
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d
            .iter()
            .any(|d| d.reason.contains("unknown service `myspace`")));
    }
}

#[cfg(test)]
mod services_tests {
    use super::parse;
    use crate::services::{AnalyticsService, CommentsService};

    #[test]
    fn comments_and_analytics_from_each_service() {
        let (s, d) = parse(
            "quire.toml",
            "base_url = \"https://ann.dev/blog/\"\n[comments]\nservice = \"giscus\"\nrepo = \"ann/blog\"\nrepo_id = \"R_1\"\ncategory = \"Blog comments\"\ncategory_id = \"DIC_1\"\n[analytics]\nservice = \"plausible\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = s.comments.unwrap();
        assert_eq!(c.service, CommentsService::Giscus);
        assert_eq!(c.host, "https://giscus.app");
        assert!(c.query.starts_with("repo=ann%2Fblog&repoId=R_1&category=Blog%20comments&categoryId=DIC_1&theme=preferred_color_scheme&reactionsEnabled=1"), "{}", c.query);
        let a = s.analytics.unwrap();
        assert_eq!(a.service, AnalyticsService::Plausible);
        assert_eq!(
            (a.endpoint.as_str(), a.site.as_str()),
            ("https://plausible.io/api/event", "ann.dev")
        );

        let (s, d) = parse(
            "quire.toml",
            "[comments]\nservice = \"utterances\"\nrepo = \"ann/blog\"\nlabel = \"💬\"\nhost = \"http://127.0.0.1:4190/\"\n[analytics]\nservice = \"goatcounter\"\ncode = \"ann\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = s.comments.unwrap();
        assert_eq!(c.host, "http://127.0.0.1:4190");
        assert!(c.query.ends_with("&label=%F0%9F%92%AC"), "{}", c.query);
        assert_eq!(
            s.analytics.unwrap().endpoint,
            "https://ann.goatcounter.com/count"
        );

        let (s, _) = parse("quire.toml", "[analytics]\nservice = \"umami\"\nwebsite_id = \"0b1e\"\nhost = \"https://stats.ann.dev\"\n");
        let a = s.analytics.unwrap();
        assert_eq!(
            (a.endpoint.as_str(), a.site.as_str()),
            ("https://stats.ann.dev/api/send", "0b1e")
        );
    }

    #[test]
    fn a_wrong_service_setting_is_a_warning_on_its_table_and_the_service_is_off() {
        let (s, d) = parse(
            "quire.toml",
            "title = \"A\"\n\n[comments]\nservice = \"disqus\"\n[analytics]\nservice = \"umami\"\nhost = \"javascript:alert(1)\"\nwebsite_id = \"x\"\n",
        );
        assert!(s.comments.is_none() && s.analytics.is_none());
        let text: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert!(
            text[0].contains("quire.toml:3")
                && text[0].contains("[comments] unknown service \"disqus\""),
            "{text:?}"
        );
        assert!(
            text[1].contains("quire.toml:5")
                && text[1].contains("is not an http(s) address; analytics are off"),
            "{text:?}"
        );
        let (_, d) = parse(
            "quire.toml",
            "[comments]\nservice = \"giscus\"\nrepo = \"a/b\"\n",
        );
        assert!(d[0].to_string().contains("giscus needs `repo_id`"), "{d:?}");
    }
}
