//! Git as the team's server: `hashiya merge-file` as the merge driver of `*.hashiya.ron` in a
//! real repository, with real `git merge`s of branches that annotated the sample.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hashiya::model::{Document, Link, LinkId, Span, SpanId};

const NAME: &str = "libya-army-leaders-meeting.ar";

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .unwrap_or_else(|e| panic!("runs {program}: {e}"))
}

fn git(args: &[&str], dir: &Path) -> Output {
    let output = run("git", args, dir);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn hashiya() -> &'static str {
    env!("CARGO_BIN_EXE_hashiya")
}

/// A repository holding the sample article and its annotation file, with the merge driver
/// configured when `driver` is set.
fn repository(driver: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("team");
    std::fs::create_dir(&repo).expect("creates the repository folder");
    git(&["init", "-q", "-b", "main"], &repo);
    git(&["config", "user.name", "Test"], &repo);
    git(&["config", "user.email", "test@example.org"], &repo);
    if driver {
        std::fs::write(repo.join(".gitattributes"), "*.hashiya.ron merge=hashiya\n").expect("writes");
        let command = format!("'{}' merge-file %O %A %B %P", hashiya());
        git(&["config", "merge.hashiya.driver", &command], &repo);
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for ext in ["txt", "hashiya.ron"] {
        let name = format!("{NAME}.{ext}");
        std::fs::copy(samples.join(&name), repo.join(&name)).expect("copies the sample");
    }
    git(&["add", "-A"], &repo);
    git(&["commit", "-q", "-m", "sample"], &repo);
    (dir, repo)
}

fn article(repo: &Path) -> PathBuf {
    repo.join(format!("{NAME}.txt"))
}

fn annotations(repo: &Path) -> PathBuf {
    repo.join(format!("{NAME}.hashiya.ron"))
}

fn load(repo: &Path) -> Document {
    hashiya::io::load_document(&article(repo))
        .expect("loads the sample")
        .document
}

/// Words of the article no span touches, as char ranges.
fn free_words(document: &Document) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in document.text().chars().chain(std::iter::once(' ')).enumerate() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= 4
                    && !document
                        .spans()
                        .iter()
                        .any(|span| span.char_start < i && s < span.char_end)
                {
                    words.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Saves the document with `change` applied to its spans and links, as an annotator's save
/// would: a new span takes the next id.
fn annotate(repo: &Path, change: impl FnOnce(&Document, &mut Vec<Span>, &mut Vec<Link>)) {
    let document = load(repo);
    let mut spans = document.spans().to_vec();
    let mut links = document.links().to_vec();
    change(&document, &mut spans, &mut links);
    let changed = Document::from_parts(
        document.text().to_owned(),
        document.schema().clone(),
        document.meta().clone(),
        spans,
        links,
    );
    hashiya::io::save_document(&changed, &annotations(repo)).expect("saves");
    std::fs::remove_file(annotations(repo).with_extension("ron.bak")).ok();
}

fn next_span_id(spans: &[Span]) -> SpanId {
    SpanId(spans.iter().map(|s| s.id.0).max().unwrap_or(0) + 1)
}

fn commit_on(repo: &Path, branch: &str, message: &str) {
    git(&["checkout", "-q", "-B", branch], repo);
    git(&["commit", "-q", "-am", message], repo);
}

/// Branch `sara` adds an actor on the first free word and links it as a party of the first
/// agreed action; `main` adds an actor on the second free word and deletes the last span.
/// Both new spans get the same id, as they would in two annotators' windows.
fn two_branches(repo: &Path) -> (Document, (usize, usize), (usize, usize)) {
    let base = load(repo);
    let words = free_words(&base);
    let (first, second) = (words[0], words[words.len() / 2]);
    git(&["checkout", "-q", "-b", "sara"], repo);
    annotate(repo, |document, spans, links| {
        let id = next_span_id(spans);
        spans.push(Span::new(id, "Actor", first.0, first.1));
        let action = document
            .spans()
            .iter()
            .find(|s| s.label == "Agreed action")
            .expect("an agreed action");
        let link_id = LinkId(links.iter().map(|l| l.id.0).max().unwrap_or(0) + 1);
        links.push(Link {
            id: link_id,
            kind: "party".into(),
            from: action.id,
            to: id,
        });
    });
    commit_on(repo, "sara", "sara: one more actor, a party");
    git(&["checkout", "-q", "main"], repo);
    annotate(repo, |_, spans, links| {
        let id = next_span_id(spans);
        spans.push(Span::new(id, "Actor", second.0, second.1));
        let last = spans.iter().filter(|s| s.id != id).map(|s| s.id).max().expect("spans");
        spans.retain(|s| s.id != last);
        links.retain(|l| l.from != last && l.to != last);
    });
    commit_on(repo, "main", "main: one more actor, one span less");
    (base, first, second)
}

fn validate(repo: &Path) -> Output {
    let file = annotations(repo);
    run(hashiya(), &["validate", file.to_str().expect("UTF-8 path")], repo)
}

#[test]
fn git_merge_of_two_annotated_branches_keeps_both_sides_work() {
    let (_dir, repo) = repository(true);
    let (base, first, second) = two_branches(&repo);
    let merge = run("git", &["merge", "-q", "--no-edit", "sara"], &repo);
    assert!(
        merge.status.success(),
        "the merge driver merges: {}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    let check = validate(&repo);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let merged = load(&repo);
    let has = |range: (usize, usize)| merged.spans().iter().any(|s| (s.char_start, s.char_end) == range);
    assert!(has(first) && has(second), "both new actors are in the merged file");
    assert_eq!(merged.spans().len(), base.spans().len() + 1, "two added, one deleted");
    let party = merged
        .spans()
        .iter()
        .find(|s| (s.char_start, s.char_end) == first)
        .expect("sara's actor");
    assert!(
        merged.links().iter().any(|l| l.kind == "party" && l.to == party.id),
        "sara's link follows her span to its new id"
    );
    assert!(merged.spans().iter().all(|s| !s.needs_review), "nothing conflicted");
}

#[test]
fn without_the_driver_the_same_merge_conflicts_or_breaks_the_file() {
    let (_dir, repo) = repository(false);
    two_branches(&repo);
    let merge = run("git", &["merge", "-q", "--no-edit", "sara"], &repo);
    let broken = !merge.status.success() || !validate(&repo).status.success();
    assert!(
        broken,
        "a line merge of the two branches should fail: the driver is what makes it work"
    );
}

#[test]
fn a_span_both_branches_changed_is_kept_in_both_versions_for_review() {
    let (_dir, repo) = repository(true);
    let actor = load(&repo)
        .spans()
        .iter()
        .find(|s| s.label == "Actor" && s.char_len() > 4)
        .cloned()
        .expect("an actor");
    git(&["checkout", "-q", "-b", "sara"], &repo);
    annotate(&repo, |_, spans, _| {
        let span = spans.iter_mut().find(|s| s.id == actor.id).expect("the actor");
        span.char_start += 1;
    });
    commit_on(&repo, "sara", "sara: the actor starts later");
    git(&["checkout", "-q", "main"], &repo);
    annotate(&repo, |_, spans, _| {
        let span = spans.iter_mut().find(|s| s.id == actor.id).expect("the actor");
        span.char_end -= 1;
    });
    commit_on(&repo, "main", "main: the actor ends sooner");
    let merge = run("git", &["merge", "--no-edit", "sara"], &repo);
    assert!(merge.status.success(), "{}", String::from_utf8_lossy(&merge.stderr));
    let told = format!(
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    assert!(told.contains("1 span changed on both branches"), "{told}");
    assert!(validate(&repo).status.success());
    let merged = load(&repo);
    let versions: Vec<(usize, usize, bool)> = merged
        .spans()
        .iter()
        .filter(|s| s.char_start.abs_diff(actor.char_start) <= 1 && s.char_end.abs_diff(actor.char_end) <= 1)
        .map(|s| (s.char_start, s.char_end, s.needs_review))
        .collect();
    assert_eq!(
        versions,
        [
            (actor.char_start, actor.char_end - 1, true),
            (actor.char_start + 1, actor.char_end, true)
        ]
    );
}

#[test]
fn two_annotators_in_their_own_files_merge_without_conflict_and_are_compared() {
    let (_dir, repo) = repository(true);
    let annotator_file = |who: &str| repo.join(format!("{NAME}.{who}.hashiya.ron"));
    for who in ["sara", "omar"] {
        git(&["checkout", "-q", "-B", who, "main"], &repo);
        let mut document = load(&repo);
        if who == "omar" {
            let first_actor = document.spans().iter().find(|s| s.label == "Actor").map(|s| s.id);
            let spans = document
                .spans()
                .iter()
                .filter(|s| Some(s.id) != first_actor)
                .cloned()
                .collect();
            let links = document
                .links()
                .iter()
                .filter(|l| Some(l.to) != first_actor)
                .cloned()
                .collect();
            document = Document::from_parts(
                document.text().to_owned(),
                document.schema().clone(),
                document.meta().clone(),
                spans,
                links,
            );
        }
        std::fs::write(annotator_file(who), hashiya::io::to_ron_string(&document)).expect("writes");
        git(&["add", "-A"], &repo);
        git(&["commit", "-q", "-m", who], &repo);
    }
    git(&["checkout", "-q", "sara"], &repo);
    git(&["merge", "-q", "--no-edit", "omar"], &repo);
    let agree = run(
        hashiya(),
        &[
            "agree",
            "--json",
            &format!("{NAME}.sara.hashiya.ron"),
            &format!("{NAME}.omar.hashiya.ron"),
        ],
        &repo,
    );
    assert!(agree.status.success(), "{}", String::from_utf8_lossy(&agree.stderr));
    let json: serde_json::Value = serde_json::from_slice(&agree.stdout).expect("JSON");
    let f1 = json["spans"]["exact"]["f1"].as_f64().expect("span F1");
    assert!(f1 < 1.0 && f1 > 0.9, "one actor apart: {f1}");
}
