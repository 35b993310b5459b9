//! Writing an export to disk: whole or not at all (a temporary file, flushed, then given its name
//! in one step), and never over an earlier file — a file of the same name is kept and the new one
//! gets a numbered name (`minutes-2.html`), unless the caller forces the overwrite. The name is
//! taken without replacing anything (rename with no-replace, or a hard link), so two writers
//! racing for one name each get a file of their own.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{CmdText, Said, io_reason, said};

/// Whether `-o PATH` names a folder to write into under the default name: one that exists, or
/// one written with a separator at the end (`minutes/`, created then; it used to be refused as
/// "not a directory").
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
        || path
            .as_os_str()
            .to_string_lossy()
            .ends_with(std::path::is_separator)
}

/// Writes `bytes` to `path`, or to the first free numbered name next to it when `path` exists and
/// `force` is off. Returns the path written; creates the directory if needed. A path naming no
/// file (`folder/..`) is refused before anything is created.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<PathBuf, Said> {
    write_new_with(path, force, |w| {
        w.write_all(bytes).map_err(|e| cannot_write(path, &e))
    })
}

/// [`write_new`] of what `write` writes into the (buffered) temporary file as it goes, so a large
/// export is never held whole. A failure of `write` (its own error, or one it made with
/// [`cannot_write`]) leaves nothing behind, as any other.
pub fn write_new_with<E: From<Said>>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<PathBuf, E> {
    let Some(name) = path.file_name() else {
        return Err(said!(CmdText::NotAFileName, path = path.display()).into());
    };
    let cannot = |e: &std::io::Error| E::from(cannot_write(path, e));
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| cannot(&e))?;
    // Removed when dropped: a failure anywhere leaves nothing behind.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| cannot(&e))?;
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, tmp);
    write(&mut out)?;
    let mut tmp = out.into_inner().map_err(|e| cannot(e.error()))?;
    tmp.as_file().sync_all().map_err(|e| cannot(&e))?;
    if force {
        tmp.persist(path).map_err(|e| cannot(&e.error))?;
        return Ok(path.to_path_buf());
    }
    for n in 1.. {
        let target = numbered(path, n);
        match tmp.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            // Taken (perhaps a moment ago, by another writer): the next number.
            Err(e) if e.error.kind() == ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(cannot(&e.error)),
        }
    }
    unreachable!("some number is free")
}

/// "cannot write PATH: the disk is full" and the like.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> Said {
    said!(CmdText::CannotWrite, path = path.display()).with("error", &io_reason(e))
}

/// `path` itself for 1, else `stem-n.ext`.
fn numbered(path: &Path, n: u32) -> PathBuf {
    if n == 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    path.with_file_name(format!("{stem}-{n}{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes.html");
        assert_eq!(write_new(&path, b"one", false).unwrap(), path);
        let second = write_new(&path, b"two", false).unwrap();
        assert_eq!(second, dir.path().join("minutes-2.html"));
        assert_eq!(
            write_new(&path, b"three", false).unwrap(),
            dir.path().join("minutes-3.html")
        );
        assert_eq!(fs::read(&path).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        assert_eq!(write_new(&path, b"four", true).unwrap(), path);
        assert_eq!(fs::read(&path).unwrap(), b"four");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            3,
            "no temporary file"
        );
    }

    /// Writers racing for one name in the same instant (a second window, a script): each gets a
    /// file of its own, nothing written is lost or replaced, no temporary file is left.
    #[test]
    fn writers_racing_for_one_name_never_overwrite_each_other() {
        const WRITERS: usize = 6;
        for round in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("纪要.md");
            let start = std::sync::Barrier::new(WRITERS);
            let written: Vec<PathBuf> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..WRITERS)
                    .map(|w| {
                        let (path, start) = (&path, &start);
                        s.spawn(move || {
                            let bytes = format!("writer {w} of round {round}").repeat(4096);
                            start.wait();
                            (write_new(path, bytes.as_bytes(), false).unwrap(), bytes)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        let (at, bytes) = h.join().unwrap();
                        assert_eq!(fs::read_to_string(&at).unwrap(), bytes, "{at:?}");
                        at
                    })
                    .collect()
            });
            let mut names: Vec<String> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            assert_eq!(names.len(), WRITERS, "round {round}: {names:?}");
            let mut distinct = written.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), WRITERS, "round {round}: {written:?}");
        }
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_nothing_and_keeps_the_earlier_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes.md");
        let half_way = |w: &mut dyn Write| -> Result<(), Said> {
            w.write_all(&vec![b'x'; 1024 * 1024]).unwrap();
            Err(said!(CmdText::NotAFileName, path = "the renderer failed"))
        };
        assert!(write_new_with(&path, false, half_way).is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left");

        write_new(&path, b"earlier", false).unwrap();
        assert!(write_new_with(&path, true, half_way).is_err());
        assert!(write_new_with(&path, false, half_way).is_err());
        assert_eq!(fs::read(&path).unwrap(), b"earlier", "forced or not");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file"
        );
    }
}
