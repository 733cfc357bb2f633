//! The posting module's wasm entry: the widget built with its posting view (feature `posting`).
//! The loader `web/static/widget/gradeladder.js` loads it only for `data-view="posting"`
//! elements, the app's posting panel included, and calls `mount` for each, as for the widget.

pub use gradeladder_web::widget::{mount, WidgetHandle};

fn main() {}
