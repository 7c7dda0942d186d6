//! `hashiya debug layout|rects|hit`: the stable JSON format (field names and order) and the
//! exit codes; the window's command line refuses a missing article before opening any window.

use std::process::Command;

const SAMPLE: &str = "assets/samples/libya-army-leaders-meeting.ar.txt";

fn hashiya(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(line: &str) -> serde_json::Value {
    serde_json::from_str(line).unwrap_or_else(|error| panic!("{error}: {line}"))
}

#[test]
fn layout_prints_one_object_per_line_top_to_bottom() {
    let (code, stdout, stderr) = hashiya(&["debug", "layout", SAMPLE]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<serde_json::Value> = stdout.lines().map(json).collect();
    assert_eq!(lines.len(), 36, "default width 600, font size 20");
    let first = &lines[0];
    assert!(
        stdout.starts_with("{\"line\":0,\"start\":0,\"end\":"),
        "the documented field order"
    );
    assert_eq!(first["runs"][0]["rtl"], true);
    assert_eq!(first["runs"][0]["x1"], 600.0);
    let mut previous_end = 0;
    for (number, line) in lines.iter().enumerate() {
        assert_eq!(line["line"], number);
        assert_eq!(line["start"], previous_end);
        previous_end = line["end"].as_u64().expect("end");
        assert!(line["y0"].as_f64() < line["y1"].as_f64());
    }
    let (_, narrow, _) = hashiya(&["debug", "layout", "--width", "300", "--font-size", "16", SAMPLE]);
    assert!(narrow.lines().count() > 36);
    let (_, ltr, _) = hashiya(&["debug", "layout", "--direction", "ltr", SAMPLE]);
    assert_eq!(json(ltr.lines().next().expect("a line"))["runs"][0]["x0"], 0.0);
}

#[test]
fn rects_and_hit_agree() {
    let (code, stdout, stderr) = hashiya(&["debug", "rects", "--width", "600", SAMPLE, "793", "798"]);
    assert_eq!(code, 0, "{stderr}");
    let rects = json(stdout.trim());
    let rect = &rects["rects"][0];
    assert_eq!(rect["line"], 11);
    let coordinate = |name: &str| rect[name].as_f64().expect("a number");
    let x = f64::midpoint(coordinate("x0"), coordinate("x1"));
    let y = f64::midpoint(coordinate("y0"), coordinate("y1"));
    let (code, stdout, _) = hashiya(&["debug", "hit", "--width", "600", SAMPLE, &x.to_string(), &y.to_string()]);
    assert_eq!(code, 0);
    let offset = json(stdout.trim())["offset"].as_u64().expect("offset");
    assert!((793..798).contains(&offset), "{offset}");
}

#[test]
fn bad_arguments_and_files_exit_2_with_one_line() {
    for args in [
        &["debug"][..],
        &["debug", "paint", SAMPLE],
        &["debug", "layout"],
        &["debug", "layout", "--width", "wide", SAMPLE],
        &["debug", "layout", "--width", "0", SAMPLE],
        &["debug", "layout", "--direction", "up", SAMPLE],
        &["debug", "layout", "--nope", SAMPLE],
        &["debug", "rects", SAMPLE, "1"],
        &["debug", "rects", SAMPLE, "a", "b"],
        &["debug", "hit", SAMPLE, "1", "y"],
        &["debug", "hit", SAMPLE, "nan", "nan"],
        &["debug", "hit", SAMPLE, "10", "inf"],
        &["debug", "hit", SAMPLE, "NaN", "10"],
        &["debug", "layout", "/nonexistent/article.txt"],
        &["debug", "layout", "tests/data"],
    ] {
        let (code, stdout, stderr) = hashiya(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}");
    }
}

#[test]
fn the_window_refuses_a_missing_article_on_stderr() {
    for args in [&["/nonexistent/article.txt"][..], &["a.txt", "b.txt"], &["--nope"]] {
        let (code, stdout, stderr) = hashiya(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}
