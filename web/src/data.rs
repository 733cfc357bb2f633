//! The site's data (its title, catalog and pay model), read from the data file beside the wasm
//! (`gradeladder_core::site`) and handed to every view through a Yew context.

use std::cell::OnceCell;
use std::rc::Rc;

use gradeladder_core::pay::PayModel;
use gradeladder_core::search::SearchIndex;
use gradeladder_core::{Catalog, Family, SiteData};
use yew::prelude::*;

pub use gradeladder_core::site::DATA_FILE_NAME;

/// What the views show: one site's data, shared.
#[derive(Clone, Debug)]
pub struct Site {
    /// The site's name ("Acme careers").
    pub title: Rc<str>,
    /// Where its pages come from (footer); empty when it says nothing.
    pub source: Rc<str>,
    /// Its roles.
    pub catalog: Rc<Catalog>,
    /// Its pay model, when it publishes pay ranges.
    pub pay: Option<Rc<PayModel>>,
    /// True when the pages were imported in this browser ("Use your own pages").
    pub own: bool,
    /// Where its data file can be read again (relative to the app's root, or a `blob:` address
    /// for pages imported in this browser): what the posting module is handed.
    pub data_url: Rc<str>,
    /// Its roles' words, for search on every keystroke: made on the first search, not at
    /// start-up (the widget never searches).
    search: Rc<OnceCell<SearchIndex>>,
}

impl Site {
    /// The index search uses on every keystroke.
    pub fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(&self.catalog))
    }
}

impl From<SiteData> for Site {
    fn from(data: SiteData) -> Site {
        Site {
            title: data.title.into(),
            source: data.source.into(),
            search: Rc::default(),
            catalog: Rc::new(data.catalog),
            pay: data.pay.map(Rc::new),
            own: false,
            data_url: "data.bin".into(),
        }
    }
}

impl PartialEq for Site {
    /// Two handles are the same site when they share its data (a new load is a new site).
    fn eq(&self, other: &Site) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && match (&self.pay, &other.pay) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.title == other.title
            && self.own == other.own
    }
}

/// A family of a site's catalog, shared: cloning it copies a pointer, so views pass a family of
/// any size (a page of 20,000 levels) as a property without copying it.
#[derive(Clone)]
pub struct SharedFamily {
    catalog: Rc<Catalog>,
    index: usize,
}

impl SharedFamily {
    /// The family named `slug` in `catalog`.
    pub fn new(catalog: &Rc<Catalog>, slug: &str) -> Option<SharedFamily> {
        let index = catalog.families.iter().position(|f| f.slug == slug)?;
        Some(SharedFamily {
            catalog: catalog.clone(),
            index,
        })
    }
}

impl std::ops::Deref for SharedFamily {
    type Target = Family;

    fn deref(&self) -> &Family {
        &self.catalog.families[self.index]
    }
}

impl PartialEq for SharedFamily {
    /// The same family of the same loaded catalog.
    fn eq(&self, other: &SharedFamily) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && self.index == other.index
    }
}

/// The site every view of this app (or this widget) shows. The roots ([`crate::views::app`], the
/// widget, the pre-renderer, component tests) provide it.
#[hook]
pub fn use_site() -> Site {
    use_context::<Site>().expect("the app's root provides the site's data")
}

/// Fetches and checks the data file at `url` (relative to the page's base).
///
/// The error says which file and what is wrong with it, for a notice in the page.
pub async fn fetch(url: &str) -> Result<SiteData, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let unreachable = || {
        format!("Its data file ({url}) could not be downloaded: the connection failed or the address is blocked.")
    };
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| unreachable())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "Its data file ({url}) could not be loaded: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let body = response.array_buffer().map_err(|_| unreachable())?;
    let buffer = JsFuture::from(body).await.map_err(|_| unreachable())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    SiteData::decode(&bytes)
        .map_err(|error| format!("Its data file ({url}) cannot be used: {error}."))
}

/// A `blob:` address holding `bytes`, for code that reads a data file by address.
fn blob_url(bytes: &js_sys::Uint8Array) -> Option<String> {
    let parts = js_sys::Array::of1(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The site imported in this browser, when there is one: the start-up script reads it from
/// IndexedDB (`import/store.js`) side by side with the wasm and leaves the promise in
/// `window.gradeladderOwnSite`. A kept site that no longer reads (written by another version) is
/// left aside with a warning, and the built-in pages show.
pub async fn own_site() -> Option<Site> {
    use wasm_bindgen::JsCast;

    let window = gloo::utils::window();
    let pending = js_sys::Reflect::get(&window, &"gradeladderOwnSite".into()).ok()?;
    let pending: js_sys::Promise = pending.dyn_into().ok()?;
    let kept = wasm_bindgen_futures::JsFuture::from(pending).await.ok()?;
    let bytes = js_sys::Reflect::get(&kept, &"bytes".into()).ok()?;
    let bytes: js_sys::Uint8Array = bytes.dyn_into().ok()?;
    match SiteData::decode(&bytes.to_vec()) {
        Ok(data) => Some(Site {
            own: true,
            data_url: blob_url(&bytes)
                .unwrap_or_else(|| "data.bin".to_owned())
                .into(),
            ..Site::from(data)
        }),
        Err(error) => {
            gloo::console::warn!(format!(
                "Gradeladder: the pages imported in this browser cannot be shown ({error}); showing the built-in pages"
            ));
            None
        }
    }
}
