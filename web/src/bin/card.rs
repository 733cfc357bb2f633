//! The card module's wasm entry: the widget built with its card view alone (feature `embed`).
//! The loader `web/static/widget/gradeladder.js` loads it for `data-view="card"` elements (the
//! default), so a career page of cards downloads neither the ladder nor the pay views.

pub use gradeladder_web::widget::{mount, WidgetHandle};

fn main() {}
