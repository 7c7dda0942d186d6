# Hashiya's interface in English. Every message here has one of the same id in ar.ftl
# (checked by the unit tests of src/app/i18n.rs). Shortcut keys are not translated: egui
# writes them (Ctrl+S).

## Menus

# The program's name, in the window's title.
app-name = Hashiya

menu-file = File
menu-edit = Edit
menu-annotate = Annotate
menu-view = View
menu-open-article = Open article…
menu-open-folder = Open folder…
menu-open-recent = Open recent
menu-save = Save
menu-save-as = Save As…
menu-export = Export dataset…
menu-import = Import dataset…
menu-next-document = Next document
menu-previous-document = Previous document
menu-quit = Quit
menu-undo = Undo
menu-redo = Redo
menu-find = Find…
# A menu item per label of the schema; { $label } is the label's name.
menu-apply-label = Label: { $label }
# A menu item per relation of the schema: its name and the labels it joins.
menu-start-link = Link { $relation } ({ $from } -> { $to })
menu-delete-span = Delete span
menu-next-span = Next span
menu-previous-span = Previous span
menu-escape = Clear selection / stop linking
menu-move-edge = Move span edge
menu-start-forward = Start to next word
menu-start-backward = Start to previous word
menu-end-forward = End to next word
menu-end-backward = End to previous word
menu-label-similar = Label similar…
menu-labels = Labels…
menu-problems = Problems…
menu-next-problem = Next problem
menu-previous-problem = Previous problem
menu-adjudicate = Adjudicate…
menu-document-status = Document status
menu-direction-auto = Direction: automatic
menu-direction-rtl = Right to left
menu-direction-ltr = Left to right
menu-leave-out-prefixes = Leave out attached prefixes
menu-leave-out-prefixes-hint = Selections snap to words without a leading و ف ب ك ل (Alt+drag stays exact)
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Reset zoom
menu-theme-light = Light theme
menu-theme-dark = Dark theme
menu-language = Language
menu-statistics = Statistics…

## Document status

status-not-started = not started
status-in-progress = in progress
status-done = done

## Counts

count-spans = { $count ->
    [one] { $count } span
   *[other] { $count } spans
}
count-links = { $count ->
    [one] { $count } link
   *[other] { $count } links
}
count-problems = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
count-articles = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
count-matches = { $count ->
    [one] { $count } match
   *[other] { $count } matches
}
count-documents = { $count ->
    [one] { $count } document
   *[other] { $count } documents
}
count-tokens = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
count-sentences = { $count ->
    [one] { $count } sentence
   *[other] { $count } sentences
}
count-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}

## Status bar

statusbar-summary = { $encoding } · { $spans } · { $links } · { $status }
statusbar-problems-hint = Show the problems (F8: go to the next one)
disk-changed = The annotation file changed on disk.
disk-reload = Reload
disk-keep-mine = Keep mine
msg-no-problems = No problems found
msg-nothing-to-undo = Nothing to undo
msg-nothing-to-redo = Nothing to redo
msg-cannot-undo = Cannot undo: { $error }
msg-cannot-redo = Cannot redo: { $error }
msg-saved = Saved { $path }
msg-not-saved = Not saved: { $error }
msg-no-articles = No .txt articles in { $path }
msg-not-reloaded = Not reloaded: { $error }
msg-orphans = { $count ->
    [one] { $count } orphaned span: see the side panel
   *[other] { $count } orphaned spans: see the side panel
}
msg-no-more-documents = No more documents in this folder
msg-open-folder-first = Open a folder to move between documents
msg-discard-autosave-failed = Could not remove the autosave of the discarded edits: { $error }
msg-restored = Restored the autosave: save it to keep it
msg-cannot-restore = Cannot restore: { $error }
msg-autosave-failed = Autosave failed: { $error }
msg-sample-not-copied = Cannot copy the sample article ({ $why }): { $path }
msg-labelled = { $count ->
    [one] Labelled { $count } span as { $label } (one undo step)
   *[other] Labelled { $count } spans as { $label } (one undo step)
}
msg-not-labelled = Not labelled: { $error }
msg-select-span-first = Select a span first: Label similar finds its other occurrences
msg-search-needs-folder = Open a folder (Ctrl+Shift+O) to search all of its articles
msg-no-match-left = No match left to label as { $label }

## Annotating

annotator-already = { $span } is already a { $label }: selected it
annotator-select-first = Select some text or a span first
annotator-unknown-relation = Unknown relation "{ $relation }"
# "a span labelled …": an article before the label itself would read "a Actor".
annotator-select-head = Select a span labelled { $label } first: { $relation } links start from it
annotator-click-target = Click a span labelled { $label } to link it, or press Escape
annotator-empty-span = A span cannot be empty

## Adjudication and team projects

adjudication-title = Adjudication
adjudication-annotators = Annotators: { $names }
adjudication-counts = { $open } open · { $settled } in the gold file · { $rejected } rejected · { $total } proposed
adjudication-press-n = N: the next proposal to settle
adjudication-previous = Previous (Shift+N)
adjudication-next = Next (N)
adjudication-take = Take it (Enter)
adjudication-reject = Reject (X)
adjudication-merge-all = Merge all full agreements
adjudication-all-annotators = all annotators
adjudication-some-annotators = { $count } of { $of }
adjudication-proposed-by = Proposed by { $names } ({ $agreement })
adjudication-nothing-left = Nothing left to settle
adjudication-pick-first = Press N to pick a proposal first
adjudication-cannot-take = Not taken: the gold file cannot hold it as well (a quote has one speaker); reject it or change the gold file
adjudication-all-merged = Every full agreement is in the gold file already
adjudication-save-first = Save first: adjudication opens the gold file in place of this one
adjudication-cannot = Cannot adjudicate: { $error }
adjudication-needs-files = Adjudication needs two or more annotators' files of this article beside it (NAME.ANNOTATOR.hashiya.ron)
adjudication-started = Adjudicating { $count } annotators' versions into { $path }: N next, Enter take, X reject
adjudication-no-gold = Cannot open the gold file: { $error }
adjudication-not-taken = Not taken: { $error }
adjudication-ended = Adjudication ended; the gold file stays open
team-who = Who is annotating?
team-explain = This folder is a team project (hashiya-project.ron): each annotator keeps their own file of every article. Your name is asked once and kept for next time.
team-name = Annotator name
team-bad-name = A name of letters, digits, - and _ (it becomes part of file names)

## Recovery

recovery-title = Unsaved work found
recovery-text = An autosave of { $name } is newer than its saved annotations (the program did not close normally).
recovery-restore = Restore it
recovery-discard = Discard it

## Unsaved changes

unsaved-title = Unsaved changes
unsaved-text = { $name } has unsaved annotations. Save them first?
unsaved-reload-text = { $name }: the annotation file changed on disk. Save your edits over it, or discard them and reload?
unsaved-save = Save
unsaved-discard = Discard
unsaved-discard-reload = Discard and reload
button-cancel = Cancel
button-ok = OK

## Side panel

panel-status = Status
panel-annotator = Annotator
panel-annotator-hint = your name
panel-delete = Delete
panel-delete-hint = Delete this span and its links (Delete)
panel-merged = ! Changed on two branches that were merged
panel-moved = ! Moved when the article changed
panel-mark-reviewed = Mark reviewed
panel-note = Note
panel-note-hint = a note on this span
panel-label-selection = Label the selection
panel-link-hint = { $description } Select a { $from } first.
panel-link-button = Link { $relation }
panel-linking = Linking { $relation } from { $from }: click a { $target } in the article. Esc to finish.
panel-orphans = ! Orphaned spans ({ $count })
panel-orphans-text = Their text is no longer in the article, or not where the spans around them are. They are kept in the file until you place or remove them.
panel-filter = Filter
panel-filter-hint = text or label
panel-reanchored = Re-anchored after the article changed: please review
panel-delete-link = Delete this { $kind } link
panel-needs-links = Needs { $count } { $kind } link(s): select it and press the link key

## Problems

problems-title = Problems
problems-none = No problems found.
problems-count = { $count ->
    [one] { $count } problem. F8 and Shift+F8 go to the next and previous one.
   *[other] { $count } problems. F8 and Shift+F8 go to the next and previous one.
}
problems-select = Select the span (chars { $start }..{ $end })
# A problem the checks found: the span's label and the start of its text, then what is wrong
# (the same words as `hashiya check`).
problem-no-link = { $label } «{ $excerpt }» has no { $kind }
problem-too-few-links = { $label } «{ $excerpt }» has { $count } { $kind } { $count ->
        [one] link
       *[other] links
    }; needs at least { $required }
problem-duplicate = { $label } «{ $excerpt }» has the same range and label as span { $earlier }
problem-starts-on-whitespace = { $label } «{ $excerpt }» starts on whitespace
problem-ends-on-whitespace = { $label } «{ $excerpt }» ends on whitespace
problem-starts-on-punctuation = { $label } «{ $excerpt }» starts on punctuation ({ $mark })
problem-ends-on-punctuation = { $label } «{ $excerpt }» ends on punctuation ({ $mark })
problem-crosses-paragraph = { $label } «{ $excerpt }» crosses a paragraph break
problem-needs-review = { $label } «{ $excerpt }» is marked for review
problem-needs-review-merge = { $label } «{ $excerpt }» is marked for review: { $why }
# The checks, by the names schemas turn them off with.
check-missing-link = missing-link
check-duplicate-span = duplicate-span
check-span-edge = span-edge
check-crosses-paragraph = crosses-paragraph
check-needs-review = needs-review
done-title = Mark as done?
done-text = { $count ->
    [one] The checks still find { $count } problem in this document.
   *[other] The checks still find { $count } problems in this document.
}
done-mark = Mark as done
done-show = Show problems

## Link picker

picker-title = Link { $kind }
picker-filter-hint = type to filter the { $label } spans
picker-keys = Up, Down or Tab: choose · Enter: link · Esc: end · or click in the article
picker-none = No span to link to.
picker-more = { $count ->
    [one] { $count } span: type to narrow
   *[other] { $count } spans: type to narrow
}

## Labels window

labels-title = Labels
labels-new = New label
labels-name-hint = name
labels-add = Add
labels-schema-file = Schema file
labels-schema-hint = path/to/schema.ron
labels-load = Load
labels-colour = Colour
labels-rename-hint = label name
labels-rename-label = New name for { $label }
labels-rename = Rename
labels-exists = "{ $name }" is empty or exists already
labels-not-loaded = Schema not loaded ({ $error }); the current one stays: { $path }

## Statistics

stats-title = Statistics
stats-document = { $name }: { $spans }, { $links }
stats-spans-per-label = Spans per label
stats-links-of-kind = { $kind } links
stats-folder = Folder: { $articles } (saved state)
stats-spans-links = { $spans }, { $links }
stats-unreadable = unreadable

## Folder

folder-autosave = (autosave)
folder-ready-for-review = ready for review
# Between the items of a list ("Sara done, Omar in progress").
list-separator = {", "}

## Find

article-label = Article
find-query = Find
find-hint = Find (Arabic-aware)
find-previous = Previous
find-previous-hint = Previous match (Shift+Enter)
find-next = Next
find-next-hint = Next match (Enter)
find-search-folder = Search folder
find-search-folder-hint = List the matches in every article of the open folder
find-close = Close
find-close-hint = Close (Esc)
find-bad-regex = Invalid regular expression: { $detail }
find-match = Match
find-prefixes = Prefixes
find-prefixes-hint = Match the first word after attached و ف ب ك ل
find-whole-words = Whole words
find-keep-prefixes = Label with prefixes
find-keep-prefixes-hint = Spans include the attached prefixes (و، ف، ب، ك، ل)
find-label-matches = Label matches:
find-label-hint = Label the matches as { $label }, one by one or all (Alt+{ $number })
find-walk-question = Label match { $at } of { $of } as { $label }?
find-yes = Yes (Y)
find-no = No (N)
find-all = All remaining (A)
find-stop = Stop (Esc)
find-no-matches = No matches
find-position = { $at } of { $count }
find-mode-normalized = Normalised
find-mode-exact = Exact
find-mode-regex = Regex
folder-results-title = Search results
folder-results-count = { $matches } in { $documents }

## File dialogs

pick-open-article = Open article
pick-open-folder = Open folder of articles
pick-save-as = Save annotations as
pick-export = Export dataset to
pick-import = Import dataset from
pick-type-path = Type the path instead:
pick-path-hint = path
pick-path = Path
pick-no-portal = No native file dialog: this session has no D-Bus desktop portal.
pick-not-opened = The native file dialog did not open (no desktop portal answered).
pick-articles = Articles
pick-annotations = Hashiya annotations
pick-predictions = Import predictions from
pick-predictions-files = Predictions (JSONL)

## Export and import

export-title = Export dataset
export-format = Format
export-documents = Documents
export-this-document = this document
export-whole-folder = the folder ({ $count })
export-destination = Destination
export-destination-hint = destination file or folder
export-browse = Browse…
export-split = Split
export-seed = seed
export-seed-hint = Seed of the split
export-is-folder = The destination is a folder.
export-labels-json = labels.json (the tag names and their numbers) is written beside it.
export-export = Export
export-progress = { $done } / { $total } documents
export-more-warnings = … and { $count } more warnings
format-jsonl-hashiya = JSONL (Hashiya)
format-jsonl-doccano = JSONL (doccano)
format-jsonl-doccano-relations = JSONL (doccano relations)
format-jsonl-doccano-utf16 = JSONL (doccano, UTF-16 offsets)
format-jsonl-doccano-relations-utf16 = JSONL (doccano relations, UTF-16 offsets)
format-jsonl-tokens = JSONL (token classification, with labels.json)
format-conll = CoNLL (IOB2)
format-conll-layers = CoNLL (IOB2, a column per label)
format-brat = brat standoff (folder)
format-events = Events (JSONL: agreed actions and quotes by entity)
format-coref = Coreference (JSONL: mention clusters per document)
format-spacy = spaCy DocBin (.spacy: every span, outermost as entities)
format-parquet = Parquet (.parquet: a row per document, the Hashiya JSONL columns)
import-title = Import dataset
import-open-first = Open the first imported article
import-format = Format
import-input = Input file or brat folder
import-input-hint = dataset file or brat folder
import-map = Map tags to labels
import-output = Output folder
import-output-hint = output folder
import-import = Import
import-needs-paths = Give an input and an output folder
export-type-destination = Type the destination path above.
export-written = { $report }; written to { $path }
import-map-error = Map: { $error }
import-nothing = Nothing imported: { $error }

## The entity picker (E) and the entities in the side panel
menu-assign-entity = Assign entity…
entity-title = Entity
entity-mention = Mention:
entity-filter-hint = type to filter the entities
entity-filter-label = Entity filter
entity-new = New entity «{ $name }»
entity-none = No entity
entity-keys = Up, Down: choose · Enter: assign · Esc: close
entity-select-first = Select a mention first: E assigns it to an entity
entity-not-saved = The entity was not added: { $error }
entity-error-no-such = There is no entity { $id }.
entity-error-self-merge = { $id } cannot be merged into itself.
entity-error-duplicate = The entity { $id } is defined twice.
entity-error-ids-exhausted = No entity ids are left.
entity-card = Entity: { $entity }
entities-heading = Entities
entities-row = { $entity } · { $count ->
    [one] { $count } mention
   *[other] { $count } mentions
}

## Suggestions
menu-suggestions = Suggestions
menu-next-suggestion = Next suggestion
menu-previous-suggestion = Previous suggestion
menu-accept-suggestion = Accept suggestion
menu-reject-suggestion = Reject suggestion
menu-suggest-matcher = Suggest: string matcher
menu-suggest-rules = Suggest: rules
menu-suggest-tagger = Suggest: train the tagger
menu-show-suggestions = Suggestions
suggestion-card-title = Suggestion: { $label } (not an annotation)
suggestion-card-source = Source: { $source } · score { $score }
suggestion-card-keys = Enter accepts · X rejects · N next
suggestions-section = Suggestions ({ $count })
suggestions-run-matcher = Matcher
suggestions-run-rules = Rules
suggestions-run-tagger = Tagger
suggestions-show = Show suggestions
suggestions-threshold = Score at least
suggestions-none = No suggestions: run a source, or import predictions.
suggestions-accept-all = Accept all { $label } with score ≥ { $threshold }
suggestions-nothing = No suggestion to go to.
suggestions-pick-first = Press N to go to a suggestion first.
suggestions-accepted-all = { $count } { $label } suggestions accepted (one undo step).
suggestions-not-taken = Suggestions: { $error }
suggestions-run-failed = The suggestion source stopped without an answer.
suggestions-made = { $count } suggestions from the { $source }.
suggestions-busy = A suggestion source is still running.
suggestions-gazetteer-no-tab = { $path }, line { $line }: expected the text, a Tab, then the label
suggestions-gazetteer-empty = { $path }, line { $line }: the text or the label is empty
suggestions-gazetteer-unreadable = Cannot read { $path } ({ $why })
suggestions-nothing-to-learn = No annotated span to learn from.
suggestions-cancelled = Training cancelled.
suggestions-crf-failed = The tagger could not be trained: { $detail }
suggestions-import-predictions = Import predictions…
predictions-added = { $count ->
    [one] { $count } suggestion added from { $file }
   *[other] { $count } suggestions added from { $file }
}
predictions-left-out = { $count ->
    [0] ; none left out.
    [one] ; { $count } left out (already annotated, rejected before, repeated or of a label the schema lacks).
   *[other] ; { $count } left out (already annotated, rejected before, repeated or of a label the schema lacks).
}
predictions-unknown-labels = Labels not in the schema: { $labels } (add them in the Labels window, or rename them in the file).
predictions-bad-lines = { $count ->
    [one] { $count } line of the file could not be read (line { $line }).
   *[other] { $count } lines of the file could not be read (the first is line { $line }).
}
predictions-unreadable = Cannot read { $path } ({ $why })
predictions-no-line = { $path } has no line for { $name }: none names it (by its file name, with or without .txt) or holds its text.
predictions-other-text = { $path }, line { $line }: names { $name } but holds another text; nothing imported.

## Refused edits
error-no-span = There is no span { $id }.
error-no-link = There is no link { $id }.
error-no-suggestion = There is no suggestion { $id } (accepted or rejected already?).
error-duplicate-id = The id { $id } is already used.
error-bad-range = The range { $start }..{ $end } is not a non-empty range of the text (0..{ $length }).
error-unknown-label = The schema has no label “{ $label }”.
error-unknown-relation = The schema has no relation “{ $relation }”.
error-link-labels = A { $relation } link goes { $expected }, not from a { $from } to a { $to }.
error-link-exists = This { $relation } link exists already.
error-bad-schema = Schema change refused: { $why }
error-one-link-only = A { $head } has one { $relation } only.
id-kind-span = span
id-kind-link = link
schema-refused-label-used = label “{ $label }” is still used
schema-refused-label-suggested = label “{ $label }” is still used by suggestions
schema-refused-relation-used = relation “{ $relation }” is still used
schema-refused-relation-suggested = relation “{ $relation }” is still used by suggestions
schema-refused-link = link { $link } joins { $head } to { $child }, and a { $relation } link would go { $pairs }
schema-refused-rename = cannot rename “{ $from }” to “{ $to }”
error-ids-exhausted = No { $what } ids are left in this document.

## Files that cannot be opened, saved or restored (app::i18n::io_error)
io-error-at = { $message }: { $path }
io-error-read = Cannot read the file ({ $why })
io-error-write = Cannot save: { $step } failed ({ $why }); the previous version is intact
io-error-not-regular = The name is { $kind }, not a regular file; Hashiya reads only regular files
io-error-read-only = The file is read-only, so it was not replaced; make it writable or save under another name
io-error-too-large = The file is { $bytes } bytes, more than the { $limit } bytes Hashiya reads
io-error-undecodable = The article is not readable text: { $detail }
io-error-version-newer = The file has format version { $found }, newer than this Hashiya reads (up to { $supported }); update Hashiya to open it
io-error-version-unknown = Format version { $found } is unknown (this Hashiya reads 1 to { $supported })
io-error-invalid = The file is invalid
io-error-invalid-more = { $problem } (and { $count ->
    [one] { $count } more problem
   *[other] { $count } more problems
})
write-step-following-link = following the link
write-step-creating-temporary-file = creating a temporary file
write-step-writing = writing
write-step-syncing-to-disk = syncing to disk
write-step-keeping-backup = keeping a backup
write-step-replacing-file = replacing the file
write-step-syncing-folder = syncing the folder
write-step-deleting-recovery-file = deleting the recovery file
file-kind-named-pipe = a named pipe
file-kind-character-device = a character device
file-kind-block-device = a block device
file-kind-socket = a socket
file-kind-folder = a folder
file-kind-special = a special file

## What the system said (app::i18n::os_error)
os-error-not-found = the file or folder does not exist
os-error-permission-denied = permission denied
os-error-already-exists = it exists already
os-error-storage-full = the disk is full
os-error-quota-exceeded = the disk quota is used up
os-error-read-only-filesystem = the disk is read-only
os-error-is-a-directory = it is a folder
os-error-not-a-directory = a part of the path is not a folder
os-error-directory-not-empty = the folder is not empty
os-error-invalid-data = the data is invalid
os-error-invalid-input = the system refused the request as invalid
os-error-invalid-filename = the file name is not valid here
os-error-timed-out = the operation timed out
os-error-interrupted = the operation was interrupted
os-error-would-block = the file is not ready; try again
os-error-unexpected-eof = the file ended too early
os-error-write-zero = nothing could be written
os-error-file-too-large = the file is too large for the disk
os-error-resource-busy = the file is in use
os-error-crosses-devices = the file cannot be moved between disks
os-error-too-many-links = too many links
os-error-network = the network connection failed
os-error-broken-pipe = the connection was closed
os-error-out-of-memory = out of memory
os-error-unsupported = not supported here
os-error-deadlock = the file is locked
os-error-other = a system error
os-error-other-code = system error { $code }

## Problems in an annotation file (app::i18n::io_problem)
io-problem-at = line { $line }, column { $col }: { $problem }
io-problem-not-utf8 = the file is not Unicode (UTF-8) text
io-problem-syntax-number = a number here is negative or too large
io-problem-syntax-truncated = the file ends too early: it is truncated or a bracket is missing
io-problem-syntax-too-deep = brackets are nested deeper than the format allows
io-problem-syntax-other = the text here does not follow the annotation file format
io-problem-sha256 = the article's checksum (SHA-256) is not 64 hexadecimal digits
io-problem-char-len = the file gives the article a length of { $length }, more than any article Hashiya opens
io-problem-version-too-low = the file says format version { $declared } but uses fields of version { $needed }; a save writes version { $needed }
io-problem-attribute-repeated = span { $span } gives attribute “{ $name }” more than once; the last value is kept
io-problem-unknown-attribute = span { $span } has attribute “{ $name }”, which its label does not define
io-problem-attribute-value = span { $span } has { $name } “{ $value }”, which is not one of the schema's values
io-problem-span-twice = span { $span } is defined twice
io-problem-unknown-label = span { $span } has label “{ $label }”, which the schema does not define
io-problem-bad-range = span { $span } has the range { $start }..{ $end }, which is empty, past the article or not as long as its text
io-problem-bad-entity = span { $span } names an entity whose id is not valid
io-problem-link-twice = link { $link } is defined twice
io-problem-missing-span = link { $link } refers to span { $span }, which does not exist
io-problem-unknown-relation = link { $link } has kind “{ $kind }”, which the schema does not define
io-problem-link-labels = link { $link }: a { $kind } link cannot go from a { $from } to a { $to }
io-problem-link-repeats = link { $link } repeats link { $first }
io-problem-only-one-link = link { $link }: span { $span } already has a { $kind } ({ $first }), and may have only one
io-problem-more = … and { $count ->
    [one] { $count } more problem
   *[other] { $count } more problems
}
io-problem-annotator-name = the annotator name “{ $name }” cannot be part of a file name: use letters, digits, - and _
io-problem-no-article = the file names no article
io-problem-other = the file has a problem

## Why the merge driver marked a span for review (app::i18n::merge_note; the English is the
## line it writes in the span's note, without "Merge:" and the full stop)
merge-kept-ours = both branches changed this span; this is our version
merge-kept-theirs = both branches changed this span; this is their version
merge-link-no-relation = the { $kind } link to { $to } («{ $text }») was left out: the schema has no relation { $kind }
merge-link-labels = the { $kind } link to { $to } («{ $text }») was left out: a { $kind } link goes { $pairs }, not from a { $head } to a { $child }
merge-link-only-one = the { $kind } link to { $to } («{ $text }») was left out: a { $head } has only one { $kind }

## What loading annotations had to say (app::i18n::load_warning)
load-article-changed = the article changed since these annotations were saved (SHA-256 differs; { $then } chars then, { $now } now): spans are re-anchored by their text
load-other-article = the annotations were saved for "{ $saved }", the article is "{ $article }"
load-moved = { $count ->
    [one] { $count } span was re-anchored where its text now is and marked for review
   *[other] { $count } spans were re-anchored where their text now is and marked for review
}: { $details }
load-orphaned = { $count ->
    [one] { $count } span could not be placed (its text is no longer in the article, or not where the spans around it are) and is kept as an orphan
   *[other] { $count } spans could not be placed (their text is no longer in the article, or not where the spans around them are) and are kept as orphans
}: { $details }
load-suggestions-dropped = { $count ->
    [one] { $count } suggestion no longer matches the article's text and was dropped (run the source again)
   *[other] { $count } suggestions no longer match the article's text and were dropped (run the source again)
}
load-lints = { $count ->
    [one] { $count } thing in the file that the schema does not define or that a save would change
   *[other] { $count } things in the file that the schema does not define or that a save would change
}: { $details }
load-more-details = { $details } … and { $more } more

## Suggestions and schemas in a file (app::i18n::io_problem, schema_error)
io-problem-suggestion-twice = suggestion { $id } is defined twice
io-problem-suggestion-score = suggestion { $id } has a score that is not a number from 0 to 1
io-problem-suggestion-label = suggestion { $id } has label “{ $label }”, which the schema does not define
io-problem-suggestion-range = suggestion { $id } has the range { $start }..{ $end }, outside the text
io-problem-suggestion-kind = suggestion { $id } has kind “{ $kind }”, which the schema does not define
io-problem-suggestion-end = suggestion { $id } refers to a span or suggestion that is not in the file
io-problem-entity-no-name = entity { $id } has no name
io-problem-entity-country = entity { $id } has country "{ $value }", which is not an ISO 3166-1 alpha-3 code (three capital letters, such as LBY)
io-problem-entity-role = entity { $id } has role "{ $value }", which is not a code of capital letters (such as GOV, MIL, REB)
io-problem-entity-wikidata = entity { $id } has Wikidata id "{ $value }", which is not an item id (Q and a number, such as Q1853985)
io-problem-entity-id = "{ $text }" is not an entity id (E followed by a number from 1, such as E3)
io-problem-entity-twice = entity { $id } is defined twice
io-problem-project-no-annotator = the project names no annotator
io-problem-project-annotator-twice = annotator "{ $name }" is named twice
io-problem-project-per-document = annotators_per_document is { $count }, but the project has { $annotators } annotators
io-problem-project-stranger = { $article } is assigned to "{ $name }", who is not one of the annotators
schema-error-parse = the schema does not parse: { $detail }
schema-error-duplicate-label = the schema defines label “{ $label }” twice
schema-error-duplicate-relation = the schema defines relation “{ $relation }” twice
schema-error-unknown-label = relation “{ $relation }” of the schema refers to unknown label “{ $label }”
schema-error-no-labels = the schema has no labels

## What an export or an import did (ui::dataset_dialogs::export_summary, import_summary)
export-summary-tokens = { $tokens } in { $sentences }
export-summary-splits = split: { $parts }
export-report-skipped-documents = { $count ->
    [one] { $count } document without annotations skipped
   *[other] { $count } documents without annotations skipped
}
export-report-spans-orphaned = { $count ->
    [one] { $count } orphaned span not exported
   *[other] { $count } orphaned spans not exported
}
export-report-links-orphaned = { $count ->
    [one] { $count } link of orphaned spans not exported
   *[other] { $count } links of orphaned spans not exported
}
export-report-spans-flattened = { $count ->
    [one] { $count } nested span flattened (outermost kept)
   *[other] { $count } nested spans flattened (outermost kept)
}
export-report-spans-crossing = { $count ->
    [one] { $count } crossing span left out
   *[other] { $count } crossing spans left out
}
export-report-spans-lost = { $count ->
    [one] { $count } span that covers no token left out
   *[other] { $count } spans that cover no token left out
}
export-report-spans-trimmed = { $count ->
    [one] { $count } span written without its leading or trailing line breaks
   *[other] { $count } spans written without their leading or trailing line breaks
}
export-report-links-dropped = { $count ->
    [one] { $count } link the format cannot hold left out
   *[other] { $count } links the format cannot hold left out
}
import-summary-labels = labels added to the schema: { $names }
import-summary-relations = relations added: { $names }
import-summary-attributes = attributes added: { $names }
dataset-cannot-read = Cannot read { $path } ({ $why })
dataset-cannot-write = Cannot write { $path } ({ $why })
dataset-not-utf8 = Not UTF-8 text: { $path }
dataset-spacy-failed = Cannot write the spaCy DocBin ({ $detail }): { $path }
dataset-parquet-failed = Cannot write the Parquet file ({ $detail }): { $path }
dataset-no-brat-documents = No brat document (an .ann file with its .txt) in { $path }
export-nothing-annotated = No annotated document among the inputs ({ $count } without annotations)
import-would-overwrite = { $count ->
    [one] it would overwrite { $count } file, first { $path }
   *[other] it would overwrite { $count } files, first { $path }
}
import-stopped = { $error } ({ $count ->
    [one] { $count } document written before
   *[other] { $count } documents written before
})
split-bad = bad split "{ $spec }": { $why }
split-not-name-fraction = "{ $text }" is not NAME=FRACTION
split-bad-name = part name "{ $text }" must be letters, digits, - or _
split-twice = part "{ $text }" is given twice
split-not-fraction = "{ $text }" is not a fraction
split-sum = the fractions add up to { $text }, not 1

## What an export or an import changed or left out (app::i18n::data_warning); the command
## line prints the same English
data-span-outside = span { $key } has range { $start }..{ $end } outside the text (0..{ $length }); left out
data-span-text-differs = span { $key } says it covers "{ $expected }" but { $start }..{ $end } holds "{ $actual }"; offsets kept
data-span-id-rejected = span id { $key } { $why }; given a new id
data-id-zero = is 0
data-id-too-large = is too large
data-id-used-twice = is used twice
data-span-key-twice = span id { $key } is used twice
count-nul-characters = { $count ->
    [one] { $count } NUL character
   *[other] { $count } NUL characters
}
data-nul-characters = { $characters } in the text became U+FFFD
data-line-ends = CRLF and CR line ends in the text became LF (spans moved with their text)
data-link-missing-span = { $kind } link { $from } → { $to } refers to a missing span; left out
data-link-no-relation = { $kind } link { $from } → { $to }: the schema has no such relation; left out
data-link-labels = { $kind } link { $from } → { $to } goes from { $head } to { $child }; the schema's { $kind } goes { $pairs }; left out
data-link-pair = from { $head } to { $child }
data-link-pair-or = { $pairs } or { $pair }
data-link-repeats = { $kind } link { $from } → { $to } repeats an earlier link; left out
data-link-second = { $kind } link { $from } → { $to } is a second { $kind } of its { $head }, which has one only; left out
data-link-id-rejected = { $kind } link { $from } → { $to }: link id { $why }; given a new id
data-lines-left-out = { $count } line(s) refer to annotations that were left out; skipped (lines { $lines })
data-relations-widened = relation kinds of the schema now also allow the label pairs the input links: { $pairs }
data-brat-lines-skipped = { $count ->
    [one] { $count } { $kind } line skipped: { $reason } ({ $places })
   *[other] { $count } { $kind } lines skipped: { $reason } ({ $places })
}
data-brat-place = { $id } at line { $line }
data-brat-place-line = line { $line }
data-brat-more = … { $count } more
brat-skip-no-tab = no tab after the id
brat-skip-unknown-kind = unknown kind of annotation
brat-skip-no-offsets = no offsets
brat-skip-bad-offsets = the offsets are not START END[;START END…]
brat-skip-relation-arguments = a relation needs two arguments
brat-skip-event-trigger = an event needs TYPE:TRIGGER
brat-skip-event-argument = an event argument needs ROLE:ID
brat-skip-attribute-arguments = an attribute needs a name and a target
brat-skip-note-arguments = a note needs a type and one target
brat-skip-trigger-not-span = its trigger is not a text span
brat-skip-event-argument-missing = an argument is not an annotation of the file; the argument is left out
brat-skip-relation-argument-missing = an argument is not an annotation of the file
brat-skip-missing-annotation = refers to an annotation that is not in the file
data-discontinuous = { $id }: discontinuous span read as one range { $start }..{ $end }
data-brat-text-differs = { $id }: text field "{ $field }" differs from the text at its offsets "{ $expected }"; offsets kept
data-ann-without-txt = { $stem }.ann has no { $stem }.txt; skipped
data-empty-token = empty token; skipped
data-token-with-spaces = token "{ $token }" contains whitespace; kept as one token, each space held as a no-break space (exported as a space)
data-layered-token-skipped = empty token or token with spaces in a layered file; line skipped
data-tag-columns = { $found } tag columns where the header names { $named }; missing tags read as O
data-no-tag = no tag; read as O
data-no-tag-in-column = no tag in column { $column }; read as O
data-stray-inside = { $tag } follows no { $kind } span; starts a new one
data-bare-tag = tag "{ $kind }" has no B-/I- prefix; such tags are read as IO tags
data-not-json = not JSON ({ $error }); line skipped
data-no-text = no "text" string; line skipped
data-unknown-status = unknown status "{ $name }"; { $fallback }
data-not-a-list = "{ $key }" is not a list; ignored
data-span-fields = spans[{ $index }] needs start, end and label; left out
data-relation-fields = relations[{ $index }] needs label, head and child; left out
data-attribute-item = spans[{ $index }].attributes holds { $item } (not { $shape }); left out
data-attributes-not-list = spans[{ $index }].attributes is { $value } (not a list); ignored
data-bad-entity-id = spans[{ $index }].entity: "{ $text }" is not an entity id (E followed by a number from 1, such as E3); left out
data-entity-not-id = spans[{ $index }].entity is { $value } (not an id such as "E3"); left out
data-doccano-label-shape = { $key }[{ $index }] is not [start, end, "label"]; left out
data-doccano-entity-fields = entities[{ $index }] needs start_offset, end_offset and label; left out
data-doccano-relation-fields = relations[{ $index }] needs type, from_id and to_id; left out
data-repair-text = { $name }: { $repairs }; spans moved with their text
data-repair-nuls = { $count } NUL characters replaced by U+FFFD
data-repair-bom = the byte-order mark removed
data-repair-line-ends = CRLF and CR line ends turned into LF
data-repair-span-removed = { $name }: span { $span } covered only removed characters; left out
data-links-dropped = { $document }: { $format } holds no links; { $links } not exported
data-format-conll = CoNLL
data-format-spacy = a spaCy DocBin
data-format-token-classification = token classification
data-doccano-no-links = { $document }: doccano's label form holds no links; { $links } not exported (use --jsonl-flavor doccano-relations)
data-only-line-breaks = { $document }: span { $span } ({ $label }) covers only line breaks; brat cannot hold it
data-line-breaks-trimmed = { $document }: span { $span } ({ $label }) starts or ends with a line break; brat cannot hold it, written without
data-kept-lines-dropped = { $document }: { $count } kept brat line(s) refer to deleted annotations and are left out ({ $ids })
data-span-left-out = { $document }: span { $span } { $why }; not exported
data-loss-no-column = has no column
data-loss-no-token = covers no token
data-loss-not-on-tokens = does not fall on tokens
data-span-inside = { $document }: span { $span } lies inside span { $other }; left out of the tag column
data-span-inside-layered = { $document }: span { $span } lies inside span { $other }; left out of the tag column (a layered CoNLL export keeps it)
data-span-crosses = { $document }: span { $span } crosses span { $other }; left out of the tag column
data-span-crosses-layered = { $document }: span { $span } crosses span { $other }; left out of the tag column (a layered CoNLL export keeps it)
data-unknown-entity = { $document }: spans name entity { $id }, which the entity registry does not have
data-no-event-relations = { $document }: the schema has neither a "{ $party }" nor a "{ $speaker }" relation, so no action or quote to export
data-label-not-in-labels-file = { $document }: label "{ $label }" is not in { $file }; its tokens written as O
data-foreign-card = { $path } is not a dataset card Hashiya wrote; kept, so load the splits with { $call }
data-name-taken = two documents are named { $name }; the second is written as { $renamed }
count-orphaned-spans = { $count ->
    [one] { $count } orphaned span
   *[other] { $count } orphaned spans
}
data-input-load = { $article }: { $warning }
data-input-orphans = { $article }: { $spans } (their text is no longer in the article) and { $links } of theirs are not exported
data-open-orphans = { $article }: { $spans } and { $links } of theirs are not exported
import-warning-file-line = { $file }:{ $line }: { $message }
import-warning-file = { $file }: { $message }
import-warning-line = line { $line }: { $message }
dataset-refused = refusing to overwrite { $what }: { $path }
dataset-refused-annotation-file = an annotation file
dataset-refused-input = an input of this export
dataset-refused-annotated-article = an annotated article
dataset-refused-foreign-text = a text file that no brat export wrote (an article?)
dataset-no-such-article = no such article: { $path }
dataset-registries = the inputs belong to different entity registries: { $paths }
export-needs-destination = this export writes files: give a destination
export-event-labels = no document's schema has the label "{ $label }"
import-refused = { $name }: not written, Hashiya could not open it: { $problems }
import-not-written = not written, Hashiya could not open it: { $problems }
import-cannot-create-folder = cannot create the folder ({ $why }): { $path }
data-prediction-not-json = not JSON ({ $error }); line left out
data-prediction-no-text = no "text" string; line left out
data-prediction-span-fields = span { $span } has no start, end and label; left out
