project = "Time zones"
extensions = ["sphinx_journal"]
html_theme = "furo"
journal_base_url = "https://example.org/"
