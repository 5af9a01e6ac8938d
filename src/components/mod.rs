pub mod copy_code;
pub mod highlight;
pub mod post_meta;
pub mod search_shortcut;
pub mod site_nav;
pub mod status;
pub mod theme_toggle;
pub mod toc;
