//! The Gradeladder browser app: a thin Yew view over `gradeladder-core`'s catalog and pay model.

pub mod data;
pub mod format;
pub mod route;
pub mod theme;
pub mod views;

/// Mounts the app into the element with id `app`, or the body when there is none.
pub fn start() {
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
