extensions = ["sphinx_journal"]
html_theme = "furo"
