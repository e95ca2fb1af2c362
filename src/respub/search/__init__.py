"""Full-text search over the titles and clauses of a release (SQLite FTS5).

`build_index` writes the index's shards at publish time (`site/search/*.sqlite`);
`search` opens them read-only and merges their hits. Text is folded first (`fold`): no
diacritics, accents or Arabic letter variants; the Porter stemmer then matches English
plural and past forms.
"""

from respub.search.fold import fold
from respub.search.index import SEARCH, build_index, index_rows, shards
from respub.search.query import Hit, search

__all__ = ["SEARCH", "Hit", "build_index", "fold", "index_rows", "search", "shards"]
