"""The AVG inzage (art. 15 AVG): a betrokkene asks what the organisation keeps about them.

The privacy officer registers the verzoek (received on, who checked the identity and how),
sees its deadline (one month, art. 12(3) AVG; `deadline`) and is reminded before it passes
(`tasks`, a beat sweep). The export (`content`, `pdf`) covers the cases the officer's
organisation sees in full and in which it knows the person, cut by the door
(`cases.access.inzage_cases`): the person's own data, meldingen, logboek, maatregelen and
besluiten, and "wie heeft uw dossier ingezien"; melders and other persons are left out or
redacted. docs/adr/0025-inzage.md says why it is built this way.

A unit of its own inside the register (docs/adr/0017): its model keeps the app label
`cases`, it is registered from `cases/models/__init__.py`.
"""
