"""Writes to the settings a functional admin keeps, and to a user's e-mail preference."""

from django.db import transaction

from cases.models import ReminderSettings, RetentionRule


@transaction.atomic
def set_email_preference(user, preference: str) -> None:
    user.notification_email = preference
    user.save(update_fields=["notification_email"])


@transaction.atomic
def update_reminder_settings(**values) -> ReminderSettings:
    config = ReminderSettings.current()
    for name, value in values.items():
        setattr(config, name, value)
    config.full_clean()
    config.save()
    return config


@transaction.atomic
def save_retention_rule(rule: RetentionRule) -> RetentionRule:
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def delete_retention_rule(rule: RetentionRule) -> None:
    rule.delete()
