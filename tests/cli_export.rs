//! The `export`, `import` and `stats` commands, run as a user runs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .expect("hashiya runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/golden")
            .join(name),
    )
    .expect("golden")
}

/// A folder with the annotated sample article and one article nobody annotated yet.
fn corpus_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp dir");
    let document = common::golden_document();
    let article = folder.path().join(&document.meta().source_name);
    std::fs::write(&article, common::SAMPLE).expect("article");
    hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    std::fs::write(folder.path().join("not-annotated.txt"), "نص بلا حواش").expect("article");
    folder
}

fn path(folder: &Path, name: &str) -> String {
    folder.join(name).to_string_lossy().into_owned()
}

#[test]
fn usage_errors_exit_2() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    for args in [
        &["export"][..],
        &["export", "--to", "xml", &input],
        &["export", "--to", "brat", &input],
        &["export", "--to", "spacy", &input],
        &["export", "--to", "parquet", &input],
        &[
            "export",
            "--to",
            "parquet",
            "--jsonl-flavor",
            "hashiya",
            "--out",
            "x",
            &input,
        ],
        &["export", "--to", "jsonl", "--nope", &input],
        &["export", "--to", "jsonl", "--split", "train=0.9", "--out", "x", &input],
        &["export", "--to", "jsonl", "--jsonl-flavor", "spacy", &input],
        &["export", "--to", "jsonl"],
        &["import", "--from", "conll", "x.conll"],
        &["import", "--out", "x", "x.conll"],
        &["import", "--from", "conll", "--map", "PERS", "x.conll", "--out", "x"],
        &["stats"],
        &["stats", "--label", "x", &input],
    ] {
        let output = hashiya(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!("(see 'hashiya {} --help')", args[0])),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output).lines().count(), 1, "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn unreadable_inputs_exit_2_and_write_nothing() {
    let folder = corpus_folder();
    let out = path(folder.path(), "out.jsonl");
    let output = hashiya(&[
        "export",
        "--to",
        "jsonl",
        "--out",
        &out,
        &path(folder.path(), "missing.txt"),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("missing.txt"));
    assert!(!Path::new(&out).exists());
    let broken = path(folder.path(), "broken.txt");
    std::fs::write(&broken, "نص").expect("article");
    std::fs::write(folder.path().join("broken.hashiya.ron"), "(format_version: 1, spans: [").expect("ron");
    let output = hashiya(&["export", "--to", "jsonl", "--out", &out, &broken]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!Path::new(&out).exists());
    let output = hashiya(&[
        "import",
        "--from",
        "conll",
        &path(folder.path(), "none.conll"),
        "--out",
        &out,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn export_a_folder_to_each_format() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    let out = tempfile::tempdir().expect("temp dir");

    let jsonl = path(out.path(), "sample.jsonl");
    let output = hashiya(&["export", "--to", "jsonl", "--out", &jsonl, &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 document without annotations skipped"),
        "{}",
        stderr(&output)
    );
    // Loaded back through the RON file, the document exports exactly as the golden file.
    assert_eq!(std::fs::read_to_string(&jsonl).expect("jsonl"), golden("sample.jsonl"));

    let output = hashiya(&["export", "--to", "conll", &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), golden("sample.conll"));

    let output = hashiya(&["export", "--to", "jsonl", "--jsonl-flavor", "doccano", &input]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), golden("sample.doccano.jsonl"));
    assert!(
        stderr(&output).contains("40 links the format cannot hold"),
        "{}",
        stderr(&output)
    );

    let brat = path(out.path(), "brat");
    let output = hashiya(&["export", "--to", "brat", "--out", &brat, &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ann = std::fs::read_to_string(Path::new(&brat).join("libya-army-leaders-meeting.ar.ann")).expect("ann");
    assert_eq!(ann, golden("brat/libya-army-leaders-meeting.ar.ann"));
    assert!(Path::new(&brat).join("annotation.conf").is_file());

    // Binary: the same bytes as the library writes for the document (spaCy loads them in
    // tests/python_check.rs).
    let document = common::golden_document();
    let (bytes, report) = hashiya::export::spacy::export_bytes(std::slice::from_ref(&document)).expect("docbin");
    assert_eq!(report.spans, document.spans().len());
    let spacy = path(out.path(), "sample.spacy");
    let output = hashiya(&["export", "--to", "spacy", "--out", &spacy, &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let summary = format!("1 document, {} spans, 0 links, {} tokens", report.spans, report.tokens);
    assert!(
        stderr(&output).contains(&summary) && stderr(&output).contains("40 links the format cannot hold"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&spacy).expect("spacy"), bytes);
}

#[test]
fn split_export_is_deterministic() {
    let folder = tempfile::tempdir().expect("temp dir");
    for i in 0..10 {
        let article = folder.path().join(format!("article-{i}.txt"));
        std::fs::write(&article, format!("قال الفريق {i}")).expect("article");
        let text = std::fs::read_to_string(&article).expect("read");
        let meta = hashiya::model::DocumentMeta {
            source_name: format!("article-{i}.txt"),
            ..Default::default()
        };
        let span = hashiya::model::Span::new(hashiya::model::SpanId(1), "Actor", 4, 10);
        let document = hashiya::model::Document::from_parts(
            text,
            hashiya::model::Schema::default_schema(),
            meta,
            vec![span],
            vec![],
        );
        hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    }
    let input = folder.path().to_string_lossy().into_owned();
    let run = |out: &Path, seed: &str| {
        let out = out.to_string_lossy().into_owned();
        let output = hashiya(&[
            "export",
            "--to",
            "conll",
            "--split",
            "train=0.8,dev=0.1,test=0.1",
            "--seed",
            seed,
            "--out",
            &out,
            &input,
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("split: train 8, dev 1, test 1"),
            "{}",
            stderr(&output)
        );
        ["train", "dev", "test"]
            .map(|part| std::fs::read_to_string(Path::new(&out).join(format!("{part}.conll"))).expect("part"))
    };
    let out = tempfile::tempdir().expect("temp dir");
    let first = run(&out.path().join("a"), "7");
    assert_eq!(first, run(&out.path().join("b"), "7"));
    assert_eq!(first[0].matches("\n-DOCSTART- -X- O O\n\n").count(), 7);
    let others: Vec<[String; 3]> = (8..14)
        .map(|seed| run(&out.path().join(format!("s{seed}")), &seed.to_string()))
        .collect();
    assert!(others.iter().any(|o| o[1] != first[1]), "the seed changes the split");
}

#[test]
fn import_conll_writes_articles_and_annotations() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("imported");
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/conll/messy.conll");
    let args = |force: bool| {
        let mut args = vec![
            "import".to_owned(),
            "--from".into(),
            "conll".into(),
            "--map".into(),
            "PERS=Actor,ORG=Actor".into(),
            input.to_string_lossy().into_owned(),
            "--out".into(),
            target.to_string_lossy().into_owned(),
        ];
        if force {
            args.push("--force".into());
        }
        args
    };
    let run = |args: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .output()
            .expect("runs")
    };
    let output = run(args(false));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(messages.contains("line 2: empty token"), "{messages}");
    assert!(messages.contains("line 5: I-LOC follows no LOC span"), "{messages}");
    assert!(messages.contains("line 7: token \"الصالحية ونايفة\""), "{messages}");
    let article: PathBuf = target.join("messy.txt");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        article.to_string_lossy()
    );
    let loaded = hashiya::io::load_document(&article).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let document = loaded.document;
    // The token holding a space stays one token: its space is a no-break space in the text.
    assert_eq!(
        document.text(),
        "قال محمد الحداد في طرابلس الصالحية\u{a0}ونايفة\nوكالات :"
    );
    assert_eq!(document.tokenization(), hashiya::model::Tokenization::Whitespace);
    let spans: Vec<(&str, &str)> = document
        .spans()
        .iter()
        .map(|s| (s.label.as_str(), document.span_text(s)))
        .collect();
    assert_eq!(
        spans,
        [("Actor", "محمد الحداد"), ("LOC", "في طرابلس"), ("Actor", "وكالات")]
    );
    assert!(document.schema().label("LOC").is_some());

    let output = run(args(false));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("would overwrite"), "{}", stderr(&output));
    let output = run(args(true));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    let output = hashiya(&["stats", &target.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stats = String::from_utf8_lossy(&output.stdout);
    assert!(
        stats.contains("Actor") && stats.contains("Total: 1 document, 3 spans, 0 links"),
        "{stats}"
    );
}

#[test]
fn jsonl_and_brat_round_trip_through_the_commands() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    let work = tempfile::tempdir().expect("temp dir");
    for (format, exported) in [
        ("jsonl", path(work.path(), "a.jsonl")),
        ("brat", path(work.path(), "brat")),
    ] {
        let output = hashiya(&["export", "--to", format, "--out", &exported, &input]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let imported = path(work.path(), &format!("{format}-imported"));
        let output = hashiya(&[
            "import",
            "--from",
            format,
            &exported,
            "--out",
            &imported,
            "--annotator",
            "Hashiya sample",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
        let again = hashiya(&["export", "--to", "jsonl", &imported]);
        let mut expected = golden("sample.jsonl");
        if format == "brat" {
            // brat holds no status: the import's default replaces it.
            expected = expected.replace("\"status\":\"done\"", "\"status\":\"not_started\"");
        }
        assert_eq!(String::from_utf8_lossy(&again.stdout), expected, "{format}");
    }
}

/// A label as `CoNLL` tags write it: whitespace becomes `_`.
fn tag_name(label: &str) -> String {
    label.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
}

/// Spans of each label that a column of that label can hold: all but those inside another
/// span of the same label.
fn holdable_per_label(document: &hashiya::model::Document) -> std::collections::BTreeMap<String, usize> {
    let spans = document.spans();
    let mut counts = std::collections::BTreeMap::new();
    for span in spans {
        let inside_same_label = spans.iter().any(|outer| {
            outer.id != span.id
                && outer.label == span.label
                && outer.char_start <= span.char_start
                && span.char_end <= outer.char_end
                && (outer.char_len() > span.char_len() || outer.id < span.id)
        });
        if !inside_same_label {
            *counts.entry(tag_name(&span.label)).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn layered_conll_keeps_nested_spans() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    let out = tempfile::tempdir().expect("temp dir");
    let file = path(out.path(), "layers.conll");
    let output = hashiya(&["export", "--to", "conll", "--layers", "--out", &file, &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&file).expect("export");
    let header = text.lines().next().expect("header");
    let columns: Vec<&str> = header
        .strip_prefix(hashiya::export::conll::LAYERS_HEADER)
        .expect("the header names the columns")
        .split_whitespace()
        .collect();
    let document = common::golden_document();
    let schema: Vec<String> = document.schema().labels.iter().map(|l| tag_name(&l.name)).collect();
    assert_eq!(columns, schema, "one column per label, in schema order");
    let mut begins = std::collections::BTreeMap::new();
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), columns.len() + 1, "{line:?}");
        for (column, tag) in columns.iter().zip(&fields[1..]) {
            if let Some(label) = tag.strip_prefix("B-") {
                assert_eq!(label, *column, "{line:?}");
                *begins.entry((*column).to_owned()).or_insert(0) += 1;
            } else if let Some(label) = tag.strip_prefix("I-") {
                assert_eq!(label, *column, "{line:?}");
            } else {
                assert_eq!(*tag, "O", "{line:?}");
            }
        }
    }
    let expected = holdable_per_label(&document);
    assert!(expected.get("Agreed_action").is_some_and(|&n| n > 0));
    assert_eq!(begins, expected);

    // Without --layers, the nested spans are counted and named on stderr; the layered file
    // imports back with every span.
    let single = path(out.path(), "single.conll");
    let output = hashiya(&["export", "--to", "conll", "--out", &single, &input]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("nested spans flattened"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("lies inside span"), "{}", stderr(&output));
    let target = path(out.path(), "imported");
    let output = hashiya(&["import", "--from", "conll", &file, "--out", &target]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let back = hashiya::io::load_document(&Path::new(&target).join("layers.txt")).expect("imported");
    assert_eq!(holdable_per_label(&back.document), expected);
}

#[test]
fn jsonl_offsets_in_utf16_units_for_javascript_tools() {
    use hashiya::model::{Document, DocumentMeta, Schema, Span, SpanId};
    let folder = tempfile::tempdir().expect("temp dir");
    let text = "😀 قال 👩\u{200d}👩\u{200d}👧 محمد 🇱🇾 في طرابلس";
    let spans = [("Actor", "محمد"), ("Quote", "في طرابلس"), ("Actor", "🇱🇾 في")];
    let spans: Vec<Span> = spans
        .iter()
        .enumerate()
        .map(|(i, (label, needle))| {
            let (start, end) = common::find(text, needle, 0);
            Span::new(SpanId(i as u64 + 1), *label, start, end)
        })
        .collect();
    let meta = DocumentMeta {
        source_name: "emoji.txt".into(),
        ..DocumentMeta::default()
    };
    let document = Document::from_parts(text.into(), Schema::default_schema(), meta, spans, Vec::new());
    let article = folder.path().join("emoji.txt");
    std::fs::write(&article, text).expect("article");
    hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    let input = article.to_string_lossy().into_owned();
    let export = |unit: &str| -> Vec<(usize, usize)> {
        let output = hashiya(&[
            "export",
            "--to",
            "jsonl",
            "--jsonl-flavor",
            "doccano",
            "--offsets",
            unit,
            &input,
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let line: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON line");
        line["label"]
            .as_array()
            .expect("label")
            .iter()
            .map(|l| {
                (
                    l[0].as_u64().expect("start") as usize,
                    l[1].as_u64().expect("end") as usize,
                )
            })
            .collect()
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    let utf16 = export("utf16");
    assert_eq!(utf16.len(), document.spans().len());
    for (span, (start, end)) in document.spans().iter().zip(&utf16) {
        assert_eq!(
            String::from_utf16(&units[*start..*end]).ok().as_deref(),
            Some(document.span_text(span))
        );
    }
    assert_ne!(
        utf16,
        export("char"),
        "the emoji before the spans count twice in UTF-16"
    );
    let output = hashiya(&["export", "--to", "conll", "--offsets", "utf16", &input]);
    assert_eq!(output.status.code(), Some(2), "--offsets goes with --to jsonl");
}

#[test]
fn token_classification_jsonl_writes_labels_json_beside_it() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    let out = tempfile::tempdir().expect("temp dir");
    let file = path(out.path(), "ner/sample.jsonl");
    let output = hashiya(&[
        "export",
        "--to",
        "jsonl",
        "--jsonl-flavor",
        "tokens",
        "--out",
        &file,
        &input,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&file).expect("export"),
        golden("sample.tokens.jsonl")
    );
    assert_eq!(
        std::fs::read_to_string(out.path().join("ner/labels.json")).expect("labels.json"),
        golden("sample.labels.json")
    );
    // Standard output cannot hold the second file; offsets do not apply to tokens.
    for extra in [&[][..], &["--offsets", "utf16", "--out", &file]] {
        let output = hashiya(
            &[
                &["export", "--to", "jsonl", "--jsonl-flavor", "tokens"],
                extra,
                &[&input],
            ]
            .concat(),
        );
        assert_eq!(output.status.code(), Some(2), "{extra:?}");
        assert!(stderr(&output).contains("tokens"), "{}", stderr(&output));
    }
}

#[test]
fn split_jsonl_and_parquet_get_a_dataset_card_but_never_replace_a_readme_of_the_user() {
    let folder = corpus_folder();
    let input = folder.path().to_string_lossy().into_owned();
    let out = tempfile::tempdir().expect("temp dir");
    for (to, loader) in [("jsonl", "json"), ("parquet", "parquet")] {
        let split = path(out.path(), to);
        let export = || hashiya(&["export", "--to", to, "--split", "train=1", "--out", &split, &input]);
        let card = Path::new(&split).join("README.md");
        for _ in 0..2 {
            // Written, then replaced by the next export (it is Hashiya's own).
            let output = export();
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            let text = std::fs::read_to_string(&card).expect("the dataset card");
            assert!(
                text.starts_with("---\nconfigs:\n") && text.contains(&format!("path: \"train.{to}\"")),
                "{text}"
            );
            assert!(Path::new(&split).join(format!("train.{to}")).is_file());
        }
        std::fs::write(&card, "# Notes of mine\n").expect("write");
        let output = export();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(std::fs::read_to_string(&card).expect("read"), "# Notes of mine\n");
        assert!(stderr(&output).contains("not a dataset card"), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!("load_dataset(\"{loader}\"")),
            "{}",
            stderr(&output)
        );
    }
}
