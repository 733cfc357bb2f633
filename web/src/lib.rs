//! The Gradeladder browser app: a thin Yew view over `gradeladder-core`'s catalog and pay model.

#[cfg(feature = "ssr")]
pub mod bundle;
pub mod clipboard;
pub mod clock;
pub mod data;
pub mod format;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod route;
pub mod takeover;
pub mod theme;
pub mod views;
#[cfg(feature = "embed")]
pub mod widget;

/// Performance mark set when the wasm starts running (right after instantiation).
pub const MARK_START: &str = "gl-start";
/// Performance mark set each time a role view has been painted.
pub const MARK_ROLE_PAINTED: &str = "gl-role-painted";
/// Performance mark set when the app's first view has been built into the page (before paint).
pub const MARK_RENDERED: &str = "gl-rendered";
/// Performance mark set each time a widget has been painted with its role.
pub const MARK_WIDGET_PAINTED: &str = "gl-widget-painted";
/// Event on `window` once the app has built its first view into the page: `register-sw.js`
/// registers the service worker then, so that on a first visit its precache of the whole bundle
/// does not download and compile beside the app's start.
pub const EVENT_STARTED: &str = "gradeladder:started";

/// Marks the `<style>` elements a pre-rendered page carries, which the app removes once it has
/// rendered its own.
pub const PRERENDERED_STYLE: &str = "data-gl-prerendered";
/// Marks the root of a pre-rendered page (its value: the page's path from the app's root) until
/// the app has taken it over (`errors.js` reads it too).
pub const PRERENDERED_PAGE: &str = "data-prerendered";

/// Sets a performance mark (used by `cargo xtask bench` to time start-up and navigation).
pub fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

/// Takes every node of `nodes` out of the document (the pre-rendered page's styles, the space
/// the widget loader kept).
pub(crate) fn remove_all(nodes: &web_sys::NodeList) {
    for index in 0..nodes.length() {
        if let Some(node) = nodes.item(index) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}

/// Starts the app: takes the site imported in this browser when there is one, else fetches the
/// site's data file (beside the wasm, [`data::DATA_FILE_NAME`]), then
/// mounts the app into the element with id `app` (or the body when there is none). A data file
/// that cannot be used leaves the page as it is, with a notice saying why and a Reload button.
pub fn start() {
    mark(MARK_START);
    format::warm_up();
    wasm_bindgen_futures::spawn_local(async {
        let site = match data::own_site().await {
            Some(site) => Ok(site),
            None => data::fetch(data::DATA_FILE_NAME)
                .await
                .map(data::Site::from),
        };
        match site {
            Ok(site) => mount(site),
            Err(problem) => show_problem(&problem),
        }
    });
}

/// Mounts the app showing `site`.
///
/// A pre-rendered page is already showing: the app takes it over in two tasks ([`takeover`]), and
/// keeps what was typed into the search box meanwhile.
fn mount(site: data::Site) {
    let document = gloo::utils::document();
    let props = views::app::AppProps { site };
    match document.get_element_by_id("app") {
        Some(root) => {
            let typed = views::search::typed_before_start(&root);
            if root.has_attribute(PRERENDERED_PAGE) {
                takeover::begin(&root);
            } else {
                root.set_inner_html("");
            }
            yew::Renderer::<views::app::App>::with_root_and_props(root.clone(), props).render();
            // After the first render (Yew renders in a microtask), before any part built later.
            gloo::timers::callback::Timeout::new(0, move || {
                takeover::first_render_done();
                if let Some((text, focused)) = typed {
                    views::search::restore_typed(&root, &text, focused);
                }
            })
            .forget();
        }
        None => {
            yew::Renderer::<views::app::App>::with_props(props).render();
        }
    }
}

/// Dispatches [`EVENT_STARTED`] in a task of its own, after the one under way (the app's first
/// view has been built; the takeover's next task, queued before, builds the rest).
pub(crate) fn announce_started() {
    gloo::timers::callback::Timeout::new(0, || {
        if let Ok(event) = web_sys::Event::new(EVENT_STARTED) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    })
    .forget();
}

/// Says why the app cannot start: `errors.js` (the one place that shows such notices) puts it
/// above a pre-rendered page, which stays readable, or in place of the loading indicator, with a
/// Reload button (the address keeps the place).
fn show_problem(problem: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&problem.into());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("gradeladder:problem", &init)
    {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
