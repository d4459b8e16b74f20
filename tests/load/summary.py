"""Print the short table of a locust run from its --csv statistics: per page and in total,
the requests per second, p50, p95 and the errors.

    python -m tests.load.summary PREFIX      (reads PREFIX_stats.csv; run by scripts/load.sh)

Errors are the failed requests and the exceptions in the simulated users (such as a login
form without its token). Exits 1 when there was any, so `make load` fails too.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main(prefix: str) -> int:
    with Path(f"{prefix}_stats.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(f"{'':<28} {'verzoeken':>9} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'fouten':>6}")
    for row in rows:
        label = "totaal" if row["Name"] == "Aggregated" else row["Name"]
        if label == "totaal":
            print("-" * 69)
        print(
            f"{label:<28} {row['Request Count']:>9} {float(row['Requests/s']):>7.1f} "
            f"{row['50%']:>7} {row['95%']:>7} {row['Failure Count']:>6}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    with Path(f"{prefix}_exceptions.csv").open(newline="") as handle:
        exceptions = sum(int(row["Count"]) for row in csv.DictReader(handle))
    if exceptions:
        print(f"uitzonderingen in de gebruikers: {exceptions} (zie de log van locust)")
    return 1 if int(total["Failure Count"]) or exceptions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
