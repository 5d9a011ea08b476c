//! Names as Skillgrid compares them, and ids made from names.

/// The form in which names, aliases and headers are compared: lowercase,
/// `&` read as "and", every run of other punctuation or space as one space.
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch == '&' {
            push_word(&mut out, "and", &mut pending_space);
            pending_space = true;
        } else if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_word(out: &mut String, word: &str, pending_space: &mut bool) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = false;
}

/// A lowercase ASCII id from a display name: `"CI/CD & DevOps"` becomes
/// `"ci-cd-and-devops"`. Non-ASCII letters are kept out so ids stay safe in
/// file names and URLs; a name with none gets `fallback`.
pub fn slugify(text: &str, fallback: &str) -> String {
    let slug = normalize_label(text)
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect::<String>();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}
