//! The Gradeladder browser app: a thin Yew view over `gradeladder-core`'s catalog.

pub mod app;
pub mod data;
pub mod theme;

/// Mounts the app into the element with id `app`, or the body when there is none.
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
