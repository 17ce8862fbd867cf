"""The one HTML table builder: scoped headers, escaped cells, classes, sorting hooks, DataFrames."""

from __future__ import annotations

import math

import pandas as pd
from markupsafe import Markup

from bmc_course.logic.wording import money
from bmc_course.reports.html_table import (
    Cell,
    Column,
    HtmlTable,
    float_strings,
    frame_table,
    html_table,
)
from bmc_course.reports.templating import environment

HOSTILE = '<script>alert("x")</script>'


def test_headers_are_scoped_and_cells_escaped() -> None:
    table = html_table(
        ["learner", "segments"], [[HOSTILE, 3], ["Ana & Ben", 0]], css_class="bmc-table"
    )
    assert table == (
        '<table class="bmc-table"><thead><tr>'
        '<th scope="col">learner</th><th scope="col">segments</th></tr></thead><tbody>'
        "<tr><td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</td><td>3</td></tr>"
        "<tr><td>Ana &amp; Ben</td><td>0</td></tr>"
        "</tbody></table>"
    )


def test_a_hostile_header_is_escaped() -> None:
    assert html_table([HOSTILE], []) == (
        '<table><thead><tr><th scope="col">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</th>'
        "</tr></thead><tbody></tbody></table>"
    )


def test_column_title_cell_class_sort_key_and_row_header() -> None:
    table = html_table(
        ["Type", Column("Cost", title='1 = "low"; 5 = high')],
        [[Cell("Self-service", row_header=True), Cell(1, css_class="bmc-num", sort_key="<1>")]],
    )
    assert table == (
        '<table><thead><tr><th scope="col">Type</th>'
        '<th scope="col" title="1 = &#34;low&#34;; 5 = high">Cost</th></tr></thead><tbody>'
        '<tr><th scope="row">Self-service</th><td class="bmc-num" data-sort="&lt;1&gt;">1</td></tr>'
        "</tbody></table>"
    )


def test_markup_cells_are_kept_and_their_arguments_escaped() -> None:
    chip = Markup('<span class="bmc-chip">{}</span>').format("<i>MVP</i>")
    assert html_table(["method"], [[chip]]) == (
        '<table><thead><tr><th scope="col">method</th></tr></thead><tbody>'
        '<tr><td><span class="bmc-chip">&lt;i&gt;MVP&lt;/i&gt;</span></td></tr></tbody></table>'
    )


def test_sortable_tables_get_the_class_and_header_buttons() -> None:
    assert html_table(["file"], [["a.json"]], sortable=True) == (
        '<table class="sortable"><thead><tr><th scope="col"><button type="button">file</button>'
        "</th></tr></thead><tbody><tr><td>a.json</td></tr></tbody></table>"
    )
    assert html_table(["file"], [], css_class="wide", sortable=True).startswith(
        '<table class="wide sortable">'
    )


def test_a_table_in_a_template_is_not_escaped_twice() -> None:
    table = HtmlTable(["name"], [[HOSTILE]])
    page = environment().from_string("<body>{{ table }}</body>").render(table=table)
    assert page == (
        '<body><table><thead><tr><th scope="col">name</th></tr></thead><tbody>'
        "<tr><td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</td></tr></tbody></table></body>"
    )


def test_frame_table_reads_like_pandas() -> None:
    frame = pd.DataFrame(
        {
            "segment": [HOSTILE, "Firms"],
            "revenue": [40.0, 5000.0],
            "cost": [8.0, 65.92],
            "score (1-5)": [4, 1],
            "share": [math.nan, 0.5],
        }
    )
    assert frame_table(frame, css_class="bmc-table", na_rep="") == (
        '<table class="dataframe bmc-table"><thead><tr>'
        '<th scope="col">segment</th><th scope="col">revenue</th><th scope="col">cost</th>'
        '<th scope="col">score (1-5)</th><th scope="col">share</th></tr></thead><tbody>'
        "<tr><td>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</td><td>40.0</td><td>8.00</td>"
        "<td>4</td><td></td></tr>"
        "<tr><td>Firms</td><td>5000.0</td><td>65.92</td><td>1</td><td>0.5</td></tr>"
        "</tbody></table>"
    )


def test_a_frame_with_the_courses_number_format() -> None:
    frame = pd.DataFrame(
        {
            "segment": ["Firms"],
            "revenue": [9000.0],
            "cost": [0.5],
            "count": [1500],
            "gap": [math.nan],
        }
    )
    table = HtmlTable.from_frame(frame, number=money, na_rep="—").render()
    # "9,000" as the text around the table writes it, never "9000.0"; text cells untouched
    assert table.endswith(
        "<tr><td>Firms</td><td>9,000</td><td>0.50</td><td>1,500</td><td>—</td></tr></tbody></table>"
    )


def test_frame_table_without_a_class_and_with_pandas_default_for_missing() -> None:
    frame = pd.DataFrame({"x": [math.nan, 1.25]})
    assert frame_table(frame) == (
        '<table class="dataframe"><thead><tr><th scope="col">x</th></tr></thead><tbody>'
        "<tr><td>NaN</td></tr><tr><td>1.25</td></tr></tbody></table>"
    )


def test_float_columns_share_their_decimals_and_switch_to_scientific_when_needed() -> None:
    def shown(values: list[float]) -> list[str]:
        return float_strings(values, [math.isnan(v) for v in values], "")

    assert shown([1.5, 2.25]) == ["1.50", "2.25"]
    assert shown([100.0, 3.0]) == ["100.0", "3.0"]
    assert shown([0.1, 0.2]) == ["0.1", "0.2"]
    assert shown([1234567.891, 2.0]) == ["1234567.891", "2.000"]
    assert shown([math.nan, 3.0]) == ["", "3.0"]
    assert shown([1e-7, 1.0]) == ["1.000000e-07", "1.000000e+00"]  # would show as 0
    assert shown([12345678.123456, 1.0]) == ["1.234568e+07", "1.000000e+00"]  # too wide
