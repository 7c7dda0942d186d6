//! The command line's front as a user meets it: help and version, one-line usage errors with
//! exit code 2, file names that are not UTF-8, shell completions and the man page.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::process::{Command, Output};

const TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const RON: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

/// Every subcommand, as `hashiya --help` lists them.
const SUBCOMMANDS: [&str; 11] = [
    "validate",
    "fmt",
    "export",
    "import",
    "stats",
    "entities",
    "search",
    "suggest",
    "debug",
    "completions",
    "man",
];

fn hashiya<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .output()
        .expect("runs hashiya")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    let help = hashiya(&["--help"]);
    assert_eq!(help.status.code(), Some(0), "{}", stderr(&help));
    for name in SUBCOMMANDS {
        assert!(stdout(&help).contains(name), "{name} missing from --help");
    }
    assert!(stdout(&help).contains("Exit codes"), "{}", stdout(&help));
    let version = hashiya(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version).trim(),
        format!("hashiya {}", env!("CARGO_PKG_VERSION"))
    );
    let debug_queries = [&["debug", "layout"][..], &["debug", "rects"], &["debug", "hit"]];
    for path in SUBCOMMANDS
        .iter()
        .map(|name| vec![*name])
        .chain(debug_queries.map(<[&str]>::to_vec))
    {
        let output = hashiya(&[&path[..], &["--help"]].concat());
        assert_eq!(output.status.code(), Some(0), "{path:?}");
        let usage = format!("Usage: hashiya {}", path.join(" "));
        assert!(stdout(&output).contains(&usage), "{path:?}: {}", stdout(&output));
        assert!(output.stderr.is_empty(), "{path:?}");
    }
}

#[test]
fn usage_errors_are_one_line_on_stderr_with_exit_2() {
    for (args, hint) in [
        (&["--nope"][..], "'hashiya --help'"),
        (&["valdate", "x.hashiya.ron"], "'hashiya --help'"),
        (&["export", "--to", "xml", "a.txt"], "'hashiya export --help'"),
        (
            &["export", "--to", "jsonl", "--nope", "a.txt"],
            "'hashiya export --help'",
        ),
        (&["export", "a.txt"], "'hashiya export --help'"),
        (
            &["export", "--to", "conll", "--jsonl-flavor", "doccano", "a.txt"],
            "'hashiya export --help'",
        ),
        (&["import", "--from", "conll", "x.conll"], "'hashiya import --help'"),
        (&["validate"], "'hashiya validate --help'"),
        (
            &["debug", "rects", "--width", "600", "a.txt", "1"],
            "'hashiya debug rects --help'",
        ),
        (&["debug", "hit", "a.txt", "nan", "nan"], "'hashiya debug hit --help'"),
        (&["completions", "tcsh"], "'hashiya completions --help'"),
    ] {
        let output = hashiya(args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
        assert!(message.starts_with("hashiya: error: "), "{args:?}: {message}");
        assert!(message.contains(hint), "{args:?}: {message}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_work_everywhere() {
    use std::os::unix::ffi::OsStrExt as _;

    let dir = tempfile::tempdir().expect("temp dir");
    let named = |name: &[u8]| dir.path().join(OsStr::from_bytes(name));
    let article = named(b"bad\xff.txt");
    let annotations = named(b"bad\xff.hashiya.ron");
    std::fs::write(&article, TEXT).expect("writes");
    std::fs::write(&annotations, RON).expect("writes");
    let out = named(b"out\xfe.jsonl");

    let runs: [Vec<OsString>; 5] = [
        vec!["validate".into(), annotations.clone().into()],
        vec!["fmt".into(), annotations.clone().into()],
        vec!["stats".into(), article.clone().into()],
        vec![
            "export".into(),
            "--to".into(),
            "jsonl".into(),
            "--out".into(),
            out.clone().into(),
            annotations.clone().into(),
        ],
        vec!["debug".into(), "layout".into(), article.clone().into()],
    ];
    for args in runs {
        let output = hashiya(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    }
    assert!(
        std::fs::read_to_string(&out)
            .expect("export written")
            .contains("\"spans\"")
    );

    // The window refuses an unreadable article before opening, naming it, without a panic.
    let missing = named(b"missing\xff.txt");
    let output = hashiya(&[missing.as_os_str()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("missing"), "{}", stderr(&output));
    let output = hashiya(&[
        OsStr::new("--screenshot"),
        named(b"shot\xff.png").as_os_str(),
        missing.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn the_window_opens_an_annotation_file_with_its_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let annotations = dir.path().join("story.hashiya.ron");
    std::fs::write(&annotations, RON).expect("writes");
    // No article beside it: the window names the article it looked for, not the RON file.
    let output = hashiya(&[&annotations]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("story.txt"), "{}", stderr(&output));
}

#[test]
fn bash_completion_parses_and_every_shell_names_the_subcommands() {
    for shell in ["bash", "zsh", "fish"] {
        let output = hashiya(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}: {}", stderr(&output));
        for name in SUBCOMMANDS {
            assert!(stdout(&output).contains(name), "{shell}: {name}");
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("hashiya.bash");
    std::fs::write(&script, hashiya(&["completions", "bash"]).stdout).expect("writes");
    let check = Command::new("bash").arg("-n").arg(&script).output().expect("runs bash");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    // And it loads: sourcing it registers the completion function for `hashiya`.
    let loaded = Command::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p hashiya", shell_quote(&script)))
        .output()
        .expect("runs bash");
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("hashiya"));
}

#[test]
fn the_man_pages_document_every_subcommand() {
    let output = hashiya(&["man"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(
        page.contains(".TH hashiya 1"),
        "{}",
        page.chars().take(300).collect::<String>()
    );
    for name in SUBCOMMANDS {
        assert!(
            page.contains(&format!("hashiya\\-{name}(1)")),
            "{name} missing from hashiya(1)"
        );
    }
    assert!(page.contains("\\-\\-screenshot") && page.contains("Exit codes"));

    let dir = tempfile::tempdir().expect("temp dir");
    let output = hashiya(&[OsStr::new("man"), OsStr::new("--out-dir"), dir.path().as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    for name in SUBCOMMANDS {
        let title = format!(".TH hashiya-{name} 1");
        assert!(
            read(&format!("hashiya-{name}.1")).contains(&title),
            "no page for {name}"
        );
    }
    for (page, option) in [
        ("hashiya-export.1", "\\-\\-jsonl\\-flavor"),
        ("hashiya-import.1", "\\-\\-from"),
        ("hashiya-debug-rects.1", "\\-\\-font\\-size"),
    ] {
        assert!(read(page).contains(option), "{option} missing from {page}");
    }
}

fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn search_finds_spelling_variants_and_attached_prefixes_with_char_offsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    // «قاده» (final ه for ة) and «ولقادة» (and + for + leaders) hold the word; «قادتهم» and
    // the definite «وللقادة» do not.
    let text = "وأكد قادة الجيش. قاده الجيش. ولقادة رأي. وللقادة رأي. قادتهم هنا.";
    std::fs::write(&article, text).expect("writes");
    let output = hashiya(&[
        OsStr::new("search"),
        OsStr::new("--json"),
        OsStr::new("قادة"),
        article.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<String> = stdout(&output)
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
            let (start, end) = (
                record["start"].as_u64().expect("start"),
                record["end"].as_u64().expect("end"),
            );
            let covered: String = chars[start as usize..end as usize].iter().collect();
            assert_eq!(record["text"], covered.as_str(), "text is start..end in chars");
            covered
        })
        .collect();
    assert_eq!(found, ["قادة", "قاده", "ولقادة"], "{}", stdout(&output));

    let none = hashiya(&[OsStr::new("search"), OsStr::new("مفقود"), article.as_os_str()]);
    assert_eq!(none.status.code(), Some(1), "nothing found: exit 1");
    let bad = hashiya(&[
        OsStr::new("search"),
        OsStr::new("--regex"),
        OsStr::new("("),
        article.as_os_str(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(stderr(&bad).lines().count(), 1, "{}", stderr(&bad));
    let both = hashiya(&[
        OsStr::new("search"),
        OsStr::new("--regex"),
        OsStr::new("--exact"),
        OsStr::new("x"),
        article.as_os_str(),
    ]);
    assert_eq!(both.status.code(), Some(2), "--exact and --regex exclude each other");
}
