"""The address guard: may Monitor send a webhook to this URL?

Pure apart from the resolver, which is passed in (tests give a fake one; delivery uses
``resolve``, the system's). A URL is refused when

- its scheme is not https (or http, when ``require_https`` is false), it has no host, or
  it carries a user name or password;
- its host does not resolve, or resolves to any address that is loopback, private,
  link-local (which includes the cloud metadata address 169.254.169.254), multicast,
  reserved, unspecified, or otherwise not globally routable; IPv4-mapped IPv6 addresses
  (``::ffff:10.0.0.1``) are judged as the IPv4 address they carry.

``allow_private`` (for local testing only) lifts the address rules except multicast and
unspecified. Every resolved address must pass, not just one: DNS answers can mix public
and private addresses, and the connection must go to an address that was checked.
"""

import dataclasses
import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

type Resolver = Callable[[str, int], list[str]]


class AddressRefused(ValueError):
    """The URL may not receive webhooks; the message says why, for the subscriber."""


@dataclasses.dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (any of ``addresses``, in order) and what to ask for."""

    scheme: str
    host: str
    port: int
    path: str
    addresses: tuple[str, ...]


def resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def target_check(
    url: str, *, require_https: bool, allow_private: bool, resolver: Resolver = resolve
) -> Target:
    """The checked target of ``url``; ``AddressRefused`` when it may not receive webhooks."""
    parts = urlsplit(url)
    allowed = ("https",) if require_https else ("https", "http")
    if parts.scheme not in allowed:
        raise AddressRefused("Webhook URLs must use https.")
    if not parts.hostname:
        raise AddressRefused("The URL has no host.")
    if parts.username or parts.password:
        raise AddressRefused("The URL may not carry a user name or password.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise AddressRefused("The URL's port is not a number from 0 to 65535.") from None
    try:
        addresses = resolver(parts.hostname, port)
    except (OSError, UnicodeError):
        raise AddressRefused(f"The host {parts.hostname} does not resolve.") from None
    if not addresses:
        raise AddressRefused(f"The host {parts.hostname} does not resolve.")
    for address in addresses:
        reason = address_refusal(address, allow_private=allow_private)
        if reason:
            raise AddressRefused(f"{parts.hostname} resolves to {address}, {reason}.")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, parts.hostname, port, path, tuple(addresses))


def address_refusal(address: str, *, allow_private: bool) -> str:
    """Why ``address`` (an IPv4 or IPv6 address as text) may not be sent to, or ``""``."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if allow_private:
        return ""
    for refused, name in (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local or metadata address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    ):
        if refused:
            return name
    return ""
