//! Files on disk: format version 1 fixtures that must stay loadable, articles in every
//! supported encoding, re-anchoring after the article changed, orphans kept across saves.

use std::path::{Path, PathBuf};

use hashiya::app::DocumentSession;
use hashiya::io::{self, OrphanSpan};
use hashiya::model::{Command, LinkId, SpanId, Status};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixtures")
}

const SAMPLE_TEXT: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");
const SAMPLE_RON: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.hashiya.ron");

/// `format-v1.hashiya.ron` was written by the version 1 writer and is never regenerated: every
/// later version must load it to the same document.
#[test]
fn format_v1_fixture_stays_loadable() {
    let loaded = io::load_document(&fixtures().join("format-v1.txt")).expect("loads");
    // The article has CRLF line ends; the offsets refer to the LF text.
    assert_eq!(loaded.encoding, "UTF-8");
    assert!(!loaded.document.text().contains('\r'));
    let document = &loaded.document;
    assert_eq!(document.meta().annotator, "مُعلِّق \"A\"");
    assert_eq!(document.meta().status, Status::InProgress);
    let spans: Vec<(u64, &str, &str)> = document
        .spans()
        .iter()
        .map(|s| (s.id.0, s.label.as_str(), document.span_text(s)))
        .collect();
    assert_eq!(
        spans,
        [
            (1, "Actor", "الفريق محمد الحداد"),
            (2, "Quote", "نتفق على توحيد المؤسسة العسكرية"),
            (3, "Agreed action", "توحيد المؤسسة العسكرية"),
            (4, "Actor", "ستيفاني وليامز"),
            (5, "Quote", "سعدت بالاجتماع 👩‍👩‍👧"),
        ]
    );
    let action = document.span(SpanId(3)).expect("action");
    assert!(action.needs_review);
    assert_eq!(action.note.as_deref(), Some("ملاحظة: \"مهم\"\nسطر ثان 😀\u{200F}"));
    assert_eq!(
        document
            .span(SpanId(1))
            .and_then(|s| s.attributes.get("type"))
            .map(String::as_str),
        Some("person")
    );
    assert_eq!(document.links().len(), 3);
    // The orphan and its link survive.
    assert_eq!(loaded.orphans.len(), 1);
    let orphan = &loaded.orphans[0];
    assert_eq!((orphan.span.id, orphan.text.as_str()), (SpanId(6), "الناظوري"));
    assert_eq!(orphan.links.iter().map(|l| l.id).collect::<Vec<_>>(), [LinkId(4)]);
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0].to_string().starts_with("1 span could not be placed")
            && loaded.warnings[0]
                .to_string()
                .contains("kept as an orphan: T6 \"الناظوري\""),
        "{}",
        loaded.warnings[0]
    );
    // A file that uses no field of a later version is saved as version 1, byte for byte.
    let fixture = std::fs::read_to_string(fixtures().join("format-v1.hashiya.ron")).expect("reads");
    assert_eq!(io::to_ron_string_with_orphans(document, &loaded.orphans), fixture);
}

#[test]
fn hand_written_v1_file_loads_with_defaults() {
    let text = io::load_article(&fixtures().join("format-v1.txt"))
        .expect("article")
        .text;
    let loaded = io::load_annotations(&fixtures().join("format-v1-handwritten.hashiya.ron"), &text).expect("loads");
    let document = &loaded.document;
    assert_eq!(loaded.warnings, Vec::<hashiya::io::LoadWarning>::new());
    assert_eq!(document.meta().annotator, "");
    assert_eq!(document.meta().status, Status::NotStarted);
    assert_eq!(document.schema().labels.len(), 2);
    let ids: Vec<u64> = document.spans().iter().map(|s| s.id.0).collect();
    assert_eq!(ids, [10, 20]);
    assert_eq!(document.links()[0].id, LinkId(7));
    // New ids continue after the largest in the file.
    let link = document.links()[0].clone();
    let label = document.spans()[0].label.clone();
    let mut session = DocumentSession::in_memory("format-v1.txt".into(), loaded.document);
    let add = Command::AddSpan {
        label,
        char_start: 0,
        char_end: 1,
    };
    assert_eq!(session.edit(add).expect("adds").span, Some(SpanId(21)));
    session.edit(Command::DeleteLink(link.id)).expect("unlinks");
    let relink = Command::AddLink {
        kind: link.kind,
        from: link.from,
        to: link.to,
    };
    assert_eq!(session.edit(relink).expect("links").link, Some(LinkId(8)));
}

/// The sample article in each supported encoding, with CRLF line ends, opens with the
/// annotations made on the UTF-8 file: offsets refer to the normalized text.
#[test]
fn articles_in_every_encoding_open_with_the_same_annotations() {
    let crlf = SAMPLE_TEXT.replace('\n', "\r\n");
    let mut cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf8", crlf.as_bytes().to_vec(), "UTF-8"),
        (
            "utf8-bom",
            [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat(),
            "UTF-8 with BOM",
        ),
    ];
    let (windows, _, errors) = encoding_rs::WINDOWS_1256.encode(&crlf);
    assert!(!errors);
    cases.push(("cp1256", windows.into_owned(), "windows-1256"));
    let mut little_endian = vec![0xFF, 0xFE];
    let mut big_endian = vec![0xFE, 0xFF];
    for unit in crlf.encode_utf16() {
        little_endian.extend(unit.to_le_bytes());
        big_endian.extend(unit.to_be_bytes());
    }
    cases.push(("little_endian", little_endian, "UTF-16LE"));
    cases.push(("big_endian", big_endian, "UTF-16BE"));
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes, encoding) in cases {
        let article = dir.path().join(format!("{name}.txt"));
        std::fs::write(&article, &bytes).expect("writes");
        let ron = SAMPLE_RON.replace("libya-army-leaders-meeting.ar.txt", &format!("{name}.txt"));
        std::fs::write(io::annotation_path_for(&article), ron).expect("writes");
        let loaded = io::load_document(&article).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.encoding, encoding);
        assert_eq!(loaded.document.text(), SAMPLE_TEXT, "{name}");
        assert_eq!(loaded.warnings, Vec::<hashiya::io::LoadWarning>::new(), "{name}");
        assert_eq!(loaded.document.spans().len(), 50);
    }
    // ISO-8859-6 cannot hold «», … or the damma: the article is adapted before encoding.
    let iso_text = SAMPLE_TEXT
        .replace(['«', '»'], "\"")
        .replace('…', "...")
        .replace('\u{64F}', "");
    let (iso, _, errors) = encoding_rs::ISO_8859_6.encode(&iso_text);
    assert!(!errors);
    let article = dir.path().join("iso.txt");
    std::fs::write(&article, &iso).expect("writes");
    let loaded = io::load_document(&article).expect("loads");
    assert_eq!(
        (loaded.encoding, loaded.document.text()),
        ("ISO-8859-6", iso_text.as_str())
    );
}

#[test]
fn undecodable_article_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("x.txt");
    std::fs::write(&article, b"Le g\xE9n\xE9ral a d\xE9clar\xE9").expect("writes");
    let error = io::load_document(&article).expect_err("not Arabic");
    let message = error.to_string();
    assert!(message.contains("offset 4 (E9"), "{message}");
    assert!(message.ends_with(&format!(": {}", article.display())), "{message}");
}

/// The article changed: a paragraph inserted at the top, a quote removed. Spans move with
/// their text and are marked for review; the removed quote's span is an orphan with its link;
/// saving keeps it; the annotation file is not modified by loading.
#[test]
fn changed_article_re_anchors_and_keeps_orphans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    let removed = "«التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد»";
    assert!(SAMPLE_TEXT.contains(removed));
    let changed = format!(
        "عنوان جديد 😀 لخبر الاجتماع\n{}",
        SAMPLE_TEXT.replace(removed, "الاقتتال")
    );
    std::fs::write(&article, &changed).expect("writes");
    let ron_path = io::annotation_path_for(&article);
    std::fs::write(&ron_path, SAMPLE_RON).expect("writes");

    let loaded = io::load_document(&article).expect("loads");
    assert_eq!(
        std::fs::read_to_string(&ron_path).expect("reads"),
        SAMPLE_RON,
        "loading never writes"
    );
    let document = &loaded.document;
    assert_eq!(document.check(), Vec::<String>::new());
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("SHA-256 differs")),
        "{:?}",
        loaded.warnings
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().starts_with("49 spans were re-anchored")),
        "{:?}",
        loaded.warnings
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().starts_with("1 span could not be placed"))
    );
    assert_eq!(document.spans().len(), 49);
    let stored = io::from_ron_str(SAMPLE_RON, SAMPLE_TEXT).expect("original");
    for span in document.spans() {
        let before = stored.document.span(span.id).expect("same id");
        assert_eq!(
            document.span_text(span),
            stored.document.span_text(before),
            "{}",
            span.id
        );
        assert!(span.needs_review, "{} moved", span.id);
        // Every span moved by the inserted line (27 chars), or by that minus the removed quote.
        let (now, then) = (span.char_start, before.char_start + 27);
        let shortened = removed.chars().count() - "الاقتتال".chars().count();
        assert!(now == then || now + shortened == then, "{}: {then} → {now}", span.id);
    }
    assert_eq!(loaded.orphans.len(), 1);
    let orphan = &loaded.orphans[0];
    assert_eq!(orphan.text, "التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد");
    assert_eq!(orphan.links.len(), 1, "its speaker link stays with it");
    assert_eq!(orphan.links[0].kind, "speaker");
    assert!(
        document
            .links()
            .iter()
            .all(|l| l.from != orphan.span.id && l.to != orphan.span.id)
    );

    io::save_document_with_orphans(document, &loaded.orphans, &ron_path).expect("saves");
    let reloaded = io::load_document(&article).expect("reloads");
    assert_eq!(&reloaded.document, document);
    assert_eq!(reloaded.orphans, loaded.orphans);
    // The file now matches the article: only the orphan is left to resolve.
    assert_eq!(reloaded.warnings.len(), 1, "{:?}", reloaded.warnings);

    // When the text comes back, the orphan is placed again with its link.
    std::fs::write(&article, changed.replacen("الاقتتال", removed, 1)).expect("writes");
    let restored = io::load_document(&article).expect("loads");
    assert!(restored.orphans.is_empty(), "{:?}", restored.warnings);
    assert_eq!(restored.document.spans().len(), 50);
    assert_eq!(restored.document.links().len(), 40);
}

/// The UI resolves an orphan by placing it where the user points, through the command path:
/// `RestoreSpan` brings its links back with it.
#[test]
fn an_orphan_placed_by_the_user_comes_back_with_its_links() {
    let mut session = DocumentSession::open(&fixtures().join("format-v1.txt")).expect("loads");
    let OrphanSpan { mut span, links, .. } = session.orphans()[0].clone();
    span.char_start = 67;
    span.char_end = 81;
    session
        .edit(hashiya::model::Command::RestoreSpan { span, links })
        .expect("restores");
    let document = session.document();
    assert_eq!(document.check(), Vec::<String>::new());
    assert_eq!(document.links().len(), 4);
    assert!(document.links().iter().any(|l| l.id == LinkId(4) && l.to == SpanId(6)));
}

/// `format-v2.hashiya.ron` holds a field of each part of version 2 and is never regenerated:
/// every later version must load it to the same document and save it as version 2, byte for
/// byte, while it names no entity.
#[test]
fn format_v2_fixture_stays_loadable_and_stays_version_2() {
    let loaded = io::load_document(&fixtures().join("format-v2.txt")).expect("loads");
    let document = &loaded.document;
    let actor = document.schema().label("Actor").expect("Actor");
    assert_eq!(actor.display_name.as_deref(), Some("Actor (فاعل)"));
    assert_eq!(document.schema().disabled_checks, ["span-edge"]);
    assert_eq!(document.brat_lines(), ["*\tAlias T1 T4"]);
    assert_eq!(document.spans().len(), 5);
    assert!(document.spans().iter().all(|s| s.entity.is_none()));
    let fixture = std::fs::read_to_string(fixtures().join("format-v2.hashiya.ron")).expect("reads");
    assert_eq!(io::to_ron_string_with_orphans(document, &loaded.orphans), fixture);
}

/// A span that names an entity makes the file version 3; the entity survives a save and a
/// load (fast reader and ron alike); clearing it is undone like any edit, and the file goes
/// back to the version it was.
#[test]
fn an_entity_on_a_span_is_saved_as_version_3_and_read_back() {
    use hashiya::io::differential::{RonReader, load_annotation_bytes};
    use hashiya::model::EntityId;
    for fixture in ["format-v1", "format-v2"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join(format!("{fixture}.txt"));
        std::fs::copy(fixtures().join(format!("{fixture}.txt")), &article).expect("copies");
        let original = std::fs::read_to_string(fixtures().join(format!("{fixture}.hashiya.ron"))).expect("reads");
        std::fs::write(io::annotation_path_for(&article), &original).expect("writes");
        let mut session = DocumentSession::open(&article).expect("loads");
        for (span, entity) in [(SpanId(1), eid(1)), (SpanId(4), eid(12))] {
            let set = Command::SetSpanEntity {
                id: span,
                entity: Some(entity),
            };
            session.edit(set).expect("sets the entity");
        }
        session.save().expect("saves");
        let saved = std::fs::read_to_string(io::annotation_path_for(&article)).expect("reads");
        assert!(
            saved.starts_with("// Hashiya annotations (format_version 3)."),
            "{saved}"
        );
        assert!(saved.contains("    format_version: 3,\n"));
        assert!(
            saved
                .contains("text: \"الفريق محمد الحداد\", attributes: {\"type\": \"person\"}, entity: Some(\"E1\")),\n"),
            "{saved}"
        );
        let text = session.document().text().to_owned();
        for reader in [RonReader::FastThenRon, RonReader::RonOnly] {
            let loaded = load_annotation_bytes(saved.as_bytes(), &text, reader).expect("loads");
            let entities: Vec<(SpanId, Option<EntityId>)> =
                loaded.document.spans().iter().map(|s| (s.id, s.entity)).collect();
            assert_eq!(
                entities,
                [
                    (SpanId(1), Some(eid(1))),
                    (SpanId(2), None),
                    (SpanId(3), None),
                    (SpanId(4), Some(eid(12))),
                    (SpanId(5), None),
                ],
                "{reader:?}"
            );
        }
        while session.undo().expect("undoes") {}
        assert!(session.document().spans().iter().all(|s| s.entity.is_none()));
        assert_eq!(
            io::to_ron_string_with_orphans(session.document(), session.orphans()),
            original
        );
    }
}

#[test]
fn an_entity_that_is_not_an_id_is_an_error_on_its_line() {
    let text = io::load_article(&fixtures().join("format-v1.txt"))
        .expect("article")
        .text;
    let original = std::fs::read_to_string(fixtures().join("format-v1.hashiya.ron")).expect("reads");
    for bad in ["E01", "حفتر", "", "E1 "] {
        let edited = original.replace("format_version: 1,", "format_version: 3,").replacen(
            "text: \"ستيفاني وليامز\", attributes: {\"type\": \"person\"}",
            &format!("text: \"ستيفاني وليامز\", attributes: {{\"type\": \"person\"}}, entity: Some(\"{bad}\")"),
            1,
        );
        let error = io::from_ron_str(&edited, &text).expect_err("refused").to_string();
        assert!(
            error.contains("23:") && error.contains("span T4 names entity"),
            "{bad:?}: {error}"
        );
    }
}

fn eid(n: u32) -> hashiya::model::EntityId {
    hashiya::model::EntityId::new(n).expect("not 0")
}

/// A hand-edited file that names an entity but still says version 1 opens with a warning,
/// and `hashiya fmt` (canonical form) writes it as version 3.
#[test]
fn an_entity_in_a_file_that_says_version_1_is_rewritten_as_version_3() {
    let text = io::load_article(&fixtures().join("format-v1.txt"))
        .expect("article")
        .text;
    let original = std::fs::read_to_string(fixtures().join("format-v1.hashiya.ron")).expect("reads");
    let edited = original.replacen(
        "text: \"ستيفاني وليامز\", attributes: {\"type\": \"person\"}",
        "text: \"ستيفاني وليامز\", attributes: {\"type\": \"person\"}, entity: Some(\"E2\")",
        1,
    );
    let loaded = io::from_ron_str(&edited, &text).expect("loads");
    assert_eq!(loaded.document.span(SpanId(4)).and_then(|s| s.entity), Some(eid(2)));
    assert!(
        loaded.warnings.iter().any(|w| w
            .to_string()
            .contains("says format_version 1 but uses fields of version 3")),
        "{:?}",
        loaded.warnings
    );
    let canonical = io::canonical_ron(&edited).expect("formats");
    assert!(
        canonical.starts_with("// Hashiya annotations (format_version 3)."),
        "{canonical}"
    );
    assert_eq!(
        canonical,
        io::to_ron_string_with_orphans(&loaded.document, &loaded.orphans)
    );
    // Without the entity, fmt leaves the version as it was.
    assert_eq!(io::canonical_ron(&original).expect("formats"), original);
}

/// `format-v3.hashiya.ron` (the version 2 fixture with two spans naming entities) is never
/// regenerated: every later version loads it and saves it as version 3, byte for byte, while
/// it holds no suggestion.
#[test]
fn format_v3_fixture_stays_loadable_and_stays_version_3() {
    let loaded = io::load_document(&fixtures().join("format-v3.txt")).expect("loads");
    let entities: Vec<String> = loaded
        .document
        .spans()
        .iter()
        .filter_map(|s| s.entity.map(|e| e.to_string()))
        .collect();
    assert_eq!(entities, ["E1", "E12"]);
    assert!(loaded.document.suggestions().is_empty());
    let fixture = std::fs::read_to_string(fixtures().join("format-v3.hashiya.ron")).expect("reads");
    assert_eq!(
        io::to_ron_string_with_orphans(&loaded.document, &loaded.orphans),
        fixture
    );
}

/// Suggestions make the file version 4, in their own sections; both readers read them back
/// identically; undoing them all gives the older version again.
#[test]
fn suggestions_are_saved_as_version_4_and_read_back() {
    use hashiya::io::differential::{RonReader, load_annotation_bytes};
    use hashiya::model::{SuggestedLink, SuggestedSpan, SuggestionEnd, SuggestionId, SuggestionSource};
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("format-v3.txt");
    std::fs::copy(fixtures().join("format-v3.txt"), &article).expect("copies");
    std::fs::copy(
        fixtures().join("format-v3.hashiya.ron"),
        io::annotation_path_for(&article),
    )
    .expect("copies");
    let mut session = DocumentSession::open(&article).expect("loads");
    let text = session.document().text().to_owned();
    let range = |needle: &str| {
        let byte = text.find(needle).expect("in text");
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let (start, end) = range("المؤسسة العسكرية");
    let span = |id: u64, label: &str, (char_start, char_end): (usize, usize), source: SuggestionSource| SuggestedSpan {
        id: SuggestionId(id),
        label: label.into(),
        char_start,
        char_end,
        score: 0.625,
        source,
    };
    session
        .edit(Command::SetSuggestions {
            source: SuggestionSource::Imported("bert \"ar\"".into()),
            spans: vec![span(
                1,
                "Actor",
                (start, end),
                SuggestionSource::Imported("bert \"ar\"".into()),
            )],
            links: vec![SuggestedLink {
                id: SuggestionId(2),
                kind: "party".into(),
                from: SuggestionEnd::Span(SpanId(3)),
                to: SuggestionEnd::Suggested(SuggestionId(1)),
                score: 1.0,
                source: SuggestionSource::Imported("bert \"ar\"".into()),
            }],
        })
        .expect("suggestions");
    session
        .edit(Command::SetSuggestions {
            source: SuggestionSource::Rules,
            spans: vec![span(3, "Actor", range("وليامز"), SuggestionSource::Rules)],
            links: Vec::new(),
        })
        .expect("rules");
    session
        .edit(Command::RejectSuggestion(SuggestionId(3)))
        .expect("rejected");
    session.save().expect("saves");
    let saved = std::fs::read_to_string(io::annotation_path_for(&article)).expect("reads");
    assert!(saved.contains("    format_version: 4,\n"), "{saved}");
    assert!(
        saved.contains(&format!(
            "        (id: 1, label: \"Actor\", start: {start}, end: {end}, text: \"المؤسسة العسكرية\", score: 0.625, source: Imported(\"bert \\\"ar\\\"\")),\n"
        )),
        "{saved}"
    );
    assert!(saved.contains("(id: 2, kind: \"party\", from: Span(3), to: Suggested(1), score: 1.0, source: Imported("));
    assert!(saved.contains("    rejected: [\n        (label: \"Actor\", start: "));
    for reader in [RonReader::FastThenRon, RonReader::RonOnly] {
        let loaded = load_annotation_bytes(saved.as_bytes(), &text, reader).expect("loads");
        let (read, written) = (loaded.document.suggestions(), session.document().suggestions());
        assert_eq!(read.spans(), written.spans(), "{reader:?}");
        assert_eq!(read.links(), written.links(), "{reader:?}");
        assert_eq!(read.rejected(), written.rejected(), "{reader:?}");
    }
    // Undo everything suggested: the file is version 3 again, as it was.
    for _ in 0..3 {
        session.undo().expect("undone");
    }
    session.save().expect("saves");
    let again = std::fs::read_to_string(io::annotation_path_for(&article)).expect("reads");
    let fixture = std::fs::read_to_string(fixtures().join("format-v3.hashiya.ron")).expect("reads");
    assert_eq!(again, fixture);
}

/// A suggestion whose text is no longer at its offsets (the article was edited) is dropped
/// with a warning, with the suggested links that ended at it; a bad score makes the file
/// invalid, with its line.
#[test]
fn stale_suggestions_are_dropped_and_bad_ones_refused() {
    let text = io::load_article(&fixtures().join("format-v3.txt"))
        .expect("article")
        .text;
    let fixture = std::fs::read_to_string(fixtures().join("format-v3.hashiya.ron")).expect("reads");
    let with = |section: &str| {
        fixture
            .replacen("    format_version: 3,", "    format_version: 4,", 1)
            .replace("\n)\n", &format!("\n{section})\n"))
    };
    let stale = with(
        "    suggestions: [\n        (id: 1, label: \"Actor\", start: 4, end: 10, text: \"غير ذلك\", score: 0.5, source: Matcher),\n        (id: 2, label: \"Actor\", start: 67, end: 81, text: \"ستيفاني وليامز\", score: 0.5, source: Tagger),\n    ],\n    suggested_links: [\n        (id: 3, kind: \"speaker\", from: Span(2), to: Suggested(1), score: 0.5, source: Rules),\n    ],\n",
    );
    let loaded = io::from_ron_str(&stale, &text).expect("loads");
    let kept: Vec<u64> = loaded.document.suggestions().spans().iter().map(|s| s.id.0).collect();
    assert_eq!(kept, [2]);
    assert!(loaded.document.suggestions().links().is_empty());
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.to_string().contains("2 suggestions no longer match")),
        "{:?}",
        loaded.warnings
    );
    let bad = with(
        "    suggestions: [\n        (id: 1, label: \"Actor\", start: 67, end: 81, text: \"ستيفاني وليامز\", score: 1.5, source: Matcher),\n    ],\n",
    );
    let error = io::from_ron_str(&bad, &text)
        .expect_err("a score over 1 is refused")
        .to_string();
    assert!(error.contains("score 1.5"), "{error}");
}

/// A project's own rule words live in the schema (`suggestion_rules`), written on one line
/// in version 4 and read back the same by both readers; the rest keeps its defaults.
#[test]
fn suggestion_rules_in_the_schema_are_version_4_and_read_back() {
    use hashiya::io::differential::{RonReader, load_annotation_bytes};
    let text = io::load_article(&fixtures().join("format-v3.txt"))
        .expect("article")
        .text;
    let fixture = std::fs::read_to_string(fixtures().join("format-v3.hashiya.ron")).expect("reads");
    let edited = fixture.replacen(
        "        disabled_checks: [\"span-edge\"],\n    ),\n",
        "        disabled_checks: [\"span-edge\"],\n        suggestion_rules: Some((titles: [\"العميد\"], min_quote_words: 3)),\n    ),\n",
        1,
    );
    assert_ne!(edited, fixture, "the schema's end was found");
    let loaded = io::from_ron_str(&edited, &text).expect("loads");
    let rules = loaded
        .document
        .schema()
        .suggestion_rules
        .clone()
        .expect("the project's rules");
    assert_eq!(rules.titles, ["العميد"]);
    assert_eq!(rules.min_quote_words, 3);
    assert_eq!(
        rules.speech_verbs,
        hashiya::model::SuggestionRules::default().speech_verbs,
        "defaults for the rest"
    );
    let saved = io::to_ron_string_with_orphans(&loaded.document, &loaded.orphans);
    assert!(saved.contains("    format_version: 4,\n"));
    assert!(
        saved.contains("        suggestion_rules: Some((speech_verbs:["),
        "{saved}"
    );
    for reader in [RonReader::FastThenRon, RonReader::RonOnly] {
        let again = load_annotation_bytes(saved.as_bytes(), &text, reader).expect("loads");
        assert_eq!(again.document.schema(), loaded.document.schema(), "{reader:?}");
    }
}
