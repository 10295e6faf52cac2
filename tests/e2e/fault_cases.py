"""Hostile inputs and faults, each built beside a good article in a fresh input folder.

A case writes its hostile input into the folder (or names a path for the command line) and
says what a user should find afterwards: the input rejected with a reason that names the
cause, or the article taken in (loaded, quarantined or recorded as an extraction failure).
`outside` is a folder beside the input folder holding a canary article: nothing in it may be
read.
"""

import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile import billion_laughs

CANARY = "Canary article outside the input folder"
SENTENCE = (
    "The harbour authority said on Friday that the new container terminal would open in June, "
    "doubling capacity and creating about 400 jobs in the surrounding district. "
)
ARTICLE = SENTENCE * 4


def article(tag: str) -> str:
    """A good body of its own: inputs sharing a run must not be copies of one another, or all
    but one would be set aside as duplicates."""
    return f"{ARTICLE}The notice was filed under reference {tag}."


@dataclass(frozen=True)
class Case:
    """One hostile input: how to build it, and what must become of it.

    `build` writes into the input folder and returns extra paths for the command line.
    `rejected` is a word the rejection reason must contain (lower case), or None when the
    input is taken in as an article; `marker` finds the input's rows by source. With
    `date_refused`, the publication date the input gives is not stored, and the reason is.
    `run` names the run the input is read in: inputs cheap to read or refuse share one; one
    costly to extract has a run of its own, or shares it with few others, so that each run's
    bounds still say what that input costs.
    """

    name: str
    build: Callable[[Path, Path], list[Path]]
    marker: str
    rejected: str | None
    date_refused: bool = False
    run: str = "inputs read or refused at the door"


def write(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path, Path], list[Path]]:
    """A builder writing `data` (or what `data()` returns) to `name` in the input folder."""

    def build(folder: Path, outside: Path) -> list[Path]:
        (folder / name).write_bytes(data() if callable(data) else data)
        return []

    return build


def front_matter(header: str, body: str = ARTICLE) -> bytes:
    """A Markdown article with `header` as its YAML front matter."""
    return f"---\n{header}\n---\n{body}\n".encode()


def json_article(tag: str, **fields: object) -> bytes:
    """A JSON article with a good body and `fields` on top."""
    return json.dumps({"title": "Terminal opens", "body": article(tag), **fields}).encode()


def nested_json(depth: int) -> bytes:
    """A JSON object whose body field holds `depth` nested lists."""
    return b'{"title": "Deep", "body": ' + b"[" * depth + b"]" * depth + b"}"


def million_words() -> bytes:
    """About 4 MB: one million short words, under the file size limit."""
    return ("word " * 1_000_000).encode()


def many_words_under_size_limit() -> bytes:
    """A 4.9 MB text article (real sentences), under the 5 MB size limit."""
    return (SENTENCE * (4_900_000 // len(SENTENCE))).encode()


def long_article() -> bytes:
    """An article over spaCy's max_length (1,000,000 characters) but under the word limit."""
    paragraph = (
        "Negotiators representing international shipping conglomerates reconvened yesterday "
        "afternoon, examining comprehensive infrastructure commitments, environmental "
        "certification requirements and extraordinarily complicated compensation arrangements. "
    )
    count = 1_050_000 // len(paragraph) + 1
    return "\n\n".join(f"{paragraph} Session {i}." for i in range(count)).encode()


def outside_link(name: str, target: str) -> Callable[[Path, Path], list[Path]]:
    """A symlink in the input folder to `target` in the outside folder."""

    def build(folder: Path, outside: Path) -> list[Path]:
        (folder / name).symlink_to(outside / target)
        return []

    return build


def etc_passwd_link(folder: Path, outside: Path) -> list[Path]:
    """A symlink to /etc/passwd, a file of the system."""
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    return []


def dangling_link(folder: Path, outside: Path) -> list[Path]:
    """A symlink to nothing."""
    (folder / "dangling.txt").symlink_to(folder / "no-such-file.txt")
    return []


def fifo_inside(folder: Path, outside: Path) -> list[Path]:
    """A named pipe in the input folder, with no writer: opening it for reading blocks."""
    os.mkfifo(folder / "pipe.txt")
    return []


def fifo_argument(folder: Path, outside: Path) -> list[Path]:
    """A named pipe in the outside folder, named on the command line."""
    pipe = outside / "named-pipe.md"
    os.mkfifo(pipe)
    return [pipe]


def socket_inside(folder: Path, outside: Path) -> list[Path]:
    """A Unix socket in the input folder, left bound."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    return []


def directory_named_like_article(folder: Path, outside: Path) -> list[Path]:
    """A folder whose name ends in .txt, holding nothing."""
    (folder / "folder.txt").mkdir()
    return []


def utf16(folder: Path, outside: Path) -> list[Path]:
    """A UTF-16 article with its byte-order mark."""
    (folder / "utf16.txt").write_bytes(("Terminal opens\n" + article("utf16")).encode("utf-16"))
    return []


def utf32(folder: Path, outside: Path) -> list[Path]:
    """A UTF-32 article with its byte-order mark."""
    (folder / "utf32.txt").write_bytes(("Terminal opens\n" + article("utf32")).encode("utf-32"))
    return []


def strange_name(folder: Path, outside: Path) -> list[Path]:
    """An article whose file name holds a newline, quotes, a tab and right-to-left marks."""
    (folder / 'odd\nname "\t\u202etxt.md\u202c.txt').write_bytes(article("odd").encode())
    return []


def nested_html() -> bytes:
    """HTML nested 20,000 elements deep around one paragraph."""
    return (
        b"<html><body>" + b"<div>" * 20_000 + f"<p>{ARTICLE}</p>".encode() + b"</div>" * 20_000
    ) + b"</body></html>"


def unclosed_quotes() -> bytes:
    """An article of 3,000 sentences each opening a quotation it never closes."""
    return ("Terminal opens\n" + "“The harbour will open, said the minister. " * 3_000).encode()


def figure_storm() -> bytes:
    """An article of 8,000 amounts, percentages and counts in a row."""
    parts = [f"${i}.5 million, {i % 100}.{i % 10}% and {i} ships" for i in range(8_000)]
    return ("Figures\n" + "Officials said " + "; ".join(parts) + ".").encode()


def date_storm() -> bytes:
    """An article of 6,000 date expressions, absolute and relative."""
    days = ["last Monday", "March 3, 2021", "next year", "in 1999", "two weeks ago", "Aug. 16"]
    text = " ".join(f"The board met {days[i % 6]} and again on day {i}." for i in range(6_000))
    return ("Dates\n" + text).encode()


def one_sentence() -> bytes:
    """One sentence of 40,000 words with no full stop."""
    return ("Minister Anna Kovacs said that " + "the port and the city and " * 6_600).encode()


def giant_token() -> bytes:
    """A short article holding one 600,000-character word."""
    return (ARTICLE + " " + "x" * 600_000 + " " + ARTICLE).encode()


CASES: list[Case] = [
    Case("JSON nested 10,000 levels", write("deep.json", nested_json(10_000)), "deep.json", "nest"),
    Case(
        "JSON Lines line nested 50,000 levels",
        write("nested-lines.jsonl", nested_json(50_000) + b"\n" + json_article("lines") + b"\n"),
        "nested-lines.jsonl",
        "nest",
    ),
    Case("JSON that is an array", write("array.json", b"[1, 2, 3]"), "array.json", "object"),
    Case("JSON with a number body", write("number.json", b'{"body": 12}'), "number.json", "body"),
    Case(
        "front matter date 2024-13-45",
        write(
            "month13.md", front_matter("published: 2024-13-45\ntitle: Month 13", article("month13"))
        ),
        "month13.md",
        None,
        date_refused=True,
    ),
    Case(
        "JSON date 9999-12-31",
        write("y9999.json", json_article("y9999", published="9999-12-31")),
        "y9999.json",
        None,
        date_refused=True,
    ),
    Case(
        "front matter date 0001-01-01",
        write("y0001.md", front_matter("published: 0001-01-01\ntitle: Year one", article("y0001"))),
        "y0001.md",
        None,
        date_refused=True,
    ),
    Case(
        "JSON date 1600-03-01",
        write("y1600.json", json_article("y1600", published="1600-03-01")),
        "y1600.json",
        None,
        date_refused=True,
    ),
    Case(
        "JSON date 1.5e300",
        write(
            "exponent.json",
            json_article("exponent").replace(b"{", b'{"published": 1.5e300, ', 1),
        ),
        "exponent.json",
        None,
        date_refused=True,
    ),
    Case(
        "JSON date of the wrong type",
        write("list-date.json", json_article("list", published=[2024, 1, 2])),
        "list-date.json",
        None,
        date_refused=True,
    ),
    Case("4.9 MB article", write("big.txt", many_words_under_size_limit), "big.txt", "words"),
    Case("one million words", write("words.txt", million_words), "words.txt", "words"),
    Case(
        "article over spaCy's max_length",
        write("long.txt", long_article),
        "long.txt",
        None,
        run="an article over spaCy's max_length",
    ),
    Case(
        "YAML billion laughs",
        write("laughs.md", billion_laughs(ARTICLE).encode()),
        "laughs.md",
        "alias",
    ),
    Case(
        "YAML tag",
        write("tag.md", front_matter("title: !!python/object/apply:os.system ['true']")),
        "tag.md",
        "tag",
    ),
    Case(
        "front matter over 64 KB",
        write("header.md", front_matter("title: Big\nnote: " + "a" * 70_000)),
        "header.md",
        "front matter",
    ),
    Case("symlink to a file outside", outside_link("link.txt", "secret.txt"), "link.txt", "link"),
    Case("symlink to /etc/passwd", etc_passwd_link, "passwd.txt", "link"),
    Case("symlink to a folder outside", outside_link("linked.txt", "folder"), "linked.txt", "link"),
    Case("dangling symlink", dangling_link, "dangling.txt", "link"),
    Case("FIFO in the folder", fifo_inside, "pipe.txt", "pipe"),
    Case("FIFO named as a path", fifo_argument, "named-pipe.md", "pipe"),
    Case("socket in the folder", socket_inside, "socket.txt", "socket"),
    Case("folder named like an article", directory_named_like_article, "folder.txt", "director"),
    Case("UTF-16 with a BOM", utf16, "utf16.txt", None),
    Case("UTF-32 with a BOM", utf32, "utf32.txt", None),
    Case("file name with control characters", strange_name, "odd\nname", None),
    Case(
        "binary under a text name",
        write("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64),
        "photo.txt",
        "binary",
    ),
    Case(
        "file over the size limit",
        write("huge.txt", lambda: SENTENCE.encode() * (5_300_000 // len(SENTENCE))),
        "huge.txt",
        "too large",
    ),
    Case("HTML nested 20,000 elements", write("deep.html", nested_html), "deep.html", "main text"),
    Case(
        "3,000 unclosed quotations",
        write("quotes.txt", unclosed_quotes),
        "quotes.txt",
        None,
        run="long spans of text",
    ),
    Case(
        "8,000 figures in a row",
        write("figures.txt", figure_storm),
        "figures.txt",
        None,
        run="8,000 figures in a row",
    ),
    Case(
        "6,000 date expressions",
        write("dates.txt", date_storm),
        "dates.txt",
        None,
        run="6,000 date expressions",
    ),
    Case(
        "a 40,000-word sentence",
        write("sentence.txt", one_sentence),
        "sentence.txt",
        None,
        run="long spans of text",
    ),
    Case(
        "a 600,000-character word",
        write("token.txt", giant_token),
        "token.txt",
        None,
        run="long spans of text",
    ),
    Case(
        "unsupported file type",
        write("report.pdf", b"%PDF-1.7\n" + ARTICLE.encode()),
        "report.pdf",
        "unsupported",
    ),
]
