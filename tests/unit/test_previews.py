"""Asset previews show the first rows of a run and say how many they leave out."""

from orchestration.core.previews import PREVIEW_ROWS, preview_markdown


def test_a_long_preview_stops_at_its_first_rows_and_says_so() -> None:
    rows = [{"source": f"a{i}.txt", "words": i} for i in range(120)]
    table = preview_markdown(rows, 120, "new articles")
    assert "a0.txt" in table and f"a{PREVIEW_ROWS - 1}.txt" in table
    assert f"a{PREVIEW_ROWS}.txt" not in table
    assert table.endswith(f"first {PREVIEW_ROWS} of 120 new articles")


def test_a_short_preview_shows_every_row() -> None:
    table = preview_markdown([{"source": "a.txt"}, {"source": "b.txt"}], 2)
    assert "a.txt" in table and "b.txt" in table and "first" not in table
    assert preview_markdown([], 0) == "none"
