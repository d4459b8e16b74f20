"""Sixteen partners browsing: the case list, case pages and the casusoverleg pages.

    locust -f tests/load/locustfile.py --headless -u 16 -r 16 -t 60s --host http://127.0.0.1:PORT

Run by scripts/load.sh (make load). Before the run, tests/load/login.py has logged the users
in the way a person does (password, then the second factor) over the demo partners; each
simulated user takes one of those sessions (LOAD_SESSIONS) and keeps clicking with a short
pause: the case list, a case from it, the list filtered, the meetings, a meeting.
Any answer other than 200 counts as an error; so does landing on the login page.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

_sessions = itertools.cycle(json.loads(Path(os.environ["LOAD_SESSIONS"]).read_text()))

CASE_LINK = re.compile(r'href="(/zaken/[^/"]+/)"')
MEETING_LINK = re.compile(r'href="(/overleg/\d+/)"')
NOT_CASES = {"/zaken/nieuw/", "/zaken/actiepunten/", "/zaken/gedeeld/", "/zaken/toegangslog/"}


class Partner(FastHttpUser):
    # A short pause between clicks: a busy user, not a script hammering one page.
    wait_time = between(0.05, 0.25)

    def on_start(self):
        cookies = next(_sessions)
        self.cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
        self.cases: list[str] = []
        self.meetings: list[str] = []

    def _get(self, path: str, name: str) -> str:
        with self.client.get(
            path,
            name=name,
            headers={"Cookie": self.cookie},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            return response.text or ""

    def _links(self, text: str, pattern) -> list[str]:
        return sorted(set(pattern.findall(text)) - NOT_CASES)

    @task(4)
    def case_list(self):
        self.cases = self._links(self._get("/zaken/", "zakenlijst"), CASE_LINK) or self.cases

    @task(1)
    def case_list_filtered(self):
        self._get("/zaken/?status=open&ordering=stage", "zakenlijst gefilterd")

    @task(4)
    def case_page(self):
        if self.cases:
            self._get(random.choice(self.cases), "zaakpagina")  # nosec B311

    @task(1)
    def meeting_list(self):
        self.meetings = (
            self._links(self._get("/overleg/", "overleggen"), MEETING_LINK) or self.meetings
        )

    @task(2)
    def meeting_page(self):
        if self.meetings:
            self._get(random.choice(self.meetings), "overleg")  # nosec B311
