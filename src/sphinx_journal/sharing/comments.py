"""``journal_comments``: a giscus or utterances widget under each post, checked and escaped.

The widget's own script is never fetched at build time: the page holds a
placeholder whose ``data-`` attributes carry the checked settings, and a
small script of the journal (``sphinx-journal-comments.js``) inserts the
provider's script when the reader scrolls near it, with the theme that
matches the page's light or dark mode. Everything here is pure: parsing
the mapping gives the settings and a list of problems (the glue warns), and
:func:`widget_html` writes the placeholder with every value escaped.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from html import escape
from typing import Any, Final

PROVIDERS: Final = ("giscus", "utterances")
_REPO: Final = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
#: A theme is a name (``dark_dimmed``) or the address of a stylesheet.
_THEME: Final = re.compile(r"^[A-Za-z0-9_.:/?=&%~+-]+$")


@dataclasses.dataclass(frozen=True)
class _Option:
    attribute: str
    """The attribute the provider's script reads (``data-repo-id``, ``issue-term`` …)."""
    default: str | None = None
    choices: tuple[str, ...] = ()
    flag: bool = False
    """A 0/1 switch (``True``/``False`` accepted)."""
    required: bool = False


_GISCUS: Final[dict[str, _Option]] = {
    "repo": _Option("data-repo", required=True),
    "repo_id": _Option("data-repo-id", required=True),
    "category": _Option("data-category"),
    "category_id": _Option("data-category-id", required=True),
    "mapping": _Option(
        "data-mapping", "pathname", ("pathname", "url", "title", "og:title", "specific", "number")
    ),
    "term": _Option("data-term"),
    "strict": _Option("data-strict", "0", flag=True),
    "reactions_enabled": _Option("data-reactions-enabled", "1", flag=True),
    "emit_metadata": _Option("data-emit-metadata", "0", flag=True),
    "input_position": _Option("data-input-position", "bottom", ("bottom", "top")),
    "lang": _Option("data-lang"),
    "loading": _Option("data-loading", "lazy", ("lazy", "eager")),
}
_UTTERANCES: Final[dict[str, _Option]] = {
    "repo": _Option("repo", required=True),
    "issue_term": _Option("issue-term", "pathname"),
    "issue_number": _Option("issue-number"),
    "label": _Option("label"),
}
_OPTIONS: Final = {"giscus": _GISCUS, "utterances": _UTTERANCES}
#: Each provider's themes for a light and a dark page.
DEFAULT_THEMES: Final = {
    "giscus": ("light", "dark"),
    "utterances": ("github-light", "github-dark"),
}
_THEME_KEYS: Final = ("theme", "theme_light", "theme_dark")


@dataclasses.dataclass(frozen=True)
class Comments:
    """Checked settings of one provider."""

    provider: str
    attributes: tuple[tuple[str, str], ...]
    """The provider script's attributes, in a stable order, theme excluded."""
    theme_light: str
    theme_dark: str

    @property
    def repo(self) -> str:
        return dict(self.attributes).get("data-repo") or dict(self.attributes).get("repo", "")


def _key(name: object) -> str:
    """``data-repo-id``, ``repo-id`` and ``repo_id`` are one key."""
    key = str(name).strip().lower().replace("-", "_")
    return key.removeprefix("data_")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError("expected text, not True/False")
    if not isinstance(value, (str, int)):
        raise ValueError(f"expected text, not {type(value).__name__}")
    text = str(value).strip()
    if not text:
        raise ValueError("it is empty")
    return text


def _value(key: str, option: _Option, value: Any) -> str:
    if option.flag:
        if value in (True, 1, "1", "true", "True"):
            return "1"
        if value in (False, 0, "0", "false", "False"):
            return "0"
        raise ValueError("expected True or False")
    text = _text(value)
    if option.choices and text not in option.choices:
        raise ValueError(f"expected one of {', '.join(option.choices)}")
    if key == "repo" and not _REPO.match(text):
        raise ValueError("expected owner/name of a GitHub repository")
    return text


def parse_comments(value: Any, language: str | None) -> tuple[Comments | None, list[str]]:
    """The settings in ``journal_comments``, and what is wrong with it.

    An unknown key or a bad optional value is a problem and is left out; a
    missing or bad required value turns the comments off (a widget that
    cannot work is worse than none).
    """
    if value in (None, {}, ""):
        return None, []
    if not isinstance(value, Mapping):
        return None, [f"journal_comments must be a mapping, not {type(value).__name__}"]
    providers = [str(name) for name in value]
    if len(providers) != 1 or providers[0] not in PROVIDERS:
        return None, [
            f"journal_comments must have one key, 'giscus' or 'utterances' (found {providers!r}); "
            "comments are off"
        ]
    provider = providers[0]
    settings = value[provider]
    if not isinstance(settings, Mapping):
        return None, [f"journal_comments[{provider!r}] must be a mapping; comments are off"]
    options = _OPTIONS[provider]
    problems: list[str] = []
    given: dict[str, str] = {}
    themes: dict[str, str] = {}
    for raw_key, raw in settings.items():
        key = _key(raw_key)
        where = f"journal_comments[{provider!r}][{raw_key!r}]"
        if key in _THEME_KEYS:
            try:
                theme = _text(raw)
                if not _THEME.match(theme):
                    raise ValueError("expected a theme name or a stylesheet address")
            except ValueError as exc:
                problems.append(f"{where} = {raw!r} is not usable ({exc}); ignored")
                continue
            themes[key] = theme
            continue
        option = options.get(key)
        if option is None:
            known = ", ".join([*options, *_THEME_KEYS])
            problems.append(f"{where}: unknown setting (known: {known}); ignored")
            continue
        try:
            given[key] = _value(key, option, raw)
        except ValueError as exc:
            if option.required:
                problems.append(f"{where} = {raw!r} is not usable ({exc}); comments are off")
                return None, problems
            problems.append(f"{where} = {raw!r} is not usable ({exc}); using the default")
    missing = [key for key, option in options.items() if option.required and key not in given]
    if missing:
        problems.append(
            f"journal_comments[{provider!r}] lacks {', '.join(missing)}; comments are off"
        )
        return None, problems
    if provider == "giscus":
        if given.get("mapping") in ("specific", "number") and "term" not in given:
            problems.append(
                f"journal_comments['giscus']: mapping {given['mapping']!r} needs a term; "
                "comments are off"
            )
            return None, problems
        given.setdefault("lang", (language or "en").replace("_", "-"))
    attributes = []
    for key, option in options.items():
        text = given.get(key, option.default)
        if text is not None:
            attributes.append((option.attribute, text))
    light, dark = DEFAULT_THEMES[provider]
    fixed = themes.get("theme")
    return (
        Comments(
            provider,
            tuple(attributes),
            fixed or themes.get("theme_light", light),
            fixed or themes.get("theme_dark", dark),
        ),
        problems,
    )


def widget_html(comments: Comments, heading: str, waiting: str) -> str:
    """The placeholder the journal's script fills in; every value escaped."""
    attributes = json.dumps(dict(comments.attributes), ensure_ascii=False, sort_keys=True)
    return (
        f'<section class="journal-comments" id="journal-comments" '
        f'aria-label="{escape(heading)}">\n'
        f"<h2>{escape(heading)}</h2>\n"
        f'<div class="journal-comments-widget" data-provider="{escape(comments.provider)}" '
        f'data-attributes="{escape(attributes)}" '
        f'data-theme-light="{escape(comments.theme_light)}" '
        f'data-theme-dark="{escape(comments.theme_dark)}">\n'
        f'<p class="journal-comments-waiting">{escape(waiting)}</p>\n'
        "</div>\n</section>\n"
    )
