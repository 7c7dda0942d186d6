//! Actor entities: one identity behind many mentions, across every article of a dataset.
//!
//! A span (usually an Actor) may name the entity it mentions by id
//! ([`crate::model::Span::entity`]); the entities themselves live in one registry per
//! dataset folder (`io::entities`), so the same actor has the same id in every article. The
//! codes follow what event coders use: a country as ISO 3166-1 alpha-3 (CAMEO, PLOVER), a
//! sector or role as an upper-case code (GOV, MIL, REB, CVL, OPP, IGO, …), a Wikidata item.

use std::collections::BTreeMap;
use std::fmt;
use std::num::NonZeroU32;
use std::str::FromStr;

use crate::model::EntityProblem;

/// Stable identifier of an entity in a registry (`E1`, `E2`, …; never reused after a merge).
/// Never 0, so that a span's `Option<EntityId>` takes no room beside its other fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(NonZeroU32);

impl EntityId {
    /// The id `E{n}`; `None` for 0, which no entity has.
    #[must_use]
    pub const fn new(n: u32) -> Option<Self> {
        match NonZeroU32::new(n) {
            Some(n) => Some(Self(n)),
            None => None,
        }
    }

    /// Its number (`E3` → 3).
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0.get()
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{}", self.0)
    }
}

/// Why a text is not an entity id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an entity id (E followed by a number from 1, such as E3)")]
pub struct BadEntityId(pub String);

impl FromStr for EntityId {
    type Err = BadEntityId;

    /// `E` and a decimal number from 1 without leading zeros, so that an id reads back as
    /// written.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || BadEntityId(text.to_owned());
        let digits = text.strip_prefix('E').ok_or_else(bad)?;
        let canonical = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
        if !canonical {
            return Err(bad());
        }
        digits.parse().map(Self).map_err(|_| bad())
    }
}

/// What kind of actor an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (a ministry, a party, an army, a company).
    Organisation,
    /// A country or its government taken as one actor.
    Country,
    /// A group that is not an organisation (protesters, tribes, "the militias").
    Group,
}

impl EntityKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [Self; 4] = [Self::Person, Self::Organisation, Self::Country, Self::Group];

    /// The name in files and exports (lower case: `person`, `organisation`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organisation => "organisation",
            Self::Country => "country",
            Self::Group => "group",
        }
    }

    /// The kind with this name (case-insensitive; `organization` too).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        if lower == "organization" {
            return Some(Self::Organisation);
        }
        Self::ALL.into_iter().find(|kind| kind.name() == lower)
    }
}

/// One actor, with the codes analysts use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// The canonical name (for example «خليفة حفتر»).
    pub name: String,
    /// Person, organisation, country or group.
    pub kind: EntityKind,
    /// ISO 3166-1 alpha-3 code of the actor's country (`LBY`), as CAMEO and PLOVER use.
    pub country: Option<String>,
    /// Sector or role code (`GOV`, `MIL`, `REB`, `CVL`, `OPP`, `IGO`, …).
    pub role: Option<String>,
    /// Wikidata item (`Q1853985`).
    pub wikidata: Option<String>,
    /// Other names the actor goes by in the articles.
    pub aliases: Vec<String>,
}

impl Entity {
    /// An entity with a name and a kind and nothing else.
    #[must_use]
    pub fn new(id: EntityId, name: impl Into<String>, kind: EntityKind) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            country: None,
            role: None,
            wikidata: None,
            aliases: Vec::new(),
        }
    }

    /// What is wrong with the entity's fields (none when it is valid).
    #[must_use]
    pub fn problems(&self) -> Vec<EntityProblem> {
        let id = self.id;
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(EntityProblem::NoName { id });
        }
        if let Some(country) = &self.country
            && !(country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase()))
        {
            problems.push(EntityProblem::Country {
                id,
                country: country.clone(),
            });
        }
        if let Some(role) = &self.role
            && !(!role.is_empty()
                && role.len() <= 8
                && role.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        {
            problems.push(EntityProblem::Role { id, role: role.clone() });
        }
        if let Some(item) = &self.wikidata
            && item
                .strip_prefix('Q')
                .is_none_or(|n| n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()))
        {
            problems.push(EntityProblem::Wikidata { id, item: item.clone() });
        }
        problems
    }

    /// The canonical name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Why a registry change was refused; the registry is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntityError {
    /// No entity with this id.
    #[error("no entity {0}")]
    NoSuchEntity(EntityId),
    /// An entity cannot be merged into itself.
    #[error("{0} cannot be merged into itself")]
    SelfMerge(EntityId),
    /// The id is taken.
    #[error("entity {0} is defined twice")]
    DuplicateId(EntityId),
    /// Every id up to the largest integer is used.
    #[error("no entity ids left")]
    IdsExhausted,
}

/// The entities of a dataset, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityRegistry {
    entities: BTreeMap<EntityId, Entity>,
    /// The highest id ever used (0: none), so that a merged-away id is never given again and
    /// an old mention of it can never point at a new actor.
    last_id: u32,
}

impl EntityRegistry {
    /// A registry of these entities; `last_id` is at least their largest id.
    pub fn from_entities(entities: impl IntoIterator<Item = Entity>, last_id: u32) -> Result<Self, EntityError> {
        let mut registry = Self {
            entities: BTreeMap::new(),
            last_id,
        };
        for entity in entities {
            registry.insert(entity)?;
        }
        Ok(registry)
    }

    /// Every entity, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Entity> {
        self.entities.values()
    }

    /// Number of entities.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there is no entity.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The highest id ever used (0: none).
    #[must_use]
    pub fn last_id(&self) -> u32 {
        self.last_id
    }

    /// The entity with this id.
    #[must_use]
    pub fn get(&self, id: EntityId) -> Option<&Entity> {
        self.entities.get(&id)
    }

    /// The entity with this id, to change its codes or aliases (its id stays).
    pub fn get_mut(&mut self, id: EntityId) -> Option<&mut Entity> {
        self.entities.get_mut(&id)
    }

    /// Gives an entity a new canonical name; the old one becomes an alias (mentions name the
    /// entity by id, so every one of them follows).
    pub fn rename(&mut self, id: EntityId, name: impl Into<String>) -> Result<(), EntityError> {
        let entity = self.entities.get_mut(&id).ok_or(EntityError::NoSuchEntity(id))?;
        let name = name.into();
        if name == entity.name {
            return Ok(());
        }
        let old = std::mem::replace(&mut entity.name, name);
        entity.aliases.retain(|alias| *alias != entity.name);
        if !entity.aliases.contains(&old) {
            entity.aliases.insert(0, old);
        }
        Ok(())
    }

    /// Adds an entity with its own id (loading a registry).
    pub fn insert(&mut self, entity: Entity) -> Result<(), EntityError> {
        if self.entities.contains_key(&entity.id) {
            return Err(EntityError::DuplicateId(entity.id));
        }
        self.last_id = self.last_id.max(entity.id.get());
        self.entities.insert(entity.id, entity);
        Ok(())
    }

    /// Adds a new entity under the next free id and returns it.
    pub fn add(&mut self, name: impl Into<String>, kind: EntityKind) -> Result<EntityId, EntityError> {
        let next = self.last_id.checked_add(1).ok_or(EntityError::IdsExhausted)?;
        let id = EntityId::new(next).ok_or(EntityError::IdsExhausted)?;
        self.insert(Entity::new(id, name, kind))?;
        Ok(id)
    }

    /// Merges `gone` into `kept`: `gone`'s names become aliases of `kept`, and the codes
    /// `kept` lacks are taken from `gone` (where both have one, `kept`'s stays). `gone` is
    /// removed; its id is never given again. Mentions are repointed by the caller.
    pub fn merge(&mut self, kept: EntityId, gone: EntityId) -> Result<(), EntityError> {
        if kept == gone {
            return Err(EntityError::SelfMerge(kept));
        }
        if !self.entities.contains_key(&kept) {
            return Err(EntityError::NoSuchEntity(kept));
        }
        let merged = self.entities.remove(&gone).ok_or(EntityError::NoSuchEntity(gone))?;
        let Some(target) = self.entities.get_mut(&kept) else {
            // Checked above; put `gone` back rather than lose it.
            self.entities.insert(gone, merged);
            return Err(EntityError::NoSuchEntity(kept));
        };
        for name in merged.names() {
            if name != target.name && !target.aliases.iter().any(|a| a == name) {
                target.aliases.push(name.to_owned());
            }
        }
        target.country = target.country.take().or(merged.country);
        target.role = target.role.take().or(merged.role);
        target.wikidata = target.wikidata.take().or(merged.wikidata);
        Ok(())
    }

    /// Every problem of the entities' fields.
    #[must_use]
    pub fn problems(&self) -> Vec<EntityProblem> {
        self.iter().flat_map(Entity::problems).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_as_written_and_nothing_else_is_an_id() {
        for n in [1, 3, 42, u32::MAX] {
            let id = EntityId::new(n).expect("not 0");
            let text = id.to_string();
            assert_eq!(text.parse::<EntityId>(), Ok(id), "{text}");
        }
        assert_eq!(EntityId::new(0), None);
        for bad in [
            "",
            "E",
            "E0",
            "3",
            "e3",
            "E03",
            "E-1",
            "E 3",
            "E3 ",
            "T3",
            "E4294967296",
            "E٣",
        ] {
            assert!(bad.parse::<EntityId>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn merging_keeps_one_identity_with_every_name_and_never_reuses_the_id() {
        let mut registry = EntityRegistry::default();
        let haddad = registry.add("محمد الحداد", EntityKind::Person).expect("added");
        let chief = registry.add("رئيس الأركان العامة", EntityKind::Person).expect("added");
        let other = registry.add("ستيفاني وليامز", EntityKind::Person).expect("added");
        if let Some(entity) = registry.entities.get_mut(&chief) {
            entity.country = Some("LBY".into());
            entity.role = Some("MIL".into());
            entity.aliases = vec!["الحداد".into()];
        }
        if let Some(entity) = registry.entities.get_mut(&haddad) {
            entity.role = Some("GOV".into());
            entity.aliases = vec!["الحداد".into()];
        }
        registry.merge(haddad, chief).expect("merged");
        let kept = registry.get(haddad).expect("kept");
        assert_eq!(kept.aliases, ["الحداد", "رئيس الأركان العامة"]);
        assert_eq!(
            (kept.country.as_deref(), kept.role.as_deref()),
            (Some("LBY"), Some("GOV"))
        );
        assert!(registry.get(chief).is_none());
        assert_eq!(registry.merge(haddad, chief), Err(EntityError::NoSuchEntity(chief)));
        assert_eq!(registry.merge(other, other), Err(EntityError::SelfMerge(other)));
        let before = registry.clone();
        assert!(registry.merge(EntityId::new(99).expect("not 0"), other).is_err());
        assert_eq!(registry, before, "a refused merge changes nothing");
        let next = registry.add("جديد", EntityKind::Group).expect("added");
        assert!(next > other, "{next} reuses a merged-away id");
    }

    #[test]
    fn renaming_keeps_the_old_name_as_an_alias() {
        let mut registry = EntityRegistry::default();
        let id = registry.add("الحداد", EntityKind::Person).expect("added");
        if let Some(entity) = registry.get_mut(id) {
            entity.aliases = vec!["محمد الحداد".into(), "رئيس الأركان".into()];
        }
        registry.rename(id, "محمد الحداد").expect("renamed");
        let entity = registry.get(id).expect("kept");
        assert_eq!(entity.name, "محمد الحداد");
        assert_eq!(entity.aliases, ["الحداد", "رئيس الأركان"]);
        registry.rename(id, "محمد الحداد").expect("the same name");
        assert_eq!(registry.get(id).map(|e| e.aliases.len()), Some(2));
        let missing = EntityId::new(9).expect("not 0");
        assert_eq!(registry.rename(missing, "x"), Err(EntityError::NoSuchEntity(missing)));
    }

    #[test]
    fn codes_are_checked() {
        let mut entity = Entity::new(EntityId::new(1).expect("not 0"), "x", EntityKind::Country);
        assert!(entity.problems().is_empty());
        entity.country = Some("ly".into());
        entity.role = Some("gov".into());
        entity.wikidata = Some("1853985".into());
        assert_eq!(entity.problems().len(), 3, "{:?}", entity.problems());
        entity.country = Some("LBY".into());
        entity.role = Some("GOV".into());
        entity.wikidata = Some("Q1853985".into());
        assert!(entity.problems().is_empty());
    }
}
