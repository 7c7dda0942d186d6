//! Checks of the dataset importers on arbitrary input: no panic, and every document an
//! import accepts is one Hashiya can save, validate, open again and export.

use crate::export::brat::{self, BratDocument, BratNames};
use crate::export::conll::ConllOptions;
use crate::export::files::{ExportFormat, export_string};
use crate::export::jsonl::{self, JsonlFlavor};
use crate::export::offsets::OffsetUnit;
use crate::export::{ImportOptions, Imported, conll};
use crate::fuzzing::annotations::check_canonical;
use crate::io;
use crate::model::Document;

/// Separates the files of a brat input (see [`check_brat`]).
pub const BRAT_SEPARATOR: u8 = 0;

/// The spaCy `Doc` of `document` gives back its text (tokens and their spaces), has no empty
/// token, and holds every span on its own tokens.
fn check_spacy_doc(document: &Document) {
    let mut report = crate::export::ExportReport::default();
    let doc = crate::export::spacy::SpacyDoc::new(document, &mut report);
    let mut text = String::with_capacity(document.text().len());
    let mut reached = 0;
    for token in &doc.tokens {
        assert!(!token.text.is_empty(), "an empty spaCy token");
        assert_eq!(token.char_start, reached, "spaCy tokens leave a gap");
        text.push_str(token.text);
        reached = token.char_end;
        if token.space {
            text.push(' ');
            reached += 1;
        }
    }
    assert_eq!(text, document.text(), "the spaCy tokens do not give back the text");
    assert_eq!(doc.spans.len(), document.spans().len(), "a span lost in the spaCy Doc");
    for span in &doc.spans {
        let first = doc.tokens[span.token_start];
        let last = doc.tokens[span.token_end - 1];
        assert_eq!(
            (first.char_start, last.char_end),
            (span.span.char_start, span.span.char_end),
            "a span not on spaCy token boundaries"
        );
    }
}

/// Imports `data` as `CoNLL` and checks the documents it builds.
///
/// # Panics
///
/// When an imported document is one Hashiya cannot save, validate or open.
pub fn check_conll(data: &[u8]) {
    if let Ok(input) = std::str::from_utf8(data) {
        check_imported(&conll::import_str(input, &options()));
    }
}

/// Imports `data` as JSONL (every flavor is read by the same importer, line by line) and
/// checks the documents it builds.
///
/// # Panics
///
/// As [`check_conll`].
pub fn check_jsonl(data: &[u8]) {
    if let Ok(input) = std::str::from_utf8(data) {
        check_imported(&jsonl::import_str(input, &options()));
    }
}

/// Imports a brat folder and checks the documents it builds. `data` holds the folder's files
/// separated by [`BRAT_SEPARATOR`] bytes: `visual.conf`, then `NAME.txt` and `NAME.ann` for
/// each document (named `d1`, `d2`, …).
///
/// # Panics
///
/// As [`check_conll`].
pub fn check_brat(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let mut files = input.split(char::from(BRAT_SEPARATOR));
    let visual_conf = files.next().filter(|conf| !conf.is_empty());
    let files: Vec<&str> = files.collect();
    let inputs: Vec<BratDocument> = files
        .chunks(2)
        .enumerate()
        .map(|(n, pair)| BratDocument {
            name: format!("d{}", n + 1),
            txt: pair[0].to_owned(),
            ann: pair.get(1).copied().unwrap_or_default().to_owned(),
        })
        .collect();
    check_imported(&brat::import(&inputs, None, visual_conf, &options()));
}

fn options() -> ImportOptions {
    ImportOptions::new("fuzz")
}

/// Every imported document passes the model's integrity check, saves to an annotation file
/// that validates and loads back to the same document, has an article Hashiya can decode,
/// and exports in every format.
fn check_imported(imported: &Imported) {
    for document in &imported.documents {
        let problems = document.check();
        assert!(problems.is_empty(), "an import built a broken document: {problems:?}");
        let ron = io::to_ron_string(document);
        check_canonical(&ron);
        match io::from_ron_str(&ron, document.text()) {
            Ok(loaded) => {
                assert_eq!(
                    &loaded.document, document,
                    "an imported document loads back differently"
                );
                assert!(
                    loaded.orphans.is_empty(),
                    "an imported document loads with orphans: {:?}",
                    loaded.warnings
                );
            }
            Err(error) => panic!("an imported document's annotation file does not load: {error}\n{ron}"),
        }
        match io::decode_article(document.text().as_bytes()) {
            Ok(article) => assert!(
                article.text == document.text(),
                "an imported article opens as a different text: its offsets would not hold"
            ),
            Err(error) => panic!("an imported article cannot be opened: {error}"),
        }
    }
    check_exports(&imported.documents);
}

/// The imported documents export in every format, and Hashiya's JSONL of them imports back
/// to the same annotations.
fn check_exports(documents: &[Document]) {
    for format in [
        ExportFormat::Jsonl(JsonlFlavor::Doccano, OffsetUnit::Char),
        ExportFormat::Jsonl(JsonlFlavor::DoccanoRelations, OffsetUnit::Char),
        ExportFormat::Jsonl(
            JsonlFlavor::Tokens(crate::export::tokens::SentenceSplit::Unicode),
            OffsetUnit::Char,
        ),
        ExportFormat::Conll(ConllOptions::default()),
    ] {
        let _exported = export_string(documents, format);
    }
    for document in documents {
        check_spacy_doc(document);
    }
    assert!(
        crate::export::spacy::export_bytes(documents).is_ok(),
        "the spaCy DocBin could not be written"
    );
    let names = BratNames::for_documents(documents);
    let _conf = brat::annotation_conf(documents, &names);
    for document in documents {
        let _files = brat::export_document(document, &names);
    }
    let Some((jsonl, _)) = export_string(documents, ExportFormat::Jsonl(JsonlFlavor::Hashiya, OffsetUnit::Char)) else {
        return;
    };
    let again = jsonl::import_str(&jsonl, &options());
    assert_eq!(again.documents.len(), documents.len(), "JSONL export lost documents");
    for (before, after) in documents.iter().zip(&again.documents) {
        assert_eq!(before.text(), after.text(), "JSONL export changed a text");
        assert_eq!(before.spans(), after.spans(), "JSONL export changed the spans");
        assert_eq!(before.links(), after.links(), "JSONL export changed the links");
    }
}
