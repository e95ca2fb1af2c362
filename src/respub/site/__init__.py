"""The static site of a release: home, lists, a page per body, session, work and language
version, JSON-LD, the Atom feed of releases, the sitemap and the search index.

`respub.site.build.build_site` makes it; `respub.site.release.write_site` writes it.
"""

SITE = "site"  # the site's folder in a release

__all__ = ["SITE"]
