"""Helpers for the bulk steps of an import (reading, checking and writing 100,000 rows).

`collector_paused`: Python's cyclic garbage collector runs after every few hundred new container objects and,
every so often, walks every live one. An import holds the whole sheet (a list per row) while it builds a tuple or
list per row and cell: on a 100,000-row roster the collector's walks took a third of the time of finding the
data rows, and a quarter of the whole analysis. Nothing an import builds refers to itself, so reference
counting frees it all the same; the collector is paused for the bulk step and put back as it was after it.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
