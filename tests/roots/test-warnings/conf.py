project = "Warnings"
extensions = ["sphinx_journal"]
