"""Hostile inputs shared by the reader, run and fault-injection tests."""


def billion_laughs(body: str) -> str:
    """A Markdown article whose YAML front matter (about 1 KB as written) expands through
    nested aliases to 9^9 strings: the "billion laughs" attack on YAML loaders."""
    return "\n".join(
        [
            '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
            *(
                f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            "title: Laughs",
            "---",
            body,
        ]
    )
