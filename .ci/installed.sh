#!/usr/bin/env bash
# Checks Skillgrid as the Debian package installed it: the binary on the
# PATH, the man page, the desktop entry, the MIME type (by extension and by
# the SQLite application id), and the window opened on a .skillgrid file
# the way a file manager opens it, through the desktop entry. The
# screenshot stays in target/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
out=target/installed
rm -rf "$out"
mkdir -p "$out"

echo "installed: $(command -v skillgrid): $(skillgrid --version)"

# Debian's minimal images may drop /usr/share/man; the page is then read
# from the package itself.
if [ -f /usr/share/man/man1/skillgrid.1.gz ]; then
  MANPAGER=cat MANWIDTH=80 man skillgrid | head -6
else
  echo "installed: /usr/share/man is excluded here; reading the page from the package"
  dpkg-deb -x target/debian/skillgrid_*.deb "$out/deb"
  MANPAGER=cat MANWIDTH=80 man -l "$out/deb/usr/share/man/man1/skillgrid.1.gz" | head -6
fi

desktop-file-validate /usr/share/applications/skillgrid.desktop
echo "installed: desktop entry valid"

# A workspace saved by the installed binary, and the same bytes with no
# extension: the first is known by its name, the second by its magic.
skillgrid convert sample-teams/product-org.csv "$out/team.skillgrid" >/dev/null
cp "$out/team.skillgrid" "$out/team-no-extension"
$sudo update-mime-database /usr/share/mime
for file in "$out/team.skillgrid" "$out/team-no-extension"; do
  type=$(gio info -a standard::content-type "$file" | sed -n 's/.*standard::content-type: //p')
  echo "installed: $file is $type"
  if [ "$type" != "application/x-skillgrid" ]; then
    echo "installed: expected application/x-skillgrid"; exit 1
  fi
done

# Open it as a file manager does: through the desktop entry.
display=:98
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'pkill -f "^skillgrid .*team.skillgrid" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" gio launch /usr/share/applications/skillgrid.desktop "$(realpath "$out/team.skillgrid")"
sleep 8
if ! pgrep -f "skillgrid .*team.skillgrid" >/dev/null; then
  echo "installed: the window is not running"; exit 1
fi
DISPLAY="$display" xwininfo -root -tree | grep -q '"team.skillgrid - Skillgrid"' || {
  echo "installed: no window titled \"team.skillgrid - Skillgrid\""; DISPLAY="$display" xwininfo -root -tree | head -20; exit 1
}
shot="$out/window.png"
DISPLAY="$display" import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
echo "installed: window titled \"team.skillgrid - Skillgrid\", screenshot $shot has $colours colours"
if [ "$colours" -lt 64 ]; then
  echo "installed: the window looks blank"; exit 1
fi
