//! The hiring team's contact, under every screen: whom to ask when
//! something is unclear or does not work.

use super::ScreenContext;
use leptos::prelude::*;
use recorder_core::model::Help;
use recorder_core::upload::is_http_url;

/// "Questions or a problem? Contact the hiring team:" with the interview's
/// email address and help page (`help`), each a link.
#[component]
pub fn Contact(screen: ScreenContext, help: Help) -> impl IntoView {
    let t = screen.t.clone();
    let email = help.email.map(|email| {
        let href = format!("mailto:{email}");
        view! { <a part="contact-email" href=href dir="ltr">{email}</a> }
    });
    // The server checks the link; a page from elsewhere gets no `javascript:` in.
    let page = help.url.filter(|url| is_http_url(url)).map(|url| {
        view! { <a part="contact-page" href=url target="_blank" rel="noopener noreferrer">{t.get("contact-page")}</a> }
    });
    let between = (email.is_some() && page.is_some()).then_some(" · ");
    view! {
        <p class="ir-note ir-contact" part="contact">{t.get("contact")}" "{email}{between}{page}</p>
    }
}
