//! Taking a pre-rendered page over in two tasks, so that no single task of the main thread builds
//! the whole page (a candidate's tap on the page waits for the task under way).
//!
//! The app's first task builds the page with its top (header, search, title, grade, ladder) live
//! and each part a view wraps in [`later`] still showing its pre-rendered nodes, moved into the
//! live page, so the page never shows a part missing. The next task has those views build their
//! parts, and the pre-rendered styles go with the last copy.

use std::cell::RefCell;

use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

/// A takeover under way.
struct Takeover {
    /// The pre-rendered page's nodes, out of the document: parts are taken from here.
    page: web_sys::Element,
    /// The app's root.
    root: web_sys::Element,
    /// The views showing a pre-rendered part, to render again once the first render is over.
    waiting: Vec<UseForceUpdateHandle>,
}

thread_local! {
    static TAKEOVER: RefCell<Option<Takeover>> = const { RefCell::new(None) };
}

/// Starts taking over the pre-rendered page in `root`: its nodes leave the document (the app
/// renders into `root` in the same task, so nothing is painted in between).
pub(crate) fn begin(root: &web_sys::Element) {
    let Ok(page) = gloo::utils::document().create_element("div") else {
        return;
    };
    while let Some(child) = root.first_child() {
        let _ = page.append_child(&child);
    }
    TAKEOVER.set(Some(Takeover {
        page,
        root: root.clone(),
        waiting: Vec::new(),
    }));
}

/// Ends the takeover under way, if any, in the task after the app's first render: the views that
/// showed a pre-rendered part build it now (Yew renders them before this task ends), and the
/// pre-rendered styles and the root's [`crate::PRERENDERED_PAGE`] attribute go.
pub(crate) fn first_render_done() {
    let Some(takeover) = TAKEOVER.take() else {
        return;
    };
    for view in &takeover.waiting {
        view.force_update();
    }
    if let Ok(styles) =
        gloo::utils::document().query_selector_all(&format!("style[{}]", crate::PRERENDERED_STYLE))
    {
        crate::remove_all(&styles);
    }
    let _ = takeover.root.remove_attribute(crate::PRERENDERED_PAGE);
}

/// The part `name` of a view, wrapped in an element without a box of its own (`display:
/// contents`, so it can stand in a grid) that names it (`data-later`). During the app's first
/// render over a pre-rendered page, it is that page's copy of the part instead, and `view` (the
/// view's [`use_force_update`] handle) renders again in the next task to build it.
pub fn later(name: &'static str, view: &UseForceUpdateHandle, part: impl FnOnce() -> Html) -> Html {
    let copy = TAKEOVER.with_borrow_mut(|takeover| {
        let takeover = takeover.as_mut()?;
        let copy = takeover
            .page
            .query_selector(&format!("[data-later=\"{name}\"]"))
            .ok()??;
        copy.remove();
        takeover.waiting.push(view.clone());
        Some(copy)
    });
    match copy {
        Some(copy) => Html::VRef(copy.into()),
        None => html! { <div class="later" data-later={name}>{ part() }</div> },
    }
}
