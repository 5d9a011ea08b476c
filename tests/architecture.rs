//! The house's rules, read from the source: the top-level modules form
//! layers that only reach down, no file reaches a file that reaches back
//! (a folder's `mod.rs` included: it is a table of contents, or what its
//! files share, never both), and `src/io` keeps a short top level. A move
//! that breaks one names the files involved; `ARCH_DEBUG=1` prints every
//! file's uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules, lowest first: each may use only the layers
/// before its own.
const LAYERS: &[&[&str]] = &[
    &["words", "palette"],
    &["model"],
    &["catalog"],
    &["analysis", "synthetic"],
    &["io"],
    &["report"],
    &["app"],
    &["ui", "cli"],
];

/// One source file as a module: its path from the crate root, the child
/// modules it declares, the names it re-exports and what it refers to.
struct Source {
    module: Vec<String>,
    children: BTreeSet<String>,
    /// A re-exported name and the path it stands for (`None`: outside the
    /// crate, as `jiff::civil::Date`).
    reexports: BTreeMap<String, Option<Vec<String>>>,
    /// Paths used, absolute from the crate root.
    references: Vec<Vec<String>>,
}

fn rust_files(directory: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(directory).expect("the source tree reads as Rust") {
        let path = entry.expect("the source tree reads as Rust").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

fn module_of(source_root: &Path, file: &Path) -> Vec<String> {
    let relative = file
        .strip_prefix(source_root)
        .expect("the source tree reads as Rust");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("the source tree reads as Rust");
    match last.as_str() {
        "mod.rs" | "lib.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_string()),
    }
    parts
}

/// The code without comments and without the unit tests at the end of the
/// file (a test may reach anywhere).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod ") && next.contains('{'))
        {
            break;
        }
        let without_comment = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        code.push_str(without_comment);
        code.push('\n');
    }
    code
}

fn is_ident(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '_'
}

/// Expands a `use` tree (`a::{b, c::d}`) into its paths; `self` inside
/// braces stands for the prefix.
fn expand_use(tree: &str, prefix: &[String], out: &mut Vec<(Vec<String>, Option<String>)>) {
    let tree = tree.trim();
    if tree.is_empty() {
        return;
    }
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(String::from)
            .collect();
        let mut base = prefix.to_vec();
        base.extend(head);
        let inner = &tree[open + 1..tree.rfind('}').expect("the source tree reads as Rust")];
        let mut depth = 0;
        let mut start = 0;
        for (at, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use(&inner[start..at], &base, out);
                    start = at + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &base, out);
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((path, alias)) => (path.trim(), Some(alias.trim().to_string())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    for part in path.split("::").map(str::trim) {
        if part == "self" && !full.is_empty() {
            continue;
        }
        full.push(part.to_string());
    }
    out.push((full, alias));
}

/// A path as written, made absolute from `module` (the file's module), or
/// `None` when it names something outside the crate.
fn absolute(
    path: &[String],
    module: &[String],
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut resolved = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.to_vec(),
        "super" => {
            let mut parent = module.to_vec();
            let mut rest = path;
            while rest.first().is_some_and(|part| part == "super") {
                parent.pop();
                rest = &rest[1..];
            }
            parent.extend(rest.iter().cloned());
            return Some(parent);
        }
        child if children.contains(child) => {
            let mut inside = module.to_vec();
            inside.push(child.to_string());
            inside
        }
        _ => return None,
    };
    resolved.extend(path[1..].iter().cloned());
    Some(resolved)
}

fn read_source(source_root: &Path, file: &Path) -> Source {
    let module = module_of(source_root, file);
    let code = code_of(&std::fs::read_to_string(file).expect("the source tree reads as Rust"));
    let mut children = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim();
        let declaration = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("pub(crate) mod "))
            .or_else(|| line.strip_prefix("mod "));
        if let Some(name) = declaration.and_then(|rest| rest.strip_suffix(';')) {
            children.insert(name.trim().to_string());
        }
    }
    let mut reexports = BTreeMap::new();
    // Every name a `use` brings in, and the path it stands for.
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut references = Vec::new();
    // `use` statements, grouped ones included.
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let statement_start = at + 4;
        let Some(end) = rest[statement_start..].find(';') else {
            break;
        };
        let tree = &rest[statement_start..statement_start + end];
        let public =
            rest[..at].trim_end().ends_with("pub") || rest[..at].trim_end().ends_with("pub(crate)");
        if before.is_none_or(|ch| !is_ident(ch)) && !tree.contains('"') {
            let mut paths = Vec::new();
            expand_use(tree, &[], &mut paths);
            for (path, alias) in paths {
                let full = absolute(&path, &module, &children);
                let name = alias
                    .or_else(|| path.last().cloned())
                    .expect("a use names something");
                if name != "*" {
                    if public {
                        reexports.insert(name.clone(), full.clone());
                    }
                    if let Some(full) = &full {
                        aliases.insert(name, full.clone());
                    }
                }
                references.extend(full);
            }
        }
        rest = &rest[statement_start + end..];
    }
    // Paths written inline: `crate::io::read_file(..)`, `super::x`,
    // `child::item`.
    let characters: Vec<char> = code.chars().collect();
    let mut index = 0;
    while index < characters.len() {
        let starts_word =
            index == 0 || !(is_ident(characters[index - 1]) || characters[index - 1] == ':');
        if starts_word && is_ident(characters[index]) {
            let mut parts = Vec::new();
            let mut at = index;
            loop {
                let word_start = at;
                while at < characters.len() && is_ident(characters[at]) {
                    at += 1;
                }
                parts.push(characters[word_start..at].iter().collect::<String>());
                if characters.get(at) == Some(&':')
                    && characters.get(at + 1) == Some(&':')
                    && characters.get(at + 2).is_some_and(|ch| is_ident(*ch))
                {
                    at += 2;
                } else {
                    break;
                }
            }
            if parts.len() > 1 {
                let full = absolute(&parts, &module, &children).or_else(|| {
                    // A name a `use` brought in: `marks::rgb` after `use super::marks`.
                    aliases.get(&parts[0]).map(|path| {
                        let mut full = path.clone();
                        full.extend(parts[1..].iter().cloned());
                        full
                    })
                });
                references.extend(full);
            }
            index = at.max(index + 1);
        } else {
            index += 1;
        }
    }
    Source {
        module,
        children,
        reexports,
        references,
    }
}

/// The crate's files by module path.
fn crate_sources() -> BTreeMap<Vec<String>, Source> {
    let source_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source_root, &mut files);
    files
        .iter()
        // The binaries are crates of their own, over the library.
        .filter(|file| !file.ends_with("main.rs") && !file.starts_with(source_root.join("bin")))
        .map(|file| read_source(&source_root, file))
        .map(|source| (source.module.clone(), source))
        .collect()
}

/// The file a path lands in: the deepest module it names, following
/// re-exports to where the item is defined.
fn file_of(path: &[String], sources: &BTreeMap<Vec<String>, Source>, depth: usize) -> Vec<String> {
    let mut module: Vec<String> = Vec::new();
    for (index, part) in path.iter().enumerate() {
        let Some(source) = sources.get(&module) else {
            break;
        };
        if source.children.contains(part)
            && sources.contains_key(&[module.clone(), vec![part.clone()]].concat())
        {
            module.push(part.clone());
            continue;
        }
        if let Some(target) = source.reexports.get(part) {
            let Some(target) = target else {
                // Re-exported from outside the crate: no file here.
                return Vec::new();
            };
            if depth >= 16 || target.as_slice() == &path[..=index] {
                break;
            }
            let mut followed = target.clone();
            followed.extend(path[index + 1..].iter().cloned());
            return file_of(&followed, sources, depth + 1);
        }
        break;
    }
    module
}

fn file_edges(
    sources: &BTreeMap<Vec<String>, Source>,
) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, source) in sources {
        let targets = edges.entry(module.clone()).or_default();
        for reference in &source.references {
            let target = file_of(reference, sources, 0);
            // A module named whole (`use crate::analysis;`, the head of a
            // grouped use) is not a use of its file: what is used through
            // it is counted where it is named.
            if &target == reference {
                continue;
            }
            if std::env::var("ARCH_DEBUG").is_ok() && &target != module && !target.is_empty() {
                eprintln!(
                    "EDGE {} -> {} via {}",
                    name(module),
                    name(&target),
                    reference.join("::")
                );
            }
            if &target != module && !target.is_empty() {
                targets.insert(target);
            }
        }
    }
    edges
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

fn reaches(
    from: &[String],
    to: &[String],
    edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
) -> Option<Vec<Vec<String>>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![vec![from.to_vec()]];
    while let Some(trail) = stack.pop() {
        let last = trail.last().expect("the source tree reads as Rust");
        if last == to {
            return Some(trail);
        }
        if !seen.insert(last.clone()) {
            continue;
        }
        for next in edges.get(last).into_iter().flatten() {
            let mut longer = trail.clone();
            longer.push(next.clone());
            stack.push(longer);
        }
    }
    None
}

#[test]
fn no_file_reaches_a_file_that_reaches_back() {
    let sources = crate_sources();
    let edges = file_edges(&sources);
    let mut cycles = BTreeSet::new();
    for (from, targets) in &edges {
        for to in targets {
            if let Some(trail) = reaches(to, from, &edges) {
                let mut members: Vec<String> = trail.iter().map(|module| name(module)).collect();
                members.sort();
                members.dedup();
                cycles.insert(members.join(" <-> "));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "file cycles:\n{}",
        cycles.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn top_level_modules_only_reach_down() {
    let sources = crate_sources();
    let layer_of = |module: &str| LAYERS.iter().position(|layer| layer.contains(&module));
    let mut wrong = BTreeSet::new();
    for (from, targets) in file_edges(&sources) {
        let Some(from_top) = from.first() else {
            continue;
        };
        let from_layer = layer_of(from_top).unwrap_or_else(|| panic!("{from_top} is in no layer"));
        for to in targets {
            let to_top = &to[0];
            if to_top == from_top {
                continue;
            }
            let to_layer = layer_of(to_top).unwrap_or_else(|| panic!("{to_top} is in no layer"));
            if to_layer >= from_layer {
                wrong.insert(format!("{} uses {}", name(&from), name(&to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "reaching up or sideways:\n{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn io_keeps_a_short_top_level() {
    let io = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/io");
    let files: Vec<String> = std::fs::read_dir(&io)
        .expect("the source tree reads as Rust")
        .map(|entry| entry.expect("the source tree reads as Rust").path())
        .filter(|path| path.is_file())
        .map(|path| {
            path.file_name()
                .expect("the source tree reads as Rust")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        files.len() <= 10,
        "src/io has {} files at its top: {files:?}",
        files.len()
    );
}

#[test]
fn below_the_window_nothing_knows_egui() {
    let sources = crate_sources();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let knowing: Vec<String> = files
        .iter()
        .filter(|file| {
            let module = module_of(&root, file);
            module
                .first()
                .is_some_and(|top| !["app", "ui"].contains(&top.as_str()))
        })
        .filter(|file| {
            let code =
                code_of(&std::fs::read_to_string(file).expect("the source tree reads as Rust"));
            code.contains("egui::") || code.contains("eframe::")
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(!sources.is_empty());
    assert!(knowing.is_empty(), "egui below the window: {knowing:?}");
}

#[test]
fn the_reader_sees_a_known_cycle() {
    // The test's own reader must catch a cycle it is shown.
    let sources: BTreeMap<Vec<String>, Source> = [
        (vec![], "mod a;\nmod b;\n"),
        (
            vec!["a".to_string()],
            "use crate::b::{self, Thing};\npub fn f() {}\n",
        ),
        (
            vec!["b".to_string()],
            "pub struct Thing;\nfn g() { super::a::f(); }\n",
        ),
    ]
    .into_iter()
    .map(|(module, text)| {
        let directory = std::env::temp_dir().join(format!("architecture-{}", std::process::id()));
        let file = directory.join(if module.is_empty() {
            "lib.rs".to_string()
        } else {
            format!("{}.rs", module[0])
        });
        std::fs::create_dir_all(&directory).expect("the source tree reads as Rust");
        std::fs::write(&file, text).expect("the source tree reads as Rust");
        let source = read_source(&directory, &file);
        (module, source)
    })
    .collect();
    let edges = file_edges(&sources);
    let a = vec!["a".to_string()];
    let b = vec!["b".to_string()];
    assert!(edges[&a].contains(&b));
    assert!(edges[&b].contains(&a));
}
