"""The JSON boundary: translation only, between JSON documents and the domain objects.

Nothing here decides anything; every rule lives below (:mod:`asn_performance.domain`,
:mod:`asn_performance.regimes`, :mod:`asn_performance.consequences`,
:mod:`asn_performance.process`) and every use case in :mod:`asn_performance.services`. The
modules of this package read a document (pydantic v2 wire models, exact decimals, errors at a
JSON path such as ``$.plans[0].id``), build the frozen domain objects, call the services, and
write the results back through the objects' own ``to_dict()``:

* :mod:`~asn_performance.boundary.appraisal_document` -- the PermenPANRB 6/2022 input document
  of a unit (:func:`~asn_performance.boundary.appraisal_document.load_document`);
* :mod:`~asn_performance.boundary.part_documents` -- its parts on their own: an employee, a
  plan, an assessment, an appraisal and the compact result record;
* :mod:`~asn_performance.boundary.cycle_document` -- an SKP's life (its event log), a roster and
  a feedback entry;
* :mod:`~asn_performance.boundary.regime_documents` -- the documents of PP 46/2011,
  PermenPANRB 8/2021 and the split year 2021;
* :mod:`~asn_performance.boundary.policy_files` -- reward policy files (TOML or JSON);
* :mod:`~asn_performance.boundary.calibration_files` -- the documents of the distribution check;
* ``_wire``, ``_json_text`` and ``_json_errors`` -- the private toolkit they share (field
  types, JSON reading, error paths); ``_document_models`` -- the wire models of the input
  document itself (its policy and guards).

``import asn_performance`` never imports this package, and the package itself imports
nothing. Its document modules import pydantic, with one exception (issue 12): reading a valid
input document of a unit with ``regime_documents.load_any`` needs only ``pydantic_core``
(``_unit_reading``, ``_fast_parts`` and ``_fast_schemas`` read it part by part; pydantic and
the wire models are imported when a part has a problem, to report it, or when the head has a
roster or reward inputs).
"""
