"""Which network addresses a fetch may connect to: public ones only, unless the operator allows
private networks.

A feed is written by strangers: its entry links, and the redirects of any page, may name
`127.0.0.1`, a private address, or a cloud's metadata address (`169.254.169.254`). Fetching them
would read services that run beside the pipeline into a warehouse every analyst reads (server-
side request forgery). So a host is resolved here, every address it resolves to is classed with
`ipaddress`, and the host is refused when any of them is not a global one. The fetch then
connects to these checked addresses only (see http.PinnedBackend), so a name that resolves
differently a moment later (DNS rebinding) cannot slip past.
"""

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(ValueError):
    """A host refused because it resolves to an address outside the public internet."""


def address_class(address: IPAddress) -> str | None:
    """The kind of non-public address `address` is ("loopback", "private", "link-local",
    "multicast", "reserved", "unspecified", "non-global"), or None for a public one.

    An IPv4 address mapped into IPv6 (`::ffff:127.0.0.1`) is classed as the IPv4 address it
    carries, since that is where a connection to it goes.
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for name, is_kind in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-global", not address.is_global),
    ):
        if is_kind:
            return name
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to through the system resolver (a literal address is
    itself), in the resolver's order, without repeats."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def refusal(host: str, address: IPAddress, kind: str) -> str:
    """Why `host` is refused: the address and its class, in words."""
    article = "an" if kind[0] in "aeiou" else "a"
    if _literal(host) == address:
        return f"refused: {host.strip('[]')} is {article} {kind} address"
    return f"refused: {host} resolves to {address}, {article} {kind} address"


def checked_addresses(host: str, port: int, allow_private: bool) -> list[IPAddress]:
    """The addresses of `host` a fetch may connect to; AddressRefused when any of them is not
    public and `allow_private` is off. Raises socket.gaierror when the name does not resolve."""
    addresses = resolve(host, port)
    if not allow_private:
        for address in addresses:
            if kind := address_class(address):
                raise AddressRefused(refusal(host, address, kind))
    return addresses
