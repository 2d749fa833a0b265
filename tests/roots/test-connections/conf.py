project = "Connections"
extensions = ["sphinx_journal"]
html_theme = "furo"
html_baseurl = "https://example.org/"
