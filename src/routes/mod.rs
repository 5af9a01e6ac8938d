pub mod article;
pub mod author;
pub mod index;
pub mod page;
pub mod search;
pub mod tags;
