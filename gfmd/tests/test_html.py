from gfmd.html import clean_rich_text


def test_a_link_keeps_its_address_and_gets_a_safe_rel():
    assert clean_rich_text('<a href="https://gfmd.org/" rel="attachment" target="_blank">GFMD</a>') == (
        '<a href="https://gfmd.org/" rel="noopener noreferrer nofollow">GFMD</a>'
    )


def test_frames_and_drawings_go_with_their_content_other_unknown_tags_keep_their_text():
    assert clean_rich_text("<p>a<sup>2</sup></p><svg><text>drawn</text></svg><noscript>hidden</noscript>") == (
        "<p>a2</p>"
    )


def test_nothing_gives_an_empty_string():
    assert clean_rich_text(None) == ""
