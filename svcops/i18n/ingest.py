"""What the importer says: refused files, skipped sheets, mapping notes, rows set aside.

Parameters are the user's own data (file, sheet and column names, cell values) or
canonical names (``ticket_id``, ``tickets``); the page escapes them for Markdown.
Quotes around names are part of the template, so each language quotes its own way.
"""

STRINGS: dict[str, dict[str, str]] = {
    # -- files that cannot be imported (IngestError) ---------------------------------
    "ingest.error.cannot_open": {
        "en": "{path}: cannot be opened ({detail})",
        "zh": "{path}：无法打开（{detail}）",
    },
    "ingest.error.cannot_keep": {
        "en": "{file}: cannot be kept beside the workspace ({detail})",
        "zh": "{file}：无法保存到工作区旁（{detail}）",
    },
    "ingest.error.too_large": {
        "en": "{file}: the file is {size_mb:.1f} MB, over the upload limit of {limit_mb:g} MB "
        "(set SVCOPS_MAX_UPLOAD_MB to change it)",
        "zh": "{file}：文件大小为 {size_mb:.1f} MB，超过上传上限 {limit_mb:g} MB"
        "（可通过 SVCOPS_MAX_UPLOAD_MB 调整）",
    },
    "ingest.error.empty": {"en": "{file}: the file is empty", "zh": "{file}：文件为空"},
    "ingest.error.damaged": {
        "en": "{file}: not a readable workbook (the file is damaged)",
        "zh": "{file}：无法读取的工作簿（文件已损坏）",
    },
    "ingest.error.bomb": {
        "en": "{file}: refused, it would unpack to {unpacked_gb:.1f} GB from {size_mb:.1f} MB "
        "(a decompression bomb?)",
        "zh": "{file}：已拒绝，{size_mb:.1f} MB 的文件解压后将达 {unpacked_gb:.1f} GB（疑似解压炸弹）",
    },
    "ingest.error.encrypted": {
        "en": "{file}: the workbook is password-protected (encrypted); save a copy without a "
        "password and upload that",
        "zh": "{file}：工作簿受密码保护（已加密）；请另存一份不带密码的副本后再上传",
    },
    "ingest.error.read_memory": {
        "en": "{file}: not imported, reading it needs more than the {limit} of memory "
        "a file may use (cells far beyond the data, or a packed file larger than it says?)",
        "zh": "{file}：未导入，读取它所需内存超过单个文件允许的 {limit}"
        "（数据区域之外有远处的单元格，或压缩文件实际大小超过其声明？）",
    },
    "ingest.error.read_crashed": {
        "en": "{file}: not imported, the workbook reader stopped unexpectedly (exit {code}); "
        "open the file in Excel, save it again and upload that copy",
        "zh": "{file}：未导入，工作簿读取程序意外终止（退出码 {code}）；"
        "请用电子表格软件打开该文件，重新保存后上传该副本",
    },
    "ingest.error.unreadable": {
        "en": "{file}: not a readable workbook ({detail})",
        "zh": "{file}：无法读取的工作簿（{detail}）",
    },
    "ingest.error.sheet_unreadable": {
        "en": "{file}, sheet '{sheet}': cannot be read ({detail})",
        "zh": "{file}，工作表“{sheet}”：无法读取（{detail}）",
    },
    "ingest.error.csv_unreadable": {
        "en": "{file}: not a readable CSV file ({detail})",
        "zh": "{file}：无法读取的 CSV 文件（{detail}）",
    },
    "ingest.error.zip_empty": {
        "en": "{file}: the archive holds no workbook or CSV file",
        "zh": "{file}：压缩包中没有工作簿或 CSV 文件",
    },
    "ingest.error.zip_member_damaged": {
        "en": "{file}: this file in the archive is damaged ({detail})",
        "zh": "{file}：压缩包中的此文件已损坏（{detail}）",
    },
    "ingest.error.zip_too_deep": {
        "en": "{file}: an archive inside an archive inside an archive; unpack it first",
        "zh": "{file}：压缩包嵌套超过两层，请先解压",
    },
    "ingest.error.zip_encrypted": {
        "en": "{file}: the archive member is encrypted",
        "zh": "{file}：压缩包中的此文件已加密",
    },
    "ingest.error.encoding": {
        "en": "{file}: the text is neither UTF-8, UTF-16, GBK/GB18030 nor Windows-1252",
        "zh": "{file}：文本编码既不是 UTF-8、UTF-16、GBK/GB18030，也不是 Windows-1252",
    },
    "ingest.error.unsupported": {
        "en": "{file}: unsupported file type {suffix}; use one of {supported}",
        "zh": "{file}：不支持的文件类型 {suffix}；请使用以下类型之一：{supported}",
    },
    "ingest.error.no_suffix": {
        "en": "{file}: unsupported file type (none); use one of {supported}",
        "zh": "{file}：不支持没有扩展名的文件；请使用以下类型之一：{supported}",
    },
    "ingest.error.profile_columns": {
        "en": "{file}, sheet '{sheet}': profile '{profile}' expects column(s) {columns}",
        "zh": "{file}，工作表“{sheet}”：映射配置“{profile}”需要以下列：{columns}",
    },
    "ingest.error.nothing": {
        "en": "{file}: nothing to import ({reasons})",
        "zh": "{file}：没有可导入的内容（{reasons}）",
    },
    "ingest.error.nothing_no_sheets": {
        "en": "{file}: nothing to import (no sheets)",
        "zh": "{file}：没有可导入的内容（没有工作表）",
    },
    # A reader's own complaint about a value (pyarrow), passed on as it is.
    "ingest.error.other": {"en": "{detail}", "zh": "无法导入：{detail}"},
    # -- sheets skipped --------------------------------------------------------------
    "ingest.skip.in_sheet": {"en": "sheet '{sheet}': {reason}", "zh": "工作表“{sheet}”：{reason}"},
    "ingest.skip.more_sheets": {
        "en": "{count} more sheets likewise",
        "zh": "另有 {count} 个工作表同样如此",
    },
    "ingest.skip.empty": {"en": "the sheet is empty", "zh": "工作表为空"},
    "ingest.skip.chosen": {
        "en": "skipped, as chosen on the mapping check",
        "zh": "已按检查映射时的选择跳过",
    },
    "ingest.skip.kept": {
        "en": "{reason}; its rows ({rows:,}) are kept as rows set aside, not imported",
        "zh": "{reason}；其 {rows:,} 行已作为未导入的行原样保留",
    },
    "ingest.skip.no_table": {
        "en": "no table matches its columns ({headers})",
        "zh": "没有与其列相符的表（{headers}）",
    },
    "ingest.skip.missing_required": {
        "en": "recognised as {table} but required column(s) missing: {columns}",
        "zh": "识别为 {table}，但缺少必需列：{columns}",
    },
    "ingest.skip.unfit": {
        "en": "recognised as {table} but {notes}",
        "zh": "识别为 {table}，但{notes}",
    },
    # -- notes on how a sheet is read ------------------------------------------------
    "ingest.note.derived": {
        "en": "{column} is worked out from {sources}, as no column gives it",
        "zh": "没有列提供 {column}，由 {sources} 推算",
    },
    "ingest.note.profile": {
        "en": "mapping profile '{profile}' applied",
        "zh": "已应用映射配置“{profile}”",
    },
    "ingest.note.profile_same": {
        "en": "mapping profile '{profile}' applied (same columns as before)",
        "zh": "已应用映射配置“{profile}”（列与之前相同）",
    },
    "ingest.note.read_as_text": {
        "en": "{file} holds text, not a workbook: read as text (CSV)",
        "zh": "{file} 的内容是文本而不是工作簿：按文本（CSV）读取",
    },
    "ingest.note.read_as_workbook": {
        "en": "{file} holds a workbook, not text: read as a workbook",
        "zh": "{file} 的内容是工作簿而不是文本：按工作簿读取",
    },
    "ingest.note.tickets_from_values": {
        "en": "no header names its columns: taken for tickets from its values; check the mapping",
        "zh": "没有表头能说明各列：根据取值识别为工单；请检查映射",
    },
    "ingest.note.why": {
        "en": "{source} → {column}: {why}",
        "zh": "{source} → {column}：{why}",
    },
    "ingest.why.unique_code": {
        "en": "unique code per row ({rows} rows, no two alike)",
        "zh": "每行一个唯一编号（{rows} 行，无重复）",
    },
    "ingest.why.earliest": {
        "en": "dates and times, never later than {others}",
        "zh": "日期时间，从不晚于 {others}",
    },
    "ingest.why.never_earlier": {
        "en": "dates and times, never earlier than {source}",
        "zh": "日期时间，从不早于 {source}",
    },
    "ingest.why.priority_words": {
        "en": "priority words: {values}",
        "zh": "优先级词：{values}",
    },
    "ingest.why.status_words": {
        "en": "status words (open, closed …)",
        "zh": "状态词（处理中、已关闭等）",
    },
    "ingest.why.group_names": {
        "en": "a small set of names: {values}",
        "zh": "少量重复出现的名称：{values}",
    },
    "ingest.note.calls_kept": {
        "en": "one row per call: each call is kept, and the calls offered, answered and "
        "abandoned, handle and waiting time per 30 minutes are derived into the interval "
        "statistics",
        "zh": "每行一通电话：保留每通电话，并按 30 分钟汇总来电量、接通量、放弃量、"
        "处理时长和等待时间，写入时段统计",
    },
    "ingest.note.arrival_from_queue": {
        "en": "{source}: the log has no arrival time, so each call arrives when it enters "
        "the queue",
        "zh": "{source}：日志中没有呼入时间，以每通电话进入队列的时间作为其到达时间",
    },
    "ingest.note.calls_intervals": {
        "en": "derived from the calls of this sheet: calls offered, answered and abandoned, "
        "mean handle time, mean wait to answer and service level (answered within 20 s) "
        "per 30 minutes, channel phone",
        "zh": "由本表的通话汇总而来：每 30 分钟的来电量、接通量、放弃量、平均处理时长、"
        "平均应答等待时间和服务水平（20 秒内接通），记为电话渠道",
    },
    "ingest.note.created_from_values": {
        "en": "{source}: taken as {column} from its values (dates and times); check the mapping",
        "zh": "{source}：根据其取值（日期和时间）作为 {column}；请检查映射",
    },
    "ingest.note.not_dates": {
        "en": "{source}: left unmapped, its values are not dates (e.g. {examples})",
        "zh": "{source}：未映射，其值不是日期（例如 {examples}）",
    },
    "ingest.note.numbers_not_dates": {
        "en": "{source}: left unmapped, its numbers are not dates",
        "zh": "{source}：未映射，其中的数字不是日期",
    },
    "ingest.note.values_not_dates": {
        "en": "{source}: left unmapped, its values are not dates",
        "zh": "{source}：未映射，其值不是日期",
    },
    "ingest.note.not_yes_no": {
        "en": "{source}: left unmapped, its values are not yes/no",
        "zh": "{source}：未映射，其值不是“是/否”",
    },
    "ingest.note.not_numbers": {
        "en": "{source}: left unmapped, its values are not numbers",
        "zh": "{source}：未映射，其值不是数字",
    },
    "ingest.note.currency": {
        "en": "{source}: amounts in {currency} ({signs}), read without the sign; "
        "currencies are not converted",
        "zh": "{source}：金额币种为 {currency}（{signs}），去掉符号后读取；不做币种换算",
    },
    "ingest.note.currency_mixed": {
        "en": "{source}: amounts in {currency} ({signs}); {count} in other currencies "
        "({others}) set aside",
        "zh": "{source}：金额币种为 {currency}（{signs}）；另有 {count} 个其他币种（{others}）"
        "的值已剔除",
    },
    "ingest.note.currency_tie": {
        "en": "{source}: left unmapped, as many amounts in {currencies}: amounts in "
        "different currencies are not added up",
        "zh": "{source}：未映射，{currencies} 的金额一样多：不同币种的金额不能相加",
    },
    "ingest.note.share_percent": {
        "en": "{source}: numbers read as percentages (0-100), stored as shares 0-1",
        "zh": "{source}：数字按百分数（0-100）读取，存为 0-1 的比例",
    },
    "ingest.note.share_mixed": {
        "en": "{source}: as many numbers at most 1 (fractions) as above 1 (percentages): "
        "only values with a % sign and 0 are read, the others set aside",
        "zh": "{source}：不大于 1 的数字（小数比例）与大于 1 的数字（百分数）一样多："
        "只读取带 % 的值和 0，其余剔除",
    },
    "ingest.note.csat_raw": {
        "en": "{source}: CSAT kept as written only ({reason})",
        "zh": "{source}：CSAT 仅按原样保留（{reason}）",
    },
    "ingest.note.column": {"en": "{source}: {reason}", "zh": "{source}：{reason}"},
    "ingest.note.combined": {
        "en": "{date} + {time}: read together as one date and time",
        "zh": "{date} + {time}：合并读取为一个日期时间",
    },
    "ingest.note.combined_placeholder": {
        "en": "{date} + {time}: read together as one date and time "
        "(00:00:00 read as 'did not happen')",
        "zh": "{date} + {time}：合并读取为一个日期时间（00:00:00 视为“未发生”）",
    },
    # -- how a text date column is written -------------------------------------------
    "ingest.dates.none": {"en": "no values to decide from", "zh": "没有可供判断的值"},
    "ingest.dates.conflict": {
        "en": "day-first ({day}) and month-first ({month}) values in one column; "
        "numeric dates left unread",
        "zh": "同一列中既有日在前（{day}）又有月在前（{month}）的值；数字日期未读取",
    },
    "ingest.dates.day_first": {
        "en": "day-first: {example} has a first number over 12",
        "zh": "日在前：{example} 的第一个数字大于 12",
    },
    "ingest.dates.month_first": {
        "en": "month-first: {example} has a second number over 12",
        "zh": "月在前：{example} 的第二个数字大于 12",
    },
    "ingest.dates.assumed_day_first": {
        "en": "no value decides day- or month-first (e.g. {example}); assumed day-first for "
        "'{sep}'-separated dates",
        "zh": "没有值能判断日在前还是月在前（例如 {example}）；以“{sep}”分隔的日期按日在前读取",
    },
    "ingest.dates.assumed_month_first": {
        "en": "no value decides day- or month-first (e.g. {example}); assumed month-first for "
        "'{sep}'-separated dates",
        "zh": "没有值能判断日在前还是月在前（例如 {example}）；以“{sep}”分隔的日期按月在前读取",
    },
    "ingest.dates.unambiguous": {
        "en": "dates without day/month ambiguity",
        "zh": "日期没有日/月歧义",
    },
    "ingest.dates.unknown": {
        "en": "no value is a date in a known layout",
        "zh": "没有值是已知格式的日期",
    },
    # -- how a priority column's numbers run -----------------------------------------
    "ingest.priority.freshdesk": {
        "en": "Freshdesk numbers priorities 1 Low, 2 Medium, 3 High, 4 Urgent",
        "zh": "Freshdesk 的优先级编号为 1 低、2 中、3 高、4 紧急",
    },
    "ingest.priority.paired_descending": {
        "en": "numbers paired with words: the higher, the more urgent",
        "zh": "数字与文字成对出现：数字越大越紧急",
    },
    "ingest.priority.paired_ascending": {
        "en": "numbers paired with words: 1 is the most urgent",
        "zh": "数字与文字成对出现：1 最紧急",
    },
    "ingest.priority.zero": {
        "en": "a priority 0 is present: 0 read as the most urgent (P1)",
        "zh": "存在优先级 0：0 视为最紧急（P1）",
    },
    "ingest.priority.p_numbers": {
        "en": "P-numbers: P1 is the most urgent",
        "zh": "P 编号：P1 最紧急",
    },
    "ingest.priority.itil": {
        "en": "bare numbers read the ITIL way (1 = most urgent); a Freshdesk API export "
        "numbers them the other way round",
        "zh": "纯数字按 ITIL 惯例读取（1 = 最紧急）；Freshdesk API 导出的编号方向相反",
    },
    # -- how a CSAT column maps to 1-5 -----------------------------------------------
    "ingest.csat.two_point": {
        "en": "two-point ratings ({words}) have no 1-5 equivalent; kept as raw values only",
        "zh": "两级评分（{words}）没有对应的 1-5 分值；仅保留原始值",
    },
    "ingest.csat.unknown_words": {
        "en": "unrecognised rating words: {words}",
        "zh": "无法识别的评分词：{words}",
    },
    "ingest.csat.words": {"en": "satisfaction words mapped 5..1", "zh": "满意度词语按 5..1 映射"},
    "ingest.csat.none": {"en": "no ratings to decide from", "zh": "没有可供判断的评分"},
    "ingest.csat.negative": {
        "en": "negative ratings ({low:g}) are not a CSAT scale",
        "zh": "负数评分（{low:g}）不构成 CSAT 量表",
    },
    "ingest.csat.too_high": {
        "en": "ratings up to {high:g} fit no known scale",
        "zh": "最高达 {high:g} 的评分不符合任何已知量表",
    },
    "ingest.csat.zero_one": {
        "en": "only 0 and 1: a two-point rating, not a 1-5 score",
        "zh": "只有 0 和 1：这是两级评分，不是 1-5 分",
    },
    "ingest.csat.shares": {
        "en": "values between 0 and 1 look like shares, not ratings",
        "zh": "介于 0 和 1 之间的值像是比例，而不是评分",
    },
    "ingest.csat.zero_to_seven": {
        "en": "ratings from 0 to at most 7 fit no known scale",
        "zh": "从 0 到最多 7 的评分不符合任何已知量表",
    },
    "ingest.csat.percent": {
        "en": "percentages 0-100 mapped linearly to 1-5",
        "zh": "百分比 0-100 线性映射到 1-5",
    },
    "ingest.csat.as_is": {"en": "1-5 as is", "zh": "1-5 分保持原值"},
    "ingest.csat.zero_to_five": {
        "en": "0-5 (a 0 was seen) mapped linearly to 1-5",
        "zh": "0-5（出现了 0）线性映射到 1-5",
    },
    "ingest.csat.seven": {
        "en": "1-7 (highest seen 6 or 7) mapped linearly to 1-5",
        "zh": "1-7（最高值为 6 或 7）线性映射到 1-5",
    },
    "ingest.csat.ten": {
        "en": "{low:g}-10 mapped linearly to 1-5",
        "zh": "{low:g}-10 线性映射到 1-5",
    },
    "ingest.csat.and_words": {
        "en": "{scale}; words mapped 5..1",
        "zh": "{scale}；文字评价按 5..1 映射",
    },
    # -- rows set aside (the rejects table); {column}: the canonical column ----------
    "ingest.reason.empty": {"en": "{column} ({source}) is empty", "zh": "{column}（{source}）为空"},
    "ingest.reason.derived_scheduled_hours": {
        "en": '{column}: no hours from the shift\'s start ("{shift_start}") and end '
        '("{shift_end}"), which must both be there, the end after the start',
        "zh": "{column}：无法由班次开始（“{shift_start}”）与结束（“{shift_end}”）推算工时，"
        "两者都须填写且结束晚于开始",
    },
    "ingest.reason.priority": {
        "en": '{column} ({source}): "{value}" is not a priority P1-P4; kept in {raw}',
        "zh": "{column}（{source}）：“{value}”不是 P1-P4 优先级；原值保存在 {raw}",
    },
    "ingest.reason.csat_scale": {
        "en": '{column} ({source}): "{value}" is not on the column\'s CSAT scale; kept in {raw}',
        "zh": "{column}（{source}）：“{value}”不在该列的 CSAT 量表上；原值保存在 {raw}",
    },
    "ingest.reason.csat_score": {
        "en": '{column} ({source}): "{value}" is not a 1-5 score; kept in {raw}',
        "zh": "{column}（{source}）：“{value}”不是 1-5 分；原值保存在 {raw}",
    },
    "ingest.reason.datetime": {
        "en": '{column} ({source}): "{value}" cannot be read as a date and time',
        "zh": "{column}（{source}）：“{value}”无法读取为日期时间",
    },
    "ingest.reason.date": {
        "en": '{column} ({source}): "{value}" cannot be read as a date',
        "zh": "{column}（{source}）：“{value}”无法读取为日期",
    },
    "ingest.reason.number": {
        "en": '{column} ({source}): "{value}" cannot be read as a number',
        "zh": "{column}（{source}）：“{value}”无法读取为数字",
    },
    "ingest.reason.currency": {
        "en": '{column} ({source}): "{value}" is not in {currency}, the currency of the rest '
        "of the column; amounts in different currencies are not added up",
        "zh": "{column}（{source}）：“{value}”的币种不是该列其余金额的币种 {currency}；"
        "不同币种的金额不能相加",
    },
    "ingest.reason.share": {
        "en": '{column} ({source}): "{value}" is not a share on the column\'s scale, {scale}',
        "zh": "{column}（{source}）：“{value}”不是该列刻度（{scale}）上的比例",
    },
    "ingest.reason.share_mixed": {
        "en": '{column} ({source}): "{value}": the column has as many numbers at most 1 '
        "(fractions) as above 1 (percentages), so none of them is read",
        "zh": "{column}（{source}）：“{value}”：该列不大于 1 的数字（小数比例）与大于 1 的"
        "数字（百分数）一样多，因此都不读取",
    },
    "ingest.reason.integer": {
        "en": '{column} ({source}): "{value}" cannot be read as a whole number',
        "zh": "{column}（{source}）：“{value}”无法读取为整数",
    },
    "ingest.reason.boolean": {
        "en": '{column} ({source}): "{value}" cannot be read as yes/no',
        "zh": "{column}（{source}）：“{value}”无法读取为“是/否”",
    },
    "ingest.reason.text": {
        "en": '{column} ({source}): "{value}" cannot be read as text',
        "zh": "{column}（{source}）：“{value}”无法读取为文本",
    },
    "ingest.reason.sheet_unmatched": {
        "en": "no table matches this sheet; the row is kept here as uploaded",
        "zh": "没有与此工作表匹配的数据表；该行按上传原样保存在此",
    },
    "ingest.reason.summary": {
        "en": "summary row (a total line, not data)",
        "zh": "汇总行（合计行，不是数据）",
    },
    "ingest.reason.header_repeat": {
        "en": "the row repeats the header (a paged export): not data",
        "zh": "该行重复表头（分页导出）：不是数据",
    },
    "ingest.reason.duplicate": {
        "en": "duplicate {columns}: row {row} of this sheet has the same key and was kept",
        "zh": "{columns} 重复：本工作表第 {row} 行的主键相同，已保留该行",
    },
    "ingest.reason.described_elsewhere": {
        "en": "ticket {ticket_id} is in sheet {sheet} too, whose headers name its columns: "
        "that row is kept",
        "zh": "工单 {ticket_id} 也在工作表 {sheet} 中（按表头识别），保留该表中的行",
    },
    "ingest.action.rejected": {"en": "rejected", "zh": "拒收"},
    "ingest.action.not_imported": {"en": "not imported", "zh": "未导入"},
    "ingest.action.emptied": {"en": "value set to empty", "zh": "值已置空"},
    # -- mapping profiles ------------------------------------------------------------
    "ingest.profile.no_name": {"en": "a profile needs a name", "zh": "映射配置需要名称"},
    "ingest.profile.unknown_columns": {
        "en": "profile '{profile}': no such column(s) in the sheet: {columns}",
        "zh": "映射配置“{profile}”：工作表中没有这些列：{columns}",
    },
    "ingest.profile.missing": {
        "en": "profile '{profile}': {table} needs {columns}",
        "zh": "映射配置“{profile}”：{table} 需要 {columns}",
    },
    "ingest.profile.read_only": {
        "en": "the sample workspace is read-only; profiles are saved in your own",
        "zh": "示例工作区为只读；映射配置保存在您自己的工作区中",
    },
    "ingest.profile.unknown": {
        "en": "no mapping profile named '{profile}' (profiles: {names})",
        "zh": "没有名为“{profile}”的映射配置（现有配置：{names}）",
    },
    "ingest.profile.unknown_none": {
        "en": "no mapping profile named '{profile}' (profiles: none saved yet)",
        "zh": "没有名为“{profile}”的映射配置（尚未保存任何配置）",
    },
}
