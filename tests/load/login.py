"""Log the load test's users in through the running server, and keep their session cookies.

    python -m tests.load.login URL LOGINS.json SESSIONS.json COUNT   (run by scripts/load.sh)

Each login is a person's: the login page, the password, then the second factor (a backup
code). It happens before the timed run, not in it: a password check is deliberately slow
(PBKDF2), and sixteen of them at once would make the first part of a one-minute run measure
the password hasher instead of the pages people browse all day. Their time is printed apart.
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, build_opener

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _post_form(opener, url: str, fields: dict[str, str]):
    page = opener.open(url, timeout=120)
    token = CSRF.search(page.read().decode())
    if token is None:
        raise SystemExit(f"load: no form on {page.url}")
    data = urlencode({**fields, "csrfmiddlewaretoken": token.group(1)}).encode()
    return opener.open(url, data=data, timeout=120)  # follows the redirect that follows


def login(base: str, username: str, password: str, code: str) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    jar = CookieJar()
    opener = build_opener(HTTPCookieProcessor(jar))
    after_password = _post_form(
        opener, f"{base}/account/login/", {"username": username, "password": password}
    )
    verified = _post_form(opener, after_password.url, {"token": code})
    if urlsplit(verified.url).path.startswith("/account/"):
        raise SystemExit(f"load: {username} not logged in (ended on {verified.url})")
    return {cookie.name: cookie.value for cookie in jar}, time.perf_counter() - start


def main(base: str, logins_path: str, sessions_path: str, count: int) -> None:
    logins = json.loads(Path(logins_path).read_text())
    accounts = list(itertools.islice(itertools.cycle(sorted(logins["users"])), count))
    codes = {username: list(codes) for username, codes in logins["users"].items()}
    jobs = [(username, codes[username].pop()) for username in accounts]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda job: login(base, job[0], logins["password"], job[1]), jobs))
    Path(sessions_path).write_text(json.dumps([cookies for cookies, _spent in done]))
    spent = [seconds for _cookies, seconds in done]
    print(
        f"load: {count} logins (password, then the second factor) in "
        f"{time.perf_counter() - start:.1f} s, {statistics.median(spent):.1f} s each (median)"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
