pub mod post_meta;
pub mod status;
pub mod toc;
