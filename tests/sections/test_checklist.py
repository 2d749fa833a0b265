"""Counting MyST task lists: nested items count, checkboxes become builder-neutral nodes."""

from __future__ import annotations

import re

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.utils import new_document
from myst_parser.parsers.docutils_ import Parser

from sphinx_journal.config import DEFAULT_LECTURE_PATTERN
from sphinx_journal.records.sections import Task
from sphinx_journal.sections.checklist import collect_tasks, convert_checkboxes, has_task_list
from sphinx_journal.sections.nodes import task_checkbox
from sphinx_journal.sections.recognition import speakers_from_tasks

SCHEDULE = """\
* 9/24(금)
  - [x] 특강 : AI 엔지니어로서 알면 좋을 지식들
    - [x] 이준엽 (Upstage) - Full Stack ML Engineer
    - [ ] 오혜연 (KAIST) - AI Ethics
  - [X] 시각화 오피스아워 9/24 (금) 18:00~19:30
1. [ ] ordered, **bold** text
"""


def parse(source: str) -> nodes.document:
    """A doctree exactly as MyST's docutils parser makes it, with task lists on."""
    settings = get_default_settings(Parser)
    settings.myst_enable_extensions = ["tasklist"]
    settings.report_level = 5
    document = new_document("<test>", settings)
    Parser().parse(source, document)
    return document


def test_myst_task_items_are_list_items_with_a_raw_html_checkbox() -> None:
    """What the counter relies on: MyST's own output shape."""
    document = parse(SCHEDULE)
    items = [i for i in document.findall(nodes.list_item) if "task-list-item" in i["classes"]]
    assert len(items) == 5
    first = items[0][0]
    assert isinstance(first, nodes.paragraph) and isinstance(first[0], nodes.raw)
    assert 'type="checkbox"' in first[0].astext() and "checked" in first[0].astext()


def test_nested_items_count_and_text_is_the_items_own() -> None:
    document = parse(SCHEDULE)
    assert has_task_list(document)
    assert collect_tasks(document) == (
        Task("특강 : AI 엔지니어로서 알면 좋을 지식들", True, 0),
        Task("이준엽 (Upstage) - Full Stack ML Engineer", True, 1),
        Task("오혜연 (KAIST) - AI Ethics", False, 1),
        Task("시각화 오피스아워 9/24 (금) 18:00~19:30", True, 0),
        Task("ordered, bold text", False, 0),
    )


def test_checkboxes_become_neutral_nodes_and_count_the_same() -> None:
    document = parse(SCHEDULE)
    before = collect_tasks(document)
    convert_checkboxes(document)
    assert not list(document.findall(nodes.raw))
    marks = [box.astext().strip() for box in document.findall(task_checkbox)]
    assert marks == ["☑", "☑", "☐", "☑", "☐"]
    assert collect_tasks(document) == before


@pytest.mark.parametrize("source", ["* plain\n* list\n", "Just text.\n", ""])
def test_no_task_list(source: str) -> None:
    document = parse(source)
    assert not has_task_list(document) and collect_tasks(document) == ()


def test_speakers_come_from_speaker_affiliation_title_items() -> None:
    tasks = collect_tasks(parse(SCHEDULE))
    found = speakers_from_tasks(tasks, re.compile(DEFAULT_LECTURE_PATTERN))
    assert found == {
        "full stack ml engineer": ("이준엽", "Upstage"),
        "ai ethics": ("오혜연", "KAIST"),
    }
