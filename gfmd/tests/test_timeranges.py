"""The one formatter for time ranges: both days when a range spans them, in the meeting's zone and language."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from gfmd.timeranges import format_time_range, iso_moment, naive_moment, zone_name

VALLARTA = ZoneInfo("America/Mexico_City")
UTC = dt.UTC


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2010, 11, day, hour, minute, tzinfo=VALLARTA)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Wed 10 Nov, 11:00–13:00"),
        ("fr", "mer 10 nov., 11:00–13:00"),
        ("es", "mié 10 nov., 11:00–13:00"),
    ],
)
def test_format_time_range_same_day(language, expected):
    assert format_time_range(at(10, 11), at(10, 13), zone=VALLARTA, language=language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00"),
        ("fr", "lun 8 nov., 09:00 – mar 9 nov., 13:00"),
        ("es", "lun 8 nov., 09:00 – mar 9 nov., 13:00"),
    ],
)
def test_format_time_range_over_two_days_names_both(language, expected):
    assert format_time_range(at(8, 9), at(9, 13), zone="America/Mexico_City", language=language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Monday 8 November, 09:00 – Tuesday 9 November, 13:00"),
        ("fr", "lundi 8 novembre, 09:00 – mardi 9 novembre, 13:00"),
        ("es", "lunes 8 de noviembre, 09:00 – martes 9 de noviembre, 13:00"),
    ],
)
def test_format_time_range_long_style(language, expected):
    assert format_time_range(at(8, 9), at(9, 13), zone=VALLARTA, language=language, style="long") == expected


def test_format_time_range_in_the_meetings_zone_not_the_servers():
    # 17:00 UTC is 11:00 in Puerto Vallarta (UTC-6 in November); 05:00 UTC the next day is still 23:00 there.
    start = dt.datetime(2010, 11, 10, 17, 0, tzinfo=UTC)
    end = dt.datetime(2010, 11, 11, 5, 0, tzinfo=UTC)
    with timezone.override(UTC):
        assert format_time_range(start, end, zone=VALLARTA, language="en") == "Wed 10 Nov, 11:00–23:00"
        assert format_time_range(start, end, zone="UTC", language="en") == "Wed 10 Nov, 17:00 – Thu 11 Nov, 05:00"


def test_format_time_range_uses_the_active_zone_and_language_by_default():
    with timezone.override(VALLARTA), translation.override("fr"):
        assert format_time_range(at(8, 9), at(9, 13)) == "lun 8 nov., 09:00 – mar 9 nov., 13:00"


def test_format_time_range_time_style_leaves_out_the_day_only_on_one_day():
    assert format_time_range(at(10, 11), at(10, 13), zone=VALLARTA, language="en", style="time") == "11:00–13:00"
    assert (
        format_time_range(at(8, 9), at(9, 13), zone=VALLARTA, language="en", style="time")
        == "Mon 8 Nov, 09:00 – Tue 9 Nov, 13:00"
    )


def test_format_time_range_without_an_end():
    assert format_time_range(at(10, 11), None, zone=VALLARTA, language="en") == "Wed 10 Nov, 11:00"


def test_time_range_tag_writes_time_elements_with_offset_and_no_microseconds():
    template = Template("{% load timeranges %}{% time_range start end zone=zone %}")
    start = at(8, 9).replace(microsecond=123456)
    with translation.override("en"):
        html = template.render(Context({"start": start, "end": at(9, 13), "zone": "America/Mexico_City"}))
    assert html == (
        '<time datetime="2010-11-08T09:00:00-06:00">Mon 8 Nov, 09:00</time> – '
        '<time datetime="2010-11-09T13:00:00-06:00">Tue 9 Nov, 13:00</time>'
    )


def test_time_range_tag_is_empty_without_a_start():
    assert Template("{% load timeranges %}{% time_range None None %}").render(Context()) == ""


def test_iso_and_naive_moments_are_in_the_meetings_zone():
    moment = dt.datetime(2010, 11, 8, 15, 0, 0, 999, tzinfo=UTC)
    assert iso_moment(moment, zone=VALLARTA) == "2010-11-08T09:00:00-06:00"
    assert iso_moment(None, zone=VALLARTA) == ""
    assert naive_moment(moment, zone="America/Mexico_City") == dt.datetime(2010, 11, 8, 9, 0)
    assert zone_name("America/Mexico_City") == "America/Mexico_City"


def test_iso_datetime_filter_has_the_offset_and_no_microseconds():
    template = Template("{% load timeranges %}{{ moment|iso_datetime }}")
    moment = dt.datetime(2010, 11, 8, 15, 0, 0, 123456, tzinfo=UTC)
    with timezone.override(VALLARTA):
        assert template.render(Context({"moment": moment})) == "2010-11-08T09:00:00-06:00"
