project = "Papers"
extensions = ["sphinx_journal"]
bibtex_bibfiles = ["refs.bib"]
