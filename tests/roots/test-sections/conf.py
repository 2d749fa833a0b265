project = "Sections"
extensions = ["sphinx_journal"]
html_theme = "furo"
