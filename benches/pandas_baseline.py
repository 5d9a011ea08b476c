"""What a user does instead of Skillgrid: read the roster with pandas, count
who is at level 3+ per skill, and group by team. The baseline for
benches/report_end_to_end.rs."""
import sys

import pandas as pd

KNOWN = ["Name", "Email", "Role", "Team", "Manager", "FTE", "Location", "Years"]

frame = pd.read_csv(sys.argv[1])
skills = [column for column in frame.columns if column not in KNOWN]
levels = frame[skills].apply(lambda column: pd.to_numeric(column.astype(str).str.rstrip("+"), errors="coerce"))
at_three = (levels >= 3).sum()
by_team = (levels >= 3).groupby(frame["Team"]).sum()
print(len(at_three), by_team.shape)
