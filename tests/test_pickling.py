"""The journal's records pickle as their fields and come back equal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from pathlib import Path

import pytest
from docutils import nodes

import sphinx_journal.extension  # noqa: F401  (imports every record class)
from sphinx_journal.jekyll.dates import PostDate
from sphinx_journal.jekyll.metadata import PostMeta
from sphinx_journal.papers.identifiers import PaperId
from sphinx_journal.pickling import PickledAsFields, shared
from sphinx_journal.records.citations import Citation
from sphinx_journal.records.post import Post
from sphinx_journal.records.sections import Lecture, Schedule, Task


def _record_classes() -> list[type]:
    found: list[type] = []
    pending = list(PickledAsFields.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", _record_classes(), ids=lambda cls: cls.__name__)
def test_every_field_is_positional(cls: type) -> None:
    """``__reduce__`` passes the fields in ``__match_args__`` to the constructor: all of them."""
    assert dataclasses.is_dataclass(cls)
    assert cls.__match_args__ == tuple(field.name for field in dataclasses.fields(cls))


def test_records_round_trip() -> None:
    day = PostDate(dt.date(2021, 9, 24), dt.time(9, 30), dt.timedelta(hours=9))
    meta = PostMeta(
        title="Day 36",
        subtitle="강의",
        date=day,
        date_from_filename=False,
        categories=("Boostcamp",),
        tags=("NLP", "week 8"),
        series="NLP",
        series_order=2.0,
        extra={"use_math": True},
        key_lines={"tags": 6},
    )
    post = Post("_posts/2021-09-24-day36", "Day 36", meta, "An excerpt.")
    assert post.sort_key  # cached on the instance …
    records = [
        post,
        Schedule("_posts/a", "id2", day.day, (Task("특강", True, 1), Task("과제", False)), 12),
        Lecture("_posts/a", "X", "", day.day, "Kim", "KAIST", "NLP", ("t",), 3, 2, True, "id4"),
        Citation(
            "_posts/a",
            PaperId("arxiv", "1706.03762"),
            "paper",
            "paper-arxiv",
            5,
            0,
            "",
        ),
    ]
    for record in records:
        copy = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert copy == record and type(copy) is type(record)
    # … and not saved with it: a record's pickle holds what it says, nothing derived
    assert "sort_key" not in vars(pickle.loads(pickle.dumps(post)))


def test_fields_left_at_their_defaults_are_not_written() -> None:
    """The trailing fields at rest are left to the constructor; any other field is written."""
    at_rest = Task("과제", False)
    assert at_rest.__reduce__() == (Task, ("과제", False))
    nested = Task("과제", False, 1)
    assert nested.__reduce__() == (Task, ("과제", False, 1))
    # ``False == 0``: a field holding a value of another type than its default is not at rest
    odd = Task("과제", False, False)  # type: ignore[arg-type]
    assert odd.__reduce__() == (Task, ("과제", False, False))
    meta = PostMeta(title="Day 1", extra={"layout": "post"})  # a default_factory's field
    assert (
        len(meta.__reduce__()[1])
        == [f.name for f in dataclasses.fields(PostMeta)].index("extra") + 1
    )
    for record in (at_rest, nested, odd, meta, PostMeta(title="Day 1")):
        copy = pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
        assert copy == record and type(copy) is type(record)
    assert type(pickle.loads(pickle.dumps(odd)).depth) is bool


def test_a_lecture_does_not_save_the_anchor_its_label_gives() -> None:
    day = dt.date(2021, 9, 24)
    lecture = Lecture("_posts/a", "Transformer 심화", "", day, recognised=True)
    assert lecture.anchor == "lecture-transformer-심화"
    assert b"lecture-" not in pickle.dumps(lecture, pickle.HIGHEST_PROTOCOL)
    labelled = Lecture("_posts/a", "Transformer", "attention", day)
    assert labelled.anchor == "lecture-attention"
    taken = Lecture("_posts/a", "Transformer", "", day, other_anchor="id4")
    assert taken.anchor == "id4"
    assert pickle.loads(pickle.dumps(taken, pickle.HIGHEST_PROTOCOL)).anchor == "id4"


def _fresh(text: str) -> str:
    """``text`` as a new string object, as each post's parser makes it."""
    return "".join(list(text))


def test_a_string_repeated_across_records_is_written_once() -> None:
    """Each post parses ``특강`` anew; the saved environment holds it once, and loads it once."""
    first, second = Task(_fresh("특강"), True), Task(_fresh("특강"), False)
    assert first.text is not second.text
    data = pickle.dumps((first, second), pickle.HIGHEST_PROTOCOL)
    assert data.count("특강".encode()) == 1
    loaded = pickle.loads(data)
    assert loaded == (first, second) and loaded[0].text is loaded[1].text


def test_shared_reaches_tuples_and_dicts() -> None:
    value = {_fresh("tags"): (_fresh("NLP"), 3), "n": [_fresh("x")]}
    again = shared({_fresh("tags"): (_fresh("NLP"), 3), "n": [_fresh("x")]})
    assert shared(value) == value == again
    (key,) = (k for k in shared(value) if k == "tags")
    (other,) = (k for k in again if k == "tags")
    assert key is other and shared(value)["tags"][0] is again["tags"][0]
    assert shared(value)["n"] == ["x"]  # a list may change after it is shared: left as it is


@pytest.mark.sphinx
def test_the_saved_environment_shares_the_front_matter_keys(copy_root, build) -> None:
    built = build(copy_root("basic"))
    env = pickle.loads((Path(built.app.doctreedir) / "environment.pickle").read_bytes())
    first, second = (
        env.metadata[name] for name in ("_posts/2021-09-24-day36", "_posts/2021-09-27-day37")
    )
    (one,) = (key for key in first if key == "categories")
    (other,) = (key for key in second if key == "categories")
    assert one is other
    lectures = [
        lecture for records in env.domaindata["journal"]["lectures"].values() for lecture in records
    ]
    assert lectures and all(lecture.docname in env.all_docs for lecture in lectures)


@pytest.mark.sphinx
@pytest.mark.parametrize("parallel", [1, 2])
def test_the_saved_tables_of_contents_write_their_attribute_names_once(
    copy_root, build, parallel: int
) -> None:
    """Docutils makes each entry's ``refuri`` anew: the journal saves one, read in any process."""
    built = build(copy_root("basic"), parallel=parallel)
    data = (Path(built.app.doctreedir) / "environment.pickle").read_bytes()
    env = pickle.loads(data)
    references = [node for toc in env.tocs.values() for node in toc.findall(nodes.reference)]
    assert len({id(node) for node in references}) > 5
    names = {id(name) for node in references for name in node.attributes if name == "refuri"}
    assert len(names) == 1
    assert data.count(b"anchorname") == 1
    own = [node["refuri"] for node in references if node["refuri"] == "_posts/2021-09-24-day36"]
    assert len(own) > 1 and all(refuri is own[0] for refuri in own)
    categories = {id(key) for meta in env.metadata.values() for key in meta if key == "categories"}
    assert len(categories) == 1
