"""The Nu HTML Checker that every page of the browser tests goes through can fail."""

import pytest

from tests.e2e import nu_checker

pytestmark = pytest.mark.e2e

HEAD = '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head>'


def test_invalid_pages_are_reported_per_url_and_valid_ones_pass():
    problems = nu_checker.check(
        [
            nu_checker.Document(url="/geldig/", html=f"{HEAD}<body><p>Goed.</p></body></html>"),
            nu_checker.Document(
                url="/ongeldig/",
                html=f"{HEAD}<body hx-get='/x'>\n"
                '<p><time datetime="2026-03-01T10:00:00.123456+01:00">1 maart</time></p>'
                "\n</body></html>",
                source="test_x",
            ),
        ]
    )
    assert {p.document.url for p in problems} == {"/ongeldig/"}
    report = nu_checker.report(problems)
    assert "found 2 error(s) in 1 page(s)" in report
    assert "/ongeldig/\n  (visited by test_x)" in report
    assert "line 1: Attribute “hx-get” not allowed on element “body”" in report
    assert "line 2: Bad value “2026-03-01T10:00:00.123456+01:00”" in report


def test_a_missing_jar_or_java_is_an_error_not_a_skip(monkeypatch, tmp_path):
    monkeypatch.setattr(nu_checker, "VNU_JAR", nu_checker.ROOT / "tests/tools/missing/vnu.jar")
    with pytest.raises(nu_checker.CheckerMissing, match="npm ci"):
        nu_checker.command()
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(nu_checker.CheckerMissing, match="java is missing"):
        nu_checker.java()
