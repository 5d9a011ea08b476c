//! A command's standard output: buffered and written as it is produced, so
//! memory does not grow with the output. A closed pipe (the reader went
//! away, as `| head` does) is remembered: further writes do nothing, long
//! loops stop early, and the command ends quietly with success, as `git`
//! and `ripgrep` do. Any other write error is said once, at the end.

use serde::Serialize;
use std::fmt;
use std::io::{self, Write};

pub struct Output<'a> {
    writer: Box<dyn Write + 'a>,
    error: Option<io::Error>,
    /// Indent JSON for reading (`--pretty`); compact otherwise.
    pub pretty: bool,
}

impl<'a> Output<'a> {
    pub fn new(writer: impl Write + 'a) -> Output<'a> {
        Output {
            writer: Box::new(writer),
            error: None,
            pretty: false,
        }
    }

    /// Whether a write failed: the rest of the output would go nowhere.
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }

    pub fn push_str(&mut self, text: &str) {
        self.write_bytes(text.as_bytes());
    }

    pub fn push(&mut self, ch: char) {
        let mut buffer = [0; 4];
        self.push_str(ch.encode_utf8(&mut buffer));
    }

    pub fn write_bytes(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(error) = self.writer.write_all(bytes)
        {
            self.error = Some(error);
        }
    }

    /// `value` as JSON and a newline: indented with `--pretty`.
    pub fn json(&mut self, value: &impl Serialize) {
        // The serialiser writes many small pieces: gather them here.
        let pretty = self.pretty;
        let mut buffer = io::BufWriter::with_capacity(1 << 16, &mut *self);
        let written = if pretty {
            serde_json::to_writer_pretty(&mut buffer, value)
        } else {
            serde_json::to_writer(&mut buffer, value)
        };
        // A failed write is kept in `error`; a value always serialises.
        let _ = written;
        let _ = buffer.flush();
        drop(buffer);
        self.push_str("\n");
    }

    /// A JSON array written an element at a time, for lists as long as the
    /// roster: `begin`, then `element` for each, then `end`.
    pub fn json_array(&mut self) -> JsonArray<'_, 'a> {
        self.push_str("[");
        JsonArray {
            out: self,
            first: true,
            scratch: Vec::new(),
        }
    }

    /// Flushes what is buffered; the first write error, if any.
    pub fn finish(mut self) -> io::Result<()> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        self.writer.flush()
    }
}

/// See `Output::json_array`.
pub struct JsonArray<'o, 'a> {
    out: &'o mut Output<'a>,
    first: bool,
    /// One element's JSON, written whole: the serialiser's many small
    /// pieces would each go through the output's writer.
    scratch: Vec<u8>,
}

impl JsonArray<'_, '_> {
    pub fn element(&mut self, value: &impl Serialize) {
        if !self.first {
            self.out.push_str(",");
        }
        self.first = false;
        if self.out.pretty {
            self.out.push_str("\n  ");
        }
        self.scratch.clear();
        if serde_json::to_writer(&mut self.scratch, value).is_ok() {
            self.out.write_bytes(&self.scratch);
        }
    }

    /// Whether the reader went away: the caller may stop producing.
    pub fn failed(&self) -> bool {
        self.out.failed()
    }

    pub fn end(self) {
        if self.out.pretty && !self.first {
            self.out.push_str("\n");
        }
        self.out.push_str("]\n");
    }
}

impl fmt::Write for Output<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push_str(text);
        if self.failed() {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if let Some(error) = &self.error {
            return Err(io::Error::new(error.kind(), error.to_string()));
        }
        match self.writer.write(bytes) {
            Ok(written) => Ok(written),
            Err(error) => {
                let kind = error.kind();
                let text = error.to_string();
                self.error = Some(error);
                Err(io::Error::new(kind, text))
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// Whether a write error is the reader going away.
pub fn is_closed_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe whose reader left after `room` bytes.
    struct Closing {
        room: usize,
    }

    impl Write for Closing {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from(io::ErrorKind::BrokenPipe));
            }
            let taken = bytes.len().min(self.room);
            self.room -= taken;
            Ok(taken)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_remembered_and_said_as_such() {
        let mut out = Output::new(Closing { room: 5 });
        out.push_str("hello, ");
        assert!(out.failed());
        out.push_str("more");
        let error = out.finish().expect_err("the pipe closed");
        assert!(is_closed_pipe(&error));
    }

    #[test]
    fn arrays_stream_one_element_at_a_time() {
        let mut bytes = Vec::new();
        {
            let mut out = Output::new(&mut bytes);
            let mut array = out.json_array();
            array.element(&1);
            array.element(&"two");
            array.end();
            out.finish().expect("written");
        }
        assert_eq!(String::from_utf8(bytes).expect("UTF-8"), "[1,\"two\"]\n");
    }
}
