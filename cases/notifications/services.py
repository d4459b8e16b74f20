"""Notifications: created once per key, e-mailed per the user's preference; and the writes
to the reminder thresholds and working calendar (per organisation, docs/adr/0013 and 0029)
and the e-mail preference.

E-mails carry the case reference and a link, never personal data of betrokkenen.
What a notification says about a case is process information, so only users whose
organisation sees the case at level `proces` or more receive it (`access.process_cases`),
whichever recipients a reminder rule proposes.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import access, clock
from cases.calendars import local_date, working_days
from cases.models import DigestSent, ExtraDayOff, Notification, ReminderSettings
from cases.services.common import delete_with_history, save_with_history
from cases.services.configuration import require_configuration_owner
from partners.models import EmailPreference
from woonoverlast.refusals import Refusal

from .selectors import visible_notifications

logger = logging.getLogger(__name__)


def notify(recipients, *, key: str, kind: str, text: str, case=None, link: str = ""):
    """Create the notification for each recipient who does not have `key` yet.

    Recipients who do not see `case` at level `proces` or more are skipped: a notification
    never reveals a case, nor its process to a partner at `bestaan`.
    Returns the notifications that were new.
    """
    created = []
    for user in recipients:
        if not user.is_active:
            continue
        if case is not None and not access.process_cases(user).filter(pk=case.pk).exists():
            continue
        notification, was_created = Notification.objects.get_or_create(
            recipient=user,
            key=key,
            defaults={"kind": kind, "text": text, "case": case, "link": link},
        )
        if was_created:
            created.append(notification)
    direct = [n.pk for n in created if n.recipient.notification_email == EmailPreference.EACH]
    if direct:
        from .tasks import send_notification_email

        for pk in direct:
            transaction.on_commit(partial(send_notification_email.delay, pk))
    return created


def _absolute(link: str) -> str:
    return settings.SITE_URL.rstrip("/") + link if link.startswith("/") else link


def send_notification_email_now(notification_id: int) -> bool:
    """Send the e-mail for one notification unless it was sent before. True if sent now."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return False
        if notification.recipient.notification_email != EmailPreference.EACH:
            return False
        body = render_to_string(
            "email/notification.txt",
            {
                "user": notification.recipient,
                "notification": notification,
                "url": _absolute(notification.link or "/notificaties/"),
            },
        )
        # Sent inside the lock: a second worker waits, then finds emailed_at set.
        send_mail(
            _("Woonoverlast: %(kind)s") % {"kind": notification.get_kind_display()},
            body,
            None,
            [notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def pending_direct_email_ids(older_than_minutes: int = 5) -> list[int]:
    """Notifications whose on-commit e-mail task got lost (a crash, a broker outage)."""
    cutoff = clock.now() - timedelta(minutes=older_than_minutes)
    return list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            created_at__lte=cutoff,
            recipient__notification_email=EmailPreference.EACH,
            recipient__is_active=True,
        )
        .exclude(recipient__email="")
        .values_list("pk", flat=True)
    )


def send_digest_now(user, day) -> int:
    """One e-mail with the user's un-mailed notifications; at most once per user and day."""
    with transaction.atomic():
        digest, created = DigestSent.objects.select_for_update().get_or_create(
            recipient=user, day=day
        )
        if not created:
            return 0
        pending = list(
            visible_notifications(user).filter(emailed_at__isnull=True).order_by("created_at")
        )
        if pending:
            body = render_to_string(
                "email/digest.txt",
                {
                    "user": user,
                    "notifications": pending,
                    "url": _absolute("/notificaties/"),
                },
            )
            send_mail(
                _("Woonoverlast: uw overzicht van %(day)s") % {"day": day.strftime("%d-%m-%Y")},
                body,
                None,
                [user.email],
            )
            now = timezone.now()
            for notification in pending:
                notification.emailed_at = now
                notification.save(update_fields=["emailed_at"])
        digest.notification_count = len(pending)
        digest.save(update_fields=["notification_count"])
    return len(pending)


def mark_read(user, notification_ids=None) -> int:
    """Mark the user's notifications (all, or those listed) as read. Returns how many."""
    unread = visible_notifications(user).filter(read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def run_reminder_sweep(today=None) -> int:
    """Create every reminder due today. Each reminder commits on its own, so a worker that
    dies half-way loses nothing already done, and the redelivered task skips taken keys."""
    from . import reminders

    today = today or local_date(clock.now())
    config = reminders.ReminderConfig()
    created = 0
    for rule in reminders.RULES:
        for reminder in rule(today, config):
            with transaction.atomic():
                created += len(
                    notify(
                        reminder.recipients,
                        key=reminder.key,
                        kind=reminder.kind,
                        text=reminder.text,
                        case=reminder.case,
                        link=reminder.link,
                    )
                )
    return created


def send_all_digests(day=None) -> int:
    from django.contrib.auth import get_user_model

    day = day or local_date(clock.now())
    users = (
        get_user_model()
        .objects.filter(notification_email=EmailPreference.DIGEST, is_active=True)
        .exclude(email="")
        .filter(notifications__emailed_at__isnull=True)
        .distinct()
    )
    return sum(1 for user in users if send_digest_now(user, day))


REMINDER_FIELDS = (
    "action_due_working_days",
    "stage_long_overdue_factor",
    "melder_contact_working_days",
    "long_open_instrument_name",
    "long_open_days",
    "good_friday_off",
    "liberation_day_every_year",
)


@transaction.atomic
def set_email_preference(user, preference: str) -> None:
    user.notification_email = preference
    user.save(update_fields=["notification_email"])


@transaction.atomic
def update_reminder_settings(*, actor, organisation_id: int | None, **values) -> ReminderSettings:
    """Change the thresholds of the actor's organisation (its own row is made from the
    default the first time) or, with organisation_id None, the regional default."""
    require_configuration_owner(actor, "cases.change_remindersettings", organisation_id)
    unknown = set(values) - set(REMINDER_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    config, copy_days_from = _settings_to_change(organisation_id)
    for name, value in values.items():
        setattr(config, name, value)
    try:
        config.full_clean()
    except ValidationError as error:
        raise Refusal.from_validation_error(error) from error
    config.save()
    _copy_extra_days(copy_days_from, config)
    return config


def _settings_to_change(organisation_id: int | None):
    """(the row to change, locked; the default it is copied from when it is new and unsaved).

    An organisation's first own row starts as a copy of the regional default, calendar
    included, so saving it changes nothing the organisation did not change."""
    if organisation_id is None:
        current = ReminderSettings.current()
        return ReminderSettings.objects.select_for_update().get(pk=current.pk), None
    config = (
        ReminderSettings.objects.select_for_update().filter(organisation_id=organisation_id).first()
    )
    if config is not None:
        return config, None
    default = ReminderSettings.current()
    config = ReminderSettings(
        organisation_id=organisation_id,
        **{name: getattr(default, name) for name in REMINDER_FIELDS},
    )
    return config, default


def _copy_extra_days(source: ReminderSettings | None, target: ReminderSettings) -> None:
    if source is None:
        return
    for day_off in source.extra_days_off.all():
        ExtraDayOff.objects.create(
            settings=target, day=day_off.day, description=day_off.description
        )


def _own_settings_row(organisation_id: int | None) -> ReminderSettings:
    """The row whose calendar the actor changes, made (from the default) when it is missing."""
    config, copy_days_from = _settings_to_change(organisation_id)
    if config.pk is None:
        config.save()
        _copy_extra_days(copy_days_from, config)
    return config


# An extra day off more than this long ago changes no norm still running; one this far ahead
# is a typing error (2062 for 2026) rather than a plan.
EXTRA_DAY_PAST = timedelta(days=366)
EXTRA_DAY_AHEAD_YEARS = 5


def _extra_day_problems(config: ReminderSettings, day, description: str, today) -> dict:
    problems: dict[str, str] = {}
    if not description:
        problems["description"] = _("Geef een omschrijving, bijvoorbeeld: brugdag.")
    elif len(description) > 100:
        problems["description"] = _("De omschrijving is te lang (hoogstens 100 tekens).")
    if day < today - EXTRA_DAY_PAST:
        problems["day"] = _("Deze datum ligt meer dan een jaar in het verleden.")
    elif day.year > today.year + EXTRA_DAY_AHEAD_YEARS:
        problems["day"] = _("Deze datum ligt te ver in de toekomst; controleer het jaar.")
    elif day.weekday() >= 5:
        problems["day"] = _("Deze datum valt in het weekend; dat is al geen werkdag.")
    elif config.extra_days_off.filter(day=day).exists():
        problems["day"] = _("Deze datum staat al als extra vrije dag in de kalender.")
    else:
        holiday = working_days.holiday_names(day.year, config.working_calendar()).get(day)
        if holiday:
            problems["day"] = _("Deze datum is al een vrije dag: %(name)s.") % {"name": holiday}
    return problems


@transaction.atomic
def add_extra_day_off(*, actor, organisation_id: int | None, day, description: str) -> ExtraDayOff:
    """Add a day off to the working calendar of the actor's organisation (None: the regional
    default). Its internal norms skip the day; legal terms do not (docs/adr/0029)."""
    require_configuration_owner(actor, "cases.change_remindersettings", organisation_id)
    config = _own_settings_row(organisation_id)
    description = (description or "").strip()
    problems = _extra_day_problems(config, day, description, local_date(clock.now()))
    if problems:
        raise Refusal.on_fields(problems)
    return save_with_history(ExtraDayOff(settings=config, day=day, description=description), actor)


@transaction.atomic
def remove_extra_day_off(*, actor, organisation_id: int | None, day_off_id: int) -> ExtraDayOff:
    """Remove an extra day off of the actor's organisation's calendar (None: the default's).
    Another organisation's day is not there for this actor (404, logged)."""
    require_configuration_owner(actor, "cases.change_remindersettings", organisation_id)
    day_off = _extra_day_of(organisation_id, day_off_id)
    if day_off is None:
        raise Refusal.not_found(_("Deze vrije dag hoort niet bij uw organisatie."))
    delete_with_history(day_off, actor)
    return day_off


def _extra_day_of(organisation_id: int | None, day_off_id: int) -> ExtraDayOff | None:
    days = ExtraDayOff.objects.select_for_update()
    if organisation_id is None:
        return days.filter(pk=day_off_id, settings__organisation__isnull=True).first()
    return days.filter(pk=day_off_id, settings__organisation_id=organisation_id).first()


@transaction.atomic
def use_default_reminder_settings(*, actor, organisation_id: int) -> bool:
    """Drop the organisation's own thresholds: the default holds again. False: it had none."""
    require_configuration_owner(actor, "cases.change_remindersettings", organisation_id)
    deleted, _per_model = ReminderSettings.objects.filter(organisation_id=organisation_id).delete()
    return bool(deleted)
