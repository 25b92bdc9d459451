"""Progress and cancel for long core work, shared by algorithms, docks and scripts.

Core functions take an optional ``feedback``. A ``QgsProcessingFeedback`` fits as it is, so the
Processing algorithm and a plain script run the same code path.
"""
from __future__ import annotations

from typing import Protocol


class Feedback(Protocol):
    """What core code asks of a feedback object (QgsProcessingFeedback's names)."""

    def setProgress(self, percent: float) -> None: ...  # noqa: N802 (QGIS's spelling)

    def isCanceled(self) -> bool: ...  # noqa: N802

    def pushInfo(self, text: str) -> None: ...  # noqa: N802

    def reportError(self, text: str, fatalError: bool = False) -> None: ...  # noqa: N802,N803


class Canceled(Exception):
    """The user canceled; whatever was half-written must be rolled back by the caller."""


class NullFeedback:
    """Feedback for scripts and tests: prints nothing, never cancels."""

    def setProgress(self, percent: float) -> None:  # noqa: N802
        pass

    def isCanceled(self) -> bool:  # noqa: N802
        return False

    def pushInfo(self, text: str) -> None:  # noqa: N802
        pass

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802,N803
        pass


def check_canceled(feedback: Feedback) -> None:
    """Raise Canceled when the user pressed Cancel."""
    if feedback.isCanceled():
        raise Canceled("canceled by the user")


class Part:
    """The feedback of a part of a longer job: its 0-100 % are ``start`` to ``end`` of the
    whole; cancel and messages pass through."""

    def __init__(self, feedback: Feedback, start: float, end: float) -> None:
        self.feedback, self.start, self.end = feedback, start, end

    def setProgress(self, percent: float) -> None:  # noqa: N802
        self.feedback.setProgress(self.start + (self.end - self.start) * percent / 100)

    def isCanceled(self) -> bool:  # noqa: N802
        return self.feedback.isCanceled()

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.feedback.pushInfo(text)

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802,N803
        self.feedback.reportError(text, fatalError)
