"""Paper identifiers from URLs: arXiv, DOI, SSRN, ScienceDirect, ACL Anthology, OpenReview.

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

SCHEMES: Final = ("arxiv", "doi", "ssrn", "pii", "acl", "openreview")

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
class PaperId:
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
        }.get(self.scheme, self.value)


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
