"""The journal's records, frozen and free of docutils nodes: what each document contributes.

A record is kept per document in the domain (:mod:`sphinx_journal.domain`);
everything cross-post is derived from them, never stored.
"""
