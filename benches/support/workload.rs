//! The long-document workload of the performance budgets: the real ANERcorp document when
//! `HASHIYA_BENCH_CORPUS` names it, else deterministic Arabic text of the same size built from
//! the bundled sample, with spans at ANERcorp's density.

use hashiya::model::{Document, DocumentMeta, Schema, Span, SpanId};

/// Size of ANERcorp joined with spaces, in chars.
pub const TARGET_CHARS: usize = 820_000;
/// ANERcorp has ~11,200 entities over that text.
pub const TARGET_SPANS: usize = 11_200;

const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

/// A tiny deterministic generator (xorshift64*), so the workload is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Deterministic Arabic text of `TARGET_CHARS` chars in one paragraph: the sample's sentences
/// in a shuffled order, with numbers varied so no two stretches are identical.
#[must_use]
pub fn generated_text() -> String {
    let sentences: Vec<&str> = SAMPLE
        .split(['.', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = String::with_capacity(TARGET_CHARS * 2);
    let mut chars = 0;
    while chars < TARGET_CHARS {
        let sentence = sentences[rng.below(sentences.len())];
        let piece = format!("{sentence} ({}). ", 1990 + rng.below(40));
        chars += piece.chars().count();
        text.push_str(&piece);
    }
    let end = text.char_indices().nth(TARGET_CHARS).map_or(text.len(), |(b, _)| b);
    text.truncate(end);
    text.trim_end().to_owned()
}

/// Word-aligned spans of one to three words at ANERcorp's density, labels drawn from the
/// default schema.
#[must_use]
pub fn generated_spans(text: &str) -> Vec<Span> {
    let word_starts: Vec<(usize, usize)> = word_ranges(text);
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let labels = ["Actor", "Actor", "Quote", "Agreed action"];
    let stride = word_starts.len() / TARGET_SPANS;
    let mut spans = Vec::with_capacity(TARGET_SPANS);
    let mut word = 0;
    while word + 3 < word_starts.len() && spans.len() < TARGET_SPANS {
        let words = 1 + rng.below(3);
        let (char_start, _) = word_starts[word];
        let (_, char_end) = word_starts[word + words - 1];
        let id = SpanId(spans.len() as u64 + 1);
        spans.push(Span::new(id, labels[rng.below(labels.len())], char_start, char_end));
        word += stride.max(words + 1);
    }
    spans
}

/// Char ranges of the whitespace-separated words of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (char_offset, c) in text.chars().enumerate() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, char_offset));
                start = None;
            }
            (false, None) => start = Some(char_offset),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.chars().count()));
    }
    words
}

/// The workload document: ANERcorp from `HASHIYA_BENCH_CORPUS` (PERS and ORG → Actor; LOC and
/// MISC kept as labels of their own, added to the schema), else the generated one. Also
/// returns a description for the report.
#[must_use]
pub fn workload() -> (Document, String) {
    if let Some(path) = std::env::var_os("HASHIYA_BENCH_CORPUS") {
        match std::fs::read_to_string(&path) {
            Ok(conll) => {
                let document = anercorp_document(&conll);
                let what = format!("ANERcorp ({})", std::path::Path::new(&path).display());
                return (document, what);
            }
            Err(error) => eprintln!("HASHIYA_BENCH_CORPUS unreadable ({error}); using generated text"),
        }
    }
    (generated_document(), "generated Arabic text".to_owned())
}

/// The import options of the benchmarks: PERS and ORG become Actor.
#[must_use]
pub fn anercorp_options() -> hashiya::export::ImportOptions {
    let mut options = hashiya::export::ImportOptions::new("anercorp");
    options.label_map = hashiya::export::ImportOptions::parse_label_map("PERS=Actor,ORG=Actor").unwrap_or_default();
    options
}

/// ANERcorp as one document.
#[must_use]
pub fn anercorp_document(conll: &str) -> Document {
    let imported = hashiya::export::conll::import_str(conll, &anercorp_options());
    imported.documents.into_iter().next().unwrap_or_else(generated_document)
}

/// The generated workload as a document.
#[must_use]
pub fn generated_document() -> Document {
    let text = generated_text();
    let spans = generated_spans(&text);
    let meta = DocumentMeta {
        source_name: "generated.txt".into(),
        ..DocumentMeta::default()
    };
    Document::from_parts(text, Schema::default_schema(), meta, spans, Vec::new())
}
