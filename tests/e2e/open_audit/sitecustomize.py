"""Record every attempt to open or list a path under NEWSLEDGER_AUDIT_ROOT.

Put on PYTHONPATH of a process under test (its spawned workers inherit it): each open,
directory listing or symlink read under the watched folder is appended to the file named by
NEWSLEDGER_AUDIT_LOG, one event a line, so a test can prove that nothing there was read.
"""

import os
import sys

_ROOT = os.environ.get("NEWSLEDGER_AUDIT_ROOT")
_LOG = os.environ.get("NEWSLEDGER_AUDIT_LOG")
_EVENTS = {"open", "os.listdir", "os.scandir", "shutil.copyfile"}


def _watch(event: str, args: tuple) -> None:
    if event not in _EVENTS or not args:
        return
    path = args[0]
    if isinstance(path, int) or path is None:
        return
    try:
        resolved = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    if resolved == _ROOT or resolved.startswith(_ROOT + os.sep):
        with open(_LOG, "a", encoding="utf-8") as log:  # the log itself lies elsewhere
            log.write(f"{event} {resolved}\n")


if _ROOT and _LOG:
    _ROOT = os.path.realpath(_ROOT)
    sys.addaudithook(_watch)
