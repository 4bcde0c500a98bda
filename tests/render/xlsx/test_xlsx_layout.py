"""Row heights estimated from wrapped text, and the fonts every workbook style names."""

from __future__ import annotations

from briefing.render.xlsx.layout import (
    BOLD_WIDTH,
    FONT_NAME,
    FONT_SIZE,
    HEADER,
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    font,
    row_height,
    wrapped_lines,
)


def test_words_wrap_at_the_column_width() -> None:
    assert wrapped_lines("", 20) == 1
    assert wrapped_lines("short", 20) == 1
    assert wrapped_lines("one two three four five six", 12) == 3  # "one two", "three four", "five six"
    assert wrapped_lines("first\nsecond\n\nfourth", 40) == 4
    assert wrapped_lines("x" * 95, 11) == 10  # a word longer than a line is broken every 10 characters


def test_bold_text_takes_more_lines() -> None:
    header = "Point de l’ordre du jour"
    assert wrapped_lines(header, 26) == 1
    assert wrapped_lines(header, 26, widen=BOLD_WIDTH) == 2


def test_row_height_grows_with_the_text_and_stops_at_excels_limit() -> None:
    heights = [row_height([("word " * n, 30.0), ("short", 10.0)]) for n in (1, 20, 60, 200, 5000)]
    assert heights[0] == LINE_HEIGHT + 3
    assert heights == sorted(heights) and len(set(heights[:4])) == 4
    assert heights[-1] == MAX_ROW_HEIGHT
    assert row_height([]) == LINE_HEIGHT + 3
    # the tallest cell sets the row's height
    assert row_height([("word " * 60, 30.0), ("word " * 20, 30.0)]) == heights[2]


def test_every_font_is_named_and_sized() -> None:
    assert font().name == FONT_NAME and font().sz == FONT_SIZE
    assert font(bold=True, size=9).sz == 9
    assert HEADER.font.name == FONT_NAME and HEADER.font.sz == FONT_SIZE and HEADER.font.b
