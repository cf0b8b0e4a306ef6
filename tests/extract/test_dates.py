"""Tests for printed-date normalisation."""

from __future__ import annotations

import pytest

from eventwire.extract.dates import find_date, to_utc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14 Jan 2022, 01:42 GMT+10", "2022-01-13T15:42:00Z"),
        ("Monday, January 10, 2005 5:02 PM BST", "2005-01-10T16:02:00Z"),
        ("Posted 2005-10-20 10:39 UTC+1", "2005-10-20T09:39:00Z"),
        ("Sunday 13 Feb 2005 14:00 GMT-5", "2005-02-13T19:00:00Z"),
        ("14 November 2005", "2005-11-14T00:00:00Z"),
        ("2022-01-14T01:42:00+10:00", "2022-01-13T15:42:00Z"),
        ("2022-01-14T01:42:00Z", "2022-01-14T01:42:00Z"),
        ("2022-01-14 01:42:00 +1000", "2022-01-13T15:42:00Z"),
        ("Updated: March 3, 2021 at 10:15 a.m. ET", "2021-03-03T15:15:00Z"),
        ("July 4, 2021 3:00 PM ET", "2021-07-04T19:00:00Z"),  # EDT in summer
        ("Published 14.01.2022 | 09:30 CET", "2022-01-14T08:30:00Z"),
        ("Tue 14 Jan 2022 06.00 GMT", "2022-01-14T06:00:00Z"),
        ("Jan. 3rd, 2022", "2022-01-03T00:00:00Z"),
        ("14 janvier 2022", "2022-01-14T00:00:00Z"),
        ("14.01.2022", "2022-01-14T00:00:00Z"),
        # Numeric order: a number above 12 decides, then the zone, then day first.
        ("12/30/2019 05:03 AM EST", "2019-12-30T10:03:00Z"),
        ("30/12/2019", "2019-12-30T00:00:00Z"),
        ("07/03/2023 09:00 CET", "2023-03-07T08:00:00Z"),
        ("07/03/2023 09:00 EST", "2023-07-03T14:00:00Z"),
        ("02/10/2020", "2020-10-02T00:00:00Z"),
        ("Posted: Nov 8, 2023 / 04:43 PM CST", "2023-11-08T22:43:00Z"),
    ],
)
def test_to_utc(raw: str, expected: str) -> None:
    assert to_utc(raw) == expected


@pytest.mark.parametrize("raw", ["", "Jan 3", "5 hours ago", "Comments (38)", "Menu"])
def test_to_utc_rejects_incomplete_dates(raw: str) -> None:
    assert to_utc(raw) is None


def test_gmt_offset_is_not_posix_inverted() -> None:
    # Etc/GMT+10 would be UTC-10; a page printing GMT+10 means ten hours ahead of UTC.
    assert to_utc("1 Jan 2022 10:00 GMT+10") == "2022-01-01T00:00:00Z"
    assert to_utc("1 Jan 2022 10:00 GMT-10") == "2022-01-01T20:00:00Z"
    assert to_utc("1 Jan 2022 10:00 UTC+05:30") == "2022-01-01T04:30:00Z"


def test_default_tz_applies_only_without_printed_zone() -> None:
    assert to_utc("10 Jan 2005 17:00", default_tz="Europe/London") == "2005-01-10T17:00:00Z"
    assert to_utc("10 Jul 2005 17:00", default_tz="Europe/London") == "2005-07-10T16:00:00Z"
    assert to_utc("10 Jul 2005 17:00 GMT", default_tz="Europe/Berlin") == "2005-07-10T17:00:00Z"
    assert to_utc("10 Jul 2005 17:00", default_tz="GMT+2") == "2005-07-10T15:00:00Z"
    assert to_utc("10 Jul 2005") == "2005-07-10T00:00:00Z"


def test_find_date_inside_a_line() -> None:
    line = "By Sam Patel | 14 Jan 2022, 01:42 GMT+10 | 3 min read"
    assert find_date(line) == "14 Jan 2022, 01:42 GMT+10"
    assert find_date("Tony Blair said on Monday he would stand again.") is None


def test_is_date_line_allows_times_before_the_date() -> None:
    from eventwire.extract.furniture import is_date_line

    line = "Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020"
    assert is_date_line(line) == "26 September 2020"
    assert is_date_line("Posted: Nov 8, 2023 / 04:43 PM CST") == "Nov 8, 2023 / 04:43 PM CST"
    assert is_date_line("The meeting on 26 September 2020 ended without a deal.") is None
