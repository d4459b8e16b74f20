"""Writes of the partner register: the instrument catalogue (with history of who changed it)
and the Beheerder's management of the users of their own organisation."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from woonoverlast.refusals import Refusal

from . import selectors, sessions
from .models import Instrument, User, UserSession

log = logging.getLogger("woonoverlast.security")

INSTRUMENT_FIELDS = ("name", "partner_kind", "kaders", "stage_codes", "legal_basis", "description")


@transaction.atomic
def save_instrument(*, actor, instrument: Instrument | None = None, **fields) -> Instrument:
    perm = "partners.change_instrument" if instrument else "partners.add_instrument"
    if not actor.has_perm(perm):
        raise Refusal.forbidden(_("U mag de instrumentencatalogus niet wijzigen."))
    unknown = set(fields) - set(INSTRUMENT_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    instrument = instrument or Instrument()
    for name, value in fields.items():
        setattr(instrument, name, value)
    duplicate = Instrument.objects.filter(
        partner_kind=instrument.partner_kind, name__iexact=instrument.name
    ).exclude(pk=instrument.pk)
    if duplicate.exists():
        raise Refusal(_("Deze soort partner heeft al een instrument met deze naam."), field="name")
    if not instrument.kaders:
        raise Refusal(_("Kies ten minste één kader."), field="kaders")
    instrument._history_user = actor
    instrument.save()
    return instrument


@transaction.atomic
def set_instrument_active(*, actor, instrument: Instrument, active: bool) -> Instrument:
    """Deactivate (or reactivate) rather than delete: measures keep pointing at it."""
    if not actor.has_perm("partners.change_instrument"):
        raise Refusal.forbidden(_("U mag de instrumentencatalogus niet wijzigen."))
    instrument.active = active
    instrument._history_user = actor
    instrument.save(update_fields=["active"])
    return instrument


# --- Users of one's own organisation (docs/adr/0013-administration-per-organisation.md) ---
#
# A Beheerder (partners.change_user) manages the users of their own organisation and no one
# else: not another organisation's users, not superusers, not `is_staff`, `is_superuser` or
# the organisation of anyone. Roles come from `selectors.assignable_roles()`; a role holding a
# reserved permission (the regional defaults) is given by a superuser and kept as it is here.


def _require_manager(actor, perm: str, user: User | None = None) -> None:
    if not actor.has_perm(perm) or actor.organisation_id is None:
        raise Refusal.forbidden(_("U mag de gebruikers van uw organisatie niet beheren."))
    if user is not None and (user.organisation_id != actor.organisation_id or user.is_superuser):
        # Views answer 404 before this; a service called otherwise still refuses, as not found.
        raise Refusal.not_found(_("Deze gebruiker hoort niet bij uw organisatie."))


def _check_roles(roles) -> list[Group]:
    roles = list(roles)
    allowed = set(selectors.assignable_roles().values_list("pk", flat=True))
    if any(role.pk not in allowed for role in roles):
        raise Refusal(_("Deze rol kunt u niet toekennen."), field="roles")
    if not roles:
        raise Refusal(_("Kies ten minste één rol."), field="roles")
    return roles


def _check_identity(*, username: str | None, email: str, exclude_pk=None) -> None:
    errors: dict[str, list[str]] = {}
    users = User.objects.exclude(pk=exclude_pk)
    if username is not None and users.filter(username__iexact=username).exists():
        errors["username"] = [_("Deze gebruikersnaam is al in gebruik; kies een andere.")]
    if email and users.filter(email__iexact=email).exists():
        errors["email"] = [_("Dit e-mailadres hoort al bij een andere gebruiker.")]
    if errors:
        raise Refusal.on_fields(errors)


def _full_clean(user: User) -> None:
    try:
        user.full_clean()
    except ValidationError as error:
        raise Refusal.from_validation_error(error) from error


def password_link(user: User) -> str:
    """A link to choose a password, valid until used or PASSWORD_RESET_TIMEOUT has passed.

    Django's password-reset token: it stops working once the password is set or the user
    logs in. After choosing a password the user logs in and sets up the second factor.
    """
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _mail_password_link(user: User, *, invitation: bool) -> None:
    context = {
        "user": user,
        "link": password_link(user),
        "invitation": invitation,
        "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    subject = (
        _("Uw account voor Woonoverlast") if invitation else _("Nieuw wachtwoord voor Woonoverlast")
    )
    body = render_to_string("email/password_link.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [user.email]))


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    roles,
) -> User:
    """A new user of the actor's organisation, without a password: they get an e-mail with
    a link to choose one, then set up the second factor at their first login."""
    _require_manager(actor, "partners.add_user")
    roles = _check_roles(roles)
    _check_identity(username=username, email=email)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation_id=actor.organisation_id,
        is_staff=False,
        is_superuser=False,
    )
    user.set_unusable_password()
    _full_clean(user)
    user.save()
    user.groups.add(*roles)
    _mail_password_link(user, invitation=True)
    log.info("user id %s created by user id %s", user.pk, actor.pk)
    return user


@transaction.atomic
def user_update(*, actor, user: User, first_name: str, last_name: str, email: str, roles) -> User:
    """Change name, e-mail and roles. A reserved role the user holds stays; the actor keeps
    their own right to manage users (an organisation is never left without a Beheerder)."""
    _require_manager(actor, "partners.change_user", user)
    user = User.objects.select_for_update().get(pk=user.pk)
    roles = _check_roles(roles)
    _check_identity(username=None, email=email, exclude_pk=user.pk)
    kept = [
        group
        for group in selectors.roles_of(user)
        if group not in set(selectors.assignable_roles())
    ]
    new_roles = [*roles, *kept]
    if user.pk == actor.pk and not selectors.manages_users(user, new_roles):
        raise Refusal(
            _(
                "U kunt uw eigen rol als beheerder niet weghalen. Vraag een andere "
                "beheerder van uw organisatie om dat te doen."
            ),
            field="roles",
        )
    user.first_name, user.last_name, user.email = first_name, last_name, email
    _full_clean(user)
    user.save(update_fields=["first_name", "last_name", "email"])
    user.groups.remove(*[group for group in selectors.role_groups() if group not in new_roles])
    user.groups.add(*new_roles)
    log.info("user id %s changed by user id %s", user.pk, actor.pk)
    return user


@transaction.atomic
def user_set_active(*, actor, user: User, active: bool) -> User:
    """Deactivate (every session of the user ends at once) or reactivate a user."""
    _require_manager(actor, "partners.change_user", user)
    if user.pk == actor.pk and not active:
        raise Refusal(_("U kunt uw eigen account niet deactiveren."))
    user = User.objects.select_for_update().get(pk=user.pk)
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        # Also done on every save of an inactive user (partners.signals); said here outright.
        sessions.end_all_sessions(user)
    log.info(
        "user id %s %s by user id %s", user.pk, "reactivated" if active else "deactivated", actor.pk
    )
    return user


@transaction.atomic
def user_reset_second_factor(*, actor, user: User) -> int:
    """Remove the user's authenticator app and backup codes and end their sessions: at the
    next login they set up a new second factor. Returns the number of devices removed."""
    _require_manager(actor, "partners.change_user", user)
    if user.pk == actor.pk:
        raise Refusal(_("Uw eigen tweestapsverificatie stelt u opnieuw in via Mijn account."))
    removed, _per_model = TOTPDevice.objects.filter(user=user).delete()
    static, _per_model = StaticDevice.objects.filter(user=user).delete()
    sessions.end_all_sessions(user)
    log.info("2FA of user id %s reset by user id %s", user.pk, actor.pk)
    return removed + static


@transaction.atomic
def user_send_password_link(*, actor, user: User) -> None:
    """E-mail the user a new link to choose a password (the old password keeps working until
    a new one is chosen)."""
    _require_manager(actor, "partners.change_user", user)
    if not user.is_active:
        raise Refusal(_("Activeer de gebruiker eerst."))
    if not user.email:
        raise Refusal(_("Deze gebruiker heeft geen e-mailadres; vul dat eerst in."))
    _mail_password_link(user, invitation=not user.has_usable_password())
    log.info("password link for user id %s sent by user id %s", user.pk, actor.pk)


@transaction.atomic
def user_end_session(*, actor, user_session: UserSession) -> None:
    _require_manager(actor, "partners.change_user", user_session.user)
    sessions.end_session(user_session)
    log.info("a session of user id %s ended by user id %s", user_session.user_id, actor.pk)
