"""The PDF yardstick: the HTML the portal produced (benchmarks.pdf_html), rendered with WeasyPrint
directly, in a plain Python process without Django. Each part is laid out and written to its own PDF;
the only help WeasyPrint gets is a fetcher that reads the part's stylesheets and images from the folder.

    python -m benchmarks.pdf_direct var/bench/pdf/badges-html --json
"""

import argparse
import io
import json
import mimetypes
import resource
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit


def _fetcher(folder: Path):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FolderFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = folder / unquote(urlsplit(url).path).lstrip("/")
            mime_type = "image/svg+xml" if path.suffix == ".svg" else mimetypes.guess_type(path.name)[0]
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type or "application/octet-stream"})

    return FolderFetcher()


def render_folder(folder: Path, out: Path | None = None) -> dict:
    from weasyprint import HTML

    manifest = json.loads((folder / "manifest.json").read_text())
    fetcher = _fetcher(folder)
    pages = size = 0
    started = time.perf_counter()
    for number, part in enumerate(manifest["parts"], start=1):
        html = (folder / part["html"]).read_text(encoding="utf-8")
        document = HTML(string=html, base_url=manifest["base_url"], url_fetcher=fetcher).render()
        buffer = io.BytesIO()
        document.write_pdf(buffer)
        pages += len(document.pages)
        size += buffer.tell()
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"part-{number:03d}.pdf").write_bytes(buffer.getvalue())
    seconds = time.perf_counter() - started
    return {
        "kind": manifest["kind"],
        "parts": len(manifest["parts"]),
        "pages": pages,
        "seconds": round(seconds, 2),
        "bytes": size,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="Write each part's PDF into this folder.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = render_folder(args.folder, args.out)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['kind']}: {result['pages']} pages in {result['seconds']} s", file=sys.stdout)


if __name__ == "__main__":
    main()
