//! `hashiya entities` on a dataset of two copies of the sample whose Actors are grouped into
//! entities, with the registry in a folder above the articles: the mention counts follow from
//! the annotation files, `--merge` repoints every mention and leaves a registry and files that
//! agree, and a refused merge writes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hashiya::io::entities::{ENTITIES_FILE, load_registry, save_registry};
use hashiya::model::{Document, EntityId};

fn hashiya(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs hashiya")
}

fn eid(n: u32) -> EntityId {
    EntityId::new(n).expect("not 0")
}

/// `root/entities.hashiya.ron` and `root/2024/{a,b}.txt` with their annotation files: `a` is
/// the sample with every entity, `b` keeps the entities of the first half of its spans only.
fn dataset(root: &Path) -> Vec<Document> {
    let (registry, with) = common::with_sample_entities(&common::golden_document());
    save_registry(&registry, &root.join(ENTITIES_FILE)).expect("registry");
    let folder = root.join("2024");
    std::fs::create_dir_all(&folder).expect("folder");
    let half = with.spans().len() / 2;
    let b_spans = with
        .spans()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut span = s.clone();
            if i >= half {
                span.entity = None;
            }
            span
        })
        .collect();
    let b = Document::from_parts(
        with.text().to_owned(),
        with.schema().clone(),
        with.meta().clone(),
        b_spans,
        with.links().to_vec(),
    );
    let mut documents = Vec::new();
    for (name, document) in [("a", with), ("b", b)] {
        let meta = hashiya::model::DocumentMeta {
            source_name: format!("{name}.txt"),
            ..document.meta().clone()
        };
        let document = Document::from_parts(
            document.text().to_owned(),
            document.schema().clone(),
            meta,
            document.spans().to_vec(),
            document.links().to_vec(),
        );
        std::fs::write(folder.join(format!("{name}.txt")), document.text()).expect("article");
        std::fs::write(
            folder.join(format!("{name}.hashiya.ron")),
            hashiya::io::to_ron_string(&document),
        )
        .expect("annotations");
        documents.push(document);
    }
    documents
}

/// Mentions per entity and document (`a`, `b`), counted from the documents.
fn expected_counts(documents: &[Document]) -> BTreeMap<String, BTreeMap<String, usize>> {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (name, document) in ["a", "b"].iter().zip(documents) {
        for entity in document.spans().iter().filter_map(|s| s.entity) {
            *counts
                .entry(entity.to_string())
                .or_default()
                .entry((*name).to_owned())
                .or_default() += 1;
        }
    }
    counts
}

fn json_counts(stdout: &[u8]) -> (serde_json::Value, BTreeMap<String, BTreeMap<String, usize>>) {
    let value: serde_json::Value = serde_json::from_slice(stdout).expect("one JSON object");
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for entity in value["entities"].as_array().expect("entities") {
        let id = entity["id"].as_str().expect("id").to_owned();
        let mut total = 0;
        for document in entity["documents"].as_array().expect("documents") {
            let n = usize::try_from(document["mentions"].as_u64().expect("count")).expect("fits");
            total += n;
            counts
                .entry(id.clone())
                .or_default()
                .insert(document["document"].as_str().expect("name").to_owned(), n);
        }
        assert_eq!(entity["mentions"].as_u64(), Some(total as u64), "{entity}");
    }
    (value, counts)
}

fn annotation_files(root: &Path) -> Vec<PathBuf> {
    ["a", "b"]
        .map(|n| root.join("2024").join(format!("{n}.hashiya.ron")))
        .to_vec()
}

#[test]
fn lists_every_entity_with_its_mentions_per_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = dataset(dir.path());
    let expected = expected_counts(&documents);
    assert!(
        expected.len() >= 5 && expected.values().any(|d| d.len() == 2),
        "{expected:?}"
    );
    let output = hashiya(&["entities", "--json", "2024"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (value, counts) = json_counts(&output.stdout);
    assert_eq!(counts, expected);
    assert_eq!(value["documents"], serde_json::json!(["a", "b"]));
    let unassigned = documents
        .iter()
        .flat_map(Document::spans)
        .filter(|s| s.label == "Actor" && s.entity.is_none())
        .count();
    assert_eq!(value["unassigned"].as_u64(), Some(unassigned as u64));
    let registry = load_registry(&dir.path().join(ENTITIES_FILE)).expect("registry");
    assert_eq!(value["entities"].as_array().map(Vec::len), Some(registry.len()));
    let first = &value["entities"][0];
    assert_eq!(
        (
            &first["id"],
            &first["name"],
            &first["type"],
            &first["country"],
            &first["role"]
        ),
        (
            &serde_json::json!("E1"),
            &serde_json::json!(common::SAMPLE_ENTITIES[0].0),
            &serde_json::json!("person"),
            &serde_json::json!("LBY"),
            &serde_json::json!("MIL")
        )
    );
    // The table: one line per entity with its codes and counts, and a summary.
    let output = hashiya(&["entities", "2024/a.hashiya.ron", "2024/b.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    let e1 = &expected["E1"];
    let line = format!(
        "E1\t{}\tperson\tLBY MIL\t{} mentions: a {}, b {}\n",
        common::SAMPLE_ENTITIES[0].0,
        e1.values().sum::<usize>(),
        e1["a"],
        e1["b"]
    );
    assert!(table.contains(&line), "{line}\n{table}");
    assert!(
        table.ends_with(&format!(
            "{} entities, {} mentions in 2 documents; {unassigned} mentions without an entity\n",
            registry.len(),
            expected.values().flat_map(BTreeMap::values).sum::<usize>()
        )),
        "{table}"
    );
}

#[test]
fn a_mention_of_an_entity_the_registry_lacks_is_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    dataset(dir.path());
    let path = dir.path().join("2024/b.hashiya.ron");
    let ron = std::fs::read_to_string(&path).expect("reads");
    let edited = ron.replacen("entity: Some(\"E1\")", "entity: Some(\"E99\")", 1);
    assert_ne!(edited, ron);
    std::fs::write(&path, edited).expect("writes");
    let output = hashiya(&["entities", "2024"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("b: span T") && stderr.contains("names entity E99"),
        "{stderr}"
    );
}

#[test]
fn merge_repoints_every_mention_and_drops_the_merged_entity() {
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = dataset(dir.path());
    let before = expected_counts(&documents);
    let registry_path = dir.path().join(ENTITIES_FILE);
    let registry = load_registry(&registry_path).expect("registry");
    let (kept, gone) = (eid(5), eid(4));
    let gone_name = registry.get(gone).expect("E4").name.clone();
    // A second annotator's file of article a is repointed too.
    let sara = dir.path().join("2024/a.sara.hashiya.ron");
    std::fs::copy(dir.path().join("2024/a.hashiya.ron"), &sara).expect("copies");
    let output = hashiya(&["entities", "--merge", "E5", "E4", "2024"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let moved: usize = before["E4"].values().sum();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with(&format!(
            "merged E4 into E5: {} mentions repointed in 3 files;",
            moved + before["E4"]["a"]
        )),
        "{stdout}"
    );
    let merged = load_registry(&registry_path).expect("registry still reads");
    assert!(merged.get(gone).is_none());
    assert!(merged.get(kept).expect("E5").aliases.contains(&gone_name));
    assert_eq!(merged.len(), registry.len() - 1);
    assert!(dir.path().join(format!("{ENTITIES_FILE}.bak")).exists());
    // Every file opens, and the counts moved from E4 to E5 and nowhere else.
    let output = hashiya(&["entities", "--json", "2024"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let (_, after) = json_counts(&output.stdout);
    // Sara's file is a copy of a's: counted under its own name, `a.sara`.
    let mut expected = before.clone();
    for documents in expected.values_mut() {
        if let Some(&n) = documents.get("a") {
            documents.insert("a.sara".into(), n);
        }
    }
    let gone_counts = expected.remove("E4").expect("E4 had mentions");
    for (document, n) in gone_counts {
        *expected.entry("E5".into()).or_default().entry(document).or_default() += n;
    }
    assert_eq!(after, expected);
    for path in annotation_files(dir.path()).into_iter().chain([sara]) {
        let text = std::fs::read_to_string(&path).expect("reads");
        assert!(!text.contains("\"E4\""), "{}", path.display());
        assert!(text.starts_with("// Hashiya annotations (format_version 3)."));
    }
    // The merged-away id is never given again.
    let mut next = merged.clone();
    let new = next.add("جديد", hashiya::model::EntityKind::Group).expect("added");
    assert!(new > eid(6), "{new}");
}

#[test]
fn a_refused_merge_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    dataset(dir.path());
    let mut files = annotation_files(dir.path());
    files.push(dir.path().join(ENTITIES_FILE));
    let snapshot =
        |files: &[PathBuf]| -> Vec<Vec<u8>> { files.iter().map(|f| std::fs::read(f).expect("reads")).collect() };
    let before = snapshot(&files);
    for (args, code) in [
        (&["entities", "--merge", "E5", "E77", "2024"][..], 2),
        (&["entities", "--merge", "E5", "E5", "2024"], 2),
        (&["entities", "--merge", "E5", "X4", "2024"], 2),
        (&["entities", "--merge", "E5", "2024"], 2),
        (&["entities", "--merge", "E5", "E4", "2024", "missing.txt"], 2),
    ] {
        let output = hashiya(args, dir.path());
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        assert_eq!(snapshot(&files), before, "{args:?} wrote something");
    }
    // A file that does not read stops the merge before anything is written.
    let broken = dir.path().join("2024/b.omar.hashiya.ron");
    std::fs::write(&broken, "(format_version: 3, spans: [").expect("writes");
    let output = hashiya(&["entities", "--merge", "E5", "E4", "2024"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("b.omar.hashiya.ron"));
    assert_eq!(
        snapshot(&files),
        before,
        "a merge with an unreadable file wrote something"
    );
    std::fs::remove_file(&broken).expect("removes");
    // Without a registry above the inputs nothing can be merged.
    std::fs::remove_file(dir.path().join(ENTITIES_FILE)).expect("removes");
    let output = hashiya(&["entities", "--merge", "E5", "E4", "2024"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(ENTITIES_FILE));
}

/// `hashiya export` finds the registry above the inputs: the JSONL and the events carry the
/// entities' names and codes; a registry that does not read stops the export (and only it).
#[test]
fn exports_read_the_registry_above_the_inputs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = dataset(dir.path());
    let registry = load_registry(&dir.path().join(ENTITIES_FILE)).expect("registry");
    let output = hashiya(&["export", "--to", "events", "2024"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let mut named = 0;
    for line in text.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let document = &documents[usize::from(record["document"] == "b")];
        for mention in record["parties"]
            .as_array()
            .expect("parties")
            .iter()
            .chain([&record["speaker"]])
        {
            let Some(span) = mention["span"].as_u64() else {
                continue;
            };
            let entity = document.span(hashiya::model::SpanId(span)).and_then(|s| s.entity);
            let name = entity.and_then(|id| registry.get(id)).map(|e| e.name.as_str());
            assert_eq!(mention["entity"]["name"].as_str(), name, "{mention}");
            named += usize::from(name.is_some());
        }
    }
    assert!(named > 0);
    let output = hashiya(&["export", "--to", "jsonl", "2024/a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        record["entities"][0]["name"].as_str(),
        Some(common::SAMPLE_ENTITIES[0].0)
    );
    std::fs::write(
        dir.path().join(ENTITIES_FILE),
        "(format_version: 1, entities: [(id: \"E1\")])",
    )
    .expect("breaks");
    let output = hashiya(&["export", "--to", "events", "2024"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains(ENTITIES_FILE));
    // What does not use entities does not stop on the registry.
    let output = hashiya(&["stats", "2024"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `hashiya validate` and `hashiya fmt` take the registry too (a `*.hashiya.ron` glob names
/// it): checked and rewritten as a registry, not as an annotation file.
#[test]
fn validate_and_fmt_know_the_registry() {
    let dir = tempfile::tempdir().expect("temp dir");
    dataset(dir.path());
    let output = hashiya(&["validate", ENTITIES_FILE, "2024/a.hashiya.ron"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with(&format!("valid (entity registry, 6 entities): {ENTITIES_FILE}\n")),
        "{stdout}"
    );
    let path = dir.path().join(ENTITIES_FILE);
    let canonical = std::fs::read_to_string(&path).expect("reads");
    let hand = canonical
        .replace("(id: \"E2\"", "(\n            id: \"E2\"")
        .replace("type: Person", "type:Person");
    std::fs::write(&path, &hand).expect("writes");
    let output = hashiya(&["fmt", ENTITIES_FILE], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), canonical);
    std::fs::write(
        &path,
        canonical.replace("country: Some(\"LBY\")", "country: Some(\"Libya\")"),
    )
    .expect("writes");
    let output = hashiya(&["validate", ENTITIES_FILE], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("ISO 3166-1 alpha-3"));
}

/// A registry built from the command line: `--add` adds to the registry above the inputs,
/// or creates one beside them, under the next id; bad codes and bad usage change nothing.
#[test]
fn add_builds_the_registry() {
    let dir = tempfile::tempdir().expect("temp dir");
    dataset(dir.path());
    let registry_path = dir.path().join(ENTITIES_FILE);
    // Under the dataset's registry, --add adds to it, after the last id.
    let output = hashiya(
        &["entities", "--add", "حرس الحدود", "--type", "organisation", "2024"],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("E7: "));
    assert_eq!(load_registry(&registry_path).expect("reads").len(), 7);
    // A folder with no registry above it: --add creates one there.
    let other = tempfile::tempdir().expect("temp dir");
    let fresh = other.path().join("fresh");
    std::fs::create_dir_all(&fresh).expect("folder");
    let output = hashiya(
        &[
            "entities",
            "--add",
            "خليفة حفتر",
            "--type",
            "person",
            "--country",
            "LBY",
            "--role",
            "MIL",
            "--alias",
            "حفتر",
            "--alias",
            "المشير",
            "fresh",
        ],
        other.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("E1: "));
    let created = load_registry(&fresh.join(ENTITIES_FILE)).expect("created");
    let haftar = created.get(eid(1)).expect("E1");
    assert_eq!(
        (
            haftar.name.as_str(),
            haftar.country.as_deref(),
            haftar.role.as_deref(),
            haftar.aliases.len()
        ),
        ("خليفة حفتر", Some("LBY"), Some("MIL"), 2)
    );
    let output = hashiya(
        &[
            "entities",
            "--add",
            "الجيش الوطني الليبي",
            "--type",
            "organisation",
            "fresh",
        ],
        other.path(),
    );
    assert!(
        String::from_utf8_lossy(&output.stdout).starts_with("E2: "),
        "{output:?}"
    );
    // --registry names a new file: the registry starts there.
    let named = other.path().join("team-entities.ron");
    let output = hashiya(
        &[
            "entities",
            "--add",
            "x",
            "--type",
            "group",
            "--registry",
            "team-entities.ron",
            "fresh",
        ],
        other.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(load_registry(&named).expect("created").len(), 1);
}

/// `--rename` keeps the id, so every mention follows into the exports, and the old name as
/// an alias.
#[test]
fn rename_keeps_the_id_so_every_mention_follows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = dataset(dir.path());
    let registry_path = dir.path().join(ENTITIES_FILE);
    let output = hashiya(
        &["entities", "--rename", "E1", "الفريق محمد الحداد", "2024"],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let renamed = load_registry(&registry_path).expect("reads");
    let e1 = renamed.get(eid(1)).expect("E1");
    assert_eq!(e1.name, "الفريق محمد الحداد");
    assert!(e1.aliases.iter().any(|a| a == common::SAMPLE_ENTITIES[0].0));
    let output = hashiya(&["export", "--to", "jsonl", "2024/a.txt"], dir.path());
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let e1_out = record["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["id"] == "E1")
        .expect("E1 mentioned");
    assert_eq!(e1_out["name"], "الفريق محمد الحداد");
    let mentions = documents[0].spans().iter().filter(|s| s.entity == Some(eid(1))).count();
    assert_eq!(e1_out["mentions"].as_array().map(Vec::len), Some(mentions));
}

/// Bad codes and bad usage of `--add` and `--rename` change nothing.
#[test]
fn refused_adds_and_renames_write_nothing() {
    let other = tempfile::tempdir().expect("temp dir");
    let fresh = other.path().join("fresh");
    std::fs::create_dir_all(&fresh).expect("folder");
    let output = hashiya(
        &["entities", "--add", "الجيش", "--type", "organisation", "fresh"],
        other.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let output = hashiya(
        &["entities", "--add", "الحداد", "--type", "person", "fresh"],
        other.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let before = std::fs::read(fresh.join(ENTITIES_FILE)).expect("reads");
    for args in [
        &[
            "entities",
            "--add",
            "x",
            "--type",
            "person",
            "--country",
            "Libya",
            "fresh",
        ][..],
        &["entities", "--add", "x", "fresh"],
        &["entities", "--add", "x", "--type", "tribe", "fresh"],
        &["entities", "--type", "person", "fresh"],
        &["entities", "--rename", "E9", "x", "fresh"],
        &["entities", "--rename", "E1", " ", "fresh"],
        &["entities", "--add", "x", "--type", "person", "missing"],
        &["entities", "--rename", "E1", "x", "--merge", "E1", "E2", "fresh"],
    ] {
        let output = hashiya(args, other.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            std::fs::read(fresh.join(ENTITIES_FILE)).expect("reads"),
            before,
            "{args:?}"
        );
    }
}

/// `hashiya merge-file`, git's driver for `*.hashiya.ron`, merges the registry entity by
/// entity, and refuses (exit 1, our version kept) one id given to two actors.
#[test]
fn merge_file_merges_the_registry() {
    use hashiya::io::entities::registry_to_string;
    let dir = tempfile::tempdir().expect("temp dir");
    dataset(dir.path());
    let base = load_registry(&dir.path().join(ENTITIES_FILE)).expect("registry");
    let mut ours = base.clone();
    ours.add("حرس الحدود", hashiya::model::EntityKind::Organisation)
        .expect("E7");
    let mut theirs = base.clone();
    theirs.rename(eid(1), "الفريق محمد الحداد").expect("renamed");
    for (name, registry) in [("base.ron", &base), ("ours.ron", &ours), ("theirs.ron", &theirs)] {
        std::fs::write(dir.path().join(name), registry_to_string(registry)).expect("writes");
    }
    let output = hashiya(
        &["merge-file", "base.ron", "ours.ron", "theirs.ron", ENTITIES_FILE],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let merged = load_registry(&dir.path().join("ours.ron")).expect("merged registry");
    assert_eq!(merged.len(), base.len() + 1);
    assert_eq!(merged.get(eid(1)).map(|e| e.name.as_str()), Some("الفريق محمد الحداد"));
    // Both branches gave E8 to a different actor: not merged, ours left as it was.
    let mut ours_again = merged.clone();
    ours_again
        .add("الأمم المتحدة", hashiya::model::EntityKind::Organisation)
        .expect("E8");
    let mut theirs_again = merged.clone();
    theirs_again
        .add("البعثة", hashiya::model::EntityKind::Organisation)
        .expect("E8");
    for (name, registry) in [
        ("base.ron", &merged),
        ("ours.ron", &ours_again),
        ("theirs.ron", &theirs_again),
    ] {
        std::fs::write(dir.path().join(name), registry_to_string(registry)).expect("writes");
    }
    let output = hashiya(
        &["merge-file", "base.ron", "ours.ron", "theirs.ron", ENTITIES_FILE],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("E8 was given to two different entities"));
    assert_eq!(load_registry(&dir.path().join("ours.ron")).expect("ours"), ours_again);
}
