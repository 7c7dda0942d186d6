//! A team's project in the window: the first article of a project folder asks who is
//! annotating, then every article opens as that annotator's own file, without asking again.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::DocumentSession;
use hashiya::ui::{AppAction, AppOptions, HashiyaApp};

const SAMPLE: &str = include_str!("../assets/samples/libya-army-leaders-meeting.ar.txt");

#[test]
fn the_first_project_article_asks_who_annotates_and_the_answer_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("hashiya-project.ron"),
        r#"(annotators: ["sara", "omar"])"#,
    )
    .expect("writes the project");
    let articles: Vec<_> = (1..=2)
        .map(|n| {
            let article = dir.path().join(format!("news-{n}.txt"));
            std::fs::write(&article, SAMPLE).expect("writes");
            article
        })
        .collect();
    let session = DocumentSession::open(&articles[0]).expect("opens");
    let options = AppOptions {
        session: Some(session),
        ..AppOptions::default()
    };
    let mut harness = Harness::new_eframe(move |cc| HashiyaApp::new(cc, options));
    harness.set_size(egui::vec2(1100.0, 760.0));
    harness.run();
    harness.get_by_label("Who is annotating?");
    harness.get_by_label("omar").click();
    harness.run();
    assert!(harness.query_by_label("Who is annotating?").is_none());
    let own = dir.path().join("news-1.omar.hashiya.ron");
    assert_eq!(harness.state().session().annotation_path(), own);
    assert_eq!(harness.state().session().document().meta().annotator, "omar");

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, AppAction::OpenPath(articles[1].clone()));
    harness.run();
    assert!(harness.query_by_label("Who is annotating?").is_none(), "asked once");
    assert_eq!(
        harness.state().session().annotation_path(),
        dir.path().join("news-2.omar.hashiya.ron")
    );

    // The folder panel shows every annotator's progress on each article.
    let project = hashiya::io::project::ProjectFolder::find(dir.path())
        .expect("reads")
        .expect("a project");
    let mut sara = DocumentSession::open_as(&articles[0], &project, "sara").expect("opens");
    sara.edit(hashiya::model::Command::SetStatus(hashiya::model::Status::Done))
        .expect("done");
    sara.save().expect("saves");
    harness
        .state_mut()
        .perform(&ctx, AppAction::OpenPath(dir.path().to_path_buf()));
    harness.run();
    harness.get_by_label_contains("sara done, omar not started");
    harness.get_by_label_contains("sara not started, omar not started");
}
