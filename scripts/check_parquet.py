#!/usr/bin/env python3
"""Checks that a Parquet file written by tamis opens in pyarrow with the documented schema.
    check_parquet.py FILE.parquet [ROWS]"""
import sys

import pyarrow as pa
import pyarrow.parquet as pq

EXPECTED = {
    "source": pa.string(), "url": pa.string(), "title": pa.string(), "author": pa.string(), "date": pa.string(),
    "sitename": pa.string(), "description": pa.string(), "language": pa.string(), "image": pa.string(),
    "categories": pa.list_(pa.string()), "tags": pa.list_(pa.string()), "text": pa.string(),
    "comments": pa.string(), "input": pa.string(), "truncated": pa.bool_(), "warc_record_id": pa.string(),
    "warc_date": pa.string(),
}

table = pq.read_table(sys.argv[1])
got = {f.name: f.type for f in table.schema}
assert list(got) == list(EXPECTED), f"columns {list(got)}"
for name, typ in EXPECTED.items():
    # pyarrow names the list element "element"; compare the value types.
    t = got[name]
    ok = t.equals(typ) or (pa.types.is_list(t) and pa.types.is_list(typ) and t.value_type.equals(typ.value_type))
    assert ok, f"{name}: {t} is not {typ}"
if len(sys.argv) > 2:
    assert table.num_rows == int(sys.argv[2]), f"{table.num_rows} rows"
assert all(isinstance(t, str) for t in table.column("text").to_pylist())
print(f"{sys.argv[1]}: {table.num_rows} rows, schema as documented")
