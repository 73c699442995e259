"""The process map reads a case's end as the importer does: a name that denies or
undoes a resolution is no end (tickets and the map never disagree on it)."""

import duckdb
import pytest

from svcops.process.log import done_like, is_done


@pytest.mark.parametrize(
    ("activity", "done"),
    [
        ("Resolve ticket", True),
        ("Closed", True),
        ("已关闭", True),
        ("Resolution rejected", False),
        ("Not fixed", False),
        ("关闭申请被拒", False),
        ("Assign to team", False),
    ],
)
def test_done_in_python_and_sql_agree(activity, done):
    assert is_done(activity) is done
    quoted = "'" + activity.replace("'", "''") + "'"
    sql = f"SELECT {done_like('a')} FROM (SELECT {quoted} AS a)"
    assert duckdb.execute(sql).fetchall()[0][0] is done
