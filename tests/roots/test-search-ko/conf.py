"""A Korean journal whose key words only ever appear with a particle (SPEC §9)."""

project = "검색 일지"
extensions = ["sphinx_journal"]
language = "ko"
