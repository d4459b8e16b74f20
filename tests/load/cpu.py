"""CPU time of the load test's parts, so that its rate can be read against what two cores give.

    python -m tests.load.cpu sample GUNICORN_PID OUT.json     (before and after the run)
    python -m tests.load.cpu run OUT.json -- COMMAND...        (locust, its CPU time measured)

Run by scripts/load.sh. `sample` adds up the CPU time (user + system, from /proc) of gunicorn's
master and workers and of every PostgreSQL server process; `run` runs a command and records
the CPU time it and its children used. tests.load.summary divides the differences by the
number of requests: a machine with N cores answers at most N seconds of CPU per second.
Linux only (/proc), like the machines the load test runs on; elsewhere the figures are left out.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")  # /proc counts CPU time in these


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(command name, parent pid, CPU ticks) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    # After the name: state, ppid, …; utime and stime are fields 14 and 15 of the whole line.
    return name, int(fields[1]), int(fields[11]) + int(fields[12])


def sample(gunicorn_pid: int) -> dict[str, float]:
    processes = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            processes[int(entry.name)] = stat
    gunicorn = {gunicorn_pid}
    for pid, (_name, parent, _ticks) in processes.items():
        if parent == gunicorn_pid:
            gunicorn.add(pid)
    return {
        "gunicorn": sum(processes[pid][2] for pid in gunicorn if pid in processes) / TICKS,
        "postgresql": sum(t for name, _p, t in processes.values() if name == "postgres") / TICKS,
    }


def run(out: Path, command: list[str]) -> int:
    status = subprocess.call(command)  # noqa: S603  # nosec B603 (the load script's own command)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    out.write_text(json.dumps({"locust": used.ru_utime + used.ru_stime}))
    return status


def main(argv: list[str]) -> int:
    if not Path("/proc/self/stat").exists():
        if argv[0] == "run":
            return subprocess.call(argv[argv.index("--") + 1 :])  # noqa: S603  # nosec B603
        return 0
    if argv[0] == "sample":
        Path(argv[2]).write_text(json.dumps(sample(int(argv[1]))))
        return 0
    return run(Path(argv[1]), argv[argv.index("--") + 1 :])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
