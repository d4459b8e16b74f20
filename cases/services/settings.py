"""Writes to the settings a functional admin keeps, and to a user's e-mail preference.

Bewaartermijnen and reminder thresholds belong to an organisation, or are the regional
default (no organisation) that only the regional functional admin changes; every write
checks that here, whatever the form offered (docs/adr/0013).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from cases.models import ReminderSettings, RetentionRule
from cases.selectors_beheer import owns_configuration

REMINDER_FIELDS = (
    "action_due_working_days",
    "stage_long_overdue_factor",
    "melder_contact_working_days",
    "long_open_instrument_name",
    "long_open_days",
)


def _require_owner(actor, perm: str, organisation_id: int | None) -> None:
    if not actor.has_perm(perm):
        raise PermissionDenied(_("U mag deze instellingen niet wijzigen."))
    if not owns_configuration(actor, organisation_id):
        if organisation_id is None:
            raise PermissionDenied(
                _("Alleen de regionale functioneel beheerder wijzigt de standaardinstellingen.")
            )
        raise PermissionDenied(_("Deze instelling hoort niet bij uw organisatie."))


@transaction.atomic
def set_email_preference(user, preference: str) -> None:
    user.notification_email = preference
    user.save(update_fields=["notification_email"])


@transaction.atomic
def update_reminder_settings(*, actor, organisation_id: int | None, **values) -> ReminderSettings:
    """Change the thresholds of the actor's organisation (its own row is made from the
    default the first time) or, with organisation_id None, the regional default."""
    _require_owner(actor, "cases.change_remindersettings", organisation_id)
    unknown = set(values) - set(REMINDER_FIELDS)
    if unknown:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(unknown))}")
    if organisation_id is None:
        config = ReminderSettings.current()
    else:
        config = (
            ReminderSettings.objects.select_for_update()
            .filter(organisation_id=organisation_id)
            .first()
        )
        if config is None:  # the first own row starts from the regional default
            default = ReminderSettings.current()
            config = ReminderSettings(
                organisation_id=organisation_id,
                **{name: getattr(default, name) for name in REMINDER_FIELDS},
            )
    for name, value in values.items():
        setattr(config, name, value)
    config.full_clean()
    config.save()
    return config


@transaction.atomic
def use_default_reminder_settings(*, actor, organisation_id: int) -> bool:
    """Drop the organisation's own thresholds: the default holds again. False: it had none."""
    _require_owner(actor, "cases.change_remindersettings", organisation_id)
    deleted, _per_model = ReminderSettings.objects.filter(organisation_id=organisation_id).delete()
    return bool(deleted)


@transaction.atomic
def save_retention_rule(*, actor, rule: RetentionRule) -> RetentionRule:
    perm = "cases.change_retentionrule" if rule.pk else "cases.add_retentionrule"
    _require_owner(actor, perm, rule.organisation_id)
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def delete_retention_rule(*, actor, rule: RetentionRule) -> None:
    _require_owner(actor, "cases.delete_retentionrule", rule.organisation_id)
    rule.delete()
