//! `hashiya import --from jsonl --as-suggestions PREDICTIONS --out DIR`: another model's
//! output becomes suggestions in the articles of `DIR`, as Label Studio's predictions are, to
//! be accepted or rejected one key at a time in the window. An article is found by the line's
//! document name (`a.txt` or `a`), else by identical text; a line that matches none becomes a
//! new article. Annotations are never touched: each model's earlier suggestions are replaced,
//! and what the annotator rejected or already annotated is not suggested again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::args::ImportArgs;
use crate::cli::inputs::print_warnings;
use crate::cli::output::Output;
use crate::export::ImportOptions;
use crate::export::files::ImportFormat;
use crate::export::predictions::{self, Prediction};
use crate::io;
use crate::model::{Document, LABEL_PALETTE, LabelDef, Schema};

/// The model named when neither the input nor `--model` names one.
const DEFAULT_MODEL: &str = "imported";

/// Runs the command; exit code 0 (all lines attached), 1 (some lines refused, the others
/// written), 2 (bad usage, unreadable input, unwritable folder).
#[must_use]
pub fn run(args: &ImportArgs) -> i32 {
    if args.from != ImportFormat::Jsonl {
        eprintln!("hashiya import: --as-suggestions reads JSONL predictions (--from jsonl)");
        return 2;
    }
    let mut label_map = BTreeMap::new();
    if let Some(map) = &args.map {
        match ImportOptions::parse_label_map(map) {
            Ok(map) => label_map = map,
            Err(error) => {
                eprintln!("hashiya import: --map: {error}");
                return 2;
            }
        }
    }
    let input = match std::fs::read_to_string(&args.input) {
        Ok(input) => input,
        Err(error) => {
            eprintln!("hashiya import: {}: {error}", args.input.display());
            return 2;
        }
    };
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!("hashiya import: {}: {error}", args.out.display());
        return 2;
    }
    let (predictions, warnings) = predictions::parse(&input);
    let input_name = args.input.display().to_string();
    print_warnings("import", warnings.iter().map(|w| format!("{input_name}: {w}")), 0);
    let default_model = args.model.as_deref().unwrap_or(DEFAULT_MODEL);
    let mut folder = Folder::read(&args.out);
    let mut out = Output::stdout("import");
    let (mut refused, mut suggested) = (0, 0);
    for (index, prediction) in predictions.iter().enumerate() {
        match attach(&mut folder, prediction, index, default_model, &label_map) {
            Ok((article, count)) => {
                suggested += count;
                out.line(article.display());
            }
            Err(error) => {
                refused += 1;
                eprintln!("hashiya import: {input_name}: prediction {}: {error}", index + 1);
            }
        }
    }
    eprintln!(
        "hashiya import: {suggested} suggestions in {} articles; written to {}",
        predictions.len() - refused,
        args.out.display()
    );
    out.finish(i32::from(refused > 0))
}

/// The articles of the destination folder, found by name or by text.
struct Folder {
    dir: PathBuf,
    /// Article paths with their text, read once when a line names no known article.
    texts: Option<Vec<(PathBuf, String)>>,
}

impl Folder {
    fn read(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            texts: None,
        }
    }

    /// The article for a prediction: by name, else by identical text.
    fn find(&mut self, prediction: &Prediction) -> Option<PathBuf> {
        if let Some(name) = &prediction.name {
            for candidate in predictions::named_files(name) {
                let path = self.dir.join(&candidate);
                if !io::exists_but_not_regular(&path) && path.is_file() {
                    return Some(path);
                }
            }
        }
        let texts = self.texts.get_or_insert_with(|| {
            let Ok(entries) = io::folder::list_folder(&self.dir) else {
                return Vec::new();
            };
            entries
                .into_iter()
                .filter_map(|e| io::load_article(&e.article).ok().map(|a| (e.article, a.text)))
                .collect()
        });
        texts
            .iter()
            .find(|(_, text)| *text == prediction.text)
            .map(|(path, _)| path.clone())
    }
}

/// Adds one line's suggestions to its article (written first when new); returns the article
/// and how many suggestions it now holds from this input.
fn attach(
    folder: &mut Folder,
    prediction: &Prediction,
    index: usize,
    default_model: &str,
    label_map: &BTreeMap<String, String>,
) -> Result<(PathBuf, usize), String> {
    let article = match folder.find(prediction) {
        Some(article) => article,
        None => new_article(folder, prediction, index)?,
    };
    let loaded = io::load_document(&article).map_err(|e| e.to_string())?;
    if loaded.document.text() != prediction.text {
        return Err(format!(
            "{} holds another text than the prediction's; not changed",
            article.display()
        ));
    }
    let by_model = predictions::proposals_by_model(std::slice::from_ref(&prediction), default_model, label_map);
    let document = with_labels(&loaded.document, by_model.values().flatten().map(|s| s.label.as_str()));
    let made = predictions::suggestion_commands(&document, &by_model);
    let count = made.made;
    let document = document.with_suggestions(made.suggestions);
    let problems = document.check();
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    io::save_document_with_orphans(&document, &loaded.orphans, &io::annotation_path_for(&article))
        .map_err(|e| e.to_string())?;
    Ok((article, count))
}

/// Writes the prediction's text as a new article `NAME.txt` (its name, or `prediction-N`).
fn new_article(folder: &Folder, prediction: &Prediction, index: usize) -> Result<PathBuf, String> {
    if prediction.text.contains(['\r', '\0']) {
        return Err(
            "its text has CR or NUL characters, which articles do not keep; import the texts with \
             --from jsonl first, then the predictions"
                .to_owned(),
        );
    }
    let stem = prediction
        .name
        .as_deref()
        .map(|name| name.strip_suffix(".txt").unwrap_or(name))
        .map_or_else(|| format!("prediction-{}", index + 1), crate::export::storage_name);
    let article = folder.dir.join(format!("{stem}.txt"));
    if article.exists() {
        return Err(format!("{} exists with another text; not changed", article.display()));
    }
    io::atomic::write_atomic(&article, prediction.text.as_bytes(), io::atomic::Backup::None)
        .map_err(|e| e.to_string())?;
    Ok(article)
}

/// The document with every label the predictions use defined (new ones get palette colours),
/// rebuilt whole as importers do.
fn with_labels<'l>(document: &Document, labels: impl Iterator<Item = &'l str>) -> Document {
    let mut schema: Schema = document.schema().clone();
    for label in labels {
        if schema.label(label).is_none() {
            let color = LABEL_PALETTE[schema.labels.len() % LABEL_PALETTE.len()];
            schema.labels.push(LabelDef::new(label, color));
        }
    }
    if &schema == document.schema() {
        return document.clone();
    }
    Document::from_parts(
        document.text().to_owned(),
        schema,
        document.meta().clone(),
        document.spans().to_vec(),
        document.links().to_vec(),
    )
    .with_brat_lines(document.brat_lines().to_vec())
    .with_suggestions(document.suggestions().clone())
    .with_tokenization(document.tokenization())
}
