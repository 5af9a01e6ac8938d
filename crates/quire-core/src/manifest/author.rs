//! Authors and their pages.

use super::{PostEntry, RouteData, Site, VERSION};
use serde::{Deserialize, Serialize};

/// An author: as configured in `quire.toml` (`[authors.ann] name = "Ann Example"`, `url`,
/// `bio`), or just as a post names them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorInfo {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// How many published posts name them.
    #[serde(default)]
    pub count: usize,
}

/// `/authors/<id>/`: an author's posts, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuthorPage {
    pub version: u32,
    pub site: Site,
    pub author: AuthorInfo,
    pub posts: Vec<PostEntry>,
}

impl RouteData for AuthorPage {
    fn data_path(&self) -> String {
        crate::url::author_data_path(&self.author.id)
    }
    fn title(&self) -> Option<String> {
        Some(format!("Posts by {}", self.author.name))
    }
    fn site(&self) -> &Site {
        &self.site
    }
}

/// Groups posts by author id, with what `quire.toml` says of each.
pub fn authors(site: &Site, posts: &[PostEntry]) -> Vec<AuthorPage> {
    let mut pages: Vec<AuthorPage> = Vec::new();
    for p in posts {
        for (name, id) in p.authors.iter().zip(&p.author_ids) {
            match pages.iter_mut().find(|a| a.author.id == *id) {
                Some(a) => {
                    a.posts.push(p.clone());
                    a.author.count += 1;
                }
                None => {
                    let known = site.authors.iter().find(|a| a.id == *id);
                    pages.push(AuthorPage {
                        version: VERSION,
                        site: site.clone(),
                        author: AuthorInfo {
                            id: id.clone(),
                            name: name.clone(),
                            url: known.and_then(|a| a.url.clone()),
                            bio: known.and_then(|a| a.bio.clone()),
                            count: 1,
                        },
                        posts: vec![p.clone()],
                    })
                }
            }
        }
    }
    pages
}
