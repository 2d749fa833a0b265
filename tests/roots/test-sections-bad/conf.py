project = "Bad sections"
extensions = ["sphinx_journal"]
