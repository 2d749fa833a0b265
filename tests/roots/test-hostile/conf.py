project = "Hostile"
extensions = ["sphinx_journal"]
html_theme = "furo"
# the project's own pages may use substitutions; posts must never evaluate them
myst_enable_extensions = ["substitution", "colon_fence"]
myst_substitutions = {"site_name": "Hostile"}
bibtex_bibfiles = ["refs.bib"]
journal_base_url = "https://example.org/"
copyright = "2021, Kim"
version = "1"
