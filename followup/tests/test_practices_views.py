"""The practices' pages: who sees what (404 for what a person may not see, 403 for what they see but may
not do), the submission form with hostile input (errors next to the fields, nothing typed lost), the
review pages, double publication and document downloads."""

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.models import Delegation
from followup.models import Practice, PracticeDocument
from followup.services import practices as services
from followup.tests.factories import PracticeFactory, theme
from followup.tests.factories_practices import participant, practice_input, published_practice, state
from papers.tests.files import pdf_bytes, upload
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
pytest_plugins = ["followup.tests.fixtures_practices"]

SUBMIT = reverse("followup:practice_submit")


def form_data(**overrides) -> dict:
    data = {
        "language": "en",
        "title_en": "Diaspora mentoring for young entrepreneurs",
        "summary_en": "Diaspora professionals mentor young entrepreneurs in their home towns.",
        "results_en": "120 businesses started.",
        "submitter_kind": "civil_society",
        "organisation": "Migrant Forum in Asia",
        "period_start": "2008-01-01",
        "period_end": "2010-12-31",
        "contact_name": "William Gois",
        "contact_email": "contact@example.org",
        "link_1": "https://www.example.org/mentoring",
        "themes": [str(theme("diasporas").pk)],
        "partners-TOTAL_FORMS": "3",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "10",
        "partners-0-name": "International Organization for Migration",
        "partners-0-kind": "international_organisation",
        "partners-1-name": "",
        "partners-1-kind": "",
        "partners-2-name": "",
        "partners-2-kind": "",
    }
    data.update(overrides)
    return data


# -- Who sees what ---------------------------------------------------------------------------------


def test_anonymous_visitor_reads_the_repository_and_a_published_practice(client):
    practice = published_practice(title_en="Remittance price comparison")

    assert client.get(reverse("followup:practice_list")).status_code == 200
    response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert response.context["texts"]["title"] == "Remittance price comparison"


def test_unpublished_practice_is_404_to_the_public_and_to_other_participants(client, submitter):
    practice = PracticeFactory(submitted_by=submitter)

    assert client.get(practice.get_absolute_url()).status_code == 404
    client.force_login(participant())
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert client.get(reverse("followup:practice_edit", args=[practice.pk])).status_code == 404


def test_submitter_and_chair_office_see_an_unpublished_practice_with_its_state(client, submitter, reviewer):
    practice = PracticeFactory(submitted_by=submitter)

    for person in (submitter, reviewer):
        client.force_login(person)
        response = client.get(practice.get_absolute_url())
        assert response.status_code == 200
        assert "Not public: this practice is “Submitted for review”." in response.content.decode()


def test_submit_page_needs_sign_in_and_a_delegation(client):
    assert client.get(SUBMIT).status_code == 302
    client.force_login(UserFactory())
    assert client.get(SUBMIT).status_code == 403


# -- Submitting --------------------------------------------------------------------------------------


def test_participant_submits_through_the_form(client, submitter):
    client.force_login(submitter)
    assert client.get(SUBMIT).status_code == 200

    response = client.post(SUBMIT, form_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("followup:practices_mine")
    practice = Practice.objects.get()
    assert practice.submitted_by == submitter
    assert [p.name for p in practice.partners.all()] == ["International Organization for Migration"]
    assert [t.slug for t in practice.themes.all()] == ["diasporas"]
    mine = client.get(reverse("followup:practices_mine"))
    assert "Submitted for review" in mine.content.decode()


def test_countries_are_offered_grouped_by_region(client, submitter):
    state("GH", Delegation.Region.AFRICA)
    state("MX", Delegation.Region.AMERICAS)
    client.force_login(submitter)

    form = client.get(SUBMIT).context["form"]

    groups = [(region, [o.choice_label for o in options]) for region, options, _n in form.country_groups()]
    assert groups == [("Africa", ["State GH"]), ("Americas", ["State MX"])]


def test_javascript_link_is_refused_next_to_its_field_and_nothing_typed_is_lost(client, submitter):
    client.force_login(submitter)

    response = client.post(SUBMIT, form_data(link_1="javascript:alert(document.cookie)", title_en="Kept title"))

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["link_1"] == [
        "Give a web address starting with http:// or https://, e.g. https://www.example.org/report."
    ]
    assert form["title_en"].value() == "Kept title"
    assert form["summary_en"].value() == form_data()["summary_en"]
    assert response.context["partners"].forms[0]["name"].value() == "International Organization for Migration"
    assert Practice.objects.count() == 0


def test_reversed_period_is_shown_next_to_the_end_date(client, submitter):
    client.force_login(submitter)

    response = client.post(SUBMIT, form_data(period_start="2010-05-01", period_end="2009-05-01"))

    assert response.status_code == 400
    assert response.context["form"].errors["period_end"] == [
        "The practice cannot end before it started: check the two dates."
    ]


def test_partner_without_a_kind_is_refused(client, submitter):
    client.force_login(submitter)

    response = client.post(SUBMIT, form_data(**{"partners-0-kind": ""}))

    assert response.status_code == 400
    assert response.context["partners"].forms[0].errors["kind"] == ["Say what kind of organisation the partner is."]


def test_fake_pdf_upload_is_refused_and_nothing_is_stored(client, submitter, media_root):
    client.force_login(submitter)
    fake = upload("report.pdf", b"MZ\x90\x00 this is a program, not a PDF")

    response = client.post(SUBMIT, {**form_data(), "document_1": fake})

    assert response.status_code == 400
    assert response.context["form"].errors["document_1"]
    assert response.context["form"]["title_en"].value() == form_data()["title_en"]
    assert Practice.objects.count() == 0
    assert not list(media_root.rglob("*.*"))


def test_real_pdf_is_stored_and_downloaded_with_safe_headers(client, submitter, reviewer):
    client.force_login(submitter)
    client.post(SUBMIT, {**form_data(), "document_1": upload("evaluation.pdf", pdf_bytes("Evaluation"))})
    practice = Practice.objects.get()
    document = PracticeDocument.objects.get(practice=practice)
    url = reverse("followup:practice_document", args=[document.pk])

    client.logout()
    assert client.get(url).status_code == 404  # not published yet
    services.practice_publish(practice=practice, actor=reviewer)
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"] == 'attachment; filename="evaluation.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    response.close()


def test_html_in_fields_is_shown_escaped(client, reviewer):
    practice = published_practice(
        title_en="<script>alert('x')</script>Diaspora bonds",
        summary_en="<img src=x onerror=alert(1)>",
        organisation="<b>NGO</b>",
    )

    for url in (practice.get_absolute_url(), reverse("followup:practice_list")):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body
        assert "<b>NGO</b>" not in body
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;Diaspora bonds" in body


def test_links_are_shown_with_nofollow_noopener(client):
    practice = published_practice(links=["https://www.example.org/report"])

    body = client.get(practice.get_absolute_url()).content.decode()

    assert 'href="https://www.example.org/report" rel="nofollow noopener noreferrer"' in body


# -- The submitter's changes ---------------------------------------------------------------------------


def test_submitter_edits_and_another_submitter_is_refused(client, submitter):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    edit = reverse("followup:practice_edit", args=[practice.pk])
    client.force_login(submitter)
    page = client.get(edit)
    assert page.context["form"]["title_en"].value() == "Diaspora mentoring for young entrepreneurs"

    response = client.post(edit, form_data(title_en="Changed title"))

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title_en == "Changed title"


def test_published_practice_is_403_to_edit_for_another_person_and_closed_to_its_submitter(client, submitter, reviewer):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    services.practice_publish(practice=practice, actor=reviewer)
    edit = reverse("followup:practice_edit", args=[practice.pk])

    client.force_login(participant())
    assert client.post(edit, form_data(title_en="Hijacked")).status_code == 403
    client.force_login(submitter)
    response = client.post(edit, form_data(title_en="Too late"), follow=True)
    assert "it can no longer be changed" in response.content.decode()
    practice.refresh_from_db()
    assert practice.title_en == "Diaspora mentoring for young entrepreneurs"


def test_submitter_withdraws_from_the_list(client, submitter):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    client.force_login(submitter)

    client.post(reverse("followup:practice_withdraw", args=[practice.pk]))

    practice.refresh_from_db()
    assert practice.state == Practice.State.WITHDRAWN


# -- Review ------------------------------------------------------------------------------------------


def test_review_queue_is_the_chair_offices(client, submitter, reviewer):
    services.practice_submit(actor=submitter, data=practice_input())
    url = reverse("followup:practice_review_queue")

    client.force_login(submitter)
    assert client.get(url).status_code == 403
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["practices"]) == 1
    assert len(client.get(url, {"state": "published"}).context["practices"]) == 0


def test_delegate_cannot_open_the_review_of_a_published_practice(client, submitter):
    practice = published_practice()
    client.force_login(submitter)

    assert client.get(reverse("followup:practice_review", args=[practice.pk])).status_code == 403
    response = client.post(reverse("followup:practice_decide", args=[practice.pk]), {"action": "publish"})
    assert response.status_code == 403


def test_chair_office_links_a_session_and_publishes(client, submitter, reviewer):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    session = SessionFactory(meeting=practice_meeting())
    client.force_login(reviewer)
    url = reverse("followup:practice_review", args=[practice.pk])
    page = client.get(url, {"meeting": session.meeting.number})
    data = {key: value for key, value in page.context["form"].initial.items() if key.endswith(("_en", "_fr", "_es"))}

    response = client.post(
        f"{url}?meeting={session.meeting.number}",
        {**data, "sessions": [session.pk], "then": "publish", "title_fr": "Mentorat de la diaspora"},
    )

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.state == Practice.State.PUBLISHED
    assert list(practice.sessions.all()) == [session]
    assert practice.title_fr == "Mentorat de la diaspora"


def practice_meeting():
    from roundtables.models import Meeting

    return Meeting.objects.get(is_current=True)


def test_second_reviewer_publishing_is_told_it_is_published(client, submitter, reviewer):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    decide = reverse("followup:practice_decide", args=[practice.pk])
    client.force_login(reviewer)

    first = client.post(decide, {"action": "publish"})
    second = client.post(decide, {"action": "publish"}, follow=True)

    assert first.status_code == 302
    assert "This practice was already published on" in second.content.decode()
    practice.refresh_from_db()
    assert practice.state == Practice.State.PUBLISHED


def test_return_without_a_note_shows_the_error_next_to_the_note(client, submitter, reviewer):
    practice = services.practice_submit(actor=submitter, data=practice_input())
    client.force_login(reviewer)

    response = client.post(reverse("followup:practice_decide", args=[practice.pk]), {"action": "return", "note": ""})

    assert response.status_code == 400
    assert response.context["note_form"].errors["note"] == ["Say what should change: the submitter receives your note."]


def test_reader_gets_their_language_or_the_original_with_a_note(client):
    translated = published_practice(title_en="Diaspora bonds", title_fr="Obligations de la diaspora")
    untranslated = published_practice(title_en="Remittance prices", summary_en="Cheaper transfers.")

    french = client.get(translated.get_absolute_url(), headers={"accept-language": "fr"})
    fallback = client.get(untranslated.get_absolute_url(), headers={"accept-language": "fr"})

    assert french.context["texts"]["title"] == "Obligations de la diaspora"
    assert fallback.context["texts"]["title"] == "Remittance prices"
    assert fallback.context["texts"]["fallback_code"] == "en"
    assert 'lang="en"' in fallback.content.decode()
