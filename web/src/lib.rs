//! The Gradeladder browser app: a thin Yew view over `gradeladder-core`'s catalog and pay model.

pub mod data;
pub mod format;
pub mod route;
pub mod theme;
pub mod views;
#[cfg(feature = "widget")]
pub mod widget;

/// Performance mark set when the wasm starts running (right after instantiation).
pub const MARK_START: &str = "gl-start";
/// Performance mark set each time a role view has been painted.
pub const MARK_ROLE_PAINTED: &str = "gl-role-painted";
/// Performance mark set when the app's first view has been built into the page (before paint).
pub const MARK_RENDERED: &str = "gl-rendered";
/// Performance mark set each time a widget has been painted with its role.
pub const MARK_WIDGET_PAINTED: &str = "gl-widget-painted";

/// Sets a performance mark (used by `cargo xtask bench` to time start-up and navigation).
pub fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

/// Mounts the app into the element with id `app`, or the body when there is none.
pub fn start() {
    mark(MARK_START);
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<views::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<views::app::App>::new().render();
        }
    }
}
