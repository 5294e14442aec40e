"""What the modules of :mod:`asn_performance.regimes.permenpanrb_8_2021` share.

The citation prefix of the Lampiran of PermenPANRB 8/2021 (BAB VI A, Penilaian SKP), written
once, here.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LAMPIRAN"]

#: The citation prefix of the rules of PermenPANRB 8/2021 (Lampiran, BAB VI A).
LAMPIRAN: Final = "PermenPANRB 8/2021 Lampiran, BAB VI A (Penilaian SKP)"
