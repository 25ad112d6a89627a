"""The new refusals as a person sees them: every reason next to the file field, then what to do,
and nothing stored."""

import pytest
from django.urls import reverse

from papers.models import Paper
from papers.tests import files
from papers.tests.conftest import stored_files


def _post(client, team, name: str, data: bytes):
    client.force_login(team.member_focal_point)
    return client.post(
        reverse("papers:create", args=[team.session.pk]),
        {
            "kind": "background",
            "language": "en",
            "title_en": "Labour mobility partnerships",
            "abstract_en": "What works.",
            "note": "First draft",
            "file": files.upload(name, data, "application/octet-stream"),
        },
    )


@pytest.mark.django_db
def test_a_word_document_with_an_alt_chunk_and_an_includepicture_field_is_refused_next_to_the_field(
    client, team, media_root
):
    data = files.docx_bytes(
        body=files.docx_field([" INCLUDEPICTURE ", '"https://evil.example/pixel.png" \\d '])
        + '<w:altChunk r:id="rId10"/>',
        document_rels=(("aFChunk", "afchunk.mht", ""),),
        parts=(("word/afchunk.mht", b"MIME-Version: 1.0\r\n\r\n<script>alert(1)</script>"),),
    )
    response = _post(client, team, "paper.docx", data)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The document includes content from another file (altChunk).",
        "The document contains a field that loads an external file (INCLUDEPICTURE).",
        "Remove these and save the document again, or upload it as a PDF.",
    ]
    assert "The document includes content from another file (altChunk)." in response.content.decode()
    assert (Paper.objects.count(), stored_files(media_root)) == (0, [])


@pytest.mark.django_db
def test_a_package_with_a_path_out_of_it_is_refused_with_the_name_shown_escaped(client, team, media_root):
    import io
    import zipfile

    out = io.BytesIO(files.odt_bytes())
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("../<b>evil</b>.sh", b"echo owned")
    response = _post(client, team, "paper.odt", out.getvalue())
    assert response.context["form"].errors["file"] == [
        "This document contains a part whose name points outside it (../<b>evil</b>.sh). It is not accepted."
    ]
    assert "(../&lt;b&gt;evil&lt;/b&gt;.sh)" in response.content.decode()
    assert (Paper.objects.count(), stored_files(media_root)) == (0, [])


@pytest.mark.django_db
def test_a_pdf_with_a_remote_goto_is_refused_next_to_the_field(client, team, media_root):
    data = files.annotated_pdf_bytes(
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>"
    )
    response = _post(client, team, "paper.pdf", data)
    assert response.context["form"].errors["file"] == [
        "The PDF contains an action that opens another file (GoToR).",
        "Export or print it again as a plain PDF and upload it.",
    ]
    assert (Paper.objects.count(), stored_files(media_root)) == (0, [])
