//! The window's actor entities: the dataset's registry (`entities.hashiya.ron`, found upward
//! from the article, or created beside it with the first new entity) and the choices offered
//! when a mention is assigned to an entity ([`entity_choices`]). The registry is data of the
//! dataset, not of a document: a new entity is written at once; which entity a mention belongs
//! to is a `Command::SetSpanEntity` on the document, undone like any edit.

use std::path::{Path, PathBuf};

use crate::io::IoError;
use crate::io::entities::{ENTITIES_FILE, find_registry, load_registry, save_registry};
use crate::model::{Document, EntityError, EntityId, EntityKind, EntityRegistry, Span};
use crate::text::arabic;

/// Why a new entity was not added (the window words it through `app::i18n`).
#[derive(Debug, thiserror::Error)]
pub enum AddEntityError {
    /// The registry refused it.
    #[error(transparent)]
    Registry(#[from] EntityError),
    /// The registry could not be written.
    #[error(transparent)]
    Save(#[from] IoError),
}

/// The registry the open article belongs to.
#[derive(Clone, Debug, Default)]
pub struct EntityBook {
    /// The entities.
    pub registry: EntityRegistry,
    /// Where it is read from and written to.
    pub path: PathBuf,
}

impl EntityBook {
    /// The registry of `article`: the nearest `entities.hashiya.ron` above it, else an empty
    /// one to be created beside the article.
    pub fn for_article(article: &Path) -> Result<Self, IoError> {
        match find_registry(article) {
            Some(path) => Ok(Self {
                registry: load_registry(&path)?,
                path,
            }),
            None => Ok(Self {
                registry: EntityRegistry::default(),
                path: article.with_file_name(ENTITIES_FILE),
            }),
        }
    }

    /// Adds an entity named after a mention and writes the registry (atomically).
    pub fn add(&mut self, name: &str, kind: EntityKind) -> Result<EntityId, AddEntityError> {
        let mut registry = self.registry.clone();
        let id = registry.add(name.trim(), kind)?;
        save_registry(&registry, &self.path)?;
        self.registry = registry;
        Ok(id)
    }

    /// `name (E3)`, or the id alone when the registry does not know it.
    #[must_use]
    pub fn describe(&self, id: EntityId) -> String {
        self.registry
            .get(id)
            .map_or_else(|| id.to_string(), |entity| format!("{} ({id})", entity.name))
    }
}

/// The kind a new entity from `mention` gets: its `type` attribute when that names a kind
/// (the default schema's Actor has one), else person.
#[must_use]
pub fn kind_of_mention(mention: &Span) -> EntityKind {
    mention
        .attributes
        .get("type")
        .and_then(|t| EntityKind::from_name(t))
        .unwrap_or(EntityKind::Person)
}

/// The entities a mention can be assigned to, best first, each with whether it names the
/// mention: an entity names it when, in normalised Arabic (أ إ آ / ا, ى / ي, ة / ه, no
/// diacritics), the words of one of its names end with the mention's words or the other way
/// round («الحداد» and «الفريق محمد الحداد»: titles come first in Arabic, the name last). Then
/// those mentioned nearest to it in the document, then the most mentioned, then by name. With
/// a `query`, only the entities with a name or alias that holds it.
#[must_use]
pub fn entity_choices(
    registry: &EntityRegistry,
    document: &Document,
    mention: &Span,
    query: &str,
) -> Vec<(EntityId, bool)> {
    let query = normal(query.trim());
    let words = normal_words(document.span_text(mention));
    // Each entity's mentions (other than this one): how many, and the nearest; one pass over
    // the spans for all entities, since the picker asks on every frame it is open.
    let mut seen: std::collections::HashMap<EntityId, (usize, usize)> = std::collections::HashMap::new();
    for span in document.spans().iter().filter(|s| s.id != mention.id) {
        if let Some(entity) = span.entity {
            let (count, nearest) = seen.entry(entity).or_insert((0, usize::MAX));
            *count += 1;
            *nearest = (*nearest).min(span.char_start.abs_diff(mention.char_start));
        }
    }
    let mut ranked: Vec<(bool, usize, std::cmp::Reverse<usize>, String, EntityId)> = registry
        .iter()
        .filter(|entity| query.is_empty() || entity.names().any(|n| normal(n).contains(&query)))
        .map(|entity| {
            let named = entity.names().any(|n| ends_alike(&normal_words(n), &words));
            let (count, nearest) = seen.get(&entity.id).copied().unwrap_or((0, usize::MAX));
            (
                !named,
                nearest,
                std::cmp::Reverse(count),
                entity.name.clone(),
                entity.id,
            )
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(unnamed, .., id)| (id, !unnamed)).collect()
}

/// Whether one word list ends with the other (and neither is empty).
fn ends_alike(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && (a.ends_with(b) || b.ends_with(a))
}

fn normal_words(text: &str) -> Vec<String> {
    normal(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn normal(text: &str) -> String {
    arabic::normalize(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, SpanId};

    #[test]
    fn a_mention_is_offered_the_entity_it_names_first_then_the_nearest() {
        let text = "قال الفريق محمد الحداد إن الجيش موحد وأكد الحداد والسفير ذلك";
        let at = |needle: &str| {
            let byte = text.find(needle).expect("in the text");
            let start = text[..byte].chars().count();
            (start, start + needle.chars().count())
        };
        let mut registry = EntityRegistry::default();
        let haddad = registry.add("الفريق محمد الحداد", EntityKind::Person).expect("adds");
        let envoy = registry.add("السفير", EntityKind::Person).expect("adds");
        let army = registry.add("الجيش الليبي", EntityKind::Group).expect("adds");
        let (s, e) = at("الفريق محمد الحداد");
        let mut first = Span::new(SpanId(1), "Actor", s, e);
        first.entity = Some(haddad);
        let (s, e) = at("الحداد ");
        let mention = Span::new(SpanId(2), "Actor", s, e - 1);
        let (s, e) = at("الجيش");
        let mut army_mention = Span::new(SpanId(3), "Actor", s, e);
        army_mention.entity = Some(army);
        let document = Document::from_parts(
            text.into(),
            Schema::default_schema(),
            DocumentMeta::default(),
            vec![first, mention.clone(), army_mention],
            Vec::new(),
        );
        // «الحداد» is in the name of E1; the army was mentioned nearer than the envoy (never).
        assert_eq!(
            entity_choices(&registry, &document, &mention, ""),
            [(haddad, true), (army, false), (envoy, false)]
        );
        // A query keeps the entities whose names hold it, spelling variants folded.
        assert_eq!(entity_choices(&registry, &document, &mention, "سفير"), [(envoy, false)]);
        assert_eq!(entity_choices(&registry, &document, &mention, "ألجيش"), [(army, false)]);
        // «الجيش» does not name «الجيش الليبي» (the words do not end alike), nor a word inside.
        let (s, e) = at("الجيش");
        let army_word = Span::new(SpanId(9), "Actor", s, e);
        assert!(
            !entity_choices(&registry, &document, &army_word, "")
                .iter()
                .any(|&(_, named)| named)
        );
    }
}
