"""Where resolutions come from: manifests of sources and the HTTP fetcher."""
