"""robots.txt: whether a site lets newsledger fetch an article page.

Each host's robots.txt is fetched once a run, through the same bounded and address-checked
fetch as the pages (so it too waits its turn for the host), and read with urllib.robotparser.
As RFC 9309 says: a robots.txt that does not exist (any 4xx answer) allows everything; one
that cannot be read (a 5xx answer, a server that cannot be reached) forbids everything for
the run. Feeds are not checked: a feed is published to be polled.
"""

import urllib.parse
import urllib.robotparser

from orchestration.ingest.http import PRODUCT, FetchError, fetch
from orchestration.ingest.policy import IngestPolicy
from orchestration.ingest.politeness import HostPacer

# The name newsledger's rules are looked up under (`User-agent: newsledger`).
ROBOT_NAME = PRODUCT.split("/", 1)[0]


class RobotsRules:
    """The robots.txt of each site asked about so far in one run."""

    def __init__(self, policy: IngestPolicy, pacer: HostPacer) -> None:
        self._policy = policy
        self._pacer = pacer
        self._sites: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def _read(self, site: str) -> urllib.robotparser.RobotFileParser | str:
        """The rules of `site` (scheme://host[:port]), or why none can be read."""
        rules = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        try:
            fetched = fetch(f"{site}/robots.txt", self._policy, self._pacer)
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                rules.allow_all = True
                return rules
            return f"robots.txt of {site} could not be read ({error}), so none of its pages are"
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return rules

    def check(self, url: str) -> None:
        """Raise FetchError, saying why, when robots.txt forbids newsledger to fetch `url`."""
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._sites:
            self._sites[site] = self._read(site)
        rules = self._sites[site]
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(ROBOT_NAME, url):
            raise FetchError(f"robots.txt of {site} disallows {url} for {ROBOT_NAME}")
