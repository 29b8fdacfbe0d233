//! The page an invite link opens: the recorder in the interview's language
//! unless the link asks for another.

mod support;

use recorder_core::model::Interview;
use support::start_with;

async fn lang_attribute(server: &support::TestServer, path: &str) -> Option<String> {
    let page = server.page(path).await;
    let element = page
        .split("<interview-recorder ")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the page embeds the recorder")
        .to_string();
    element
        .split(" lang=\"")
        .nth(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_string())
}

#[tokio::test]
async fn the_recorder_speaks_the_interviews_language_unless_the_link_says_otherwise() {
    let mut interview = Interview::sample();
    interview.presentation.locale = Some("es".into());
    let server = start_with(interview).await;
    let token = server.invite().await;
    let page = format!("/i/{token}");
    assert_eq!(lang_attribute(&server, &page).await.as_deref(), Some("es"));
    let asked = format!("{page}?lang=ar");
    assert_eq!(lang_attribute(&server, &asked).await.as_deref(), Some("ar"));
    let bad = format!("{page}?lang=%22%3E%3Cscript%3E");
    assert_eq!(lang_attribute(&server, &bad).await.as_deref(), Some("es"));
}

#[tokio::test]
async fn without_a_locale_the_browser_decides() {
    let mut interview = Interview::sample();
    interview.presentation.locale = None;
    let server = start_with(interview).await;
    let token = server.invite().await;
    assert_eq!(lang_attribute(&server, &format!("/i/{token}")).await, None);
    let unknown = "x".repeat(40);
    assert_eq!(
        lang_attribute(&server, &format!("/i/{unknown}")).await,
        None
    );
}

/// The session the page puts in the element: `None` if there is none.
async fn embedded_session(server: &support::TestServer, path: &str) -> Option<serde_json::Value> {
    let page = server.page(path).await;
    let json = page
        .split("<script type=\"application/json\" data-session>")
        .nth(1)?
        .split("</script>")
        .next()?;
    Some(serde_json::from_str(json).expect("the embedded session is JSON"))
}

#[tokio::test]
async fn the_page_carries_the_candidates_session_as_the_api_gives_it() {
    let mut interview = Interview::sample();
    interview.title = "Support </script><script>alert(1)</script>".into();
    let server = start_with(interview).await;
    let token = server.candidate(&["q1"]).await;
    let page = server.page(&format!("/i/{token}")).await;
    assert!(
        !page.contains("</script><script>alert(1)"),
        "a title cannot end the session's script element"
    );
    let embedded = embedded_session(&server, &format!("/i/{token}"))
        .await
        .expect("the page embeds the session");
    let api: serde_json::Value = server.session(&token).await;
    assert_eq!(embedded, api);
    assert_eq!(embedded["questions"][0]["revealed"], true);
    let unknown = "x".repeat(40);
    assert_eq!(
        embedded_session(&server, &format!("/i/{unknown}")).await,
        None
    );
}
