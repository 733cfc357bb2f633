//! Copying text to the clipboard, for the "Copy link" button and the posting's copy buttons.

use yew::Callback;

/// Writes `text` to the clipboard, then tells `done` whether it worked.
pub fn copy(text: &str, done: Callback<bool>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
