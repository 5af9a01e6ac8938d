//! `[languages.<code>]`: a blog in several languages, as Zola's and Hugo's `[languages]` are.
//! Each table names a language and what its pages change (title, description, menu, the
//! interface's words); `content_dir` is Hugo's folder layout. The default language is
//! `language`, at today's addresses; the others live under `/<code>/`.

use crate::diagnostics::Diagnostic;
use crate::manifest::{Language, LanguageSettings};
use crate::strings::Strings;

const KEYS: &[&str] = &[
    "name",
    "title",
    "description",
    "menu",
    "copyright",
    "content_dir",
    "strings",
];

/// Names in their own language, for the switcher when `name` is not set.
const NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("nb", "Norsk bokmål"),
    ("fi", "Suomi"),
    ("cs", "Čeština"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("ja", "日本語"),
    ("zh", "中文"),
    ("ko", "한국어"),
];

/// Whether `code` is a language tag quire can put in a path and in `lang`: a primary
/// language of 2 or 3 lowercase letters, then subtags (`pt-BR`, `zh-Hant`).
pub fn is_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The site's languages, the default first; empty when `quire.toml` has no `[languages]`
/// (or none of them can be read), so a site in one language is exactly as before.
pub fn read(
    table: &toml::Table,
    default: &str,
    file: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Language> {
    let at = |code: &str| {
        text.lines()
            .position(|l| l.trim() == format!("[languages.{code}]"))
            .map(|i| i + 1)
    };
    let mut others = Vec::new();
    let mut own = None;
    for (code, value) in table {
        let setting = format!("[languages.{code}]");
        let read = if is_code(code) {
            value
                .as_table()
                .ok_or_else(|| "must be a table of settings".to_string())
                .and_then(|t| language(code, t, file, diags))
        } else {
            Err(format!(
                "`{code}` is not a language code (two or three lowercase letters, then optional subtags such as `pt-BR`)"
            ))
        };
        match read {
            Ok(l) if code == default => own = Some(l),
            Ok(l) => others.push(l),
            Err(reason) => diags.push(
                Diagnostic::warning(
                    file,
                    format!("{setting} {reason}; the language is left out"),
                )
                .at_line(at(code)),
            ),
        }
    }
    if others.is_empty() {
        return Vec::new();
    }
    let default = own.unwrap_or_else(|| Language {
        code: default.to_string(),
        name: name_of(default),
        settings: LanguageSettings {
            strings: Strings::builtin(default),
            ..LanguageSettings::default()
        },
    });
    std::iter::once(default).chain(others).collect()
}

fn name_of(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    NAMES
        .iter()
        .find(|(c, _)| *c == primary)
        .map_or_else(|| code.to_string(), |(_, n)| n.to_string())
}

fn language(
    code: &str,
    t: &toml::Table,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Language, String> {
    if let Some(k) = t.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!(
            "has an unknown setting `{k}`; the settings are {}",
            KEYS.join(", ")
        ));
    }
    let text = |key: &str| -> Result<Option<String>, String> {
        match t.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(_) => Err(format!("`{key}` must be text")),
        }
    };
    let content_dir = text("content_dir")?
        .map(|d| d.trim_matches('/').to_string())
        .filter(|d| !d.is_empty());
    if let Some(d) = &content_dir {
        if d.contains(['/', '\\', '.']) {
            return Err(format!(
                "`content_dir` = {d:?} must be one folder's name (the folder under posts/ and pages/)"
            ));
        }
    }
    let menu = match t.get("menu") {
        None => None,
        Some(v) => Some(menu(code, v, file, diags)?),
    };
    Ok(Language {
        code: code.to_string(),
        name: text("name")?.unwrap_or_else(|| name_of(code)),
        settings: LanguageSettings {
            title: text("title")?,
            description: text("description")?,
            copyright: text("copyright")?,
            menu,
            content_dir,
            strings: strings(code, t.get("strings"), file, diags)?,
        },
    })
}

fn menu(
    code: &str,
    value: &toml::Value,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Vec<crate::manifest::MenuItem>, String> {
    let entries = value
        .as_array()
        .ok_or("`menu` must be a list of { name, url } entries ([[languages.xx.menu]])")?;
    let mut items = Vec::new();
    for entry in entries {
        let field = |k: &str| entry.get(k).and_then(toml::Value::as_str).unwrap_or("");
        match super::menu_item(field("name"), field("url")) {
            Ok(item) => items.push(item),
            Err(reason) => diags.push(Diagnostic::warning(
                file,
                format!("[languages.{code}] {reason}"),
            )),
        }
    }
    Ok(items)
}

/// The built-in words for `code` with `[languages.<code>.strings]` over them; an unknown
/// key is a warning naming it, and the rest still apply.
fn strings(
    code: &str,
    value: Option<&toml::Value>,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Strings, String> {
    let mut strings = Strings::builtin(code);
    let Some(value) = value else {
        return Ok(strings);
    };
    let table = value
        .as_table()
        .ok_or("`strings` must be a table of words")?;
    for (key, value) in table {
        if let Err(reason) = set(&mut strings, key, value) {
            diags.push(Diagnostic::warning(
                file,
                format!("[languages.{code}.strings] {reason}; quire's words are used"),
            ));
        }
    }
    Ok(strings)
}

fn set(strings: &mut Strings, key: &str, value: &toml::Value) -> Result<(), String> {
    if key == "months" {
        let months: Vec<String> = value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        if months.len() != 12 {
            return Err("`months` must be a list of twelve names".into());
        }
        strings.months = months;
        return Ok(());
    }
    let text = value
        .as_str()
        .ok_or_else(|| format!("`{key}` must be text"))?
        .to_string();
    let Some(i) = crate::strings::KEYS.iter().position(|k| *k == key) else {
        return Err(format!("unknown word `{key}`"));
    };
    strings.slots()[i] = text;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::site::parse;

    #[test]
    fn a_site_without_languages_has_none() {
        let (s, d) = parse("quire.toml", "title = \"x\"\n");
        assert!(d.is_empty());
        assert!(s.languages.is_empty());
        assert!(s.strings.is_default());
    }

    #[test]
    fn languages_come_default_first_with_their_settings() {
        let (s, d) = parse(
            "quire.toml",
            "language = \"en\"\n[languages.fr]\ntitle = \"Mon blog\"\ncontent_dir = \"fr\"\n[[languages.fr.menu]]\nname = \"À propos\"\nurl = \"/fr/about/\"\n[languages.fr.strings]\nmin_read = \"{n} minutes\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let codes: Vec<&str> = s.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "fr"]);
        let fr = &s.languages[1];
        assert_eq!(fr.name, "Français");
        assert_eq!(fr.settings.title.as_deref(), Some("Mon blog"));
        assert_eq!(fr.settings.content_dir.as_deref(), Some("fr"));
        assert_eq!(fr.settings.menu.as_ref().unwrap()[0].name, "À propos");
        assert_eq!(fr.settings.strings.min_read, "{n} minutes");
        assert_eq!(fr.settings.strings.tags, "Étiquettes");
        assert_eq!(s.languages[0].name, "English");
    }

    #[test]
    fn bad_codes_and_settings_are_warnings_naming_them() {
        let (s, d) = parse(
            "quire.toml",
            "[languages.French]\ntitle = \"x\"\n[languages.de]\ncolour = \"red\"\n[languages.fr.strings]\ntagz = \"x\"\n",
        );
        let text: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("[languages.French]") && t.contains("not a language code")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("[languages.de]") && t.contains("`colour`")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("unknown word `tagz`")),
            "{text:?}"
        );
        let codes: Vec<&str> = s.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["en", "fr"]);
    }

    #[test]
    fn a_site_in_french_alone_speaks_french() {
        let (s, _) = parse("quire.toml", "language = \"fr\"\n");
        assert!(s.languages.is_empty());
        assert_eq!(s.strings.search, "Recherche");
    }
}
