//! Old addresses and where they lead.

use super::{RouteData, Site, NOT_FOUND_TITLE};
use serde::{Deserialize, Serialize};

/// Old addresses (as [`crate::url::address_key`]s) and where they lead, from the site root
/// (`posts/x/`, `about/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RedirectMap {
    pub version: u32,
    pub site: Site,
    pub redirects: Vec<(String, String)>,
}

impl RedirectMap {
    /// Where an address now is, if it is an old one.
    pub fn find(&self, path: &str) -> Option<&str> {
        let key = crate::url::address_key(path);
        self.redirects
            .iter()
            .find(|(from, _)| *from == key)
            .map(|(_, slug)| slug.as_str())
    }
}

impl RouteData for RedirectMap {
    fn data_path(&self) -> String {
        crate::url::REDIRECTS_DATA_PATH.to_string()
    }
    fn title(&self) -> Option<String> {
        Some(NOT_FOUND_TITLE.into())
    }
    fn site(&self) -> &Site {
        &self.site
    }
}
