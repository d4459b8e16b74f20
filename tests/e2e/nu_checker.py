"""The W3C Nu HTML Checker (vnu.jar, pinned in tests/tools/package.json) over many documents.

The checker is a Java program and its JVM takes seconds to start, so documents are collected
and checked in one run. A missing Java or jar is an error, never a skip: a CI machine without
them would otherwise pass on pages nobody checked.
"""

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_JAR = "npm ci --ignore-scripts --prefix tests/tools (scripts/test.sh does this)"


class CheckerMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Document:
    url: str
    html: str
    source: str = ""  # the test that received it


@dataclass(frozen=True)
class Problem:
    document: Document
    line: int | None
    message: str
    extract: str


def java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin/java").is_file():
        return str(Path(home) / "bin/java")
    found = shutil.which("java")
    if not found:
        raise CheckerMissing(
            "java is missing: the Nu HTML Checker needs Java 17 or newer "
            "(apt-get install default-jre-headless; scripts/system-packages.sh does this)"
        )
    return found


def command() -> list[str]:
    """The checker's command line; raises CheckerMissing when it cannot run here."""
    if not VNU_JAR.is_file():
        raise CheckerMissing(f"{VNU_JAR.relative_to(ROOT)} is missing: {INSTALL_JAR}")
    return [java(), "-jar", str(VNU_JAR)]


def check(documents: Iterable[Document]) -> list[Problem]:
    """Every error the checker finds in the documents, in their order."""
    documents = list(documents)
    if not documents:
        return []
    cmd = command()
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        paths = [Path(folder) / f"{n:04d}.html" for n in range(len(documents))]
        for path, document in zip(paths, documents, strict=True):
            path.write_text(document.html, encoding="utf-8")
        by_uri = {path.resolve().as_uri(): d for path, d in zip(paths, documents, strict=True)}
        result = subprocess.run(  # noqa: S603 (the pinned jar on files written here)
            [
                *cmd,
                "--errors-only",
                "--no-langdetect",
                "--exit-zero-always",
                "--format",
                "json",
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"the Nu HTML Checker failed ({result.returncode}):\n{result.stderr}")
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"unreadable Nu HTML Checker output:\n{result.stderr}") from error
    problems = []
    for message in messages:
        # A non-document-error (the checker could not read a file) fails the check as well.
        document = by_uri.get(_as_uri(message.get("url", ""))) or Document(
            url=message.get("url") or "(no document)", html=""
        )
        problems.append(
            Problem(
                document=document,
                line=message.get("lastLine"),
                message=message.get("message", json.dumps(message)),
                extract=(message.get("extract") or "").strip(),
            )
        )
    return problems


def _as_uri(url: str) -> str:
    """The checker writes file:/tmp/…; Path.as_uri() gives file:///tmp/…."""
    if url.startswith("file:") and not url.startswith("file://"):
        return "file://" + url[len("file:") :]
    return url


def report(problems: list[Problem]) -> str:
    """A readable list of the errors per URL; identical errors on one URL are counted once."""
    if not problems:
        return ""
    by_url: dict[str, dict[str, tuple[Problem, int]]] = {}
    sources: dict[str, set[str]] = {}
    for problem in problems:
        url = problem.document.url
        seen = by_url.setdefault(url, {})
        key = problem.message
        first, count = seen.get(key, (problem, 0))
        seen[key] = (first, count + 1)
        if problem.document.source:
            sources.setdefault(url, set()).add(problem.document.source)
    pages = len({p.document for p in problems})
    lines = [f"The Nu HTML Checker found {len(problems)} error(s) in {pages} page(s):"]
    for url, seen in by_url.items():
        lines.append("")
        lines.append(url)
        for source in sorted(sources.get(url, ())):
            lines.append(f"  (visited by {source})")
        for first, count in seen.values():
            times = f" ({count}×)" if count > 1 else ""
            where = f"line {first.line}: " if first.line else ""
            lines.append(f"  - {where}{first.message}{times}")
            if first.extract:
                lines.append(f"      {' '.join(first.extract.split())}")
    return "\n".join(lines)
