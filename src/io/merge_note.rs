//! The lines the merge driver (`io/merge.rs`) leaves in the note of a span it marked for
//! review, as data: written in English into the file (the note is the file's, read by every
//! tool and by people with any interface), and read back by the window, which words them in
//! its own language. [`MergeNote::parse`] reads exactly what [`MergeNote`]'s `Display` writes.

use std::fmt;

use crate::io::Side;

/// The word that starts every line the merge driver writes in a note.
pub const MERGE_PREFIX: &str = "Merge:";

/// Why the merge driver marked a span for review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeNote {
    /// Both branches changed the span differently: each version is kept, and this is one.
    KeptVersion {
        /// Whose version this is: [`Side::Ours`] or [`Side::Theirs`].
        side: Side,
    },
    /// A link from this span was left out because the merged file's schema refuses it.
    LinkLeftOut {
        /// The relation kind.
        kind: String,
        /// The id of the span the link went to.
        to: u64,
        /// The start of that span's text.
        child_text: String,
        /// Why the schema refuses it.
        why: LinkRefusal,
    },
}

/// Why a merged link was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    /// The schema has no relation of the link's kind.
    NoRelation,
    /// The kind does not join the two spans' labels.
    Labels {
        /// The pairs of labels the kind joins, in English ("from a Quote to an Actor").
        pairs: String,
        /// The label of the link's head.
        head: String,
        /// The label of the span it went to.
        child: String,
    },
    /// The head has a link of this kind already, and the kind allows one.
    OnlyOne {
        /// The label of the head.
        head: String,
    },
}

impl MergeNote {
    /// Reads a line the merge driver wrote, with or without the [`MERGE_PREFIX`] and the
    /// closing full stop (the Problems window's reason has neither); `None` for any other
    /// text (a note the user wrote, a line of an older Hashiya).
    #[must_use]
    pub fn parse(line: &str) -> Option<Self> {
        let line = line.trim();
        let line = line.strip_prefix(MERGE_PREFIX).unwrap_or(line).trim();
        let line = line.strip_suffix('.').unwrap_or(line);
        if let Some(whose) = line
            .strip_prefix("both branches changed this span; this is ")
            .and_then(|rest| rest.strip_suffix(" version"))
        {
            let side = match whose {
                "our" => Side::Ours,
                "their" => Side::Theirs,
                _ => return None,
            };
            return Some(Self::KeptVersion { side });
        }
        let rest = line.strip_prefix("the ")?;
        let (kind, rest) = rest.split_once(" link to T")?;
        let (to, rest) = rest.split_once(" («")?;
        let (child_text, reason) = rest.rsplit_once("») was left out: ")?;
        let why = if reason == format!("the schema has no relation {kind}") {
            LinkRefusal::NoRelation
        } else if let Some(head) = reason
            .strip_suffix(&format!(" has only one {kind}"))
            .and_then(|r| r.strip_prefix("a "))
        {
            LinkRefusal::OnlyOne { head: head.to_owned() }
        } else {
            let pairs_on = reason.strip_prefix(&format!("a {kind} link goes "))?;
            let (pairs, labels) = pairs_on.rsplit_once(", not from a ")?;
            let (head, child) = labels.rsplit_once(" to a ")?;
            LinkRefusal::Labels {
                pairs: pairs.to_owned(),
                head: head.to_owned(),
                child: child.to_owned(),
            }
        };
        Some(Self::LinkLeftOut {
            kind: kind.to_owned(),
            to: to.parse().ok()?,
            child_text: child_text.to_owned(),
            why,
        })
    }
}

/// The line as the merge driver writes it in the note: `Merge: …` and a full stop.
impl fmt::Display for MergeNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::KeptVersion { side } => {
                let whose = if *side == Side::Theirs { "their" } else { "our" };
                write!(
                    f,
                    "{MERGE_PREFIX} both branches changed this span; this is {whose} version."
                )
            }
            Self::LinkLeftOut {
                kind,
                to,
                child_text,
                why,
            } => {
                write!(
                    f,
                    "{MERGE_PREFIX} the {kind} link to T{to} («{child_text}») was left out: "
                )?;
                match why {
                    LinkRefusal::NoRelation => write!(f, "the schema has no relation {kind}")?,
                    LinkRefusal::Labels { pairs, head, child } => {
                        write!(f, "a {kind} link goes {pairs}, not from a {head} to a {child}")?;
                    }
                    LinkRefusal::OnlyOne { head } => write!(f, "a {head} has only one {kind}")?,
                }
                f.write_str(".")
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One note of every kind (shared with the wording test in `app::i18n`).
    pub(crate) fn every_note() -> Vec<MergeNote> {
        let link = |why| MergeNote::LinkLeftOut {
            kind: "speaker".into(),
            to: 13,
            child_text: "قادة الجيش («الليبي»)".into(),
            why,
        };
        vec![
            MergeNote::KeptVersion { side: Side::Ours },
            MergeNote::KeptVersion { side: Side::Theirs },
            link(LinkRefusal::NoRelation),
            link(LinkRefusal::Labels {
                pairs: "from a Quote to an Actor".into(),
                head: "Agreed action".into(),
                child: "Actor".into(),
            }),
            link(LinkRefusal::OnlyOne { head: "Quote".into() }),
        ]
    }

    #[test]
    fn every_note_reads_back_as_written_with_or_without_prefix_and_stop() {
        for note in every_note() {
            let line = note.to_string();
            assert!(line.starts_with(MERGE_PREFIX) && line.ends_with('.'), "{line}");
            assert_eq!(MergeNote::parse(&line), Some(note.clone()), "{line}");
            // As the Problems window's reason holds it.
            let bare = line[MERGE_PREFIX.len()..].trim().trim_end_matches('.');
            assert_eq!(MergeNote::parse(bare), Some(note), "{bare}");
        }
    }

    #[test]
    fn other_text_is_not_a_merge_note() {
        for text in [
            "",
            "Merge: something a newer Hashiya writes.",
            "the speaker link to T3 was left out",
            "both branches changed this span; this is my version.",
            "Merge: the speaker link to Tx («a») was left out: the schema has no relation speaker.",
        ] {
            assert_eq!(MergeNote::parse(text), None, "{text}");
        }
    }
}
