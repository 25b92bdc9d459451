"""Vectorised helpers shared by the sample-data modules: dates, fixed-width text, sampling."""
from __future__ import annotations

import datetime

import numpy as np

from ..core.feedback import Feedback, check_canceled


def date_parts(dates: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day (int arrays) of a ``datetime64[D]`` array."""
    dates = np.asarray(dates, dtype="datetime64[D]")
    months = dates.astype("datetime64[M]")
    year = months.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (dates - months).astype(np.int64) + 1
    return year, month, day


def completed_years(birth: np.ndarray, on: np.ndarray | np.datetime64) -> np.ndarray:
    """Age in completed years on date(s) ``on`` of persons born on ``birth``."""
    by, bm, bd = date_parts(birth)
    oy, om, od = date_parts(np.broadcast_to(np.asarray(on, dtype="datetime64[D]"), np.shape(birth)))
    return oy - by - ((om < bm) | ((om == bm) & (od < bd)))


def random_dates(rng: np.random.Generator, n: int, first: str | datetime.date | np.datetime64,
                 last: str | datetime.date | np.datetime64) -> np.ndarray:
    """``n`` dates drawn uniformly from ``first`` to ``last`` inclusive (ISO strings or dates)."""
    first = np.datetime64(first, "D")
    days = (np.datetime64(last, "D") - first).astype(np.int64) + 1
    return first + rng.integers(0, days, size=n)


def fixed_text(n: int, *parts: str | tuple[np.ndarray | int | np.integer, int]) -> np.ndarray:
    """``n`` ASCII strings assembled column by column, with no Python loop over rows.

    Each part is a literal string (the same in every row) or ``(ints, width)``: non-negative
    integers written zero-padded to ``width`` digits. E.g. ``fixed_text(n, (d, 2), "/", (m, 2))``.
    """
    widths = [len(p) if isinstance(p, str) else p[1] for p in parts]
    chars = np.empty((n, sum(widths)), dtype=np.uint8)
    at = 0
    for part, width in zip(parts, widths):
        if isinstance(part, str):
            chars[:, at:at + width] = np.frombuffer(part.encode("ascii"), dtype=np.uint8)
        else:
            values = np.broadcast_to(np.asarray(part[0], dtype=np.int64), (n,))
            for j in range(width):
                chars[:, at + j] = values // 10 ** (width - 1 - j) % 10 + ord("0")
        at += width
    return chars.view(f"S{chars.shape[1]}").ravel().astype(f"U{chars.shape[1]}")


def choose(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One category per row of a (n, k) matrix of probabilities (rows need not be normalised)."""
    cumulative = np.cumsum(probabilities, axis=1)
    u = rng.random(len(cumulative)) * cumulative[:, -1]
    return np.minimum((cumulative < u[:, None]).sum(axis=1), cumulative.shape[1] - 1)


def weighted_sample(rng: np.random.Generator, weights: np.ndarray, k: int) -> np.ndarray:
    """Indices of ``k`` items drawn without replacement with probability proportional to weight.

    Efraimidis-Spirakis: keep the k largest log(u) / w; returned in ascending index order.
    """
    weights = np.asarray(weights, dtype=float)
    k = min(k, int((weights > 0).sum()))
    with np.errstate(divide="ignore"):
        keys = np.log(rng.random(weights.size)) / weights     # -inf where the weight is 0
    return np.sort(np.argpartition(-keys, k - 1)[:k]) if k > 0 else np.empty(0, dtype=np.int64)


class Stage:
    """One stage of the generator: its share of the run's 0-100 % progress, and cancel checks."""

    def __init__(self, feedback: Feedback, start: float, end: float) -> None:
        self.feedback, self.start, self.end = feedback, start, end

    def step(self, fraction: float) -> None:
        """Report ``fraction`` (0-1) of this stage done; raise Canceled if the user canceled."""
        check_canceled(self.feedback)
        self.feedback.setProgress(self.start + (self.end - self.start) * fraction)

    def part(self, lo: float, hi: float) -> Stage:
        """The sub-stage from ``lo`` to ``hi`` (fractions of this stage)."""
        span = self.end - self.start
        return Stage(self.feedback, self.start + span * lo, self.start + span * hi)
