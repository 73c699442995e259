"""The Data page."""

STRINGS: dict[str, dict[str, str]] = {
    "data.title": {"en": "Data", "zh": "数据"},
    "data.intro": {
        "en": "Upload your exports as they are: tickets from ServiceNow, Zendesk, Jira Service "
        "Management, Freshdesk or a Chinese-language system, rosters, costs (Excel, CSV "
        "or a `.zip` of them). Each sheet's table and columns are recognised by their "
        "names and values; check the mapping first to see and correct it. Re-uploading "
        "rows with the same key replaces them; nothing is doubled.",
        "zh": "直接上传系统导出的原始文件即可：ServiceNow、Zendesk、Jira Service Management、"
        "Freshdesk 或中文系统的工单，以及排班、成本等（Excel、CSV 或其 `.zip` 压缩包）。"
        "系统根据列名和取值识别每个工作表对应的表和列；可先检查列映射并加以修正。"
        "重复上传相同主键的行会覆盖旧行，不会重复。",
    },
    "data.upload": {"en": "Upload files", "zh": "上传文件"},
    # The uploader's own button and limit line (Streamlit words them in English only).
    "data.uploader_button": {"en": "Upload", "zh": "选择文件"},
    "data.uploader_limit": {
        "en": "{mb} MB per file • {types}",
        "zh": "每个文件不超过 {mb} MB • {types}",
    },
    "data.import": {"en": "Import", "zh": "导入"},
    "data.check": {"en": "Check the mapping first", "zh": "先检查列映射"},
    "data.mapping": {"en": "How each sheet will be read", "zh": "各工作表的读取方式"},
    "data.mapping_help": {
        "en": "Each sheet's table and which of its columns feeds each canonical column. "
        "Change what is wrong, name a profile to reuse the correction on the next "
        "export of the same shape, then import.",
        "zh": "每个工作表对应的表，以及其各列对应的标准列。修正有误之处，可命名为映射配置以便下次同样格式的导出自动套用，然后导入。",
    },
    "data.skip": {"en": "skip this sheet", "zh": "跳过此工作表"},
    "data.sheet_title": {
        "en": "{file} / {sheet} → {table} ({rows:,} rows)",
        "zh": "{file} / {sheet} → {table}（{rows:,} 行）",
    },
    "data.canonical": {"en": "Canonical column", "zh": "标准列"},
    "data.required": {"en": "Required", "zh": "必需"},
    "data.source_column": {"en": "From column", "zh": "来源列"},
    "data.confidence": {"en": "Confidence", "zh": "置信度"},
    "data.why": {"en": "Recognised by", "zh": "识别依据"},
    "data.profile_name": {
        "en": "Save as mapping profile (name, optional)",
        "zh": "另存为映射配置（名称，可选）",
    },
    "data.import_checked": {"en": "Import with this mapping", "zh": "按此映射导入"},
    "data.cancel": {"en": "Cancel", "zh": "取消"},
    "data.original_pick": {"en": "Original file of upload", "zh": "上传的原始文件"},
    "data.original": {"en": "Download the original file", "zh": "下载原始文件"},
    "data.original_missing": {
        "en": "The original file of this upload is no longer in {folder}.",
        "zh": "此上传的原始文件已不在 {folder} 中。",
    },
    "data.imported": {
        "en": "Imported {rows:,} rows from {files} file(s); {rejected:,} rows set aside.",
        "zh": "已从 {files} 个文件导入 {rows:,} 行；{rejected:,} 行被拒收。",
    },
    "data.import_failed": {
        "en": "Nothing was imported. {message}",
        "zh": "未导入任何数据。{message}",
    },
    "data.skipped": {
        "en": "Skipped {file} / {sheet}: {reason}",
        "zh": "已跳过 {file} / {sheet}：{reason}",
    },
    "data.sample_readonly": {
        "en": "You are looking at the sample workspace. Uploads go to your own workspace, "
        "which the app switches to.",
        "zh": "当前为示例工作区。上传的数据会进入您自己的工作区，应用将自动切换过去。",
    },
    "data.holdings": {"en": "What the workspace holds", "zh": "工作区内容"},
    "data.uploads": {"en": "Uploads", "zh": "上传记录"},
    "data.no_uploads": {"en": "No uploads yet.", "zh": "还没有上传记录。"},
    "data.remove": {"en": "Remove upload", "zh": "删除上传"},
    "data.remove_pick": {"en": "Upload to remove", "zh": "要删除的上传"},
    "data.remove_stale": {
        "en": "Nothing was removed: the uploads changed since this page showed them (another "
        "session imported or removed files). Check the list and choose again.",
        "zh": "未删除任何内容：自本页显示以来，上传列表已发生变化（另一会话导入或删除了文件）。"
        "请核对列表后重新选择。",
    },
    "data.removed": {
        "en": "Removed upload {id}: {rows:,} rows.",
        "zh": "已删除上传 {id}：{rows:,} 行。",
    },
    "data.rejects": {"en": "Rows set aside", "zh": "被拒收的行"},
    "data.no_rejects": {"en": "No rows were set aside.", "zh": "没有被拒收的行。"},
    "data.quality.title": {"en": "Times out of order", "zh": "时间顺序异常"},
    "data.quality.none": {
        "en": "Every ticket's times are in order.",
        "zh": "所有工单的时间顺序均正常。",
    },
    "data.quality.found": {
        "en": "{count:,} tickets were done or answered before they were created. They are "
        "kept and count as created and done, but no resolution time or SLA verdict is taken "
        "from them. Correct them in the source system and upload again.",
        "zh": "有 {count:,} 张工单的解决或响应早于创建时间。它们被保留，并计入创建量和完成量，"
        "但不参与解决时长和 SLA 判定。请在源系统中更正后重新上传。",
    },
    "data.quality.shown": {
        "en": "The first {shown:,} are listed.",
        "zh": "下表列出前 {shown:,} 张。",
    },
    "data.quality.resolved_before_created": {
        "en": "Resolved before created",
        "zh": "解决时间早于创建时间",
    },
    "data.quality.closed_before_created": {
        "en": "Closed before created",
        "zh": "关闭时间早于创建时间",
    },
    "data.quality.response_before_created": {
        "en": "First response before created",
        "zh": "首次响应早于创建时间",
    },
    "data.template": {"en": "Download the template", "zh": "下载模板"},
    "data.template_help": {
        "en": "The sample workbook doubles as the template: keep the sheet and column names.",
        "zh": "示例工作簿即模板：请保留工作表名和列名。",
    },
    "data.workspace_path": {"en": "Workspace file: `{path}`", "zh": "工作区文件：`{path}`"},
}
