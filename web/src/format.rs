//! Number formatting with the browser's `Intl.NumberFormat`.

use js_sys::{Array, Intl, Object, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

/// An amount as currency in the user's locale ("£90,300"), without decimals for whole amounts.
pub fn money(amount: Decimal, currency: &str) -> String {
    let decimals = if amount.fract().is_zero() { 0.0 } else { 2.0 };
    let options = [
        ("style", JsValue::from_str("currency")),
        ("currency", JsValue::from_str(currency)),
        ("minimumFractionDigits", JsValue::from_f64(0.0)),
        ("maximumFractionDigits", JsValue::from_f64(decimals)),
    ];
    format(amount, &options).unwrap_or_else(|| format!("{amount} {currency}"))
}

/// A plain number in the user's locale, up to four decimals ("1.2", "90,249.6").
pub fn number(amount: Decimal) -> String {
    format(amount, &[("maximumFractionDigits", JsValue::from_f64(4.0))])
        .unwrap_or_else(|| amount.to_string())
}

/// The amount as a JavaScript number, parsed by the browser (`Number.parseFloat("90249.6")`).
pub fn as_f64(amount: Decimal) -> f64 {
    js_sys::Number::parse_float(&amount.to_string())
}

/// `new Intl.NumberFormat(undefined, options).format(amount)`, or `None` if the browser refuses.
fn format(amount: Decimal, options: &[(&str, JsValue)]) -> Option<String> {
    let value = as_f64(amount);
    let object = Object::new();
    for (key, value) in options {
        Reflect::set(&object, &JsValue::from_str(key), value).ok()?;
    }
    let formatter = Intl::NumberFormat::new(&Array::new(), &object);
    formatter
        .format()
        .call1(&formatter, &JsValue::from_f64(value))
        .ok()?
        .as_string()
}
