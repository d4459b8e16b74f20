"""Documents made from a case: letters, the procesdossier and the AVG inzage export.

Each kind is a unit of its own under this package; `rendering` is what they share with the
casusoverleg PDFs (one set of WeasyPrint options, so every PDF the product prints is tagged
PDF/UA for screen readers).
"""
