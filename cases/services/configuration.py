"""Who may change an organisation's configuration (workflows aside): its own functional
admin, or for the regional default (no organisation) the regional functional admin only
(docs/adr/0013). Every configuration write checks it here, whatever the form offered."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from cases.selectors_beheer import owns_configuration


def require_configuration_owner(actor, perm: str, organisation_id: int | None) -> None:
    if not actor.has_perm(perm):
        raise PermissionDenied(_("U mag deze instellingen niet wijzigen."))
    if not owns_configuration(actor, organisation_id):
        if organisation_id is None:
            raise PermissionDenied(
                _("Alleen de regionale functioneel beheerder wijzigt de standaardinstellingen.")
            )
        raise PermissionDenied(_("Deze instelling hoort niet bij uw organisatie."))
