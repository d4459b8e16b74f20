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
    "cases.view_actionitem",
    "cases.add_actionitem",
    "cases.change_actionitem",
    "cases.view_measure",
    "cases.add_measure",
    "cases.change_measure",
    # Letters from a case (cases/documents/letters): made at volledig, checked per case.
    "cases.view_letter",
    "cases.add_letter",
]

# The casusoverleg: everyone who works on cases may ask for a case to be discussed and read
# the meetings of their organisation; the coordinator plans them and minutes the outcome.
MEETING_PARTICIPATION = [
    "meetings.view_series",
    "meetings.view_meeting",
    "meetings.add_agendarequest",
]
MEETING_COORDINATION = [
    "meetings.add_series",
    "meetings.change_series",
    "meetings.add_meeting",
    "meetings.change_meeting",
    "meetings.view_agendarequest",
    "meetings.change_agendarequest",
    "meetings.view_agendaitem",
    "meetings.add_agendaitem",
    "meetings.change_agendaitem",
    "cases.add_decision",
]

# Sharing a case is for those who carry it: the aanbrengende organisation and the regisseur
# (checked per case in cases.access); this permission says the role may do it at all.
CASE_SHARING = ["cases.share_case"]

# Configuration of one's own organisation: workflows, instruments, bewaartermijnen, reminders.
FUNCTIONAL_ADMIN = [
    "partners.view_organisation",
    "cases.view_nuisancecategory",
    "cases.add_nuisancecategory",
    "cases.change_nuisancecategory",
    "cases.view_workflow",
    "cases.add_workflow",
    "cases.change_workflow",
    "cases.delete_workflow",
    "cases.migrate_cases",
    "cases.view_stage",
    "cases.add_stage",
    "cases.change_stage",
    "cases.view_remindersettings",
    "cases.change_remindersettings",
    "cases.view_retentionrule",
    "cases.add_retentionrule",
    "cases.change_retentionrule",
    "cases.delete_retentionrule",
    "cases.view_destructionrecord",
    "cases.delete_stage",
    "cases.view_transition",
    "cases.add_transition",
    "cases.change_transition",
    "cases.delete_transition",
    "partners.view_instrument",
    "partners.add_instrument",
    "partners.change_instrument",
    # The organisation's letter templates and letterhead (cases/documents/letters).
    "cases.view_lettertemplate",
    "cases.add_lettertemplate",
    "cases.change_lettertemplate",
]

# Permissions no organisation's Beheerder hands out: a role holding one is given in the
# Django admin, by a superuser (see docs/adr/0013-administration-per-organisation.md).
RESERVED_PERMISSIONS = ["cases.manage_regional_defaults"]

# Stuurinformatie (cases/figures, docs/adr/0021): everyone who works on or reads cases sees
# the figures over the cases of their organisation; the coordinator also the regional totals.
FIGURES = ["cases.view_figures"]
REGIONAL_FIGURES = ["cases.view_regional_figures"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    "Medewerker": CASE_WORK + CASE_SHARING + MEETING_PARTICIPATION + FIGURES,
    "Coordinator": [
        *CASE_WORK,
        *CASE_SHARING,
        *MEETING_PARTICIPATION,
        *MEETING_COORDINATION,
        "cases.receive_coordinator_reminders",
        *FIGURES,
        *REGIONAL_FIGURES,
    ],
    "Lezer": [
        "cases.view_case",
        "cases.view_person",
        "cases.view_report",
        "cases.view_note",
        "cases.view_attachment",
        "cases.view_actionitem",
        "meetings.view_series",
        "meetings.view_meeting",
        "cases.view_measure",
        *FIGURES,
    ],
    "Beheerder": [
        "partners.view_user",
        "partners.add_user",
        "partners.change_user",
        "partners.view_organisation",
    ],
    "Functioneel beheerder": FUNCTIONAL_ADMIN,
    # Keeps the regional defaults (workflow, bewaartermijnen, herinneringen without
    # organisation) besides the configuration of its own organisation.
    "Regionaal functioneel beheerder": [*FUNCTIONAL_ADMIN, "cases.manage_regional_defaults"],
    "Privacy officer": [
        "cases.view_accesslog",
        # The AVG inzage (cases/documents/inzage): register, read and close inzageverzoeken.
        "cases.view_inzageverzoek",
        "cases.add_inzageverzoek",
        "cases.change_inzageverzoek",
        "cases.view_retentionrule",
        "cases.view_destructionrecord",
    ],
}

# The service user of an API client (partners.ApiClient) holds these, given directly, never
# through a role group: a Beheerder cannot widen a client by editing a role, and a client is
# no role's member (docs/adr/0020-partner-api.md). The scope is checked on every request too.
API_CLIENT_PERMISSIONS: dict[str, list[str]] = {
    "read": [
        "cases.view_case",
        "cases.view_report",
        "cases.view_note",
        "cases.view_actionitem",
        "cases.view_measure",
    ],
    "write": [
        "cases.add_case",
        "cases.add_report",
        "cases.add_note",
        "cases.add_measure",
        "cases.change_measure",
        "cases.change_actionitem",
    ],
}

ROLE_LABELS = {
    "Medewerker": _("Medewerker"),
    "Coordinator": _("Coördinator"),
    "Lezer": _("Lezer"),
    "Beheerder": _("Beheerder"),
    "Functioneel beheerder": _("Functioneel beheerder"),
    "Regionaal functioneel beheerder": _("Regionaal functioneel beheerder"),
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
