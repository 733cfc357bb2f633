//! The widget's wasm entry: everything it exports lives in `gradeladder_web::widget`; the loader
//! `web/static/widget/gradeladder.js` calls `mount` for each host element.

pub use gradeladder_web::widget::{mount, WidgetHandle};

fn main() {}
