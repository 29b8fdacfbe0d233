//! `mount(target, { invite, api, lang })`: the widget in a shadow root or element.

use crate::language::Locales;
use crate::options::MountOptions;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A mounted recorder; `unmount()` removes it and stops its camera.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<leptos::mount::UnmountHandle<AnyViewState>>,
    container: web_sys::Element,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the recorder from the page.
    pub fn unmount(&mut self) {
        self.handle.take();
        self.container.remove();
    }
}

/// Mounts the recorder into `target` (a shadow root or an element) with
/// `options` = `{ invite, api, lang?, theme?, hideSelfView?, locales?, session? }`;
/// `locales` maps language codes to translation file URLs (the loader
/// passes the built ones, and a host page's `translations` over them);
/// `session` is the loader's early `fetch` of `GET {api}/session`. The
/// stylesheet (`style.css`) is the loader's to add.
///
/// ```js
/// const handle = mount(element.attachShadow({ mode: "open" }), { invite, api: "https://host/api" });
/// ```
#[wasm_bindgen]
pub fn mount(target: web_sys::Node, options: JsValue) -> Result<Mounted, JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsError::new("no document"))?;
    let host: web_sys::Element = match target.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.host(),
        None => target
            .clone()
            .dyn_into()
            .map_err(|_| JsError::new("mount target must be an element or a shadow root"))?,
    };
    let locales = Locales::from_js(&options);
    let prefetched = js_sys::Reflect::get(&options, &"session".into())
        .ok()
        .and_then(|session| session.dyn_into::<js_sys::Promise>().ok());
    let options = MountOptions::from_js(options);

    let container: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(js_error)?
        .unchecked_into();
    container.set_attribute("part", "root").map_err(js_error)?;
    let theme = options.as_ref().ok().and_then(|o| o.theme.clone());
    container.set_class_name(&match theme {
        Some(theme) => format!("ir ir-theme-{theme}"),
        None => "ir".to_string(),
    });
    target.append_child(&container).map_err(js_error)?;
    let root = container.clone().into();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! { <crate::app::App options=options prefetched=prefetched locales=locales host=host root=root/> }
            .into_any()
    });
    Ok(Mounted {
        handle: Some(handle),
        container: container.into(),
    })
}

fn js_error(value: JsValue) -> JsError {
    JsError::new(&value.as_string().unwrap_or_else(|| format!("{value:?}")))
}
