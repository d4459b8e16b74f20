"""Logged-in sessions: recorded at login, limited in time, ended by the user or on deactivation.

The session data stays in Django's session store; `UserSession` only maps a session key to
its user (docs/adr/0009-user-sessions.md).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .models import User, UserSession

log = logging.getLogger("woonoverlast.security")

LOGIN_AT = "woonoverlast_login_at"
LAST_SEEN = "woonoverlast_last_seen"
# Activity is written back at most this often: not one database write per click.
LAST_SEEN_GRANULARITY = 60


def _store() -> type[SessionBase]:
    return import_module(settings.SESSION_ENGINE).SessionStore


def record_login(request: HttpRequest, user: User) -> None:
    """Called on user_logged_in: remember when this session started and whose it is."""
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[LAST_SEEN] = now
    if request.session.session_key is None:
        request.session.save()
    moment = timezone.now()
    UserSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "created_at": moment,
            "last_seen": moment,
            "user_agent": request.headers.get("user-agent", "")[:300],
        },
    )


def forget(session_key: str | None) -> None:
    """Called on logout: the session is gone, so is its row."""
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def expired_reason(request: HttpRequest) -> str | None:
    """'idle' or 'absolute' when this session has run past a limit, else None."""
    now = time.time()
    started = request.session.get(LOGIN_AT)
    last_seen = request.session.get(LAST_SEEN)
    if started is None or last_seen is None:
        return None
    if now - started > settings.SESSION_ABSOLUTE_LIFETIME:
        return "absolute"
    if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
        return "idle"
    return None


def touch(request: HttpRequest) -> None:
    """Note activity on this session (at most once a minute)."""
    now = time.time()
    session = request.session
    if LOGIN_AT not in session:
        # A session from before these limits existed: its lifetime starts now.
        session[LOGIN_AT] = now
    if now - session.get(LAST_SEEN, 0) < LAST_SEEN_GRANULARITY:
        return
    session[LAST_SEEN] = now
    if session.session_key:
        UserSession.objects.filter(session_key=session.session_key).update(last_seen=timezone.now())


def live_sessions(user: User) -> QuerySet[UserSession]:
    """The user's sessions that have not yet run past the idle timeout or the lifetime."""
    now = timezone.now()
    return UserSession.objects.filter(
        user=user,
        last_seen__gte=now - timedelta(seconds=settings.SESSION_IDLE_TIMEOUT),
        created_at__gte=now - timedelta(seconds=settings.SESSION_ABSOLUTE_LIFETIME),
    ).order_by("-last_seen")


def end_session(user_session: UserSession) -> None:
    """End one session: its data leaves the store, so its cookie no longer logs anyone in."""
    _store()().delete(user_session.session_key)
    user_session.delete()


def end_other_sessions(user: User, keep_session_key: str | None) -> int:
    """End every session of `user` except the one with `keep_session_key`."""
    others = UserSession.objects.filter(user=user).exclude(session_key=keep_session_key or "")
    ended = 0
    for user_session in others:
        end_session(user_session)
        ended += 1
    if ended:
        log.info("%d other session(s) ended by user id %s", ended, user.pk)
    return ended


def end_all_sessions(user: User) -> int:
    ended = end_other_sessions(user, keep_session_key=None)
    if ended:
        log.info("all %d session(s) of user id %s ended", ended, user.pk)
    return ended


def clear_stale() -> int:
    """Rows whose session ran past its lifetime (the session store clears its own side)."""
    cutoff = timezone.now() - timedelta(seconds=settings.SESSION_ABSOLUTE_LIFETIME)
    deleted, _per_model = UserSession.objects.filter(created_at__lt=cutoff).delete()
    return deleted
