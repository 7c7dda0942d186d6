//! When to write the recovery file: an edit is autosaved at most one interval after it was
//! made, and a window with nothing to autosave sets no timer at all (so it sleeps when idle).

use std::time::{Duration, Instant};

/// What the window should do about autosaving now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutosaveDue {
    /// Nothing to autosave: no timer, no repaint.
    Nothing,
    /// Edits are waiting; autosave in this long (wake up then).
    In(Duration),
    /// Autosave now.
    Now,
}

/// The autosave timer: started by the first edit the recovery file lacks.
#[derive(Clone, Copy, Debug, Default)]
pub struct AutosaveTimer {
    /// When the oldest edit not yet in the recovery file was first seen.
    pending_since: Option<Instant>,
}

impl AutosaveTimer {
    /// Decides at `now`, given whether there are edits the recovery file lacks (`needed`).
    pub fn poll(&mut self, needed: bool, now: Instant, interval: Duration) -> AutosaveDue {
        if !needed {
            self.pending_since = None;
            return AutosaveDue::Nothing;
        }
        let due = *self.pending_since.get_or_insert(now) + interval;
        match due.checked_duration_since(now) {
            Some(wait) if !wait.is_zero() => AutosaveDue::In(wait),
            _ => AutosaveDue::Now,
        }
    }

    /// Records an autosave (done or failed): edits from now on wait a whole interval.
    pub fn autosaved(&mut self) {
        self.pending_since = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTERVAL: Duration = Duration::from_secs(30);

    #[test]
    fn nothing_to_save_sets_no_timer_however_long_it_waits() {
        let mut timer = AutosaveTimer::default();
        let start = Instant::now();
        for minutes in [0, 1, 10, 600] {
            let now = start + Duration::from_secs(60 * minutes);
            assert_eq!(timer.poll(false, now, INTERVAL), AutosaveDue::Nothing);
        }
    }

    #[test]
    fn an_edit_is_autosaved_one_interval_after_it_was_first_seen() {
        let mut timer = AutosaveTimer::default();
        let start = Instant::now();
        // Idle for an hour, then an edit: it waits a whole interval, not "overdue since long".
        assert_eq!(timer.poll(false, start, INTERVAL), AutosaveDue::Nothing);
        let edit = start + Duration::from_hours(1);
        assert_eq!(timer.poll(true, edit, INTERVAL), AutosaveDue::In(INTERVAL));
        let later = edit + Duration::from_secs(10);
        assert_eq!(
            timer.poll(true, later, INTERVAL),
            AutosaveDue::In(Duration::from_secs(20)),
            "more edits do not push the deadline back"
        );
        assert_eq!(timer.poll(true, edit + INTERVAL, INTERVAL), AutosaveDue::Now);
        timer.autosaved();
        let after = edit + INTERVAL;
        assert_eq!(
            timer.poll(false, after, INTERVAL),
            AutosaveDue::Nothing,
            "saved: asleep again"
        );
        assert_eq!(timer.poll(true, after, INTERVAL), AutosaveDue::In(INTERVAL));
    }

    #[test]
    fn a_failed_autosave_is_retried_an_interval_later() {
        let mut timer = AutosaveTimer::default();
        let start = Instant::now();
        assert_eq!(timer.poll(true, start, INTERVAL), AutosaveDue::In(INTERVAL));
        assert_eq!(timer.poll(true, start + INTERVAL * 2, INTERVAL), AutosaveDue::Now);
        timer.autosaved(); // but it failed: the edits are still needed
        let retry = start + INTERVAL * 2;
        assert_eq!(timer.poll(true, retry, INTERVAL), AutosaveDue::In(INTERVAL));
    }

    #[test]
    fn saving_the_file_stops_the_timer() {
        let mut timer = AutosaveTimer::default();
        let start = Instant::now();
        assert_eq!(timer.poll(true, start, INTERVAL), AutosaveDue::In(INTERVAL));
        // Ctrl+S: nothing left for the recovery file.
        assert_eq!(
            timer.poll(false, start + Duration::from_secs(5), INTERVAL),
            AutosaveDue::Nothing
        );
        let edit = start + Duration::from_secs(6);
        assert_eq!(timer.poll(true, edit, INTERVAL), AutosaveDue::In(INTERVAL));
    }
}
