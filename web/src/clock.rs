//! Today's date, which the pay data's age is judged by: the browser's clock, or the build
//! machine's when pages are pre-rendered (the app then renders again with the reader's day).

use gradeladder_core::pay::Date;

/// Milliseconds in a day.
const DAY_MS: f64 = 86_400_000.0;

/// The day it is now, in UTC.
pub fn today() -> Date {
    #[cfg(target_arch = "wasm32")]
    let days = (js_sys::Date::now() / DAY_MS).floor() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_millis() as f64 / DAY_MS).floor() as i64);
    Date::from_unix_days(days).unwrap_or_else(|| Date::new(1970, 1, 1).expect("a real day"))
}
