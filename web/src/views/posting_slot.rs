//! Where the role page offers pay by location and the job posting. Their code is a module of its
//! own (the widget's posting view), loaded only when someone opens the panel or follows a link
//! that names locations (`at=`, `in=`), so a candidate's first visit does not carry it.

use gradeladder_core::LevelId;
use yew::prelude::*;

use super::pay::use_routed_params;
use crate::data::use_site;
use crate::route::Route;

/// Properties of [`PostingSlot`].
#[derive(Properties, PartialEq)]
pub struct PostingSlotProps {
    /// The level shown.
    pub id: LevelId,
    /// The role page's route (its query carries the choices).
    pub route: Route,
}

/// The closed panel with its button, or the posting module mounted in its place.
#[function_component]
pub fn PostingSlot(props: &PostingSlotProps) -> Html {
    let site = use_site();
    let (params, _) = use_routed_params(&props.route);
    let named = params.at.is_some() || params.common.is_some();
    let opened = use_state(|| false);
    let open = named || *opened;
    use_effect_with(open, |open| {
        if *open {
            load_widget_loader();
        }
    });
    if site.pay.is_none() {
        return Html::default();
    }
    let onclick = {
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| opened.set(true))
    };
    let locations = params.at.clone().or(params.loc.clone()).unwrap_or_default();
    html! {
        <section class="card posting-card" data-testid="posting-slot">
            if open {
                <div data-gradeladder="" data-view="posting" data-embedded="" data-role={props.id.to_string()}
                     data-location={locations} data-common={params.common.clone().unwrap_or_default()}
                     data-base-url="" data-src={site.data_url.to_string()} data-testid="posting-host" />
            } else {
                <h2>{ "Pay by location and job posting" }</h2>
                <p>{ "Compare this role's pay range in several locations side by side, and get the pay section of a job ad (plain text, HTML or markdown) with what the EU, Colorado, New York City, Washington and California ask of it." }</p>
                <button type="button" class="open-posting" {onclick} data-testid="open-posting">{ "Compare locations and write a job posting" }</button>
            }
        </section>
    }
}

/// Adds the widget loader (`widget/gradeladder.js`) to the page once; it mounts the posting
/// module on the panel's element.
fn load_widget_loader() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let document = gloo::utils::document();
        if document
            .query_selector("script[data-gradeladder-loader]")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let Ok(script) = document.create_element("script") else {
            return;
        };
        let script: web_sys::HtmlScriptElement = script.unchecked_into();
        script.set_type("module");
        script.set_src("widget/gradeladder.js");
        let _ = script.set_attribute("data-gradeladder-loader", "");
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    }
}
