"""Papers, pure (no Sphinx): identifiers found in links (arXiv, DOI, venues) and the best title."""
