from outcomes.diff import has_changes, html_blocks, side_by_side


def test_html_blocks_reads_paragraphs_list_items_and_table_rows():
    html = (
        "<h3>Title</h3><p>First <strong>para</strong>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>"
        "<table><tbody><tr><th><p>Country</p></th><th><p>Cost</p></th></tr></tbody></table>"
    )
    assert html_blocks(html) == ["Title", "First para.", "• one", "• two", "Country | Cost"]


def test_side_by_side_marks_changed_words():
    rows = side_by_side("<p>Remittances lower poverty.</p>", "<p>Remittances lower extreme poverty.</p>")
    assert [(r.change, str(r.old), str(r.new)) for r in rows] == [
        ("replace", "Remittances lower poverty.", "Remittances lower <ins>extreme </ins>poverty.")
    ]


def test_side_by_side_shows_a_rewritten_block_whole():
    rows = side_by_side("<p>Circular migration.</p>", "<p>Diaspora bonds help.</p>")
    assert [(str(r.old), str(r.new)) for r in rows] == [
        ("<del>Circular migration.</del>", "<ins>Diaspora bonds help.</ins>")
    ]


def test_side_by_side_escapes_text():
    rows = side_by_side("", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert [str(r.new) for r in rows] == ["<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"]


def test_identical_versions_have_no_changes():
    assert has_changes(side_by_side("<p>Same</p>", "<p>Same</p>")) is False
