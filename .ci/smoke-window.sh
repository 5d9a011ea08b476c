#!/usr/bin/env bash
# Starts the release binary in a real X window (Xvfb, Mesa's software
# OpenGL), takes a screenshot after the first frames, and fails if the window
# did not render. The PNG stays in target/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=target/release/skillgrid
shot=target/smoke-window.png
display=:97
log=target/smoke-window.log

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" "$binary" >"$log" 2>&1 &
app=$!
sleep 8
if ! kill -0 "$app" 2>/dev/null; then
  echo "smoke: the window exited early:"; cat "$log"; exit 1
fi
DISPLAY="$display" import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
echo "smoke: screenshot $shot has $colours colours"
if [ "$colours" -lt 64 ]; then
  echo "smoke: the window looks blank (fewer than 64 colours)"; cat "$log"; exit 1
fi
