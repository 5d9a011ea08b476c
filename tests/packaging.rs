//! What the packages install, checked against what the program is: the
//! window's icon, the desktop entry, the MIME type's magic against the id
//! the workspace writes, the package's files, and the man pages and
//! completions made from the command line's definitions.

use skillgrid::io::APPLICATION_ID;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn the_window_icon_loads_as_the_rendered_svg() {
    let icon = skillgrid::ui::window_icon();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // The middle of the top edge is the badge's blue, opaque.
    let at = |x: usize, y: usize| &icon.rgba[(y * 256 + x) * 4..(y * 256 + x) * 4 + 4];
    assert_eq!(at(128, 12), [0x25, 0x34, 0x94, 0xff]);
    // The corner is outside the rounded badge: transparent.
    assert_eq!(at(1, 1)[3], 0);
}

#[test]
fn the_desktop_entry_opens_workspaces_and_rosters() {
    let entry = read("packaging/skillgrid.desktop");
    let value = |key: &str| {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
            .to_string()
    };
    assert_eq!(value("Exec"), "skillgrid %F");
    assert_eq!(value("Icon"), "skillgrid");
    assert_eq!(value("Categories"), "Office;ProjectManagement;");
    let types = value("MimeType");
    for wanted in [
        "application/x-skillgrid",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ] {
        assert!(
            types.split(';').any(|kind| kind == wanted),
            "{wanted} in {types}"
        );
    }
}

#[test]
fn the_mime_type_knows_a_workspace_by_the_id_saves_write() {
    let mime = read("packaging/skillgrid-mime.xml");
    assert!(mime.contains("type=\"application/x-skillgrid\""));
    assert!(mime.contains("pattern=\"*.skillgrid\""));
    let magic = format!("value=\"{APPLICATION_ID:#010X}\"").replace("0X", "0x");
    assert!(mime.contains(&magic), "{magic} in the MIME magic");
    assert!(
        mime.contains("offset=\"68\""),
        "SQLite keeps the id at byte 68"
    );

    // And a saved workspace has it there.
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.skillgrid");
    skillgrid::io::write_database(&path, &skillgrid::model::Workspace::default()).expect("saved");
    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(
        u32::from_be_bytes([bytes[68], bytes[69], bytes[70], bytes[71]]),
        APPLICATION_ID as u32
    );
}

#[test]
fn every_file_the_package_installs_from_the_repository_is_there() {
    let manifest = read("Cargo.toml");
    let assets: Vec<&str> = manifest
        .lines()
        .skip_while(|line| !line.starts_with("[package.metadata.deb]"))
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .filter_map(|line| line.split('"').next())
        .collect();
    assert!(assets.len() >= 15, "{assets:?}");
    for source in assets
        .iter()
        .filter(|source| !source.starts_with("target/"))
    {
        assert!(
            std::path::Path::new(source).is_file(),
            "{source} is missing"
        );
    }
    // Every size the icon script makes is installed.
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let png = format!("assets/icons/hicolor/{size}x{size}/apps/skillgrid.png");
        assert!(assets.contains(&png.as_str()), "{png} is not installed");
    }
}

#[test]
fn man_pages_and_completions_come_from_the_command_line() {
    let folder = tempfile::tempdir().expect("folder");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_skillgrid-dist"))
        .arg(folder.path())
        .status()
        .expect("runs");
    assert!(status.success());
    let page = std::fs::read_to_string(folder.path().join("man/skillgrid.1")).expect("page");
    assert!(page.contains(".TH skillgrid 1"), "a section 1 page");
    assert!(
        page.contains("import\\-framework"),
        "the subcommands are listed"
    );
    let validate =
        std::fs::read_to_string(folder.path().join("man/skillgrid-validate.1")).expect("page");
    assert!(validate.contains("explain"), "each subcommand's options");
    for (file, word) in [
        ("completions/skillgrid.bash", "import-framework"),
        ("completions/_skillgrid", "--ignore-column"),
        ("completions/skillgrid.fish", "staff"),
    ] {
        let text = std::fs::read_to_string(folder.path().join(file)).expect(file);
        assert!(text.contains(word), "{file} offers {word}");
    }
}
