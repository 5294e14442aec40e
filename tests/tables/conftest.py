"""Shared fixtures of the table tests: one polars frame as each kind of caller's frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl
import pytest

#: A polars DataFrame as each kind of frame a caller may pass.
KINDS: dict[str, Callable[[pl.DataFrame], Any]] = {
    "polars": lambda df: df,
    "polars-lazy": lambda df: df.lazy(),
    "pandas": lambda df: df.to_pandas(),
    "pandas-arrow": lambda df: df.to_pandas(types_mapper=pd.ArrowDtype),
    "pyarrow": lambda df: df.to_arrow(),
}


def as_polars(frame: Any) -> pl.DataFrame:
    """A result of any kind back as a polars DataFrame (for comparing)."""
    if isinstance(frame, pl.LazyFrame):
        return frame.collect()
    if isinstance(frame, pl.DataFrame):
        return frame
    if isinstance(frame, pd.DataFrame):
        return pl.from_pandas(frame)
    return pl.from_arrow(frame)  # type: ignore[return-value]


@pytest.fixture(scope="session")
def kinds() -> dict[str, Callable[[pl.DataFrame], Any]]:
    """A polars DataFrame as each kind of frame: ``kinds["pandas"](df)``."""
    return KINDS


@pytest.fixture(scope="session")
def polars_of() -> Callable[[Any], pl.DataFrame]:
    """A result of any kind back as a polars DataFrame."""
    return as_polars


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> str:
    """Each kind of frame in turn."""
    return str(request.param)
