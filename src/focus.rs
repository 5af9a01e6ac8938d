//! The reader's focus across the takeover. The app starts on their first intent, which may be
//! a Tab onto the skip link or focusing the search box and typing: the same element of the
//! app's view (by id, else by its place in the page, which the app renders as the build did)
//! gets the focus, the text and the caret back, and hears an `input` event, so nothing typed
//! is lost.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub struct Focus {
    id: String,
    /// Child indices from the page's root down to it, and its tag.
    path: Vec<u32>,
    tag: String,
    /// An input's text and caret.
    text: Option<(String, Option<u32>)>,
}

impl Focus {
    /// The focused element inside `root`, if any.
    pub fn take(root: &Element) -> Option<Focus> {
        let active = document().active_element()?;
        if !root.contains(Some(&active)) || active == *root {
            return None;
        }
        let text = active
            .dyn_ref::<HtmlInputElement>()
            .map(|input| (input.value(), input.selection_start().ok().flatten()));
        Some(Focus {
            id: active.id(),
            path: path(root, &active)?,
            tag: active.tag_name(),
            text,
        })
    }

    /// The same element in `root`.
    pub fn find(&self, root: &Element) -> Option<Element> {
        if !self.id.is_empty() {
            let selector = format!("[id=\"{}\"]", self.id.replace(['"', '\\'], ""));
            return root.query_selector(&selector).ok().flatten();
        }
        let mut el = root.clone();
        for &i in &self.path {
            el = el.children().item(i)?;
        }
        (el.tag_name() == self.tag).then_some(el)
    }

    pub fn give_back(self, root: &Element) {
        let Some(el) = self.find(root) else {
            return;
        };
        if let (Some((text, caret)), Some(input)) = (&self.text, el.dyn_ref::<HtmlInputElement>()) {
            if !text.is_empty() && input.value() != *text {
                input.set_value(text);
                // Bubbling: the app's handlers listen on the document.
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                    let _ = input.dispatch_event(&event);
                }
            }
            if let Some(at) = *caret {
                let _ = input.set_selection_range(at, at);
            }
        }
        if let Some(el) = el.dyn_ref::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn path(root: &Element, el: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut el = el.clone();
    while el != *root {
        let parent = el.parent_element()?;
        let siblings = parent.children();
        let i = (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&el))?;
        path.push(i);
        el = parent;
    }
    path.reverse();
    Some(path)
}
