//! Text a person can read in both themes: hint and secondary ("weak") text
//! and links are darkened or lightened until they stand at least 4.5:1
//! against every background they are drawn on (WCAG AA for body text).

use eframe::egui::{Color32, Visuals};

/// The contrast body and hint text keep against their background.
pub const MIN_CONTRAST: f32 = 4.5;

/// Relative luminance of an sRGB colour, 0 (black) to 1 (white).
fn luminance(colour: Color32) -> f32 {
    let channel = |value: u8| {
        let c = f32::from(value) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// The contrast ratio of two opaque colours, 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// `over` (premultiplied, perhaps see-through) drawn on opaque `under`.
fn over(over: Color32, under: Color32) -> Color32 {
    let keep = 1.0 - f32::from(over.a()) / 255.0;
    let channel = |top: u8, bottom: u8| {
        (f32::from(top) + f32::from(bottom) * keep)
            .round()
            .min(255.0) as u8
    };
    Color32::from_rgb(
        channel(over.r(), under.r()),
        channel(over.g(), under.g()),
        channel(over.b(), under.b()),
    )
}

/// The backgrounds text is drawn on, as they look: the striped rows' faint
/// colour is drawn over the panel.
pub fn backgrounds(visuals: &Visuals) -> [Color32; 4] {
    [
        visuals.panel_fill,
        visuals.window_fill,
        over(visuals.extreme_bg_color, visuals.panel_fill),
        over(visuals.faint_bg_color, visuals.panel_fill),
    ]
}

fn lowest_contrast(colour: Color32, visuals: &Visuals) -> f32 {
    backgrounds(visuals)
        .into_iter()
        .map(|background| contrast(colour, background))
        .fold(f32::INFINITY, f32::min)
}

/// `colour` moved toward `target` step by step until it reads against
/// every background.
fn readable_colour(colour: Color32, target: Color32, visuals: &Visuals) -> Color32 {
    let mut shade = colour;
    for step in 0..=20 {
        if lowest_contrast(shade, visuals) >= MIN_CONTRAST + 0.05 {
            return shade;
        }
        let t = step as f32 / 20.0;
        shade = Color32::from_rgb(
            mix(colour.r(), target.r(), t),
            mix(colour.g(), target.g(), t),
            mix(colour.b(), target.b(), t),
        );
    }
    target
}

fn mix(from: u8, to: u8, t: f32) -> u8 {
    (f32::from(from) + (f32::from(to) - f32::from(from)) * t).round() as u8
}

/// Makes weak text and links readable in `visuals`.
pub fn make_readable(visuals: &mut Visuals) {
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    // Opaque: as drawn over the panel.
    let weak = Color32::from_rgb(weak.r(), weak.g(), weak.b());
    visuals.weak_text_color = Some(readable_colour(weak, text, visuals));
    let toward = if visuals.dark_mode {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    visuals.hyperlink_color = readable_colour(visuals.hyperlink_color, toward, visuals);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_measured_as_wcag_does() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // #767676 on white is the lightest grey that passes AA.
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!(contrast(grey, Color32::WHITE) >= 4.5);
    }
}
