"""Helpers every service uses: write with the acting user in history, append an Event."""

from cases.models import Event


def record_event(case, kind, actor, target=None, **data) -> Event:
    return Event.objects.create(
        case=case,
        kind=kind,
        actor=actor,
        organisation_id=actor.organisation_id,
        target_type=target._meta.model_name if target is not None else "",
        target_id=target.pk if target is not None else None,
        data=data,
    )


def save_with_history(instance, actor):
    instance._history_user = actor
    instance.save()
    return instance


def delete_with_history(instance, actor) -> None:
    """Delete `instance`; simple-history keeps the deletion, and who did it."""
    instance._history_user = actor
    instance.delete()
