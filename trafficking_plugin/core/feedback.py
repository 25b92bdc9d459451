"""Progress and cancel for long core work, shared by algorithms, docks and scripts.

Core functions take an optional ``feedback``. A ``QgsProcessingFeedback`` fits as it is, so the
Processing algorithm and a plain script run the same code path.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from .errors import CoreError


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


# --- messages in the user's language -------------------------------------------------------------
# The core has no Qt: the QGIS side installs how a template is translated and how a value (a
# year) is shown (processing_algorithms/base.py); scripts and tests get English as written.
# scripts/translations.py extracts the literal templates given to text(), noop(), later(), info()
# and warn().
_LANGUAGE: dict[str, Callable[[Any], Any]] = {"translate": lambda template: template,
                                               "show": lambda value: value}
# The warnings of the run in progress (in this thread), when someone collects them.
_WARNINGS: ContextVar[list[str] | None] = ContextVar("trafficking_warnings", default=None)


def set_language(translate: Callable[[str], str], show: Callable[[Any], Any]) -> None:
    """How templates are translated and values shown from now on (the QGIS side calls this)."""
    _LANGUAGE.update(translate=translate, show=show)


def text(template: str, *values: Any) -> str:
    """``template`` in the user's language with ``values`` filled in (English if a translation
    lost a placeholder)."""
    if not values:
        return _LANGUAGE["translate"](template)
    shown = [text(value.template, *value.values) if isinstance(value, CoreError)
             else _LANGUAGE["show"](value) for value in values]
    try:
        return _LANGUAGE["translate"](template).format(*shown)
    except (IndexError, KeyError, ValueError):
        return template.format(*shown)


def noop(template: str) -> str:
    """Marks a text kept in a table or a constant for translation; text(it) translates it later."""
    return template


def later(template: str, *values: Any) -> tuple:
    """(template, *values) of a line logged later with info(): marks it for translation."""
    return (template, *values)


def error_text(error: CoreError) -> str:
    """A core error's message in the user's language."""
    return text(error.template, *error.values)


def info(feedback: Feedback, template: str, *values: Any) -> None:
    """A log line in the user's language."""
    feedback.pushInfo(text(template, *values))


def warn(feedback: Feedback, template: str, *values: Any) -> str:
    """A warning: a gap the run went through but the user must know (QGIS shows it in the
    warning style); kept for the run's closing summary when warnings are collected. Returns it."""
    message = text(template, *values)
    feedback.reportError(message, False)
    collected = _WARNINGS.get()
    if collected is not None:
        collected.append(message)
    return message


@contextmanager
def collecting_warnings() -> Iterator[list[str]]:
    """Collect the warnings given inside the block (the run's closing summary lists them)."""
    collected: list[str] = []
    token = _WARNINGS.set(collected)
    try:
        yield collected
    finally:
        _WARNINGS.reset(token)
