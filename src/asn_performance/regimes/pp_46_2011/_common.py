"""What the modules of :mod:`asn_performance.regimes.pp_46_2011` share: the citation prefix.

Every rule of the regime cites the Lampiran of Perka BKN 1/2013, the implementing provisions
of PP 46/2011; the prefix is written once, here.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PERKA"]

#: The citation prefix of the rules of PP 46/2011 (Perka BKN 1/2013, Lampiran).
PERKA: Final = "Perka BKN 1/2013 (ketentuan pelaksanaan PP 46/2011), Lampiran"
