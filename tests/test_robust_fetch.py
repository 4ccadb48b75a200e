"""Fetching against hostile servers on 127.0.0.1 (issue 11, items 3, 4 and 10's site-local):
decompression bombs, headers trickled a byte at a time, DNS rebinding.

No packet leaves loopback: the public address a fake resolver gives is never really
connected to (``socket.create_connection`` refuses it in the test).
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib

import pytest

from faultlines.errors import FetchError
from faultlines.ingest import web
from faultlines.ingest.web import fetch, unsafe_address_kind
from faultlines.options import Options
from test_ingest_web import Page, site  # noqa: F401  (the local web site fixture)

LOCAL = Options(allow_private=True, timeout=5.0)


def _gzip_of_zeros(megabytes: int) -> bytes:
    """gzip of ``megabytes`` MiB of zero bytes, made piece by piece (about 1,000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    return b"".join(packer.compress(zeros) for _ in range(megabytes)) + packer.flush()


@pytest.mark.parametrize(("encoding", "layers"), [("gzip", 1), ("gzip, gzip", 2)])
def test_web_decompression_bomb_stops_at_the_cap_without_inflating(site, encoding, layers):  # noqa: F811
    body = _gzip_of_zeros(200)
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    site.pages["/bomb"] = Page(body, headers={"Content-Encoding": encoding})
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            fetch(site.url("/bomb"), LOCAL.but(max_bytes=1 << 20))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "larger than the limit" in caught.value.problem.reason
    assert peak < 16 << 20, f"{peak:,} bytes held while refusing a {len(body):,}-byte body"


def test_web_gzip_page_within_the_cap_is_read_whole(site):  # noqa: F811
    page = b"<html><body><p>" + b"Turkey threatened the YPG. " * 4000 + b"</p></body></html>"
    site.pages["/gz"] = Page(gzip.compress(gzip.compress(page)), headers={"Content-Encoding": "gzip, gzip"})
    assert fetch(site.url("/gz"), LOCAL).body == page


def test_web_unknown_content_encoding_is_a_clear_refusal(site):  # noqa: F811
    site.pages["/br"] = Page(b"\x1b\x00\x00", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/br"), LOCAL)
    assert "'br'" in caught.value.problem.reason


@pytest.fixture
def trickling_server():
    """A server that sends its status line and headers one byte every 0.2 s, for 8 s at most."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(10)
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(4096)
            header = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * 1000
            for byte in header[:40]:
                if stop.wait(0.2):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_web_timeout_is_a_deadline_even_for_trickled_headers(trickling_server):
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(trickling_server, Options(allow_private=True, timeout=1.0))
    assert "timed out after 1 s" in caught.value.problem.reason
    assert time.monotonic() - started < 3.0


def test_web_connects_to_the_address_that_was_checked_not_a_rebound_one(site, monkeypatch):  # noqa: F811
    """A DNS server answering a public address to the check and 127.0.0.1 afterwards."""
    site.pages["/secret"] = Page(b"<html><body><p>intranet secret</p></body></html>")
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection
    answers = iter(["93.184.216.34"])
    connected: list[str] = []

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host == "news.rebind.example":
            address = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def loopback_only_connect(address, *args, **kwargs):
        host = address[0]
        if host not in ("127.0.0.1", "news.rebind.example"):
            connected.append(host)
            raise ConnectionRefusedError("nothing beyond loopback in this test")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", loopback_only_connect)
    with pytest.raises(FetchError):
        fetch(f"http://news.rebind.example:{site.port}/secret", Options(timeout=2.0))
    assert site.paths == []
    assert connected == ["93.184.216.34"]


@pytest.mark.parametrize("address", ["fec0::1", "feff:ffff::1", "fec0:0:0:1::5"])
def test_web_site_local_ipv6_is_not_public(address):
    assert unsafe_address_kind(address) == "site-local"
    with pytest.raises(FetchError, match="site-local"):
        web.check_destination(f"http://[{address}]/", Options())
