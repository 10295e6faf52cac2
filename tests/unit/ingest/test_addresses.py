"""The address policy's classes, against the special-purpose address registries (RFC 6890 and
the IANA IPv4/IPv6 special-purpose registries, which Python's ipaddress follows)."""

import ipaddress

import pytest

from orchestration.ingest.addresses import AddressRefused, address_class, checked_addresses

CLASSES = {
    "127.0.0.1": "loopback",
    "127.255.0.9": "loopback",
    "::1": "loopback",
    "10.0.0.1": "private",
    "172.16.5.4": "private",
    "192.168.1.1": "private",
    "fd12:3456::1": "private",  # unique local (fc00::/7)
    "169.254.169.254": "link-local",  # cloud metadata services
    "fe80::1": "link-local",
    "224.0.0.1": "multicast",
    "ff02::1": "multicast",
    "240.0.0.1": "reserved",
    "0.0.0.0": "unspecified",
    "::": "unspecified",
    "100.64.0.1": "non-global",  # shared address space (carrier-grade NAT), RFC 6598
    "::ffff:127.0.0.1": "loopback",  # IPv4-mapped: classed as the IPv4 address it carries
    "::ffff:10.1.2.3": "private",
    "::ffff:169.254.169.254": "link-local",
    "93.184.215.14": None,
    "2606:4700::1111": None,
    "::ffff:93.184.215.14": None,
}


@pytest.mark.parametrize("text", list(CLASSES))
def test_each_address_gets_its_class(text: str) -> None:
    assert address_class(ipaddress.ip_address(text)) == CLASSES[text]


def test_a_literal_address_is_refused_naming_its_class() -> None:
    with pytest.raises(AddressRefused, match=r"^refused: 10\.0\.0\.1 is a private address$"):
        checked_addresses("10.0.0.1", 80, allow_private=False)


def test_a_name_is_refused_when_it_resolves_to_loopback() -> None:
    with pytest.raises(AddressRefused, match=r"^refused: localhost resolves to .*, a loopback"):
        checked_addresses("localhost", 80, allow_private=False)


def test_allowing_private_networks_lets_every_address_through() -> None:
    assert checked_addresses("10.0.0.1", 80, allow_private=True) == [
        ipaddress.ip_address("10.0.0.1")
    ]
