"""Roles are Django groups with model permissions; code checks permissions, never role names.

`sync_role_groups` runs after every migrate, so a fresh database has the groups and a changed
mapping here reaches existing databases.
"""

from django.utils.translation import gettext_lazy as _

CASE_WORK = [
    "cases.view_case",
    "cases.add_case",
    "cases.change_case",
    "cases.view_person",
    "cases.add_person",
    "cases.change_person",
    "cases.add_caseperson",
    "cases.view_report",
    "cases.add_report",
    "cases.view_note",
    "cases.add_note",
    "cases.view_attachment",
    "cases.add_attachment",
]

# Sharing a case is for those who carry it: the aanbrengende organisation and the regisseur
# (checked per case in cases.access); this permission says the role may do it at all.
CASE_SHARING = ["cases.share_case"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    "Medewerker": CASE_WORK + CASE_SHARING,
    "Coordinator": CASE_WORK + CASE_SHARING,
    "Lezer": [
        "cases.view_case",
        "cases.view_person",
        "cases.view_report",
        "cases.view_note",
        "cases.view_attachment",
    ],
    "Beheerder": [
        "partners.view_user",
        "partners.add_user",
        "partners.change_user",
        "partners.view_organisation",
    ],
    "Functioneel beheerder": [
        "partners.view_organisation",
        "cases.view_nuisancecategory",
        "cases.add_nuisancecategory",
        "cases.change_nuisancecategory",
        "cases.view_workflow",
        "cases.add_workflow",
        "cases.change_workflow",
        "cases.view_stage",
        "cases.add_stage",
        "cases.change_stage",
    ],
    "Privacy officer": [
        "cases.view_accesslog",
    ],
}

ROLE_LABELS = {
    "Medewerker": _("Medewerker"),
    "Coordinator": _("Coördinator"),
    "Lezer": _("Lezer"),
    "Beheerder": _("Beheerder"),
    "Functioneel beheerder": _("Functioneel beheerder"),
    "Privacy officer": _("Privacy officer"),
}


def sync_role_groups(sender=None, using="default", apps=None, **kwargs):
    from django.apps import apps as global_apps
    from django.contrib.auth.models import Group, Permission

    last_app = list(global_apps.get_app_configs())[-1]
    if sender is not None and sender is not last_app:
        return

    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        wanted = []
        for dotted in perms:
            app_label, codename = dotted.split(".")
            perm = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if perm is not None:  # a model of a later migration may not exist yet
                wanted.append(perm)
        group.permissions.set(wanted)
