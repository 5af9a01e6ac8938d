//! A fetch's life as one signal the views match on: loading, ready or failed (with Retry).
//! Kept explicit rather than hidden in a resource so Retry always shows "Loading" again and a
//! late answer for a page the reader already left is dropped.

use crate::api::ApiError;
use leptos::prelude::*;
use std::future::Future;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

/// A loadable value plus a generation counter so only the latest request's answer lands.
pub struct Loader<T: Send + Sync + 'static> {
    pub state: RwSignal<Load<T>>,
    generation: StoredValue<u64>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Loader<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    pub fn new() -> Self {
        Loader {
            state: RwSignal::new(Load::Loading),
            generation: StoredValue::new(0),
        }
    }

    /// Starts `fut`, showing Loading until it answers; an older request still in flight is ignored.
    pub fn run<F>(&self, fut: F)
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.state.set(Load::Loading);
        let this = *self;
        // Prerendering starts from complete state and never fetches.
        #[cfg(feature = "ssr")]
        {
            let _ = (fut, this, generation);
        }
        #[cfg(not(feature = "ssr"))]
        leptos::task::spawn_local(async move {
            let result = fut.await;
            if this.generation.try_get_value() == Some(generation) {
                this.state.try_set(match result {
                    Ok(v) => Load::Ready(v),
                    Err(e) => Load::Failed(e),
                });
            }
        });
    }

    /// Shows a result that needs no fetch (e.g. "no such post"), cancelling any request in flight.
    pub fn set(&self, value: Load<T>) {
        self.generation.update_value(|g| *g += 1);
        self.state.set(value);
    }
}
