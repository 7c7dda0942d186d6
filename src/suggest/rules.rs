//! Rules for the default schema (Actor, Quote, the quote's speaker), from the word lists of
//! [`SuggestionRules`]. Words are compared in the normal form of find, and a listed word also
//! matches with attached proclitics as find reads them ([`crate::text::find::stem_readings`]:
//! و/ف then ب/ك/ل; verbs take only و/ف).
//!
//! - **Actor**: a title («الفريق», «وزير», «الأمين العام» …; the longest listed) followed by a
//!   name: up to two words with the article first («وزير الخارجية الروسي …»; at least one
//!   after a title without the article, which heads a construct: «رئيس أركان» is no name),
//!   then one to `max_name_words` words, the first without the article (or, after a definite
//!   title, one article word the name ends after: «الفريق الحداد»); a name ends at
//!   punctuation, a stop word, a speech verb, a statement noun, another title or a word with
//!   the article after a proclitic («واللجنة»: a new phrase). The title is inside the span
//!   («الفريق محمد الحداد»), its attached proclitics are not. Score 0.7.
//! - **Quote**: the text inside «…», “…” or "…" (at least `min_quote_words` words: shorter
//!   quoted text is a name, «تويتر») in a sentence with a speech verb (score 0.9 when the verb
//!   comes before the quote, 0.7 after it), or that starts with a statement noun or follows one
//!   within `statement_gap_words` words («بيان مشترك …», score 0.6). A sentence ends at . ! ? ؟
//!   or a line break outside quotation marks.
//! - **Speaker**: for a quote with a speech verb, the Actor (an existing span or an Actor
//!   candidate) that starts right after the verb (Arabic is verb-first: «وأكد قادة الجيش …»)
//!   or else ends right before it; verbs are tried from the one nearest the quote outwards,
//!   first those before it. Score 0.8 after the verb, 0.6 before it.
//!
//! An Actor candidate that overlaps an existing Actor span is not proposed (the existing one
//! can be the speaker instead); a quote the document already has gets only its speaker link,
//! when it has none.

use std::collections::HashSet;

use crate::model::{Document, SpanId, SuggestionRules};
use crate::suggest::candidate::{CandidateEnd, Candidates, LinkCandidate, SpanCandidate};
use crate::suggest::matcher::{TextToken, text_tokens};
use crate::text::arabic;
use crate::text::find::stem_readings;

const ACTOR_SCORE: f32 = 0.7;
const QUOTE_VERB_BEFORE_SCORE: f32 = 0.9;
const QUOTE_VERB_AFTER_SCORE: f32 = 0.7;
const QUOTE_STATEMENT_SCORE: f32 = 0.6;
const SPEAKER_AFTER_SCORE: f32 = 0.8;
const SPEAKER_BEFORE_SCORE: f32 = 0.6;
/// Most article words between a title and the name («الخارجية الروسي»).
const MAX_TITLE_COMPLEMENT: usize = 2;

/// The word lists in normal form.
struct Lists {
    verbs: HashSet<String>,
    statements: HashSet<String>,
    stops: HashSet<String>,
    /// Titles as word sequences, longest first.
    titles: Vec<Vec<String>>,
}

impl Lists {
    fn new(rules: &SuggestionRules) -> Self {
        let set = |list: &[String]| list.iter().map(|w| arabic::normalize(w.trim())).collect();
        let mut titles: Vec<Vec<String>> = rules
            .titles
            .iter()
            .map(|t| t.split_whitespace().map(arabic::normalize).collect::<Vec<_>>())
            .filter(|t| !t.is_empty())
            .collect();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        Self {
            verbs: set(&rules.speech_verbs),
            statements: set(&rules.statement_nouns),
            stops: set(&rules.stop_words),
            titles,
        }
    }
}

fn normal(token: &TextToken) -> String {
    token.normal.iter().collect()
}

/// Whether `token` is a word of `list`, bare or after a conjunction.
fn is_verb_in(token: &TextToken, list: &HashSet<String>) -> bool {
    token.is_word
        && stem_readings(&token.normal)
            .into_iter()
            .any(|(at, stem)| (at == 0 || (at == 1 && arabic::is_conjunction(token.normal[0]))) && list.contains(&stem))
}

/// The stem offset at which `token` reads as `word` with attached proclitics, if it does.
fn reads_as(token: &TextToken, word: &str) -> Option<usize> {
    if !token.is_word {
        return None;
    }
    stem_readings(&token.normal)
        .into_iter()
        .find(|(_, stem)| stem == word)
        .map(|(at, _)| at)
}

fn in_list(token: &TextToken, list: &HashSet<String>) -> bool {
    token.is_word
        && stem_readings(&token.normal)
            .into_iter()
            .any(|(_, stem)| list.contains(&stem))
}

/// The longest title at token `at`: (tokens it covers, stem offset in its first token).
fn title_at(tokens: &[TextToken], at: usize, lists: &Lists) -> Option<(usize, usize)> {
    lists.titles.iter().find_map(|title| {
        let stem_at = reads_as(&tokens[at], &title[0])?;
        let rest_matches = title[1..]
            .iter()
            .enumerate()
            .all(|(k, word)| tokens.get(at + 1 + k).is_some_and(|t| t.is_word && normal(t) == *word));
        rest_matches.then_some((title.len(), stem_at))
    })
}

/// Whether a word has the article, after any proclitics («الخارجية», «للصحفيين»).
fn has_article(token: &TextToken) -> bool {
    token.is_word
        && stem_readings(&token.normal)
            .into_iter()
            .any(|(_, stem)| stem.starts_with("ال") && stem.chars().count() >= 4)
}

fn is_letters(token: &TextToken) -> bool {
    token.is_word && token.normal.iter().all(|c| c.is_alphabetic())
}

/// Whether a word has the article after a proclitic («واللجنة», «للمؤسسة»).
fn has_attached_article(token: &TextToken) -> bool {
    token.is_word
        && stem_readings(&token.normal)
            .into_iter()
            .any(|(at, stem)| at > 0 && stem.starts_with("ال") && stem.chars().count() >= 4)
}

/// Whether a token may be part of a name.
fn is_name_word(tokens: &[TextToken], at: usize, lists: &Lists) -> bool {
    let token = &tokens[at];
    is_letters(token)
        && !lists.stops.contains(&normal(token))
        && !is_verb_in(token, &lists.verbs)
        && !in_list(token, &lists.statements)
        && title_at(tokens, at, lists).is_none()
}

/// The tokens of the name after a title ending before token `at`: the end (exclusive) of the
/// name, if there is one.
fn name_after(
    tokens: &[TextToken],
    at: usize,
    definite_title: bool,
    lists: &Lists,
    rules: &SuggestionRules,
) -> Option<usize> {
    let mut start = at;
    while start < tokens.len()
        && start - at < MAX_TITLE_COMPLEMENT
        && has_article(&tokens[start])
        && is_name_word(tokens, start, lists)
    {
        start += 1;
    }
    let first = tokens.get(start)?;
    if has_article(first) || !is_name_word(tokens, start, lists) || (!definite_title && start == at) {
        // «الفريق الحداد»: a definite title and one bare article word before the name ends.
        let family_name = definite_title && start == at + 1 && !has_attached_article(&tokens[at]);
        return family_name.then_some(at + 1);
    }
    let mut end = start + 1;
    while end < tokens.len()
        && end - start < rules.max_name_words.max(1)
        && is_name_word(tokens, end, lists)
        && !has_attached_article(&tokens[end])
    {
        end += 1;
    }
    Some(end)
}

/// An actor the speaker rule can pick: its range and what it is.
#[derive(Clone, Copy)]
struct ActorRef {
    char_start: usize,
    char_end: usize,
    end: CandidateEnd,
}

/// A quotation found in the text: the range inside the marks and the tokens inside.
struct Quotation {
    inner_start: usize,
    inner_end: usize,
    open: usize,
    close: usize,
}

/// Quotations (outermost pairs, never across a line break) and sentence ends outside them.
fn quotations(chars: &[char], rules: &SuggestionRules) -> (Vec<Quotation>, Vec<usize>) {
    let mut found = Vec::new();
    let mut ends = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, &ch) in chars.iter().enumerate() {
        match open {
            Some((start, closer)) if ch == closer => {
                found.push(Quotation {
                    inner_start: start + 1,
                    inner_end: at,
                    open: start,
                    close: at,
                });
                open = None;
            }
            Some(_) if ch == '\n' => {
                open = None;
                ends.push(at);
            }
            Some(_) => {}
            None => {
                if let Some(&(_, closer)) = rules.quote_pairs.iter().find(|(opener, _)| *opener == ch) {
                    open = Some((at, closer));
                } else if matches!(ch, '.' | '!' | '?' | '؟' | '\n') {
                    ends.push(at);
                }
            }
        }
    }
    (found, ends)
}

/// Trims whitespace off a char range.
fn trimmed(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// The rules' candidates for `document` (see the module comment).
// Actors, then quotes and their speakers, in one reading of the document.
#[allow(clippy::too_many_lines)]
#[must_use]
pub fn suggest(document: &Document, rules: &SuggestionRules) -> Candidates {
    let mut candidates = Candidates::default();
    let schema = document.schema();
    if schema.label(&rules.actor_label).is_none() {
        return candidates;
    }
    let lists = Lists::new(rules);
    let chars: Vec<char> = document.text().chars().collect();
    let tokens = text_tokens(document.text());
    let existing_actors: Vec<(SpanId, usize, usize)> = document
        .spans()
        .iter()
        .filter(|s| s.label == rules.actor_label)
        .map(|s| (s.id, s.char_start, s.char_end))
        .collect();

    // Actors: a title and a name.
    let mut at = 0;
    while at < tokens.len() {
        let Some((title_len, stem_at)) = title_at(&tokens, at, &lists) else {
            at += 1;
            continue;
        };
        let definite = has_article(&tokens[at + title_len - 1]);
        let Some(end) = name_after(&tokens, at + title_len, definite, &lists, rules) else {
            at += title_len;
            continue;
        };
        let char_start = tokens[at].origin.get(stem_at).copied().unwrap_or(tokens[at].char_start);
        let char_end = tokens[end - 1].char_end;
        if !existing_actors.iter().any(|&(_, s, e)| s < char_end && char_start < e) {
            candidates.spans.push(SpanCandidate {
                char_start,
                char_end,
                label: rules.actor_label.clone(),
                score: ACTOR_SCORE,
            });
        }
        at = end;
    }
    let mut actors: Vec<ActorRef> = existing_actors
        .iter()
        .map(|&(id, char_start, char_end)| ActorRef {
            char_start,
            char_end,
            end: CandidateEnd::Span(id),
        })
        .chain(candidates.spans.iter().enumerate().map(|(i, c)| ActorRef {
            char_start: c.char_start,
            char_end: c.char_end,
            end: CandidateEnd::Candidate(i),
        }))
        .collect();
    actors.sort_by_key(|a| a.char_start);

    if schema.label(&rules.quote_label).is_none() {
        return candidates;
    }
    let speaker_allowed = schema
        .relation(&rules.speaker_relation)
        .is_some_and(|r| r.allows(&rules.quote_label, &rules.actor_label));
    let (found, ends) = quotations(&chars, rules);
    for quote in found {
        let (inner_start, inner_end) = trimmed(&chars, quote.inner_start, quote.inner_end);
        let inside: Vec<&TextToken> = tokens
            .iter()
            .filter(|t| t.is_word && t.char_start >= inner_start && t.char_end <= inner_end)
            .collect();
        if inside.len() < rules.min_quote_words {
            continue;
        }
        let sentence_start = ends.iter().rev().find(|&&e| e < quote.open).map_or(0, |&e| e + 1);
        let sentence_end = ends.iter().find(|&&e| e > quote.close).map_or(chars.len(), |&e| e);
        // Speech verbs of the sentence outside any quotation mark pair: before the quote
        // (nearest first), then after it.
        let outside = |t: &&TextToken| t.char_start >= sentence_start && t.char_end <= sentence_end;
        let before: Vec<usize> = (0..tokens.len())
            .rev()
            .filter(|&i| {
                outside(&&tokens[i]) && tokens[i].char_end <= quote.open && is_verb_in(&tokens[i], &lists.verbs)
            })
            .collect();
        let after: Vec<usize> = (0..tokens.len())
            .filter(|&i| {
                outside(&&tokens[i]) && tokens[i].char_start > quote.close && is_verb_in(&tokens[i], &lists.verbs)
            })
            .collect();
        let statement = inside.first().is_some_and(|t| in_list(t, &lists.statements))
            || tokens
                .iter()
                .filter(|t| t.is_word && t.char_end <= quote.open && t.char_start >= sentence_start)
                .rev()
                .take(rules.statement_gap_words + 1)
                .any(|t| in_list(t, &lists.statements));
        let score = if !before.is_empty() {
            QUOTE_VERB_BEFORE_SCORE
        } else if !after.is_empty() {
            QUOTE_VERB_AFTER_SCORE
        } else if statement {
            QUOTE_STATEMENT_SCORE
        } else {
            continue;
        };
        let existing_quote = document
            .spans_overlapping(inner_start, inner_end)
            .find(|s| s.char_start == inner_start && s.char_end == inner_end && s.label == rules.quote_label)
            .map(|s| s.id);
        let from = if let Some(id) = existing_quote {
            if document
                .links_of(id)
                .any(|l| l.from == id && l.kind == rules.speaker_relation)
            {
                continue;
            }
            CandidateEnd::Span(id)
        } else {
            candidates.spans.push(SpanCandidate {
                char_start: inner_start,
                char_end: inner_end,
                label: rules.quote_label.clone(),
                score,
            });
            CandidateEnd::Candidate(candidates.spans.len() - 1)
        };
        if !speaker_allowed {
            continue;
        }
        let speaker = before.iter().chain(&after).find_map(|&verb| {
            let verb = &tokens[verb];
            let next_word = tokens
                .iter()
                .find(|t| t.char_start >= verb.char_end)
                .filter(|t| t.is_word);
            let right_after = next_word.and_then(|word| {
                actors
                    .iter()
                    .find(|a| a.char_start >= word.char_start && a.char_start < word.char_end)
            });
            let right_before = || {
                actors.iter().rev().find(|a| {
                    a.char_end <= verb.char_start
                        && chars[a.char_end..verb.char_start].iter().all(|c| c.is_whitespace())
                })
            };
            right_after
                .map(|a| (a.end, SPEAKER_AFTER_SCORE))
                .or_else(|| right_before().map(|a| (a.end, SPEAKER_BEFORE_SCORE)))
        });
        if let Some((to, score)) = speaker {
            candidates.links.push(LinkCandidate {
                kind: rules.speaker_relation.clone(),
                from,
                to,
                score,
            });
        }
    }
    candidates
}

/// The rules of the document's own schema: the project's word lists when its schema keeps
/// them (`suggestion_rules`), else the defaults.
#[must_use]
pub fn suggest_by_schema(document: &Document) -> Candidates {
    let rules = document
        .schema()
        .suggestion_rules
        .as_deref()
        .cloned()
        .unwrap_or_default();
    suggest(document, &rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, Schema, Span};

    fn document(text: &str, actors: &[&str]) -> Document {
        let spans = actors
            .iter()
            .enumerate()
            .map(|(i, surface)| {
                let byte = text.find(surface).expect("actor in text");
                let start = text[..byte].chars().count();
                Span::new(SpanId(i as u64 + 1), "Actor", start, start + surface.chars().count())
            })
            .collect();
        Document::from_parts(
            text.to_owned(),
            Schema::default_schema(),
            DocumentMeta::default(),
            spans,
            Vec::new(),
        )
    }

    fn spans(document: &Document, candidates: &Candidates) -> Vec<(String, String)> {
        candidates
            .spans
            .iter()
            .map(|c| (c.label.clone(), document.text_of(c.char_start, c.char_end).to_owned()))
            .collect()
    }

    fn pair(label: &str, text: &str) -> (String, String) {
        (label.to_owned(), text.to_owned())
    }

    #[test]
    fn titled_actor_speaks_after_the_verb() {
        let text = "وقال اللواء خالد المحجوب في مؤتمر صحفي «إن القوات ستبقى في مواقعها».";
        let doc = document(text, &[]);
        let found = suggest(&doc, &SuggestionRules::default());
        assert_eq!(
            spans(&doc, &found),
            [
                pair("Actor", "اللواء خالد المحجوب"),
                pair("Quote", "إن القوات ستبقى في مواقعها")
            ]
        );
        assert_eq!(
            found.links,
            [LinkCandidate {
                kind: "speaker".to_owned(),
                from: CandidateEnd::Candidate(1),
                to: CandidateEnd::Candidate(0),
                score: SPEAKER_AFTER_SCORE,
            }]
        );
    }

    #[test]
    fn existing_actor_after_the_verb_and_a_participle() {
        let text = "واجتمع المجلس البلدي أمس، ثم أعلن المجلس البلدي «تأجيل الانتخابات إلى موعد لاحق».";
        let doc = document(text, &[]);
        let with_actor = {
            let byte = text.rfind("المجلس البلدي").expect("in text");
            let start = text[..byte].chars().count();
            Document::from_parts(
                text.to_owned(),
                Schema::default_schema(),
                DocumentMeta::default(),
                vec![Span::new(SpanId(7), "Actor", start, start + 13)],
                Vec::new(),
            )
        };
        let found = suggest(&with_actor, &SuggestionRules::default());
        assert_eq!(
            spans(&with_actor, &found),
            [pair("Quote", "تأجيل الانتخابات إلى موعد لاحق")]
        );
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].to, CandidateEnd::Span(SpanId(7)));
        // Without the actor there is a quote but no speaker.
        let bare = suggest(&doc, &SuggestionRules::default());
        assert_eq!(bare.spans.len(), 1);
        assert!(bare.links.is_empty());

        let text = "وأوضحت وزيرة الصحة سعاد الفاسي أن الوضع مستقر، مشيرة إلى «ارتفاع عدد الحالات المسجلة اليوم».";
        let doc = document(text, &[]);
        let found = suggest(&doc, &SuggestionRules::default());
        assert_eq!(
            spans(&doc, &found),
            [
                pair("Actor", "وزيرة الصحة سعاد الفاسي"),
                pair("Quote", "ارتفاع عدد الحالات المسجلة اليوم")
            ]
        );
        assert_eq!(
            found.links[0].to,
            CandidateEnd::Candidate(0),
            "the verb nearer the quote has no actor after it"
        );
    }

    #[test]
    fn short_quoted_names_and_quotes_without_verbs_are_left() {
        let text = "نشر الحساب صورة على «تويتر». وفي المقال «كلام كثير عن السياسة والاقتصاد».";
        let doc = document(text, &[]);
        assert!(suggest(&doc, &SuggestionRules::default()).spans.is_empty());
    }

    #[test]
    fn statements_are_quotes_without_a_verb() {
        let text = "وصدر عن الاجتماع بيان بعنوان «بيان ختامي لوزراء الخارجية العرب». وجاء في تغريدة «نحن مستعدون للحوار دائما».";
        let doc = document(text, &[]);
        let found = suggest(&doc, &SuggestionRules::default());
        assert_eq!(
            spans(&doc, &found),
            [
                pair("Quote", "بيان ختامي لوزراء الخارجية العرب"),
                pair("Quote", "نحن مستعدون للحوار دائما")
            ]
        );
        assert!(
            found
                .spans
                .iter()
                .all(|s| (s.score - QUOTE_STATEMENT_SCORE).abs() < f32::EPSILON)
        );
    }

    #[test]
    fn titles_with_prefixes_and_names_that_stop() {
        let text = "والتقى الرئيس الفرنسي إيمانويل ماكرون بالسفير جون بولتون في باريس، ثم قال رئيس الحكومة للصحفيين. وحضر العقيد المسماري.";
        let doc = document(text, &[]);
        let found = suggest(&doc, &SuggestionRules::default());
        assert_eq!(
            spans(&doc, &found),
            [
                pair("Actor", "الرئيس الفرنسي إيمانويل ماكرون"),
                pair("Actor", "السفير جون بولتون"),
                pair("Actor", "العقيد المسماري")
            ],
            "«رئيس الحكومة للصحفيين»: للصحفيين has the article, no name follows"
        );
    }
}
