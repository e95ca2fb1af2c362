"""A real browser (Debian's chromium, headless) on the served site: home, list, an English
and the Arabic page, the language switcher, right-to-left, and no script from a document."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import CHROMIUM, Browser
from served import HOSTILE

from respub.publish.manifest import read_manifest

from .conftest import Server

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="needs a browser: apt-get install chromium (.ci/run does)",
    ),
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    opened = Browser()
    yield opened
    opened.close()


def path_of(iri: str) -> str:
    return "/" + iri.removeprefix("https://data.respub.org/")


def test_home_and_the_filterable_list(server: Server, browser: Browser) -> None:
    browser.goto(server.url + "/")
    assert server.release.release_id in browser.eval("document.body.innerText")
    assert browser.eval("document.querySelectorAll('table.downloads tr').length") > 5
    browser.screenshot("home")
    browser.goto(server.url + "/resolutions")
    total = browser.eval("document.querySelectorAll('#resolutions tbody tr').length")
    assert total == len({e.work_iri for e in read_manifest(server.release.release_dir).entries})
    # Choosing a body in the form hides the other bodies' rows (the page's own script).
    shown = browser.eval(
        "(() => { const s = document.querySelector('select[name=body]'); s.value = 'INTERPOL-GA';"
        " s.dispatchEvent(new Event('change', {bubbles: true}));"
        " const rows = [...document.querySelectorAll('#resolutions tbody tr')];"
        " return rows.filter(r => !r.hidden).length })()"
    )
    assert shown == 1 and browser.eval("document.getElementById('shown').textContent") == "1"
    browser.screenshot("list-filtered")


def test_an_english_page_its_clauses_and_the_language_switcher(
    server: Server, browser: Browser
) -> None:
    entry = next(
        e
        for e in read_manifest(server.release.release_dir).entries
        if e.language == "en" and e.identifier.startswith("GA-")
    )
    browser.goto(server.url + path_of(entry.expression_iri) + "#operative-2")
    assert browser.eval("document.documentElement.lang") == "en"
    assert browser.eval("document.documentElement.dir") == "ltr"
    clauses = browser.eval("document.querySelectorAll('.clause').length")
    assert clauses == len(entry.clauses.preamble) + len(entry.clauses.operative)
    keyword = browser.eval("document.querySelector('#operative-2 .keyword').textContent")
    assert keyword == "URGES"
    browser.screenshot("page-en")
    # Follow the switcher to the Arabic version, as a reader would.
    browser.follow("nav.languages a[hreflang=ar]")
    assert browser.eval("location.pathname").removesuffix(".html").endswith("/ar")
    assert browser.eval("document.documentElement.lang") == "ar"
    assert browser.eval("document.documentElement.dir") == "rtl"
    assert browser.eval("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    assert browser.eval("document.querySelector('#operative-2 .keyword').textContent") == "تحث"
    browser.screenshot("page-ar")


def test_a_script_in_a_document_does_not_run(server: Server, browser: Browser) -> None:
    entry = next(
        e for e in read_manifest(server.release.release_dir).entries if e.identifier == "A/RES/80/6"
    )
    browser.dialogs.clear()
    browser.goto(server.url + path_of(entry.expression_iri))
    text = browser.eval("document.querySelector('.preamble').innerText")
    assert HOSTILE in text  # shown as text
    scripts = browser.eval("[...document.scripts].map(s => s.textContent).join(' ')")
    assert "alert" not in scripts
    assert browser.dialogs == []
    browser.screenshot("page-hostile")
    # The check can fail: a page that does run a script opens a dialog we record.
    browser.goto("data:text/html,<script>alert(1)</script>")
    assert browser.dialogs == ["1"]
