"""Who may change an organisation's configuration (workflows aside): its own functional
admin, or for the regional default (no organisation) the regional functional admin only
(docs/adr/0013). Every configuration write checks it here, whatever the form offered."""

from django.utils.translation import gettext as _

from cases.selectors_beheer import owns_configuration
from woonoverlast.refusals import Refusal


def require_configuration_owner(actor, perm: str, organisation_id: int | None) -> None:
    if not actor.has_perm(perm):
        raise Refusal.forbidden(_("U mag deze instellingen niet wijzigen."))
    if not owns_configuration(actor, organisation_id):
        if organisation_id is None:
            raise Refusal.forbidden(
                _("Alleen de regionale functioneel beheerder wijzigt de standaardinstellingen.")
            )
        # Another organisation's configuration is not this user's to know (a 404, logged).
        raise Refusal.not_found(_("Deze instelling hoort niet bij uw organisatie."))
