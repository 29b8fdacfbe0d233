//! The forms a value in an interview must have: identifiers, language
//! tags, colours, email addresses.

/// The longest email address (RFC 5321's path limit).
const MAX_EMAIL_LEN: usize = 254;

/// Whether `id` is a valid identifier for an interview or a question.
///
/// ```
/// assert!(recorder_core::model::is_valid_id("q-1_a"));
/// assert!(!recorder_core::model::is_valid_id("../etc"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `tag` looks like a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`).
///
/// ```
/// assert!(recorder_core::model::is_language_tag("pt-BR"));
/// assert!(!recorder_core::model::is_language_tag("english please"));
/// ```
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether `color` is written `#rrggbb`.
pub(super) fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `email` is one address: a local part, `@`, a domain with a dot;
/// nothing a `mailto:` link would read as more (spaces, commas, `?`, a second `@`).
///
/// ```
/// assert!(recorder_core::model::is_email("jobs@example.com"));
/// assert!(!recorder_core::model::is_email("a@b.com?cc=c@d.com"));
/// ```
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"@,;:?&<>()[]\"\\".contains(c))
    };
    email.len() <= MAX_EMAIL_LEN
        && plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_a_mail_program_opens() {
        for good in [
            "jobs@example.com",
            "a.b+tag@mail.example.co.uk",
            "élise@exemple.fr",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "jobs",
            "jobs@",
            "@example.com",
            "jobs@example",
            "jobs@example.com.",
            "a@b@example.com",
            "jobs @example.com",
            "jobs@example.com?cc=x@y.z",
            "a,b@example.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("{}@example.com", "a".repeat(250))));
    }
}
