"""The static site's cost at N documents: cold, and after one changed document.

A corpus of N documents is made as bench_scale makes it (renumbered copies of the UN-GA
sample texts; the other sample sources are left out), published through the flow's tasks in
this process (as the tests do), then:

- cold: the site of the latest release built from scratch (`build_site`, in memory), and
  written into a copy of the release with no previous release (`write_site`, with the
  versions' N-Triples in memory as the release writer has them, and an empty view cache);
- one changed: one document changed and published again; the site step of that publish
  timed where the release writer calls it (`write_site`, with the versions' texts as the
  writer hands them over: each read from the result cache or dump when taken), and the
  count of pages it rendered rather than reused. With `--work DIR` of an earlier run, the
  corpus and its releases are reused: another document is changed and published.

Every figure is printed with the load average beside it (the machine is shared). The
one-changed site step's memory is printed beside its time: the process's resident set
when the step began, its peak during the step (Linux: the peak, VmHWM, is reset through
/proc/self/clear_refs at the step's start and read at its end) and the process's peak
before the step. Run one changed in a fresh process (`--work`) for figures that do not
include the cold builds' heap.

Run: .venv/bin/python benchmarks/bench_site.py [--size 1000] [--work DIR] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from unittest.mock import patch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_scale import make_corpus  # noqa: E402


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def publish(folders: list[Path], out: Path, when: datetime) -> Any:
    from support import publish_files

    from respub.settings import Settings

    return publish_files(folders, Settings(output_dir=out, release_time=when))


def site_inputs(release: Path) -> list[Any]:
    from respub.publish.checksums import describe_files, release_files

    skip = ("site/", "dataset.ttl", "SHA256SUMS")
    return describe_files(release, [p for p in release_files(release) if not p.startswith(skip)])


def _status(field: str) -> int:
    """A figure of /proc/self/status in kB (0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reset_peak() -> bool:
    """Reset this process's peak resident set (VmHWM) to its current one; False if it cannot."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def timed_write(release: Path, previous: Path | None, copy: Path) -> tuple[float, int, int]:
    """Write the site of `release` into a copy of it (without its site): seconds, files,
    and how many of its pages were rendered (not links to the previous release's)."""
    from respub.publish.dumps import NQUADS, read_graphs
    from respub.site import SITE
    from respub.site.release import write_site

    shutil.rmtree(copy, ignore_errors=True)
    if previous is None:  # nothing kept: no views, their light index, nor list rows
        shutil.rmtree(copy.parent / "views", ignore_errors=True)
        for kept in ("light.pickle", "rows.pickle"):
            (copy.parent / kept).unlink(missing_ok=True)
    shutil.copytree(release, copy, ignore=shutil.ignore_patterns(SITE), copy_function=os.link)
    infos = site_inputs(copy)
    graphs = read_graphs(copy / NQUADS)  # the release writer reads each when asked
    documents = {iri: partial(graphs.__getitem__, iri) for iri in graphs}
    views = copy.parent / "views"  # kept between the two builds, as under output/state/
    started = time.perf_counter()
    written = write_site(copy, infos, previous, documents, views)
    seconds = time.perf_counter() - started
    rendered = 0
    for info in written:
        mine, theirs = copy / info.path, (previous or copy) / info.path
        linked = previous is not None and theirs.exists() and mine.samefile(theirs)
        rendered += info.path.endswith(".html") and not linked
    return seconds, len(written), rendered


def timed_publish(
    folders: list[Path], out: Path, when: datetime, profile: bool = False
) -> tuple[Any, float, tuple[int, int, int]]:
    """Publish, timing the release writer's site step (`write_site`) as it runs (and
    profiling it when asked); the summary, the step's seconds, and (kB; -1 where it cannot
    be measured) the resident set at its start, the peak during it, the peak before it."""
    import respub.publish.release as writer
    from respub.site.release import write_site  # the function the writer calls

    spent: list[float] = []
    memory: list[tuple[int, int, int]] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        profiler = cProfile.Profile() if profile else None
        before, peak = _status("VmRSS"), _status("VmHWM")
        measured = _reset_peak()
        started = time.perf_counter()
        try:
            if profiler is None:
                return write_site(*args, **kwargs)
            return profiler.runcall(write_site, *args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)
            memory.append((before, _status("VmHWM") if measured else -1, peak))
            if profiler is not None:
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)

    with patch.object(writer, "write_site", timed):
        summary = publish(folders, out, when)
    return summary, sum(spent), max(memory, default=(-1, -1, -1))


def rendered_pages(release: Path, previous: Path) -> tuple[int, int]:
    """(HTML pages of `release`'s site, those that are not links to `previous`'s)."""
    from respub.site import SITE

    pages = rendered = 0
    for path in (release / SITE).rglob("*.html"):
        pages += 1
        old = previous / path.relative_to(release)
        rendered += not (old.exists() and old.samefile(path))
    return pages, rendered


def one_changed(made: list[Path], folders: list[Path], out: Path, profile: bool) -> None:
    """Change one document (the next not yet changed), publish, report the site step."""
    marker = "\nDone in New York.\n"
    changed = next(p for p in made[len(made) // 2 :] if marker not in p.read_text("utf-8"))
    changed.write_text(changed.read_text("utf-8") + marker, "utf-8")
    latest = (out / "latest").resolve()
    when = datetime.strptime(latest.name[:18], "%Y-%m-%dT%H%M%SZ").replace(tzinfo=UTC)
    when += timedelta(days=1)
    started = time.perf_counter()
    summary, site, (start, peak, before) = timed_publish(folders, out, when, profile)
    total = time.perf_counter() - started
    pages, rendered = rendered_pages(summary.release_dir, latest)
    print(
        f"one changed: publish {total:.1f} s ({summary.changed} changed), of which the site"
        f" step {site:.2f} s, {rendered} of {pages} pages rendered ({load()}); resident set"
        f" at the site step's start {start / 1024:.0f} MB, peak during it {peak / 1024:.0f} MB"
        f" (+{(peak - start) / 1024:.0f} MB), peak before it {before / 1024:.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--profile", action="store_true", help="profile the one-changed site step")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-site-"))
    out = work / "out"
    if (out / "releases").is_dir():  # an earlier run's corpus and releases
        made = sorted((work / "corpus").glob("part-*/*.md"))
        folders = sorted({p.parent for p in made})
        print(f"{len(made)} documents reused under {work} ({load()})", flush=True)
        one_changed(made, folders, out, args.profile)
        return
    _, made = make_corpus(work / "corpus", args.size)
    folders = sorted({p.parent for p in made})
    print(f"{args.size} documents under {work} ({load()})", flush=True)
    started = time.perf_counter()
    first = publish(folders, out, datetime(2026, 12, 1, 3, tzinfo=UTC))
    print(f"first publish {time.perf_counter() - started:.1f} s ({load()})", flush=True)

    from respub.site.build import build_site
    from respub.site.release import site_source

    source = site_source(first.release_dir, site_inputs(first.release_dir), None)
    started = time.perf_counter()
    built = build_site(source)
    print(
        f"cold build_site (in memory): {time.perf_counter() - started:.2f} s,"
        f" {len(built.files)} files ({load()})",
        flush=True,
    )
    seconds, count, pages = timed_write(first.release_dir, None, work / "cold-copy")
    print(f"cold write_site: {seconds:.2f} s, {count} files, {pages} pages rendered ({load()})")

    one_changed(made, folders, out, args.profile)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
