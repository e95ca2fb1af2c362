"""The static site of a release: home, lists, a page per body, session, work and language
version, JSON-LD, the Atom feed of releases and the sitemap."""

from respub.site.build import SITE, SiteSource, build_site

__all__ = ["SITE", "SiteSource", "build_site"]
