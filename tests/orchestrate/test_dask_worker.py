"""Dask workers of a run are warmed up once, in the thread that runs their batches."""

from __future__ import annotations

import threading

import pytest
from distributed import Client, LocalCluster

from respub.orchestrate import dask_worker
from respub.orchestrate.runners import cluster_kwargs

pytestmark = pytest.mark.slow  # starts a LocalCluster of two worker processes


def where_and_warmed() -> tuple[str, list[str]]:
    return threading.current_thread().name, dask_worker.warmed()


def test_each_worker_reads_the_shapes_once_in_its_task_thread() -> None:
    with (  # distributed has no type annotations: calls to it are untyped
        LocalCluster(**cluster_kwargs(2)) as cluster,  # type: ignore[no-untyped-call]
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        workers = sorted(client.scheduler_info()["workers"])
        assert len(workers) == 2
        for address in workers:
            runs = [
                client.submit(where_and_warmed, pure=False, workers=[address]).result(120)
                for _ in range(3)
            ]
            threads = {thread for thread, _ in runs}
            assert len(threads) == 1, "every task of a worker runs in one thread"
            assert all(warmed == sorted(threads) for _, warmed in runs), runs
