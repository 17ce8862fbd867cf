"""HTML fragments: everything escaped, numbers written for people, badges readable without colour."""

from __future__ import annotations

import pytest

from bmc_course.widgets.html_fragments import (
    bullet_list,
    chips,
    count,
    esc,
    heading,
    message_box,
    money,
    scale_bar,
    severity_badge,
)


def test_esc_escapes_text_and_quoted_attributes() -> None:
    assert esc("<b>Tom & \"Jerry\"</b> 'x'") == (
        "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &#x27;x&#x27;"
    )
    assert esc(42) == "42"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (12.0, "12"),
        (0.25, "0.25"),
        (99.5, "99.50"),
        (100.4, "100"),
        (1_234.4, "1,234"),
        (-150.6, "-151"),
        (60.08, "60.08"),
    ],
)
def test_money_drops_decimals_from_100_up_and_for_whole_amounts(value: float, text: str) -> None:
    assert money(value) == text


def test_count_rounds_and_groups_thousands() -> None:
    assert [count(v) for v in (0, 10, 1_234.6, 200_000)] == ["0", "10", "1,235", "200,000"]


def test_severity_badge_has_a_shape_a_word_and_a_class() -> None:
    assert severity_badge("problem") == (
        '<span class="bmc-badge bmc-badge-problem"><span aria-hidden="true">▲</span> Problem</span>'
    )
    assert severity_badge("info") == (
        '<span class="bmc-badge bmc-badge-info"><span aria-hidden="true">i</span> Note</span>'
    )
    # an unknown severity is shown as its own (escaped) word, without a shape
    assert severity_badge("<odd>") == (
        '<span class="bmc-badge bmc-badge-&lt;odd&gt;"><span aria-hidden="true"></span> '
        "&lt;odd&gt;</span>"
    )


def test_bullet_list_escapes_items_and_is_empty_without_items() -> None:
    assert bullet_list(["a < b", "c"], css_class="bmc-pros") == (
        '<ul class="bmc-list bmc-pros"><li>a &lt; b</li><li>c</li></ul>'
    )
    assert bullet_list([]) == ""


def test_scale_bar_shows_the_number_and_as_many_blocks_on() -> None:
    bar = scale_bar("Cost to serve", 2, low="cheap", high="dear")
    assert bar.startswith('<div class="bmc-scale" title="1 = cheap; 5 = dear">')
    assert bar.count('<span class="bmc-pip bmc-pip-on"></span>') == 2
    assert bar.count('<span class="bmc-pip"></span>') == 3
    assert bar.endswith('<span class="bmc-scale-value">2 of 5</span></div>')
    assert 'title=""' in scale_bar("Scalability", 5, low="only low")  # a hint needs both ends


def test_chips_escape_each_label() -> None:
    assert chips(["A&B", "C"], css_class="bmc-chip-on") == (
        '<span class="bmc-chip bmc-chip-on">A&amp;B</span>'
        '<span class="bmc-chip bmc-chip-on">C</span>'
    )
    assert chips([]) == ""


def test_message_box_escapes_unless_told_and_errors_are_alerts() -> None:
    assert message_box("Saved <now>", "ok") == (
        '<div class="bmc-message bmc-message-ok">Saved &lt;now&gt;</div>'
    )
    assert message_box("<em>Could not</em>", "error", escape=False) == (
        '<div class="bmc-message bmc-message-error" role="alert"><em>Could not</em></div>'
    )


def test_heading_with_and_without_a_sub_line() -> None:
    assert heading("Your <segments>") == '<h3 class="bmc-heading">Your &lt;segments&gt;</h3>'
    assert heading("Findings", 4, sub="Re-checked & live") == (
        '<h4 class="bmc-heading">Findings</h4><p class="bmc-sub">Re-checked &amp; live</p>'
    )
