//! `hashiya entities INPUT...`: the actor entities of a dataset (its `entities.hashiya.ron`)
//! with how often each document mentions them, as a table or as JSON (`--json`); `--merge
//! KEPT GONE` merges two entities and repoints every mention in the inputs' annotation files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::cli::args::EntitiesArgs;
use crate::cli::output::Output;
use crate::io::entities::{ENTITIES_FILE, Repointed, find_registry, load_registry, repoint_entity, save_registry};
use crate::model::{Document, EntityId, EntityRegistry};

/// The annotation files of the inputs: every article's `NAME.hashiya.ron` and annotators'
/// `NAME.ANNOTATOR.hashiya.ron`, and annotation files named as inputs.
#[derive(Default)]
struct Files {
    paths: Vec<PathBuf>,
    /// Inputs that are not there or cannot be listed.
    errors: Vec<String>,
}

impl Files {
    fn of(inputs: &[PathBuf]) -> Self {
        let mut files = Self::default();
        let mut articles = Vec::new();
        let mut named = std::collections::BTreeSet::new();
        for input in inputs {
            if input.is_dir() {
                match crate::io::folder::list_folder(input) {
                    Ok(entries) => articles.extend(entries.into_iter().map(|e| e.article)),
                    Err(error) => files.errors.push(error.to_string()),
                }
            } else if std::fs::symlink_metadata(input).is_err() {
                files
                    .errors
                    .push(format!("no such file or folder: {}", input.display()));
            } else if input.file_name().is_some_and(|n| n == ENTITIES_FILE) {
                // The registry itself, named by a `*.hashiya.ron` glob: not an annotation file.
            } else if crate::io::article_path_for(input).is_some() {
                named.insert(input.clone());
            } else {
                articles.push(input.clone());
            }
        }
        named.extend(annotation_files(&articles));
        files.paths = named.into_iter().collect();
        files
    }
}

/// The name a file's counts go under: the file name without `.hashiya.ron` (`news-7`,
/// `news-7.sara`).
fn file_key(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.strip_suffix(crate::io::ANNOTATION_SUFFIX)
        .unwrap_or(&name)
        .to_owned()
}

/// Runs `hashiya entities …`; returns the exit code: 0 listed (or merged), 1 when a mention
/// names an entity the registry does not have, 2 for an unreadable input or registry, or a
/// merge that could not be done.
#[must_use]
pub fn run(args: &EntitiesArgs) -> i32 {
    let registry_path = match registry_path(args) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("hashiya entities: {message}");
            return 2;
        }
    };
    let registry = match &registry_path {
        // `--add` with `--registry NEW`: the registry starts there.
        Some(path) if args.add.is_some() && std::fs::symlink_metadata(path).is_err() => EntityRegistry::default(),
        Some(path) => match load_registry(path) {
            Ok(registry) => registry,
            Err(error) => {
                eprintln!("hashiya entities: {error}");
                return 2;
            }
        },
        None => EntityRegistry::default(),
    };
    if args.add.is_some() || args.rename.is_some() {
        // The inputs only say where the registry is: one that is not there says nothing.
        if let Some(missing) = args
            .inputs
            .iter()
            .find(|input| std::fs::symlink_metadata(input).is_err())
        {
            eprintln!("hashiya entities: no such file or folder: {}", missing.display());
            return 2;
        }
    }
    if let Some(name) = &args.add {
        return add(registry, registry_path, args, name);
    }
    if let Some([id, name]) = args.rename.as_deref() {
        return rename(registry, registry_path.as_deref(), id, name);
    }
    let files = Files::of(&args.inputs);
    match args.merge.as_deref() {
        Some(&[kept, gone]) => merge(registry, registry_path.as_deref(), &files, kept, gone, args.json),
        Some(_) => {
            eprintln!("hashiya entities: --merge takes two entity ids");
            2
        }
        None => list(&registry, registry_path.as_deref(), &files, args.json),
    }
}

/// `--add NAME --type TYPE …`: a new entity under the next id, in the registry (created in
/// the first input's folder when there is none).
fn add(mut registry: EntityRegistry, registry_path: Option<PathBuf>, args: &EntitiesArgs, name: &str) -> i32 {
    let Some(path) = registry_path.or_else(|| {
        let first = args.inputs.first()?;
        let folder = if first.is_dir() {
            first.as_path()
        } else {
            first.parent()?
        };
        Some(folder.join(ENTITIES_FILE))
    }) else {
        eprintln!("hashiya entities: --add: no folder to create {ENTITIES_FILE} in");
        return 2;
    };
    let Some(kind) = args.kind else {
        eprintln!("hashiya entities: --add needs --type");
        return 2;
    };
    let id = match registry.add(name.trim(), kind) {
        Ok(id) => id,
        Err(error) => {
            eprintln!("hashiya entities: --add: {error}");
            return 2;
        }
    };
    if let Some(entity) = registry.get_mut(id) {
        entity.country.clone_from(&args.country);
        entity.role.clone_from(&args.role);
        entity.wikidata.clone_from(&args.wikidata);
        entity.aliases = args
            .alias
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        let problems = entity.problems();
        if !problems.is_empty() {
            for problem in problems {
                eprintln!("hashiya entities: --add: {problem}");
            }
            return 2;
        }
    }
    save_and_say(&registry, &path, &id.to_string())
}

/// `--rename ID NAME`.
fn rename(mut registry: EntityRegistry, registry_path: Option<&Path>, id: &str, name: &str) -> i32 {
    let Some(path) = registry_path else {
        eprintln!("hashiya entities: --rename: no {ENTITIES_FILE} in the inputs' folders or above them");
        return 2;
    };
    let outcome = id.parse::<EntityId>().map_err(|e| e.to_string()).and_then(|id| {
        if name.trim().is_empty() {
            return Err("the new name is empty".to_owned());
        }
        registry.rename(id, name.trim()).map_err(|e| e.to_string()).map(|()| id)
    });
    match outcome {
        Ok(id) => save_and_say(&registry, path, &format!("renamed {id}")),
        Err(message) => {
            eprintln!("hashiya entities: --rename: {message}");
            2
        }
    }
}

/// Saves the registry and prints `what` and where.
fn save_and_say(registry: &EntityRegistry, path: &Path, what: &str) -> i32 {
    if let Err(error) = save_registry(registry, path) {
        eprintln!("hashiya entities: {error}");
        return 2;
    }
    let mut out = Output::stdout("entities");
    out.line(format_args!("{what}: {}", path.display()));
    out.finish(0)
}

/// The registry named with `--registry`, or the one the inputs share (none when no input has
/// one above it); an error when the inputs belong to different registries.
fn registry_path(args: &EntitiesArgs) -> Result<Option<PathBuf>, String> {
    if let Some(path) = &args.registry {
        return Ok(Some(path.clone()));
    }
    let mut found: Vec<PathBuf> = args.inputs.iter().filter_map(|input| find_registry(input)).collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        several => Err(format!(
            "the inputs belong to different registries ({}); name one with --registry",
            several
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// A mention of an id the registry does not have.
struct Unknown {
    document: String,
    span: String,
    entity: EntityId,
}

/// Mentions per entity and document, read from the loaded documents.
#[derive(Default)]
struct Counts {
    /// Entity → document id → mentions.
    by_entity: BTreeMap<EntityId, BTreeMap<String, usize>>,
    unknown: Vec<Unknown>,
    /// Spans with no entity, of the labels that other spans give entities to.
    unassigned: usize,
}

fn count(registry: &EntityRegistry, documents: &[(String, Document)]) -> Counts {
    let mut counts = Counts::default();
    let mention_labels: std::collections::HashSet<&str> = documents
        .iter()
        .flat_map(|(_, document)| document.spans())
        .filter(|s| s.entity.is_some())
        .map(|s| s.label.as_str())
        .collect();
    for (key, document) in documents {
        for span in document.spans() {
            match span.entity {
                Some(entity) if registry.get(entity).is_some() => {
                    *counts
                        .by_entity
                        .entry(entity)
                        .or_default()
                        .entry(key.clone())
                        .or_default() += 1;
                }
                Some(entity) => counts.unknown.push(Unknown {
                    document: key.clone(),
                    span: span.id.to_string(),
                    entity,
                }),
                None if mention_labels.contains(span.label.as_str()) => counts.unassigned += 1,
                None => {}
            }
        }
    }
    counts
}

fn list(registry: &EntityRegistry, registry_path: Option<&Path>, files: &Files, json: bool) -> i32 {
    let mut unreadable = !files.errors.is_empty();
    for error in &files.errors {
        eprintln!("hashiya entities: {error}");
    }
    let mut documents = Vec::with_capacity(files.paths.len());
    for path in &files.paths {
        match crate::io::load_annotator_file(path) {
            Ok(file) => documents.push((file_key(path), file.document)),
            Err(error) => {
                eprintln!("hashiya entities: {error}");
                unreadable = true;
            }
        }
    }
    if registry_path.is_none() {
        eprintln!("hashiya entities: warning: no {ENTITIES_FILE} in the inputs' folders or above them");
    }
    let counts = count(registry, &documents);
    for unknown in &counts.unknown {
        eprintln!(
            "hashiya entities: {}: span {} names entity {}, which the registry does not have",
            unknown.document, unknown.span, unknown.entity
        );
    }
    let keys: Vec<&str> = documents.iter().map(|(key, _)| key.as_str()).collect();
    let mut out = Output::stdout("entities");
    out.print(&if json {
        list_json(registry, registry_path, &keys, &counts)
    } else {
        list_table(registry, keys.len(), &counts)
    });
    let code = if unreadable {
        2
    } else {
        i32::from(!counts.unknown.is_empty())
    };
    out.finish(code)
}

fn list_json(registry: &EntityRegistry, registry_path: Option<&Path>, documents: &[&str], counts: &Counts) -> String {
    let entities: Vec<serde_json::Value> = registry
        .iter()
        .map(|entity| {
            let documents = counts.by_entity.get(&entity.id);
            let per_document: Vec<serde_json::Value> = documents
                .into_iter()
                .flatten()
                .map(|(document, mentions)| serde_json::json!({ "document": document, "mentions": mentions }))
                .collect();
            serde_json::json!({
                "id": entity.id.to_string(),
                "name": entity.name,
                "type": entity.kind.name(),
                "country": entity.country,
                "role": entity.role,
                "wikidata": entity.wikidata,
                "aliases": entity.aliases,
                "mentions": documents.map_or(0, |d| d.values().sum::<usize>()),
                "documents": per_document,
            })
        })
        .collect();
    let unknown: Vec<serde_json::Value> = counts
        .unknown
        .iter()
        .map(|u| serde_json::json!({ "document": u.document, "span": u.span, "entity": u.entity.to_string() }))
        .collect();
    let record = serde_json::json!({
        "registry": registry_path.map(|p| p.display().to_string()),
        "documents": documents,
        "entities": entities,
        "unknown": unknown,
        "unassigned": counts.unassigned,
    });
    format!("{record}\n")
}

fn list_table(registry: &EntityRegistry, documents: usize, counts: &Counts) -> String {
    use crate::text::plural::counted;
    let mut text = String::new();
    let mut total = 0;
    for entity in registry.iter() {
        let codes: Vec<&str> = [&entity.country, &entity.role, &entity.wikidata]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let documents = counts.by_entity.get(&entity.id);
        let mentions: usize = documents.map_or(0, |d| d.values().sum());
        total += mentions;
        let per_document: Vec<String> = documents
            .into_iter()
            .flatten()
            .map(|(document, n)| format!("{document} {n}"))
            .collect();
        // Writing into a String cannot fail.
        let _ = write!(
            text,
            "{}\t{}\t{}\t{}\t{}",
            entity.id,
            entity.name,
            entity.kind.name(),
            if codes.is_empty() {
                "-".to_owned()
            } else {
                codes.join(" ")
            },
            counted(mentions, "mention", "mentions")
        );
        if !per_document.is_empty() {
            let _ = write!(text, ": {}", per_document.join(", "));
        }
        text.push('\n');
    }
    let _ = writeln!(
        text,
        "{}, {} in {}; {} without an entity",
        counted(registry.len(), "entity", "entities"),
        counted(total, "mention", "mentions"),
        counted(documents, "document", "documents"),
        counted(counts.unassigned, "mention", "mentions"),
    );
    text
}

/// Merges `gone` into `kept`: every annotation file of the inputs (annotators' files
/// `NAME.ANNOTATOR.hashiya.ron` included) is read and repointed first, and nothing is written
/// unless all of them read; then each is written atomically, and last the registry loses
/// `gone`. Stopped half way, the registry still has both entities, so every file stays valid;
/// running the merge again finishes it.
fn merge(
    mut registry: EntityRegistry,
    registry_path: Option<&Path>,
    files: &Files,
    kept: EntityId,
    gone: EntityId,
    json: bool,
) -> i32 {
    let Some(registry_path) = registry_path else {
        eprintln!(
            "hashiya entities: --merge: no {ENTITIES_FILE} in the inputs' folders or above them (name it with --registry)"
        );
        return 2;
    };
    if let Err(error) = registry.clone().merge(kept, gone) {
        eprintln!("hashiya entities: --merge: {error} in {}", registry_path.display());
        return 2;
    }
    if !files.errors.is_empty() {
        // A file left out would keep naming an entity that no longer exists.
        for error in &files.errors {
            eprintln!("hashiya entities: {error}");
        }
        eprintln!("hashiya entities: nothing merged");
        return 2;
    }
    let mut repointed: Vec<Repointed> = Vec::new();
    let mut unreadable = false;
    for ron_path in &files.paths {
        match repoint_entity(ron_path, gone, kept) {
            Ok(Some(file)) => repointed.push(file),
            Ok(None) => {}
            Err(error) => {
                eprintln!("hashiya entities: {error}");
                unreadable = true;
            }
        }
    }
    if unreadable {
        eprintln!("hashiya entities: nothing merged");
        return 2;
    }
    for (written, file) in repointed.iter().enumerate() {
        if let Err(error) = file.write() {
            eprintln!("hashiya entities: {error}");
            eprintln!(
                "hashiya entities: {gone} is still in the registry; {} repointed already (run the merge again to finish it)",
                crate::text::plural::counted(written, "file was", "files were")
            );
            return 2;
        }
    }
    if let Err(error) = registry.merge(kept, gone) {
        eprintln!("hashiya entities: --merge: {error}");
        return 2;
    }
    if let Err(error) = save_registry(&registry, registry_path) {
        eprintln!("hashiya entities: {error}");
        return 2;
    }
    let mentions: usize = repointed.iter().map(|f| f.mentions).sum();
    let mut out = Output::stdout("entities");
    if json {
        let files: Vec<serde_json::Value> = repointed
            .iter()
            .map(|f| serde_json::json!({ "file": f.path.display().to_string(), "mentions": f.mentions }))
            .collect();
        let record = serde_json::json!({
            "merged": gone.to_string(),
            "into": kept.to_string(),
            "registry": registry_path.display().to_string(),
            "files": files,
            "mentions": mentions,
        });
        out.line(record);
    } else {
        out.line(format_args!(
            "merged {gone} into {kept}: {} repointed in {}; {} written",
            crate::text::plural::counted(mentions, "mention", "mentions"),
            crate::text::plural::counted(repointed.len(), "file", "files"),
            registry_path.display()
        ));
    }
    out.finish(0)
}

/// The annotation files of these articles: `NAME.hashiya.ron` and every annotator's
/// `NAME.ANNOTATOR.hashiya.ron` beside it, each once.
fn annotation_files(articles: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = std::collections::BTreeSet::new();
    for article in articles {
        let main = crate::io::annotation_path_for(article);
        if std::fs::symlink_metadata(&main).is_ok() {
            files.insert(main.clone());
        }
        // `NAME.hashiya.ron` → the prefix `NAME.` of the annotators' files.
        let Some(prefix) = main
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(crate::io::ANNOTATION_SUFFIX))
            .map(|stem| format!("{stem}."))
        else {
            continue;
        };
        let folder = main.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let Ok(entries) = std::fs::read_dir(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &folder
        }) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let annotator = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(crate::io::ANNOTATION_SUFFIX));
            // One name segment between the article's name and the suffix: an annotator.
            if annotator.is_some_and(|a| !a.is_empty() && !a.contains('.')) {
                files.insert(folder.join(name));
            }
        }
    }
    files.into_iter().collect()
}
