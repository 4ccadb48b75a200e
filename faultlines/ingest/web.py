"""Download one web page or feed over HTTP(S), refusing what would be unsafe or too big.

``fetch`` gets the bytes behind one URL. ``read_url`` turns a URL into articles (one for
a page, one per item for a feed) and never raises: a bad URL comes back as a ``Problem``
so that a batch of URLs goes on past it.

Safety, checked on every hop of a redirect chain (redirects are followed here, not by
httpx, for that reason): only http and https; the host is resolved once and refused when
any of its addresses is private, loopback, link-local, site-local, multicast, reserved or
unspecified, unless ``Options.allow_private`` -- otherwise a link or a redirect could make
faultlines read an intranet page or a cloud metadata service. The connection then goes to
exactly the addresses that were checked (``_PinnedBackend``; the Host header and TLS name
stay the URL's), so a DNS server that answers differently the second time (DNS rebinding)
gains nothing.

Limits: ``Options.timeout`` is a deadline for the whole download, redirects included --
every read and write on the socket gets at most the time left, so a server sending its
headers one byte a second is cut off too. ``Options.max_bytes`` counts the bytes after
decompression: gzip and deflate (also stacked, ``Content-Encoding: gzip, gzip``) are
inflated here in pieces of at most 64 KiB, and the download stops as soon as the count
passes the cap, so a small compressed "bomb" never grows in memory.

It does not run JavaScript, send cookies or log in, retry, cache, or go through an HTTP
proxy (connecting to the checked address rules one out).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http import HTTPStatus

import httpcore
import httpx

from ..errors import FetchError, InputError
from ..options import Options
from ..values import Article, InputKind, Problem
from .feeds import looks_like_feed, read_feed
from .html import article_from_html

MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}

# Encodings inflated here, piece by piece; the request offers only these.
_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
_PIECE = 64 * 1024  # the most one inflate step may produce

ALLOW_PRIVATE_FIX = "pass --allow-private to fetch from private or loopback addresses"
MAX_BYTES_FIX = "raise the limit with --max-bytes if the page is meant to be this big"
TIMEOUT_FIX = "raise the limit with --timeout if the site is slow, or try again later"


@dataclass(frozen=True)
class Fetched:
    """What one URL returned, after following its redirects.

    ``content_type`` is the bare media type in lower case (``text/html``), without
    parameters; ``charset`` is the one the Content-Type header names, if any.
    ``redirects`` lists the URLs passed through before ``final_url``.
    """

    url: str
    final_url: str
    status: int
    content_type: str | None
    body: bytes
    charset: str | None = None
    redirects: tuple[str, ...] = ()


def fetch(url: str, options: Options) -> Fetched:
    """Download ``url``, following up to 5 redirects; raises FetchError when refused or failed."""
    deadline = time.monotonic() + options.timeout
    backend = _PinnedBackend(deadline)
    passed_through: list[str] = []
    current = url
    with httpx.Client(
        follow_redirects=False,
        headers={"User-Agent": options.user_agent, "Accept-Encoding": ", ".join(_ENCODINGS)},
        timeout=options.timeout,
        transport=_pinned_transport(backend),
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            backend.allow(*_check_hop(url, current, options))
            try:
                response = client.send(
                    client.build_request(
                        "GET", current, timeout=_time_left(url, deadline, options)
                    ),
                    stream=True,
                )
                try:
                    location = _redirect_location(response)
                    if location is None:
                        _refuse_unless_success(url, response)
                        return Fetched(
                            url=url,
                            final_url=str(response.url),
                            status=response.status_code,
                            content_type=_media_type(response),
                            body=_read_capped(url, response, options, deadline),
                            charset=response.charset_encoding,
                            redirects=tuple(passed_through),
                        )
                finally:
                    response.close()
            except httpx.InvalidURL as error:
                raise FetchError(url, f"not a valid URL ({error})", "check the URL") from error
            except httpx.HTTPError as error:
                raise _download_error(url, error, options) from error
            passed_through.append(current)
            current = location
    raise FetchError(
        url,
        f"too many redirects (more than {MAX_REDIRECTS})",
        "open the URL in a browser to see where it leads, and give the final address",
    )


def check_destination(url: str, options: Options) -> tuple[str, int, list[str]]:
    """Raise FetchError unless ``url`` is http(s) on a host that may be fetched from.

    Returns the host, port and the addresses it resolved to, all of them checked: the
    only ones ``fetch`` connects to. Resolves the host even when private addresses are
    allowed, so that a host that does not exist is reported the same way either way.
    """
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise FetchError(url, f"not a valid URL ({error})", "check the URL") from error
    if parsed.scheme not in _DEFAULT_PORTS:
        scheme = f"'{parsed.scheme}'" if parsed.scheme else "a URL without one"
        raise FetchError(
            url,
            f"only http and https URLs can be fetched, not {scheme}",
            "give a URL starting with http:// or https://",
        )
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise FetchError(url, "the URL has no host name", "check the URL")
    port = parsed.port or _DEFAULT_PORTS[parsed.scheme]
    try:
        addresses = _addresses(host, port)
    except (socket.gaierror, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise FetchError(
            url,
            f"could not find the host {host} ({reason})",
            "check the URL, and that this computer can look up host names",
        ) from error
    if options.allow_private:
        return host, port, addresses
    for address in addresses:
        kind = unsafe_address_kind(address)
        if kind:
            where = address if host == address else f"{host} resolves to {address}, which"
            raise FetchError(
                url,
                f"refused: {where} is a {kind} address, and fetching from it could "
                "expose a private network",
                ALLOW_PRIVATE_FIX,
            )
    return host, port, addresses


def unsafe_address_kind(address: str) -> str | None:
    """Why an IP address is not public ("loopback", "private", ...), or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    # ::ffff:127.0.0.1 and 2002:7f00:1:: reach the IPv4 address they carry.
    if ip.version == 6:
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    # Most specific first: 169.254.169.254 is also "private", but "link-local" says more.
    for kind, matches in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        # fec0::/10, deprecated but still routed inside some networks; Python calls it global.
        ("site-local", ip.version == 6 and ip.is_site_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if matches:
            return kind
    # Ranges such as 100.64.0.0/10 (carrier-grade NAT) are none of the above yet not public.
    return None if ip.is_global else "non-public"


def read_url(url: str, options: Options) -> Iterator[Article | Problem]:
    """The article at ``url``, or one article per item when it is a feed.

    Problems with this URL are yielded, never raised. The outlet and date are what the
    page (or feed) says; overriding them with ``Options`` is the caller's business.
    """
    try:
        fetched = fetch(url, options)
    except InputError as error:
        yield error.problem
        return
    if looks_like_feed(fetched.body, fetched.content_type):
        yield from read_feed(fetched.body, fetched.final_url, options)
        return
    try:
        yield article_from_page(fetched, input_kind="url")
    except InputError as error:
        yield error.problem


def article_from_page(fetched: Fetched, input_kind: InputKind) -> Article:
    """The article in a fetched HTML page, keyed by its final URL; raises InputError if none."""
    if not _could_be_html(fetched.content_type):
        raise InputError(
            fetched.final_url,
            f"not a web page but {fetched.content_type}",
            "give the URL of the article's HTML page",
        )
    return article_from_html(
        _decoded(fetched),
        key=fetched.final_url,
        input_kind=input_kind,
        url=fetched.final_url,
    )


def _check_hop(requested: str, current: str, options: Options) -> tuple[str, int, list[str]]:
    """check_destination for one hop, saying which redirect led there if not the first."""
    try:
        return check_destination(current, options)
    except FetchError as error:
        if current == requested:
            raise
        raise FetchError(
            requested, f"redirected to {current}: {error.problem.reason}", error.problem.fix
        ) from error


def _addresses(host: str, port: int) -> list[str]:
    """Every address the host resolves to (an IP literal resolves to itself, offline)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # The resolver's order (it puts the preferred family first): fetch tries them so.
    return list(dict.fromkeys(info[4][0] for info in infos))


def _time_left(url: str, deadline: float, options: Options) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(url, options)
    return left


def _redirect_location(response: httpx.Response) -> str | None:
    """The absolute URL a redirect points to, or None when the response is not one."""
    location = response.headers.get("location")
    if response.status_code not in _REDIRECT_STATUSES or not location:
        return None
    return str(response.url.join(location))


def _refuse_unless_success(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    phrase = response.reason_phrase
    if not phrase:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
    raise FetchError(url, f"HTTP {status} {phrase}".rstrip(), _status_fix(status))


def _status_fix(status: int) -> str:
    if status in (404, 410):
        return "check the URL; the page may have moved or been taken down"
    if status in (401, 403, 451):
        return "the site refuses automated downloads; save the page from a browser and ingest the .html file"
    if status == 429:
        return "the site limits how often it may be asked; wait and try again"
    if status >= 500:
        return "the site has a fault; try again later"
    if status in _REDIRECT_STATUSES:
        return "the site redirected without saying where; open the URL in a browser"
    return "check the URL"


def _read_capped(
    url: str, response: httpx.Response, options: Options, deadline: float
) -> bytes:
    """The response body, refusing it as soon as it is known to exceed max_bytes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchError(
            url,
            f"the page is {int(declared):,} bytes, more than the limit of "
            f"{options.max_bytes:,} bytes",
            MAX_BYTES_FIX,
        )
    chunks: list[bytes] = []
    received = 0
    # Inflated here, not by httpx: its decoders inflate a whole network read at once, and
    # 2 KB of "gzip, gzip" can be a gigabyte. Pieces are at most _PIECE bytes, counted as
    # they come, so the cap is checked before anything big exists.
    try:
        for piece in _inflated(response.iter_raw(), _content_encodings(url, response)):
            received += len(piece)
            if received > options.max_bytes:
                raise FetchError(
                    url,
                    f"the page is larger than the limit of {options.max_bytes:,} bytes "
                    f"(stopped after {received:,} bytes, decompressed)",
                    MAX_BYTES_FIX,
                )
            # The socket reads are bounded by the deadline too (_DeadlineStream); this
            # catches a body whose pieces each arrive just in time.
            if time.monotonic() > deadline:
                raise _timed_out(url, options)
            chunks.append(piece)
    except zlib.error as error:
        raise FetchError(
            url, f"the page's compressed body is damaged ({error})", "try again later, or save it from a browser"
        ) from error
    return b"".join(chunks)


def _content_encodings(url: str, response: httpx.Response) -> list[str]:
    """The encodings applied to the body, in the order they were applied; raises for unknown ones."""
    found = [
        value.strip().lower()
        for value in response.headers.get_list("content-encoding", split_commas=True)
        if value.strip() and value.strip().lower() != "identity"
    ]
    for encoding in found:
        if encoding not in _ENCODINGS:
            raise FetchError(
                url,
                f"the server compressed the page as '{encoding}', which faultlines does not read "
                "(it asks for gzip or deflate)",
                "save the page from a browser and ingest the .html file",
            )
    return found


def _inflated(raw: Iterable[bytes], encodings: list[str]) -> Iterator[bytes]:
    """The body with ``encodings`` undone (the last applied first), lazily, in bounded pieces."""
    pieces: Iterable[bytes] = raw
    for encoding in reversed(encodings):
        pieces = _inflate(pieces, _ENCODINGS[encoding])
    return iter(pieces)


def _inflate(chunks: Iterable[bytes], wbits: int) -> Iterator[bytes]:
    """One layer of gzip or deflate undone, yielding at most _PIECE bytes at a time.

    Reads gzip files of several members, and deflate without its zlib header (which some
    servers send); bytes after the end of the stream that start no gzip member are dropped.
    """
    inflater = zlib.decompressobj(wbits)
    started = False
    for chunk in chunks:
        data = chunk
        while True:
            try:
                piece = inflater.decompress(data, _PIECE)
            except zlib.error:
                if started or wbits != zlib.MAX_WBITS:
                    raise
                wbits = -zlib.MAX_WBITS
                inflater = zlib.decompressobj(wbits)
                continue
            started = True
            if piece:
                yield piece
            if inflater.eof:
                rest = inflater.unused_data
                if not rest:
                    break  # ended with this chunk; the next may start another gzip member
                if wbits == _ENCODINGS["gzip"] and rest.startswith(b"\x1f\x8b"):
                    inflater, data = zlib.decompressobj(wbits), rest
                    continue
                return  # bytes after the end that start no member: not page, not read
            data = inflater.unconsumed_tail
            # A full piece may mean more output is waiting for the input already taken.
            if not data and len(piece) < _PIECE:
                break


class _PinnedBackend(httpcore.SyncBackend):
    """httpcore's sockets, but connecting only to the addresses ``check_destination``
    approved for a host and port, and never waiting past the download's deadline."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self._allowed: dict[tuple[str, int], list[str]] = {}

    def allow(self, host: str, port: int, addresses: list[str]) -> None:
        self._allowed[(host.lower(), port)] = addresses

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = self._allowed.get((host.lower().strip("[]"), port))
        if not addresses:
            raise httpcore.ConnectError(f"{host}:{port} was not checked before connecting")
        failure: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(
                    address, port, _within(timeout, self.deadline), local_address, socket_options
                )
            except httpcore.ConnectError as error:  # try the host's next address
                failure = error
                continue
            return _DeadlineStream(stream, self.deadline)
        raise failure or httpcore.ConnectError(f"could not connect to {host}")


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write gets at most the time left."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float):
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _within(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _within(timeout, self._deadline))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # server_hostname is the URL's host: the certificate is checked against the name.
        upgraded = self._stream.start_tls(ssl_context, server_hostname, _within(timeout, self._deadline))
        return _DeadlineStream(upgraded, self._deadline)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


def _within(timeout: float | None, deadline: float) -> float:
    """``timeout`` cut to the time left before ``deadline``; raises when none is left."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the download's deadline has passed")
    return left if timeout is None else min(timeout, left)


def _pinned_transport(backend: _PinnedBackend) -> httpx.HTTPTransport:
    """httpx's transport with its connection pool on ``backend``.

    httpx has no option for a network backend, so the pool is swapped for one built the
    same way (HTTP/1.1, verified TLS) with the backend; no proxy, on purpose.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=10,
        http1=True, http2=False, network_backend=backend,
    )
    return transport


def _download_error(url: str, error: httpx.HTTPError, options: Options) -> FetchError:
    """A FetchError in words a user knows for an httpx transport error."""
    if isinstance(error, httpx.TimeoutException):
        return _timed_out(url, options)
    detail = str(error) or type(error).__name__
    lowered = detail.lower()
    if "refused" in lowered:
        return FetchError(url, "connection refused", "check the URL, and that the site is up")
    if "certificate" in lowered:
        return FetchError(
            url,
            f"the site's TLS certificate could not be verified ({detail})",
            "check the URL; faultlines does not download from sites it cannot verify",
        )
    if isinstance(error, httpx.RemoteProtocolError):
        return FetchError(
            url, f"the server broke off its reply ({detail})", "try again later"
        )
    return FetchError(url, f"could not download ({detail})", "check the URL and the network")


def _timed_out(url: str, options: Options) -> FetchError:
    return FetchError(url, f"timed out after {options.timeout:g} s", TIMEOUT_FIX)


def _media_type(response: httpx.Response) -> str | None:
    value = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return value or None


def _could_be_html(content_type: str | None) -> bool:
    """False only for types that are surely not a page (images, PDF, archives...)."""
    if content_type is None:
        return True
    return (
        content_type.startswith("text/")
        or "html" in content_type
        or "xml" in content_type
    )


def _decoded(fetched: Fetched) -> str | bytes:
    """The body as text in the charset the server named, else the bytes for trafilatura.

    The HTTP header outranks a <meta charset> in the page (as in browsers); with no
    header, trafilatura's own detection does better than guessing here.
    """
    if not fetched.charset:
        return fetched.body
    try:
        return fetched.body.decode(fetched.charset)
    except (LookupError, UnicodeDecodeError):
        return fetched.body
