"""The Prefect API a run reports to, checked before the run starts: a `PREFECT_API_URL`
that does not answer is one clear error at once, not an "internal error" after Prefect's
client has retried it for twenty seconds."""

from __future__ import annotations

import requests

from respub.errors import PublishError

__all__ = ["check_configured_api"]


def check_configured_api(timeout: float = 10.0) -> str | None:
    """The configured `PREFECT_API_URL` once its `/health` answered (any HTTP status: a
    server that answers is there), None when none is configured (respub then starts a
    temporary server); `PublishError` when it cannot be reached in `timeout` seconds."""
    from prefect.settings import PREFECT_API_URL

    url: str | None = PREFECT_API_URL.value()
    if not url:
        return None
    try:
        requests.get(f"{url.rstrip('/')}/health", timeout=timeout, allow_redirects=False)
    except requests.exceptions.SSLError:
        return url  # Prefect's client has TLS settings of its own: let it judge
    except requests.RequestException as error:
        raise PublishError(
            f"the Prefect API at {url} (PREFECT_API_URL) {_why(error, timeout)}, "
            "or unset PREFECT_API_URL to let respub start a temporary server"
        ) from None
    return url


def _why(error: requests.RequestException, timeout: float) -> str:
    if isinstance(error, requests.Timeout):
        return f"did not answer in {timeout:g} s: start it"
    if isinstance(error, requests.ConnectionError):
        return "cannot be reached: start it"
    return "is not a URL: set it to the API's URL (http://host:port/api)"
