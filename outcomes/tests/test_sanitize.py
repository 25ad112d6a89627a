import pytest

from outcomes.sanitize import clean_outcome_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<p onclick="steal()" onmouseover="x()">Hi</p>', "<p>Hi</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<a href="data:text/html,<script>1</script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<p>a</p><iframe src="https://evil.example/">inside</iframe>', "<p>a</p>"),
        ("<style>body{display:none}</style><p>a</p>", "<p>a</p>"),
        ('<p>a<img src="https://evil.example/pixel.png"></p>', "<p>a</p>"),
        ('<p style="color:red" class="x" id="y">a</p>', "<p>a</p>"),
        ('<svg onload="x()"><circle/></svg><p>a</p>', "<p>a</p>"),
        ("<p>a</p><!-- a comment -->", "<p>a</p>"),
        (
            '<a href="https://gfmd.org" target="_blank">GFMD</a>',
            '<a href="https://gfmd.org" rel="noopener noreferrer nofollow">GFMD</a>',
        ),
        (
            '<table style="min-width: 75px"><colgroup><col style="min-width:25px"></colgroup>'
            '<tbody><tr><th colspan="2"><p>h</p></th></tr></tbody></table>',
            '<table><tbody><tr><th colspan="2"><p>h</p></th></tr></tbody></table>',
        ),
        ("<h3>Heading</h3><ul><li><p><strong>b</strong> <em>i</em></p></li></ul>", None),
        ("<p></p>", ""),
        ("", ""),
    ],
)
def test_clean_outcome_html(dirty, clean):
    assert clean_outcome_html(dirty) == (dirty if clean is None else clean)
