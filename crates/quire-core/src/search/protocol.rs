//! What the app asks the search worker and what it answers.

use super::index::Index;
use super::rank::Query;

/// How many results a search shows.
pub const RESULTS_SHOWN: usize = 20;

/// What the app asks the search worker: one query, and how many results it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    pub id: u32,
    pub query: Query,
    pub limit: usize,
}

/// One result as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub slug: String,
    pub title: String,
    pub date_display: Option<String>,
    pub hash: String,
    /// The index terms it matched, for highlighting.
    pub terms: Vec<String>,
}

/// The answer to a [`Request`]: its id, how many posts matched, the best ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub id: u32,
    pub total: usize,
    pub found: Vec<Found>,
}

impl Index {
    /// Answers a [`Request`] with what the results show.
    pub fn answer(&self, request: &Request) -> Answer {
        let r = self.search(&request.query, request.limit);
        Answer {
            id: request.id,
            total: r.total,
            found: r
                .hits
                .into_iter()
                .map(|h| {
                    let d = &self.docs[h.doc as usize];
                    Found {
                        slug: d.slug.clone(),
                        title: d.title.clone(),
                        date_display: d.date_display.clone(),
                        hash: d.hash.clone(),
                        terms: h.terms,
                    }
                })
                .collect(),
        }
    }
}
