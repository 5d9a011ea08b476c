"""The peer for a workbook import: pandas reading the same sheet with its
calamine engine, fastest of three, in milliseconds. Run by benches/xlsx.rs
when pandas and python-calamine are installed."""
import sys
import time

import pandas as pd

best = None
for _ in range(3):
    started = time.perf_counter()
    frame = pd.read_excel(sys.argv[1], sheet_name=sys.argv[2], engine="calamine")
    elapsed = time.perf_counter() - started
    best = elapsed if best is None else min(best, elapsed)
print(f"{best * 1000:.0f} {frame.shape[0]} {frame.shape[1]}")
