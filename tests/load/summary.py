"""Print the short table of a locust run from its --csv statistics: per page and in total,
the requests per second, p50, p95 and the errors; and, given the CPU samples of
tests.load.cpu, the CPU time per request of gunicorn, PostgreSQL and locust, and the rate
the machine's cores allow at that cost.

    python -m tests.load.summary PREFIX [CPU_BEFORE CPU_AFTER LOCUST_CPU]
        (reads PREFIX_stats.csv and the JSON samples; run by scripts/load.sh)

Errors are the failed requests and the exceptions in the simulated users (such as a login
form without its token). Exits 1 when there was any, so `make load` fails too.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path


def cpu_per_request(requests: int, before: Path, after: Path, locust: Path) -> str:
    start, end = json.loads(before.read_text()), json.loads(after.read_text())
    used = {part: end[part] - start[part] for part in ("gunicorn", "postgresql")}
    used.update(json.loads(locust.read_text()))
    per_request = {part: seconds * 1000 / max(requests, 1) for part, seconds in used.items()}
    total = sum(per_request.values())
    cores = os.cpu_count() or 1
    return (
        "CPU per verzoek: "
        + ", ".join(f"{part} {ms:.1f} ms" for part, ms in per_request.items())
        + f"; samen {total:.1f} ms: {cores} kernen geven hooguit {cores * 1000 / total:.0f}"
        " verzoeken/s"
    )


def main(prefix: str, cpu_samples: list[str] | None = None) -> int:
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
    if cpu_samples and all(Path(sample).exists() for sample in cpu_samples):
        before, after, locust = (Path(sample) for sample in cpu_samples)
        print(cpu_per_request(int(total["Request Count"]), before, after, locust))
    with Path(f"{prefix}_exceptions.csv").open(newline="") as handle:
        exceptions = sum(int(row["Count"]) for row in csv.DictReader(handle))
    if exceptions:
        print(f"uitzonderingen in de gebruikers: {exceptions} (zie de log van locust)")
    return 1 if int(total["Failure Count"]) or exceptions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
