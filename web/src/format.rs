//! Number formatting with the browser's `Intl.NumberFormat`.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use rust_decimal::Decimal;
use wasm_bindgen::JsValue;

thread_local! {
    /// One `Intl.NumberFormat` per set of options: the first one costs the browser its locale data
    /// (about 20 ms on a cold start), every later one is reused instead of built again per figure.
    static FORMATTERS: RefCell<Vec<(FormatKey, Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
}

/// What a formatter is built for: a currency with whole or two decimals, or a plain number.
#[derive(Clone, PartialEq, Eq)]
enum FormatKey {
    Money { currency: String, cents: bool },
    Number,
}

/// An amount as currency in the user's locale ("£90,300"), without decimals for whole amounts.
pub fn money(amount: Decimal, currency: &str) -> String {
    let key = FormatKey::Money {
        currency: currency.to_owned(),
        cents: !amount.fract().is_zero(),
    };
    format(amount, key).unwrap_or_else(|| format!("{amount} {currency}"))
}

/// A plain number in the user's locale, up to four decimals ("1.2", "90,249.6").
pub fn number(amount: Decimal) -> String {
    format(amount, FormatKey::Number).unwrap_or_else(|| amount.to_string())
}

/// The amount as a JavaScript number, parsed by the browser (`Number.parseFloat("90249.6")`).
pub fn as_f64(amount: Decimal) -> f64 {
    js_sys::Number::parse_float(&amount.to_string())
}

/// `amount` formatted by the (cached) `Intl.NumberFormat` for `key`, or `None` if the browser
/// refuses the options.
fn format(amount: Decimal, key: FormatKey) -> Option<String> {
    let formatter = FORMATTERS.with(|cache| {
        let cached = cache
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone());
        match cached {
            Some(formatter) => Some(formatter),
            None => {
                let formatter = new_formatter(&key)?;
                cache.borrow_mut().push((key, formatter.clone()));
                Some(formatter)
            }
        }
    })?;
    formatter
        .format()
        .call1(&formatter, &JsValue::from_f64(as_f64(amount)))
        .ok()?
        .as_string()
}

/// `new Intl.NumberFormat(undefined, options)` for `key`.
fn new_formatter(key: &FormatKey) -> Option<Intl::NumberFormat> {
    let options: Vec<(&str, JsValue)> = match key {
        FormatKey::Money { currency, cents } => vec![
            ("style", JsValue::from_str("currency")),
            ("currency", JsValue::from_str(currency)),
            ("minimumFractionDigits", JsValue::from_f64(0.0)),
            (
                "maximumFractionDigits",
                JsValue::from_f64(if *cents { 2.0 } else { 0.0 }),
            ),
        ],
        FormatKey::Number => vec![("maximumFractionDigits", JsValue::from_f64(4.0))],
    };
    let object = Object::new();
    for (name, value) in options {
        Reflect::set(&object, &JsValue::from_str(name), &value).ok()?;
    }
    Some(Intl::NumberFormat::new(&Array::new(), &object))
}
