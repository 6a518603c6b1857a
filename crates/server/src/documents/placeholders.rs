//! `{{name}}` placeholders in a company's texts: e-mail templates (`documents::email`) and
//! recurring invoices' notes and line descriptions (`documents::recurring`). A name must be
//! one the text's kind knows; white space inside the braces is ignored.

/// Why a text cannot be filled in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("'{{{{' at character {0} is not closed with '}}}}'")]
    Unclosed(usize),
    #[error("unknown variable {{{{{0}}}}}; known: {1}")]
    Unknown(String, String),
}

/// Fills `{{name}}` placeholders in `text` from `value`; an unclosed placeholder or a name
/// `value` does not know is an error that lists `known`'s names.
pub fn render(
    text: &str,
    known: &[(&str, &str)],
    value: impl Fn(&str) -> Option<String>,
) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| TemplateError::Unclosed(text[..offset + start].chars().count() + 1))?;
        let name = after[..end].trim();
        let filled = value(name).ok_or_else(|| {
            let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
            TemplateError::Unknown(name.to_owned(), names.join(", "))
        })?;
        out.push_str(&filled);
        let consumed = start + 2 + end + 2;
        offset += consumed;
        rest = &rest[consumed..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Checks `text` against `known` (every value empty).
pub fn check(text: &str, known: &[(&str, &str)]) -> Result<(), TemplateError> {
    let blank = |name: &str| known.iter().any(|(n, _)| *n == name).then(String::new);
    render(text, known, blank).map(drop)
}
