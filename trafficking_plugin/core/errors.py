"""The one error type of the core: a problem the user can fix, worded for them.

Every core error class derives from ``CoreError``, so an algorithm, a dock or a script catches
one type. The message may be a template with its values apart (``CoreError("{} is missing",
path)``): ``str(error)`` reads in English, and the Qt side can translate ``template`` before
filling in ``values``.
"""
from __future__ import annotations

from typing import Any


class CoreError(Exception):
    """A problem the user can fix; the message says what happened and what to do."""

    def __init__(self, template: str, *values: Any) -> None:
        super().__init__(template.format(*values) if values else template)
        self.template = template
        self.values = values
