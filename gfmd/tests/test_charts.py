from collections import namedtuple

from gfmd.charts import bar_chart, print_bar_chart

Count = namedtuple("Count", "label count percent")


def test_chart_labels_are_escaped():
    svg = bar_chart(
        [Count('<script>alert("x")</script>', 1, 100)], title="<b>T</b>", chart_id="c1", css_class="survey-chart"
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in svg
    assert '<title id="c1-title">&lt;b&gt;T&lt;/b&gt;</title>' in svg


def test_the_printed_chart_has_a_fixed_size_and_one_row_an_answer():
    svg = print_bar_chart([Count("Yes", 3, 75), Count("No", 1, 25)], title="Agreed?")
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 88" width="600" height="88" role="img"'
        ' font-family="DejaVu Sans, sans-serif"><title>Agreed?</title>'
        '<text x="0" y="12" font-size="12" fill="#1d2430">Yes</text>'
        '<rect x="0" y="17" width="510" height="16" fill="#e3e8ee"/>'
        '<rect x="0" y="17" width="382" height="16" fill="#0f6e6e"/>'
        '<text x="518" y="30" font-size="12" font-weight="bold" fill="#12355b">3 · 75%</text>'
    )


def test_the_page_chart_fills_its_column_and_describes_itself():
    svg = bar_chart([Count("Yes", 3, 75), Count("No", 1, 25)], title="Agreed?", chart_id="c2", css_class="chart")
    assert svg.startswith(
        '<svg class="chart" viewBox="0 0 560 96" width="100%" role="img" aria-labelledby="c2-title c2-desc"'
        ' xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        '<title id="c2-title">Agreed?</title><desc id="c2-desc">Yes: 3 (75%); No: 1 (25%)</desc>'
        '<text x="0" y="15" font-size="13" fill="#1d2430">Yes</text>'
        '<rect x="0" y="22" width="482" height="16" rx="4" fill="#e3e7ec"/>'
        '<rect x="0" y="22" width="362" height="16" rx="4" fill="#0f6e6e"/>'
        '<text x="490" y="34" font-size="13" font-weight="600" fill="#1d2430">3 · 75%</text>'
    )
