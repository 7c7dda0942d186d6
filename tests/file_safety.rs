//! Files at the edges, as a hostile or unlucky user meets them: special files under an
//! annotation's or an article's name, a byte order mark, read-only files, attributes the
//! schema does not define, and the backup `fmt` keeps.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const GOOD: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

/// Runs hashiya in `dir`, killing it (and failing) if it has not finished after a minute: a
/// command that hangs is the bug these tests look for.
fn hashiya(args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs hashiya");
    for _ in 0..600 {
        if child.try_wait().expect("waits").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("kills");
    panic!("hashiya {args:?} hangs");
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes `NAME.txt` (the sample article) and `NAME.hashiya.ron` with `ron`.
fn pair(dir: &Path, name: &str, ron: &[u8]) -> PathBuf {
    std::fs::write(dir.join(format!("{name}.txt")), TEXT).expect("writes");
    let path = dir.join(format!("{name}.hashiya.ron"));
    std::fs::write(&path, ron).expect("writes");
    path
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_by_every_command_without_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("fifo.txt"), TEXT).expect("writes");
    let made = Command::new("mkfifo")
        .arg(d.join("fifo.hashiya.ron"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    for (name, device) in [("zero", "/dev/zero"), ("random", "/dev/urandom")] {
        std::fs::write(d.join(format!("{name}.txt")), TEXT).expect("writes");
        std::os::unix::fs::symlink(device, d.join(format!("{name}.hashiya.ron"))).expect("symlink");
    }
    // An article that is a FIFO, with a valid annotation file beside it.
    let made = Command::new("mkfifo").arg(d.join("pipe.txt")).status().expect("mkfifo");
    assert!(made.success());
    std::fs::write(d.join("pipe.hashiya.ron"), GOOD).expect("writes");

    for (name, kind) in [
        ("fifo.hashiya.ron", "named pipe"),
        ("zero.hashiya.ron", "character device"),
        ("random.hashiya.ron", "character device"),
        ("pipe.hashiya.ron", "named pipe"),
    ] {
        let mut commands = vec![
            vec!["validate", name],
            vec!["stats", name],
            vec!["export", "--to", "jsonl", name],
        ];
        // `fmt` reads no article.
        if name != "pipe.hashiya.ron" {
            commands.push(vec!["fmt", name]);
        }
        for command in &commands {
            let output = hashiya(command, d);
            let all = format!("{}{}", stdout(&output), stderr(&output));
            assert_ne!(output.status.code(), Some(0), "{command:?}: {all}");
            assert!(all.contains(kind), "{command:?}: {all}");
            assert!(
                all.contains("fifo.") || all.contains("zero.") || all.contains("random.") || all.contains("pipe."),
                "{all}"
            );
            assert!(!all.contains("0 documents"), "{command:?}: {all}");
            assert!(!all.contains("panicked"), "{command:?}: {all}");
        }
    }
}

#[test]
fn a_byte_order_mark_is_accepted_everywhere_and_fmt_drops_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(GOOD.as_bytes());
    let path = pair(d, "bom", &with_bom);
    for command in [
        &["validate", "bom.hashiya.ron"][..],
        &["stats", "bom.hashiya.ron"],
        &["export", "--to", "jsonl", "bom.hashiya.ron"],
    ] {
        let output = hashiya(command, d);
        assert_eq!(output.status.code(), Some(0), "{command:?}: {}", stderr(&output));
    }
    let output = hashiya(&["fmt", "bom.hashiya.ron"], d);
    assert_eq!(stdout(&output), "formatted: bom.hashiya.ron\n", "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), GOOD);
    assert_eq!(std::fs::read(d.join("bom.hashiya.ron.bak")).expect("backup"), with_bom);
}

#[test]
fn fmt_keeps_the_version_it_replaced_as_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let versions: Vec<String> = (1..=3).map(|n| format!("// version {n}\n{GOOD}")).collect();
    let path = pair(d, "a", b"");
    let backup = d.join("a.hashiya.ron.bak");
    for version in &versions {
        std::fs::write(&path, version).expect("writes");
        let output = hashiya(&["fmt", "a.hashiya.ron"], d);
        assert_eq!(stdout(&output), "formatted: a.hashiya.ron\n", "{}", stderr(&output));
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), GOOD);
        assert_eq!(&std::fs::read_to_string(&backup).expect("backup"), version);
    }
    // Nothing to rewrite: the backup stays the last replaced version.
    let output = hashiya(&["fmt", "a.hashiya.ron"], d);
    assert_eq!(stdout(&output), "unchanged: a.hashiya.ron\n");
    assert_eq!(&std::fs::read_to_string(&backup).expect("backup"), &versions[2]);
}

#[cfg(unix)]
#[test]
fn read_only_annotation_files_are_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let messy = format!("// hand-edited\n{GOOD}");
    let path = pair(d, "locked", messy.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");

    let output = hashiya(&["fmt", "locked.hashiya.ron"], d);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("read-only"), "{}", stdout(&output));
    assert!(stdout(&output).trim_end().ends_with("locked.hashiya.ron"));
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), messy);
    assert!(!d.join("locked.hashiya.ron.bak").exists());

    // The window saves through the same function.
    let loaded = hashiya::io::load_document(&d.join("locked.txt")).expect("loads");
    let error = hashiya::io::save_document(&loaded.document, &path).expect_err("read-only");
    assert!(error.to_string().contains("read-only"), "{error}");
    assert!(error.to_string().ends_with(&path.display().to_string()), "{error}");
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), messy);
}

#[test]
fn undefined_and_repeated_attributes_are_reported_not_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let first_type = GOOD
        .lines()
        .position(|l| l.contains("attributes: {\"type\": \"person\"}"))
        .expect("a span with a type")
        + 1;
    for (edit, expected, fmt_refuses) in [
        (
            (
                "attributes: {\"type\": \"person\"}",
                "attributes: {\"type\": \"person\", \"type\": \"group\"}",
            ),
            "gives attribute \"type\" more than once",
            true,
        ),
        (
            (
                "attributes: {\"type\": \"person\"}",
                "attributes: {\"type\": \"alien\"}",
            ),
            "type \"alien\", which is not one of the schema's values",
            false,
        ),
        (
            (
                "attributes: {\"type\": \"person\"}",
                "attributes: {\"mood\": \"calm\", \"type\": \"person\"}",
            ),
            "attribute \"mood\", which label Actor does not define",
            false,
        ),
    ] {
        let edited = GOOD.replacen(edit.0, edit.1, 1);
        let path = pair(d, "attrs", edited.as_bytes());
        let output = hashiya(&["validate", "attrs.hashiya.ron"], d);
        assert_eq!(output.status.code(), Some(1), "{}", edit.1);
        let report = stdout(&output);
        assert!(report.contains(&format!("{first_type}:")), "{report}");
        assert!(report.contains(expected), "{report}");

        // Opening warns and keeps what it can.
        let loaded = hashiya::io::load_document(&d.join("attrs.txt")).expect("opens");
        assert!(
            loaded.warnings.iter().any(|w| w.to_string().contains(expected)),
            "{:?}",
            loaded.warnings
        );

        let output = hashiya(&["fmt", "attrs.hashiya.ron"], d);
        if fmt_refuses {
            assert_eq!(output.status.code(), Some(1), "{}", edit.1);
            assert!(stdout(&output).contains(expected), "{}", stdout(&output));
            assert_eq!(std::fs::read_to_string(&path).expect("reads"), edited);
        } else {
            assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
            assert!(std::fs::read_to_string(&path).expect("reads").contains(edit.1));
        }
    }

    // A length no article has, while the SHA-256 names this very article.
    let at = GOOD.find("char_len: ").expect("char_len") + "char_len: ".len();
    let digits = GOOD[at..].bytes().take_while(u8::is_ascii_digit).count();
    let huge = format!("{}18446744073709551615{}", &GOOD[..at], &GOOD[at + digits..]);
    pair(d, "huge", huge.as_bytes());
    let output = hashiya(&["validate", "huge.hashiya.ron"], d);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.contains("document.char_len 18446744073709551615 is larger"),
        "{report}"
    );
    assert!(report.contains("but the article"), "{report}");
}

/// Opens the sample's annotations on `text` (an edited sample) and returns, per span id of
/// the shipped file, its new start or `None` when it is an orphan.
fn reanchored(text: &str) -> std::collections::BTreeMap<u64, Option<usize>> {
    let dir = tempfile::tempdir().expect("temp dir");
    pair(dir.path(), "edited", GOOD.as_bytes());
    std::fs::write(dir.path().join("edited.txt"), text).expect("writes");
    let loaded = hashiya::io::load_document(&dir.path().join("edited.txt")).expect("opens");
    let mut starts: std::collections::BTreeMap<u64, Option<usize>> = loaded
        .document
        .spans()
        .iter()
        .map(|s| (s.id.0, Some(s.char_start)))
        .collect();
    for orphan in &loaded.orphans {
        assert!(
            starts.insert(orphan.span.id.0, None).is_none(),
            "T{} twice",
            orphan.span.id.0
        );
    }
    starts
}

/// The sample's spans as shipped: id → (start, end).
fn shipped_spans() -> Vec<(u64, usize, usize)> {
    let loaded = hashiya::io::from_ron_str(GOOD, TEXT).expect("loads");
    loaded
        .document
        .spans()
        .iter()
        .map(|s| (s.id.0, s.char_start, s.char_end))
        .collect()
}

#[test]
fn reanchoring_follows_the_context_and_prefers_an_orphan() {
    let paragraphs: Vec<&str> = TEXT.split_inclusive('\n').collect();
    let chars = |s: &str| s.chars().count();
    let (first, second) = (chars(paragraphs[0]), chars(paragraphs[1]));

    // Paragraph 1 deleted: its spans are orphans (their words recur later, on other spans'
    // places), every other span moves back by its length.
    let without_first = paragraphs[1..].concat();
    let placed = reanchored(&without_first);
    for (id, start, end) in shipped_spans() {
        let expected = if end <= first { None } else { Some(start - first) };
        assert_eq!(placed[&id], expected, "T{id} {start}..{end}");
    }

    // Paragraphs 1 and 2 swapped: every span follows its paragraph, none is duplicated.
    let swapped = [&[paragraphs[1], paragraphs[0]][..], &paragraphs[2..]]
        .concat()
        .concat();
    let placed = reanchored(&swapped);
    for (id, start, end) in shipped_spans() {
        let expected = if end <= first {
            start + second
        } else if end <= first + second {
            start - first
        } else {
            start
        };
        assert_eq!(placed[&id], Some(expected), "T{id} {start}..{end}");
    }
}
