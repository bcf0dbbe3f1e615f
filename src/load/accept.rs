//! Accepting parsed pieces in file order: keep ids unique, report each kind of
//! warning once, and hand batches, problems and progress to the sink as they come.

use std::time::{Duration, Instant};

// A fast hash: ids come from the file, but a slow path for a crafted set of ids
// costs the user only time on their own file.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::article::{QUOTE_CHARS, Verdict};
use super::clean::one_line;
use super::parse::{Outcome, Parsed};
use super::{LoadError, LoadEvent, Location, Problem, Progress, Severity};
use crate::model::{Article, Batch};

/// A batch is handed over when it holds this many articles…
const BATCH_ARTICLES: usize = 4096;
/// …or this many bytes of input.
const BATCH_BYTES: usize = 4 << 20;
/// Progress is reported at most this often (and once at the end).
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// Whether the load goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flow {
    Go,
    Stop,
}

/// The in-order end of a load: it feeds the sink.
pub(super) struct Acceptor<'s> {
    sink: &'s mut dyn FnMut(LoadEvent) -> bool,
    /// Ids taken so far, with the number of the article that took each.
    seen: HashMap<Box<str>, u64>,
    /// `related` ids not seen yet when named: (number of the naming article, id).
    unresolved: Vec<(u64, Box<str>)>,
    /// Warnings already given once.
    warned: HashSet<String>,
    batch: Vec<Article>,
    batch_bytes: usize,
    problems: Vec<Problem>,
    progress: Progress,
    last_progress: Option<Instant>,
    stopped: bool,
}

impl<'s> Acceptor<'s> {
    /// An acceptor for input of `total` bytes (when known); reports the start.
    pub fn new(total: Option<u64>, sink: &'s mut dyn FnMut(LoadEvent) -> bool) -> Self {
        let mut acceptor = Acceptor {
            sink,
            seen: HashMap::new(),
            unresolved: Vec::new(),
            warned: HashSet::new(),
            batch: Vec::new(),
            batch_bytes: 0,
            problems: Vec::new(),
            progress: Progress {
                total,
                ..Progress::default()
            },
            last_progress: None,
            stopped: false,
        };
        acceptor.flush(true);
        acceptor
    }

    /// Accepts one parsed piece; a syntax error in it ends the load with that error
    /// (after what came before it was handed over).
    pub fn accept(&mut self, parsed: Parsed) -> Result<Flow, LoadError> {
        for outcome in parsed.outcomes {
            match outcome {
                Outcome::Article {
                    ordinal,
                    size,
                    at,
                    verdict,
                } => self.article(*verdict, ordinal, size, at),
                Outcome::BrokenLine(problem) => {
                    self.progress.left_out += 1;
                    self.problems.push(problem);
                }
                Outcome::Warning(problem) => self.problems.push(problem),
                Outcome::Title(title) if title.is_empty() => {}
                Outcome::Title(title) => self.send(LoadEvent::Title(title)),
                Outcome::Stop(error) => {
                    self.flush(true);
                    return Err(error);
                }
            }
            if self.batch.len() >= BATCH_ARTICLES || self.batch_bytes >= BATCH_BYTES {
                self.flush(false);
            }
            if self.stopped {
                return Ok(Flow::Stop);
            }
        }
        self.progress.bytes = parsed.end;
        self.flush(false);
        Ok(if self.stopped { Flow::Stop } else { Flow::Go })
    }

    /// Ends the load: reports `related` ids that name no article, then the last
    /// batch, problems and progress.
    pub fn finish(mut self) {
        let dangling: Vec<(u64, Box<str>)> = std::mem::take(&mut self.unresolved)
            .into_iter()
            .filter(|(_, related)| !self.seen.contains_key(related))
            .collect();
        if !dangling.is_empty() {
            // Only now are the naming articles' ids needed: find them by number.
            let wanted: HashSet<u64> = dangling.iter().map(|&(ordinal, _)| ordinal).collect();
            let ids: HashMap<u64, &str> = self
                .seen
                .iter()
                .filter(|(_, ordinal)| wanted.contains(ordinal))
                .map(|(id, &ordinal)| (ordinal, &**id))
                .collect();
            for (ordinal, related) in &dangling {
                self.problems.push(Problem {
                    severity: Severity::Warning,
                    location: Location::Article(ids[ordinal].to_owned()),
                    message: format!(
                        "related id \"{}\" names no article",
                        one_line(related, QUOTE_CHARS)
                    ),
                });
            }
        }
        self.flush(true);
    }

    fn article(&mut self, mut v: Verdict, ordinal: u64, size: usize, at: Option<(usize, usize)>) {
        if let (Some(_), Some(id)) = (&v.article, &v.id)
            && let Some(first) = self.seen.get(id.as_str())
        {
            v.errors.push(format!(
                "duplicate id, already used by article #{first} in the file"
            ));
        }
        let locate = || match (&v.id, at) {
            (Some(id), _) => (Location::Article(id.clone()), String::new()),
            (None, Some((line, column))) => (
                Location::Position { line, column },
                format!("article #{ordinal}: "),
            ),
            (None, None) => (Location::Article(format!("#{ordinal}")), String::new()),
        };
        for warning in &v.warnings {
            if let Some(key) = &warning.once
                && !self.warned.insert(key.clone())
            {
                continue;
            }
            let (location, prefix) = locate();
            self.problems.push(Problem {
                severity: Severity::Warning,
                location,
                message: format!("{prefix}{}", warning.message),
            });
        }
        if v.errors.is_empty() {
            if let (Some(article), Some(id)) = (v.article, v.id) {
                for related in article.related_ids() {
                    if !self.seen.contains_key(related) {
                        self.unresolved.push((ordinal, related.into()));
                    }
                }
                self.seen.insert(id.into_boxed_str(), ordinal);
                self.batch_bytes += size;
                self.batch.push(article);
            }
            return;
        }
        self.progress.left_out += 1;
        for error in &v.errors {
            let (location, prefix) = locate();
            self.problems.push(Problem {
                severity: Severity::Error,
                location,
                message: format!("{prefix}{error}; left out"),
            });
        }
    }

    /// Hands over what has gathered; progress only when due (or `force`d).
    fn flush(&mut self, force: bool) {
        if !self.problems.is_empty() {
            let problems = std::mem::take(&mut self.problems);
            self.send(LoadEvent::Problems(problems));
        }
        if !self.batch.is_empty() {
            self.progress.articles += self.batch.len();
            let articles = std::mem::take(&mut self.batch);
            self.batch_bytes = 0;
            self.send(LoadEvent::Batch(Batch { articles }));
        }
        let due = self
            .last_progress
            .is_none_or(|t| t.elapsed() >= PROGRESS_EVERY);
        if force || due {
            self.last_progress = Some(Instant::now());
            self.send(LoadEvent::Progress(self.progress));
        }
    }

    fn send(&mut self, event: LoadEvent) {
        if !self.stopped && !(self.sink)(event) {
            self.stopped = true;
        }
    }
}
