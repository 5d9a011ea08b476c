//! Words for numbers: counts with their nouns, grouped thousands, money
//! and month names. Every view, report and command phrases numbers
//! through here, so a count reads the same everywhere.

/// `1 project`, `3 projects`.
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", plural(count, one, many))
}

/// The word that goes with `count`: `one` for exactly one, else `many`.
pub fn plural<'w>(count: usize, one: &'w str, many: &'w str) -> &'w str {
    if count == 1 { one } else { many }
}

/// `140000` -> `140,000`, rounded to the whole.
pub fn thousands(value: f64) -> String {
    let whole = value.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if whole < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A yearly amount, in the workspace's currency: `167,500`.
pub fn money(value: f64) -> String {
    thousands(value)
}

/// The month's short name, from 1 (January): `Sep`.
pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(usize::try_from(month - 1).unwrap_or(usize::MAX))
        .copied()
        .unwrap_or("?")
}

/// `Ana`, `Ana and Ben`, `Ana, Ben and Cy`.
pub fn join_and(names: &[impl AsRef<str>]) -> String {
    match names {
        [] => String::new(),
        [only] => only.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_right_noun() {
        assert_eq!(count_of(0, "person", "people"), "0 people");
        assert_eq!(count_of(1, "person", "people"), "1 person");
        assert_eq!(count_of(12, "project", "projects"), "12 projects");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(140000.0), "140,000");
        assert_eq!(thousands(999.4), "999");
        assert_eq!(thousands(-1234567.0), "-1,234,567");
        assert_eq!(money(167500.0), "167,500");
    }

    #[test]
    fn months_read_as_people_write_them() {
        assert_eq!(month_name(1), "Jan");
        assert_eq!(month_name(12), "Dec");
        assert_eq!(month_name(13), "?");
    }
}
