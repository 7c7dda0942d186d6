//! Dataset formats, one file per format: JSONL, `CoNLL` (IOB2) and brat standoff, each with its
//! export and import.
