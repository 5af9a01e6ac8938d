//! quire's browser-free core, shared by the native build tool and the WASM app.
//!
//! Reading a post is [`post::read_post`] (bytes → metadata + body + diagnostics, build time only);
//! rendering is [`markdown::render`] (Markdown → safe HTML), used by both hosts. The app never
//! parses front matter values: it reads them from the manifest the build tool wrote, and only
//! needs [`front_matter::split`] to find where a fetched post's body starts.

pub mod article;
pub mod code;
pub mod diagnostics;
pub mod embed;
pub mod escape;
pub mod front_matter;
pub mod manifest;
pub mod markdown;
pub mod math;
pub mod offline;
pub mod render_options;
pub mod response;
pub mod sanitize;
pub mod search;
pub mod services;
pub mod strings;
pub mod url;

#[cfg(feature = "meta")]
pub mod date;
#[cfg(feature = "meta")]
pub mod language;
#[cfg(feature = "meta")]
pub mod links;
#[cfg(feature = "meta")]
pub mod meta;
#[cfg(feature = "meta")]
pub mod post;
#[cfg(feature = "meta")]
pub mod redirect;
#[cfg(feature = "meta")]
pub mod related;
#[cfg(feature = "meta")]
pub mod shortcodes;
#[cfg(feature = "meta")]
pub mod site;
#[cfg(feature = "meta")]
pub mod site_build;
#[cfg(feature = "meta")]
pub mod slug;
