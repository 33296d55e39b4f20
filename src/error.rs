//! Errors the library reports. Each is one line, fit to print after a file name.

use thiserror::Error;

/// Why a page could not be turned into an article.
#[derive(Debug, Error)]
pub enum Error {
    /// The input had no bytes (or only whitespace).
    #[error("empty file")]
    Empty,
    /// The input is larger than the configured limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes (see --max-size)")]
    TooLarge { size: usize, limit: usize },
    /// The bytes are a known non-HTML format, or binary data.
    #[error("not HTML: {0}")]
    NotHtml(String),
    /// An `--encoding` label that encoding_rs does not know.
    #[error("unknown encoding label {0:?}")]
    UnknownEncoding(String),
    /// A gzip stream that could not be decompressed.
    #[error("bad gzip data: {0}")]
    Gzip(String),
}

/// A rules file that cannot be used: the message names the file, the line and the problem.
#[derive(Debug, Error)]
#[error("{file}:{line}: {message}")]
pub struct RulesError {
    pub file: String,
    pub line: usize,
    pub message: String,
}
