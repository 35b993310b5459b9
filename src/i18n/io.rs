//! What the operating system said when a file or the terminal could not be used, in the reader's
//! language. The system's own text (always English) is kept only as a marked detail.

use std::io::{Error, ErrorKind};

use super::{Said, catalogue, said};

catalogue! {
    /// The common reasons an operation on a file or device fails.
    IoText {
        NotFound => "找不到该文件或目录", "there is no such file or directory";
        PermissionDenied => "没有权限", "permission was denied";
        AlreadyExists => "已经存在", "it already exists";
        NotADirectory => "路径中有一段不是目录", "a part of the path is not a directory";
        IsADirectory => "这是目录，不是文件", "it is a directory, not a file";
        StorageFull => "磁盘已满", "the disk is full";
        ReadOnly => "存储设备只读", "the storage is read-only";
        Busy => "正被占用", "it is busy";
        TimedOut => "操作超时", "the operation timed out";
        BrokenPipe => "输出已被关闭", "the output was closed";
        UnexpectedEof => "文件意外结束", "the file ended early";
        NoTerminal => "没有可用的终端", "there is no terminal";
        OutputNotTerminal => "输出被重定向到了文件或管道", "the output goes to a file or a pipe";
        Other => "操作系统报告了错误", "the operating system reported an error";
        WithDetail => "{reason}；系统原文：`{detail}`", "{reason}; the system said: `{detail}`";
    }
}

/// The reason `e` gives, in the reader's language, followed by the system's own words marked as
/// such (in backquotes): "没有权限；系统原文：`Permission denied (os error 13)`".
pub fn io_reason(e: &Error) -> Said {
    let reason = match e.kind() {
        ErrorKind::NotFound => IoText::NotFound,
        ErrorKind::PermissionDenied => IoText::PermissionDenied,
        ErrorKind::AlreadyExists => IoText::AlreadyExists,
        ErrorKind::NotADirectory => IoText::NotADirectory,
        ErrorKind::IsADirectory => IoText::IsADirectory,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => IoText::StorageFull,
        ErrorKind::ReadOnlyFilesystem => IoText::ReadOnly,
        ErrorKind::ResourceBusy => IoText::Busy,
        ErrorKind::TimedOut => IoText::TimedOut,
        ErrorKind::BrokenPipe => IoText::BrokenPipe,
        ErrorKind::UnexpectedEof => IoText::UnexpectedEof,
        _ if no_terminal(e) => IoText::NoTerminal,
        _ => IoText::Other,
    };
    said!(IoText::WithDetail, detail = e).word("reason", reason)
}

/// ENXIO ("no such device or address": no controlling terminal) and ENOTTY ("not a terminal"),
/// which std has no kind for; the numbers are the same on Linux, the BSDs and macOS.
fn no_terminal(e: &Error) -> bool {
    cfg!(unix) && matches!(e.raw_os_error(), Some(6 | 25))
}

#[cfg(test)]
mod io_tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_reason_in_the_readers_language_and_the_systems_words_marked() {
        let e = Error::from(ErrorKind::PermissionDenied);
        let zh = io_reason(&e).render(Lang::Zh);
        assert!(zh.starts_with("没有权限；系统原文：`"), "{zh}");
        assert!(zh.ends_with('`'), "{zh}");
        let en = io_reason(&e).render(Lang::En);
        assert!(
            en.starts_with("permission was denied; the system said: `"),
            "{en}"
        );
        if cfg!(unix) {
            let e = Error::from_raw_os_error(6);
            assert!(io_reason(&e).render(Lang::Zh).starts_with("没有可用的终端"));
        }
        let e = Error::other("strange");
        assert_eq!(
            io_reason(&e).render(Lang::Zh),
            "操作系统报告了错误；系统原文：`strange`"
        );
    }
}
