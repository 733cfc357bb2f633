//! Design tokens as CSS custom properties (so hosts and embedders can theme the app), light and
//! dark palettes, print rules, and the remembered theme choice.

use gloo::storage::{LocalStorage, Storage};
use stylist::{css, StyleSource};

/// Key under which the theme choice is remembered, as plain text (`light` or `dark`; the raw
/// storage keeps a JSON encoder out of the bundle).
const STORAGE_KEY: &str = "gradeladder.theme";

/// The user's theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// The remembered choice, `Auto` when none (and when pre-rendering, which has no storage).
    pub fn load() -> ThemeChoice {
        if cfg!(not(target_arch = "wasm32")) {
            return ThemeChoice::Auto;
        }
        let stored = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten();
        match stored.as_deref() {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }

    /// Remembers the choice and applies it to the document.
    pub fn apply(self) {
        let value = match self {
            ThemeChoice::Auto => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
        };
        match value {
            Some(v) => {
                let _ = LocalStorage::raw().set_item(STORAGE_KEY, v);
            }
            None => LocalStorage::delete(STORAGE_KEY),
        }
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = match value {
                Some(v) => root.set_attribute("data-theme", v),
                None => root.remove_attribute("data-theme"),
            };
        }
    }

    /// The next choice in the toggle's cycle.
    pub fn next(self) -> ThemeChoice {
        match self {
            ThemeChoice::Auto => ThemeChoice::Light,
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::Auto,
        }
    }

    /// Label of the toggle for this choice.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "Theme: auto",
            ThemeChoice::Light => "Theme: light",
            ThemeChoice::Dark => "Theme: dark",
        }
    }
}

/// Global styles: tokens (on `:root` for the app, on `:host` for the widget's shadow root), each a
/// `light-dark()` pair chosen by `color-scheme` (the system's, or the `data-theme` override), base
/// typography, focus, print.
///
/// The type scale is four sizes (small, body, heading, title) in two weights (400, 700), SVG text
/// included: each size-and-weight pair a page uses costs the browser a font lookup before its first
/// paint, a synchronous round trip to the browser process in Chromium on Linux.
pub fn global() -> StyleSource {
    css!(
        r#"
:root, :host {
  color-scheme: light dark;
  --gl-bg: light-dark(#f6f6fa, #14131a);
  --gl-surface: light-dark(#ffffff, #1f1d29);
  --gl-text: light-dark(#1d1b26, #eeedf5);
  --gl-muted: light-dark(#4f4d63, #b9b6cc);
  --gl-accent: light-dark(#5433c9, #b4a2ff);
  --gl-accent-soft: light-dark(#ece8fb, #2d2748);
  --gl-accent-text: light-dark(#ffffff, #14131a);
  --gl-border: light-dark(#d9d7e6, #3b384c);
  --gl-good: light-dark(#1f7a4d, #7fd6a8);
  --gl-error: light-dark(#b00020, #ff8a80);
  --gl-warn-bg: light-dark(#fff4d6, #3d3213);
  --gl-warn-text: light-dark(#5c4300, #ffe7a3);
  --gl-radius: 10px;
  --gl-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --gl-text-small: .8125rem;
  --gl-text-heading: 1.2rem;
  --gl-text-title: 1.6rem;
}
:root[data-theme="light"], :host([data-theme="light"]) { color-scheme: light; }
:root[data-theme="dark"], :host([data-theme="dark"]) { color-scheme: dark; }
html, body { margin: 0; background: var(--gl-bg); color: var(--gl-text); font-family: var(--gl-font); line-height: 1.5; }
h1 { font-size: var(--gl-text-title); }
h2 { font-size: var(--gl-text-heading); }
h3 { font-size: 1rem; }
a { color: var(--gl-accent); }
:focus-visible { outline: 3px solid var(--gl-accent); outline-offset: 2px; }
.later { display: contents; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  :root { color-scheme: light; --gl-bg: #fff; --gl-surface: #fff; --gl-text: #000; --gl-muted: #333; --gl-border: #bbb; --gl-accent: #000; }
  .no-print { display: none !important; }
  body { font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
}
"#
    )
}
