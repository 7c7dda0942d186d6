"""The token-classification export loads in `datasets` with its tags as a `ClassLabel` named by
labels.json, and seqeval reads back from its tags (and from the CoNLL files) exactly the spans
each format holds."""

import json
import os
import sys
from collections import defaultdict

import datasets
from seqeval.metrics.sequence_labeling import get_entities

from spans import documents, expected_entities, squeeze

folder, splits, truth = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
docs = {doc["id"]: doc for doc in documents(truth)}

with open(os.path.join(folder, "labels.json"), encoding="utf-8") as f:
    labels = json.load(f)
names = labels["labels"]
assert names[0] == "O" and len(set(names)) == len(names)
assert all(n == "O" or n[:2] in ("B-", "I-") for n in names), names
assert labels["label2id"] == {name: i for i, name in enumerate(names)}
assert labels["id2label"] == {str(i): name for i, name in enumerate(names)}

files = {name: os.path.join(folder, name + ".jsonl") for name in splits}
loaded = datasets.load_dataset("json", data_files=files)
tag_type = datasets.Sequence(datasets.ClassLabel(names=names))
# A tag outside labels.json makes this cast fail.
parts = [loaded[name].cast_column("ner_tags", tag_type) for name in splits]
whole = datasets.concatenate_datasets(parts)
# The folder as one dataset: the card declares the tags as a ClassLabel named like labels.json.
carded = datasets.load_dataset(folder)
assert sorted(carded) == sorted(splits), list(carded)
assert all(carded[name].features["ner_tags"].feature.names == names for name in splits)
assert datasets.concatenate_datasets([carded[name] for name in splits]).to_list() == whole.to_list()
assert set(whole.column_names) == {"id", "tokens", "ner_tags"}, whole.column_names
decode = whole.features["ner_tags"].feature.int2str

found = defaultdict(list)
sentences = []
for row in whole:
    assert len(row["tokens"]) == len(row["ner_tags"]) > 0
    assert all(t and not any(c.isspace() for c in t) for t in row["tokens"]), row["tokens"]
    tags = [decode(t) for t in row["ner_tags"]]
    sentences.append((row["id"], row["tokens"], tags))
document_of = lambda ident: ident.rsplit("#", 1)[0]
# Records are in document order, sentences in order within each document.
position = {ident: i for i, ident in enumerate(docs)}
sentences.sort(key=lambda s: (position[document_of(s[0])], int(s[0].rsplit("#", 1)[1])))
for ident, tokens, tags in sentences:
    for kind, start, end in get_entities(tags):
        found[document_of(ident)].append((kind, "".join(tokens[start:end + 1])))
assert set(found) <= set(docs), (set(found), set(docs))
entities = 0
for ident, doc in docs.items():
    expected = expected_entities(doc)
    got = found.get(ident, [])
    assert got == expected, (ident, len(got), len(expected), [g for g in got if g not in expected][:3])
    entities += len(expected)


def conll_sentences(path, layered):
    """Sentences of a CoNLL export as (document, tokens, tag columns)."""
    with open(path, encoding="utf-8") as f:
        content = f.read()
    columns = None
    if layered:
        header, content = content.split("\n", 1)
        columns = header.split()[3:]
    out, document = [], 0
    for block in content.split("\n\n"):
        lines = [line.split("\t") for line in block.split("\n") if line]
        if not lines:
            continue
        if lines[0][0] == "-DOCSTART-" or lines[0][0].startswith("-DOCSTART- "):
            document += 1
            continue
        out.append((document, [l[0] for l in lines], [[l[i] for l in lines] for i in range(1, len(lines[0]))]))
    return columns, out


for name, layered in (("all.conll", False), ("layers.conll", True)):
    columns, blocks = conll_sentences(os.path.join(folder, name), layered)
    got = defaultdict(list)
    for document, tokens, tag_columns in blocks:
        spans = []
        for tags in tag_columns:
            spans += [(s, -e, kind, "".join(tokens[s:e + 1])) for kind, s, e in get_entities(tags)]
        got[list(docs)[document]] += [(kind, text) for _, _, kind, text in sorted(spans)]
    for ident, doc in docs.items():
        # Spans of two columns over the same tokens come in either order.
        expected = sorted(expected_entities(doc, columns))
        mine = sorted(got.get(ident, []))
        assert mine == expected, (name, ident, len(mine), len(expected), [g for g in mine if g not in expected][:3])
# The one-column CoNLL file and the token records hold the same tags, sentence by sentence.
_, blocks = conll_sentences(os.path.join(folder, "all.conll"), False)
assert [(t, c[0]) for _, t, c in blocks] == [(t, g) for _, t, g in sentences]
print(entities)
