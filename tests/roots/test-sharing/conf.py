project = "Sharing Journal"
extensions = ["sphinx_journal"]
html_theme = "furo"
language = "ko"
journal_image = "_static/card.png"
html_static_path = ["_static"]
