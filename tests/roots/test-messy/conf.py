project = "Messy"
author = "Kim"
copyright = "2021, Kim"
version = "1"
extensions = ["sphinx_journal"]
journal_posts = ["_posts/**"]
