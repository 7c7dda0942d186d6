use std::fmt;

use super::warning::{DataWarning, LinklessFormat};
use crate::text::plural::counted;

/// Warnings kept in a report; past this only a count is kept, so a huge messy file cannot
/// fill memory with messages.
const MAX_WARNINGS: usize = 1000;

/// Defines [`ExportReport`] from one list of its counters, so that adding a counter adds it
/// to the struct, to [`ExportReport::merge`] and to the summary line at once. A counter with
/// a phrase is named in the summary when it is not zero; the others are in the summary's
/// head (`N documents, N spans, N links, N tokens in N sentences`).
macro_rules! export_report {
    ($( $(#[doc = $doc:literal])* $field:ident $(=> $one:literal / $many:literal)?, )*) => {
        /// What an export did: counts, and what the format could not hold.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct ExportReport {
            $( $(#[doc = $doc])* pub $field: usize, )*
            /// Split parts written: name and number of documents.
            pub splits: Vec<(String, usize)>,
            /// What was changed or left out.
            pub warnings: Vec<DataWarning>,
            /// Warnings beyond the kept ones.
            pub warnings_suppressed: usize,
        }

        impl ExportReport {
            fn add_counts(&mut self, other: &Self) {
                $( self.$field += other.$field; )*
            }

            /// The counters named in the summary, by field name, with their values (the
            /// window words them through its catalogue: `export-report-FIELD`).
            #[must_use]
            pub fn phrased_fields(&self) -> Vec<(&'static str, usize)> {
                vec![$( $( (stringify!($field), { let _ = $one; self.$field }), )? )*]
            }

            /// The counters named in the summary, with their phrases (singular, plural).
            fn phrased_counts(&self) -> Vec<(usize, &'static str, &'static str)> {
                vec![$( $( (self.$field, $one, $many), )? )*]
            }
        }
    };
}

export_report! {
    /// Documents written.
    documents,
    /// Documents skipped because they have no annotations (counted by the caller).
    skipped_documents => "document without annotations skipped" / "documents without annotations skipped",
    /// Spans written (in `CoNLL`: spans that own the tag column).
    spans,
    /// Links written.
    links,
    /// Tokens written (`CoNLL` only).
    tokens,
    /// Sentences written (`CoNLL` only).
    sentences,
    /// Orphaned spans of the inputs (their text is no longer in the article), not exported.
    spans_orphaned => "orphaned span not exported" / "orphaned spans not exported",
    /// Links with an orphaned span at one end, not exported.
    links_orphaned => "link of orphaned spans not exported" / "links of orphaned spans not exported",
    /// `CoNLL`: spans inside another span, hidden by the outermost one in the tag column.
    spans_flattened => "nested span flattened (outermost kept)" / "nested spans flattened (outermost kept)",
    /// `CoNLL`: spans crossing an earlier span (neither contains the other), left out.
    spans_crossing => "crossing span left out" / "crossing spans left out",
    /// Spans that cover no token (`CoNLL`: only whitespace) or cannot be written (brat: only
    /// line breaks), left out.
    spans_lost => "span that covers no token left out" / "spans that cover no token left out",
    /// brat: spans written without the line breaks at their start or end (brat cannot hold them).
    spans_trimmed => "span written without its leading or trailing line breaks" / "spans written without their leading or trailing line breaks",
    /// Links the format cannot hold (`CoNLL`, doccano's label form), left out.
    links_dropped => "link the format cannot hold left out" / "links the format cannot hold left out",
}

impl ExportReport {
    /// Adds a warning (kept up to a limit, counted beyond).
    pub fn warn(&mut self, warning: DataWarning) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(warning);
        } else {
            self.warnings_suppressed += 1;
        }
    }

    /// Counts a document's links as dropped by a format that holds none, with a warning
    /// naming the document.
    pub fn drop_links(&mut self, document: &crate::model::Document, format: LinklessFormat) {
        if document.links().is_empty() {
            return;
        }
        self.links_dropped += document.links().len();
        self.warn(DataWarning::LinksDropped {
            document: document.meta().source_name.clone(),
            format,
            count: document.links().len(),
        });
    }

    /// Adds the counts and warnings of another report to this one.
    pub fn merge(&mut self, other: Self) {
        self.add_counts(&other);
        self.splits.extend(other.splits);
        self.warnings_suppressed += other.warnings_suppressed;
        for warning in other.warnings {
            self.warn(warning);
        }
    }
}

impl fmt::Display for ExportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, {}",
            counted(self.documents, "document", "documents"),
            counted(self.spans, "span", "spans"),
            counted(self.links, "link", "links")
        )?;
        if self.tokens > 0 {
            write!(
                f,
                ", {} in {}",
                counted(self.tokens, "token", "tokens"),
                counted(self.sentences, "sentence", "sentences")
            )?;
        }
        let extra: Vec<String> = self
            .phrased_counts()
            .into_iter()
            .filter(|&(count, _, _)| count > 0)
            .map(|(count, one, many)| counted(count, one, many))
            .collect();
        if !extra.is_empty() {
            write!(f, "; {}", extra.join(", "))?;
        }
        if !self.splits.is_empty() {
            let parts: Vec<String> = self.splits.iter().map(|(name, n)| format!("{name} {n}")).collect();
            write!(f, "; split: {}", parts.join(", "))?;
        }
        Ok(())
    }
}

/// A problem met while importing, with the line of the input it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportWarning {
    /// The file, when the import reads several (brat folders).
    pub file: Option<String>,
    /// 1-based line of the input.
    pub line: Option<usize>,
    /// What was wrong and what the import did about it.
    pub message: DataWarning,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: {}", self.message),
            (Some(file), None) => write!(f, "{file}: {}", self.message),
            (None, Some(line)) => write!(f, "line {line}: {}", self.message),
            (None, None) => write!(f, "{}", self.message),
        }
    }
}

/// What an import read: counts, labels it had to add, and warnings naming the lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Documents built.
    pub documents: usize,
    /// Spans imported.
    pub spans: usize,
    /// Links imported.
    pub links: usize,
    /// Tokens read (`CoNLL` only).
    pub tokens: usize,
    /// Labels that were not in the schema and were added to it, in order of first use.
    pub labels_added: Vec<String>,
    /// Relation kinds that were not in the schema and were added to it.
    pub relations_added: Vec<String>,
    /// Span attributes (`Label.name`, or `Label.name=value` for a value added to a closed
    /// list) that were not in the schema and were added to it.
    pub attributes_added: Vec<String>,
    /// Problems met; the import went on.
    pub warnings: Vec<ImportWarning>,
    /// Warnings beyond the kept ones.
    pub warnings_suppressed: usize,
}

impl ImportReport {
    /// Adds a warning about a line (kept up to a limit, counted beyond).
    pub fn warn(&mut self, line: Option<usize>, message: DataWarning) {
        self.push(ImportWarning {
            file: None,
            line,
            message,
        });
    }

    fn push(&mut self, warning: ImportWarning) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(warning);
        } else {
            self.warnings_suppressed += 1;
        }
    }

    /// Adds the counts and warnings of another report; its warnings without a file get `file`.
    pub fn merge(&mut self, other: Self, file: Option<&str>) {
        self.documents += other.documents;
        self.spans += other.spans;
        self.links += other.links;
        self.tokens += other.tokens;
        for label in other.labels_added {
            if !self.labels_added.contains(&label) {
                self.labels_added.push(label);
            }
        }
        for relation in other.relations_added {
            if !self.relations_added.contains(&relation) {
                self.relations_added.push(relation);
            }
        }
        for attribute in other.attributes_added {
            if !self.attributes_added.contains(&attribute) {
                self.attributes_added.push(attribute);
            }
        }
        self.warnings_suppressed += other.warnings_suppressed;
        for mut warning in other.warnings {
            if warning.file.is_none() {
                warning.file = file.map(str::to_owned);
            }
            self.push(warning);
        }
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, {}",
            counted(self.documents, "document", "documents"),
            counted(self.spans, "span", "spans"),
            counted(self.links, "link", "links")
        )?;
        if self.tokens > 0 {
            write!(f, ", {}", counted(self.tokens, "token", "tokens"))?;
        }
        if !self.labels_added.is_empty() {
            write!(f, "; labels added to the schema: {}", self.labels_added.join(", "))?;
        }
        if !self.relations_added.is_empty() {
            write!(f, "; relations added: {}", self.relations_added.join(", "))?;
        }
        if !self.attributes_added.is_empty() {
            write!(f, "; attributes added: {}", self.attributes_added.join(", "))?;
        }
        let warnings = self.warnings.len() + self.warnings_suppressed;
        if warnings > 0 {
            write!(f, "; {warnings} warnings")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_capped_and_counted() {
        let mut report = ImportReport::default();
        for line in 0..MAX_WARNINGS + 5 {
            report.warn(Some(line + 1), DataWarning::EmptyToken);
        }
        assert_eq!(report.warnings.len(), MAX_WARNINGS);
        assert_eq!(report.warnings_suppressed, 5);
        assert_eq!(report.warnings[2].to_string(), "line 3: empty token; skipped");
    }

    #[test]
    fn merge_adds_counts_and_names_the_file() {
        let mut total = ImportReport::default();
        let mut one = ImportReport {
            documents: 1,
            spans: 3,
            labels_added: vec!["LOC".into()],
            ..ImportReport::default()
        };
        one.warn(
            Some(4),
            DataWarning::StrayInside {
                tag: "I-LOC".into(),
                kind: "LOC".into(),
            },
        );
        total.merge(one.clone(), Some("a.ann"));
        total.merge(one, None);
        assert_eq!((total.documents, total.spans), (2, 6));
        assert_eq!(total.labels_added, ["LOC"]);
        assert_eq!(
            total.warnings[0].to_string(),
            "a.ann:4: I-LOC follows no LOC span; starts a new one"
        );
        assert_eq!(
            total.warnings[1].to_string(),
            "line 4: I-LOC follows no LOC span; starts a new one"
        );
    }

    #[test]
    fn export_report_summary_names_what_was_left_out() {
        let report = ExportReport {
            documents: 2,
            spans: 10,
            spans_flattened: 1,
            links_dropped: 3,
            ..ExportReport::default()
        };
        let text = report.to_string();
        assert!(text.starts_with("2 documents, 10 spans, 0 links"), "{text}");
        assert!(text.contains("1 nested span flattened"), "{text}");
        assert!(text.contains("3 links the format cannot hold"), "{text}");
    }

    #[test]
    fn every_counter_is_merged_and_every_phrased_one_summarised() {
        let one = ExportReport {
            documents: 1,
            skipped_documents: 1,
            spans: 1,
            links: 1,
            tokens: 1,
            sentences: 1,
            spans_orphaned: 1,
            links_orphaned: 1,
            spans_flattened: 1,
            spans_crossing: 1,
            spans_lost: 1,
            spans_trimmed: 1,
            links_dropped: 1,
            ..ExportReport::default()
        };
        let mut total = ExportReport::default();
        total.merge(one.clone());
        total.merge(one);
        let text = total.to_string();
        assert!(
            text.starts_with("2 documents, 2 spans, 2 links, 2 tokens in 2 sentences; "),
            "{text}"
        );
        assert_eq!(text.matches("; ").count(), 1, "{text}");
        assert_eq!(text.matches("2 ").count(), 5 + total.phrased_counts().len(), "{text}");
        assert!(text.contains("2 links of orphaned spans not exported"), "{text}");
        assert!(!text.contains(" 1 "), "{text}");
    }
}
