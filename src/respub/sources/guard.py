"""What keeps an HTTP fetch bounded and confined: a total deadline, and no request to a
private, loopback or link-local address (checked after DNS resolution, on every hop of
a redirect) unless explicitly allowed.

>>> refused_address("http://127.0.0.1:8000/x.md", allow_private=False)
'127.0.0.1 resolves to 127.0.0.1, a loopback address; allow with --allow-private-network'
>>> refused_address("http://169.254.169.254/latest/meta-data", allow_private=False)[:50]
'169.254.169.254 resolves to 169.254.169.254, a lin'
>>> refused_address("http://127.0.0.1:8000/x.md", allow_private=True) is None
True
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from respub.problems import problem

__all__ = ["Deadline", "address_kind", "refused_address"]


@dataclass
class Deadline:
    """The moment a fetch must be over by (monotonic clock), for all its attempts."""

    seconds: float
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    @property
    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.started + self.seconds - time.monotonic())

    @property
    def passed(self) -> bool:
        """True once the deadline is over."""
        return self.remaining <= 0.0

    def cap(self, seconds: float) -> float:
        """`seconds`, or what is left of the deadline if that is less (at least 1 ms)."""
        return max(0.001, min(seconds, self.remaining))


def address_kind(address: str) -> str | None:
    """ "private", "loopback", "link-local", ... for an address no fetch may reach
    unless allowed; None for a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, found in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if found:
            return kind
    return None


def refused_address(url: str, *, allow_private: bool, allowed: tuple[str, ...] = ()) -> str | None:
    """Why `url` may not be fetched (its host resolves to a non-public address), or None.

    Every address the host resolves to is checked: one private address is enough to
    refuse (a name that resolves both ways could be steered to the private one).
    `allowed` lists networks (CIDR) that may be reached all the same.
    """
    if allow_private:
        return None
    host = urlsplit(url).hostname
    if not host:
        return "the URL has no host"
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        return f"cannot resolve {host}: {getattr(error, 'strerror', None) or error}"
    for info in infos:
        address = str(info[4][0])
        kind = address_kind(address)
        if kind is not None and not _within(address, allowed):
            return problem("address-refused", host=host, address=address, kind=kind).message
    return None


def _within(address: str, networks: tuple[str, ...]) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return any(ip in ipaddress.ip_network(n, strict=False) for n in networks)
