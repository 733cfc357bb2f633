use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsValue, UnwrapThrowExt};

use crate::utils::get_id;

/// A constant to prevent state collision.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum HistoryStateKind {
    #[serde(rename = "gloo_history_state")]
    Gloo,
}

/// The state used by browser history to store history id.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct HistoryState {
    id: u32,
    kind: HistoryStateKind,
}

impl HistoryState {
    pub fn new() -> HistoryState {
        Self {
            id: get_id(),
            kind: HistoryStateKind::Gloo,
        }
    }

    pub fn id(&self) -> u32 {
        self.id
    }

    /// The state as the object the published crate wrote with `serde_wasm_bindgen::to_value`:
    /// `{ id, kind: "gloo_history_state" }`.
    ///
    /// Gradeladder's patch: written with `Reflect`, so serde-wasm-bindgen's serializer is not
    /// linked either.
    pub fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |name: &str, value: JsValue| {
            js_sys::Reflect::set(&object, &JsValue::from_str(name), &value)
                .expect_throw("fails to create history state.");
        };
        set("id", JsValue::from(self.id));
        set("kind", JsValue::from_str("gloo_history_state"));
        object.into()
    }

    /// Reads back a state that `serde_wasm_bindgen::to_value` wrote:
    /// `{ id: <whole number>, kind: "gloo_history_state" }`; anything else is not ours.
    ///
    /// Gradeladder's patch: read with `Reflect` rather than `serde_wasm_bindgen::from_value`,
    /// whose deserializer (with float formatting for its error messages) was about 11 KB of
    /// the gzipped app wasm.
    pub fn from_js(value: &JsValue) -> Option<HistoryState> {
        let field = |name: &str| js_sys::Reflect::get(value, &JsValue::from_str(name)).ok();
        if field("kind")?.as_string()? != "gloo_history_state" {
            return None;
        }
        let id = field("id")?.as_f64()?;
        let whole = id >= 0.0 && id <= f64::from(u32::MAX) && id.fract() == 0.0;
        whole.then(|| HistoryState {
            id: id as u32,
            kind: HistoryStateKind::Gloo,
        })
    }
}

pub(crate) type StateMap = HashMap<u32, Rc<dyn Any>>;
