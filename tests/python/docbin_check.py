"""spaCy loads Hashiya's `.spacy` export (a DocBin written without Python) as one Doc per
document: `doc.text` is the article, `doc.spans["sc"]` holds every span of the Hashiya JSONL
export of the same documents (same char offsets, label, id and entity), each on token
boundaries so that `doc.char_span` finds it, and `doc.ents` are the outermost spans, which
never overlap. A split export holds every document once across its parts."""

import os
import sys

import spacy
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from spans import documents, outermost

path, truth, split_folder, parts = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
originals = documents(truth)


def load(path, vocab):
    return list(DocBin().from_disk(path).get_docs(vocab))


def check(doc, original):
    text = original["text"]
    assert doc.text == text, (original["id"], doc.text[:80], text[:80])
    assert "".join(t.text_with_ws for t in doc) == text
    assert all(t.text for t in doc), "an empty token"
    assert "sc" in doc.spans, list(doc.spans)
    got = sorted((s.start_char, s.end_char, s.label_, s.id_, s.kb_id_) for s in doc.spans["sc"])
    expected = sorted(
        (s["start"], s["end"], s["label"], str(s["id"]), s["entity"] or "") for s in original["spans"]
    )
    assert got == expected, (original["id"], got, expected)
    for span in doc.spans["sc"]:
        assert span.text == text[span.start_char : span.end_char], (span.text, span.start_char)
        found = doc.char_span(span.start_char, span.end_char, label=span.label_)
        assert found is not None and (found.start, found.end) == (span.start, span.end), span
        # A sentence never starts inside a span.
        assert not any(t.is_sent_start for t in span[1:]), span
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:])), ents
    assert ents == [(s["start"], s["end"], s["label"]) for s in outermost(original["spans"])], ents
    return len(got)


checked = 0
for vocab in (Vocab(), spacy.blank("ar").vocab):
    docs = load(path, vocab)
    assert len(docs) == len(originals), (len(docs), len(originals))
    checked = sum(check(doc, original) for doc, original in zip(docs, originals))

# One DocBin per part: every document exactly once, each as in the whole file.
by_text = {original["text"]: original for original in originals}
seen = []
for part in parts:
    for doc in load(os.path.join(split_folder, part + ".spacy"), Vocab()):
        check(doc, by_text[doc.text])
        seen.append(doc.text)
assert sorted(seen) == sorted(by_text), "a document missing or repeated in the split"

print(len(originals), checked)
