"""Orchestration: the Prefect flow that publishes releases, and what it is built from.

- `commands`: what `respub publish` and `respub schedule` call;
- `flow`: the flows (`publish_resolutions`, its `process-documents` subflow);
- `schedule`: the nightly deployment, served;
- `batching`, `cache`, `fingerprint`: plan a run, reuse unchanged results, batch the rest;
- `staging`: sources from folders, globs and manifests; HTTP entries fetched and staged;
- `report`, `state`, `runners`, `settings`: the run's report, its state, its task runner.

Nothing is imported here: importing Prefect costs seconds, the CLI pays it only when needed.
"""
