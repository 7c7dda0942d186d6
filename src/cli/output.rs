//! Standard output for every subcommand. A reader that stops early (`hashiya validate … |
//! head -1`) closes the pipe: the command then ends quietly with its own exit code. Any other
//! write error (a full disk behind `> file`, `/dev/full`) is one line on stderr and exit code
//! 1, so a script never takes a truncated result for a complete one.

use std::fmt::Display;
use std::io::{ErrorKind, Write};

/// What happened to the output so far.
#[derive(Debug)]
enum State {
    Open,
    /// The reader went away (broken pipe): nothing more is written, and that is no error.
    Closed,
    /// Writing failed; reported by [`Output::finish`].
    Failed(std::io::Error),
}

/// The standard output of one subcommand (or any writer, in tests).
pub struct Output<W: Write = std::io::StdoutLock<'static>> {
    command: &'static str,
    writer: W,
    state: State,
}

impl Output {
    /// Standard output for `hashiya COMMAND`.
    #[must_use]
    pub fn stdout(command: &'static str) -> Self {
        Self::new(command, std::io::stdout().lock())
    }
}

impl<W: Write> Output<W> {
    /// Output to `writer`; messages name `hashiya COMMAND`.
    pub fn new(command: &'static str, writer: W) -> Self {
        Self {
            command,
            writer,
            state: State::Open,
        }
    }

    /// Writes `text` as it is; after a failure or a closed pipe, nothing.
    pub fn print(&mut self, text: &str) {
        if matches!(self.state, State::Open)
            && let Err(error) = self.writer.write_all(text.as_bytes())
        {
            self.fail(error);
        }
    }

    /// Writes `line` and a line end.
    pub fn line(&mut self, line: impl Display) {
        self.print(&format!("{line}\n"));
    }

    /// Whether writing more is pointless (the reader is gone or writing failed): long loops stop.
    #[must_use]
    pub fn is_done(&self) -> bool {
        !matches!(self.state, State::Open)
    }

    /// Flushes and returns the exit code: `code`, or at least 1 when writing failed (with one
    /// line on stderr).
    #[must_use]
    pub fn finish(mut self, code: i32) -> i32 {
        if matches!(self.state, State::Open)
            && let Err(error) = self.writer.flush()
        {
            self.fail(error);
        }
        match self.state {
            State::Open | State::Closed => code,
            State::Failed(error) => {
                // stderr is the last channel left; if it fails too there is no one to tell.
                let _ = writeln!(
                    std::io::stderr(),
                    "hashiya {}: cannot write to standard output ({error})",
                    self.command
                );
                code.max(1)
            }
        }
    }

    fn fail(&mut self, error: std::io::Error) {
        self.state = if error.kind() == ErrorKind::BrokenPipe {
            State::Closed
        } else {
            State::Failed(error)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that accepts `room` bytes, then fails with `kind`.
    struct Limited {
        room: usize,
        kind: ErrorKind,
    }

    impl Write for Limited {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::from(self.kind));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_quietly_and_a_full_disk_fails() {
        for (kind, code, expected) in [
            (ErrorKind::BrokenPipe, 0, 0),
            (ErrorKind::BrokenPipe, 1, 1),
            (ErrorKind::StorageFull, 0, 1),
            (ErrorKind::StorageFull, 2, 2),
        ] {
            let mut output = Output::new("test", Limited { room: 5, kind });
            output.line("first line");
            assert!(output.is_done(), "{kind:?}");
            output.line("second line");
            assert_eq!(output.finish(code), expected, "{kind:?} {code}");
        }
        let mut output = Output::new("test", Vec::new());
        output.line("all of it");
        assert!(!output.is_done());
        assert_eq!(output.finish(0), 0);
    }
}
