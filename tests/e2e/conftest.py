"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings

from tests.e2e import nu_checker

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
# itself (creating users and cases) are synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture(autouse=True)
def _require_chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")


@pytest.fixture(scope="session")
def html_documents():
    """Every HTML document the browser receives in the session, checked in one run at its end.

    The Java check is asked for at the start, so a machine without it fails at once.
    """
    try:
        nu_checker.command()
    except nu_checker.CheckerMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    documents: list[nu_checker.Document] = []
    yield documents
    found = nu_checker.report(nu_checker.check(documents))
    if found:
        pytest.fail(found, pytrace=False)


# htmx swaps fragments into a page; they are checked inside a minimal document, on its first
# line so that the line numbers are the fragment's own.
FRAGMENT = (
    '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>fragment</title>'
    "</head><body>{}</body></html>"
)


@pytest.fixture
def new_context(new_context, html_documents, request):
    """Every browser context records the HTML it receives for the Nu HTML Checker."""

    def collect(response):
        is_htmx = response.request.headers.get("hx-request") == "true"
        if response.request.resource_type != "document" and not is_htmx:
            return
        if 300 <= response.status < 400:
            return  # a redirect has no body
        if "text/html" not in (response.headers.get("content-type") or ""):
            return  # a download is no page
        url = urlsplit(response.url)
        html = response.text()
        html_documents.append(
            nu_checker.Document(
                url=url.path + (f"?{url.query}" if url.query else ""),
                html=FRAGMENT.format(html) if is_htmx else html,
                source=request.node.nodeid,
            )
        )

    def create(**kwargs):
        context = new_context(**kwargs)
        context.on("response", collect)
        return context

    return create


def axe_script_path() -> Path | None:
    for directory in django_settings.STATICFILES_DIRS:
        found = sorted(Path(directory).glob("vendor/**/axe.min.js"))
        if found:
            return found[0]
    return None


@pytest.fixture
def axe(live_server):
    """axe(page, label): run axe-core (WCAG 2.1 A and AA) on the page; fail on any violation.

    axe is loaded as a same-origin static script, which the CSP (script-src 'self') allows;
    an inline copy (add_script_tag(path=…)) would be blocked by the nonce policy.
    """
    path = axe_script_path()
    assert path is not None, "axe.min.js is not vendored under static/vendor"
    static_root = next(Path(d) for d in django_settings.STATICFILES_DIRS if path.is_relative_to(d))
    url = f"{live_server.url}/{django_settings.STATIC_URL.strip('/')}/" + str(
        path.relative_to(static_root)
    )

    def check(page, label):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=url)
        result = page.evaluate(
            """() => axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            }).then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)
            })))"""
        )
        details = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
            for v in result
        )
        assert result == [], f"axe found {len(result)} violation(s) on {label}:\n{details}"

    return check
