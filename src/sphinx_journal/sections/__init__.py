"""Journal sections: schedules, lectures and retrospectives, and their roll-ups.

:mod:`.headings` (pure) names the section a heading is, :mod:`.checklist`
counts task lists, :mod:`.directives` are the explicit way to write them,
:mod:`.recognition` makes the records of both ways, :mod:`.index` derives
the cross-post views and :mod:`.rollups` renders them, the lecture index's
tables through :mod:`.lecture_index`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_journal.sections import rollups
from sphinx_journal.sections.directives import (
    LectureDirective,
    RetrospectiveDirective,
    ScheduleDirective,
)
from sphinx_journal.sections.nodes import setup_nodes
from sphinx_journal.sections.recognition import SectionsTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_journal.site.registry import JournalRegistry


def setup_sections(app: Sphinx, registry: JournalRegistry) -> None:
    """Register the section directives, heading recognition and roll-up pages."""
    setup_nodes(app)
    app.add_directive("schedule", ScheduleDirective)
    app.add_directive("lecture", LectureDirective)
    app.add_directive("retrospective", RetrospectiveDirective)
    app.add_directive("journal-lectures", rollups.LecturesDirective)
    app.add_directive("journal-retrospectives", rollups.RetrospectivesDirective)
    app.add_directive("journal-peer-sessions", rollups.PeerSessionsDirective)
    app.add_directive("journal-progress", rollups.ProgressDirective)
    app.add_transform(SectionsTransform)
    rollups.register(registry)
