//! Design tokens as CSS custom properties, so hosts and embedders can theme the app.

use stylist::{css, StyleSource};

/// Global styles: tokens for light and dark, base typography.
pub fn global() -> StyleSource {
    css!(
        r#"
:root {
  --gl-bg: #f7f7fb;
  --gl-surface: #ffffff;
  --gl-text: #1d1b26;
  --gl-muted: #55536a;
  --gl-accent: #5433c9;
  --gl-accent-text: #ffffff;
  --gl-border: #dcdae8;
  --gl-radius: 10px;
  --gl-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --gl-bg: #14131a;
    --gl-surface: #1f1d29;
    --gl-text: #eeedf5;
    --gl-muted: #b3b0c7;
    --gl-accent: #a993ff;
    --gl-accent-text: #14131a;
    --gl-border: #393649;
  }
}
html, body { margin: 0; background: var(--gl-bg); color: var(--gl-text); font-family: var(--gl-font); line-height: 1.5; }
a { color: var(--gl-accent); }
:focus-visible { outline: 3px solid var(--gl-accent); outline-offset: 2px; }
"#
    )
}
