"""The journal's look: one stylesheet built on the theme's own variables, and sidebar fragments.

furo is extended only through ``html_sidebars`` fragments and the page
context, never by overriding its ``layout.html``; other themes get the same
stylesheet with fallbacks, and a plainer look.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE: Final = Path(__file__).parent


def _on_config_inited(app: Sphinx, config: Config) -> None:
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    config.templates_path = [*config.templates_path, str(HERE / "templates")]


def setup_theme(app: Sphinx) -> None:
    app.connect("config-inited", _on_config_inited)
    app.add_css_file("sphinx-journal.css")
