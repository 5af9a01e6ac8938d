pub mod article;
pub mod author;
pub mod index;
pub mod not_found;
pub mod page;
pub mod posts;
pub mod search;
pub mod tags;
