//! The command line's grammar, declared once with clap: the window (`hashiya [PATH]`), every
//! subcommand, their help, `--version`, completions and the man page all come from these
//! types. Paths are `PathBuf`s, so file names that are not UTF-8 work everywhere.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser as _};
use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::export::files::ImportFormat;
use crate::export::jsonl::JsonlFlavor;
use crate::export::offsets::OffsetUnit;
use crate::export::split::SplitSpec;
use crate::export::tokens::SentenceSplit;
use crate::model::{EntityId, EntityKind};
use crate::text::Direction;

/// Printed after the top-level help and in the man page.
const EXIT_CODES: &str = "Exit codes: 0 success; 1 problems found (an invalid file, nothing to \
export, files import would overwrite); 2 bad usage or an unreadable input or destination.";

/// A usage error found after parsing (two options that do not go together): printed as one
/// line on stderr, exit code 2.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Hashiya (حاشية): annotate Arabic and other right-to-left or left-to-right news articles,
/// and turn the annotations into datasets.
///
/// Without a subcommand, opens the window (on PATH when given).
#[derive(Debug, Parser)]
#[command(
    name = "hashiya",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// A command-line task instead of the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// What the window opens.
    #[command(flatten)]
    pub window: WindowArgs,
}

/// `hashiya [PATH] [--screenshot PNG]`: the window.
#[derive(Debug, Default, Args)]
pub struct WindowArgs {
    /// An article (.txt), an annotation file (NAME.hashiya.ron opens NAME.txt beside it) or a
    /// folder of articles.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Saves the first frame as a PNG image and quits.
    #[arg(long, value_name = "PNG")]
    pub screenshot: Option<PathBuf>,
    /// The interface language (en, ar), as View › Language sets it.
    #[arg(long, value_name = "LANG", value_parser = ["en", "ar"])]
    pub language: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Checks annotation files against their articles.
    Validate(ValidateArgs),
    /// Rewrites annotation files in canonical form (the previous version kept as .bak).
    Fmt(FmtArgs),
    /// Writes annotated articles as a dataset (JSONL, CoNLL, brat).
    Export(ExportArgs),
    /// Turns a dataset (CoNLL, brat, JSONL) into articles with annotation files.
    Import(ImportArgs),
    /// Counts spans per label and per document, and links per kind.
    Stats(StatsArgs),
    /// Finds annotation mistakes: a quote without its speaker, a span on a stray space, …
    Check(CheckArgs),
    /// Measures how far several annotators agree on the same articles.
    Agree(AgreeArgs),
    /// Lists the actor entities with their mentions per document; merges two entities.
    Entities(EntitiesArgs),
    /// Merges two versions of an annotation file span by span (git's merge driver).
    MergeFile(MergeFileArgs),
    /// Shows how far each annotator of a team's project has come, document by document.
    Progress(ProgressArgs),
    /// Finds a word or phrase in articles and folders, Arabic spelling variants and attached
    /// prefixes included.
    Search(SearchArgs),
    /// Measures a suggestion source (string matcher, rules, CRF tagger): precision, recall
    /// and F1 per label against annotated documents.
    Suggest(SuggestArgs),
    /// Prints the layout engine's answers as JSON lines (for tests and checks).
    Debug(DebugArgs),
    /// Prints a shell completion script.
    Completions(CompletionsArgs),
    /// Prints the manual page (roff), or writes one page per subcommand.
    Man(ManArgs),
}

/// `hashiya validate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Prints `valid (…): PATH` or one line per problem, `LINE:COL: MESSAGE: PATH`. \
Exit code 0 when all are valid, 1 when any has a problem."
)]
pub struct ValidateArgs {
    /// Annotation files; each is checked against its article NAME.txt beside it.
    #[arg(required = true, value_name = "FILE.hashiya.ron")]
    pub files: Vec<PathBuf>,
}

/// `hashiya fmt`.
#[derive(Debug, Args)]
#[command(
    after_help = "Files already in canonical form are not touched. Exit code 0 when all \
are formatted, 1 when a file is invalid (it is left as it is)."
)]
pub struct FmtArgs {
    /// Annotation files to rewrite.
    #[arg(required = true, value_name = "FILE.hashiya.ron")]
    pub files: Vec<PathBuf>,
}

/// `hashiya export`.
#[derive(Debug, Args)]
#[command(after_help = "Exit code 0 written, 1 no annotated document among the inputs, 2 an \
unreadable input or destination.")]
pub struct ExportArgs {
    /// The dataset format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: ExportTo,
    /// Which JSONL (with --to jsonl): hashiya, doccano, doccano-relations, or tokens (token
    /// classification: a record per sentence with integer IOB2 tags, and labels.json).
    #[arg(long, alias = "flavor", value_name = "FLAVOR", value_parser = jsonl_flavor_parser())]
    pub jsonl_flavor: Option<JsonlFlavor>,
    /// What JSONL offsets count: chars (Unicode scalars, as Python does; the default) or
    /// utf16 code units (as doccano's and Label Studio's JavaScript do) (with --to jsonl or
    /// --to parquet).
    #[arg(long, value_name = "UNIT", value_parser = offsets_parser())]
    pub offsets: Option<OffsetUnit>,
    /// Where CoNLL sentences end (with --to conll or --jsonl-flavor tokens).
    #[arg(long, value_name = "RULE", value_parser = sentences_parser())]
    pub sentences: Option<SentenceSplit>,
    /// One IOB2 tag column per label, so nested spans are kept (with --to conll).
    #[arg(long)]
    pub layers: bool,
    /// Also writes the suggestions, under their own keys `suggestions` and
    /// `suggested_relations` (with --to jsonl, the hashiya flavor, or --to parquet); without
    /// it no suggestion reaches an export.
    #[arg(long)]
    pub with_suggestions: bool,
    /// Labels written as brat events: the span is the trigger, its links the roles (with
    /// --to brat; comma-separated, e.g. "Agreed action").
    #[arg(long, value_name = "LABEL,...", value_delimiter = ',')]
    pub brat_events: Vec<String>,
    /// The file (or folder, for brat and --split) to write; standard output without it.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Splits the documents into parts, e.g. train=0.8,dev=0.1,test=0.1 (needs --out).
    #[arg(long, value_name = "SPEC", value_parser = split_parser)]
    pub split: Option<SplitSpec>,
    /// The seed of the split's shuffle.
    #[arg(long, value_name = "N", requires = "split")]
    pub seed: Option<u64>,
    /// Articles, annotation files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// `hashiya export --to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportTo {
    /// One JSON object per document.
    Jsonl,
    /// One token per line with its IOB2 tag.
    Conll,
    /// A folder of .txt/.ann pairs.
    Brat,
    /// One JSON object per agreed action and per quote, parties and speakers as entities.
    Events,
    /// A document per line, mentions grouped into clusters by entity (OntoNotes-style).
    Coref,
    /// A spaCy training file (.spacy): every span in a span group, the outermost as entities.
    Spacy,
    /// A Parquet table (.parquet), a row per document: the columns of the hashiya JSONL.
    Parquet,
}

/// `hashiya import`.
#[derive(Debug, Args)]
#[command(after_help = "Exit code 0 written (the warnings name the input lines), 1 when it \
would overwrite files (without --force) or refused documents Hashiya could not open (the \
others are written), 2 an unreadable input or unwritable destination.")]
pub struct ImportArgs {
    /// The dataset format.
    #[arg(long, value_name = "FORMAT", value_parser = import_format_parser())]
    pub from: ImportFormat,
    /// Renames labels, e.g. PERS=Actor,LOC=Place.
    #[arg(long, value_name = "TAG=LABEL,...")]
    pub map: Option<String>,
    /// The annotator named in the written files.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
    /// CoNLL: the column that holds the tag, counted from 1 (the token), in a file of several
    /// columns such as CoNLL-2003's `token POS chunk NER` (default: the last). The other
    /// columns are not kept.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(2..))]
    pub column: Option<u16>,
    /// Overwrites existing files in the destination.
    #[arg(long)]
    pub force: bool,
    /// Reads a model's predictions (JSONL: spans with `score` and `model`, or a transformers
    /// NER pipeline's output) as suggestions to review: added to the articles of --out with
    /// the same name or text (their annotations untouched), or to new articles.
    #[arg(long, conflicts_with = "force")]
    pub as_suggestions: bool,
    /// The model named for predictions that do not name theirs (with --as-suggestions).
    #[arg(long, value_name = "NAME", requires = "as_suggestions")]
    pub model: Option<String>,
    /// A dataset file, or a brat folder.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// The folder to write the articles and annotation files to.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// `hashiya stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Articles, annotation files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// `hashiya search`.
#[derive(Debug, Args)]
#[command(after_help = "Prints the matches per document, or with --json one object per match \
{\"document\", \"start\", \"stem_start\", \"end\", \"text\"} (char offsets). Exit code 0 when something \
matched, 1 when nothing did, 2 a bad regular expression or an unreadable input.")]
// Each bool is one independent command-line switch; clap reads them as such.
#[allow(clippy::struct_excessive_bools)]
pub struct SearchArgs {
    /// Compare char for char (no folding of أ إ آ ٱ / ا, ى / ي, ة / ه, diacritics, tatweel, case).
    #[arg(long, conflicts_with = "regex")]
    pub exact: bool,
    /// The query is a regular expression (Rust regex syntax) over the original text.
    #[arg(long)]
    pub regex: bool,
    /// Do not match words with attached prefixes (و ف ب ك ل ال).
    #[arg(long)]
    pub no_prefixes: bool,
    /// Match inside words too, not only whole words.
    #[arg(long)]
    pub partial_words: bool,
    /// One JSON object per match on standard output.
    #[arg(long)]
    pub json: bool,
    /// What to find.
    pub query: String,
    /// Articles or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// A suggestion source, for `hashiya suggest --source`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SuggestSource {
    /// Strings annotated in the training documents (and a gazetteer), found again.
    Matcher,
    /// Quotes, speakers and titled actors of the default schema, from word lists.
    Rules,
    /// A linear-chain CRF trained on the training documents' spans.
    Tagger,
}

/// `hashiya suggest`.
#[derive(Debug, Args)]
#[command(
    after_help = "Trains SOURCE on the --train inputs (the rules need none), runs it on the --test inputs without their annotations and compares its spans with theirs, exact match (same range and label): one line per label with precision, recall, F1 and the counts, then the micro total, links per kind (right when kind and both ends match) and the training \
time. --split-at F instead takes INPUT...: the first F of their tokens train, the rest test. Inputs are articles, annotation files or folders (as `hashiya stats` \
reads them), or datasets as `hashiya import` reads them: CoNLL (.conll, .bio, .iob) and JSONL \
(.jsonl) files. --json: {\"source\", \"train_documents\", \"test_documents\", \"train_seconds\", \"suggest_seconds\", \"labels\": {LABEL: {\"precision\", \"recall\", \"f1\", \"correct\", \"proposed\", \"annotated\"}}, \"total\", \"links\": {KIND: …}}. Exit code 0 when measured, 1 when there is nothing to test or train on, 2 bad usage or an unreadable input."
)]
pub struct SuggestArgs {
    /// Measure the source against --test (or --split-at) annotations. Without it, the
    /// source's suggestions are written into the annotation files of INPUT... (learning from
    /// --train, or from the annotated inputs).
    #[arg(long)]
    pub eval: bool,
    /// The source to measure.
    #[arg(long, value_enum, value_name = "SOURCE")]
    pub source: SuggestSource,
    /// Documents the source learns from.
    #[arg(long, num_args = 1.., value_name = "INPUT", conflicts_with = "split_at")]
    pub train: Vec<PathBuf>,
    /// Documents the source is measured on.
    #[arg(long, num_args = 1.., value_name = "INPUT", conflicts_with = "split_at")]
    pub test: Vec<PathBuf>,
    /// Splits INPUT... by token position: this share (0–1) of the tokens trains, the rest tests.
    #[arg(long, value_name = "F", requires = "inputs", value_parser = fraction_parser)]
    pub split_at: Option<f64>,
    /// Gives the source the test documents' spans of this label (repeatable), so that what
    /// builds on them is measured: `--given Actor` scores the rules' quotes and speakers
    /// with the annotated actors. Those spans are not scored.
    #[arg(long, value_name = "LABEL")]
    pub given: Vec<String>,
    /// A gazetteer for the matcher: one `text<TAB>label` a line.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// One JSON object on standard output.
    #[arg(long)]
    pub json: bool,
    /// The inputs to split (with --split-at), or, without --eval, the articles, annotation
    /// files or folders to write suggestions into.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

fn fraction_parser(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if value > 0.0 && value < 1.0 => Ok(value),
        _ => Err(format!("expected a share between 0 and 1, such as 0.8, not \"{text}\"")),
    }
}

/// `hashiya check`.
#[derive(Debug, Args)]
#[command(
    after_help = "Prints one line per problem, `PATH: chars START..END: CHECK: MESSAGE`, or with \
--json one object per problem {\"document\", \"check\", \"start\", \"end\", \"span\", \"message\"} \
(char offsets). A project turns checks off in its schema: disabled_checks: [\"span-edge\"]. \
Exit code 0 when no problem is found, 1 when any is, 2 for an unreadable input."
)]
pub struct CheckArgs {
    /// One JSON object per problem on standard output.
    #[arg(long)]
    pub json: bool,
    /// Lists the checks, their names and what they find, and exits.
    #[arg(long, exclusive = true)]
    pub list: bool,
    /// Articles, annotation files or folders.
    #[arg(required_unless_present = "list", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// `hashiya agree`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each FILE is one annotator's annotation file of an article (NAME.hashiya.ron, \
or NAME.ANNOTATOR.hashiya.ron beside NAME.txt); the annotator is the name the file records. \
Prints span F1 (exact and overlap), token κ and α per label, link F1, by pair and document; \
--json: {\"annotators\", \"documents\", \"spans\", \"tokens\", \"links\", \"disagreements\"}. \
Exit code 0 when measured, 1 when no article has two annotators' files, 2 for an unreadable file."
)]
pub struct AgreeArgs {
    /// One JSON object on standard output.
    #[arg(long)]
    pub json: bool,
    /// Annotation files of two or more annotators.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// `hashiya entities`.
#[derive(Debug, Args)]
#[command(
    after_help = "The entities are those of the dataset's registry, entities.hashiya.ron in the \
inputs' folder or a folder above it. Prints one line per entity (id, name, type, codes, \
mentions per annotation file: NAME, and NAME.ANNOTATOR for annotators' files); --json: {\"registry\", \"documents\", \"entities\", \"unknown\", \
\"unassigned\"}. --merge KEPT GONE repoints every mention of GONE in the inputs' annotation \
files (give the whole dataset) and removes GONE from the registry, its names kept as aliases. \
Exit code 0 listed or merged, 1 when a mention names an entity the registry lacks, 2 for an \
unreadable input or registry or a merge that could not be done."
)]
pub struct EntitiesArgs {
    /// One JSON object on standard output.
    #[arg(long)]
    pub json: bool,
    /// Merges entity GONE into entity KEPT (ids such as E3).
    #[arg(long, num_args = 2, value_names = ["KEPT", "GONE"], value_parser = entity_id_parser, conflicts_with_all = ["add", "rename"])]
    pub merge: Option<Vec<EntityId>>,
    /// Adds an entity with this canonical name (with --type; the registry is created in the
    /// first input's folder when there is none) and prints its id.
    #[arg(long, value_name = "NAME", requires = "kind", conflicts_with = "rename")]
    pub add: Option<String>,
    /// Gives entity ID the canonical name NAME; the old name becomes an alias.
    #[arg(long, num_args = 2, value_names = ["ID", "NAME"])]
    pub rename: Option<Vec<String>>,
    /// The new entity's type (with --add): person, organisation, country or group.
    #[arg(long = "type", id = "kind", value_name = "TYPE", value_parser = entity_kind_parser, requires = "add")]
    pub kind: Option<EntityKind>,
    /// The new entity's country, ISO 3166-1 alpha-3 such as LBY (with --add).
    #[arg(long, value_name = "CODE", requires = "add")]
    pub country: Option<String>,
    /// The new entity's sector or role code, such as GOV, MIL, REB (with --add).
    #[arg(long, value_name = "CODE", requires = "add")]
    pub role: Option<String>,
    /// The new entity's Wikidata item, such as Q1853985 (with --add).
    #[arg(long, value_name = "ITEM", requires = "add")]
    pub wikidata: Option<String>,
    /// Another name of the new entity (with --add; repeat it for several).
    #[arg(long, value_name = "NAME", requires = "add")]
    pub alias: Vec<String>,
    /// The registry file, instead of the nearest entities.hashiya.ron above the inputs.
    #[arg(long, value_name = "FILE")]
    pub registry: Option<PathBuf>,
    /// Articles, annotation files or folders.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// `hashiya merge-file`.
#[derive(Debug, Args)]
#[command(after_help = "A three-way merge of annotation files by span and link, not by line: \
what one side changed is taken, a span both changed differently is kept in both versions, \
marked for review. The result replaces OURS; it is always a valid annotation file. \
As git's merge driver, in .gitattributes: `*.hashiya.ron merge=hashiya`, and once per clone: \
`git config merge.hashiya.driver 'hashiya merge-file %O %A %B %P'`. \
Exit code 0 when merged, 1 when the versions cannot be merged (OURS is left as it was), \
2 for an unreadable file.")]
pub struct MergeFileArgs {
    /// The common ancestor (git's %O; an empty file when there was none).
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// Our version (git's %A), replaced by the merged file.
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    /// Their version (git's %B).
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// The file's name in the repository (git's %P), for messages.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// `hashiya progress`.
#[derive(Debug, Args)]
#[command(
    after_help = "FOLDER holds the articles; the project file hashiya-project.ron is in it or a \
folder above (its annotators, annotators_per_document, assignments and schema are in the README). \
Each annotator's file of NAME.txt is NAME.ANNOTATOR.hashiya.ron. Prints each document's assigned \
annotators and their status, and whether it is ready for review (all of them done); --json: \
{\"project\", \"documents\": [{\"article\", \"annotators\": [{\"annotator\", \"status\", \"spans\"}], \
\"ready_for_review\"}], \"annotators\": {NAME: {\"assigned\", \"not_started\", \"in_progress\", \"done\"}}}. \
Exit code 0, or 2 when there is no project file or the folder cannot be read."
)]
pub struct ProgressArgs {
    /// One JSON object on standard output.
    #[arg(long)]
    pub json: bool,
    /// The folder of articles.
    #[arg(value_name = "FOLDER")]
    pub folder: PathBuf,
}

/// `hashiya debug`.
#[derive(Debug, Args)]
// An error naming the missing query, not the whole help, when it is left out.
#[command(subcommand_required = true, arg_required_else_help = false)]
pub struct DebugArgs {
    /// What to ask the layout engine.
    #[command(subcommand)]
    pub query: DebugQuery,
}

/// `hashiya debug layout|rects|hit`.
#[derive(Debug, Subcommand)]
pub enum DebugQuery {
    /// Every visual line with its runs.
    Layout {
        /// How the article is laid out.
        #[command(flatten)]
        layout: LayoutArgs,
        /// The article.
        file: PathBuf,
    },
    /// The rectangles that highlight the characters START..END.
    Rects {
        /// How the article is laid out.
        #[command(flatten)]
        layout: LayoutArgs,
        /// The article.
        file: PathBuf,
        /// The first character (a char offset).
        start: usize,
        /// The character after the last one.
        end: usize,
    },
    /// The character offset under the point X, Y.
    Hit {
        /// How the article is laid out.
        #[command(flatten)]
        layout: LayoutArgs,
        /// The article.
        file: PathBuf,
        /// Pixels from the left edge.
        #[arg(value_parser = finite_f32, allow_negative_numbers = true)]
        x: f32,
        /// Pixels from the top edge.
        #[arg(value_parser = finite_f32, allow_negative_numbers = true)]
        y: f32,
    },
}

/// The layout options of `hashiya debug`.
#[derive(Debug, Args)]
pub struct LayoutArgs {
    /// The width of the text column.
    #[arg(long, value_name = "PX")]
    pub width: Option<f32>,
    /// The font size.
    #[arg(long, value_name = "PX")]
    pub font_size: Option<f32>,
    /// The paragraph direction.
    #[arg(long, value_name = "DIRECTION", value_parser = direction_parser())]
    pub direction: Option<Direction>,
}

/// `hashiya completions`.
#[derive(Debug, Args)]
#[command(after_help = "For example: hashiya completions bash > ~/.local/share/bash-completion/completions/hashiya")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// `hashiya man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Writes hashiya.1 and a page per subcommand (hashiya-export.1, …) into this folder
    /// instead of printing hashiya.1.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

fn jsonl_flavor_parser() -> impl clap::builder::TypedValueParser<Value = JsonlFlavor> {
    PossibleValuesParser::new(JsonlFlavor::ALL.map(|(_, name)| name)).try_map(|name| name.parse::<JsonlFlavor>())
}

fn offsets_parser() -> impl clap::builder::TypedValueParser<Value = OffsetUnit> {
    PossibleValuesParser::new(OffsetUnit::ALL.map(|(_, name)| name)).try_map(|name| name.parse::<OffsetUnit>())
}

fn sentences_parser() -> impl clap::builder::TypedValueParser<Value = SentenceSplit> {
    PossibleValuesParser::new(["unicode", "lines"]).try_map(|name| match name.as_str() {
        "lines" => Ok(SentenceSplit::Lines),
        "unicode" => Ok(SentenceSplit::Unicode),
        other => Err(format!("\"{other}\" is not unicode or lines")),
    })
}

fn import_format_parser() -> impl clap::builder::TypedValueParser<Value = ImportFormat> {
    PossibleValuesParser::new(["conll", "brat", "jsonl"]).try_map(|name| name.parse::<ImportFormat>())
}

fn direction_parser() -> impl clap::builder::TypedValueParser<Value = Direction> {
    PossibleValuesParser::new(Direction::ALL.map(Direction::name))
        .try_map(|name| Direction::from_name(&name).ok_or_else(|| format!("\"{name}\" is not auto, rtl or ltr")))
}

fn entity_kind_parser(text: &str) -> Result<EntityKind, String> {
    EntityKind::from_name(text).ok_or_else(|| format!("\"{text}\" is not person, organisation, country or group"))
}

fn entity_id_parser(text: &str) -> Result<EntityId, String> {
    text.parse()
        .map_err(|error: crate::model::BadEntityId| error.to_string())
}

fn split_parser(text: &str) -> Result<SplitSpec, String> {
    text.parse()
        .map_err(|error: crate::export::split::SplitError| error.to_string())
}

/// A coordinate: `nan` and `inf` parse as `f32` but point nowhere.
fn finite_f32(text: &str) -> Result<f32, String> {
    let value: f32 = text.parse().map_err(|_| "not a number".to_owned())?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err("not a finite number".to_owned())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use clap::CommandFactory as _;

    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("hashiya").chain(args.iter().copied()))
    }

    /// The subcommand that `hashiya ARGS` asks for (for the subcommands' tests).
    pub(crate) fn parse_command(args: &[&str]) -> Result<Command, String> {
        match parse(args) {
            Ok(Cli {
                command: Some(command), ..
            }) => Ok(command),
            Ok(cli) => Err(format!("not a subcommand: {cli:?}")),
            Err(error) => Err(error.to_string()),
        }
    }

    #[test]
    fn the_grammar_is_consistent() {
        // Catches clashing names, bad defaults and `requires` naming unknown arguments.
        Cli::command().debug_assert();
    }

    #[test]
    fn window_or_subcommand() {
        let cli = parse(&["article.txt", "--screenshot", "out.png"]).expect("parses");
        assert!(cli.command.is_none());
        assert_eq!(cli.window.path, Some(PathBuf::from("article.txt")));
        assert_eq!(cli.window.screenshot, Some(PathBuf::from("out.png")));
        let cli = parse(&["validate", "a.hashiya.ron", "b.hashiya.ron"]).expect("parses");
        assert!(matches!(cli.command, Some(Command::Validate(ValidateArgs { files })) if files.len() == 2));
        assert!(parse(&["a.txt", "b.txt"]).is_err());
        assert!(parse(&["--nope"]).is_err());
    }

    #[test]
    fn typed_values() {
        let cli = parse(&[
            "debug",
            "hit",
            "--width",
            "300",
            "--direction=rtl",
            "a.txt",
            "-5",
            "7.5",
        ])
        .expect("parses");
        let Some(Command::Debug(DebugArgs {
            query: DebugQuery::Hit { layout, x, y, .. },
        })) = cli.command
        else {
            panic!("not debug hit: {cli:?}");
        };
        assert_eq!(
            (layout.width, layout.direction, x, y),
            (Some(300.0), Some(Direction::Rtl), -5.0, 7.5)
        );
        for bad in [
            &["debug", "hit", "a.txt", "nan", "1"][..],
            &["debug", "hit", "a.txt", "1", "inf"],
            &["debug", "layout", "--direction", "up", "a.txt"],
            &["debug", "layout", "--width", "wide", "a.txt"],
            &["debug", "rects", "a.txt", "1"],
            &["debug"],
            &["export", "--to", "jsonl", "--seed", "3", "a.txt"],
            &["export", "--to", "jsonl", "--split", "train=1.5", "--out", "d", "a.txt"],
            &["export", "--to", "jsonl", "--jsonl-flavor", "spacy", "a.txt"],
            &["import", "--from", "xml", "x", "--out", "d"],
            &["completions", "tcsh"],
        ] {
            assert_eq!(
                parse(bad).map_err(|e| e.exit_code()).err(),
                Some(2),
                "{bad:?} should be a usage error"
            );
        }
    }
}
