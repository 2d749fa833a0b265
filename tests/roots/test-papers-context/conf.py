project="x"
extensions=["sphinx_journal"]
