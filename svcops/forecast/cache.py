"""In-process cache of forecasts: a stable key of the data and parameters, and a small LRU.

Repeating a call with identical data and parameters returns the same result
object at once; the least recently used of ``_CACHE_SIZE`` results is dropped first.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .model import ForecastResult

_CACHE_VERSION = "svcops.forecast/3"
_CACHE_SIZE = 64

_cache: OrderedDict[str, ForecastResult] = OrderedDict()
_cache_lock = threading.Lock()


def cache_key(history: pd.DataFrame, **params: Any) -> str:
    """Stable SHA-256 hex digest of a frame's values, columns and dtypes plus params.

    Equal data with equal parameters gives the same key across processes and
    runs (row order matters, the index does not). Parameter values must be
    JSON-able or have a stable ``repr``.
    """
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    digest.update(json.dumps([[str(c), str(t)] for c, t in history.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(history, index=False).to_numpy().tobytes())
    digest.update(json.dumps(params, sort_keys=True, default=repr).encode())
    return digest.hexdigest()


def clear_cache() -> None:
    """Forget every cached forecast in this process."""
    with _cache_lock:
        _cache.clear()


def cache_get(key: str) -> ForecastResult | None:
    with _cache_lock:
        result = _cache.get(key)
        if result is not None:
            _cache.move_to_end(key)
        return result


def cache_put(key: str, result: ForecastResult) -> None:
    with _cache_lock:
        _cache[key] = result
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
