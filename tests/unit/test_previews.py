"""Asset previews show the first rows of a run and say how many they leave out."""

from orchestration.core.previews import CELL_CHARS, PREVIEW_ROWS, preview_markdown


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


def test_long_sources_and_titles_are_shortened_so_the_counts_stay_in_view() -> None:
    source = "/home/analyst/newsledger/data/inbox/2026/12/tokayev-visits-south-korea.txt"
    title = "Kazakhstan's President Tokayev holds talks with South Korea's President in Seoul"
    table = preview_markdown([{"source": source, "title": title, "quotes": 6}], 1)
    assert "tokayev-visits-south-korea.txt |" in table and "/home/analyst" not in table
    assert "Kazakhstan's President Tokayev" in table and title not in table
    assert "quotes" in table and "6" in table
    assert max(len(line) for line in table.splitlines()) <= 2 * CELL_CHARS + 20
