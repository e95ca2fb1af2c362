"""Versioned releases: dumps, dataset description, provenance, validation report, change log.

- `respub.publish.run.publish(paths, settings)`: the whole job (what `respub publish` runs);
- `respub.publish.release.write_release(results, settings, files)`: a release from results;
- `respub.publish.verify.verify_release(folder)`: re-check a release.

Nothing is imported here, so `respub.store` can use the release layout without a cycle.
"""
