//! What is wrong with an entity's fields, as data: the command line prints the English
//! `Display`, the window words it in its language (`app::i18n`).

use crate::model::EntityId;

/// One field of an entity that does not hold what the registry format allows.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntityProblem {
    /// The canonical name is empty.
    #[error("entity {id} has no name")]
    NoName {
        /// The entity.
        id: EntityId,
    },
    /// The country is not an ISO 3166-1 alpha-3 code.
    #[error(
        "entity {id} has country \"{country}\", which is not an ISO 3166-1 alpha-3 code (three capital letters, such as LBY)"
    )]
    Country {
        /// The entity.
        id: EntityId,
        /// What the file holds.
        country: String,
    },
    /// The role is not a short code of capital letters and digits.
    #[error("entity {id} has role \"{role}\", which is not a code of capital letters (such as GOV, MIL, REB)")]
    Role {
        /// The entity.
        id: EntityId,
        /// What the file holds.
        role: String,
    },
    /// The Wikidata id is not `Q` and a number.
    #[error("entity {id} has Wikidata id \"{item}\", which is not an item id (Q and a number, such as Q1853985)")]
    Wikidata {
        /// The entity.
        id: EntityId,
        /// What the file holds.
        item: String,
    },
}
