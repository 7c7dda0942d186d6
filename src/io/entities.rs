//! The entity registry file, `entities.hashiya.ron` at the root of a dataset folder: every
//! actor entity of the dataset, one per line, so that the same actor has one id in every
//! article and a git diff shows one line per changed entity. An article finds its registry by
//! walking up from its folder. Annotation files name entities by id (`entity: Some("E3")`).
//!
//! ```text
//! (
//!     format_version: 1,
//!     last_id: 3,
//!     entities: [
//!         (id: "E1", name: "خليفة حفتر", type: Person, country: Some("LBY"), role: Some("MIL"), wikidata: Some("Q1853985"), aliases: ["حفتر", "المشير"]),
//!         (id: "E3", name: "بعثة الأمم المتحدة للدعم في ليبيا", type: Organisation, role: Some("IGO")),
//!     ],
//! )
//! ```
//!
//! `last_id` is the highest id ever given, so that the id of an entity merged into another is
//! never given to a new one (an annotation file not yet repointed still means the old actor).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::io::writer::push_string;
use crate::io::{IoError, Position, Problem, ProblemReason, atomic, read_annotation_text};
use crate::model::{Entity, EntityId, EntityKind, EntityRegistry};

/// The registry's file name.
pub const ENTITIES_FILE: &str = "entities.hashiya.ron";

/// The newest registry format version this build reads and writes.
pub const ENTITIES_FORMAT_VERSION: u64 = 1;

#[derive(Deserialize)]
#[serde(rename = "entities file", deny_unknown_fields)]
struct RegistryDto {
    format_version: u64,
    #[serde(default)]
    last_id: u32,
    #[serde(default)]
    entities: Vec<EntityDto>,
}

#[derive(Deserialize)]
#[serde(rename = "entity", deny_unknown_fields)]
struct EntityDto {
    id: String,
    name: String,
    #[serde(rename = "type")]
    kind: KindDto,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    wikidata: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename = "type")]
enum KindDto {
    Person,
    Organisation,
    Country,
    Group,
}

impl From<KindDto> for EntityKind {
    fn from(kind: KindDto) -> Self {
        match kind {
            KindDto::Person => Self::Person,
            KindDto::Organisation => Self::Organisation,
            KindDto::Country => Self::Country,
            KindDto::Group => Self::Group,
        }
    }
}

/// The variant name a kind has in the file.
fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organisation => "Organisation",
        EntityKind::Country => "Country",
        EntityKind::Group => "Group",
    }
}

/// The registry that `path` (an article, an annotation file or a folder) belongs to: the
/// nearest `entities.hashiya.ron` in its folder or a folder above it.
#[must_use]
pub fn find_registry(path: &Path) -> Option<PathBuf> {
    let folder = if path.is_dir() { path } else { path.parent()? };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    // Relative paths have no parent past their first component: walk the absolute one.
    let absolute = std::path::absolute(folder).ok()?;
    absolute
        .ancestors()
        .map(|dir| dir.join(ENTITIES_FILE))
        .find(|candidate| candidate.is_file())
}

/// Reads a registry file.
pub fn load_registry(path: &Path) -> Result<EntityRegistry, IoError> {
    let text = read_annotation_text(path)?;
    registry_from_str(&text).map_err(|e| e.with_path(path))
}

/// Parses a registry; every problem (a malformed line, an id given twice, a code that is not
/// one) is an error with its line.
pub fn registry_from_str(text: &str) -> Result<EntityRegistry, IoError> {
    let options = crate::io::reader::ron_options();
    let file: RegistryDto = options
        .from_str(text)
        .map_err(|error| crate::io::reader::syntax_error(text, &error))?;
    if file.format_version == 0 || file.format_version > ENTITIES_FORMAT_VERSION {
        return Err(IoError::UnsupportedVersion {
            path: PathBuf::new(),
            found: file.format_version,
        });
    }
    let mut problems = Vec::new();
    let mut entities = Vec::with_capacity(file.entities.len());
    let mut seen = HashSet::new();
    let mut occurrences: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for dto in file.entities {
        let nth = occurrences.entry(dto.id.clone()).or_insert(0);
        let position = line_of_entity(text, &dto.id, *nth);
        *nth += 1;
        let id = match dto.id.parse::<EntityId>() {
            Ok(id) => id,
            Err(error) => {
                let reason = ProblemReason::EntityId { text: error.0.clone() };
                problems.push(Problem::at(position, error.to_string()).because(reason));
                continue;
            }
        };
        if !seen.insert(id) {
            problems.push(
                Problem::at(position, format!("entity {id} is defined twice"))
                    .because(ProblemReason::EntityTwice { id }),
            );
            continue;
        }
        let entity = Entity {
            id,
            name: dto.name,
            kind: dto.kind.into(),
            country: dto.country,
            role: dto.role,
            wikidata: dto.wikidata,
            aliases: dto.aliases,
        };
        problems.extend(
            entity
                .problems()
                .into_iter()
                .map(|problem| Problem::at(position, problem.to_string()).because(ProblemReason::Entity(problem))),
        );
        entities.push(entity);
    }
    if !problems.is_empty() {
        return Err(IoError::invalid(problems));
    }
    // Ids were checked to be unique above.
    EntityRegistry::from_entities(entities, file.last_id)
        .map_err(|e| IoError::invalid(vec![Problem::new(e.to_string())]))
}

/// Where the `nth` entity with this id (as written) starts, for messages (canonical layout;
/// `None` in another).
fn line_of_entity(text: &str, id: &str, nth: usize) -> Option<Position> {
    let mut needle = String::from("(id: ");
    push_string(&mut needle, id);
    text.match_indices(&needle)
        .nth(nth)
        .map(|(at, _)| Position::of_byte(text, at))
}

/// The registry in canonical form: one entity per line, by id; optional fields only when set.
#[must_use]
pub fn registry_to_string(registry: &EntityRegistry) -> String {
    let mut out = String::with_capacity(128 + registry.len() * 160);
    out.push_str(
        "// Hashiya entities (format_version 1): one actor per line; annotation files name them by id\n\
         // (entity: Some(\"E3\")). country: ISO 3166-1 alpha-3; role: a sector code (GOV, MIL, REB, …).\n",
    );
    out.push_str("(\n");
    let _ = writeln!(out, "    format_version: {ENTITIES_FORMAT_VERSION},");
    let _ = writeln!(out, "    last_id: {},", registry.last_id());
    out.push_str("    entities: [\n");
    for entity in registry.iter() {
        out.push_str("        (id: ");
        push_string(&mut out, &entity.id.to_string());
        out.push_str(", name: ");
        push_string(&mut out, &entity.name);
        let _ = write!(out, ", type: {}", kind_name(entity.kind));
        for (field, value) in [
            ("country", &entity.country),
            ("role", &entity.role),
            ("wikidata", &entity.wikidata),
        ] {
            if let Some(value) = value {
                let _ = write!(out, ", {field}: Some(");
                push_string(&mut out, value);
                out.push(')');
            }
        }
        if !entity.aliases.is_empty() {
            out.push_str(", aliases: [");
            for (i, alias) in entity.aliases.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_string(&mut out, alias);
            }
            out.push(']');
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n)\n");
    out
}

/// Writes the registry atomically, the previous version kept as `.bak`.
pub fn save_registry(registry: &EntityRegistry, path: &Path) -> Result<(), IoError> {
    atomic::write_atomic(path, registry_to_string(registry).as_bytes(), atomic::Backup::Keep)
}

/// An annotation file with its mentions of one entity repointed to another, not yet written.
#[derive(Debug)]
pub struct Repointed {
    /// The annotation file.
    pub path: PathBuf,
    /// Its new text, in canonical form.
    pub text: String,
    /// How many spans (and orphans) changed.
    pub mentions: usize,
}

impl Repointed {
    /// Replaces the file atomically, the previous version kept as `.bak`.
    pub fn write(&self) -> Result<(), IoError> {
        atomic::write_atomic(&self.path, self.text.as_bytes(), atomic::Backup::Keep)
    }
}

/// Reads the annotation file `ron_path` and makes every span (and orphan) that names `from`
/// name `to` instead; `None` when nothing names `from` (the file is then left alone). Needs
/// no article: the file must be valid on its own, as for `hashiya fmt`. Nothing is written:
/// a caller that changes several files reads them all before it writes any.
pub fn repoint_entity(ron_path: &Path, from: EntityId, to: EntityId) -> Result<Option<Repointed>, IoError> {
    let ron = read_annotation_text(ron_path)?;
    let repointed = repoint_entity_in(&ron, from, to).map_err(|e| e.with_path(ron_path))?;
    Ok(repointed.map(|(text, mentions)| Repointed {
        path: ron_path.to_owned(),
        text,
        mentions,
    }))
}

/// [`repoint_entity`] on the file's text: the new text and the count, `None` when nothing
/// names `from`.
fn repoint_entity_in(ron: &str, from: EntityId, to: EntityId) -> Result<Option<(String, usize)>, IoError> {
    let mut file = crate::io::reader::parse_file(ron)?;
    crate::io::reader::check_file(&file, ron)?;
    let lost = crate::io::reader::repeated_attributes(&file, &crate::io::locate::Locator::new(ron));
    if !lost.is_empty() {
        return Err(IoError::invalid(lost));
    }
    let (from, to) = (from.to_string(), to.to_string());
    let mut count = 0;
    for span in file.spans.iter_mut().chain(&mut file.orphans) {
        if span.entity.as_deref() == Some(from.as_str()) {
            span.entity = Some(to.clone());
            count += 1;
        }
    }
    if count == 0 {
        return Ok(None);
    }
    file.format_version = file.lowest_version();
    Ok(Some((crate::io::writer::write_file(&file), count)))
}

/// Three-way merge of registry files, for `hashiya merge-file` (git's merge driver, which
/// `*.hashiya.ron` in `.gitattributes` sends the registry to): an entity added, changed or
/// merged away on one branch is taken; changed on both, each field changed on one side is
/// taken and the aliases of both are kept. What cannot be merged is the error: one id given
/// to two different entities on the two branches (their annotation files name it for
/// different actors), a field changed differently on both, an entity changed on one branch
/// and merged away on the other.
pub fn merge_registries(base: &str, ours: &str, theirs: &str) -> Result<String, String> {
    let read = |text: &str, side: &str| -> Result<EntityRegistry, String> {
        if text.trim().is_empty() {
            return Ok(EntityRegistry::default());
        }
        registry_from_str(text).map_err(|e| format!("{side} is not a valid entity registry: {e}"))
    };
    let (base, ours, theirs) = (
        read(base, "the common ancestor")?,
        read(ours, "our version")?,
        read(theirs, "their version")?,
    );
    let ids: std::collections::BTreeSet<EntityId> = base
        .iter()
        .chain(ours.iter())
        .chain(theirs.iter())
        .map(|e| e.id)
        .collect();
    let mut merged = Vec::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
        let taken = if o == t || t == b {
            o.cloned()
        } else if o == b {
            t.cloned()
        } else {
            match (b, o, t) {
                (Some(b), Some(o), Some(t)) => match merge_entity(b, o, t) {
                    Ok(entity) => Some(entity),
                    Err(field) => {
                        conflicts.push(format!("{id}'s {field} was changed differently on both branches"));
                        None
                    }
                },
                (None, Some(_), Some(_)) => {
                    conflicts.push(format!(
                        "{id} was given to two different entities on the two branches; renumber one on its branch (hashiya entities --add it again, then --merge NEW OLD) and merge again"
                    ));
                    None
                }
                _ => {
                    conflicts.push(format!("{id} was changed on one branch and merged away on the other"));
                    None
                }
            }
        };
        merged.extend(taken);
    }
    if !conflicts.is_empty() {
        return Err(conflicts.join("; "));
    }
    let last = base.last_id().max(ours.last_id()).max(theirs.last_id());
    let registry = EntityRegistry::from_entities(merged, last).map_err(|e| e.to_string())?;
    Ok(registry_to_string(&registry))
}

/// One entity changed on both branches: each field from the side that changed it, the
/// aliases of both; `Err(field)` when both changed a field differently.
fn merge_entity(base: &Entity, ours: &Entity, theirs: &Entity) -> Result<Entity, &'static str> {
    fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T, field: &'static str) -> Result<T, &'static str> {
        if ours == theirs || theirs == base {
            Ok(ours.clone())
        } else if ours == base {
            Ok(theirs.clone())
        } else {
            Err(field)
        }
    }
    let mut aliases = ours.aliases.clone();
    for alias in &theirs.aliases {
        if !aliases.contains(alias) && (!base.aliases.contains(alias) || ours.aliases.contains(alias)) {
            aliases.push(alias.clone());
        }
    }
    // An alias one side removed stays removed.
    aliases.retain(|alias| {
        !base.aliases.contains(alias) || (ours.aliases.contains(alias) && theirs.aliases.contains(alias))
    });
    let name = pick(&base.name, &ours.name, &theirs.name, "name")?;
    aliases.retain(|alias| *alias != name);
    Ok(Entity {
        id: ours.id,
        kind: pick(&base.kind, &ours.kind, &theirs.kind, "type")?,
        country: pick(&base.country, &ours.country, &theirs.country, "country")?,
        role: pick(&base.role, &ours.role, &theirs.role, "role")?,
        wikidata: pick(&base.wikidata, &ours.wikidata, &theirs.wikidata, "wikidata")?,
        name,
        aliases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A registry or project file that is not RON says why as data, as an annotation file
    /// does: the window words it in its language.
    #[test]
    fn a_truncated_file_is_a_syntax_problem_with_its_reason() {
        use crate::io::{ProblemReason, SyntaxKind};
        let reason = |error: IoError| match error {
            IoError::Invalid { problems, .. } => problems[0].reason.clone(),
            other => panic!("unexpected {other}"),
        };
        let error = registry_from_str("(format_version: 1, ").expect_err("truncated");
        assert_eq!(reason(error), Some(ProblemReason::Syntax(SyntaxKind::Truncated)));
        let error = registry_from_str("(format_version: -1)").expect_err("negative");
        assert_eq!(reason(error), Some(ProblemReason::Syntax(SyntaxKind::NumberOutOfRange)));
    }

    fn eid(n: u32) -> EntityId {
        EntityId::new(n).expect("not 0")
    }

    fn sample_registry() -> EntityRegistry {
        let mut haftar = Entity::new(eid(1), "خليفة حفتر", EntityKind::Person);
        haftar.country = Some("LBY".into());
        haftar.role = Some("MIL".into());
        haftar.wikidata = Some("Q1853985".into());
        haftar.aliases = vec!["حفتر".into(), "المشير \"القائد\"".into()];
        let mut unsmil = Entity::new(eid(3), "بعثة الأمم المتحدة للدعم في ليبيا", EntityKind::Organisation);
        unsmil.role = Some("IGO".into());
        EntityRegistry::from_entities([haftar, unsmil], 5).expect("unique ids")
    }

    #[test]
    fn registry_round_trips_one_entity_per_line() {
        let registry = sample_registry();
        let text = registry_to_string(&registry);
        assert_eq!(registry_from_str(&text).expect("reads"), registry);
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("        (id: ")).collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            lines[0].ends_with(
                "type: Person, country: Some(\"LBY\"), role: Some(\"MIL\"), wikidata: Some(\"Q1853985\"), aliases: [\"حفتر\", \"المشير \\\"القائد\\\"\"]),"
            ),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].ends_with("type: Organisation, role: Some(\"IGO\")),"),
            "{}",
            lines[1]
        );
        assert!(text.contains("    last_id: 5,\n"));
        // Hand-written in another layout, it reads the same.
        let hand = "(format_version: 1, entities: [(name: \"خليفة حفتر\", id: \"E1\", type: Person)])";
        let read = registry_from_str(hand).expect("reads");
        assert_eq!(read.get(eid(1)).map(|e| e.name.as_str()), Some("خليفة حفتر"));
        assert_eq!(read.last_id(), 1);
    }

    #[test]
    fn bad_registries_name_the_line() {
        let good = registry_to_string(&sample_registry());
        for (edit, expected) in [
            (("id: \"E3\"", "id: \"E1\""), "8:9: entity E1 is defined twice"),
            (("id: \"E3\"", "id: \"3\""), "is not an entity id"),
            (
                ("country: Some(\"LBY\")", "country: Some(\"Libya\")"),
                "not an ISO 3166-1 alpha-3 code",
            ),
            (("type: Person", "type: Human"), "7:"),
            (("format_version: 1", "format_version: 9"), "version"),
        ] {
            let edited = good.replacen(edit.0, edit.1, 1);
            let error = registry_from_str(&edited).expect_err("refused").to_string();
            assert!(error.contains(expected), "{edit:?}: {error}");
        }
    }

    fn entity_strategy() -> impl proptest::strategy::Strategy<Value = Entity> {
        use proptest::prelude::*;
        let text = prop_oneof![any::<String>(), "[\"\\\\ا-ي😀{}(),:\\n\\r\\t\u{200F}]{0,12}"];
        (
            1..1000u32,
            text.clone().prop_filter("a name", |n| !n.trim().is_empty()),
            0..4usize,
            proptest::option::of("[A-Z]{3}"),
            proptest::option::of("[A-Z][A-Z0-9]{1,7}"),
            proptest::option::of("Q[1-9][0-9]{0,8}"),
            proptest::collection::vec(text, 0..3),
        )
            .prop_map(|(id, name, kind, country, role, wikidata, aliases)| Entity {
                id: EntityId::new(id).unwrap_or_else(|| eid(1)),
                name,
                kind: EntityKind::ALL[kind],
                country,
                role,
                wikidata,
                aliases,
            })
    }

    proptest::proptest! {
        #[test]
        fn any_registry_reads_back_as_written_one_entity_per_line(
            entities in proptest::collection::vec(entity_strategy(), 0..6),
            extra in 0..5u32,
        ) {
            let mut unique: Vec<Entity> = Vec::new();
            for entity in entities {
                if !unique.iter().any(|e| e.id == entity.id) {
                    unique.push(entity);
                }
            }
            let count = unique.len();
            let last = unique.iter().map(|e| e.id.get()).max().unwrap_or(0) + extra;
            let registry = EntityRegistry::from_entities(unique, last).expect("unique ids");
            let text = registry_to_string(&registry);
            proptest::prop_assert_eq!(registry_from_str(&text).expect("reads"), registry.clone());
            let lines = text.lines().filter(|l| l.starts_with("        (id: ")).count();
            proptest::prop_assert_eq!(lines, count, "{}", text);
            // A second write is the same bytes: the layout is canonical.
            proptest::prop_assert_eq!(registry_to_string(&registry_from_str(&text).expect("reads")), text);
        }
    }

    #[test]
    fn registries_merge_entity_by_entity() {
        let base = sample_registry();
        let write = |registry: &EntityRegistry| registry_to_string(registry);
        // Ours adds E6 and an alias of E1; theirs sets E3's country and renames E1.
        let mut ours = base.clone();
        ours.insert(Entity::new(eid(6), "الأمم المتحدة", EntityKind::Organisation))
            .expect("new id");
        ours.get_mut(eid(1)).expect("E1").aliases.push("القائد العام".into());
        let mut theirs = base.clone();
        theirs.get_mut(eid(3)).expect("E3").country = Some("LBY".into());
        theirs.rename(eid(1), "المشير خليفة حفتر").expect("renamed");
        let merged =
            registry_from_str(&merge_registries(&write(&base), &write(&ours), &write(&theirs)).expect("merges"))
                .expect("reads");
        assert_eq!(merged.len(), 3);
        assert!(merged.get(eid(6)).is_some());
        assert_eq!(merged.get(eid(3)).and_then(|e| e.country.as_deref()), Some("LBY"));
        let e1 = merged.get(eid(1)).expect("E1");
        assert_eq!(e1.name, "المشير خليفة حفتر");
        for alias in ["خليفة حفتر", "حفتر", "القائد العام"] {
            assert!(e1.aliases.iter().any(|a| a == alias), "{alias}: {:?}", e1.aliases);
        }
        assert_eq!(merged.last_id(), 6);
        // The same merge the other way round gives the same registry.
        let reversed = merge_registries(&write(&base), &write(&theirs), &write(&ours)).expect("merges");
        assert_eq!(registry_from_str(&reversed).expect("reads").len(), 3);
        // A merge on one branch (E3 gone) is taken.
        let mut merged_away = base.clone();
        merged_away.merge(eid(1), eid(3)).expect("merged");
        let merged =
            registry_from_str(&merge_registries(&write(&base), &write(&merged_away), &write(&ours)).expect("merges"))
                .expect("reads");
        assert!(merged.get(eid(3)).is_none() && merged.get(eid(6)).is_some());
        // Cannot be merged: one id for two actors, a field changed twice, a change against a merge.
        let mut other_e6 = base.clone();
        other_e6
            .insert(Entity::new(eid(6), "حرس الحدود", EntityKind::Organisation))
            .expect("new id");
        let error = merge_registries(&write(&base), &write(&ours), &write(&other_e6)).expect_err("collision");
        assert!(error.contains("E6 was given to two different entities"), "{error}");
        let mut other_name = base.clone();
        other_name.rename(eid(1), "حفتر").expect("renamed");
        let error = merge_registries(&write(&base), &write(&theirs), &write(&other_name)).expect_err("both renamed");
        assert!(error.contains("E1's name"), "{error}");
        let error =
            merge_registries(&write(&base), &write(&merged_away), &write(&theirs)).expect_err("changed and merged");
        assert!(
            error.contains("E3 was changed on one branch and merged away"),
            "{error}"
        );
        // No common ancestor: both sides' entities, when their ids do not collide.
        let merged = merge_registries("", &write(&base), &write(&base)).expect("merges");
        assert_eq!(merged, write(&base));
    }

    #[test]
    fn the_registry_is_found_from_any_folder_below_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nested = dir.path().join("2024").join("may");
        std::fs::create_dir_all(&nested).expect("folders");
        let article = nested.join("a.txt");
        std::fs::write(&article, "نص").expect("article");
        assert_eq!(find_registry(&article), None);
        save_registry(&sample_registry(), &dir.path().join(ENTITIES_FILE)).expect("saves");
        let found = find_registry(&article).expect("found");
        assert_eq!(
            found.canonicalize().ok(),
            dir.path().join(ENTITIES_FILE).canonicalize().ok()
        );
        assert_eq!(
            find_registry(&nested).map(|p| p.canonicalize().ok()),
            Some(found.canonicalize().ok())
        );
        // A nearer registry wins.
        save_registry(&EntityRegistry::default(), &nested.join(ENTITIES_FILE)).expect("saves");
        let nearer = find_registry(&article).expect("found");
        assert_eq!(
            nearer.canonicalize().ok(),
            nested.join(ENTITIES_FILE).canonicalize().ok()
        );
    }
}
