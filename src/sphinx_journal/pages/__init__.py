"""Generated pages and listing directives.

:mod:`.links` decides where a journal page lives and how to link to it,
:mod:`.nodes` holds the placeholder nodes resolved at write time,
:mod:`.render` turns records into docutils nodes (one renderer shared by the
generated pages and the listing directives, so both always agree),
:mod:`.listing` the ``{journal-posts}`` family, :mod:`.generated` the pages
written under ``journal_path``.
"""
