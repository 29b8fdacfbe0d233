//! The bytes of one take, kept until the server has acknowledged them.
//!
//! Offsets are absolute positions in the take: the journal holds the bytes
//! from [`Journal::start`] (everything below was acknowledged and released)
//! to [`Journal::end`] (everything recorded so far).
//!
//! ```
//! use recorder_core::journal::Journal;
//! let mut journal = Journal::default();
//! journal.append(b"hello world");
//! journal.release_below(6);
//! assert_eq!(journal.read(6, 100), b"world");
//! assert_eq!((journal.start(), journal.end()), (6, 11));
//! ```

use std::collections::VecDeque;

/// An in-memory journal of a take's unacknowledged bytes.
///
/// ```
/// let mut journal = recorder_core::journal::Journal::default();
/// journal.append(b"abc");
/// assert_eq!(journal.end(), 3);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Journal {
    start: u64,
    bytes: VecDeque<u8>,
}

impl Journal {
    /// Appends recorded bytes at the end.
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"ab");
    /// journal.append(b"c");
    /// assert_eq!(journal.read(0, 3), b"abc");
    /// ```
    pub fn append(&mut self, bytes: &[u8]) {
        self.bytes.extend(bytes);
    }

    /// The offset of the first byte still held.
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"abc");
    /// journal.release_below(2);
    /// assert_eq!(journal.start(), 2);
    /// ```
    pub fn start(&self) -> u64 {
        self.start
    }

    /// The offset just past the last recorded byte: the take's length so far.
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"abcd");
    /// journal.release_below(4);
    /// assert_eq!(journal.end(), 4);
    /// ```
    pub fn end(&self) -> u64 {
        self.start + self.bytes.len() as u64
    }

    /// Up to `max` bytes from `offset`; empty if `offset` is not held.
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"abcdef");
    /// assert_eq!(journal.read(2, 3), b"cde");
    /// assert!(journal.read(9, 3).is_empty());
    /// ```
    pub fn read(&self, offset: u64, max: usize) -> Vec<u8> {
        if offset < self.start || offset >= self.end() {
            return Vec::new();
        }
        let from = (offset - self.start) as usize;
        let to = from.saturating_add(max).min(self.bytes.len());
        self.bytes.range(from..to).copied().collect()
    }

    /// Forgets every byte below `offset` (the server has them).
    /// Offsets at or below [`Journal::start`] change nothing; offsets past the
    /// end release everything held.
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"abc");
    /// journal.release_below(1);
    /// assert_eq!(journal.read(1, 9), b"bc");
    /// ```
    pub fn release_below(&mut self, offset: u64) {
        let offset = offset.min(self.end());
        if offset > self.start {
            self.bytes.drain(..(offset - self.start) as usize);
            self.start = offset;
        }
    }

    /// How many bytes are held (recorded and not yet acknowledged).
    ///
    /// ```
    /// let mut journal = recorder_core::journal::Journal::default();
    /// journal.append(b"abc");
    /// journal.release_below(1);
    /// assert_eq!(journal.held(), 2);
    /// ```
    pub fn held(&self) -> u64 {
        self.bytes.len() as u64
    }
}
