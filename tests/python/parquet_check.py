"""The Parquet export of a split as its users load it: pyarrow reads every part with the
columns of the Hashiya JSONL, pandas as a data frame; Hugging Face `datasets` loads the parts with
`load_dataset("parquet", data_files=...)` and the folder through its dataset card,
`concatenate_datasets` joins the splits, every span's char offsets slice its text, and the
features and the rows equal those of the JSONL export of the same documents loaded with
`datasets`. Prints the number of spans checked."""

import os
import sys

import datasets
import pandas
import pyarrow.parquet as pq

parquet_folder, jsonl_folder = sys.argv[1], sys.argv[2]
splits = sys.argv[3].split(",")
files = {name: os.path.join(parquet_folder, name + ".parquet") for name in splits}
COLUMNS = ["id", "text", "spans", "relations", "entities", "meta"]
SPAN_FIELDS = ["id", "start", "end", "label", "text", "attributes", "note", "needs_review", "entity"]

# pyarrow: the file's own schema, the same in every part, nulls where a value is absent.
schemas = [pq.read_schema(path) for path in files.values()]
assert all(schema.equals(schemas[0]) for schema in schemas), schemas
schema = schemas[0]
assert schema.names == COLUMNS, schema.names
span = schema.field("spans").type.value_type
assert [span.field(i).name for i in range(span.num_fields)] == SPAN_FIELDS, span
assert str(span.field("start").type) == "int64" and str(span.field("text").type) == "string", span
tables = {name: pq.read_table(path) for name, path in files.items()}
rows = sum(table.num_rows for table in tables.values())
checked = 0
for table in tables.values():
    for row in table.to_pylist():
        for span in row["spans"]:
            assert row["text"][span["start"]:span["end"]] == span["text"], span
            assert span["note"] is None or isinstance(span["note"], str), span
            checked += 1

# pandas (through pyarrow): a data frame per part, the same columns and rows.
for name, path in files.items():
    frame = pandas.read_parquet(path)
    assert list(frame.columns) == COLUMNS, list(frame.columns)
    assert len(frame) == tables[name].num_rows, (name, len(frame))

# datasets: the parts as splits, and joined.
loaded = datasets.load_dataset("parquet", data_files=files)
assert sorted(loaded) == sorted(splits), list(loaded)
features = [loaded[name].features for name in splits]
assert all(f == features[0] for f in features), features
whole = datasets.concatenate_datasets([loaded[name] for name in splits])
assert whole.num_rows == rows, (whole.num_rows, rows)
assert whole.column_names == COLUMNS, whole.column_names
spans = 0
for row in whole:
    ids = {span["id"] for span in row["spans"]}
    for span in row["spans"]:
        assert row["text"][span["start"]:span["end"]] == span["text"], span
        spans += 1
    for relation in row["relations"]:
        assert relation["head"] in ids and relation["child"] in ids, relation
assert spans == checked, (spans, checked)

# The folder through its dataset card: the same splits and rows.
by_card = datasets.load_dataset(parquet_folder)
assert sorted(by_card) == sorted(splits), list(by_card)
assert datasets.concatenate_datasets([by_card[name] for name in splits]).to_list() == whole.to_list()

# The JSONL export of the same documents (through its card): the same features and rows.
as_jsonl = datasets.load_dataset(jsonl_folder)
jsonl_whole = datasets.concatenate_datasets([as_jsonl[name] for name in splits])
assert jsonl_whole.features == whole.features, (jsonl_whole.features, whole.features)
assert by_card[splits[0]].features == whole.features, by_card[splits[0]].features
assert jsonl_whole.to_list() == whole.to_list()
assert any(row["entities"] for row in whole), "an entity reached the loaded dataset"
print(checked)
