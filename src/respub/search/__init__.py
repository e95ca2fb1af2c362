"""Full-text search over the titles and clauses of a release (SQLite FTS5).

`build_index` writes the index at publish time (`site/search.sqlite`); `search` opens it
read-only. Text is folded first (`fold`): no diacritics, accents or Arabic letter variants;
the Porter stemmer then matches English plural and past forms.
"""

from respub.search.fold import fold
from respub.search.index import INDEX, build_index, index_rows
from respub.search.query import Hit, search

__all__ = ["INDEX", "Hit", "build_index", "fold", "index_rows", "search"]
