"""The week a day falls in, as this build labels weeks (course weeks or ISO weeks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.config import journal_config, week_labels
from sphinx_journal.records.weeks import Week, week_of

if TYPE_CHECKING:
    import datetime as dt

    from sphinx.environment import BuildEnvironment


def week(env: BuildEnvironment, day: dt.date) -> Week:
    """The week of ``day`` under this project's ``journal_course_start`` and week labels."""
    course, iso = week_labels(env.config)
    return week_of(day, journal_config(env.config).course_start, course, iso)
