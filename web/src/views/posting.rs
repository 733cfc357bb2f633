//! Pay by location and the job posting: a role's range in several locations side by side (each
//! in its own currency and, when chosen, all in one), the posting text for those locations with
//! copy buttons (text, HTML, markdown), and the pay-transparency checks beside it. The locations
//! and the currency are kept in the address.

use std::rc::Rc;

use gradeladder_core::pay::{split_locations, LocationPay, PayAnswer, PayModel, DEFAULT_LOCATION};
use gradeladder_core::posting::{check, Posting, PostingLinks, Status};
use gradeladder_core::Level;
use stylist::yew::styled_component;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::pay::stale_warning;
use crate::data::{use_site, SharedFamily};
use crate::format::money;
use crate::route::PayParams;

/// Properties of [`PostingPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct PostingPanelProps {
    /// The level's family.
    pub family: SharedFamily,
    /// The level.
    pub level: Level,
    /// The current choices (`at`: the locations; `common`: the one currency).
    pub params: PayParams,
    /// Called with the new choices.
    pub on_change: Callback<PayParams>,
    /// Where the posting points for the criteria.
    pub links: PostingLinks,
}

/// The side-by-side locations, the posting and its checks; nothing when the site has no pay data.
#[function_component]
pub fn PostingPanel(props: &PostingPanelProps) -> Html {
    match use_site().pay {
        Some(model) => html! { <PostingForm {model} panel={props.clone()} /> },
        None => Html::default(),
    }
}

#[derive(Properties)]
struct PostingFormProps {
    model: Rc<PayModel>,
    panel: PostingPanelProps,
}

impl PartialEq for PostingFormProps {
    /// The model is the site's, shared: the same one when it is the same allocation.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && self.panel == other.panel
    }
}

/// The locations the choices name: `at`, else the pay panel's location, else the default.
fn chosen_locations(params: &PayParams) -> Vec<String> {
    let listed = params
        .at
        .as_deref()
        .map(split_locations)
        .unwrap_or_default();
    if listed.is_empty() {
        vec![params
            .loc
            .clone()
            .unwrap_or_else(|| DEFAULT_LOCATION.to_owned())]
    } else {
        listed
    }
}

#[styled_component]
fn PostingForm(form: &PostingFormProps) -> Html {
    let model = form.model.clone();
    let props = &form.panel;
    let params = props.params.clone();
    let copied = use_state(|| None::<&'static str>);
    let problem = use_state(|| None::<String>);
    let typed = use_state(String::new);

    let style = css!(
        r#"
        h3 { margin: 1rem 0 .4rem; }
        label { display: block; font-weight: 700; margin-bottom: .2rem; }
        input, select { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .6rem; border-radius: 8px;
                        border: 1px solid var(--gl-border); background: var(--gl-surface); color: var(--gl-text); }
        .controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: .5rem 0 .75rem; }
        ul.places { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .4rem; }
        ul.places li { display: inline-flex; align-items: center; gap: .3rem; border: 1px solid var(--gl-border); border-radius: 999px; padding: .1rem .3rem .1rem .7rem; }
        ul.places button { border: 0; background: transparent; color: var(--gl-muted); font: inherit; cursor: pointer; padding: .1rem .4rem; border-radius: 999px; min-width: 24px; min-height: 24px; }
        ul.places button:hover { color: var(--gl-text); background: var(--gl-accent-soft); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: var(--gl-text-small); }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--gl-border); vertical-align: top; }
        thead th { font-size: var(--gl-text-small); color: var(--gl-muted); text-transform: uppercase; letter-spacing: .04em; }
        tbody th { font-weight: 700; }
        pre.posting { white-space: pre-wrap; word-break: break-word; background: var(--gl-bg, transparent); border: 1px solid var(--gl-border);
                      border-radius: 8px; padding: .75rem; font-size: var(--gl-text-small); max-height: 32rem; overflow: auto; }
        .copy { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .copy button { font: inherit; padding: .4rem .8rem; border-radius: 8px; border: 1px solid var(--gl-accent); background: var(--gl-surface);
                       color: var(--gl-accent); font-weight: 700; cursor: pointer; }
        .banner { background: var(--gl-warn-bg); color: var(--gl-warn-text); border-radius: 8px; padding: .5rem .75rem; font-weight: 700; margin: .5rem 0; }
        .error { color: var(--gl-error); font-weight: 700; margin: .25rem 0 0; }
        .muted { color: var(--gl-muted); font-size: var(--gl-text-small); }
        details.check { border: 1px solid var(--gl-border); border-radius: 8px; padding: .4rem .7rem; margin: .4rem 0; }
        details.check summary { cursor: pointer; font-weight: 700; }
        details.check ul { padding-left: 1.1rem; margin: .4rem 0; }
        details.check li { margin: .3rem 0; }
        .status { font-weight: 700; }
        .status.met { color: var(--gl-accent); }
        .status.not_met { color: var(--gl-error); }
        .status.review { color: var(--gl-muted); }
        "#
    );

    // Locations the pay data lacks are named with the nearest ones; the rest are priced.
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for wanted in chosen_locations(&params) {
        match model.locate(&wanted) {
            Ok(_) => known.push(wanted),
            Err(error) => unknown.push(error),
        }
    }
    let priced = model.price_in_locations(
        &props.level.title,
        props.level.grade,
        &known,
        params.common.as_deref(),
    );
    let priced = match priced {
        Ok(priced) => priced,
        Err(error) => {
            return html! {
                <section class={style} data-testid="posting"><p class="error" role="alert">{ error.to_string() }</p></section>
            }
        }
    };
    let ids: Vec<String> = priced.iter().map(|p| p.place.id.clone()).collect();
    let posting = Posting::from_priced(
        &model,
        &props.family,
        &props.level,
        &priced,
        props.links.clone(),
        crate::clock::today(),
    );
    let checks = check(&posting);
    let text = posting.to_text();

    let set_locations = {
        let on_change = props.on_change.clone();
        let params = params.clone();
        move |ids: Vec<String>| {
            let mut next = params.clone();
            next.at = (!ids.is_empty()).then(|| ids.join(","));
            on_change.emit(next);
        }
    };
    let on_add = {
        let set_locations = set_locations.clone();
        let ids = ids.clone();
        let model = model.clone();
        let problem = problem.clone();
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            if value.trim().is_empty() {
                return;
            }
            match model.locate(&value) {
                Ok(choice) => {
                    problem.set(None);
                    typed.set(String::new());
                    input.set_value("");
                    let mut next = ids.clone();
                    if !next.contains(&choice.id) {
                        next.push(choice.id);
                    }
                    set_locations(next);
                }
                Err(error) => {
                    typed.set(value);
                    problem.set(Some(error.to_string()));
                }
            }
        })
    };
    let on_common = {
        let on_change = props.on_change.clone();
        let params = params.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            let mut next = params.clone();
            next.common = (!value.is_empty()).then_some(value);
            on_change.emit(next);
        })
    };
    let copy = |label: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            crate::clipboard::copy(
                &text,
                Callback::from(move |ok: bool| copied.set(ok.then_some(label))),
            );
        })
    };
    let currencies: Vec<String> = model.currencies().into_iter().map(str::to_owned).collect();
    let common = params.common.clone();

    html! {
        <section class={style} aria-labelledby="posting-heading" data-testid="posting">
            <h2 id="posting-heading">{ "Pay by location and job posting" }</h2>
            { stale_warning(posting.stale.as_ref()) }
            <ul class="places" aria-label="Locations compared" data-testid="posting-locations">
                { for priced.iter().map(|p| {
                    let remove = {
                        let set_locations = set_locations.clone();
                        let rest: Vec<String> = ids.iter().filter(|id| **id != p.place.id).cloned().collect();
                        Callback::from(move |_: MouseEvent| set_locations(rest.clone()))
                    };
                    html! {
                        <li data-location={p.place.id.clone()}>
                            { &p.place.label }
                            if priced.len() > 1 {
                                <button type="button" onclick={remove} aria-label={format!("Remove {}", p.place.label)}>{ "×" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            { for unknown.iter().map(|error| html! {
                <p class="error" role="alert" data-testid="posting-unknown">{ format!("Left out: {error}.") }</p>
            }) }
            <div class="controls no-print">
                <div>
                    <label for="posting-add">{ "Add a location" }</label>
                    <input id="posting-add" list="posting-places" type="text" value={(*typed).clone()}
                        aria-describedby="posting-add-error" onchange={on_add} />
                    <datalist id="posting-places">
                        { for model.location_choices().iter().map(|c| html! { <option value={c.label.clone()} /> }) }
                    </datalist>
                    <p id="posting-add-error" class="error" aria-live="polite">{ (*problem).clone().unwrap_or_default() }</p>
                </div>
                <div>
                    <label for="posting-common">{ "Also show all in" }</label>
                    <select id="posting-common" onchange={on_common}>
                        <option value="" selected={common.is_none()}>{ "Local currencies only" }</option>
                        { for currencies.iter().map(|c| html! {
                            <option value={c.clone()} selected={common.as_deref() == Some(c.as_str())}>{ c.clone() }</option>
                        }) }
                    </select>
                </div>
            </div>
            { places_table(&priced, common.as_deref()) }
            <h3>{ "Job posting text" }</h3>
            <pre class="posting" data-testid="posting-text">{ text.clone() }</pre>
            <div class="copy no-print">
                <button type="button" data-testid="copy-posting-text" onclick={copy("plain text", text)}>{ "Copy text" }</button>
                <button type="button" data-testid="copy-posting-html" onclick={copy("HTML", posting.to_html())}>{ "Copy HTML" }</button>
                <button type="button" data-testid="copy-posting-markdown" onclick={copy("markdown", posting.to_markdown())}>{ "Copy markdown" }</button>
                <span role="status" data-testid="posting-copied">{ (*copied).map(|what| format!("Copied as {what}.")).unwrap_or_default() }</span>
            </div>
            <h3>{ "Pay-transparency checks" }</h3>
            <p class="muted">{ "Help, not legal advice: what each law asks of a posting, against this posting as it stands. Laws change; read the source." }</p>
            { for checks.iter().map(|jurisdiction| {
                let unmet = jurisdiction.requirements.iter().filter(|r| r.status == Status::NotMet).count();
                let summary = match unmet {
                    0 => "no requirement unmet".to_owned(),
                    1 => "1 requirement not met".to_owned(),
                    n => format!("{n} requirements not met"),
                };
                html! {
                    <details class="check" open={unmet > 0} data-testid={format!("check-{}", jurisdiction.name.to_lowercase().replace(' ', "-"))}>
                        <summary>{ format!("{}: {summary}", jurisdiction.name) }</summary>
                        <ul>
                            { for jurisdiction.requirements.iter().map(|r| {
                                let (class, word) = match r.status {
                                    Status::Met => ("status met", "Met"),
                                    Status::NotMet => ("status not_met", "Not met"),
                                    Status::Review => ("status review", "Review"),
                                };
                                html! { <li><span class={class}>{ word }</span>{ format!(": {}. {}", r.rule, r.detail) }</li> }
                            }) }
                        </ul>
                        <p class="muted"><a href={jurisdiction.source} target="_blank" rel="noopener">{ jurisdiction.law }</a></p>
                    </details>
                }
            }) }
        </section>
    }
}

/// The locations side by side: the range in each local currency and, with `common`, in it.
fn places_table(priced: &[LocationPay], common: Option<&str>) -> Html {
    let range = |answer: &PayAnswer| match answer {
        PayAnswer::Range(r) => format!(
            "{} – {}",
            money(r.min, &r.currency),
            money(r.max, &r.currency)
        ),
        PayAnswer::NoPayData { reason } => format!("No range ({reason})"),
    };
    html! {
        <div class="table-wrap">
            <table data-testid="compare-locations">
                <caption class="visually-hidden">{ "The role's pay range in each location" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Location" }</th>
                        <th scope="col">{ "Range, local currency" }</th>
                        if let Some(common) = common {
                            <th scope="col">{ format!("In {common}") }</th>
                        }
                    </tr>
                </thead>
                <tbody>
                    { for priced.iter().map(|p| html! {
                        <tr>
                            <th scope="row">{ &p.place.label }</th>
                            <td data-testid="local-range">{ range(&p.local) }</td>
                            if common.is_some() {
                                <td data-testid="common-range">{ range(p.common.as_ref().unwrap_or(&p.local)) }</td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// `relative` (a path from the app's root, or a widget's base address) as an absolute address,
/// as a job ad needs: resolved against the page's base address in the browser.
pub fn absolute(relative: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let base = gloo::utils::document().base_uri().ok().flatten();
        if let Some(url) = base.and_then(|base| web_sys::Url::new_with_base(relative, &base).ok()) {
            return url.href();
        }
    }
    relative.to_owned()
}
