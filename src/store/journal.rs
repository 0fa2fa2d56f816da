//! The journal: saves that do not grow with the workspace.
//!
//! A save appends what changed (a [`Delta`]: whole records put or removed) to
//! `journal.ron` as one line, flushed to disk, and is done: an edit of one deal in a
//! 100k-deal workspace writes a few hundred bytes, not the 59 MB of `deals.ron`. The
//! collection files are rewritten only when the journal is *compacted*: when it passes
//! [`COMPACT_AT`], when a save is too large to be worth journaling (an import), before
//! a backup, on a clean exit, and at the first load after a crash. A compaction is one
//! commit (`commit::write_all_removing`) that writes every file the journal touched
//! and removes the journal, so files and journal never disagree.
//!
//! Why a journal, like SQLite's WAL or Redis's append-only file: a save costs what
//! changed, and the files stay plain RON that `check`, backups, restores and hand edits
//! read as before. Records are stored whole, so replaying an entry twice is harmless.
//!
//! Each line is `<crc32 of the rest, 8 hex digits> <the delta in compact RON>`. A line
//! cut short by a crash, or one whose checksum fails, ends the journal: it and anything
//! after it were never reported saved, so they are dropped (and the user is told).

use super::error::StoreError;
use super::files;
use super::paths::JOURNAL;
use crate::model::{Delta, FileKind, Workspace};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A journal longer than this is folded into the files at the next save.
pub const COMPACT_AT: u64 = 8 * 1024 * 1024;

pub fn path(dir: &Path) -> PathBuf {
    dir.join(JOURNAL)
}

/// One entry as its line (with the newline).
pub fn encode(delta: &Delta) -> Result<String, StoreError> {
    let ron = ron::to_string(delta).map_err(|e| StoreError::Serialize {
        file: JOURNAL.into(),
        message: e.to_string(),
    })?;
    Ok(format!("{:08x} {ron}\n", crc32fast::hash(ron.as_bytes())))
}

/// The end of the journal that did not read: an entry a crash cut short, or damage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Torn {
    /// Its first line (1-based), as a text editor shows it.
    pub line: usize,
    /// How many bytes were dropped from there to the end.
    pub bytes: u64,
}

/// What the journal holds.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// Whole entries, oldest first.
    pub entries: Vec<Delta>,
    /// Bytes up to the end of the last whole entry.
    pub good_len: u64,
    pub torn: Option<Torn>,
}

impl Read {
    /// The files the whole entries touch.
    pub fn files(&self) -> BTreeSet<FileKind> {
        self.entries.iter().flat_map(Delta::files).collect()
    }
    /// Applies every whole entry to `ws`, except ops of the files `skip` names.
    pub fn replay(&self, ws: &mut Workspace, skip: impl Fn(FileKind) -> bool + Copy) {
        for d in &self.entries {
            d.clone().replay(ws, skip);
        }
    }
}

/// Reads the journal of `dir`: `None` when there is none. Never writes.
pub fn read(dir: &Path) -> Result<Option<Read>, StoreError> {
    let p = path(dir);
    let bytes = match std::fs::read(&p) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("read", &p, e)),
    };
    Ok(Some(parse(&bytes)))
}

fn parse(bytes: &[u8]) -> Read {
    let mut r = Read::default();
    let mut at = 0usize;
    let mut line = 1usize;
    while at < bytes.len() {
        let entry = bytes[at..]
            .iter()
            .position(|b| *b == b'\n')
            .and_then(|end| Some((end, decode(&bytes[at..at + end])?)));
        match entry {
            Some((end, delta)) => {
                r.entries.push(delta);
                at += end + 1;
                line += 1;
                r.good_len = at as u64;
            }
            None => {
                r.torn = Some(Torn {
                    line,
                    bytes: (bytes.len() - at) as u64,
                });
                break;
            }
        }
    }
    r
}

/// One line without its newline: `None` unless the checksum matches and it parses.
fn decode(line: &[u8]) -> Option<Delta> {
    let text = std::str::from_utf8(line).ok()?;
    let (crc, ron) = text.split_once(' ')?;
    let crc = u32::from_str_radix(crc, 16).ok()?;
    if crc32fast::hash(ron.as_bytes()) != crc {
        return None;
    }
    files::parse::<Delta>(JOURNAL, ron).ok()
}

/// Appends one entry line and flushes it to disk. On failure the journal is cut back
/// to `len` (its length before), so a half-written line never precedes a good one.
fn append(dir: &Path, len: u64, line: &str) -> Result<(), StoreError> {
    let p = path(dir);
    let created = !p.exists();
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&p)
            .map_err(|e| StoreError::io("open", &p, e))?;
        f.write_all(line.as_bytes())
            .map_err(|e| StoreError::io("write", &p, e))?;
        f.sync_data()
            .map_err(|e| StoreError::io("flush to disk", &p, e))
    })();
    if result.is_err() {
        if let Ok(f) = std::fs::OpenOptions::new().write(true).open(&p) {
            let _ = f.set_len(len).and_then(|_| f.sync_data());
        }
        return result;
    }
    if created {
        // The new file's name must be durable too, or a power cut could lose it whole.
        super::atomic::sync_dir(dir)?;
    }
    Ok(())
}

/// How a save reached the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Appended to the journal: this many bytes.
    Journaled(u64),
    /// The files were rewritten (the journal folded in).
    Compacted,
    /// Nothing had changed.
    Nothing,
}

/// The saving side of the journal for one data folder: knows the state the folder
/// holds (files plus journal), so a save appends only what differs from it.
pub struct Journal {
    dir: PathBuf,
    /// The state on disk; `None` when unknown, and every save then compacts.
    base: Option<Workspace>,
    /// Bytes of whole entries in the journal.
    len: u64,
    /// The journal may end in a bad line (an append failed and could not be cut back,
    /// or a torn tail is there): the next save compacts instead of appending.
    suspect: bool,
    compact_at: u64,
}

impl Journal {
    /// The journal of `dir`, whose files and journal hold `base` (as `load` returned it).
    pub fn open(dir: &Path, base: Option<Workspace>) -> Journal {
        let (len, suspect) = match std::fs::metadata(path(dir)) {
            Ok(m) => match read(dir) {
                Ok(Some(r)) => (r.good_len, r.good_len != m.len()),
                _ => (m.len(), true),
            },
            Err(_) => (0, false),
        };
        Journal {
            dir: dir.to_path_buf(),
            base,
            len,
            suspect,
            compact_at: COMPACT_AT,
        }
    }

    /// Compacts once the journal passes `bytes` (tests use a small size).
    pub fn compact_at(mut self, bytes: u64) -> Journal {
        self.compact_at = bytes;
        self
    }

    /// The state on disk changed under us (a restore): `ws` is what it holds now.
    pub fn rebase(&mut self, ws: Option<Workspace>) {
        *self = Journal {
            compact_at: self.compact_at,
            ..Journal::open(&self.dir, ws)
        };
    }

    /// Bytes of whole entries in the journal.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0 && !self.suspect
    }

    /// Saves `ws`, of which `files` may have changed since the last save: appended to
    /// the journal when small, else the files are rewritten.
    /// An error names the files whose changes are unsaved (the failing path may be the
    /// journal's, which says nothing to the user about what is at stake).
    pub fn save(
        &mut self,
        ws: &Workspace,
        files: &BTreeSet<FileKind>,
    ) -> Result<Saved, StoreError> {
        self.save_inner(ws, files).map_err(|e| StoreError::Unsaved {
            files: files.iter().map(|k| k.file_name()).collect(),
            source: Box::new(e),
        })
    }

    fn save_inner(
        &mut self,
        ws: &Workspace,
        files: &BTreeSet<FileKind>,
    ) -> Result<Saved, StoreError> {
        // A file that is not there (a collection started empty after it was set aside)
        // cannot take a delta: it is written whole, with the journal folded in.
        let missing = || {
            files
                .iter()
                .any(|k| !super::paths::file_path(&self.dir, *k).exists())
        };
        let Some(base) = self.base.as_ref().filter(|_| !self.suspect && !missing()) else {
            return self.compact_to(ws, files);
        };
        let delta = Delta::between(base, ws, files);
        if delta.is_empty() {
            self.base = Some(ws.clone());
            return Ok(Saved::Nothing);
        }
        let line = encode(&delta)?;
        let bytes = line.len() as u64;
        if self.len + bytes > self.compact_at {
            return self.compact_to(ws, files);
        }
        if let Err(e) = append(&self.dir, self.len, &line) {
            // It may not have been cut back: do not append after it.
            self.suspect = true;
            return Err(e);
        }
        self.len += bytes;
        self.base = Some(ws.clone());
        Ok(Saved::Journaled(bytes))
    }

    /// Folds the journal into the files (before a backup, on exit). Needs the state.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        if self.is_empty() && !path(&self.dir).exists() {
            return Ok(());
        }
        match self.base.clone() {
            Some(ws) => self.compact_to(&ws, &BTreeSet::new()).map(|_| ()),
            // Nothing was loaded through us: the journal stays for the next load.
            None => Ok(()),
        }
    }

    fn compact_to(
        &mut self,
        ws: &Workspace,
        files: &BTreeSet<FileKind>,
    ) -> Result<Saved, StoreError> {
        files::save(&self.dir, ws, files)?;
        self.len = 0;
        self.suspect = false;
        self.base = Some(ws.clone());
        Ok(Saved::Compacted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Op, RecordKey, RecordKind};

    fn delta(n: u64) -> Delta {
        Delta(vec![
            Op::Remove(RecordKind::Deal.key(n)),
            Op::NextId(RecordKind::Deal, n + 1),
        ])
    }

    #[test]
    fn whole_entries_read_back_in_order() {
        let text: String = (1..=3).map(|n| encode(&delta(n)).unwrap()).collect();
        let r = parse(text.as_bytes());
        assert_eq!(r.entries, vec![delta(1), delta(2), delta(3)]);
        assert_eq!(r.good_len, text.len() as u64);
        assert_eq!(r.torn, None);
    }

    #[test]
    fn a_torn_tail_is_dropped_and_reported_with_its_line() {
        let whole: String = (1..=2).map(|n| encode(&delta(n)).unwrap()).collect();
        let third = encode(&delta(3)).unwrap();
        for cut in [1, third.len() / 2, third.len() - 1] {
            let text = format!("{whole}{}", &third[..cut]);
            let r = parse(text.as_bytes());
            assert_eq!(r.entries.len(), 2, "cut at {cut}");
            assert_eq!(r.good_len, whole.len() as u64);
            assert_eq!(
                r.torn,
                Some(Torn {
                    line: 3,
                    bytes: cut as u64
                })
            );
        }
    }

    #[test]
    fn a_damaged_entry_ends_the_journal_there() {
        let lines: Vec<String> = (1..=3).map(|n| encode(&delta(n)).unwrap()).collect();
        // One changed digit in the second entry: its checksum no longer matches.
        let bad = lines[1].replacen("Deal(2)", "Deal(7)", 1);
        assert_ne!(bad, lines[1]);
        let text = format!("{}{bad}{}", lines[0], lines[2]);
        let r = parse(text.as_bytes());
        assert_eq!(r.entries, vec![delta(1)]);
        assert_eq!(r.torn.map(|t| t.line), Some(2));
    }

    #[test]
    fn files_touched_are_those_of_whole_entries() {
        let d = Delta(vec![Op::Remove(RecordKey::Customer(
            crate::model::CustomerId(1),
        ))]);
        let text = format!("{}{}", encode(&d).unwrap(), "0000 (torn");
        let r = parse(text.as_bytes());
        assert_eq!(r.files(), BTreeSet::from([FileKind::Customers]));
    }
}
