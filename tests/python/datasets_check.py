"""Hugging Face `datasets` loads the folder of a split export of Hashiya's JSONL (its dataset
card declares the splits and features), the splits have one schema, `concatenate_datasets`
joins them; the JSON loader given the card's features reads the same; and each record has the
same keys and types, so no split depends on what another holds."""

import json
import os
import sys

import datasets
import yaml

folder = sys.argv[1]
splits = sys.argv[2].split(",")
files = {name: os.path.join(folder, name + ".jsonl") for name in splits}

# The records as written: one set of keys and one type per key, whatever the document holds.
SPAN_KEYS = {"id", "start", "end", "label", "text", "attributes", "note", "needs_review", "entity"}
ENTITY_KEYS = {"id", "name", "type", "country", "role", "wikidata", "mentions"}
records = []
for name, path in files.items():
    with open(path, encoding="utf-8") as f:
        records += [json.loads(line) for line in f.read().splitlines()]
for record in records:
    assert set(record) == {"id", "text", "spans", "relations", "entities", "meta"}, sorted(record)
    assert isinstance(record["entities"], list)
    for entity in record["entities"]:
        assert set(entity) == ENTITY_KEYS, sorted(entity)
        assert all(entity[k] is None or isinstance(entity[k], str) for k in ENTITY_KEYS - {"id", "mentions"})
        assert all(isinstance(m, int) for m in entity["mentions"])
    assert isinstance(record["id"], str) and isinstance(record["text"], str)
    assert isinstance(record["spans"], list) and isinstance(record["relations"], list)
    assert set(record["meta"]) == {"annotator", "status", "source"}, record["meta"]
    assert all(isinstance(v, str) for v in record["meta"].values())
    for span in record["spans"]:
        assert set(span) == SPAN_KEYS, sorted(span)
        assert span["note"] is None or isinstance(span["note"], str), span["note"]
        assert span["entity"] is None or isinstance(span["entity"], str), span["entity"]
        assert isinstance(span["needs_review"], bool)
        assert isinstance(span["attributes"], list)
        for attribute in span["attributes"]:
            assert set(attribute) == {"name", "value"} and all(isinstance(v, str) for v in attribute.values())
    for relation in record["relations"]:
        assert set(relation) == {"id", "label", "head", "child"}, sorted(relation)

# The folder as one dataset: a split per file, features from the dataset card.
loaded = datasets.load_dataset(folder)
assert sorted(loaded) == sorted(splits), list(loaded)
features = [loaded[name].features for name in splits]
assert all(f == features[0] for f in features), features
whole = datasets.concatenate_datasets([loaded[name] for name in splits])
assert whole.num_rows == len(records), (whole.num_rows, len(records))
# The JSON loader given the card's features reads the same.
with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
    header = yaml.safe_load(f.read().split("---\n")[1])
declared = datasets.Features._from_yaml_list(header["dataset_info"]["features"])
assert declared == features[0], (declared, features[0])
as_json = datasets.load_dataset("json", data_files=files, features=declared)
assert datasets.concatenate_datasets([as_json[name] for name in splits]).to_list() == whole.to_list()
span_type = whole.features["spans"]
span_type = getattr(span_type, "feature", span_type)
if isinstance(span_type, list):
    span_type = span_type[0]
assert set(span_type) == SPAN_KEYS, span_type
checked = 0
for row in whole:
    ids = {span["id"] for span in row["spans"]}
    for span in row["spans"]:
        assert row["text"][span["start"]:span["end"]] == span["text"]
        assert all(set(a) == {"name", "value"} for a in span["attributes"])
        checked += 1
    for relation in row["relations"]:
        assert relation["head"] in ids and relation["child"] in ids
    # Each entity lists exactly the spans that name it.
    named = {}
    for span in row["spans"]:
        if span["entity"] is not None:
            named.setdefault(span["entity"], []).append(span["id"])
    assert {e["id"]: sorted(e["mentions"]) for e in row["entities"]} == {k: sorted(v) for k, v in named.items()}
    assert all(e["name"] for e in row["entities"])
# Each record is also a pandas row with the same columns.
assert list(whole.to_pandas().columns) == ["id", "text", "spans", "relations", "entities", "meta"]
assert any(row["entities"] for row in whole), "an entity reached the loaded dataset"
print(checked)
