//! Reading a whole file with its limits holding while it is read: a file
//! that grows past the limit, a device that never ends (`/dev/zero`), a
//! pipe with nothing writing to it, or a cell or header longer than any
//! roster's stop the read there, with a message, so memory stays bounded
//! whatever the path names.

use super::kind::{FileKind, Progress};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The largest roster, roles or projects CSV Skillgrid reads: a roster of
/// a million members by 300 skills is about 350 MB as CSV.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The largest JSON workspace Skillgrid reads, and so the largest it
/// writes: 100,000 members by 300 skills, every cell assessed, is about
/// 760 MB. Reading holds the file and what it describes in memory at once.
pub const MAX_JSON_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The widest header read: member details and thousands of skills fit; a
/// file wider than this is not a roster (or is one no one can read).
pub const MAX_COLUMNS: usize = 10_000;
/// The longest cell: a name, a title or a note, never a document.
pub const MAX_CELL_CHARS: usize = 10_000;

/// How long a pipe or device may send nothing before the read gives up.
pub const SILENCE_LIMIT: Duration = Duration::from_secs(10);

/// A cell this many bytes long without a separator is past the cell limit
/// in any encoding Skillgrid reads (four bytes a character at most).
const CELL_BYTES: usize = MAX_CELL_CHARS * 4;
const CHUNK: usize = 1 << 20;

/// The limit for a file of this kind.
pub fn limit_for(path: &Path) -> u64 {
    match FileKind::of(path) {
        FileKind::Workspace | FileKind::Database => MAX_JSON_BYTES,
        FileKind::Csv | FileKind::Workbook => MAX_FILE_BYTES,
    }
}

fn megabytes(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}

/// Reads a whole file within its kind's limit; the message says which
/// limit and why. Pipes and devices are read on a helper thread, so one
/// that sends nothing for `SILENCE_LIMIT` is given up on.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_file_tracked(path, &Progress::default())
}

/// `read_file`, reporting how far it has got and stopping when cancelled.
pub fn read_file_tracked(path: &Path, progress: &Progress) -> Result<Vec<u8>, ReadError> {
    let limit = limit_for(path);
    let guard = matches!(FileKind::of(path), FileKind::Csv);
    let metadata = std::fs::metadata(path)
        .map_err(|error| ReadError::new(format!("cannot read the file: {error}")))?;
    if metadata.is_dir() {
        return Err(ReadError::new("this is a folder, not a file"));
    }
    if metadata.is_file() {
        if metadata.len() > limit {
            return Err(ReadError::new(too_large(path, Some(metadata.len()), limit)));
        }
        let file = std::fs::File::open(path)
            .map_err(|error| ReadError::new(format!("cannot read the file: {error}")))?;
        let expected = metadata.len();
        return read_bounded(file, limit, guard, &AtomicU64::new(0), |done| {
            progress.set(done, expected.max(1));
            !progress.is_cancelled()
        })
        .map_err(|stop| stop.message(path, limit));
    }
    read_stream(path, limit, guard, progress, SILENCE_LIMIT)
}

fn too_large(path: &Path, size: Option<u64>, limit: u64) -> String {
    let what = match FileKind::of(path) {
        FileKind::Workspace | FileKind::Database => "JSON workspaces",
        FileKind::Csv => "CSV files",
        FileKind::Workbook => "workbooks",
    };
    match size {
        Some(size) => format!(
            "the file is {:.1} GB; Skillgrid opens {what} of up to {} MB: split the roster by team",
            size as f64 / 1e9,
            megabytes(limit)
        ),
        None => format!(
            "more than {} MB came from it, and Skillgrid opens {what} of up to {} MB; \
             stopped reading there",
            megabytes(limit),
            megabytes(limit)
        ),
    }
}

/// Why a file could not be read, or its read stopped early; it reads as
/// the message a person sees.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ReadError(String);

impl ReadError {
    fn new(message: impl Into<String>) -> ReadError {
        ReadError(message.into())
    }
}

impl From<ReadError> for String {
    fn from(error: ReadError) -> String {
        error.0
    }
}

/// Why a read stopped early.
#[derive(Debug)]
enum Stop {
    TooLarge,
    LongCell { line: u64 },
    WideHeader,
    Cancelled,
    Io(std::io::Error),
}

impl Stop {
    fn message(self, path: &Path, limit: u64) -> ReadError {
        ReadError::new(match self {
            Stop::TooLarge => too_large(path, None, limit),
            Stop::LongCell { line } => format!(
                "line {line} has a cell longer than {MAX_CELL_CHARS} characters, which no roster \
                 holds; stopped reading there"
            ),
            Stop::WideHeader => format!(
                "the header has more than {MAX_COLUMNS} columns; Skillgrid reads up to \
                 {MAX_COLUMNS} (member details and skills); stopped reading there"
            ),
            Stop::Cancelled => "cancelled: nothing was imported".to_string(),
            Stop::Io(error) => format!("cannot read the file: {error}"),
        })
    }
}

/// Reads at most `limit` bytes, checking the CSV limits chunk by chunk
/// when `guard` is set; `keep_going` hears the bytes read so far.
fn read_bounded(
    mut source: impl Read,
    limit: u64,
    guard: bool,
    count: &AtomicU64,
    keep_going: impl Fn(u64) -> bool,
) -> Result<Vec<u8>, Stop> {
    let mut bytes = Vec::new();
    let mut scan = Scan::default();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let read = match source.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(Stop::Io(error)),
        };
        if bytes.len() as u64 + read as u64 > limit {
            return Err(Stop::TooLarge);
        }
        if guard {
            scan.feed(&chunk[..read])?;
        }
        bytes.extend_from_slice(&chunk[..read]);
        count.store(bytes.len() as u64, Ordering::Relaxed);
        if !keep_going(bytes.len() as u64) {
            return Err(Stop::Cancelled);
        }
    }
}

/// The CSV limits, checked on the bytes as they arrive: the longest run
/// without a separator, and the separators of the first line.
#[derive(Default)]
struct Scan {
    line: u64,
    run: usize,
    first_line_done: bool,
    /// Commas, semicolons and tabs seen on the first line.
    header: [usize; 3],
}

impl Scan {
    fn feed(&mut self, chunk: &[u8]) -> Result<(), Stop> {
        for &byte in chunk {
            match byte {
                b'\n' => {
                    self.line += 1;
                    self.run = 0;
                    self.first_line_done = true;
                }
                b',' | b';' | b'\t' | b'\r' => {
                    self.run = 0;
                    if !self.first_line_done {
                        let slot = match byte {
                            b',' => 0,
                            b';' => 1,
                            b'\t' => 2,
                            _ => continue,
                        };
                        self.header[slot] += 1;
                        if self.header[slot] >= MAX_COLUMNS {
                            return Err(Stop::WideHeader);
                        }
                    }
                }
                _ => {
                    self.run += 1;
                    if self.run > CELL_BYTES {
                        return Err(Stop::LongCell {
                            line: self.line + 1,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// A pipe, FIFO or device: opened and read on a helper thread, since
/// opening a FIFO waits for a writer and reading waits for data. The
/// caller gives up after `SILENCE_LIMIT` without a byte, or when cancelled;
/// the helper then ends with the process.
fn read_stream(
    path: &Path,
    limit: u64,
    guard: bool,
    progress: &Progress,
    silence: Duration,
) -> Result<Vec<u8>, ReadError> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let count = Arc::new(AtomicU64::new(0));
    let reader_count = Arc::clone(&count);
    let source = path.to_path_buf();
    std::thread::Builder::new()
        .name("skillgrid-read".into())
        .spawn(move || {
            let result = std::fs::File::open(&source)
                .map_err(Stop::Io)
                .and_then(|file| read_bounded(file, limit, guard, &reader_count, |_| true));
            let _ = sender.send(result);
        })
        .map_err(|error| ReadError::new(format!("cannot read the file: {error}")))?;
    let mut last = (0, Instant::now());
    loop {
        match receiver.recv_timeout(Duration::from_millis(100)) {
            Ok(result) => return result.map_err(|stop| stop.message(path, limit)),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(ReadError::new("cannot read the file: the reader stopped"));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        if progress.is_cancelled() {
            return Err(ReadError::new("cancelled: nothing was imported"));
        }
        let now = count.load(Ordering::Relaxed);
        if now != last.0 {
            last = (now, Instant::now());
        } else if last.1.elapsed() >= silence {
            return Err(ReadError::new(format!(
                "nothing came from it for {} seconds{}: it is a pipe or device, and nothing is \
                 writing to it",
                silence.as_secs_f32(),
                if now == 0 {
                    String::new()
                } else {
                    format!(" after {now} bytes")
                }
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An endless source of one byte, as `/dev/zero` is.
    struct Endless(u8);

    impl Read for Endless {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            buffer.fill(self.0);
            Ok(buffer.len())
        }
    }

    #[test]
    fn an_endless_source_stops_at_the_limit_not_at_the_end_of_memory() {
        let stop = read_bounded(
            Endless(b'0'),
            8 * CHUNK as u64,
            false,
            &AtomicU64::new(0),
            |_| true,
        )
        .unwrap_err();
        assert!(matches!(stop, Stop::TooLarge), "{stop:?}");
    }

    #[test]
    fn a_cell_past_the_limit_stops_the_read_on_its_line() {
        let mut text = b"Name,Role\nAna,".to_vec();
        text.extend(std::iter::repeat_n(b'x', CELL_BYTES + 1));
        let stop =
            read_bounded(&text[..], u64::MAX, true, &AtomicU64::new(0), |_| true).unwrap_err();
        assert!(matches!(stop, Stop::LongCell { line: 2 }), "{stop:?}");
        // An endless cell stops long before the file limit.
        let read = AtomicU64::new(0);
        let stop = read_bounded(Endless(b'x'), u64::MAX, true, &read, |_| true).unwrap_err();
        assert!(matches!(stop, Stop::LongCell { line: 1 }), "{stop:?}");
        assert!(read.load(Ordering::Relaxed) <= CHUNK as u64);
    }

    #[test]
    fn a_header_past_the_column_limit_stops_the_read() {
        let header = "a;".repeat(MAX_COLUMNS + 1);
        let stop = read_bounded(
            header.as_bytes(),
            u64::MAX,
            true,
            &AtomicU64::new(0),
            |_| true,
        )
        .unwrap_err();
        assert!(matches!(stop, Stop::WideHeader), "{stop:?}");
        // Many separators further down are only rows.
        let rows = format!("Name\n{}", "a,\n".repeat(MAX_COLUMNS + 1));
        assert!(
            read_bounded(rows.as_bytes(), u64::MAX, true, &AtomicU64::new(0), |_| {
                true
            })
            .is_ok()
        );
    }

    fn fifo(folder: &Path, name: &str) -> std::path::PathBuf {
        let fifo = folder.join(name);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        fifo
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_that_never_ends_stops_at_a_limit_with_bounded_memory() {
        use std::io::Write;
        let folder = tempfile::tempdir().expect("temp dir");
        let fifo = fifo(folder.path(), "roster.csv");
        let writer_path = fifo.clone();
        // A writer with no end, in one reused chunk; it stops when the
        // reader hangs up.
        let writer = std::thread::spawn(move || {
            let mut pipe = std::fs::OpenOptions::new()
                .write(true)
                .open(writer_path)
                .expect("open for writing");
            let chunk = vec![b'x'; 64 * 1024];
            while pipe.write_all(&chunk).is_ok() {}
        });
        let error = read_file(&fifo).unwrap_err().to_string();
        assert!(error.contains("line 1 has a cell longer than"), "{error}");
        writer.join().expect("the writer ends");
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_with_no_writer_is_given_up_on_with_a_message() {
        let folder = tempfile::tempdir().expect("temp dir");
        let fifo = fifo(folder.path(), "team.csv");
        let progress = Progress::default();
        let silence = Duration::from_millis(300);
        let error = read_stream(&fifo, MAX_FILE_BYTES, true, &progress, silence)
            .unwrap_err()
            .to_string();
        assert!(error.contains("nothing is writing to it"), "{error}");
        // Cancelling gives up at once.
        let started = Instant::now();
        progress.cancel();
        let error = read_stream(&fifo, MAX_FILE_BYTES, true, &progress, SILENCE_LIMIT)
            .unwrap_err()
            .to_string();
        assert_eq!(error, "cancelled: nothing was imported");
        assert!(started.elapsed() < SILENCE_LIMIT);
    }
}
