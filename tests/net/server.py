#!/usr/bin/env python3
"""A small HTTP server for vbash's network tests. It listens on 127.0.0.1
only, on a free port it prints as the first line of its standard output,
and serves until its standard input closes, or for ARGV[1] seconds when
given (or until it is killed).

Routes (GET unless said):
  /hello              200 "hello world\\n"
  /headers            the request's header lines as the body
  /echo               method, Content-Type and body of the request (any method)
  /auth               the Authorization header (or "none")
  /challenge          401 with a Basic challenge unless Authorization is sent
  /status/CODE        that status, body "status CODE\\n"
  /redirect/N         302 to /redirect/N-1, /redirect/0 -> /hello
  /to?url=URL         302 to URL
  /see-other          303 to /echo
  /r307               307 to /echo
  /bytes/N            N bytes of 'a'
  /slow/MS            waits MS milliseconds, then "slow\\n"
  /setcookie?k=v      Set-Cookie: k=v; Path=/
  /cookies            the Cookie header (or "none")
  /gzip               "compressed body\\n", gzip-encoded when accepted
  /query?...          the query string
  /bigheaders         25000 header lines (about 2 MB)
Headers Server and Date are fixed so outputs compare byte for byte.
"""
import gzip
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "vbtest/1.0"
    sys_version = ""

    def version_string(self):
        return "vbtest/1.0"

    def date_time_string(self, timestamp=None):
        return "Thu, 01 Jan 2026 00:00:00 GMT"

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, body=b"", headers=None, ctype="text/plain"):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in (headers or []):
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def handle_any(self):
        u = urllib.parse.urlsplit(self.path)
        path, query = u.path, u.query
        body = self.read_body()
        parts = path.strip("/").split("/")
        if path == "/hello":
            return self.reply(200, "hello world\n")
        if path == "/headers":
            return self.reply(200, "".join("%s: %s\n" % (k, v) for k, v in self.headers.items()))
        if path == "/echo":
            out = "%s\n%s\n" % (self.command, self.headers.get("Content-Type", "-"))
            return self.reply(200, out.encode() + body)
        if path == "/auth":
            return self.reply(200, (self.headers.get("Authorization") or "none") + "\n")
        if path == "/challenge":
            auth = self.headers.get("Authorization")
            if not auth:
                return self.reply(401, "who are you\n", [("WWW-Authenticate", 'Basic realm="t"')])
            return self.reply(200, auth + "\n")
        if parts[0] == "status" and len(parts) == 2:
            code = int(parts[1])
            return self.reply(code, "status %d\n" % code)
        if parts[0] == "redirect" and len(parts) == 2:
            n = int(parts[1])
            loc = "/hello" if n <= 0 else "/redirect/%d" % (n - 1)
            return self.reply(302, "", [("Location", loc)])
        if path == "/to":
            url = urllib.parse.parse_qs(query).get("url", ["/hello"])[0]
            return self.reply(302, "", [("Location", url)])
        if path == "/see-other":
            return self.reply(303, "", [("Location", "/echo")])
        if path == "/r307":
            return self.reply(307, "", [("Location", "/echo")])
        if parts[0] == "bytes" and len(parts) == 2:
            return self.reply(200, b"a" * int(parts[1]), ctype="application/octet-stream")
        if parts[0] == "slow" and len(parts) == 2:
            time.sleep(int(parts[1]) / 1000.0)
            return self.reply(200, "slow\n")
        if path == "/setcookie":
            hs = [("Set-Cookie", "%s=%s; Path=/" % (k, v[0]))
                  for k, v in urllib.parse.parse_qs(query).items()]
            return self.reply(200, "set\n", hs)
        if path == "/cookies":
            return self.reply(200, (self.headers.get("Cookie") or "none") + "\n")
        if path == "/gzip":
            data = b"compressed body\n"
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                return self.reply(200, gzip.compress(data, mtime=0), [("Content-Encoding", "gzip")])
            return self.reply(200, data)
        if path == "/bigheaders":
            return self.reply(200, "ok\n", [("X-Filler-%d" % i, "y" * 60) for i in range(25000)])
        if path == "/query":
            return self.reply(200, query + "\n")
        return self.reply(404, "not found\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # clients that hang up early (timeouts under test) are expected


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    try:
        print(srv.server_address[1], flush=True)
    except BrokenPipeError:
        pass  # the reader took the port and went away
    sys.stdout = open("/dev/null", "w")
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        if len(sys.argv) > 1:
            time.sleep(float(sys.argv[1]))   # serve for that many seconds
        else:
            sys.stdin.read()
    except KeyboardInterrupt:
        pass
    srv.shutdown()


if __name__ == "__main__":
    main()
