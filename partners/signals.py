"""Session bookkeeping on login and logout, and no session left for a deactivated user."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from . import sessions
from .models import User


@receiver(user_logged_in, dispatch_uid="partners.record_login")
def _record_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.record_login(request, user)


@receiver(user_logged_out, dispatch_uid="partners.forget_session")
def _forget_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.forget(request.session.session_key)


@receiver(post_save, sender=User, dispatch_uid="partners.end_sessions_of_inactive")
def _end_sessions_of_inactive(sender, instance, **kwargs):
    # Deactivating someone must log them out everywhere now, not at their next idle timeout.
    if not instance.is_active:
        sessions.end_all_sessions(instance)


@receiver(pre_delete, sender=User, dispatch_uid="partners.end_sessions_of_deleted")
def _end_sessions_of_deleted(sender, instance, **kwargs):
    sessions.end_all_sessions(instance)
