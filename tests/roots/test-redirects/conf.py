project = "Redirects"
extensions = ["sphinx_journal"]
journal_jekyll_redirects = True
