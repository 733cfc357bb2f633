//! Number formatting with the browser's `Intl.NumberFormat`.

use js_sys::{Array, Intl, Object, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

/// An amount as currency in the user's locale ("£90,300"), without decimals for whole amounts.
pub fn money(amount: Decimal, currency: &str) -> String {
    let value: f64 = amount.to_string().parse().unwrap_or(0.0);
    let options = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &value);
    };
    set("style", JsValue::from_str("currency"));
    set("currency", JsValue::from_str(currency));
    let whole = amount.fract().is_zero();
    set(
        "maximumFractionDigits",
        JsValue::from_f64(if whole { 0.0 } else { 2.0 }),
    );
    set("minimumFractionDigits", JsValue::from_f64(0.0));
    let formatter = Intl::NumberFormat::new(&Array::new(), &options);
    formatter
        .format()
        .call1(&formatter, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("{amount} {currency}"))
}

/// A plain number in the user's locale, up to four decimals ("1.2", "90,249.6").
pub fn number(amount: Decimal) -> String {
    let value: f64 = amount.to_string().parse().unwrap_or(0.0);
    let options = Object::new();
    let _ = Reflect::set(
        &options,
        &JsValue::from_str("maximumFractionDigits"),
        &JsValue::from_f64(4.0),
    );
    let formatter = Intl::NumberFormat::new(&Array::new(), &options);
    formatter
        .format()
        .call1(&formatter, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| amount.to_string())
}
