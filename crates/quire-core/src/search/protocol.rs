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
    /// A standalone page rather than a post.
    pub page: bool,
    /// Another language's: its site's base path ([`super::Doc::at`]).
    pub at: String,
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
                        page: d.page,
                        at: d.at.clone(),
                    }
                })
                .collect(),
        }
    }
}

/// A post whose text a result's snippet needs; the app fetches it (the article's own request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub slug: String,
    pub hash: String,
    pub title: String,
    /// A standalone page's text (`pages/<slug>.md`) rather than a post's.
    pub page: bool,
    /// Another language's post: the base its Markdown is under ([`super::Doc::at`]).
    pub at: String,
}

/// What the app sends the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum ToWorker {
    /// The index's JSON, and the base path results link under.
    Load {
        base: String,
        index: String,
    },
    Query(Request),
    /// Posts' plain text by content hash, for snippets.
    Texts(Vec<(String, String)>),
}

/// What the worker sends the app.
#[derive(Debug, Clone, PartialEq)]
pub enum FromWorker {
    /// The worker listens: messages posted before this would be lost, so the app waits for it.
    Ready,
    /// The index is read: how many posts it holds, and the filters' `<option>`s.
    Loaded {
        posts: usize,
        tags: String,
        years: String,
    },
    Failed(String),
    /// An answer (sent again for the same id when snippet text arrives): its results' HTML,
    /// and the posts whose text the snippets still need.
    Results {
        id: u32,
        total: usize,
        html: String,
        wanted: Vec<Wanted>,
    },
}

/// A message as `postMessage` carries it: short arrays of strings and numbers
/// (`["query", 7, "rust", "", 0]`), the most compact a structured clone allows, and cheap to
/// convert on both sides (see [`js`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Wire {
    Str(String),
    Num(f64),
    List(Vec<Wire>),
}

impl Wire {
    fn text(s: impl Into<String>) -> Wire {
        Wire::Str(s.into())
    }

    fn into_string(self) -> Option<String> {
        match self {
            Wire::Str(s) => Some(s),
            _ => None,
        }
    }

    fn number(&self) -> Option<f64> {
        match self {
            Wire::Num(n) => Some(*n),
            _ => None,
        }
    }

    fn into_list(self) -> Option<Vec<Wire>> {
        match self {
            Wire::List(l) => Some(l),
            _ => None,
        }
    }
}

/// Reads a message's fields in order.
struct Fields(std::vec::IntoIter<Wire>);

impl Fields {
    fn of(wire: Wire) -> Option<(String, Fields)> {
        let mut it = wire.into_list()?.into_iter();
        let kind = it.next()?.into_string()?;
        Some((kind, Fields(it)))
    }
    fn string(&mut self) -> Option<String> {
        self.0.next()?.into_string()
    }
    fn number(&mut self) -> Option<f64> {
        self.0.next()?.number()
    }
    fn strings<const N: usize>(&mut self) -> Option<Vec<[String; N]>> {
        self.0
            .next()?
            .into_list()?
            .into_iter()
            .map(|w| {
                let mut f = Fields(w.into_list()?.into_iter());
                let v: Vec<String> = (0..N).map(|_| f.string()).collect::<Option<_>>()?;
                v.try_into().ok()
            })
            .collect()
    }
}

fn list_of<const N: usize>(rows: impl Iterator<Item = [String; N]>) -> Wire {
    Wire::List(
        rows.map(|r| Wire::List(r.into_iter().map(Wire::Str).collect()))
            .collect(),
    )
}

impl ToWorker {
    pub fn to_wire(self) -> Wire {
        use Wire::{Num, Str};
        Wire::List(match self {
            ToWorker::Load { base, index } => vec![Wire::text("load"), Str(base), Str(index)],
            // No filter travels as `""` and `0`.
            ToWorker::Query(r) => vec![
                Wire::text("query"),
                Num(r.id.into()),
                Str(r.query.text),
                Str(r.query.tag.unwrap_or_default()),
                Num(r.query.year.unwrap_or(0).into()),
            ],
            ToWorker::Texts(t) => vec![
                Wire::text("texts"),
                list_of(t.into_iter().map(|(h, x)| [h, x])),
            ],
        })
    }

    /// `None` for a message that is not one of these.
    pub fn from_wire(wire: Wire) -> Option<ToWorker> {
        let (kind, mut f) = Fields::of(wire)?;
        Some(match kind.as_str() {
            "load" => ToWorker::Load {
                base: f.string()?,
                index: f.string()?,
            },
            "query" => {
                let id = f.number()? as u32;
                let (text, tag, year) = (f.string()?, f.string()?, f.number()? as u16);
                ToWorker::Query(Request {
                    id,
                    query: Query {
                        text,
                        tag: (!tag.is_empty()).then_some(tag),
                        year: (year != 0).then_some(year),
                        all: false,
                    },
                    limit: RESULTS_SHOWN,
                })
            }
            "texts" => {
                ToWorker::Texts(f.strings::<2>()?.into_iter().map(|[h, x]| (h, x)).collect())
            }
            _ => return None,
        })
    }
}

impl FromWorker {
    pub fn to_wire(self) -> Wire {
        use Wire::{Num, Str};
        Wire::List(match self {
            FromWorker::Ready => vec![Wire::text("ready")],
            FromWorker::Loaded { posts, tags, years } => vec![
                Wire::text("loaded"),
                Num(posts as f64),
                Str(tags),
                Str(years),
            ],
            FromWorker::Failed(reason) => vec![Wire::text("failed"), Str(reason)],
            FromWorker::Results {
                id,
                total,
                html,
                wanted,
            } => vec![
                Wire::text("results"),
                Num(id.into()),
                Num(total as f64),
                Str(html),
                list_of(wanted.into_iter().map(|w| {
                    let page = if w.page { "page" } else { "" };
                    [w.slug, w.hash, w.title, page.to_string(), w.at]
                })),
            ],
        })
    }

    /// `None` for a message that is not one of these.
    pub fn from_wire(wire: Wire) -> Option<FromWorker> {
        let (kind, mut f) = Fields::of(wire)?;
        Some(match kind.as_str() {
            "ready" => FromWorker::Ready,
            "loaded" => FromWorker::Loaded {
                posts: f.number()? as usize,
                tags: f.string()?,
                years: f.string()?,
            },
            "failed" => FromWorker::Failed(f.string()?),
            "results" => FromWorker::Results {
                id: f.number()? as u32,
                total: f.number()? as usize,
                html: f.string()?,
                wanted: f
                    .strings::<5>()?
                    .into_iter()
                    .map(|[slug, hash, title, page, at]| Wanted {
                        slug,
                        hash,
                        title,
                        page: !page.is_empty(),
                        at,
                    })
                    .collect(),
            },
            _ => return None,
        })
    }
}

/// [`Wire`] to and from the JavaScript values `postMessage` carries: the only conversion, used
/// by the app and the worker alike.
pub mod js {
    use super::Wire;
    use wasm_bindgen::JsValue;

    pub fn to_js(wire: &Wire) -> JsValue {
        match wire {
            Wire::Str(s) => JsValue::from_str(s),
            Wire::Num(n) => JsValue::from_f64(*n),
            Wire::List(l) => l.iter().map(to_js).collect::<js_sys::Array>().into(),
        }
    }

    pub fn from_js(value: &JsValue) -> Wire {
        if let Some(s) = value.as_string() {
            Wire::Str(s)
        } else if let Some(n) = value.as_f64() {
            Wire::Num(n)
        } else if js_sys::Array::is_array(value) {
            Wire::List(
                js_sys::Array::from(value)
                    .iter()
                    .map(|v| from_js(&v))
                    .collect(),
            )
        } else {
            Wire::List(Vec::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_to_the_worker_round_trip() {
        let messages = [
            ToWorker::Load {
                base: "/blog".into(),
                index: "{}".into(),
            },
            ToWorker::Query(Request {
                id: 7,
                query: Query {
                    text: "rust".into(),
                    tag: Some("go".into()),
                    year: Some(2022),
                    all: false,
                },
                limit: RESULTS_SHOWN,
            }),
            ToWorker::Query(Request {
                id: 8,
                query: Query::default(),
                limit: RESULTS_SHOWN,
            }),
            ToWorker::Texts(vec![("abc".into(), "Some text".into())]),
        ];
        for m in messages {
            assert_eq!(ToWorker::from_wire(m.clone().to_wire()), Some(m));
        }
    }

    #[test]
    fn no_filter_travels_as_empty_string_and_zero() {
        let wire = ToWorker::Query(Request {
            id: 1,
            query: Query {
                text: "x".into(),
                tag: None,
                year: None,
                all: false,
            },
            limit: RESULTS_SHOWN,
        })
        .to_wire();
        let Wire::List(fields) = wire else { panic!() };
        assert_eq!(fields[3], Wire::Str(String::new()));
        assert_eq!(fields[4], Wire::Num(0.0));
    }

    #[test]
    fn messages_from_the_worker_round_trip() {
        let messages = [
            FromWorker::Ready,
            FromWorker::Loaded {
                posts: 3,
                tags: "<option>".into(),
                years: "<option>".into(),
            },
            FromWorker::Failed("broken".into()),
            FromWorker::Results {
                id: 4,
                total: 30,
                html: "<li>".into(),
                wanted: vec![
                    Wanted {
                        slug: "a".into(),
                        hash: "h".into(),
                        title: "A".into(),
                        page: false,
                        at: String::new(),
                    },
                    Wanted {
                        slug: "about".into(),
                        hash: "p".into(),
                        title: "About".into(),
                        page: true,
                        at: "/blog/fr".into(),
                    },
                ],
            },
        ];
        for m in messages {
            assert_eq!(FromWorker::from_wire(m.clone().to_wire()), Some(m));
        }
    }

    #[test]
    fn a_message_of_another_shape_is_refused() {
        assert_eq!(ToWorker::from_wire(Wire::Str("load".into())), None);
        assert_eq!(
            ToWorker::from_wire(Wire::List(vec![Wire::text("query"), Wire::text("x")])),
            None
        );
        assert_eq!(
            FromWorker::from_wire(Wire::List(vec![Wire::text("shout")])),
            None
        );
    }
}
