//! Number formatting with the browser's `Intl.NumberFormat`; when pre-rendering (natively, no
//! browser), in English with the currency's symbol, which the browser then formats in the user's
//! locale.

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

#[cfg(target_arch = "wasm32")]
use js_sys::{Array, Intl, Object, Reflect};
use rust_decimal::Decimal;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;

#[cfg(target_arch = "wasm32")]
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

/// Builds the plain-number formatter ahead of need, in a task of its own: the browser loads its
/// locale data for the first formatter (tens of milliseconds on a first visit), and a pay panel
/// should not wait for that while the app takes its page over.
pub fn warm_up() {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(0, || {
        let _ = format(Decimal::ONE, FormatKey::Number);
    })
    .forget();
}

/// The amount as a JavaScript number, parsed by the browser (`Number.parseFloat("90249.6")`).
pub fn as_f64(amount: Decimal) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Number::parse_float(&amount.to_string());
    #[cfg(not(target_arch = "wasm32"))]
    return amount.to_string().parse().unwrap_or(0.0);
}

/// `amount` formatted by the (cached) `Intl.NumberFormat` for `key`, or `None` if the browser
/// refuses the options.
#[cfg(target_arch = "wasm32")]
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

/// `amount` in English (`£90,300`, `1,234.5`), for pre-rendered pages.
#[cfg(not(target_arch = "wasm32"))]
fn format(amount: Decimal, key: FormatKey) -> Option<String> {
    let (places, prefix) = match &key {
        FormatKey::Money { currency, cents } => {
            let symbol = match currency.as_str() {
                "USD" => "$".to_owned(),
                "GBP" => "£".to_owned(),
                "EUR" => "€".to_owned(),
                "JPY" => "¥".to_owned(),
                other => format!("{other}\u{a0}"),
            };
            (if *cents { 2 } else { 0 }, symbol)
        }
        FormatKey::Number => (4, String::new()),
    };
    let rounded = amount.round_dp(places).normalize();
    let text = if matches!(key, FormatKey::Money { cents: true, .. }) {
        format!("{:.2}", rounded)
    } else {
        rounded.to_string()
    };
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let fraction = if fraction.is_empty() {
        String::new()
    } else {
        format!(".{fraction}")
    };
    Some(format!("{sign}{prefix}{grouped}{fraction}"))
}

/// `new Intl.NumberFormat(undefined, options)` for `key`.
#[cfg(target_arch = "wasm32")]
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    #[test]
    fn pre_rendered_amounts_are_grouped_with_the_currency_symbol() {
        assert_eq!(money(d("90300"), "GBP"), "£90,300");
        assert_eq!(money(d("1234567.5"), "USD"), "$1,234,567.50");
        assert_eq!(money(d("-950"), "EUR"), "-€950");
        assert_eq!(money(d("1000"), "CHF"), "CHF\u{a0}1,000");
        assert_eq!(number(d("90249.6")), "90,249.6");
        assert_eq!(number(d("1.23456")), "1.2346");
        assert_eq!(number(d("12")), "12");
    }
}
