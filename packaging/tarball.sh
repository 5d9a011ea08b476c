#!/bin/sh
# Packs the release build as a tarball for distributions without dpkg:
# the binary, the desktop entry, the icons, the MIME type, the man pages
# and the completions, laid out as under a prefix, with install.sh.
# Run after `cargo build --release` and
# `cargo run --release --bin skillgrid-dist -- target/dist`.
set -e
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name=skillgrid-$version-$(uname -m)-linux
stage=target/dist/$name
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/share/applications" "$stage/share/mime/packages" \
    "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
    "$stage/share/zsh/vendor-completions" "$stage/share/fish/vendor_completions.d" \
    "$stage/share/icons/hicolor/scalable/apps"
install -m 755 target/release/skillgrid "$stage/bin/"
strip "$stage/bin/skillgrid" 2>/dev/null || true
install -m 644 packaging/skillgrid.desktop "$stage/share/applications/"
install -m 644 packaging/skillgrid-mime.xml "$stage/share/mime/packages/skillgrid.xml"
install -m 644 assets/icons/skillgrid.svg "$stage/share/icons/hicolor/scalable/apps/"
for png in assets/icons/hicolor/*/apps/skillgrid.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    mkdir -p "$stage/share/icons/hicolor/$size/apps"
    install -m 644 "$png" "$stage/share/icons/hicolor/$size/apps/"
done
for page in target/dist/man/*.1; do
    gzip -9n -c "$page" > "$stage/share/man/man1/$(basename "$page").gz"
done
install -m 644 target/dist/completions/skillgrid.bash "$stage/share/bash-completion/completions/skillgrid"
install -m 644 target/dist/completions/_skillgrid "$stage/share/zsh/vendor-completions/"
install -m 644 target/dist/completions/skillgrid.fish "$stage/share/fish/vendor_completions.d/"
install -m 644 README.md "$stage/"
cat > "$stage/install.sh" <<'INSTALL'
#!/bin/sh
# Installs Skillgrid under PREFIX (default ~/.local; /usr/local as root)
# and tells the desktop about its entry, icon and file type.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then prefix=${1:-/usr/local}; else prefix=${1:-$HOME/.local}; fi
mkdir -p "$prefix"
cp -R "$here/bin" "$here/share" "$prefix/"
command -v update-mime-database >/dev/null && update-mime-database "$prefix/share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Skillgrid installed under $prefix (run: $prefix/bin/skillgrid)"
INSTALL
chmod 755 "$stage/install.sh"
tar -C target/dist -czf "target/dist/$name.tar.gz" "$name"
echo "target/dist/$name.tar.gz"
