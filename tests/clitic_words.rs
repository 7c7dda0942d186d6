//! The selection rule for attached prefixes on a list of real news words
//! (`tests/data/clitics/words.tsv`): conjunctions, prepositions and the article are left out,
//! names and words that merely begin with the same letters stay whole, short particles stay
//! whole, and a stem found as a word elsewhere in the document is left when its prefix goes.

use hashiya::text::clitics::{Lexicon, proclitic_len};

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const CONTEXT: &str = include_str!("data/clitics/context.txt");
const WORDS: &str = include_str!("data/clitics/words.tsv");

#[test]
fn every_listed_word_keeps_what_a_reader_would_select() {
    let mut lexicon = Lexicon::from_text(SAMPLE);
    lexicon.add_text(CONTEXT);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for line in WORDS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(word), Some(expected)) = (fields.next(), fields.next()) else {
            panic!("a line without two fields: {line}");
        };
        let kept: String = word.chars().skip(proclitic_len(word, &lexicon)).collect();
        if kept != expected {
            wrong.push(format!("{word}: kept «{kept}», expected «{expected}»"));
        }
        checked += 1;
    }
    assert!(checked >= 60, "{checked} words");
    assert!(
        wrong.is_empty(),
        "{} of {checked} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
