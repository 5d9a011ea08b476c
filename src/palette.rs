//! Colours shared by the HTML report and the desktop app, so a level looks
//! the same everywhere.

/// Levels 0-4 on ColorBrewer's YlGnBu: sequential and colour-blind safe.
pub const LEVEL_RGB: [[u8; 3]; 5] = [
    [0xff, 0xff, 0xcc],
    [0xa1, 0xda, 0xb4],
    [0x41, 0xb6, 0xc4],
    [0x2c, 0x7f, 0xb8],
    [0x25, 0x34, 0x94],
];
/// "Not assessed": a neutral grey, drawn hatched so it never reads as a level.
pub const NOT_ASSESSED_RGB: [u8; 3] = [0xe4, 0xe4, 0xe4];
/// Deficits and interest markers: orange, apart from the blue-green scale.
pub const ALERT_RGB: [u8; 3] = [0xd9, 0x5f, 0x02];
pub const OK_RGB: [u8; 3] = [0x2c, 0x7f, 0xb8];

/// Whether text on a level's colour should be light.
pub fn dark_level(level: u8) -> bool {
    level >= 3
}

pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Lines of a chart, one a series: Okabe and Ito's colour-blind-safe set.
pub const SERIES_RGB: [[u8; 3]; 7] = [
    [0x00, 0x72, 0xb2],
    [0xe6, 0x9f, 0x00],
    [0x00, 0x9e, 0x73],
    [0xcc, 0x79, 0xa7],
    [0x56, 0xb4, 0xe9],
    [0xd5, 0x5e, 0x00],
    [0x00, 0x00, 0x00],
];
