project = "Hostile metadata"
extensions = ["sphinx_journal"]
html_theme = "furo"
journal_base_url = "https://example.org/"
journal_course_start = "2021-01-04"
journal_jekyll_redirects = True
