"""The ``calibrate`` command: the distribution of the predikat (SE MenPANRB 3/2023) of an
input document's units, or of a units document's counts (*pengawasan*), in ``out.lang``.

The reports' own text views write the words (:meth:`DistributionReport.render
<asn_performance.consequences.distribution.check.DistributionReport.render>` and
:meth:`OversightReport.render
<asn_performance.consequences.distribution.oversight.OversightReport.render>`, ``lang=``);
this module adds the document's title and the note on plans not counted. JSON is never
translated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asn_performance._kit.i18n import figure, text
from asn_performance.cli._output import FailuresError, Output, shown
from asn_performance.exceptions import AsnPerformanceError

if TYPE_CHECKING:
    from asn_performance.consequences.distribution import DistributionReport, OversightReport

__all__ = ["calibrate"]


def calibrate(
    source: bytes, rounding: str, as_json: bool, out: Output, keep_going: bool = False
) -> tuple[bool, list[AsnPerformanceError]]:
    """Print the distribution check; return whether every limit holds, and (with
    ``keep_going``, for an input document) the problems of the plans left out."""
    import attrs

    from asn_performance.boundary.appraisal_document import to_json
    from asn_performance.boundary.calibration_files import (
        UnitsDocument,
        check_document,
        load_calibration_document,
    )

    lang = out.lang
    document = load_calibration_document(source)
    if isinstance(document, UnitsDocument):  # counts, not plans: nothing to keep going past
        report: OversightReport = document.oversee(rounding)
        if as_json:
            out.data(to_json(report.to_dict()) + "\n")
        else:
            if document.title:
                out.write(shown(document.title) + "\n")
            # The unit names are the document's: shown on one line each, like every value.
            shown_report = attrs.evolve(
                report, units=tuple(u._replace(unit=shown(u.unit)) for u in report.units)
            )
            everything = len(shown_report.violations)
            out.write(shown_report.render(max_violations=everything, lang=lang) + "\n")
        return report.ok, []
    failures: list[AsnPerformanceError] = []
    appraisals = None
    if keep_going:
        outcome = document.appraise_each()
        failures.extend(outcome.problems.values())
        if failures and not outcome.results:
            raise FailuresError(failures)
        appraisals = outcome.results
    reports: tuple[DistributionReport, ...] = check_document(
        document, rounding, appraisals=appraisals
    )
    if as_json:
        out.data(to_json([r.to_dict() for r in reports]) + "\n")
    else:
        shown_reports = (attrs.evolve(r, unit=shown(r.unit)) for r in reports)
        out.write("\n\n".join(r.render(lang) for r in shown_reports) + "\n")
        if failures:
            left = len(failures)
            note = "cli.calibrate.uncounted.other" if left > 1 else "cli.calibrate.uncounted.one"
            out.write("\n" + text(note, lang, count=figure(left, lang)) + "\n")
    return all(r.ok for r in reports), failures
