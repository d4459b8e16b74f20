"""A request rate per client (API_THROTTLE_RATE, default 600 a minute).

Counted in Django's cache, keyed by the client's service user: shared by every web process
when CACHE_URL names a Redis (as docker-compose.yml sets it); without it each process counts
on its own, so the effective limit is the rate times the number of processes.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import UserRateThrottle


class PerClientThrottle(UserRateThrottle):
    scope = "api_client"

    def get_rate(self):
        return settings.API_THROTTLE_RATE
