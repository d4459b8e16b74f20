"""Signals of the case register, so that apps built on it follow its changes without the
case register importing them (dependencies run meetings → cases → partners).

`access_reduced` is sent after the commit of a sharing change that lowered or ended an
organisation's access to a case (a share lowered or revoked), with `case_id`,
`organisation_id` and `level` (the new level; None when revoked). Whatever was made for the
old level (the casusoverleg's PDFs) must be withdrawn by the receiver; it is sent robustly, so
a failing receiver never undoes the revocation, and a download re-checks the levels anyway.
"""

from django.dispatch import Signal

access_reduced = Signal()
