"""Säljkompetens: the knowledge base and self-assessment site, built from `content/`.

The pipeline runs one way, one subpackage per stage:

- `saljkompetens.content`: read and validate `content/` into a typed model (no MkDocs);
- `saljkompetens.pages`: render the model as Markdown pages (content inserted as data);
- `saljkompetens.definition`: the model as `scoring_py` objects, written by `scoring_py`;
- `saljkompetens.mkdocs_plugin`: the MkDocs adapter that puts it all into the site.

`python -m saljkompetens` holds the editors' commands (`check`, `new`).
"""
