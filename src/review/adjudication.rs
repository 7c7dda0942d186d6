//! Adjudication: a curator settles several annotators' versions of an article into a gold
//! file, one more annotation file. Every distinct span the annotators proposed (same range,
//! label and attributes: one proposal, with everyone who made it) is either in the gold
//! document, rejected by the curator, or still open; links are proposals too, open once both
//! their ends are in the gold document. Taking a proposal is a [`Command`] on the gold document,
//! so undo covers every step; rejections are the curator's view state, never saved.
//!
//! A span proposal counts as in the gold document when a gold span has its range and label;
//! a link proposal when a gold link of its kind joins the gold spans with its ends' ranges
//! and labels.

use std::collections::{BTreeMap, HashSet};

use crate::model::{Command, Document, EntityId, Link, Span, SpanId};

/// Which proposal: the span's range and label (a link's: its kind and both ends').
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProposalKey {
    /// A span: `(char_start, char_end, label)`.
    Span(usize, usize, String),
    /// A link: kind, head span key, child span key.
    Link(String, (usize, usize, String), (usize, usize, String)),
}

/// A span or link some annotators proposed, with who did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// What is proposed.
    pub key: ProposalKey,
    /// For a span, its attributes as the first proposer gave them.
    pub attributes: BTreeMap<String, String>,
    /// For a span, the actor entity it mentions, as the first proposer who named one gave it.
    pub entity: Option<EntityId>,
    /// Indices of the annotators who proposed it, ascending.
    pub annotators: Vec<usize>,
}

impl ProposalKey {
    /// Where it starts in the text (a link: where its head starts), for text order.
    #[must_use]
    pub fn char_start(&self) -> usize {
        match self {
            Self::Span(start, ..) | Self::Link(_, (start, ..), _) => *start,
        }
    }

    /// Where it ends (a link: where its head ends).
    #[must_use]
    pub fn char_end(&self) -> usize {
        match self {
            Self::Span(_, end, _) | Self::Link(_, (_, end, _), _) => *end,
        }
    }
}

impl Proposal {
    /// Where it starts in the text (a link: where its head starts), for text order.
    #[must_use]
    pub fn char_start(&self) -> usize {
        self.key.char_start()
    }

    /// Where it ends (a link: where its head ends).
    #[must_use]
    pub fn char_end(&self) -> usize {
        self.key.char_end()
    }
}

/// Several annotators' versions of one article, to be settled into a gold document.
#[derive(Clone, Debug)]
pub struct Adjudication {
    annotators: Vec<String>,
    proposals: Vec<Proposal>,
}

fn span_key(span: &Span) -> (usize, usize, String) {
    (span.char_start, span.char_end, span.label.clone())
}

impl Adjudication {
    /// The proposals of `versions` (annotator name, document), in text order.
    #[must_use]
    pub fn new(versions: &[(String, Document)]) -> Self {
        let mut by_key: BTreeMap<ProposalKey, Proposal> = BTreeMap::new();
        let mut propose =
            |key: ProposalKey, attributes: &BTreeMap<String, String>, entity: Option<EntityId>, who: usize| {
                let proposal = by_key.entry(key.clone()).or_insert_with(|| Proposal {
                    key,
                    attributes: attributes.clone(),
                    entity,
                    annotators: Vec::new(),
                });
                proposal.entity = proposal.entity.or(entity);
                if proposal.annotators.last() != Some(&who) {
                    proposal.annotators.push(who);
                }
            };
        let none = BTreeMap::new();
        for (who, (_, document)) in versions.iter().enumerate() {
            for span in document.spans() {
                propose(
                    ProposalKey::Span(span.char_start, span.char_end, span.label.clone()),
                    &span.attributes,
                    span.entity,
                    who,
                );
            }
            for link in document.links() {
                if let (Some(head), Some(child)) = (document.span(link.from), document.span(link.to)) {
                    propose(
                        ProposalKey::Link(link.kind.clone(), span_key(head), span_key(child)),
                        &none,
                        None,
                        who,
                    );
                }
            }
        }
        let mut proposals: Vec<Proposal> = by_key.into_values().collect();
        proposals.sort_by_key(|p| {
            (
                p.char_start(),
                p.char_end(),
                matches!(p.key, ProposalKey::Link(..)),
                p.key.clone(),
            )
        });
        Self {
            annotators: versions.iter().map(|(name, _)| name.clone()).collect(),
            proposals,
        }
    }

    /// The annotators, in the order their indices refer to.
    #[must_use]
    pub fn annotators(&self) -> &[String] {
        &self.annotators
    }

    /// Every proposal, in text order (a link after the spans at its head's position).
    #[must_use]
    pub fn proposals(&self) -> &[Proposal] {
        &self.proposals
    }

    /// Whether every annotator made the proposal.
    #[must_use]
    pub fn is_unanimous(&self, proposal: &Proposal) -> bool {
        proposal.annotators.len() == self.annotators.len()
    }

    /// Proposals still to settle: not in the gold document, not rejected, and for a link,
    /// both ends in the gold document. In text order. Linear in proposals and gold spans (the
    /// gold document is indexed once), so a long document with three annotators stays fast.
    #[must_use]
    pub fn open<'a>(&'a self, gold: &Document, rejected: &HashSet<ProposalKey>) -> Vec<&'a Proposal> {
        self.open_indices(gold, rejected)
            .into_iter()
            .map(|i| &self.proposals[i])
            .collect()
    }

    /// [`Adjudication::open`] as indices into [`Adjudication::proposals`].
    #[must_use]
    pub fn open_indices(&self, gold: &Document, rejected: &HashSet<ProposalKey>) -> Vec<usize> {
        let index = GoldIndex::new(gold);
        let open = |p: &Proposal| {
            !rejected.contains(&p.key)
                && !index.holds(&p.key)
                && match &p.key {
                    ProposalKey::Span(..) => true,
                    ProposalKey::Link(_, head, child) => index.span(head).is_some() && index.span(child).is_some(),
                }
        };
        (0..self.proposals.len())
            .filter(|&i| open(&self.proposals[i]))
            .collect()
    }

    /// How many proposals the gold document holds.
    #[must_use]
    pub fn settled(&self, gold: &Document) -> usize {
        let index = GoldIndex::new(gold);
        self.proposals.iter().filter(|p| index.holds(&p.key)).count()
    }

    /// The command that takes `proposal` into the gold document; `None` when it is there
    /// already or cannot be (a link whose ends are not both in it).
    #[must_use]
    pub fn accept(gold: &Document, proposal: &Proposal) -> Option<Command> {
        let mut plan = Plan::new(gold);
        plan.take(gold, proposal);
        plan.into_command()
    }

    /// One command taking every unanimous proposal the gold document lacks ("merge all full
    /// agreements", as `INCEpTION` pre-merges): the spans first, then the links between spans
    /// the gold document then holds. `None` when there is nothing to take.
    #[must_use]
    pub fn merge_agreements(&self, gold: &Document) -> Option<Command> {
        let mut plan = Plan::new(gold);
        let unanimous = || self.proposals.iter().filter(|p| self.is_unanimous(p));
        for proposal in unanimous().filter(|p| matches!(p.key, ProposalKey::Span(..))) {
            plan.take(gold, proposal);
        }
        for proposal in unanimous().filter(|p| matches!(p.key, ProposalKey::Link(..))) {
            plan.take(gold, proposal);
        }
        plan.into_command()
    }
}

/// The gold document's spans by range and label, and its links by kind and ends.
struct GoldIndex {
    spans: std::collections::HashMap<(usize, usize, String), SpanId>,
    links: HashSet<(String, SpanId, SpanId)>,
    /// (kind, head) of every link: a single-valued kind takes no second one.
    heads: HashSet<(String, SpanId)>,
}

impl GoldIndex {
    fn new(gold: &Document) -> Self {
        Self {
            spans: gold.spans().iter().map(|s| (span_key(s), s.id)).collect(),
            links: gold.links().iter().map(|l| (l.kind.clone(), l.from, l.to)).collect(),
            heads: gold.links().iter().map(|l| (l.kind.clone(), l.from)).collect(),
        }
    }

    fn span(&self, key: &(usize, usize, String)) -> Option<SpanId> {
        self.spans.get(key).copied()
    }

    fn holds(&self, key: &ProposalKey) -> bool {
        match key {
            ProposalKey::Span(start, end, label) => self.spans.contains_key(&(*start, *end, label.clone())),
            ProposalKey::Link(kind, head, child) => match (self.span(head), self.span(child)) {
                (Some(from), Some(to)) => self.links.contains(&(kind.clone(), from, to)),
                _ => false,
            },
        }
    }
}

/// Commands being gathered into one undo step, with the ids they will give. The gold
/// document is indexed once and the index grows with what the plan adds, so merging every
/// full agreement of an 11,000-span document stays linear.
struct Plan {
    commands: Vec<Command>,
    /// The gold document's spans and links, and those this plan adds.
    index: GoldIndex,
    next_span: u64,
    next_link: u64,
}

impl Plan {
    fn new(gold: &Document) -> Self {
        Self {
            commands: Vec::new(),
            index: GoldIndex::new(gold),
            next_span: gold.next_span_id().0,
            next_link: gold.next_link_id().0,
        }
    }

    fn take(&mut self, gold: &Document, proposal: &Proposal) {
        match &proposal.key {
            ProposalKey::Span(start, end, label) => {
                let key = (*start, *end, label.clone());
                if self.index.span(&key).is_some() || gold.schema().label(label).is_none() {
                    return;
                }
                let id = SpanId(self.next_span);
                self.next_span += 1;
                let mut span = Span::new(id, label.clone(), *start, *end);
                span.attributes.clone_from(&proposal.attributes);
                span.entity = proposal.entity;
                self.index.spans.insert(key, id);
                self.commands.push(Command::RestoreSpan {
                    span,
                    links: Vec::new(),
                });
            }
            ProposalKey::Link(kind, head, child) => {
                let (Some(from), Some(to)) = (self.index.span(head), self.index.span(child)) else {
                    return;
                };
                let Some(relation) = gold.schema().relation(kind) else {
                    return;
                };
                let refused = !relation.allows(&head.2, &child.2)
                    || if relation.multiple {
                        self.index.links.contains(&(kind.clone(), from, to))
                    } else {
                        self.index.heads.contains(&(kind.clone(), from))
                    };
                if refused {
                    return;
                }
                let link = Link {
                    id: crate::model::LinkId(self.next_link),
                    kind: kind.clone(),
                    from,
                    to,
                };
                self.next_link += 1;
                self.index.links.insert((kind.clone(), from, to));
                self.index.heads.insert((kind.clone(), from));
                self.commands.push(Command::RestoreLink(link));
            }
        }
    }

    fn into_command(mut self) -> Option<Command> {
        match self.commands.len() {
            0 => None,
            1 => self.commands.pop(),
            _ => Some(Command::Batch(self.commands)),
        }
    }
}
