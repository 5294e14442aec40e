"""Frames in and out, through narwhals: any table in, a polars LazyFrame to compute with, and the
result handed back as the caller's kind.

* polars ``DataFrame`` -> ``DataFrame``; polars ``LazyFrame`` -> ``LazyFrame`` (stays lazy:
  nothing is computed until the caller collects);
* pandas ``DataFrame`` (numpy or pyarrow dtypes) -> pandas, the caller's frame with the result
  columns set (its index and the dtypes of the other columns kept; the new columns as pyarrow
  dtypes when the frame had any, else numpy/object: decimals as ``Decimal`` objects, never
  floats);
* pyarrow ``Table`` -> ``Table`` (the caller's columns kept, the result columns set);
* any other eager frame narwhals knows (modin, cuDF) -> the same kind, through Arrow;
* a lazy frame narwhals knows (a DuckDB relation, an Ibis table, PySpark / SQLFrame): collected
  through Arrow into polars, computed, and handed back as a lazy frame of the same kind over
  the result (``narwhals.DataFrame.lazy(backend=...)``). It does not stay lazy in its own
  engine: the rows are computed in this process. A Dask frame is handled apart, partition by
  partition (``asn_performance.tables._dask``).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import Any, Final, cast

import narwhals as nw
import polars as pl
import polars.selectors as cs

from asn_performance.exceptions import InputError

__all__ = ["Restore", "is_dask", "to_polars"]

_KINDS: Final = (
    "a pandas, polars or pyarrow table (or another frame narwhals supports: a polars LazyFrame,"
    " a DuckDB relation, a Dask DataFrame...)"
)
_LAZY_BACKENDS: Final = (
    nw.Implementation.DUCKDB,
    nw.Implementation.IBIS,
    nw.Implementation.POLARS,
    nw.Implementation.DASK,
)
_SPARK_LIKE: Final = (
    nw.Implementation.PYSPARK,
    nw.Implementation.PYSPARK_CONNECT,
    nw.Implementation.SQLFRAME,
)


def is_dask(frame: object) -> bool:
    """Whether ``frame`` is a Dask DataFrame (without importing Dask)."""
    return type(frame).__module__.startswith("dask.") and hasattr(frame, "map_partitions")


class Restore:
    """Turns the computed LazyFrame back into a frame of the caller's kind (see the module)."""

    def __init__(
        self,
        original: object,
        kind: str,
        session: object = None,
        data: pl.DataFrame | None = None,
    ) -> None:
        self._original = original
        self._kind = kind
        self._session = session
        self._names = tuple(_names(original, kind))
        self._data = data

    @property
    def data(self) -> pl.DataFrame | None:
        """The table in memory that the LazyFrame of :func:`to_polars` reads (None when the
        caller's frame is a polars LazyFrame): read before the query is built, for what a
        column holds (the categories of a Categorical column: ``_appraise.coded``)."""
        return self._data

    @property
    def kind(self) -> str:
        """``polars``, ``polars-lazy``, ``pandas``, ``pyarrow``, ``eager`` or ``lazy``."""
        return self._kind

    @property
    def lazy(self) -> bool:
        """Whether the caller's frame was lazy (the result is handed back lazy)."""
        return self._kind in ("polars-lazy", "lazy")

    def __call__(self, lf: pl.LazyFrame, written: Collection[str] | None = None) -> Any:
        """``lf`` as a frame of the caller's kind. ``written``: the columns the computation
        set (the others of the caller's frame are kept as they were); default: the columns
        the caller's frame did not have."""
        if self._kind == "polars-lazy":
            return lf
        if self._kind in ("eager", "lazy"):
            return self._back(_texts(lf.collect(), written or ()))
        # Only the columns the computation set are computed and collected; the caller's
        # other columns are taken as they are (no copy of, say, 4.5 million NIPs).
        names = [
            c for c in lf.collect_schema().names() if c not in self._names or c in (written or ())
        ]
        result = lf.select(names).collect()
        if self._kind == "polars":
            original = cast(pl.DataFrame, self._original)
            return original.with_columns(result.get_columns())
        result = _texts(result, names)
        if self._kind == "pandas":
            return _to_pandas(self._original, result)
        return _to_pyarrow(self._original, result)

    def new(self, lf: pl.LazyFrame) -> Any:
        """A new table computed from the caller's (a report: not row for row) as their kind."""
        if self._kind == "polars-lazy":
            return lf
        result = lf.collect()
        if self._kind == "polars":
            return result
        result = _texts(result, result.columns)
        if self._kind == "pandas":
            arrow = _has_arrow_dtypes(self._original)
            return result.to_pandas(use_pyarrow_extension_array=arrow)
        if self._kind == "pyarrow":
            return result.to_arrow(compat_level=pl.CompatLevel.oldest())
        return self._back(result)

    def _back(self, result: pl.DataFrame) -> Any:
        backend = nw.from_native(cast(Any, self._original)).implementation
        if self._kind == "eager":
            return nw.from_arrow(result.to_arrow(), backend=backend).to_native()
        frame = nw.from_native(result, eager_only=True)
        if backend in _SPARK_LIKE:
            return frame.lazy(backend=backend, session=self._session).to_native()
        return frame.lazy(backend=backend).to_native()


def _texts(result: pl.DataFrame, names: Collection[str]) -> pl.DataFrame:
    """The columns of ``names`` that polars holds as an ``Enum`` (``predikat``,
    ``predikat_label``, ``rules``) as text, for the frame kinds other than polars: pandas,
    Arrow and the rest get the texts they always had (a dictionary column of pyarrow dtype
    is more than some of them handle, Dask's shuffle among them)."""
    return result.with_columns((cs.enum() & cs.by_name(*names, require_all=False)).cast(pl.String))


def _names(original: object, kind: str) -> list[str]:
    if kind in ("pandas", "pyarrow", "polars"):
        return [str(c) for c in original.columns]  # type: ignore[attr-defined]
    return []


def _has_arrow_dtypes(frame: Any) -> bool:
    """Whether a pandas frame has a pyarrow-backed column (``ArrowDtype``, ``string[pyarrow]``)."""
    return any(
        type(t).__name__ == "ArrowDtype" or getattr(t, "storage", None) == "pyarrow"
        for t in frame.dtypes
    )


def _to_pandas(original: Any, new: pl.DataFrame) -> Any:
    values = new.to_pandas(use_pyarrow_extension_array=_has_arrow_dtypes(original))
    values.index = original.index
    out = original.copy(deep=False)
    for name in values.columns:
        out[name] = values[name]
    return out


def _to_pyarrow(original: Any, new: pl.DataFrame) -> Any:
    table = original
    arrow = new.to_arrow(compat_level=pl.CompatLevel.oldest())
    for name in arrow.column_names:
        if name in table.column_names:
            table = table.set_column(table.column_names.index(name), name, arrow[name])
        else:
            table = table.append_column(name, arrow[name])
    return table


def _refused(frame: object, why: str = "") -> InputError:
    return InputError(
        f"frame must be {_KINDS}, not {type(frame).__name__}{why}",
        path="frame",
        value=type(frame).__name__,
        rule="TYPE",
        fix="pass e.g. pandas.read_csv(...), polars.read_parquet(...) or a pyarrow Table",
    )


def _text_or_missing(value: object) -> object:
    """A cell of a mixed object column: None and NaN kept (missing), anything else as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return value
    return str(value)


def _pandas_to_polars(frame: Any) -> pl.DataFrame:
    """A pandas frame as polars, through narwhals; an object column of mixed types (which Arrow
    refuses) is read as text, so that its cells are marked rather than the table refused."""
    try:
        df: pl.DataFrame = nw.from_native(frame, eager_only=True).to_polars()
    except (TypeError, ValueError, ArithmeticError):  # pyarrow's ArrowInvalid/ArrowTypeError
        pass
    else:
        return df
    fixed = frame.copy(deep=False)
    for name in fixed.columns:
        if fixed[name].dtype == object:
            fixed[name] = fixed[name].map(_text_or_missing)
    try:
        df = nw.from_native(fixed, eager_only=True).to_polars()
    except (TypeError, ValueError, ArithmeticError) as error:
        raise _refused(frame, f" that Arrow can read ({error})") from None
    return df


def to_polars(frame: object) -> tuple[pl.LazyFrame, Restore]:
    """``frame`` as a polars LazyFrame, and how to hand the result back as its kind."""
    if isinstance(frame, pl.LazyFrame):
        return frame, Restore(frame, "polars-lazy")
    if isinstance(frame, pl.DataFrame):
        return frame.lazy(), Restore(frame, "polars", data=frame)
    try:
        native: Any = nw.from_native(cast(Any, frame))
    except TypeError:
        raise _refused(frame) from None
    implementation = cast(nw.Implementation, native.implementation)
    if isinstance(native, nw.DataFrame):
        if implementation is nw.Implementation.PANDAS:
            df = _pandas_to_polars(frame)
            return df.lazy(), Restore(frame, "pandas", data=df)
        try:
            df = native.to_polars()
        except (TypeError, ValueError, ArithmeticError) as error:
            raise _refused(frame, f" that Arrow can read ({error})") from None
        kind = "pyarrow" if implementation is nw.Implementation.PYARROW else "eager"
        return df.lazy(), Restore(frame, kind, data=df)
    if isinstance(native, nw.LazyFrame):
        session = getattr(frame, "sparkSession", None)
        if implementation not in _LAZY_BACKENDS and implementation not in _SPARK_LIKE:
            raise _refused(frame, " (narwhals cannot hand this lazy kind back)")
        df = native.collect(backend=nw.Implementation.POLARS).to_native()
        return df.lazy(), Restore(frame, "lazy", session, data=df)
    raise _refused(frame)
