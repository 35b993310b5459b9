//! Writing an export to disk: whole or not at all (a temporary file, flushed, then renamed), and
//! never over an earlier file — a file of the same name is kept and the new one gets a numbered
//! name (`minutes-2.html`), unless the caller forces the overwrite.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path`, or to the first free numbered name next to it when `path` exists and
/// `force` is off. Returns the path written; creates the directory if needed.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        let target = if force {
            path.to_path_buf()
        } else {
            free_name(path)
        };
        fs::rename(&tmp, &target)?;
        Ok(target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// `path` if nothing is there, else `stem-2.ext`, `stem-3.ext` … the first that is free.
pub fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
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
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|p| !p.exists())
        .expect("some number is free")
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
}
