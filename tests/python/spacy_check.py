"""spaCy's own converter (`spacy convert --converter ner`) reads a multi-document CoNLL export
as one Doc per document, with the spans the file holds as its entities."""

import glob
import os
import subprocess
import sys

import spacy
from spacy.tokens import DocBin

from spans import documents, expected_entities

conll, out, truth = sys.argv[1], sys.argv[2], sys.argv[3]
docs = documents(truth)
subprocess.run(
    [sys.executable, "-m", "spacy", "convert", "--converter", "ner", conll, out],
    check=True,
)
[path] = glob.glob(os.path.join(out, "*.spacy"))
converted = list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
assert len(converted) == len(docs), (len(converted), len(docs))
entities = 0
for doc, original in zip(converted, docs):
    got = [(ent.label_, "".join(ent.text.split())) for ent in doc.ents]
    assert got == expected_entities(original), (original["id"], got)
    assert "".join(t.text for t in doc) == "".join(original["text"].split())
    entities += len(got)
print(len(converted), entities)
