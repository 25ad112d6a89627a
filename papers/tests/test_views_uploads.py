"""Uploads through the pages, with real files: good ones stored under generated names, bad ones
refused next to the field with nothing left behind (no file, no row)."""

import hashlib

import pytest
from django.urls import reverse

from papers.models import Paper, Version
from papers.tests import files
from papers.tests.conftest import stored_files
from papers.tests.factories import PaperFactory, VersionFactory


def _create_data(upload, **overrides):
    data = {
        "kind": "background",
        "language": "en",
        "title_en": "Labour mobility partnerships",
        "abstract_en": "What works.",
        "note": "First draft",
        "file": upload,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "file_format"),
    [
        ("Background paper 1.1.pdf", files.pdf_bytes(), "pdf"),
        ("Background paper 1.1.docx", files.docx_bytes(), "docx"),
        ("Background paper 1.1.odt", files.odt_bytes(), "odt"),
    ],
)
def test_a_team_member_uploads_a_draft(client, team, media_root, name, data, file_format):
    client.force_login(team.member_focal_point)
    response = client.post(
        reverse("papers:create", args=[team.session.pk]),
        _create_data(files.upload(name, data, "application/octet-stream")),
    )
    paper = Paper.objects.get()
    version = paper.versions.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("papers:detail", args=[paper.pk])
    assert (version.file_format, version.size, version.sha256, version.original_name) == (
        file_format,
        len(data),
        hashlib.sha256(data).hexdigest(),
        name,
    )
    # Stored under a generated name with the detected extension, nothing of the upload's name.
    [stored] = stored_files(media_root)
    assert stored == version.file.name
    assert stored.startswith("papers/") and stored.endswith(f".{file_format}")
    assert "Background" not in stored and len(stored) == len("papers/") + 32 + 1 + len(file_format)
    assert (media_root / stored).read_bytes() == data


HOSTILE = [
    ("macros.docx", files.docm_bytes(), "This Word document contains macros"),
    ("invoice.pdf", files.HTML_AS_PDF, "This file is not a PDF, Word (.docx) or OpenDocument text (.odt)"),
    ("logo.pdf", files.SVG_AS_PDF, "This file is not a PDF, Word (.docx) or OpenDocument text (.odt)"),
    ("empty.pdf", b"", "The submitted file is empty."),
    (
        "script.pdf",
        files.annotated_pdf_bytes(b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /JavaScript /JS (1) >> >>"),
        "The PDF contains JavaScript.",
    ),
    (
        "template.docx",
        files.docx_bytes(
            parts=(
                (
                    "word/_rels/settings.xml.rels",
                    files.relationships(("attachedTemplate", "http://evil.example/t.dotm", "External")),
                ),
            )
        ),
        "The document links to an external template.",
    ),
    (
        "object.odt",
        files.odt_bytes(parts=(("Object 1", files.OLE_MAGIC + b"\x00" * 600),)),
        "The document contains an embedded OLE object.",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), HOSTILE)
def test_a_hostile_first_version_leaves_no_paper_and_no_file(client, team, media_root, name, data, message):
    client.force_login(team.member_focal_point)
    response = client.post(reverse("papers:create", args=[team.session.pk]), _create_data(files.upload(name, data)))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["file"][0].startswith(message)
    assert form["title_en"].value() == "Labour mobility partnerships"  # what the person typed is kept
    assert 'class="invalid-feedback' in response.content.decode()
    assert (Paper.objects.count(), Version.objects.count(), stored_files(media_root)) == (0, 0, [])


@pytest.mark.django_db
def test_an_oversized_file_is_refused_with_the_limit(client, team, media_root, settings):
    settings.PAPERS_MAX_UPLOAD_BYTES = 2048
    client.force_login(team.member_focal_point)
    response = client.post(
        reverse("papers:create", args=[team.session.pk]),
        _create_data(files.upload("big.pdf", files.pdf_bytes(pages=3) + b"%" * 4096)),
    )
    assert response.context["form"].errors["file"] == [
        f"The file is {(len(files.pdf_bytes(pages=3)) + 4096) / 1024:.1f}\xa0KB; the largest file accepted is "
        "2.0\xa0KB."
    ]
    assert (Paper.objects.count(), stored_files(media_root)) == (0, [])


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), HOSTILE)
def test_a_hostile_new_version_is_refused_and_leaves_nothing(client, team, media_root, name, data, message):
    paper = PaperFactory(session=team.session, state=Paper.State.REVISION_REQUESTED, authors=[team.author])
    VersionFactory(paper=paper, number=1)
    before = stored_files(media_root)
    client.force_login(team.author)
    response = client.post(
        reverse("papers:version_upload", args=[paper.pk]),
        {"version-file": files.upload(name, data), "version-note": "Shorter"},
    )
    assert response.status_code == 400
    assert response.context["version_form"].errors["file"][0].startswith(message)
    assert response.context["version_form"]["note"].value() == "Shorter"
    assert (paper.versions.count(), stored_files(media_root)) == (1, before)


@pytest.mark.django_db
def test_the_author_uploads_version_two(client, team, media_root):
    paper = PaperFactory(session=team.session, state=Paper.State.REVISION_REQUESTED, authors=[team.author])
    VersionFactory(paper=paper, number=1)
    client.force_login(team.author)
    response = client.post(
        reverse("papers:version_upload", args=[paper.pk]),
        {"version-file": files.upload("v2.odt", files.odt_bytes("Revised")), "version-note": "Added 2009 figures"},
    )
    version = paper.versions.get(number=2)
    assert response.status_code == 302
    assert (version.file_format, version.note, version.uploaded_by) == ("odt", "Added 2009 figures", team.author)


@pytest.mark.django_db
def test_no_new_version_once_submitted(client, team, media_root):
    paper = PaperFactory(session=team.session, state=Paper.State.SUBMITTED, authors=[team.author])
    VersionFactory(paper=paper, number=1)
    before = stored_files(media_root)
    client.force_login(team.author)
    response = client.post(reverse("papers:version_upload", args=[paper.pk]), {"version-file": files.pdf_upload()})
    assert response.status_code == 400
    assert response.context["version_form"].errors["file"] == [
        "New versions can be uploaded while the paper is a draft or sent back for revision; it is “Submitted”."
    ]
    assert (paper.versions.count(), stored_files(media_root)) == (1, before)


@pytest.mark.django_db
def test_an_upload_by_another_sessions_team_is_a_404_and_stores_nothing(client, team, outsider, media_root):
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT)
    client.force_login(outsider)
    response = client.post(reverse("papers:version_upload", args=[paper.pk]), {"version-file": files.pdf_upload()})
    assert response.status_code == 404
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_a_failure_after_the_file_is_written_removes_it(team, media_root, monkeypatch):
    """If saving the row fails, the stored file goes too (nothing behind)."""
    from activity import services as activity_services
    from papers import services

    def broken_log(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("papers.services.files.activity_log", broken_log)
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT, authors=[team.author])
    with pytest.raises(RuntimeError):
        services.version_upload(paper=paper, actor=team.author, file=files.pdf_upload())
    assert (Version.objects.count(), stored_files(media_root)) == (0, [])
    assert activity_services.activity_log is not broken_log


@pytest.mark.django_db
def test_media_files_have_no_public_url(client, team, media_root):
    version = VersionFactory(paper=PaperFactory(session=team.session))
    assert client.get(f"/media-not-public/{version.file.name}").status_code == 404
    assert client.get(f"/static/../{version.file.name}").status_code == 404


@pytest.mark.django_db
def test_translation_upload_on_an_accepted_paper(client, team, chair, media_root):
    from papers.tests.factories import published_paper

    paper = published_paper(session=team.session)
    client.force_login(chair)
    response = client.post(
        reverse("papers:translation_upload", args=[paper.pk]),
        {"translation-language": "es", "translation-file": files.upload("es.docx", files.docx_bytes("Documento"))},
    )
    translation = paper.translations.get()
    assert response.status_code == 302
    assert (translation.language, translation.file_format) == ("es", "docx")


@pytest.mark.django_db
def test_translation_upload_refuses_a_hostile_file(client, team, chair, media_root):
    from papers.tests.factories import published_paper

    paper = published_paper(session=team.session)
    before = stored_files(media_root)
    client.force_login(chair)
    response = client.post(
        reverse("papers:translation_upload", args=[paper.pk]),
        {"translation-language": "fr", "translation-file": files.upload("fr.pdf", files.SVG_AS_PDF)},
    )
    assert response.status_code == 400
    assert response.context["translation_form"].errors["file"][0].startswith("This file is not a PDF")
    assert (paper.translations.count(), stored_files(media_root)) == (0, before)


@pytest.mark.django_db
def test_every_reason_is_shown_next_to_the_field_then_what_to_do(client, team, media_root):
    paper = PaperFactory(session=team.session, state=Paper.State.DRAFT, authors=[team.author])
    VersionFactory(paper=paper, number=1)
    client.force_login(team.author)
    data = files.pdf_bytes(
        extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> /AcroForm << /Fields [] /XFA [] >> "
    )
    response = client.post(
        reverse("papers:version_upload", args=[paper.pk]), {"version-file": files.upload("form.pdf", data)}
    )
    assert response.context["version_form"].errors["file"] == [
        "The PDF contains JavaScript.",
        "The PDF runs an action as soon as it is opened (OpenAction).",
        "The PDF contains an XFA form.",
        "Export or print it again as a plain PDF and upload it.",
    ]
    assert 'class="invalid-feedback' in response.content.decode()
    assert paper.versions.count() == 1
