//! The pay panel: location, currency and compa group (all kept in the URL), the range as an SVG
//! bar, the math step by step, and the "example figures" banner.

use gradeladder_core::pay::{
    PayAnswer, PayQuery, PayRange, Provenance, Staleness, DEFAULT_LOCATION,
};
use gradeladder_core::Level;
use stylist::yew::styled_component;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use std::rc::Rc;

use gradeladder_core::pay::PayModel;

use crate::data::use_site;
use crate::format::{money, number};
use crate::route::{PayParams, Route};

/// Properties of [`PayPanel`].
#[derive(Properties, PartialEq)]
pub struct PayPanelProps {
    /// The level to price.
    pub level: Level,
    /// The current choices.
    pub params: PayParams,
    /// Called with the new choices when the user changes one.
    pub on_change: Callback<PayParams>,
}

/// Properties of [`RoutedPayPanel`].
#[derive(Properties, PartialEq)]
pub struct RoutedPayPanelProps {
    /// The level to price.
    pub level: Level,
    /// The route the panel sits on (its query carries the choices).
    pub route: Route,
}

/// The pay choices in the address's query, and the callback that puts new ones there (a new
/// history entry), so a link reproduces them.
#[hook]
pub fn use_routed_params(route: &Route) -> (PayParams, Callback<PayParams>) {
    let location = use_location();
    let navigator = use_navigator();
    let params = location
        .map(|l| PayParams::from_query(l.query_str()))
        .unwrap_or_default();
    let on_change = {
        let route = route.clone();
        Callback::from(move |next: PayParams| {
            if let Some(navigator) = &navigator {
                let _ = navigator.push_with_query(&route, Raw(next.to_query()));
            }
        })
    };
    (params, on_change)
}

/// The pay panel with its choices kept in the address, so a link reproduces them.
#[function_component]
pub fn RoutedPayPanel(props: &RoutedPayPanelProps) -> Html {
    let (params, on_change) = use_routed_params(&props.route);
    html! { <PayPanel level={props.level.clone()} {params} {on_change} /> }
}

/// Pay range with controls and the math, or a note that the site publishes no pay ranges.
#[function_component]
pub fn PayPanel(props: &PayPanelProps) -> Html {
    match use_site().pay {
        Some(model) => html! {
            <PayForm {model} level={props.level.clone()} params={props.params.clone()} on_change={props.on_change.clone()} />
        },
        None => html! {
            <section aria-labelledby="pay-heading" data-testid="pay">
                <h2 id="pay-heading">{ "Pay" }</h2>
                <p data-testid="no-pay">{ "This site publishes no pay ranges." }</p>
            </section>
        },
    }
}

/// Properties of [`PayForm`].
#[derive(Properties)]
struct PayFormProps {
    model: Rc<PayModel>,
    level: Level,
    params: PayParams,
    on_change: Callback<PayParams>,
}

impl PartialEq for PayFormProps {
    /// The model is the site's, shared: the same one when it is the same allocation.
    fn eq(&self, other: &PayFormProps) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
            && self.level == other.level
            && self.params == other.params
            && self.on_change == other.on_change
    }
}

#[styled_component]
fn PayForm(props: &PayFormProps) -> Html {
    let model = props.model.clone();
    let params = props.params.clone();
    let location_id = params
        .loc
        .clone()
        .unwrap_or_else(|| DEFAULT_LOCATION.to_owned());
    let choices = model.location_choices();
    let location_label = model
        .locate(&location_id)
        .map(|choice| choice.label)
        .unwrap_or_else(|_| location_id.clone());
    // What the user typed stays in the box, even when it matches nothing.
    let typed = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);

    let style = css!(
        r#"
        .controls { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin-bottom: 1rem; }
        .controls .wide { grid-column: 1 / -1; }
        label { display: block; font-weight: 700; margin-bottom: .2rem; }
        input, select { width: 100%; box-sizing: border-box; font: inherit; padding: .45rem .6rem; border-radius: 8px;
                        border: 1px solid var(--gl-border); background: var(--gl-surface); color: var(--gl-text); }
        .banner { background: var(--gl-warn-bg); color: var(--gl-warn-text); border-radius: 8px; padding: .5rem .75rem; font-weight: 700; margin-bottom: .75rem; }
        .error { color: var(--gl-error); font-weight: 700; margin: .25rem 0 0; }
        .figures { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: baseline; margin: .5rem 0; }
        .figures .big { font-size: var(--gl-text-title); font-weight: 700; }
        .figures .label { display: block; font-size: var(--gl-text-small); color: var(--gl-muted); text-transform: uppercase; letter-spacing: .04em; }
        svg { width: 100%; max-width: 26rem; height: auto; display: block; margin: .5rem 0 1rem; }
        .bar-range { fill: var(--gl-accent-soft); stroke: var(--gl-accent); }
        .bar-compa { fill: var(--gl-accent); opacity: .55; }
        .bar-target { stroke: var(--gl-text); stroke-width: 3; }
        .bar-text { fill: var(--gl-muted); font-size: var(--gl-text-small); font-family: var(--gl-font); }
        ol.math { padding-left: 1.2rem; font-variant-numeric: tabular-nums; }
        ol.math li { margin: .2rem 0; }
        ol.math .factor { font-weight: 700; }
        ol.math .step { display: flex; justify-content: space-between; align-items: baseline; gap: .75rem; }
        ol.math .value { white-space: nowrap; }
        .source, ol.math .dated { color: var(--gl-muted); font-size: var(--gl-text-small); }
        ol.math .dated { display: block; }
        "#
    );

    let update = {
        let on_change = props.on_change.clone();
        let params = params.clone();
        move |change: &dyn Fn(&mut PayParams)| {
            let mut next = params.clone();
            change(&mut next);
            on_change.emit(next);
        }
    };

    let on_location = {
        let update = update.clone();
        let typed = typed.clone();
        let problem = problem.clone();
        let model = model.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            match model.locate(&value) {
                Ok(choice) => {
                    typed.set(None);
                    problem.set(None);
                    update(&|p: &mut PayParams| p.loc = Some(choice.id.clone()));
                }
                Err(error) => {
                    typed.set(Some(value));
                    problem.set(Some(error.to_string()));
                }
            }
        })
    };
    let on_currency = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            update(&|p: &mut PayParams| p.cur = (!value.is_empty()).then(|| value.clone()));
        })
    };
    let on_compa = {
        let update = update.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            update(&|p: &mut PayParams| p.compa = (!value.is_empty()).then(|| value.clone()));
        })
    };

    let query = PayQuery {
        title: &props.level.title,
        grade: props.level.grade,
        location: &location_id,
        currency: params.cur.as_deref(),
        compa: params.compa.as_deref(),
        contract: None,
    };
    let answer = model.estimate(&query);
    let owned =
        |names: Vec<&str>| -> Vec<String> { names.into_iter().map(str::to_owned).collect() };
    let currencies = owned(model.currencies());
    let compa_groups = owned(model.compa_groups());

    html! {
        <section class={style} aria-labelledby="pay-heading" data-testid="pay">
            <h2 id="pay-heading">{ "Estimated pay" }</h2>
            if model.meta.example {
                <p class="banner" role="note" data-testid="example-banner">{ "Example figures, not real pay data." }</p>
            }
            <div class="controls no-print">
                <div class="wide">
                    <label for="pay-location">{ "Location" }</label>
                    <input id="pay-location" list="pay-locations" type="text"
                        value={(*typed).clone().unwrap_or_else(|| location_label.clone())}
                        aria-describedby="pay-location-error" onchange={on_location} />
                    <datalist id="pay-locations">
                        { for choices.iter().map(|c| html! { <option value={c.label.clone()} /> }) }
                    </datalist>
                    <p id="pay-location-error" class="error" aria-live="polite">{ (*problem).clone().unwrap_or_default() }</p>
                </div>
                <div>
                    <label for="pay-currency">{ "Currency" }</label>
                    <select id="pay-currency" onchange={on_currency}>
                        <option value="" selected={params.cur.is_none()}>{ "Local currency" }</option>
                        { for currencies.iter().map(|c| html! {
                            <option value={c.clone()} selected={params.cur.as_deref() == Some(c.as_str())}>{ c.clone() }</option>
                        }) }
                    </select>
                </div>
                if !compa_groups.is_empty() {
                    <div>
                        <label for="pay-compa">{ "Compa group" }</label>
                        <select id="pay-compa" onchange={on_compa}>
                            <option value="" selected={params.compa.is_none()}>{ "None" }</option>
                            { for compa_groups.iter().map(|g| html! {
                                <option value={g.clone()} selected={params.compa.as_deref() == Some(g.as_str())}>{ g.clone() }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
            { match answer {
                Ok(PayAnswer::Range(range)) => {
                    let stale = model.staleness(&range, crate::clock::today());
                    range_view(&range, stale.as_ref())
                }
                Ok(PayAnswer::NoPayData { reason }) => html! {
                    <p data-testid="no-pay-data">{ format!("No pay data for this role: {reason}.") }</p>
                },
                Err(error) => html! { <p class="error" role="alert">{ error.to_string() }</p> },
            } }
        </section>
    }
}

/// The warning shown wherever pay data older than its threshold is used.
pub fn stale_warning(stale: Option<&Staleness>) -> Html {
    match stale {
        Some(stale) => html! {
            <p class="banner" role="note" data-testid="stale-warning">{ format!("Out of date: {stale}") }</p>
        },
        None => Html::default(),
    }
}

/// "As of 2024-01-02, survey name", under the first step a figure's date applies to.
fn dated(provenance: &Provenance) -> String {
    if provenance.source.is_empty() {
        format!("As of {}", provenance.as_of)
    } else {
        format!("As of {}, {}", provenance.as_of, provenance.source)
    }
}

fn range_view(range: &PayRange, stale: Option<&Staleness>) -> Html {
    let c = &range.currency;
    let mut last: Option<&Provenance> = None;
    let dates: Vec<Option<String>> = range
        .steps
        .iter()
        .map(|step| match &step.provenance {
            Some(p) if last != Some(p) => {
                last = Some(p);
                Some(dated(p))
            }
            _ => None,
        })
        .collect();
    html! {
        <>
            { stale_warning(stale) }
            <p>{ format!("For {} in {}.", range.location, c) }</p>
            <div class="figures" data-testid="pay-figures">
                <div><span class="label">{ "Minimum" }</span><span class="big" data-testid="pay-min">{ money(range.min, c) }</span></div>
                <div><span class="label">{ "Target" }</span><span class="big" data-testid="pay-target">{ money(range.target, c) }</span></div>
                <div><span class="label">{ "Maximum" }</span><span class="big" data-testid="pay-max">{ money(range.max, c) }</span></div>
            </div>
            if let (Some(base), Some(variable)) = (range.base, range.variable) {
                <p>{ format!("Target = base {} + variable {}", money(base, c), money(variable, c)) }</p>
            }
            { bar(range) }
            <h3>{ "How it is computed" }</h3>
            <ol class="math" data-testid="pay-math">
                { for range.steps.iter().zip(dates).map(|(step, date)| html! {
                    <li>
                        <span class="step">
                            <span>
                                if let Some(factor) = step.factor {
                                    <span class="factor">{ format!("× {} ", number(factor)) }</span>
                                }
                                { &step.label }
                            </span>
                            <span class="value">{ number(step.value) }</span>
                        </span>
                        if let Some(date) = date {
                            <span class="dated">{ date }</span>
                        }
                    </li>
                }) }
            </ol>
            <p class="source">{ format!("Source: {}; figures as of {}.", range.source, range.as_of) }</p>
        </>
    }
}

/// The range as a bar: minimum to maximum, compa sub-range shaded, target marked.
fn bar(range: &PayRange) -> Html {
    let to_f = crate::format::as_f64;
    let (min, target, max) = (to_f(range.min), to_f(range.target), to_f(range.max));
    let span = (max - min).max(1.0);
    let (left, right) = (min - span * 0.1, max + span * 0.1);
    // Whole SVG units, so no float is ever formatted as text.
    // About one SVG unit per CSS pixel in the side panel, so the labels read at their font size.
    let x = |v: f64| (10.0 + (v - left) / (right - left) * 280.0).round() as i32;
    let c = &range.currency;
    let label = format!(
        "Range from {} to {}, target {}",
        money(range.min, c),
        money(range.max, c),
        money(range.target, c)
    );
    html! {
        <svg viewBox="0 0 300 70" role="img" aria-label={label}>
            <rect class="bar-range" x={x(min).to_string()} y="20" width={(x(max) - x(min)).to_string()} height="22" rx="6" />
            if let Some(compa) = &range.compa {
                <rect class="bar-compa" x={x(to_f(compa.min)).to_string()} y="20"
                      width={(x(to_f(compa.max)) - x(to_f(compa.min))).max(2).to_string()} height="22">
                    <title>{ format!("{}: {} – {}", compa.name, money(compa.min, c), money(compa.max, c)) }</title>
                </rect>
            }
            <line class="bar-target" x1={x(target).to_string()} x2={x(target).to_string()} y1="12" y2="50" />
            <text class="bar-text" x={x(min).to_string()} y="64" text-anchor="middle">{ money(range.min, c) }</text>
            <text class="bar-text" x={x(target).to_string()} y="10" text-anchor="middle">{ money(range.target, c) }</text>
            <text class="bar-text" x={x(max).to_string()} y="64" text-anchor="middle">{ money(range.max, c) }</text>
        </svg>
    }
}
