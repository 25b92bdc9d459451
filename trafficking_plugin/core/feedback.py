"""Progress and cancel for long core work, shared by algorithms, docks and scripts.

Core functions take an optional ``feedback``. A ``QgsProcessingFeedback`` fits as it is, so the
Processing algorithm and a plain script run the same code path.
"""


class Canceled(Exception):
    """The user canceled; whatever was half-written must be rolled back by the caller."""


class NullFeedback:
    """Feedback for scripts and tests: prints nothing, never cancels."""

    def setProgress(self, percent):  # noqa: N802 (QGIS's spelling)
        pass

    def isCanceled(self):  # noqa: N802
        return False

    def pushInfo(self, text):  # noqa: N802
        pass

    def reportError(self, text, fatalError=False):  # noqa: N802,N803
        pass


def check_canceled(feedback):
    """Raise Canceled when the user pressed Cancel."""
    if feedback.isCanceled():
        raise Canceled("canceled by the user")
