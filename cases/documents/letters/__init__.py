"""Letters from a case (issue 15): templates per organisation, made as PDF and Word.

- `placeholders`: the fixed set of invulplekken a template may use, and their filling;
- `models`: `Letterhead` and `LetterTemplate` (configuration of an organisation) and
  `Letter` (what a made letter was made from, ADR 0014);
- `compose`: one filled letter as HTML (preview and PDF) and as Word;
- `services`: keeping templates, making a letter; `selectors`: reads of templates;
- `seed`: the example templates every organisation starts with.

See docs/adr/0023-letters-from-a-case.md.
"""
