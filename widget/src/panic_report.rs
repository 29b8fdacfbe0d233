//! What happens after a bug: the panic is logged to the console, then the
//! loader is told, so it can show each recorder of this (now unusable) wasm
//! instance as failed, emit `error`, and mount the next recorder on a fresh one.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static ON_PANIC: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Installed when the module starts: logs a panic (with its message and
/// place), then calls the function given to [`on_panic`].
#[wasm_bindgen(start)]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ON_PANIC.with(|callback| {
            if let Ok(callback) = callback.try_borrow() {
                if let Some(callback) = callback.as_ref() {
                    let _ = callback.call0(&JsValue::NULL);
                }
            }
        });
    }));
}

/// Sets the function called after a panic. The instance cannot run Rust code
/// after it returns: the loader must not call into it again.
///
/// ```js
/// onPanic(() => { instanceIsDead = true; });
/// ```
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(callback: js_sys::Function) {
    ON_PANIC.with(|slot| *slot.borrow_mut() = Some(callback));
}
