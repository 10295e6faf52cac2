"""Near-copies of one article, as outlets make them when they print a wire story: their own
first paragraph, a line of boilerplate, the last paragraph cut, small edits, or several of
these at once. Each copy's body differs from the others, so each is an article of its own."""

OUTLETS = [
    "Central Asia Daily", "The Korea Ledger", "Steppe Herald", "Asia Business Wire",
    "Morning Courier", "Capital Gazette", "Eurasia Review Online", "The Pacific Post",
    "Silk Road Times", "Northern Star", "Global Briefing", "Evening Standard Tribune",
    "The Bulletin", "Harbour Chronicle", "Daily Observer", "Metro Digest",
    "World Affairs Monitor", "Regional Reporter", "The Dispatch", "News Nine",
]  # fmt: skip


def own_lead(outlet: str) -> str:
    """A first paragraph an outlet writes itself."""
    return (
        f"{outlet.upper()} – Kazakhstan's president arrived in Seoul this week for talks our "
        f"correspondents at {outlet} say could reshape trade between the two countries."
    )


def boilerplate(outlet: str) -> str:
    """A closing line an outlet adds to what it republishes."""
    return f"This article was republished by {outlet}. All rights reserved; do not copy."


def near_copies(body: str, count: int) -> list[str]:
    """`count` distinct near-copies of `body`, each ending in its outlet's boilerplate line and
    with up to two of: the outlet's own first paragraph, the last paragraph cut, "said" written
    "says"."""
    paragraphs = body.split("\n\n")
    copies = []
    for number in range(count):
        rounds, which = divmod(number, len(OUTLETS))
        outlet = OUTLETS[which] + (f" {rounds + 1}" if rounds else "")
        edits = number % 4, number // 4 % 4
        parts = list(paragraphs)
        if 0 in edits:
            parts[0] = own_lead(outlet)
        if 2 in edits:
            parts = parts[:-1]
        text = "\n\n".join(parts)
        if 3 in edits:
            text = text.replace(" said", " says")
        copies.append(f"{text}\n\n{boilerplate(outlet)}")
    return copies
