"""Records from a read document: directives, and a plain post's recognised headings.

Runs as a transform right after the post transform, on the parsed
document: checkboxes become builder-neutral, progress bars are added, and
the schedules, lectures and retrospectives of the document go into the
domain. Speaker and affiliation of a recognised lecture come from the same
post's schedule items shaped like ``Speaker (Affiliation) - Title``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import sys
from collections.abc import Iterator
from typing import Any, Final

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_journal import priorities
from sphinx_journal.config import JournalConfig, journal_config
from sphinx_journal.domain import journal_domain
from sphinx_journal.i18n import _
from sphinx_journal.jekyll.files import slug_of
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.jekyll.slugs import slugify
from sphinx_journal.posts.reading import post_meta
from sphinx_journal.records.sections import (
    Lecture,
    PeerSession,
    Retrospective,
    Schedule,
    Task,
)
from sphinx_journal.sections.checklist import collect_tasks, convert_checkboxes, tasks_by_section
from sphinx_journal.sections.directives import KIND
from sphinx_journal.sections.headings import (
    configured_kind,
    heading_key,
    is_one_lecture_title,
    lecture_heading,
    names_one_lecture,
    names_only_a_kind,
    normalize_heading,
    section_kind,
    speaker_in,
    stem_kind,
)
from sphinx_journal.sections.nodes import progress_bar
from sphinx_journal.warnings_ import warn


def _containers(root: nodes.Node, kind: str) -> list[nodes.container]:
    return [node for node in root.findall(nodes.container) if node.get(KIND) == kind]


def _anchor(node: nodes.Element) -> str:
    return str(node["ids"][0]) if node["ids"] else ""


def _day(value: str | None, fallback: dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else fallback


def speakers_from_tasks(
    tasks: Iterator[Task] | tuple[Task, ...], pattern: re.Pattern[str]
) -> dict[str, tuple[str, str]]:
    """Normalised lecture title -> (speaker, affiliation), from ``Speaker (Aff) - Title`` items."""
    found: dict[str, tuple[str, str]] = {}
    for task in tasks:
        match = pattern.match(task.text)
        if match is None:
            continue
        groups = match.groupdict()
        title = normalize_heading(groups.get("title") or "")
        if title:
            found.setdefault(
                title,
                (
                    sys.intern((groups.get("speaker") or "").strip()),
                    sys.intern((groups.get("affiliation") or "").strip()),
                ),
            )
    return found


def _blank(section: nodes.Element) -> bool:
    """Nothing under the heading but comments: not yet written, so not a record."""
    return all(
        isinstance(child, (nodes.title, nodes.comment, nodes.target)) for child in section.children
    )


def _paragraphs(root: nodes.Element) -> tuple[str, ...]:
    texts = []
    for paragraph in root.findall(nodes.paragraph):
        if "journal-retrospective-meta" in paragraph["classes"]:
            continue
        text = " ".join(paragraph.astext().split())
        if text:
            texts.append(text)
    return tuple(texts)


class SectionsTransform(SphinxTransform):
    """Make the records of a document's schedules, lectures and retrospectives."""

    default_priority = priorities.SECTIONS

    def apply(self, **kwargs: Any) -> None:
        meta = post_meta(self.env)
        containers = {
            kind: _containers(self.document, kind)
            for kind in ("schedule", "lecture", "retrospective")
        }
        if meta is None and not any(containers.values()):
            return
        config = journal_config(self.config)
        docname = self.env.docname
        post_day = meta.date.day if meta is not None and meta.date is not None else None
        if meta is not None:
            convert_checkboxes(self.document)
        else:
            for container in containers["schedule"]:
                convert_checkboxes(container)

        schedules = [self._schedule(c, post_day) for c in containers["schedule"]]
        lectures = [self._lecture(c, post_day) for c in containers["lecture"]]
        retrospectives = [self._retrospective(c, post_day) for c in containers["retrospective"]]
        peer_sessions: list[PeerSession] = []
        if meta is not None:
            self._recognise(
                meta, config, post_day, schedules, lectures, retrospectives, peer_sessions
            )
            planned = tuple(task for s in schedules if s.is_schedule for task in s.tasks)
            speakers = speakers_from_tasks(planned, config.lecture_regex)
            lectures = [self._with_speaker(lecture, speakers, planned) for lecture in lectures]

        domain = journal_domain(self.env)
        if schedules:
            domain.schedules.set(docname, tuple(schedules))
        if lectures:
            domain.lectures.set(docname, tuple(lectures))
        if retrospectives:
            domain.retrospectives.set(docname, tuple(retrospectives))
        if peer_sessions:
            domain.peer_sessions.set(docname, tuple(peer_sessions))

    def _schedule(self, container: nodes.container, post_day: dt.date | None) -> Schedule:
        tasks = collect_tasks(container)
        container.insert(0, progress_bar(sum(t.done for t in tasks), len(tasks)))
        if not container["ids"]:
            self.document.set_id(container)
        return Schedule(
            self.env.docname,
            _anchor(container),
            _day(container.get("journal_date"), post_day),
            tasks,
            container.line,
        )

    def _retrospective(self, container: nodes.container, post_day: dt.date | None) -> Retrospective:
        if not container["ids"]:
            self.document.set_id(container)  # the retrospectives page links right to it
        return Retrospective(
            self.env.docname,
            _anchor(container),
            post_day,
            _paragraphs(container),
            container.get("journal_mood", ""),
            container.get("journal_rating"),
            container.line,
        )

    def _other_anchor(self, node: nodes.Element, label: str) -> str | None:
        """Give ``node`` the anchor ``lecture-<label>``, one that survives edits of the post.

        docutils ids are ASCII, so a Korean title's section is ``id4`` and
        becomes ``id5`` when a heading is added above it, breaking every
        link other projects made through ``objects.inv``. The label's id
        (Unicode letters are valid in HTML ids; LaTeX escapes them) is added
        beside the node's own ids, so the heading's permalink is unchanged.
        A label used twice in one post keeps the node's own id for the second,
        and that id is returned (``None``: the lecture's anchor is ``lecture-<label>``).
        """
        anchor = f"lecture-{label}"
        owner = self.document.ids.get(anchor)
        if owner is not None and owner is not node:
            if not node["ids"]:
                self.document.set_id(node)
            return _anchor(node)
        if anchor not in node["ids"]:
            node["ids"].append(anchor)
            self.document.ids[anchor] = node
        return None

    def _lecture(self, container: nodes.container, post_day: dt.date | None) -> Lecture:
        # speakers, affiliations and series repeat from post to post (as do peer-session
        # titles, below): each is interned, one string in memory and in the pickle
        return Lecture(
            docname=self.env.docname,
            title=container["journal_title"],
            explicit_label=(
                ""
                if container["journal_label"] == slugify(container["journal_title"])
                else container["journal_label"]
            ),
            date=_day(container.get("journal_date"), post_day),
            speaker=sys.intern(container.get("journal_speaker", "")),
            affiliation=sys.intern(container.get("journal_affiliation", "")),
            series=sys.intern(container.get("journal_series", "")),
            tags=tuple(container.get("journal_tags", ())),
            line=container.line,
            other_anchor=self._other_anchor(container, container["journal_label"]),
        )

    def _recognise(
        self,
        meta: PostMeta,
        config: JournalConfig,
        post_day: dt.date | None,
        schedules: list[Schedule],
        lectures: list[Lecture],
        retrospectives: list[Retrospective],
        peer_sessions: list[PeerSession],
    ) -> None:
        """Sections whose headings name a kind, unless a directive already did; then every task."""
        docname = self.env.docname
        taken: set[int] = set()  # sections already made a record of their own kind

        def inside_taken(section: nodes.Element) -> bool:
            parent = section.parent
            while parent is not None:
                if id(parent) in taken:
                    return True
                parent = parent.parent
            return False

        found: set[str] = set()
        top = _top_section(self.document)
        one_lecture = not lectures and self._is_one_lecture(meta, config)
        for section in list(self.document.findall(nodes.section)):
            if section is top:
                continue  # the post's own title: see _whole_post
            title = _title_of(section)
            kind = section_kind(title, config.sections)
            if kind is None or inside_taken(section):
                continue
            if one_lecture and kind == "lectures" and not names_one_lecture(title):
                continue  # ``2. 강의 목표`` in a lecture's notes: a part of it, no container
            if kind == "schedule":
                if _containers(section, "schedule"):
                    continue
                tasks = collect_tasks(section)
                if not tasks:
                    # a built-in name over a meeting agenda is not a schedule
                    if configured_kind(title, config.own_sections) == "schedule":
                        warn(
                            "schedule",
                            f"section {title!r} has no task list ('- [ ] item' lines); "
                            "nothing to count",
                            section,
                        )
                    continue
                section.insert(1, progress_bar(sum(t.done for t in tasks), len(tasks)))
                schedules.append(Schedule(docname, _anchor(section), post_day, tasks, section.line))
            elif kind in ("lectures", "office-hour"):
                made = self._section_lectures(section, kind, post_day)
                if not made:
                    continue
                lectures.extend(made)
            elif kind in ("retrospective", "peer-session") and _blank(section):
                pass  # a heading still waiting for its text (``new``'s template): no record
            elif kind == "retrospective":
                if _containers(section, "retrospective"):
                    continue
                retrospectives.append(
                    Retrospective(
                        docname, _anchor(section), post_day, _paragraphs(section), line=section.line
                    )
                )
            elif kind == "peer-session":
                peer_sessions.append(
                    PeerSession(
                        docname,
                        _anchor(section),
                        post_day,
                        sys.intern(" ".join(title.split())),
                        _paragraphs(section),
                        section.line,
                    )
                )
            found.add(kind)
            taken.add(id(section))
        self._whole_post(meta, config, post_day, found, lectures, retrospectives, peer_sessions)
        self._other_tasks(post_day, schedules)

    def _titles(self, meta: PostMeta) -> list[str]:
        """What names the post as a whole: front matter title, first heading, file name."""
        top = _top_section(self.document)
        titles = (
            meta.title,
            _title_of(top) if top is not None else "",
            _title_from_docname(self.env.docname),
        )
        return [title for title in titles if title]

    def _is_one_lecture(self, meta: PostMeta, config: JournalConfig) -> bool:
        """Whether the post as a whole is one lecture's notes, whatever its headings say.

        Its title is shaped like one lecture (``Day_1 01. Basic Python``,
        ``[3강] 최적화``), or it says twice that it is one session: its title
        (``[특강] 서비스 향 AI``) and a tag or category (``특강``).
        """
        titles = self._titles(meta)
        lecture_kinds = (None, "lectures")  # not ``Day 3 - 1. 회고``
        if any(
            is_one_lecture_title(title) and section_kind(title, config.sections) in lecture_kinds
            for title in titles
        ):
            return True
        return (
            bool(titles)
            and names_one_lecture(titles[0])
            and section_kind(titles[0], config.sections) in ("lectures", "office-hour")
            and any(names_one_lecture(name) for name in (*meta.tags, *meta.categories))
        )

    def _whole_post(
        self,
        meta: PostMeta,
        config: JournalConfig,
        post_day: dt.date | None,
        found: set[str],
        lectures: list[Lecture],
        retrospectives: list[Retrospective],
        peer_sessions: list[PeerSession],
    ) -> None:
        """A post whose title names a kind it has no section of is, as a whole, that section.

        ``[스페셜피어세션]`` with no heading at all, ``… 런칭 회고``: the title
        says what the body is. A post without lectures of its own is one
        lecture when its title is shaped like one (``Day_1 01. Basic Python``,
        ``[3강] 최적화``, see :func:`is_one_lecture_title`) or a tag or
        category names a session (``특강``, ``오피스아워``, ``seminar``).
        """
        top = _top_section(self.document)
        titles = self._titles(meta)
        kinds = ((n, section_kind(title, config.sections)) for n, title in enumerate(titles))
        which, kind = next(((n, k) for n, k in kinds if k is not None), (0, None))
        named = titles[which] if titles else ""
        # ``[Mentoring] talk.md`` says what the post is; its title still names it
        title = titles[0] if titles and which == len(titles) - 1 else named
        docname = self.env.docname
        body: nodes.Element = top if top is not None else self.document
        anchor = _anchor(top) if top is not None else ""
        line = top.line if top is not None else None
        if kind in found or kind == "schedule":
            return
        if kind == "retrospective" and not retrospectives:
            retrospectives.append(
                Retrospective(docname, anchor, post_day, _paragraphs(body), line=line)
            )
        elif kind == "peer-session":
            peer_sessions.append(
                PeerSession(docname, anchor, post_day, sys.intern(title), _paragraphs(body), line)
            )
        elif lectures or kind not in (None, "lectures", "office-hour"):
            return
        elif kind == "office-hour" or (kind == "lectures" and names_one_lecture(named)):
            lectures.append(
                self._lecture_from(body, title, kind, post_day, anchor_node=top, tags=meta.tags)
            )
        elif lecture_title := next((t for t in titles if is_one_lecture_title(t)), None):
            lectures.append(
                self._lecture_from(
                    body, lecture_title, "lectures", post_day, anchor_node=top, tags=meta.tags
                )
            )
        elif session := next(
            (name for name in (*meta.tags, *meta.categories) if names_one_lecture(name)), None
        ):
            session_kind = "office-hour" if stem_kind(session) == "office-hour" else "lectures"
            lectures.append(
                self._lecture_from(
                    body, titles[0], session_kind, post_day, anchor_node=top, tags=meta.tags
                )
            )

    def _other_tasks(self, post_day: dt.date | None, schedules: list[Schedule]) -> None:
        """Task items outside every schedule: the tasks of the section that holds each."""
        scheduled = {schedule.anchor for schedule in schedules}

        def skip(node: nodes.Node) -> bool:
            if not isinstance(node, nodes.Element):
                return False
            if node.get(KIND) == "schedule":
                return True
            return isinstance(node, nodes.section) and _anchor(node) in scheduled

        for owner, tasks in tasks_by_section(self.document, skip):
            if isinstance(owner, nodes.section):
                label = " ".join(_title_of(owner).split())
                owner.insert(1, progress_bar(sum(t.done for t in tasks), len(tasks)))
                anchor, line = _anchor(owner), owner.line
            else:
                meta = post_meta(self.env)
                label = (meta.title if meta is not None else None) or ""
                anchor, line = "", None
            schedules.append(
                Schedule(self.env.docname, anchor, post_day, tasks, line, label=label or "·")
            )

    def _section_lectures(
        self, section: nodes.section, kind: str, post_day: dt.date | None
    ) -> list[Lecture]:
        """A session heading is one lecture; a container's subsections (or HTML headings) are."""
        title = " ".join(_title_of(section).split())
        if _containers(section, "lecture"):
            return []
        if kind == "office-hour" or names_one_lecture(title):
            return [self._lecture_from(section, title, kind, post_day, anchor_node=section)]
        result = []
        for sub in list(section.children):  # markers are inserted as we go
            if isinstance(sub, nodes.section) and not _containers(sub, "lecture"):
                sub_title = " ".join(_title_of(sub).split())
                sub_kind = "office-hour" if stem_kind(sub_title) == "office-hour" else "lectures"
                result.append(self._lecture_from(sub, sub_title, sub_kind, post_day, sub))
            elif isinstance(sub, nodes.raw) and (raw_title := _raw_heading(sub)):
                marker = nodes.container(classes=["journal-lecture-anchor"])
                position = section.index(sub)
                # raw nodes have no line: the section's, plus the place, keeps the post's order
                marker.line = sub.line or (section.line or 0) + position
                section.insert(position, marker)
                result.append(self._lecture_from(marker, raw_title, "lectures", post_day, marker))
        return result

    def _lecture_from(
        self,
        node: nodes.Element,
        text: str,
        kind: str,
        post_day: dt.date | None,
        anchor_node: nodes.Element | None,
        tags: tuple[str, ...] = (),
    ) -> Lecture:
        """A recognised lecture: number, series and speaker read from its heading.

        A post that is one lecture gives it the post's tags (``tags``).
        """
        read = lecture_heading(text)
        series = read.series
        if kind == "office-hour":
            series = str(_("Office hour"))
        label = slugify(text)
        if names_only_a_kind(read.title) and post_day is not None:
            label = f"{label}-{post_day.isoformat()}"  # one 마스터 클래스 per day
        other = self._other_anchor(anchor_node, label) if anchor_node is not None else ""
        return Lecture(
            docname=self.env.docname,
            title=read.title,
            explicit_label=label if label != slugify(read.title) else "",
            date=post_day,
            speaker=sys.intern(read.speaker),
            series=sys.intern(series),
            tags=tags,
            line=node.line,
            number=read.number,
            recognised=True,
            other_anchor=other,
        )

    @staticmethod
    def _with_speaker(
        lecture: Lecture, speakers: dict[str, tuple[str, str]], tasks: tuple[Task, ...] = ()
    ) -> Lecture:
        if lecture.speaker:
            return lecture
        found = speakers.get(normalize_heading(lecture.title))
        if found is not None:
            speaker, affiliation = found
            return dataclasses.replace(
                lecture, speaker=speaker, affiliation=lecture.affiliation or affiliation
            )
        if lecture.recognised and names_only_a_kind(lecture.title):
            # ``마스터 클래스`` notes, ``- [x] 마스터클래스 18:00 안수빈 마스터님 - 데이터 …`` item
            key = heading_key(lecture.title)
            for task in tasks:
                if heading_key(task.text).startswith(key) and (who := speaker_in(task.text)):
                    return dataclasses.replace(lecture, speaker=who)
        return lecture


_RAW_HEADING: Final = re.compile(r"^\s*<h([1-6])\b[^>]*>(?P<text>.*?)</h\1>\s*$", re.S | re.I)
_TAG: Final = re.compile(r"<[^>]*>")


def _raw_heading(node: nodes.raw) -> str:
    """The text of a raw HTML heading (``<h3 data-toc-skip> OOP </h3>``), if ``node`` is one."""
    if "html" not in node.get("format", "").split():
        return ""
    match = _RAW_HEADING.match(node.astext())
    if match is None:
        return ""
    return html.unescape(" ".join(_TAG.sub("", match["text"]).split()))


def _top_section(document: nodes.document) -> nodes.section | None:
    """The section that is the whole post (titled by its front matter or first heading)."""
    sections = [child for child in document.children if isinstance(child, nodes.section)]
    return sections[0] if len(sections) == 1 else None


def _title_of(section: nodes.Element) -> str:
    """A section's heading text (the post's header may stand before its title)."""
    for child in section.children:
        if isinstance(child, nodes.title):
            return child.astext()
    return ""


def _title_from_docname(docname: str) -> str:
    """``_posts/2016-10-04-서비스-런칭-회고`` -> ``서비스 런칭 회고`` (Jekyll's title rule)."""
    return slug_of(docname.rsplit("/", 1)[-1]).replace("-", " ")
