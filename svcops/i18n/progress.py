"""Strings of an import's progress and of a workspace another process is using."""

STRINGS = {
    "store.busy": {
        "en": "workspace busy: {path} is in use by another process (waited {seconds} s)",
        "zh": "工作区忙：{path} 正被另一个进程使用（已等待 {seconds} 秒）",
    },
    "progress.waiting": {
        "en": "Another import is writing to the workspace; waiting for it to finish…",
        "zh": "另一个导入正在写入工作区，正在等待其完成…",
    },
    "progress.title": {"en": "Importing…", "zh": "正在导入…"},
    "progress.done": {
        "en": "Imported {rows:,} rows in {seconds:.1f} s",
        "zh": "已导入 {rows:,} 行，用时 {seconds:.1f} 秒",
    },
    "progress.failed": {"en": "Import stopped", "zh": "导入已停止"},
    "progress.check_title": {"en": "Reading and checking…", "zh": "正在读取并检查…"},
    "progress.checked": {
        "en": "Read {rows:,} rows in {seconds:.1f} s",
        "zh": "已读取 {rows:,} 行，用时 {seconds:.1f} 秒",
    },
    "progress.reading": {
        "en": "Reading {file} ({done} of {files} files)",
        "zh": "正在读取 {file}（第 {done} 个，共 {files} 个文件）",
    },
    "progress.read": {
        "en": "Read {file} / {sheet}: {rows:,} rows",
        "zh": "已读取 {file} / {sheet}：{rows:,} 行",
    },
    "progress.checking": {
        "en": "Checking {file} / {sheet}: {rows:,} rows ({done} of {sheets} sheets)",
        "zh": "正在检查 {file} / {sheet}：{rows:,} 行（第 {done} 个，共 {sheets} 个工作表）",
    },
    "progress.storing": {
        "en": "Storing {rows:,} rows of {sheets} sheet(s)",
        "zh": "正在保存 {sheets} 个工作表的 {rows:,} 行",
    },
    "progress.stored": {
        "en": "Stored {file} / {sheet}: {rows:,} rows ({done} of {sheets} sheets)",
        "zh": "已保存 {file} / {sheet}：{rows:,} 行（第 {done} 个，共 {sheets} 个工作表）",
    },
}
