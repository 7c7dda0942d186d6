//! Exports and imports never destroy what they read, never write through symlinks, never
//! write a file Hashiya cannot open, and report output failures: run as a user runs them.

mod common;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn hashiya(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .expect("hashiya runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A folder with the annotated sample article `S.txt` and its `S.hashiya.ron`.
fn annotated_folder() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let document = common::golden_document();
    let article = folder.path().join(&document.meta().source_name);
    std::fs::write(&article, common::SAMPLE).expect("article");
    hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    (folder, article)
}

/// Every file in `folder`, with its bytes.
fn snapshot(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(folder)
        .expect("lists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("reads");
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn export_refuses_to_overwrite_inputs_annotation_files_and_articles() {
    let (folder, article) = annotated_folder();
    let ron = hashiya::io::annotation_path_for(&article);
    std::fs::write(folder.path().join("other.txt"), "نص آخر").expect("writes");
    std::fs::write(folder.path().join("other.hashiya.ron"), "()").expect("writes");
    let before = snapshot(folder.path());
    let in_folder = |name: &str| text(&folder.path().join(name));
    let dot_path = text(&folder.path().join("sub/..").join(ron.file_name().expect("name")));
    std::fs::create_dir(folder.path().join("sub")).expect("mkdir");
    for (out, extra) in [
        (text(&ron), &[][..]),
        (dot_path, &[]),
        (text(&article), &[]),
        (in_folder("other.txt"), &[]),
        (in_folder("new.hashiya.ron"), &[]),
        (in_folder("other.hashiya.ron"), &[]),
        // The brat text file of the sample would be the sample itself.
        (text(folder.path()), &["--to", "brat"]),
    ] {
        let input = text(&ron);
        let mut args = vec!["export", "--out", &out];
        args.extend(if extra.is_empty() {
            &["--to", "jsonl"][..]
        } else {
            extra
        });
        args.push(&input);
        let output = hashiya(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        let message = stderr(&output);
        assert!(message.contains("refusing to overwrite"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
        assert_eq!(snapshot(folder.path()), before, "{args:?} changed a file");
    }
}

#[test]
fn a_brat_export_never_rewrites_an_article_in_its_folder() {
    let folder = tempfile::tempdir().expect("temp dir");
    let document = common::golden_document();
    // A Windows-1256 article with CRLF line ends, annotated.
    let crlf = common::SAMPLE.replace('\n', "\r\n");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(&crlf);
    assert!(!lossy);
    let article = folder.path().join(&document.meta().source_name);
    std::fs::write(&article, &bytes).expect("article");
    hashiya::io::save_document(&document, &hashiya::io::annotation_path_for(&article)).expect("save");
    // An older brat export of an article with the same name is fine to replace, the
    // article itself is not.
    for input in [text(&article), text(folder.path())] {
        let output = hashiya(&["export", "--to", "brat", "--out", &text(folder.path()), &input]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(&text(&article)), "{}", stderr(&output));
        assert_eq!(std::fs::read(&article).expect("reads"), bytes.as_ref());
        assert!(!folder.path().join("annotation.conf").exists(), "nothing is written");
    }
    let elsewhere = folder.path().join("brat");
    let output = hashiya(&["export", "--to", "brat", "--out", &text(&elsewhere), &text(&article)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let again = hashiya(&["export", "--to", "brat", "--out", &text(&elsewhere), &text(&article)]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "a brat export replaces its own files: {}",
        stderr(&again)
    );
}

#[test]
fn standard_output_a_closed_pipe_ends_quietly_and_a_full_device_is_an_error() {
    let (_folder, article) = annotated_folder();
    let ron = text(&hashiya::io::annotation_path_for(&article));
    let article = text(&article);
    // More output than a pipe buffers, so the closed pipe is certainly met.
    let many: Vec<&str> = std::iter::once("validate")
        .chain(std::iter::repeat_n(ron.as_str(), 3000))
        .collect();
    let export = ["export", "--to", "jsonl", article.as_str()];
    let stats = ["stats", article.as_str()];
    let debug = ["debug", "layout", article.as_str()];
    for args in [&many[..], &export, &stats, &debug] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take());
        let mut messages = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut messages)
            .expect("reads");
        let exit = child.wait().expect("waits");
        assert_eq!(exit.code(), Some(0), "{}: {messages}", args[0]);
        assert!(!messages.contains("panicked"), "{messages}");
    }
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [&many[..], &export, &stats, &debug] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("opens");
        let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(args)
            .stdout(full)
            .output()
            .expect("runs");
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{}: {message}", args[0]);
        let errors: Vec<&str> = message.lines().filter(|l| !l.contains("warning")).collect();
        assert_eq!(errors.len(), 1, "{message}");
        assert!(errors[0].contains("cannot write to standard output"), "{message}");
        assert!(!message.contains("written to standard output"), "{message}");
    }
}

/// Writes `lines` as a JSONL file and imports it into `out`.
fn import_jsonl(dir: &Path, lines: &[&str], out: &Path, force: bool) -> Output {
    let input = dir.join("input.jsonl");
    std::fs::write(&input, lines.join("\n")).expect("writes");
    let (input, out) = (text(&input), text(out));
    let mut args = vec!["import", "--from", "jsonl", &input, "--out", &out];
    if force {
        args.push("--force");
    }
    hashiya(&args)
}

#[test]
fn every_imported_document_gets_its_own_file_and_the_count_is_true() {
    for names in [
        &[r#""id":"a.TXT""#, r#""id":"a.txt""#][..],
        &[r#""meta":{"source":"a"}"#, r#""id":"a""#],
        &[r#""id":"a.md""#, r#""id":"a.md.txt""#],
        &[r#""id":".""#, r#""id":"...""#],
        &[r#""id":"x.hashiya.ron""#, r#""id":"x""#],
        &[r#""id":"Ä""#, r#""id":"ä""#],
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        let lines: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, name)| format!(r#"{{{name},"text":"نص رقم {i}","spans":[]}}"#))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let output = import_jsonl(dir.path(), &lines, &out, false);
        assert_eq!(output.status.code(), Some(0), "{names:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(&format!("{} documents", names.len())));
        let written: Vec<PathBuf> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(PathBuf::from)
            .collect();
        assert_eq!(written.len(), names.len(), "{names:?}");
        for (i, article) in written.iter().enumerate() {
            let loaded = hashiya::io::load_document(article).expect("reopens");
            assert_eq!(
                loaded.document.text(),
                format!("نص رقم {i}"),
                "{names:?}: {}",
                article.display()
            );
            let ron = hashiya::io::annotation_path_for(article);
            let check = hashiya(&["validate", &text(&ron)]);
            assert_eq!(
                check.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&check.stdout)
            );
        }
    }
}

#[test]
fn a_dotted_conll_name_and_a_long_name_import_to_files_that_reopen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let long = format!("{}.conll", "ن".repeat(120));
    for name in ["...conll", long.as_str()] {
        let input = dir.path().join(name);
        std::fs::write(&input, "قال\tO\nمحمد\tB-PERS\n").expect("writes");
        let out = dir.path().join("out");
        let output = hashiya(&[
            "import",
            "--from",
            "conll",
            &text(&input),
            "--out",
            &text(&out),
            "--force",
        ]);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        assert!(!out.join("txt").exists());
        for article in String::from_utf8_lossy(&output.stdout).lines() {
            assert!(Path::new(article).extension().is_some_and(|e| e == "txt"), "{article}");
            hashiya::io::load_document(Path::new(article)).expect("reopens");
        }
    }
}

#[test]
fn import_repairs_or_refuses_what_hashiya_cannot_open() {
    let speaker =
        |id: u64, head: u64, child: u64| format!(r#"{{"id":{id},"label":"speaker","head":{head},"child":{child}}}"#);
    let spans = r#"[{"id":1,"start":4,"end":10,"label":"Actor"},{"id":2,"start":11,"end":27,"label":"Quote"},{"id":3,"start":0,"end":3,"label":"Actor"}]"#;
    let text = "قال الفريق إن الاجتماع مثمر";
    let line = |spans: &str, relations: &[String], text: &str| {
        format!(
            r#"{{"id":"d","text":{},"spans":{spans},"relations":[{}]}}"#,
            serde_json::to_string(text).expect("json"),
            relations.join(",")
        )
    };
    let huge = format!(
        r#"[{{"id":{},"start":4,"end":10,"label":"Actor"}},{{"id":{},"start":11,"end":27,"label":"Quote"}}]"#,
        u64::MAX,
        u64::MAX - 1
    );
    let cases = [
        (
            "repeated links",
            line(spans, &[speaker(1, 2, 1), speaker(2, 2, 1)], text),
        ),
        ("two speakers", line(spans, &[speaker(1, 2, 1), speaker(2, 2, 3)], text)),
        ("Actor → Actor", line(spans, &[speaker(1, 1, 3)], text)),
        (
            "ids near u64::MAX",
            line(&huge, &[speaker(u64::MAX, u64::MAX - 1, u64::MAX)], text),
        ),
        ("NUL", line(spans, &[], "قال\0الفريق إن الاجتماع مثمر")),
        (
            "CRLF",
            line(spans, &[speaker(1, 2, 1)], "قال\r\nالفريق إن الاجتماع مثمر"),
        ),
    ];
    for (what, jsonl) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        let output = import_jsonl(dir.path(), &[&jsonl], &out, false);
        assert_eq!(output.status.code(), Some(0), "{what}: {}", stderr(&output));
        assert!(stderr(&output).contains("warning"), "{what}: a repair is reported");
        let check = hashiya(&["validate", &self::text(&out.join("d.hashiya.ron"))]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{what}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    // brat: the same span id twice, the same relation id twice.
    let dir = tempfile::tempdir().expect("temp dir");
    let brat = dir.path().join("brat");
    std::fs::create_dir(&brat).expect("mkdir");
    std::fs::write(brat.join("d.txt"), text).expect("writes");
    std::fs::write(
        brat.join("d.ann"),
        "T1\tActor 4 10\tالفريق\nT1\tQuote 11 27\tإن الاجتماع مثمر\nT2\tQuote 11 27\tإن الاجتماع مثمر\nR1\tspeaker Arg1:T2 Arg2:T1\nR1\tspeaker Arg1:T2 Arg2:T1\n",
    )
    .expect("writes");
    let out = dir.path().join("out");
    let output = hashiya(&[
        "import",
        "--from",
        "brat",
        &self::text(&brat),
        "--out",
        &self::text(&out),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let check = hashiya(&["validate", &self::text(&out.join("d.hashiya.ron"))]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[cfg(unix)]
#[test]
fn import_with_force_replaces_a_symlink_and_never_writes_through_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let outside = dir.path().join("precious.txt");
    let outside_ron = dir.path().join("precious.hashiya.ron");
    std::fs::write(&outside, "keep me").expect("writes");
    std::fs::write(&outside_ron, "keep me too").expect("writes");
    std::os::unix::fs::symlink(&outside, out.join("a.txt")).expect("symlink");
    std::os::unix::fs::symlink(&outside_ron, out.join("a.hashiya.ron")).expect("symlink");
    let line = r#"{"id":"a","text":"نص","spans":[]}"#;
    let output = import_jsonl(dir.path(), &[line], &out, false);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a symlink in the way is a conflict: {}",
        stderr(&output)
    );
    let output = import_jsonl(dir.path(), &[line], &out, true);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&outside).expect("reads"), "keep me");
    assert_eq!(std::fs::read_to_string(&outside_ron).expect("reads"), "keep me too");
    for name in ["a.txt", "a.hashiya.ron"] {
        assert!(
            std::fs::symlink_metadata(out.join(name)).expect("meta").is_file(),
            "{name}"
        );
    }
    assert_eq!(std::fs::read_to_string(out.join("a.txt")).expect("reads"), "نص");
}

#[test]
fn write_failures_are_one_line_on_stderr_and_leave_no_temporary_file() {
    let (folder, article) = annotated_folder();
    let out_dir = folder.path().join("exports");
    std::fs::create_dir(&out_dir).expect("mkdir");
    // A folder in the way of the export: the final rename fails, as a write on a full disk does.
    let blocked = out_dir.join("blocked.jsonl");
    std::fs::create_dir(&blocked).expect("mkdir");
    std::fs::write(blocked.join("x"), "").expect("writes");
    let output = hashiya(&["export", "--to", "jsonl", "--out", &text(&blocked), &text(&article)]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.trim_end().ends_with(&text(&blocked)), "{message}");
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["blocked.jsonl"], "no temporary file is left");
}
