project = "XSS"
extensions = ["sphinx_journal"]
html_theme = "furo"
