//! Shared test fixtures: a fixed annotated document built on the bundled sample article.

#![allow(dead_code)]

use hashiya::model::Document;

/// The bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/samples/libya-army-leaders-meeting.ar.txt");

/// Char range of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("\"{needle}\" occurs fewer than {} times", nth + 1));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The sample article with its shipped example annotations
/// (`assets/samples/libya-army-leaders-meeting.ar.hashiya.ron`: every actor, quote and agreed
/// action, speaker and party links, `type` attributes, notes, actors nested in quotes).
pub fn golden_document() -> Document {
    let article =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/libya-army-leaders-meeting.ar.txt");
    let loaded = hashiya::io::load_document(&article).expect("the example annotations load");
    assert!(
        loaded.warnings.is_empty() && loaded.orphans.is_empty(),
        "{:?}",
        loaded.warnings
    );
    loaded.document
}

/// An entity of the sample: `(name, kind, country, role, words)`.
pub type SampleEntity = (
    &'static str,
    hashiya::model::EntityKind,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
);

/// The actors of the sample as entities: `(name, kind, country, role, words)`; an Actor
/// mention whose text contains one of the words mentions the entity. Actors matching none
/// (the political parties, the border guard, …) stay without an entity.
pub const SAMPLE_ENTITIES: [SampleEntity; 6] = {
    use hashiya::model::EntityKind::{Group, Organisation, Person};
    [
        ("محمد الحداد", Person, Some("LBY"), Some("MIL"), &["الحداد"]),
        ("عبدالرازق الناظوري", Person, Some("LBY"), Some("MIL"), &["الناظوري"]),
        ("ستيفاني وليامز", Person, None, Some("IGO"), &["وليامز"]),
        (
            "اللجنة العسكرية المشتركة (5+5)",
            Organisation,
            Some("LBY"),
            Some("MIL"),
            &["اللجنة العسكرية المشتركة"],
        ),
        (
            "قادة الجيش الليبي",
            Group,
            Some("LBY"),
            Some("MIL"),
            &["قادة الجيش", "قيادات المؤسسة العسكرية"],
        ),
        (
            "بعثة الأمم المتحدة للدعم في ليبيا",
            Organisation,
            None,
            Some("IGO"),
            &["الأمم المتحدة", "البعثة الأممية"],
        ),
    ]
};

/// The registry of [`SAMPLE_ENTITIES`] (ids E1…E6 in that order) and `document` with each
/// Actor mention given its entity by the words.
pub fn with_sample_entities(document: &Document) -> (hashiya::model::EntityRegistry, Document) {
    use hashiya::model::{Entity, EntityId, EntityRegistry};
    let entities = SAMPLE_ENTITIES
        .iter()
        .zip(1..)
        .map(|((name, kind, country, role, words), n)| {
            let mut entity = Entity::new(EntityId::new(n).expect("not 0"), *name, *kind);
            entity.country = country.map(str::to_owned);
            entity.role = role.map(str::to_owned);
            entity.aliases = words.iter().map(|w| (*w).to_owned()).filter(|w| w != name).collect();
            entity
        });
    let registry = EntityRegistry::from_entities(entities, 0).expect("unique ids");
    let spans = document
        .spans()
        .iter()
        .map(|span| {
            let mut span = span.clone();
            if span.label == "Actor" {
                let text = document.span_text(&span);
                span.entity = SAMPLE_ENTITIES
                    .iter()
                    .zip(1..)
                    .find(|((.., words), _)| words.iter().any(|w| text.contains(w)))
                    .and_then(|(_, n)| EntityId::new(n));
            }
            span
        })
        .collect();
    let with = Document::from_parts(
        document.text().to_owned(),
        document.schema().clone(),
        document.meta().clone(),
        spans,
        document.links().to_vec(),
    );
    (registry, with)
}

/// The window (through `egui_kittest`) on a fresh copy of the sample in a temporary folder, so
/// that tests never touch the user's files; one frame already run.
pub fn app_on_sample_copy(size: egui::Vec2) -> egui_kittest::Harness<'static, hashiya::ui::HashiyaApp> {
    use hashiya::app::DocumentSession;
    use hashiya::ui::{AppOptions, HashiyaApp, SAMPLE_NAME};
    let dir = tempfile::tempdir().expect("temp dir").keep();
    let article = dir.join(SAMPLE_NAME);
    std::fs::write(&article, SAMPLE).expect("copy the sample");
    let session = DocumentSession::open(&article).expect("opens");
    let options = AppOptions {
        session: Some(session),
        ..AppOptions::default()
    };
    let mut harness = egui_kittest::Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(size);
    harness.run();
    harness
}

/// Drags with the primary button from `from` to `to` in four steps, a frame each, as a hand
/// does (egui needs the intermediate moves to see a drag).
pub fn drag<S>(harness: &mut egui_kittest::Harness<'_, S>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// The sample's example annotations as another annotator would have them: named `annotator`,
/// without the first `dropped` Actors that have no link (so every link stays valid).
pub fn sample_without_unlinked_actors(sample: &Document, annotator: &str, dropped: usize) -> Document {
    use hashiya::model::{DocumentMeta, SpanId};
    let linked: Vec<SpanId> = sample.links().iter().flat_map(|l| [l.from, l.to]).collect();
    let drop: Vec<SpanId> = sample
        .spans()
        .iter()
        .filter(|s| s.label == "Actor" && !linked.contains(&s.id))
        .map(|s| s.id)
        .take(dropped)
        .collect();
    assert_eq!(drop.len(), dropped, "the sample has enough unlinked actors");
    let meta = DocumentMeta {
        annotator: annotator.into(),
        ..sample.meta().clone()
    };
    let spans = sample
        .spans()
        .iter()
        .filter(|s| !drop.contains(&s.id))
        .cloned()
        .collect();
    Document::from_parts(
        sample.text().to_owned(),
        sample.schema().clone(),
        meta,
        spans,
        sample.links().to_vec(),
    )
}

/// The window on `article` (opened with its annotation file), 1200 × 800, with room for
/// scroll animations to settle; one frame already run.
pub fn app_on_article(article: &std::path::Path) -> egui_kittest::Harness<'static, hashiya::ui::HashiyaApp> {
    use hashiya::app::DocumentSession;
    use hashiya::ui::AppOptions;
    app_with(AppOptions {
        session: Some(DocumentSession::open(article).expect("opens")),
        ..AppOptions::default()
    })
}

/// The window with `options`, 1200 × 800, with room for scroll animations to settle; one
/// frame already run.
pub fn app_with(options: hashiya::ui::AppOptions) -> egui_kittest::Harness<'static, hashiya::ui::HashiyaApp> {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(64)
        .build_eframe(move |cc| hashiya::ui::HashiyaApp::new(cc, options));
    harness.run();
    harness
}

/// Runs the `hashiya` binary with `args` in `dir`.
pub fn hashiya_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs hashiya")
}
