"""Strings of the Risk management page (服务风险管理) and its analyses: ``risk.*``."""

STRINGS: dict[str, dict[str, str]] = {
    # -- import of a register (svcops.risk.scale, through the importer) ----------------
    "risk.scale.three_level": {
        "en": "low / medium / high read as 1 / 3 / 5 on the 5-point scale",
        "zh": "低 / 中 / 高 按五级量表读作 1 / 3 / 5",
    },
    # The importer's reason for a likelihood or impact it cannot read (reason_sql's key).
    "ingest.reason.risk_scale": {
        "en": '{column} ({source}): "{value}" is not a level 1-5 or a word such as Rare, '
        "Likely, Almost certain, Minor, Major, Catastrophic, low, medium, high",
        "zh": "{column}（{source}）：“{value}”不是 1-5 级，也不是可识别的等级词"
        "（如 很低、低、中、高、很高、罕见、可能、几乎确定、轻微、重大、灾难性）",
    },
}
