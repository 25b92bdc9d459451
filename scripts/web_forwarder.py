"""A small stand-in for Apache in front of qgis_mapserver, for `make web-demo` and the tests.

One HTTP server per role, each on its own port of 127.0.0.1: it serves the partners' page (plain
files) and forwards /ows and /wfs3 to QGIS Server with the header X-Trafficking-Role set to its
role, overwriting whatever role a client sent, as Apache's `RequestHeader set` does after
authentication (docs/web.md). Not for production: no authentication, no HTTPS.
"""
from __future__ import annotations

import functools
import http.client
import http.server
import threading
import urllib.parse

ROLE_HEADER = "X-Trafficking-Role"
# Hop-by-hop headers are the connection's, not the request's (RFC 7230, 6.1).
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
              "trailers", "transfer-encoding", "upgrade", "host", "content-length"}
FORWARDED = ("/ows", "/wfs3")


class Handler(http.server.SimpleHTTPRequestHandler):
    """The page's files from the folder; /ows and /wfs3 to QGIS Server with the role."""

    server: "RoleServer"

    def log_message(self, *args: object) -> None:   # quiet: the demo prints its own lines
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        if self._forwarded():
            self._forward()
        else:
            super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if self._forwarded():
            self._forward()
        else:
            super().do_HEAD()

    def do_POST(self) -> None:  # noqa: N802
        if self._forwarded():
            self._forward()
        else:
            self.send_error(405)

    def _forwarded(self) -> bool:
        path = urllib.parse.urlsplit(self.path).path
        return any(path == prefix or path.startswith(prefix + "/") for prefix in FORWARDED)

    def _forward(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        # QGIS Server answers OWS on any path; /wfs3 is its OGC API - Features.
        path = parts.path if parts.path.startswith("/wfs3") else "/"
        target = path + ("?" + parts.query if parts.query else "")
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() not in HOP_BY_HOP and name.lower() != ROLE_HEADER.lower()}
        headers[ROLE_HEADER] = self.server.role       # whatever the client sent
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection(self.server.upstream_host,
                                              self.server.upstream_port, timeout=300)
        try:
            upstream.request(self.command, target, body=body, headers=headers)
            answer = upstream.getresponse()
            data = answer.read()
        except OSError as error:
            self.send_error(502, f"QGIS Server did not answer: {error}")
            return
        finally:
            upstream.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class RoleServer(http.server.ThreadingHTTPServer):
    """The forwarding server of one role; ``url`` is where the page is."""

    daemon_threads = True

    def __init__(self, folder: str, upstream: str, role: str, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))
        split = urllib.parse.urlsplit(upstream)
        self.upstream_host, self.upstream_port = split.hostname or "127.0.0.1", split.port or 80
        self.role = role
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self.thread: threading.Thread | None = None

    def start(self) -> "RoleServer":
        """Serve in a background thread."""
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def start_all(folder: str, upstream: str, roles: tuple[str, ...] = ("staff", "partner", "public"),
              ports: dict[str, int] | None = None) -> dict[str, RoleServer]:
    """One started forwarding server per role: {role: server}."""
    return {role: RoleServer(folder, upstream, role, (ports or {}).get(role, 0)).start()
            for role in roles}
