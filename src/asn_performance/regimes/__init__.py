"""Rule sets, one module per regulation.

* :mod:`.permenpanrb_6_2022` -- the current regime (ratings, 3×3 matrix, unit-head rule).
"""
