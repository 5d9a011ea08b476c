#!/bin/sh
# Rebuilds sample-teams/product-org-history.skillgrid from the rounds here:
# three quarterly reviews of 2026 and one 2025 review no round repeated.
set -e
cd "$(dirname "$0")"
out=../product-org-history.skillgrid
skillgrid=${SKILLGRID:-cargo run --quiet --release --}
rm -f "$out"
$skillgrid import product-org-2026-q1.csv --into "$out" --as-of 2026-03-31
$skillgrid import product-org-2025-review.csv --into "$out" --as-of 2025-10-15
$skillgrid import product-org-2026-q2.csv --into "$out" --as-of 2026-06-30
$skillgrid import product-org-2026-q3.csv --into "$out" --as-of 2026-09-30
