project = "Front Door"
author = "Tester"
extensions = ["sphinx_journal"]
html_theme = "furo"
language = "ko"
html_baseurl = "https://example.org/"
# week 1 starts a week after the first post: that week keeps its ISO label
journal_course_start = "2021-08-09"
# a brand colour of the user's own, for light and dark mode
html_theme_options = {
    "light_css_variables": {"color-brand-primary": "#b5179e", "color-brand-content": "#9c1387"},
    "dark_css_variables": {"color-brand-primary": "#f28ad8", "color-brand-content": "#f59fe0"},
}
