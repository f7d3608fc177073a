"""The address guard, with a fake resolver: which webhook URLs Monitor refuses to call."""

import pytest

from monitor.subscribers.webhooks.addresses import AddressRefused, target_check


def resolver(*addresses):
    def resolve(host, port):
        return list(addresses)

    return resolve


def check(url, *addresses, require_https=True, allow_private=False):
    return target_check(
        url,
        require_https=require_https,
        allow_private=allow_private,
        resolver=resolver(*addresses or ("93.184.215.14",)),
    )


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.9", "private"),
        ("192.168.1.1", "private"),
        ("fd00:ec2::254", "private"),
        ("169.254.169.254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),  # noqa: S104
        ("::", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public address"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "metadata"),
    ],
)
def test_non_public_addresses_are_refused(address, reason):
    with pytest.raises(AddressRefused, match=reason):
        check("https://hooks.example.org/in", address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    target = check("https://hooks.example.org:8443/in?desk=1", address)
    assert (target.host, target.port, target.path, target.addresses) == (
        "hooks.example.org",
        8443,
        "/in?desk=1",
        (address,),
    )


def test_one_private_address_among_public_ones_is_enough_to_refuse():
    with pytest.raises(AddressRefused, match=r"10\.0\.0\.5"):
        check("https://hooks.example.org/", "93.184.215.14", "10.0.0.5")


def test_https_is_required_unless_told_otherwise():
    with pytest.raises(AddressRefused, match="https"):
        check("http://hooks.example.org/")
    assert check("http://hooks.example.org/", require_https=False).port == 80
    assert check("https://hooks.example.org/").port == 443
    with pytest.raises(AddressRefused, match="https"):
        check("ftp://hooks.example.org/", require_https=False)


def test_private_addresses_when_allowed_for_local_testing_but_never_unspecified():
    assert check("http://localhost:8000/", "127.0.0.1", require_https=False, allow_private=True)
    assert check("https://hooks.internal/", "10.0.0.1", allow_private=True)
    with pytest.raises(AddressRefused, match="unspecified"):
        check("https://hooks.internal/", "0.0.0.0", allow_private=True)  # noqa: S104


def test_malformed_urls_and_hosts_that_do_not_resolve_are_refused():
    with pytest.raises(AddressRefused, match="no host"):
        check("https:///in")
    with pytest.raises(AddressRefused, match="user name"):
        check("https://user:pw@hooks.example.org/")
    with pytest.raises(AddressRefused, match="port"):
        check("https://hooks.example.org:99999/")
    for answer in ([], OSError("Name or service not known")):

        def resolve(host, port, answer=answer):
            if isinstance(answer, Exception):
                raise answer
            return answer

        with pytest.raises(AddressRefused, match="does not resolve"):
            target_check(
                "https://nowhere.example/",
                require_https=True,
                allow_private=False,
                resolver=resolve,
            )
