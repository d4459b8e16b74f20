"""The procesdossier: the evidence a kantonrechter asks for before dissolving a tenancy.

From one case the user chooses meldingen, logboekregels, maatregelen and bijlagen; the unit
makes one PDF of them (cover, table of contents, chronological overview, the items, the
attached files) and hands it over as a download, logged as an export (docs/adr/0024).

- `selectors`: what may be chosen (the door's records at the reader's level) and the
  resolution of a posted choice (an id the reader may not see is refused, nothing is made);
- `content`: the items as the dossier shows them, melders as "melder 1" unless they agreed;
- `appendices`: attached files, read and checked (PDF pages appended, images embedded);
- `pdf`: HTML to PDF, appendices appended, page numbers counted over both;
- `services`: making the dossier, with its access-log row and its Event;
- `forms`, `views`, `urls`: the selection page.
"""
