"""Tables of an agency or a whole country: the appraisal, rewards and distribution check of every
row in one call (optional extra ``tables``: ``pip install 'asn-performance[tables]'``).

Take a pandas, polars or pyarrow table (or another frame narwhals supports) and return the
same kind; a polars LazyFrame stays lazy. The rules are the object path's own tables (the
6/2022 matrix, the unit-head mapping, the label spellings, the reward policies, the
distribution limits), computed with one lazy polars query. The column convention is
:class:`Columns` (``docs/reference/tables.md``). A row with a missing or unknown value gets a
``problem`` and empty results; every other row is computed; ``errors="raise"`` raises
:class:`TableError` instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

try:
    import narwhals  # noqa: F401 - checked here so that the message names the extra
    import polars as pl
except ImportError as error:  # pragma: no cover - the extra is installed in the tests
    raise ImportError(
        "asn_performance.tables needs polars and narwhals: pip install 'asn-performance[tables]'"
        f" ({error})"
    ) from error

import attrs

from asn_performance._kit.validate import shown
from asn_performance.exceptions import InputError, PolicyError
from asn_performance.tables._appraise import appraise_fixes, appraise_polars
from asn_performance.tables._columns import Columns, columns_of
from asn_performance.tables._frames import Restore, is_dask, to_polars
from asn_performance.tables._leave import LeaveColumns, leave_columns_of
from asn_performance.tables._problems import TableError, check_errors, raise_problems

if TYPE_CHECKING:
    from asn_performance.consequences.policy import RewardPolicy
    from asn_performance.tables.ekinerja import read_ekinerja

__all__ = [
    "Columns",
    "Distribution",
    "LeaveColumns",
    "TableError",
    "appraise",
    "distribution",
    "read_ekinerja",
    "rewards",
]

_ColumnsArg = Columns | Mapping[str, str] | None


def __getattr__(name: str) -> object:
    """``read_ekinerja`` is loaded on first use (PEP 562): it needs the spreadsheet reader."""
    if name == "read_ekinerja":
        from asn_performance.tables.ekinerja import read_ekinerja  # noqa: PLC0415

        globals()[name] = read_ekinerja
        return read_ekinerja
    raise AttributeError(f"module 'asn_performance.tables' has no attribute {name!r}")


def _outputs(columns: Columns) -> tuple[str, ...]:
    """The result columns this package writes (the others of the caller's frame are kept)."""
    c = columns
    return (
        c.predikat,
        c.predikat_label,
        c.rules,
        c.angka_kredit,
        c.tunjangan_kinerja,
        c.tunjangan_kehadiran,
        c.tunjangan,
        c.problem,
    )


def _every_name(columns: Columns) -> tuple[str, ...]:
    return tuple(str(v) for v in attrs.astuple(columns))


def _finish(
    lf: pl.LazyFrame, restore: Restore, columns: Columns, errors: str, fixes: Mapping[Any, str]
) -> Any:
    if errors == "raise":
        raise_problems(lf, columns.problem, _every_name(columns), fixes)
    return restore(lf, _outputs(columns))


def appraise(
    frame: Any,
    *,
    columns: _ColumnsArg = None,
    errors: Literal["mark", "raise"] = "mark",
) -> Any:
    """The predikat of every row (PermenPANRB 6/2022 matrix; SE MenPANRB 3/2023, D3).

    Reads ``rating_hasil_kerja`` and ``rating_perilaku_kerja`` (codes, labels in either
    language, any case, the e-Kinerja spellings) and, when present, ``unit_head`` and
    ``organisation_predikat``; adds ``predikat`` (the code), ``predikat_label``, ``rules``
    (``6/2022-MATRIX``, with ``D3-UNIT-HEAD`` first for a unit head) and ``problem``.

    Args:
        frame: a pandas, polars (eager or lazy) or pyarrow table, or another frame narwhals
            supports; the result is the same kind (a LazyFrame stays lazy).
        columns: other names for the columns (``{"rating_hasil_kerja": "Hasil"}``).
        errors: ``"mark"`` (a bad row gets a ``problem`` and null results) or ``"raise"``
            (:class:`TableError` listing the bad rows; a lazy frame is computed to check).

    Raises:
        InputError: ``frame`` is not a table, a rating column is absent, ``errors`` unknown.
        TableError: with ``errors="raise"``, when any row has a problem.
    """
    columns = columns_of(columns)
    mode = check_errors(errors)
    if is_dask(frame):
        from asn_performance.tables._dask import appraise_dask  # noqa: PLC0415

        _no_raise_on_dask(mode)
        return appraise_dask(frame, columns)
    lf, restore = to_polars(frame)
    appraised = appraise_polars(lf, columns, restore.data)
    return _finish(appraised, restore, columns, mode, appraise_fixes(columns))


def _no_raise_on_dask(errors: str) -> None:
    if errors == "raise":
        raise InputError(
            "errors='raise' is not available for a Dask frame",
            path="errors",
            value=errors,
            rule="TYPE",
            fix="use errors='mark' and filter the rows whose problem is not null",
        )


def _policy(policy: object) -> RewardPolicy:
    """A RewardPolicy, a built-in policy's name or the path of a .toml/.json policy file."""
    from asn_performance.consequences.policy import RewardPolicy  # noqa: PLC0415

    if isinstance(policy, RewardPolicy):
        return policy  # the policy-file reader (pydantic, 0.13 s to import) is not needed
    from asn_performance.boundary.policy_files import (  # noqa: PLC0415
        list_builtin_policies,
        load_builtin_policy,
        load_reward_policy_file,
    )

    if isinstance(policy, str) and policy in list_builtin_policies():
        return load_builtin_policy(policy)
    if isinstance(policy, os.PathLike) or (
        isinstance(policy, str) and policy.lower().endswith((".toml", ".json"))
    ):
        try:
            return load_reward_policy_file(policy)
        except OSError as error:  # a missing or unreadable file: a library error, not a crash
            named = shown(str(os.fspath(policy)))
            raise PolicyError(
                f"the policy file {named} cannot be read"
                f" ({error.strerror or type(error).__name__})",
                path="policy",
                value=str(os.fspath(policy)),
                rule="POLICY-FILE",
                fix="check the path of the policy file, or name a built-in policy",
            ) from None
    if isinstance(policy, str):
        return load_builtin_policy(policy)  # refuses the name, listing the built-in ones
    raise InputError(
        "policy must be a RewardPolicy, a built-in policy's name or a policy file's path",
        path="policy",
        value=type(policy).__name__,
        rule="TYPE",
        fix=f"pass e.g. policy='national' (built-in: {', '.join(list_builtin_policies())})",
    )


def rewards(
    frame: Any,
    policy: Any = "national",
    *,
    columns: _ColumnsArg = None,
    leave_columns: LeaveColumns | Mapping[str, str] | None = None,
    errors: Literal["mark", "raise"] = "mark",
) -> Any:
    """Angka kredit and tunjangan kinerja / TPP of every row by a reward policy.

    Runs :func:`appraise` first when the frame has no ``predikat`` column. Reads ``jenjang``
    and ``months`` (angka kredit, PermenPANRB 1/2023) and ``kelas`` with the attendance
    columns (the policy's allowance); adds ``angka_kredit``, ``tunjangan_kinerja``,
    ``tunjangan_kehadiran`` and ``tunjangan`` (exact decimals) and appends to ``problem``.
    When the table has a leave column (``leave``, ``leave_month``, ``leave_days``,
    ``duty_status``), the month is paid as ``compute_allowance(..., leave=, status=)`` pays
    it (Permenaker 15/2024 Pasal 4 and 14 under ``kemnaker_2025``) and ``paid_percent`` is
    added.

    Args:
        frame: as for :func:`appraise`.
        policy: a :class:`~asn_performance.RewardPolicy`, the name of a built-in policy
            (``"national"``) or the path of a ``.toml`` / ``.json`` policy file.
        columns: as for :func:`appraise`.
        errors: as for :func:`appraise`.
        leave_columns: other names for the leave columns (a :class:`LeaveColumns` or a
            mapping: ``{"leave": "jenis_cuti"}``); each must differ from every name of
            ``columns`` (``TABLE-COLUMN``).
    """
    columns = columns_of(columns)
    leave = leave_columns_of(leave_columns, columns)
    mode = check_errors(errors)
    chosen = _policy(policy)
    if is_dask(frame):
        from asn_performance.tables._dask import rewards_dask  # noqa: PLC0415

        _no_raise_on_dask(mode)
        return rewards_dask(frame, chosen, columns, leave)
    from asn_performance.tables._rewards import rewards_fixes, rewards_polars  # noqa: PLC0415

    lf, restore = to_polars(frame)
    fixes: dict[Any, str] = dict(rewards_fixes(columns, leave))
    appraised = columns.predikat not in lf.collect_schema()
    if appraised:
        lf = appraise_polars(lf, columns, restore.data)
        fixes.update(appraise_fixes(columns))
    lf = rewards_polars(lf, chosen, columns, leave, restore.data, appraised=appraised)
    if mode == "raise":
        raise_problems(lf, columns.problem, (*_every_name(columns), *_leave_names(leave)), fixes)
    return restore(lf, (*_outputs(columns), leave.paid_percent))


def _leave_names(leave: LeaveColumns) -> tuple[str, ...]:
    return tuple(str(v) for v in attrs.astuple(leave))


@attrs.frozen
class Distribution:
    """The result of :func:`distribution`: ``report`` (one row per unit and limit of SE
    MenPANRB 3/2023) and ``rollup`` (by agency), both frames of the caller's kind."""

    report: Any
    rollup: Any


def distribution(
    frame: Any,
    *,
    organisation_predikat: Any = None,
    rounding: Literal["strict", "lenient"] = "strict",
    agency: str | None = None,
    period: str | None = "period",
    columns: _ColumnsArg = None,
) -> Distribution:
    """The SE MenPANRB 3/2023 distribution check of every unit in one call.

    Needs ``unit`` and ``predikat`` (runs :func:`appraise` first when ``predikat`` is
    absent); ``organisation_predikat`` names each unit's capaian kinerja (see the
    distribution reference). ``period`` names the column that splits each unit by period
    (default ``"period"``, which ``read_ekinerja`` writes, used when the table has it; the
    report then has a ``period`` column; another name must be a column of the table);
    ``period=None`` checks each unit over all its rows.
    Returns :class:`Distribution` with ``report`` and ``rollup``
    (on a Dask frame: Dask frames, partitioned by unit once, to compute together).
    """
    columns = columns_of(columns)
    _check_report_names(columns, agency, period)
    if is_dask(frame):
        from asn_performance.tables._dask import distribution_dask  # noqa: PLC0415

        report, rollup = distribution_dask(
            frame,
            columns,
            organisation_predikat=organisation_predikat,
            rounding=rounding,
            agency=agency,
            period=period,
        )
        return Distribution(report=report, rollup=rollup)
    from asn_performance.tables._distribution import (  # noqa: PLC0415
        distribution_polars,
        rollup_polars,
    )

    lf, restore = to_polars(frame)
    if columns.predikat not in lf.collect_schema():
        lf = appraise_polars(lf, columns, restore.data)
    report, rollup = distribution_polars(
        lf,
        columns,
        organisation_predikat=organisation_predikat,
        rounding=rounding,
        agency=agency,
        period=period,
        data=restore.data,
    )
    if not restore.lazy:
        # The table is read once: the roll-up is built from the collected report, not from
        # the rows again (collecting both lazily would read the rows twice).
        report = report.collect().lazy()
        rollup = rollup_polars(report, agency)
    return Distribution(report=_new_frame(report, restore), rollup=_new_frame(rollup, restore))


def _check_report_names(columns: Columns, agency: str | None, period: object = None) -> None:
    """Refuse a unit or agency column named like a column of the report or roll-up, and an
    agency column that is one of the roles the check reads (it would be written twice)."""
    from asn_performance.tables._distribution import (  # noqa: PLC0415
        REPORT_COLUMNS,
        ROLLUP_COLUMNS,
    )

    own = {*REPORT_COLUMNS, *ROLLUP_COLUMNS}
    if isinstance(period, str) and period in own:
        raise InputError(
            f"the period column {period!r} has the name of a column of the report or roll-up",
            path="period",
            value=period,
            rule="TABLE-COLUMN",
            fix="rename the period column (e.g. 'period') and pass that, or period=None",
        )
    if columns.unit in own:
        raise InputError(
            f"the unit column {columns.unit!r} has the name of a column of the report or roll-up",
            path="columns['unit']",
            value=columns.unit,
            rule="TABLE-COLUMN",
            fix="rename the unit column (e.g. 'unit') and name it with columns={'unit': ...}",
        )
    if agency is None:
        return
    roles = {columns.nip, columns.predikat, columns.organisation_predikat}
    if agency in own or agency in roles:
        what = "a column of the report or roll-up" if agency in own else "a column the check reads"
        raise InputError(
            f"the agency column {agency!r} has the name of {what}",
            path="agency",
            value=agency,
            rule="TABLE-COLUMN",
            fix="name the agency column something else (e.g. 'agency') and pass that",
        )


def _new_frame(lf: pl.LazyFrame, restore: Restore) -> Any:
    """A new table (not a row-for-row result) as the caller's kind."""
    return restore.new(lf)
