project = "Bad sections"
extensions = ["sphinx_journal"]
journal_sections = {"Plan for today": "schedule"}  # a name of its own: owes a task list
