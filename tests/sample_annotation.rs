//! The example annotation shipped beside the sample article
//! (`assets/samples/libya-army-leaders-meeting.ar.hashiya.ron`): how it is generated, and
//! checks that it is valid and complete.
//!
//! Regenerate after changing the spec or the writer:
//! `HASHIYA_BLESS=1 cargo test --test sample_annotation`.
//!
//! Guidelines applied:
//! - **Actor**: every mention of a person, body or group that acts, speaks, is addressed or
//!   takes part in the meeting, later and short mentions included. Persons with their rank
//!   (الفريق محمد الحداد), without long functional titles; bodies with their full name
//!   (اللجنة العسكرية المشتركة «5+5»). Affiliations that do not act (حكومة الوحدة الوطنية,
//!   القيادة العامة) and places are not actors.
//! - **Quote**: every «…» that is reported speech, a tweet or a statement (the text inside
//!   the guillemets), and indirect statements (داعية …, متعهدة …) without the reporting verb.
//!   Names in guillemets («5+5», «تويتر», «فيسبوك») are not quotes. Actors inside quotes are
//!   marked too.
//! - **Agreed action**: the verbal-noun phrase of what the army leaders agreed on, discussed or
//!   committed to in their joint statement, without the framing (اتفق على, الشروع في) and
//!   without purpose clauses.
//! - **speaker**: each quote → the nearest mention of who said it. **party**: each action → the
//!   army leaders who issued the statement and the two chiefs of staff who led the meeting.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hashiya::app::DocumentSession;
use hashiya::model::{Command, Document, DocumentMeta, Link, Schema, Status};

const ARTICLE: &str = "assets/samples/libya-army-leaders-meeting.ar.txt";
const ANNOTATIONS: &str = "assets/samples/libya-army-leaders-meeting.ar.hashiya.ron";

/// One span: a key for links, its label, a context that occurs once in the article, the
/// phrase inside that context, the actor type, and a note.
#[derive(Clone, Copy)]
struct SpanSpec {
    key: &'static str,
    label: &'static str,
    context: &'static str,
    phrase: &'static str,
    actor_type: Option<&'static str>,
    note: Option<&'static str>,
}

const fn actor(key: &'static str, context: &'static str, phrase: &'static str, kind: &'static str) -> SpanSpec {
    SpanSpec {
        key,
        label: "Actor",
        context,
        phrase,
        actor_type: Some(kind),
        note: None,
    }
}

const fn quote(key: &'static str, context: &'static str, phrase: &'static str) -> SpanSpec {
    SpanSpec {
        key,
        label: "Quote",
        context,
        phrase,
        actor_type: None,
        note: None,
    }
}

const fn action(key: &'static str, context: &'static str, phrase: &'static str) -> SpanSpec {
    SpanSpec {
        key,
        label: "Agreed action",
        context,
        phrase,
        actor_type: None,
        note: None,
    }
}

const fn noted(spec: SpanSpec, note: &'static str) -> SpanSpec {
    SpanSpec {
        note: Some(note),
        ..spec
    }
}

const PERSON: &str = "person";
const BODY: &str = "organisation";
const GROUP: &str = "group";

/// Every span of the sample, paragraph by paragraph.
const SPANS: &[SpanSpec] = &[
    // ¶1: Williams comments on the meeting and calls on the political parties.
    actor("williams", "بشأن ليبيا ستيفاني وليامز،", "ستيفاني وليامز", PERSON),
    actor("haddad", "الفريق محمد الحداد", "الفريق محمد الحداد", PERSON),
    actor(
        "nadhouri",
        "الفريق عبدالرازق الناظوري",
        "الفريق عبدالرازق الناظوري",
        PERSON,
    ),
    actor(
        "jmc-1",
        "الناظوري واللجنة العسكرية المشتركة «5+5»",
        "اللجنة العسكرية المشتركة «5+5»",
        BODY,
    ),
    actor("leaders-1", "«5+5» وقادة الجيش في العاصمة", "قادة الجيش", GROUP),
    quote(
        "call",
        "داعية الأطراف السياسية إلى أن تحذو حذوهما في روح التعاون والتوافق.",
        "الأطراف السياسية إلى أن تحذو حذوهما في روح التعاون والتوافق",
    ),
    actor("parties-1", "داعية الأطراف السياسية", "الأطراف السياسية", GROUP),
    // ¶2: the meetings end; the joint statement.
    actor("nadhouri-2", "واختتم الناظوري والحداد", "الناظوري", PERSON),
    actor("haddad-2", "واختتم الناظوري والحداد", "الحداد", PERSON),
    actor(
        "jmc-2",
        "مع أعضاء اللجنة العسكرية المشتركة «5+5»",
        "اللجنة العسكرية المشتركة «5+5»",
        BODY,
    ),
    actor(
        "directors",
        "وعدد من مديري الإدارات والهيئات العسكرية،",
        "مديري الإدارات والهيئات العسكرية",
        GROUP,
    ),
    noted(
        quote(
            "statement-title",
            "«بيان مشترك لقيادات المؤسسة العسكرية للجيش الليبي»",
            "بيان مشترك لقيادات المؤسسة العسكرية للجيش الليبي",
        ),
        "title of the joint statement; its authors are named in it",
    ),
    actor(
        "leaderships",
        "بيان مشترك لقيادات المؤسسة العسكرية للجيش الليبي",
        "قيادات المؤسسة العسكرية للجيش الليبي",
        GROUP,
    ),
    // ¶3: Williams's tweet.
    actor("williams-2", "وغردت وليامز", "وليامز", PERSON),
    quote(
        "tweet",
        "قائلة: «سعدت",
        "سعدت بما خلص إليه الاجتماع بين كل من الفريق الحداد والفريق أول الناظوري المبني على العمل الدؤوب الذي قامت به اللجنة العسكرية المشتركة (5+5) منذ اتفاق وقف إطلاق النار في 2020. ويجدر بالأطراف السياسية أن تحذو حذوهما في روح التعاون والتوافق التي يتحليان بها",
    ),
    actor("haddad-3", "بين كل من الفريق الحداد", "الفريق الحداد", PERSON),
    actor("nadhouri-3", "والفريق أول الناظوري", "الفريق أول الناظوري", PERSON),
    actor(
        "jmc-3",
        "قامت به اللجنة العسكرية المشتركة (5+5)",
        "اللجنة العسكرية المشتركة (5+5)",
        BODY,
    ),
    actor("parties-2", "ويجدر بالأطراف السياسية", "الأطراف السياسية", GROUP),
    // Heading.
    actor("leaders-h1", "مخرجات اجتماع قادة الجيش", "قادة الجيش", GROUP),
    // ¶4: positions of the army leaders.
    actor("leaders-4", "وأكد قادة الجيش الليبي", "قادة الجيش الليبي", GROUP),
    quote(
        "rejection",
        "«التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد»",
        "التام والمطلق لعودة الاقتتال بين أبناء الوطن الواحد",
    ),
    quote(
        "renounce",
        "«نبذهم العنف ودعمهم الكامل مدنية الدولة وإبعاد المؤسسة العسكرية عن التجاذبات السياسية»",
        "نبذهم العنف ودعمهم الكامل مدنية الدولة وإبعاد المؤسسة العسكرية عن التجاذبات السياسية",
    ),
    noted(
        action(
            "keep-out-of-politics",
            "وإبعاد المؤسسة العسكرية عن التجاذبات السياسية",
            "إبعاد المؤسسة العسكرية عن التجاذبات السياسية",
        ),
        "a shared commitment stressed in the joint statement (مشددين على)",
    ),
    // ¶5: what they agreed on and discussed.
    actor("leaders-5", "كما اتفق قادة الجيش الليبي", "قادة الجيش الليبي", GROUP),
    quote(
        "agreed-steps",
        "«الشروع في تحديد الخطوات الواقعية لتوحيد المؤسسة العسكرية»",
        "الشروع في تحديد الخطوات الواقعية لتوحيد المؤسسة العسكرية",
    ),
    action(
        "unify",
        "الشروع في تحديد الخطوات الواقعية لتوحيد المؤسسة العسكرية",
        "تحديد الخطوات الواقعية لتوحيد المؤسسة العسكرية",
    ),
    quote(
        "single-chief",
        "«ضرورة تسمية رئيس أركان واحد للمؤسسة العسكرية»",
        "ضرورة تسمية رئيس أركان واحد للمؤسسة العسكرية",
    ),
    noted(
        action(
            "name-chief",
            "«ضرورة تسمية رئيس أركان واحد للمؤسسة العسكرية»",
            "تسمية رئيس أركان واحد للمؤسسة العسكرية",
        ),
        "discussed (وناقشوا) as a necessity",
    ),
    quote(
        "data",
        "«وضع أسس تبادل وتوحيد البيانات",
        "وضع أسس تبادل وتوحيد البيانات والتنسيق في الأعمال بين رئاسات الأركان النوعية والإدارات المختلفة",
    ),
    noted(
        action(
            "share-data",
            "«وضع أسس تبادل وتوحيد البيانات",
            "وضع أسس تبادل وتوحيد البيانات والتنسيق في الأعمال بين رئاسات الأركان النوعية والإدارات المختلفة",
        ),
        "discussed (وناقشوا)",
    ),
    quote(
        "training-and-force",
        "«الاتفاق على وضع برامج",
        "الاتفاق على وضع برامج تدريب مشتركة… وإقرار تفعيل القوة المشتركة التي تم الاتفاق على تشكيلها في اتفاق وقف إطلاق النار",
    ),
    action("training", "وضع برامج تدريب مشتركة…", "وضع برامج تدريب مشتركة"),
    action(
        "joint-force",
        "وإقرار تفعيل القوة المشتركة",
        "إقرار تفعيل القوة المشتركة التي تم الاتفاق على تشكيلها في اتفاق وقف إطلاق النار",
    ),
    // ¶6: the statement adds patrols and further meetings.
    quote(
        "patrols-plan",
        "«تم وضع خطة للبدء",
        "تم وضع خطة للبدء في تسيير دوريات حدودية من الوحدات المختلفة لحرس الحدود لحماية الحدود الليبية ومنع الهجرة غير الشرعية وتجارة المخدرات والجريمة المنظمة ومكافحة الإرهاب داخل الأراضي الليبية",
    ),
    action(
        "patrols",
        "للبدء في تسيير دوريات حدودية من الوحدات المختلفة لحرس الحدود",
        "تسيير دوريات حدودية من الوحدات المختلفة لحرس الحدود",
    ),
    actor("border-guard", "لحرس الحدود", "حرس الحدود", BODY),
    quote(
        "continue",
        "«ضرورة الاستمرار",
        "ضرورة الاستمرار في التواصل المباشر وعقد اجتماعات لاحقة في أقرب وقت لاستكمال الأعمال التي تم الاتفاق على تنفيذها ومتابعتها",
    ),
    action(
        "communicate",
        "الاستمرار في التواصل المباشر",
        "الاستمرار في التواصل المباشر",
    ),
    action(
        "meet-again",
        "وعقد اجتماعات لاحقة في أقرب وقت",
        "عقد اجتماعات لاحقة في أقرب وقت",
    ),
    // Heading.
    actor("mission-h2", "البعثة الأممية تشيد", "البعثة الأممية", BODY),
    actor("leaders-h2", "تشيد باجتماع قادة الجيش في طرابلس", "قادة الجيش", GROUP),
    // ¶7: the UN mission praises the meeting and pledges support.
    actor(
        "mission-1",
        "وأشادت بعثة الأمم المتحدة للدعم في ليبيا",
        "بعثة الأمم المتحدة للدعم في ليبيا",
        BODY,
    ),
    actor(
        "leaders-7",
        "باجتماع قادة الجيش الليبي التابعين",
        "قادة الجيش الليبي",
        GROUP,
    ),
    quote(
        "pledge",
        "متعهدة بمواصلة دعمها المحادثات في المسار الأمني.",
        "بمواصلة دعمها المحادثات في المسار الأمني",
    ),
    // ¶8: the mission's Facebook statement.
    actor(
        "mission-2",
        "وقالت بعثة الأمم المتحدة للدعم في ليبيا",
        "بعثة الأمم المتحدة للدعم في ليبيا",
        BODY,
    ),
    quote(
        "facebook",
        "إنها «تشيد",
        "تشيد بالاجتماع الذي أُجري في طرابلس في 18-19 يوليو بين قادة الجيش الليبي. وتشيد الأمم المتحدة بهذا الحوار المهم وتواصل دعمها المحادثات في المسار الأمني، لا سيما تلك التي تتم من خلال اللجنة العسكرية المشتركة (5+5) بما فيها التنفيذ التام لاتفاق وقف إطلاق النار المبرم في أكتوبر 2020",
    ),
    actor("leaders-8", "يوليو بين قادة الجيش الليبي", "قادة الجيش الليبي", GROUP),
    actor("un", "وتشيد الأمم المتحدة", "الأمم المتحدة", BODY),
    actor(
        "jmc-4",
        "من خلال اللجنة العسكرية المشتركة (5+5)",
        "اللجنة العسكرية المشتركة (5+5)",
        BODY,
    ),
];

/// Quote → speaker.
const SPEAKERS: &[(&str, &str)] = &[
    ("call", "williams"),
    ("statement-title", "leaderships"),
    ("tweet", "williams-2"),
    ("rejection", "leaders-4"),
    ("renounce", "leaders-4"),
    ("agreed-steps", "leaders-5"),
    ("single-chief", "leaders-5"),
    ("data", "leaders-5"),
    ("training-and-force", "leaders-5"),
    // "وأضاف البيان …, مؤكدين …": the statement of the same leaders.
    ("patrols-plan", "leaders-5"),
    ("continue", "leaders-5"),
    ("pledge", "mission-1"),
    ("facebook", "mission-2"),
];

/// Agreed action → the actors the statement speaks for.
const ACTIONS: &[(&str, &str)] = &[
    ("keep-out-of-politics", "leaders-4"),
    ("unify", "leaders-5"),
    ("name-chief", "leaders-5"),
    ("share-data", "leaders-5"),
    ("training", "leaders-5"),
    ("joint-force", "leaders-5"),
    ("patrols", "leaders-5"),
    ("communicate", "leaders-5"),
    ("meet-again", "leaders-5"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The char range of `phrase`, which starts inside `context`; the context must occur exactly
/// once in `text` (it may be the phrase itself, a longer text around it, or its beginning).
fn locate(text: &str, context: &str, phrase: &str) -> (usize, usize) {
    let occurrences: Vec<usize> = text.match_indices(context).map(|(b, _)| b).collect();
    assert_eq!(occurrences.len(), 1, "context must occur once: {context}");
    let context_start = occurrences[0];
    let byte_start = text[context_start..]
        .find(phrase)
        .map(|b| context_start + b)
        .filter(|&b| b < context_start + context.len())
        .unwrap_or_else(|| panic!("{phrase} does not start inside {context}"));
    let char_start = text[..byte_start].chars().count();
    (char_start, char_start + phrase.chars().count())
}

/// Builds the sample document through the session's command path, as the UI would.
fn build_sample(text: &str) -> Document {
    let meta = DocumentMeta {
        source_name: "libya-army-leaders-meeting.ar.txt".into(),
        annotator: "Hashiya sample".into(),
        status: Status::Done,
    };
    let document = Document::new(text.to_owned(), Schema::default_schema(), meta);
    let mut session = DocumentSession::in_memory(ARTICLE.into(), document);
    let mut ids = HashMap::new();
    for spec in SPANS {
        let (char_start, char_end) = locate(text, spec.context, spec.phrase);
        let add = Command::AddSpan {
            label: spec.label.into(),
            char_start,
            char_end,
        };
        let id = session.edit(add).expect("span is valid").span.expect("a new span");
        if let Some(kind) = spec.actor_type {
            let name = "type".into();
            let value = Some(kind.into());
            session
                .edit(Command::SetSpanAttribute { id, name, value })
                .expect("attribute is valid");
        }
        if let Some(note) = spec.note {
            let note = Some(note.to_owned());
            session.edit(Command::SetSpanNote { id, note }).expect("note is set");
        }
        assert!(ids.insert(spec.key, id).is_none(), "duplicate key {}", spec.key);
    }
    let parties = |action: &'static str| {
        let leaders = ACTIONS.iter().find(|(a, _)| *a == action).map(|(_, l)| *l);
        leaders.into_iter().chain(["haddad", "nadhouri"])
    };
    let mut links: Vec<(&str, &str, &str)> = SPEAKERS.iter().map(|&(q, s)| ("speaker", q, s)).collect();
    for &(action_key, _) in ACTIONS {
        links.extend(parties(action_key).map(|party| ("party", action_key, party)));
    }
    for (kind, from, to) in links {
        let link = Command::AddLink {
            kind: kind.into(),
            from: ids[from],
            to: ids[to],
        };
        session.edit(link).expect("link is valid");
    }
    session.document().clone()
}

#[test]
fn the_shipped_file_is_what_the_spec_generates() {
    let text = std::fs::read_to_string(root().join(ARTICLE)).expect("sample article");
    let generated = hashiya::io::to_ron_string(&build_sample(&text));
    let path = root().join(ANNOTATIONS);
    if std::env::var_os("HASHIYA_BLESS").is_some() {
        hashiya::io::save_document(&build_sample(&text), &path).expect("writes the sample annotations");
        let _ = std::fs::remove_file(hashiya::io::atomic::backup_path_for(&path));
    }
    let shipped = std::fs::read_to_string(&path).expect("shipped annotations (HASHIYA_BLESS=1 writes them)");
    assert!(
        shipped == generated,
        "{ANNOTATIONS} is stale; regenerate with HASHIYA_BLESS=1"
    );
}

#[test]
fn the_shipped_file_loads_valid_and_complete() {
    let article = root().join(ARTICLE);
    let loaded = hashiya::io::load_document(Path::new(&article)).expect("loads");
    assert_eq!(loaded.warnings, Vec::<hashiya::io::LoadWarning>::new());
    assert!(loaded.orphans.is_empty());
    assert_eq!(loaded.encoding, "UTF-8");
    let document = &loaded.document;
    assert_eq!(document.check(), Vec::<String>::new());
    let ron = std::fs::read_to_string(root().join(ANNOTATIONS)).expect("reads");
    assert_eq!(hashiya::io::validate_ron(&ron, document.text()), []);
    // Every span's stored text is the text at its offsets (validate_ron checks it; the count
    // of `text:` fields shows none was skipped).
    assert_eq!(ron.matches(", text: ").count(), document.spans().len());
    assert_eq!(document.spans().len(), SPANS.len());

    let texts_of = |label: &str| -> Vec<&str> {
        document
            .spans()
            .iter()
            .filter(|s| s.label == label)
            .map(|s| document.span_text(s))
            .collect()
    };
    // Every «…» that is not a name is a Quote, exactly.
    let quotes = texts_of("Quote");
    let text = document.text();
    let mut rest = text;
    while let Some(open) = rest.find('«') {
        let inner = &rest[open + '«'.len_utf8()..];
        let close = inner.find('»').expect("closed guillemet");
        let inside = &inner[..close];
        if !["5+5", "تويتر", "فيسبوك"].contains(&inside) {
            assert!(quotes.contains(&inside), "«{inside}» is not annotated as a quote");
        }
        rest = &inner[close..];
    }
    // The actors and actions named in the issue are there.
    let actors = texts_of("Actor");
    for name in [
        "الفريق محمد الحداد",
        "ستيفاني وليامز",
        "الفريق عبدالرازق الناظوري",
        "اللجنة العسكرية المشتركة «5+5»",
        "بعثة الأمم المتحدة للدعم في ليبيا",
        "قادة الجيش الليبي",
        "وليامز",
        "الحداد",
        "الناظوري",
    ] {
        assert!(actors.contains(&name), "actor {name} is missing");
    }
    let actions = texts_of("Agreed action");
    for needle in ["توحيد المؤسسة العسكرية", "تسمية رئيس أركان واحد", "تسيير دوريات حدودية"]
    {
        assert!(actions.iter().any(|a| a.contains(needle)), "action {needle} is missing");
    }
    // Every quote has exactly one speaker, every action at least one party, each an Actor.
    for span in document.spans() {
        let outgoing: Vec<&Link> = document.links().iter().filter(|l| l.from == span.id).collect();
        let expected_kind = match span.label.as_str() {
            "Quote" => "speaker",
            "Agreed action" => "party",
            _ => {
                assert!(outgoing.is_empty());
                continue;
            }
        };
        assert!(
            !outgoing.is_empty(),
            "{} \"{}\" has no {expected_kind}",
            span.id,
            document.span_text(span)
        );
        assert!(outgoing.iter().all(|l| l.kind == expected_kind));
        assert!(
            outgoing
                .iter()
                .all(|l| document.span(l.to).is_some_and(|s| s.label == "Actor"))
        );
        if expected_kind == "speaker" {
            assert_eq!(outgoing.len(), 1);
        }
    }
}
