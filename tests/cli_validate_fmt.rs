//! `hashiya validate` and `hashiya fmt` as a user runs them: exit codes, one line per problem
//! ending with the path, no panic whatever the bytes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const GOOD: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

fn hashiya(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs hashiya")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes `NAME.txt` (the sample article) and `NAME.hashiya.ron` with `ron`.
fn pair(dir: &Path, name: &str, ron: &[u8]) -> PathBuf {
    std::fs::write(dir.join(format!("{name}.txt")), TEXT).expect("writes");
    let path = dir.join(format!("{name}.hashiya.ron"));
    std::fs::write(&path, ron).expect("writes");
    path
}

#[test]
fn validate_exit_codes_and_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    pair(d, "good", GOOD.as_bytes());
    pair(
        d,
        "bad",
        GOOD.replacen("from: 6, to: 1)", "from: 6, to: 99)", 1).as_bytes(),
    );
    pair(d, "noise", &[0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0xFF, b'(', b'[']);

    let ok = hashiya(&["validate", "good.hashiya.ron"], d);
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
    assert_eq!(
        stdout(&ok),
        "valid (50 spans, 40 links, article UTF-8): good.hashiya.ron\n"
    );

    let bad = hashiya(
        &["validate", "good.hashiya.ron", "bad.hashiya.ron", "noise.hashiya.ron"],
        d,
    );
    assert_eq!(bad.status.code(), Some(1));
    let out = stdout(&bad);
    let line = GOOD.lines().position(|l| l.contains("from: 6, to: 1)")).expect("link") + 1;
    assert!(
        out.contains(&format!(
            "{line}:10: link R1 refers to missing span T99: bad.hashiya.ron\n"
        )),
        "{out}"
    );
    assert!(
        out.contains("1:2: the file is not UTF-8 text: noise.hashiya.ron\n"),
        "{out}"
    );
    assert!(bad.stderr.is_empty(), "{}", String::from_utf8_lossy(&bad.stderr));

    let missing_article = hashiya(&["validate", "nothing.hashiya.ron"], d);
    assert_eq!(missing_article.status.code(), Some(1));
    assert!(stdout(&missing_article).contains("the article nothing.txt: cannot read the file"));

    for usage in [&["validate"][..], &["validate", "--strict", "good.hashiya.ron"][..]] {
        let output = hashiya(usage, d);
        assert_eq!(output.status.code(), Some(2), "{usage:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("(see 'hashiya validate --help')"));
    }
}

#[test]
fn validate_never_panics_on_random_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A fixed pseudo-random sequence, so failures reproduce.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut names = Vec::new();
    for n in 0..20 {
        let bytes: Vec<u8> = (0..=(n * 157))
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let name = format!("r{n}");
        pair(dir.path(), &name, &bytes);
        names.push(format!("{name}.hashiya.ron"));
    }
    let mut args = vec!["validate"];
    args.extend(names.iter().map(String::as_str));
    let output = hashiya(&args, dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    for name in &names {
        assert!(
            stdout(&output).contains(&format!(": {name}\n")),
            "{name} has no message"
        );
    }
}

#[test]
fn fmt_rewrites_canonically_and_atomically() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // Hand-edited: spans in reverse order, a field moved, a comment, a missing optional field.
    let mut lines: Vec<&str> = GOOD.lines().collect();
    let spans: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("        (id: ") && lines[i].contains(", start: "))
        .collect();
    lines[spans[0]..=spans[spans.len() - 1]].reverse();
    let edited = lines
        .join("\n")
        .replace("    annotator: \"Hashiya sample\",\n", "")
        .replace(
            "status: Done,",
            "status: Done, annotator: \"Hashiya sample\", // moved\n",
        );
    let path = pair(d, "edited", edited.as_bytes());

    let output = hashiya(&["fmt", "edited.hashiya.ron"], d);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), "formatted: edited.hashiya.ron\n");
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), GOOD);
    assert_eq!(
        std::fs::read_to_string(d.join("edited.hashiya.ron.bak")).expect("backup"),
        edited
    );
    let again = hashiya(&["fmt", "edited.hashiya.ron"], d);
    assert_eq!(stdout(&again), "unchanged: edited.hashiya.ron\n");

    // An invalid file is reported and left exactly as it was.
    let broken = GOOD.replacen("(id: 2, label:", "(id: 1, label:", 1);
    let broken_path = pair(d, "broken", broken.as_bytes());
    let output = hashiya(&["fmt", "broken.hashiya.ron"], d);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("span T1 is defined twice: broken.hashiya.ron"));
    assert_eq!(std::fs::read_to_string(&broken_path).expect("reads"), broken);
    assert!(!d.join("broken.hashiya.ron.bak").exists());

    assert_eq!(hashiya(&["fmt"], d).status.code(), Some(2));
}
