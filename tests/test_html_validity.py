"""The Nu Html Checker that judges every response a browser test is served (tests/html_validity.py)."""

import pytest

from tests.html_validity import VOLATILE, Checker, HtmlValidity, Served, as_document, errors_in

pytestmark = pytest.mark.skipif(Checker.missing() is not None, reason=f"{Checker.missing()}")

VALID = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fine</title></head>
<body><main><p id="a">One</p><p id="b">Two</p></main></body></html>"""
# The kinds of defect issue 13 named: a duplicate id, a stray end tag, microseconds in a datetime, a legend
# outside its fieldset, a repeated attribute.
BROKEN = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><p id="a">One</p><p id="a">Two</p></p>
<time datetime="2010-11-08T09:00:00.123456-06:00">Mon</time>
<fieldset><div><legend>Title</legend></div></fieldset>
<input type="text" type="search" name="q" aria-label="Search"></main></body></html>"""


def test_a_valid_page_has_no_error():
    assert errors_in(VALID, "/fine/") == []


def test_each_defect_is_named_with_its_line():
    messages = [error.message for error in errors_in(BROKEN, "/broken/")]
    assert "Duplicate ID “a”." in messages
    assert "No “p” element in scope but a “p” end tag seen." in messages
    assert any("fraction of a second" in message for message in messages)
    assert any(message.startswith("Element “legend” not allowed") for message in messages)
    assert "Duplicate attribute “type”." in messages
    assert all(error.line for error in errors_in(BROKEN, "/broken/"))


def test_htmx_attributes_must_carry_the_data_prefix():
    page = VALID.replace(b'<p id="b">', b'<p id="b" hx-get="/x/">')
    assert [error.message for error in errors_in(page, "/x/")] == [
        "Attribute “hx-get” not allowed on element “p” at this point."
    ]
    assert errors_in(VALID.replace(b'<p id="b">', b'<p id="b" data-hx-get="/x/">'), "/x/") == []


def test_a_fragment_is_checked_inside_a_document_that_fits_it():
    row = Served("/rows/", b"<tr><td>1.1</td><td>Partnerships</td></tr>", fragment=True)
    assert b"<table><tbody><tr>" in as_document(row)
    assert errors_in(as_document(row), row.url) == []
    item = Served("/items/", b'<li id="x">One</li><li id="x">Two</li>', fragment=True)
    assert [error.message for error in errors_in(as_document(item), item.url)] == ["Duplicate ID “x”."]


def test_what_changes_with_every_request_does_not_make_a_page_new():
    first = b'<input name="csrfmiddlewaretoken" value="abc"><script nonce="n1"></script>'
    second = b'<input name="csrfmiddlewaretoken" value="xyz"><script nonce="n2"></script>'
    assert VOLATILE.sub(rb"\1\2\3", first) == VOLATILE.sub(rb"\1\2\3", second)


def test_the_report_groups_errors_by_page():
    validity = HtmlValidity()
    validity.served.append(Served("/broken/", BROKEN, fragment=False))
    validity.finish()
    report = validity.report()
    assert report.startswith("Nu Html Checker: ")
    assert "\n/broken/\n  - line 2: Duplicate ID “a”." in report
