"""Risk management: the risk register, its heat map, and key risk indicators measured
from the workspace's own operational data.

* :mod:`.scale` - likelihood and impact as 1-5 or words (English, Chinese);
"""

from .scale import SCALE_COLUMNS, scale_value, scale_vocab

__all__ = ["SCALE_COLUMNS", "scale_value", "scale_vocab"]
