"""Paper identifiers from URLs: arXiv, DOI, SSRN, ScienceDirect, ACL, OpenReview and venues.

NeurIPS (NIPS), PMLR, JMLR, CVF open access, IEEE Xplore, Semantic Scholar
and ACM pages without a DOI have identifiers of their own (``pmlr:v37/ioffe15``).

Pure and offline: a URL is recognised by its shape alone. One paper reached
through several URLs (``arxiv.org/abs/…v2`` and ``arxiv.org/pdf/….pdf``)
gets one identifier, so it is one entry in the bibliography.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Mapping
from typing import Final
from urllib.parse import parse_qs, unquote, urlsplit

from sphinx_journal.pickling import PickledAsFields

SCHEMES: Final = (
    *("arxiv", "doi", "ssrn", "pii", "acl", "openreview"),
    *("neurips", "pmlr", "jmlr", "cvf", "ieee", "s2", "acm"),
)

_ARXIV_NEW: Final = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?")
_ARXIV_OLD: Final = re.compile(r"([a-z-]+(?:\.[A-Za-z]{2})?/\d{7})(?:v\d+)?")
_DOI: Final = re.compile(r"(10\.\d{4,9}/[^\s?#]+)")
_PATH_DOI: Final = re.compile(r"(?:^|/)(10\.\d{4,9}/[^\s?#]+)")
_DOI_TAIL: Final = re.compile(r"(?:/(?:full|abstract|pdf|epdf|epub|meta|html|fulltext))+$|\.pdf$")
_ACL_NEW: Final = re.compile(r"(\d{4}\.[a-z0-9-]+\.\d+)")
_ACL_OLD: Final = re.compile(r"([A-Z]\d{2}-\d{4})")
_SAFE: Final = re.compile(r"[^A-Za-z0-9._:/()-]")
_NATURE_ARTICLE: Final = re.compile(r"^/articles/([A-Za-z0-9.\-]+?)(?:\.pdf)?/?$")


@dataclasses.dataclass(frozen=True, order=True, slots=True)
class PaperId(PickledAsFields):
    """``scheme:value``, e.g. ``arxiv:1706.03762`` or ``doi:10.1145/3442188.3445922``."""

    scheme: str
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "scheme", sys.intern(self.scheme))  # few schemes, many ids

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"

    @property
    def key(self) -> str:
        """A portable BibTeX key and HTML anchor: ``arxiv-1706.03762``."""
        value = re.sub(r"[^A-Za-z0-9.]+", "-", self.value).strip("-")
        return f"{self.scheme}-{value}"

    @property
    def url(self) -> str:
        """The canonical address of the paper."""
        return {
            "arxiv": f"https://arxiv.org/abs/{self.value}",
            "doi": f"https://doi.org/{self.value}",
            "ssrn": f"https://papers.ssrn.com/sol3/papers.cfm?abstract_id={self.value}",
            "pii": f"https://www.sciencedirect.com/science/article/pii/{self.value}",
            "acl": f"https://aclanthology.org/{self.value}/",
            "openreview": f"https://openreview.net/forum?id={self.value}",
            "neurips": _neurips_url(self.value),
            "pmlr": f"https://proceedings.mlr.press/{self.value}.html",
            "jmlr": f"https://jmlr.org/papers/{self.value}.html",
            "cvf": _cvf_url(self.value),
            "ieee": f"https://ieeexplore.ieee.org/document/{self.value}",
            "s2": f"https://www.semanticscholar.org/paper/{self.value}",
            "acm": f"https://dl.acm.org/citation.cfm?id={self.value}",
        }.get(self.scheme, self.value)


def _cvf_url(value: str) -> str:
    folder, _, name = value.rpartition("/")
    return f"https://openaccess.thecvf.com/{folder}/html/{name}_paper.html"


def _neurips_url(value: str) -> str:
    """``2017/3f5ee243…`` (a proceedings hash) or ``7181`` (an old papers.nips.cc number)."""
    if "/" in value:
        year, digest = value.split("/", 1)
        return f"https://proceedings.neurips.cc/paper/{year}/hash/{digest}-Abstract.html"
    return f"https://papers.nips.cc/paper/{value}"


_NEURIPS_HASH: Final = re.compile(
    r"/paper(?:_files/paper)?/(\d{4})/(?:hash|file)/([0-9a-f]{32})-", re.IGNORECASE
)
_NEURIPS_OLD: Final = re.compile(r"^/paper/(\d+)(?:-[^/]*?)?(?:\.pdf)?/?$")
_PMLR: Final = re.compile(r"^/(v\d+|r\d+)/([a-z0-9_-]+?)(?:/[^/]*)?(?:\.html|\.pdf)?/?$", re.I)
_JMLR: Final = re.compile(
    r"^/papers/(?:v|volume)(\d+)/([a-z0-9_-]+?)(?:/[^/]*)?(?:\.html|\.pdf)?/?$", re.I
)
_CVF: Final = re.compile(
    r"^/(content(?:_[a-z]+_\d{4}|/[a-z]+\d{4}[a-z]*)(?:/w\d+)?)/(?:html|papers)/"
    r"(?:[a-z]+/)?([^/]+?)_paper\.(?:html|pdf)$",
    re.I,
)
_IEEE: Final = re.compile(r"/document/(\d+)")
_S2: Final = re.compile(r"^/paper/(?:[^/]+/)?([0-9a-f]{40})/?$")


def _venue(host: str, path: str, query: str) -> PaperId | None:
    """The proceedings and indexes whose pages name a paper without a DOI."""
    match: re.Match[str] | None
    if host in ("papers.nips.cc", "proceedings.neurips.cc", "papers.neurips.cc"):
        match = _NEURIPS_HASH.search(path)
        if match:
            return PaperId("neurips", f"{match.group(1)}/{match.group(2).lower()}")
        match = _NEURIPS_OLD.match(path)
        return PaperId("neurips", match.group(1)) if match else None
    if host == "proceedings.mlr.press":
        match = _PMLR.match(path)
        return PaperId("pmlr", f"{match.group(1)}/{match.group(2)}") if match else None
    if host in ("jmlr.org", "jmlr.csail.mit.edu"):
        match = _JMLR.match(path)
        return PaperId("jmlr", f"v{match.group(1)}/{match.group(2)}") if match else None
    if host == "openaccess.thecvf.com":
        match = _CVF.match(path)
        return PaperId("cvf", f"{match.group(1)}/{match.group(2)}") if match else None
    if host == "ieeexplore.ieee.org":
        match = _IEEE.search(path)
        number = match.group(1) if match else _query(query, "arnumber")
        return PaperId("ieee", number) if number and number.isdigit() else None
    if host in ("semanticscholar.org", "api.semanticscholar.org"):
        match = _S2.match(path)
        return PaperId("s2", match.group(1).lower()) if match else None
    if host == "dl.acm.org" and "/doi/" not in path:
        number = _query(query, "id", "doid")
        return (
            PaperId("acm", number.split(".")[-1])
            if number and number.replace(".", "").isdigit()
            else None
        )
    return None


_LINK_SCHEMES: Final = frozenset({"http", "https"})
_UNSAFE_IN_LINK: Final = re.compile(r"[\x00-\x20\x7f\"<>\\^`{|}]")


def safe_link(url: str) -> str | None:
    """``url`` if it may be a link in a page, feed or ``papers.bib``, else ``None``.

    Metadata and ``.bib`` fields are not the page author's own text: only
    ``http(s)`` addresses and ``doi:`` names (as ``https://doi.org/…``) are
    links, never ``javascript:``, ``data:`` or a relative path; characters
    that could end an attribute or a BibTeX field are percent-encoded.
    """
    text = url.strip()
    if text.lower().startswith("doi:"):
        text = "https://doi.org/" + text[4:].strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or not parts.netloc:
        return None
    return _UNSAFE_IN_LINK.sub(lambda match: f"%{ord(match.group(0)):02X}", text)


def _clean_doi(text: str) -> str | None:
    doi = unquote(text).strip().rstrip(".,;)]}>\"'")
    doi = _DOI_TAIL.sub("", doi)
    match = _DOI.fullmatch(doi)
    return match.group(1).lower() if match else None


def _arxiv(path: str) -> PaperId | None:
    tail = re.sub(r"^/(?:abs|pdf|html|format|ps)/", "", path).removesuffix(".pdf").strip("/")
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.fullmatch(tail)
        if match:
            return PaperId("arxiv", match.group(1))
    return None


def _query(query: str, *names: str) -> str | None:
    params = parse_qs(query)
    for name in names:
        for value in params.get(name, []):
            if value.strip():
                return value.strip()
    return None


def recognize(url: str, extra_patterns: Mapping[str, str] | None = None) -> PaperId | None:
    """The paper a URL points to, or ``None`` for anything that is not a paper."""
    for pattern, scheme in (extra_patterns or {}).items():
        match = re.search(pattern, url)
        if match and match.groupdict().get("id"):
            return PaperId(scheme, match.group("id"))
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path)
    if host in ("arxiv.org", "export.arxiv.org"):
        return _arxiv(path)
    if host in ("doi.org", "dx.doi.org"):
        doi = _clean_doi(path.lstrip("/"))
        return PaperId("doi", doi) if doi else None
    if host == "nature.com":
        match = _NATURE_ARTICLE.match(path)
        return PaperId("doi", f"10.1038/{match.group(1).lower()}") if match else None
    if host.endswith("ssrn.com"):
        number = _query(parts.query, "abstract_id", "abstract", "abstractid")
        if number is None:  # the short form https://ssrn.com/abstract=2477899
            match = re.search(r"abstract(?:_?id)?=(\d+)", path)
            number = match.group(1) if match else None
        return PaperId("ssrn", number) if number and number.isdigit() else None
    if host.endswith("sciencedirect.com"):
        match = re.search(r"/pii/([A-Z0-9]+)", path, re.IGNORECASE)
        return PaperId("pii", match.group(1).upper()) if match else None
    if host in ("aclanthology.org", "aclweb.org"):
        tail = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".pdf")
        for acl in (_ACL_NEW, _ACL_OLD):
            if acl.fullmatch(tail):
                return PaperId("acl", tail)
        return None
    if host == "openreview.net":
        forum = _query(parts.query, "id")
        return PaperId("openreview", forum) if forum and path in ("/forum", "/pdf") else None
    venue = _venue(host, path, parts.query)
    if venue is not None:
        return venue
    # publisher pages that carry the DOI in their path (ACM, Springer, Wiley, …)
    match = _PATH_DOI.search(path)
    if match:
        doi = _clean_doi(match.group(1))
        return PaperId("doi", doi) if doi else None
    return None


def parse_target(text: str) -> PaperId | None:
    """The paper a ``{paper}`` role names: ``arxiv:1706.03762``, ``doi:…`` or a URL."""
    text = text.strip()
    if "://" in text:
        return recognize(text)
    scheme, sep, value = text.partition(":")
    scheme = scheme.strip().lower()
    value = value.strip()
    if not sep or scheme not in SCHEMES or not value or _SAFE.search(value):
        return None
    if scheme == "doi":
        doi = _clean_doi(value)
        return PaperId("doi", doi) if doi else None
    if scheme == "arxiv":
        return _arxiv("/abs/" + value)
    return PaperId(scheme, value)
