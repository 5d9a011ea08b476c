#!/bin/sh
# Renders assets/icons/skillgrid.svg to the PNG sizes the desktop and the
# packages use (16-512 px), into assets/icons/hicolor/SIZExSIZE/apps/.
# Needs rsvg-convert (Debian: librsvg2-bin).
set -e
cd "$(dirname "$0")/.."
source=assets/icons/skillgrid.svg
for size in 16 24 32 48 64 128 256 512; do
    folder=assets/icons/hicolor/${size}x${size}/apps
    mkdir -p "$folder"
    rsvg-convert -w "$size" -h "$size" "$source" -o "$folder/skillgrid.png"
done
echo "icons written under assets/icons/hicolor"
