"""A local HTTP server that records every request, and hostile HTML that tries to reach it, the
file system and PDF attachments in every way WeasyPrint knows."""

import http.server
import threading
from contextlib import contextmanager


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        body = b"p { color: red; }" if self.path.endswith(".css") else b"\x89PNG\r\n\x1a\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def recording_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def hostile_fragment(origin: str) -> str:
    """Rich text as a hostile rapporteur could type it (a fragment, as stored in an outcome)."""
    return f"""
<p>Key conclusion before the attack.</p>
<style>@import url("{origin}/imported.css"); @import "{origin}/imported-bare.css";
  body {{ background: url("{origin}/background.png"); }}
  @font-face {{ font-family: Evil; src: url("{origin}/font.ttf"); }}</style>
<link rel="stylesheet" href="{origin}/linked.css">
<link rel="attachment" href="file:///etc/passwd" title="passwd">
<img src="file:///etc/passwd" alt="passwd">
<a rel="attachment" href="file:///etc/hostname">hostname</a>
<a rel="attachment" href="{origin}/attachment.bin">remote attachment</a>
<img src="{origin}/pixel.png" alt="pixel">
<p style="background-image: url('{origin}/inline.png')">Styled paragraph.</p>
<svg width="10" height="10"><image href="file:///etc/passwd" width="10" height="10"/>
  <image href="{origin}/svg-image.png" width="10" height="10"/></svg>
<object data="file:///etc/passwd"></object><embed src="file:///etc/hostname">
<iframe src="file:///etc/passwd"></iframe>
<img src="data:image/svg+xml;utf8,&lt;svg xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='file:///etc/passwd'/&gt;&lt;/svg&gt;">
<base href="file:///etc/">
<img src="passwd" alt="relative">
<p>Key conclusion after the attack.</p>
"""


def hostile_document(origin: str) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<link rel="stylesheet" href="{origin}/head.css"><link rel="attachment" href="file:///etc/hostname">
<style>@import url("file:///etc/passwd");</style></head>
<body>{hostile_fragment(origin)}</body></html>"""
