"""The server follows `output/latest`: a new release is served without a restart, with its
pages, data, feed entry, store and search index."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
import requests
from served import SECOND, change_one, publish_sample, sample_sources

from .conftest import start_server, stop


@pytest.mark.slow
def test_a_new_release_is_served_without_a_restart(tmp_path: Path) -> None:
    sources = sample_sources(tmp_path / "sources")
    output = tmp_path / "output"
    first = publish_sample(sources, output)
    url, process = start_server(output)
    try:
        page = url + "/resolution/un-ga/80/1/en"
        before = requests.get(page, headers={"Accept": "text/html"}, timeout=30)
        assert "Decides firmly" not in before.text
        etag = requests.get(page, headers={"Accept": "text/turtle"}, timeout=30).headers["ETag"]
        text = "<https://respub.org/ontology#text>"
        ask = {"query": f'ASK {{ ?c {text} ?t FILTER CONTAINS(?t, "Decides firmly") }}'}
        sparql = requests.get(url + "/sparql", params=ask, timeout=30)
        assert sparql.json()["boolean"] is False

        changed = change_one(sources)
        second = publish_sample(sources, output, SECOND)
        assert second.previous == first.release_id and second.changed == 1

        home = requests.get(url + "/", timeout=30).text
        assert second.release_id in home and first.release_id in home  # current, and history
        after = requests.get(page, headers={"Accept": "text/html"}, timeout=30)
        assert "Decides firmly" in after.text
        revalidated = requests.get(
            page, headers={"Accept": "text/turtle", "If-None-Match": etag}, timeout=30
        )
        assert revalidated.status_code == 200 and revalidated.headers["ETag"] != etag
        feed = feedparser.parse(requests.get(url + "/feed.atom", timeout=30).content)
        assert not feed.bozo and len(feed.entries) == 2
        assert second.release_id in feed.entries[0].title
        assert f"Changed {changed} (en)" in feed.entries[0].content[0].value
        assert requests.get(url + "/sparql", params=ask, timeout=30).json()["boolean"] is True
        found = requests.get(
            url + "/search", params={"q": "decides firmly", "format": "json"}, timeout=30
        ).json()
        assert found["hits"] and found["hits"][0]["identifier"] == changed
    finally:
        stop(process)
