import io
from pathlib import Path

import pytest

from reports.registry import Part
from reports.rendering import (
    ASSET_ORIGIN,
    AssetRefused,
    asset_url,
    clean_html,
    generated_url,
    render_part,
    render_parts,
    resolve_asset,
)
from reports.tests.hostile import hostile_document, hostile_fragment, recording_server
from reports.tests.pdf import attachment_names, full_text, reader_of


def all_stream_bytes(content: bytes) -> bytes:
    """Every object of the PDF, streams decompressed: what any PDF tool could dig out."""
    reader = reader_of(content)
    chunks = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:  # free entries of the cross-reference table
            continue
        if obj is None:
            continue
        chunks.append(obj.get_data() if hasattr(obj, "get_data") else repr(obj).encode())
    return b"\n".join(chunks)


def hostname() -> str:
    path = Path("/etc/hostname")
    return path.read_text().strip() if path.exists() else ""


def test_named_asset_is_read_from_the_static_files():
    content, mime_type = resolve_asset(asset_url("css/print.css"))
    assert mime_type == "text/css"
    assert content.startswith(b"/* Printed documents of the portal")


def test_generated_image_of_the_document_is_answered():
    assert resolve_asset(generated_url("qr/1.png"), {"qr/1.png": b"PNG"}) == (b"PNG", "image/png")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/hostname",
        "http://127.0.0.1:8000/static/css/print.css",
        "https://example.org/static/css/print.css",
        "data:text/css,p{color:red}",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.org/x",
        f"{ASSET_ORIGIN}/static/js/portal.js",  # a static file, but not a named report asset
        f"{ASSET_ORIGIN}/static/css/../css/print.css",
        f"{ASSET_ORIGIN}/static/css/%2e%2e/%2e%2e/gfmd/settings.py",
        f"{ASSET_ORIGIN}/static/css/print.css?v=1",
        f"{ASSET_ORIGIN}/media-not-public/reports/x.pdf",
        "https://user@portal.gfmd.invalid/static/css/print.css",
        "http://portal.gfmd.invalid/static/css/print.css",
        f"{ASSET_ORIGIN}/generated/qr/2.png",  # not an image of this document
        f"{ASSET_ORIGIN}/generated/../static/css/print.css",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises(AssetRefused):
        resolve_asset(url, {"qr/1.png": b"PNG"})


def test_clean_html_keeps_structure_and_drops_the_dangerous_parts():
    dirty = (
        '<p class="x" style="color:red" onclick="alert(1)">Text <strong>bold</strong></p>'
        "<script>alert(1)</script><style>@import url(http://x/)</style>"
        '<img src="file:///etc/passwd"><a rel="attachment" href="file:///etc/hostname">host</a>'
        '<a href="https://gfmd.org/" rel="attachment">GFMD</a><ul><li>One</li></ul>'
    )
    assert clean_html(dirty) == (
        '<p>Text <strong>bold</strong></p><a rel="noopener noreferrer nofollow">host</a>'
        '<a href="https://gfmd.org/" rel="noopener noreferrer nofollow">GFMD</a><ul><li>One</li></ul>'
    )


def test_hostile_html_rendered_raw_fetches_nothing_and_attaches_nothing():
    """No sanitiser here: the fetcher and the attachment switch alone must hold."""
    with recording_server() as server:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        target = io.BytesIO()
        pages = render_part(hostile_document(origin), target)
        requests = list(server.requests)
    content = target.getvalue()
    assert requests == []
    assert pages == 1
    assert attachment_names(content) == []
    assert "Key conclusion before the attack." in full_text(content)
    assert "Key conclusion after the attack." in full_text(content)
    assert b"root:x:0:0" not in all_stream_bytes(content)
    assert b"root:x:0:0" not in content
    if hostname():
        assert hostname() not in full_text(content).split()


def test_hostile_rich_text_is_sanitised_then_rendered_safely():
    with recording_server() as server:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        html = f"<!DOCTYPE html><html><body><h1>Outcome</h1>{clean_html(hostile_fragment(origin))}</body></html>"
        target = io.BytesIO()
        render_parts([Part(html)], target)
        requests = list(server.requests)
    content = target.getvalue()
    assert requests == []
    assert attachment_names(content) == []
    assert full_text(content) == (
        "Outcome Key conclusion before the attack. hostname remote attachment Styled paragraph. "
        "Key conclusion after the attack."
    )


def test_parts_are_merged_into_one_document():
    html = "<!DOCTYPE html><html><body><p>{}</p></body></html>"
    target = io.BytesIO()
    progress = []
    pages = render_parts(
        [Part(html.format("First part")), Part(html.format("Second part"))],
        target,
        part_count=2,
        progress=progress.append,
    )
    reader = reader_of(target.getvalue())
    assert (pages, len(reader.pages)) == (2, 2)
    # Parts of one document number their pages on (page 2 is the second part's first page).
    assert [" ".join(page.extract_text().split()) for page in reader.pages] == ["First part 1", "Second part 2"]
    # From 5 to 95, never backwards: WeasyPrint's steps inside each part, 47 when the first is done.
    assert (progress[0], progress[-2:]) == (5, [90, 95])
    assert 47 in progress
    assert progress == sorted(set(progress))
