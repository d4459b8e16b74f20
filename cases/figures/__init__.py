"""Stuurinformatie: the figures management asks for, per organisation and for the region.

A unit inside the cases app (docs/adr/0017, 0021): `models` (the permissions), `forms`
(the filters), `selectors/` (the counts, through the door), `figure` (the values and the
small-number rule), `stats` (percentiles), `charts` (SVG), `registry` (figures other apps
add, such as the casusoverleg's), `views` and `urls` (/cijfers/).
"""
