"""Posts: Jekyll files read as they are.

Pure modules (no Sphinx): :mod:`.frontmatter` splits and loads the YAML,
:mod:`.metadata` turns it into a typed :class:`~.metadata.PostMeta` with
Jekyll's rules, :mod:`.dates`, :mod:`.liquid` and :mod:`.slugs`.
Sphinx glue: :mod:`.reading` (source-read, the title transform, the record).
"""
