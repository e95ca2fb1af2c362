"""Versioned releases: dumps, dataset description, provenance, validation report, change log.

- `respub.publish.plan.plan_release(results, previous, settings, vocabulary)`: the plan (pure);
- `respub.publish.render`: the files of a plan, as bytes per path (add producers there);
- `respub.publish.release.write_release(results, settings)`: the one atomic writer;
- `respub.publish.verify.verify_release(folder)`: re-check a release.

The run itself (sources → results → release → store) is the Prefect flow,
`respub.orchestrate.flow`. Nothing is imported here, so `respub.store` can use the release
layout without a cycle.
"""
