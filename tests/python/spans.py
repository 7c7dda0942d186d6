"""What the exports must give back, read from Hashiya's JSONL export of the same documents."""

import json


def documents(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def outermost(spans):
    """The spans that own a one-column tag sequence: a span inside or crossing an earlier one
    (by start, longest first, then id) is left out."""
    kept = []
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"], s["id"])):
        if kept and span["start"] < kept[-1]["end"]:
            continue
        kept.append(span)
    return kept


def squeeze(text):
    """A text without its whitespace: what the tokens of a span concatenate to."""
    return "".join(text.split())


def tag_name(label):
    return "_".join(label.split(" "))


def expected_entities(doc, labels=None):
    """(tag type, squeezed text) of the spans a tag column holds, in reading order: the
    outermost spans, or per label (a layered file) when `labels` is given."""
    spans = doc["spans"]
    if labels is None:
        chosen = outermost(spans)
    else:
        chosen = [s for label in labels for s in outermost([s for s in spans if tag_name(s["label"]) == label])]
        chosen.sort(key=lambda s: (s["start"], -s["end"], s["id"]))
    return [(tag_name(s["label"]), squeeze(s["text"])) for s in chosen]
