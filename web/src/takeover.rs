//! Taking a pre-rendered page over in steps, so that no single task of the main thread builds the
//! whole page (a candidate's tap on the page waits for the task under way).
//!
//! The app builds the top of the page (header, search, title, grade, ladder) in its first task.
//! Parts wrapped in [`Later`] keep their pre-rendered copy on screen for that task and build
//! themselves in one task each afterwards. The page never shows a part missing: each copy is the
//! pre-rendered nodes themselves, moved into the live page. Once every part is live, the
//! pre-rendered styles go and the root loses its [`crate::PRERENDERED_PAGE`] attribute.

use std::cell::RefCell;

use yew::prelude::*;

/// The attribute naming a [`Later`] part in the page, where its pre-rendered copy is found.
pub const PART: &str = "data-later";

/// A takeover under way.
struct Takeover {
    /// The pre-rendered page's nodes, out of the document: parts are taken from here.
    page: web_sys::Element,
    /// The app's root.
    root: web_sys::Element,
    /// Whether parts may still take their copy (only in the app's first render).
    open: bool,
    /// Parts showing their pre-rendered copy.
    waiting: usize,
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
        open: true,
        waiting: 0,
    }));
}

/// Ends the app's first render: parts rendered later (after a navigation, say) render at once.
/// With no part waiting, the takeover is over.
pub(crate) fn first_render_done() {
    let done = TAKEOVER.with_borrow_mut(|takeover| {
        let takeover = takeover.as_mut()?;
        takeover.open = false;
        (takeover.waiting == 0).then_some(())
    });
    if done.is_some() {
        end();
    }
}

/// Takes the pre-rendered copy of the part `name` out of the page being taken over, during the
/// app's first render; `None` otherwise (and always outside a browser).
fn claim(name: &str) -> Option<web_sys::Node> {
    TAKEOVER.with_borrow_mut(|takeover| {
        let takeover = takeover.as_mut().filter(|t| t.open)?;
        let copy = takeover
            .page
            .query_selector(&format!("[{PART}=\"{name}\"]"))
            .ok()??;
        copy.remove();
        takeover.waiting += 1;
        Some(copy.into())
    })
}

/// A part that showed its copy is live (or gone); the last one ends the takeover.
fn part_done() {
    let done = TAKEOVER.with_borrow_mut(|takeover| {
        let takeover = takeover.as_mut()?;
        takeover.waiting = takeover.waiting.saturating_sub(1);
        (takeover.waiting == 0 && !takeover.open).then_some(())
    });
    if done.is_some() {
        end();
    }
}

/// The page is the app's alone now: the pre-rendered styles and the rest of its nodes go.
fn end() {
    let Some(takeover) = TAKEOVER.take() else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(styles) = document.query_selector_all(&format!("style[{}]", crate::PRERENDERED_STYLE))
    {
        crate::remove_all(&styles);
    }
    let _ = takeover.root.remove_attribute(crate::PRERENDERED_PAGE);
}

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// The part's name, unique in a page.
    pub name: AttrValue,
    /// What the part shows.
    pub children: Html,
}

/// A part of a page built in a task of its own when the app takes a pre-rendered page over (see
/// the module's documentation); anywhere else it renders its children at once. Its wrapper has no
/// box of its own (`display: contents`), so it can stand in a grid or a flex row.
#[function_component]
pub fn Later(props: &LaterProps) -> Html {
    let copy = use_state(|| claim(&props.name));
    let showing_copy = copy.is_some();
    {
        let copy = copy.clone();
        use_effect_with(showing_copy, move |&showing| {
            let timeout =
                showing.then(|| gloo::timers::callback::Timeout::new(0, move || copy.set(None)));
            move || {
                if let Some(timeout) = timeout {
                    drop(timeout);
                    part_done();
                }
            }
        });
    }
    match &*copy {
        Some(node) => Html::VRef(node.clone()),
        None => html! {
            <div class="later" data-later={props.name.clone()}>{ props.children.clone() }</div>
        },
    }
}
