"""Likelihood and impact scales: 1-5 as numbers or as the words registers use.

A register rates likelihood and impact on a five-point scale, written as a number
(``4``, ``4 - Likely``, ``L4``) or as a word in English or Chinese. The words map
onto 1-5 as follows (matching folds case, spaces, hyphens and punctuation):

========  =================  ==============  =====================  =================
level     likelihood (en)    impact (en)     generic (en)           中文
========  =================  ==============  =====================  =================
1         rare, remote       insignificant,  very low               很低, 极低, 罕见,
                             negligible                             几乎不可能, 轻微, 可忽略
2         unlikely           minor           low                    低, 较低, 不太可能, 较小
3         possible           moderate        medium, moderate       中, 中等, 一般, 可能
4         likely, probable   major           high                   高, 较高, 很可能, 重大, 严重
5         almost certain,    catastrophic,   very high, extreme     很高, 极高, 几乎确定,
          certain            severe                                 基本确定, 灾难性, 极其严重
========  =================  ==============  =====================  =================

A column that uses only the three words low / medium / high (低 / 中 / 高) and no
number is a three-point scale: it spans the matrix as 1 / 3 / 5, so its "high x
high" is the top corner (25), not 16. Any other mix reads each word at its own
level. Values outside 1-5 and unknown words are not guessed: they read as missing
(and the import report names them).

This module imports nothing from the rest of svcops, so the importer can use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

__all__ = [
    "LEVELS",
    "SCALE_COLUMNS",
    "SCALE_TABLES",
    "THREE_LEVEL",
    "WORDS",
    "fold",
    "is_three_level",
    "scale_value",
    "scale_vocab",
]

LEVELS = (1, 2, 3, 4, 5)

# The tables whose likelihood and impact columns are rated on the 1-5 scale.
SCALE_TABLES = ("risks", "risk_history")
# The columns rated on the 1-5 scale.
SCALE_COLUMNS = (
    "likelihood",
    "impact",
    "residual_likelihood",
    "residual_impact",
    "target_likelihood",
    "target_impact",
)

_FOLD = re.compile(r"[\s_\-–—./:()（）]+")


def fold(text: object) -> str:
    """Lower case without spaces, underscores, hyphens, dots, colons or brackets."""
    return _FOLD.sub("", str(text).strip().lower())


_RAW_WORDS: dict[int, tuple[str, ...]] = {
    1: (
        "rare",
        "remote",
        "very unlikely",
        "highly unlikely",
        "insignificant",
        "negligible",
        "very low",
        "minimal",
        "很低",
        "极低",
        "非常低",
        "罕见",
        "极少",
        "几乎不可能",
        "轻微",
        "可忽略",
        "极小",
    ),
    2: (
        "unlikely",
        "minor",
        "low",
        "低",
        "较低",
        "不太可能",
        "不大可能",
        "较小",
        "小",
    ),
    3: (
        "possible",
        "moderate",
        "medium",
        "med",
        "中",
        "中等",
        "一般",
        "可能",
        "有可能",
    ),
    4: (
        "likely",
        "probable",
        "major",
        "high",
        "高",
        "较高",
        "很可能",
        "较大",
        "大",
        "重大",
        "严重",
    ),
    5: (
        "almost certain",
        "certain",
        "very likely",
        "highly likely",
        "catastrophic",
        "severe",
        "extreme",
        "very high",
        "critical",
        "很高",
        "极高",
        "非常高",
        "几乎确定",
        "基本确定",
        "几乎肯定",
        "灾难性",
        "极其严重",
        "特别重大",
    ),
}
# folded word -> level
WORDS: dict[str, int] = {fold(w): level for level, ws in _RAW_WORDS.items() for w in ws}
# The words of a three-point scale, and where they sit on the 5x5 matrix.
THREE_LEVEL: dict[str, int] = {
    **{fold(w): 1 for w in ("low", "低", "较低")},
    **{fold(w): 3 for w in ("medium", "med", "moderate", "中", "中等", "一般")},
    **{fold(w): 5 for w in ("high", "高", "较高")},
}

# "4", "4 - Likely", "L4", "4级", "Likely (4)".
# A dot ends the number only when no digit follows it: "2.5" is not "2 - 5".
_NUMBER = re.compile(
    r"^\s*[a-z]?\s*(\d+(?:\.0+)?)\s*(?:级|分)?\s*(?:(?:[-:–—)]|\.(?!\d))\s*\S.*)?$", re.I
)
_TRAILING_NUMBER = re.compile(r"^\D*\(\s*(\d)\s*\)\s*$")


def _number(text: str) -> float | None:
    found = _NUMBER.match(text) or _TRAILING_NUMBER.match(text)
    return float(found.group(1)) if found else None


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == ""


def is_three_level(values: Iterable[object]) -> bool:
    """Whether a column's values are only the words low / medium / high (any language)."""
    seen = [fold(v) for v in values if not _missing(v) and str(v).strip()]
    return bool(seen) and all(v in THREE_LEVEL for v in seen)


def scale_value(value: object, three_level: bool = False) -> int | None:
    """One cell read on the 1-5 scale: a number 1-5 (or text starting with one), or a
    word of the table above; None when missing, unknown or outside 1-5.
    ``three_level``: read low / medium / high as 1 / 3 / 5 (see :func:`is_three_level`)."""
    if _missing(value) or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number: float | None = float(value)
    else:
        text = str(value).strip()
        word = fold(text)
        if three_level and word in THREE_LEVEL:
            return THREE_LEVEL[word]
        if word in WORDS:
            return WORDS[word]
        number = _number(text)
        # "4 - Likely", "Likely (4)", "4 Likely": a known word beside the number must
        # agree with it ("High (2)", "1.5 - low" are not guessed either way).
        head = fold(re.sub(r"[\d.()（）]", " ", text))
        said = WORDS.get(head) or WORDS.get(fold(re.sub(r"^\W*[a-z]?\W*\d+\W*", "", text)))
        numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]
        if said is not None and any(n != said for n in numbers):
            return None
        if number is None:
            return said
    if number is None or number != round(number) or not 1 <= number <= 5:
        return None
    return int(number)


def scale_vocab(values: Iterable[object]) -> dict[str, str | None]:
    """``{raw text: "1".."5" or None}`` for a column's distinct clean values, as the
    importer's CASE expression takes them; a three-point column is read as such."""
    distinct = [v for v in dict.fromkeys(values) if not _missing(v)]
    three = is_three_level(distinct)
    out: dict[str, str | None] = {}
    for v in distinct:
        level = scale_value(v, three)
        out[str(v)] = None if level is None else str(level)
    return out
