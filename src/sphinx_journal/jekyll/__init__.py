"""Jekyll's own rules, pure (no Sphinx): which files are posts, their front matter,
dates, slugs and URLs, Liquid and kramdown as Jekyll reads them, ``_config.yml``.

Each rule is written once and shared by the build and the command line.
"""
