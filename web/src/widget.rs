//! The embeddable widget: each host element gets its own shadow root, its own style manager and
//! its own Yew app, so host-page CSS cannot reach in and the widget's styles cannot leak out.
//! `web/static/widget/gradeladder.js` mounts every `[data-gradeladder]` element and exposes
//! `Gradeladder.mount(element, options)`; this module is what it calls.

#[cfg(feature = "widget")]
use gradeladder_core::expectations::expected_lists;
use gradeladder_core::resolve::resolve_role;
use std::cell::RefCell;

use std::rc::Rc;

use crate::data::SharedFamily;
use gradeladder_core::{Catalog, Level, LevelId, SiteData};
use js_sys::{Object, Reflect};
use stylist::manager::StyleManager;
use stylist::yew::{styled_component, Global, ManagerProvider};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::data::Site;
use crate::route::{PayParams, Route};
use crate::theme;
use crate::views::grade::grade_facts;
#[cfg(feature = "widget")]
use crate::views::{items::expected_list_sections, ladder::LadderView, pay::PayPanel};

/// Which parts of a role the widget shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WidgetView {
    /// Title, family, grade and a link to the full details.
    #[default]
    Card,
    /// The career ladder.
    Ladder,
    /// The pay range with its math.
    Pay,
    /// Card, ladder and pay.
    Full,
    /// Card and the job posting: pay by location, the posting text and its checks.
    Posting,
}

/// The options a host gives a widget (data attributes or the `mount`/`update` object).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WidgetOptions {
    /// `family/level`, a level slug, or search words.
    pub role: String,
    /// What to show.
    pub view: WidgetView,
    /// `light`, `dark` or `auto` (follow the system).
    pub theme: Option<String>,
    /// Pay location id or name.
    pub location: Option<String>,
    /// Pay currency.
    pub currency: Option<String>,
    /// Where the full app lives (ends with `/`); "view full details" links to `{base_url}role/…/`.
    pub base_url: String,
    /// The one currency the posting view also shows every location in.
    pub common: Option<String>,
    /// Shown inside the app's own page (its posting panel): no card, no border, the page's theme,
    /// and the choices kept in the page's address.
    pub embedded: bool,
}

impl WidgetOptions {
    /// Reads `{ role, view, theme, location, currency, common, baseUrl, embedded }` from a JS
    /// object.
    pub fn from_js(value: &JsValue) -> WidgetOptions {
        let text = |key: &str| {
            Reflect::get(value, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let view = match text("view").as_deref() {
            Some("ladder") => WidgetView::Ladder,
            Some("pay") => WidgetView::Pay,
            Some("full") => WidgetView::Full,
            Some("posting") => WidgetView::Posting,
            _ => WidgetView::Card,
        };
        WidgetOptions {
            role: text("role").unwrap_or_default(),
            view,
            theme: text("theme"),
            location: text("location"),
            currency: text("currency"),
            common: text("common"),
            embedded: Reflect::get(value, &JsValue::from_str("embedded"))
                .ok()
                .is_some_and(|v| v.is_truthy() || v.as_string().is_some()),
            base_url: text("baseUrl")
                .map(|base| {
                    if base.ends_with('/') {
                        base
                    } else {
                        format!("{base}/")
                    }
                })
                .unwrap_or_default(),
        }
    }
}

/// A mounted widget, returned to JavaScript by [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    host: Element,
    shadow: ShadowRoot,
    manager: StyleManager,
    app: Option<yew::AppHandle<WidgetApp>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows the widget with new options (same element, same shadow root), and the site in the
    /// data file `data` from `data_url`.
    pub fn update(&mut self, options: JsValue, data_url: &str, data: &[u8]) -> Result<(), JsValue> {
        let site = site_at(data_url, data)?;
        let options = WidgetOptions::from_js(&options);
        apply_theme(&self.host, options.theme.as_deref());
        if let Some(app) = self.app.as_mut() {
            app.update(WidgetAppProps {
                options,
                manager: self.manager.clone(),
                host: self.host.clone(),
                site,
            });
        }
        Ok(())
    }

    /// Removes the widget and everything it added to the element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.shadow.set_inner_html("");
        let _ = self.host.remove_attribute("data-theme");
    }
}

thread_local! {
    /// Each data file read so far, by its address: widgets that show the same catalog share it
    /// (a page has one or a few).
    static SITES: RefCell<Vec<(String, Site)>> = const { RefCell::new(Vec::new()) };
}

/// The site in the data file at `url` whose bytes are `data`, read once per address.
fn site_at(url: &str, data: &[u8]) -> Result<Site, JsValue> {
    let known = SITES.with(|sites| {
        let sites = sites.borrow();
        sites
            .iter()
            .find(|(known, _)| known == url)
            .map(|(_, site)| site.clone())
    });
    if let Some(site) = known {
        return Ok(site);
    }
    let mut site = Site::from(SiteData::decode(data).map_err(|error| {
        JsValue::from_str(&format!("its data file ({url}) cannot be used: {error}"))
    })?);
    site.data_url = url.into();
    SITES.with(|sites| sites.borrow_mut().push((url.to_owned(), site.clone())));
    Ok(site)
}

/// Mounts a widget in `element` with `options` (see [`WidgetOptions::from_js`]), showing the site
/// in the data file `data` that the loader fetched from `data_url`.
#[wasm_bindgen]
pub fn mount(
    element: Element,
    options: JsValue,
    data_url: &str,
    data: &[u8],
) -> Result<WidgetHandle, JsValue> {
    let site = site_at(data_url, data)?;
    let options = WidgetOptions::from_js(&options);
    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // The space the loader kept stays until the widget's first render replaces it
    // ([`drop_reserve`]); anything else there goes now.
    if shadow.query_selector("[data-gl-reserve]")?.is_none() {
        shadow.set_inner_html("");
    }
    let root = gloo::utils::document().create_element("div")?;
    shadow.append_child(&root)?;
    let manager = StyleManager::builder()
        .container(shadow.clone().into())
        .build()
        .map_err(|e| JsValue::from_str(&format!("Gradeladder: cannot style the widget: {e}")))?;
    apply_theme(&element, options.theme.as_deref());
    let props = WidgetAppProps {
        options,
        manager: manager.clone(),
        host: element.clone(),
        site,
    };
    let app = yew::Renderer::<WidgetApp>::with_root_and_props(root, props).render();
    Ok(WidgetHandle {
        host: element,
        shadow,
        manager,
        app: Some(app),
    })
}

/// Removes the space the loader kept for the widget in `host`'s shadow root (`[data-gl-reserve]`)
/// as the widget renders, in the task that puts the widget's nodes in its place: no frame shows
/// the host with neither (the page below would jump up and back) or with both.
fn drop_reserve(host: &Element) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    if let Ok(kept) = shadow.query_selector_all("[data-gl-reserve]") {
        crate::remove_all(&kept);
    }
}

fn apply_theme(host: &Element, theme: Option<&str>) {
    let _ = match theme {
        Some(theme @ ("light" | "dark")) => host.set_attribute("data-theme", theme),
        _ => host.remove_attribute("data-theme"),
    };
}

/// Properties of [`WidgetApp`].
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetAppProps {
    /// What to show.
    pub options: WidgetOptions,
    /// Writes styles into this widget's shadow root.
    pub manager: StyleManager,
    /// The host element (events are dispatched on it).
    pub host: Element,
    /// What it shows.
    pub site: Site,
}

/// The root of one widget: its style manager around its body.
#[function_component]
pub fn WidgetApp(props: &WidgetAppProps) -> Html {
    html! {
        <ManagerProvider manager={props.manager.clone()}>
            <ContextProvider<Site> context={props.site.clone()}>
                <WidgetBody options={props.options.clone()} host={props.host.clone()} />
            </ContextProvider<Site>>
        </ManagerProvider>
    }
}

/// Properties of [`WidgetBody`].
#[derive(Properties, PartialEq)]
struct WidgetBodyProps {
    options: WidgetOptions,
    host: Element,
}

/// The level the `role` option names (the core's one rule, as the CLI and the app use it).
fn resolve(catalog: &Rc<Catalog>, role: &str) -> Option<(SharedFamily, Level)> {
    let found = resolve_role(catalog, role).ok()?;
    Some((
        SharedFamily::new(catalog, &found.family.slug)?,
        found.level.clone(),
    ))
}

#[styled_component]
fn WidgetBody(props: &WidgetBodyProps) -> Html {
    let options = &props.options;
    let site = crate::data::use_site();
    let found = resolve(&site.catalog, &options.role);
    let params = use_state(|| PayParams {
        loc: options.location.clone(),
        cur: options.currency.clone(),
        at: options.location.clone(),
        common: options.common.clone(),
        ..PayParams::default()
    });
    {
        let params = params.clone();
        use_effect_with(
            (
                options.location.clone(),
                options.currency.clone(),
                options.common.clone(),
            ),
            move |(loc, cur, common)| {
                params.set(PayParams {
                    loc: loc.clone(),
                    cur: cur.clone(),
                    at: loc.clone(),
                    common: common.clone(),
                    ..PayParams::default()
                });
            },
        );
    }
    // Here rather than in an effect: Yew runs effects frames later, once every widget on the page
    // has rendered, and the page would show the kept space and the widget one under the other.
    drop_reserve(&props.host);
    {
        let host = props.host.clone();
        let selected = found
            .as_ref()
            .map(|(f, l)| (LevelId::of(f, l).to_string(), l.grade, l.title.clone()));
        use_effect_with(selected, move |selected| {
            if let Some((role, grade, title)) = selected {
                dispatch_select(&host, role, *grade, title);
            }
            // Marked on the next animation frame, once the widget has been painted.
            let frame =
                gloo::render::request_animation_frame(|_| crate::mark(crate::MARK_WIDGET_PAINTED));
            move || drop(frame)
        });
    }
    let host_style = if options.embedded {
        // Inside the app's page: its colour scheme (the theme the reader chose) carries on into
        // the panel, over the widget's own "follow the system".
        css!(":host { display: block; color-scheme: inherit !important; }")
    } else {
        css!(
            r#"
        :host { all: initial !important; display: block !important; color-scheme: light dark !important; }
        :host([data-theme="light"]) { color-scheme: light !important; }
        :host([data-theme="dark"]) { color-scheme: dark !important; }
        "#
        )
    };
    let style = css!(
        r#"
        font-family: var(--gl-font); color: var(--gl-text); background: var(--gl-surface); line-height: 1.5;
        border: 1px solid var(--gl-border); border-radius: var(--gl-radius); padding: 1rem 1.1rem; box-sizing: border-box;
        .family { color: var(--gl-muted); margin: 0; font-size: var(--gl-text-small); }
        .title { margin: .1rem 0 .4rem; font-size: var(--gl-text-heading); line-height: 1.25; font-weight: 700; }
        .facts { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .grade { background: var(--gl-accent); color: var(--gl-accent-text); border-radius: 999px; padding: .1rem .7rem; font-weight: 700; }
        .grade.none { background: transparent; color: var(--gl-muted); border: 1px dashed var(--gl-border); }
        .muted, .scale-title, .status { color: var(--gl-muted); }
        .details { display: inline-block; margin-top: .6rem; color: var(--gl-accent); font-weight: 700; }
        h2 { margin: 1rem 0 .5rem; }
        .expected h3 { margin: .75rem 0 .25rem; }
        .expected ul.items { padding-left: 1.2rem; margin: .25rem 0; }
        .expected ul.items li { margin: .2rem 0; }
        details.inherited-group summary { cursor: pointer; color: var(--gl-accent); font-weight: 700; }
        &.embedded { border: 0; padding: 0; background: transparent; }
        &.embedded h2 { margin-top: 0; }
        "#
    );
    let style = classes!(style, options.embedded.then_some("embedded"));
    let Some((family, level)) = found else {
        return html! {
            <div class={style} role="region" aria-label="Gradeladder">
                <Global css={theme::global()} />
                <Global css={host_style} />
                <p>{ format!("Gradeladder: no role matches \"{}\".", options.role) }</p>
            </div>
        };
    };
    let id = LevelId::of(&family, &level);
    let route = Route::role(&id);
    let details = format!("{}{}", options.base_url, route.relative_path());
    let card = html! {
        <>
            <p class="family">{ &family.title }</p>
            <p class="title">{ &level.title }</p>
            { grade_facts(&level, &site.catalog.scale) }
        </>
    };
    html! {
        <div class={style} role="region" aria-label={format!("{} on Gradeladder", level.title)} data-testid="widget">
            <Global css={theme::global()} />
            <Global css={host_style} />
            { view_body(options, &family, &level, card, &details, &params) }
            if !options.embedded {
                <a class="details" href={details} target="_top">{ "View full details" }</a>
            }
        </div>
    }
}

/// What `options.view` shows of a role: the card alone, or the card with the ladder, the pay
/// panel, the expected lists or the posting.
#[cfg(feature = "widget")]
fn view_body(
    options: &WidgetOptions,
    family: &SharedFamily,
    level: &Level,
    card: Html,
    details: &str,
    params: &UseStateHandle<PayParams>,
) -> Html {
    let ladder = || {
        html! {
            <LadderView family={family.clone()} current={LevelId::of(family, level)} link_base={Some(options.base_url.clone())} />
        }
    };
    let pay = || {
        let on_change = {
            let params = params.clone();
            Callback::from(move |next: PayParams| params.set(next))
        };
        html! { <PayPanel level={level.clone()} params={(**params).clone()} {on_change} /> }
    };
    match options.view {
        WidgetView::Card => card,
        WidgetView::Ladder => html! { <>{ card }<h2>{ "Career ladder" }</h2>{ ladder() }</> },
        WidgetView::Pay => html! { <>{ card }{ pay() }</> },
        WidgetView::Posting => posting_view(options, family, level, card, details, params),
        WidgetView::Full => html! {
            <>
                { card }
                <h2>{ "Career ladder" }</h2>
                { ladder() }
                <div class="expected">{ expected_list_sections(&expected_lists(family, level)) }</div>
                { pay() }
            </>
        },
    }
}

/// The card module (feature `embed` alone) shows the card; the loader sends every other view to
/// the module that has it, so another view here says where it is served.
#[cfg(not(feature = "widget"))]
fn view_body(
    options: &WidgetOptions,
    _: &SharedFamily,
    _: &Level,
    card: Html,
    _: &str,
    _: &UseStateHandle<PayParams>,
) -> Html {
    if options.view == WidgetView::Card {
        return card;
    }
    html! { <>{ card }<p>{ "This view is served by the widget loader, gradeladder.js." }</p></> }
}

/// The posting view: the card (unless embedded in the app) and the posting panel, whose choices a
/// widget keeps to itself and the app's panel writes into the page's address.
#[cfg(feature = "posting")]
fn posting_view(
    options: &WidgetOptions,
    family: &crate::data::SharedFamily,
    level: &Level,
    card: Html,
    details: &str,
    params: &UseStateHandle<PayParams>,
) -> Html {
    use crate::views::posting::{absolute, PostingPanel};
    use gradeladder_core::posting::PostingLinks;

    let links = PostingLinks {
        expectations: Some(absolute(details)),
        grade_scale: Some(absolute(&format!(
            "{}{}",
            options.base_url,
            Route::Grades.relative_path()
        ))),
    };
    let on_change = {
        let params = params.clone();
        let embedded = options.embedded;
        Callback::from(move |next: PayParams| {
            if embedded {
                keep_in_address(&next);
            }
            params.set(next);
        })
    };
    html! {
        <>
            if !options.embedded {
                { card }
            }
            <PostingPanel family={family.clone()} level={level.clone()} params={(**params).clone()} {on_change} {links} />
        </>
    }
}

/// Without the posting feature (the plain widget), a posting view says where it is served.
#[cfg(all(feature = "widget", not(feature = "posting")))]
fn posting_view(
    _: &WidgetOptions,
    _: &crate::data::SharedFamily,
    _: &Level,
    card: Html,
    _: &str,
    _: &UseStateHandle<PayParams>,
) -> Html {
    html! { <>{ card }<p>{ "The posting view is served by the widget loader, gradeladder.js." }</p></> }
}

/// Writes the posting's locations and currency (`at=`, `in=`) into the page's address, keeping
/// its other parts, so the app's "Copy link" and a reload reproduce them.
#[cfg(feature = "posting")]
fn keep_in_address(params: &PayParams) {
    let window = gloo::utils::window();
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let query = url.search_params();
    for (key, value) in [("at", &params.at), ("in", &params.common)] {
        match value {
            Some(value) => query.set(key, value),
            None => query.delete(key),
        }
    }
    url.set_search(&String::from(query.to_string()));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
}

/// Tells the host page which role the widget shows: a `gradeladder:select` event that bubbles
/// out of the shadow root, with `{ role, grade, title }` as detail.
fn dispatch_select(host: &Element, role: &str, grade: Option<u8>, title: &str) {
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"role".into(), &role.into());
    let _ = Reflect::set(
        &detail,
        &"grade".into(),
        &grade.map_or(JsValue::NULL, JsValue::from),
    );
    let _ = Reflect::set(&detail, &"title".into(), &title.into());
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = CustomEvent::new_with_event_init_dict("gradeladder:select", &init) {
        let _ = host.dispatch_event(&event);
    }
}
