//! Logs go to a file in the data directory, never to the terminal the host is looking at.
//! A panic writes its report there too, and says where.

use std::io::Write;
use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;

/// Starts logging to `dir/pavilion.log`; keep the guard alive until exit so lines are flushed.
pub fn init(dir: &Path) -> (WorkerGuard, PathBuf) {
    let path = dir.join("pavilion.log");
    let appender = tracing_appender::rolling::never(dir, "pavilion.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let _ = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    let report_path = path.clone();
    // Installed before the terminal's own hook, which restores the screen and then calls this one.
    std::panic::set_hook(Box::new(move |info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        let report = format!("panic: {info}\n{backtrace}\n");
        tracing::error!("{report}");
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&report_path)
        {
            let _ = f.write_all(report.as_bytes());
        }
        eprintln!(
            "pavilion stopped on an internal error; the report is in {}",
            report_path.display()
        );
        // A panic in another thread (the store thread) stops the program too: the screen is already
        // restored, and running on without the thread that keeps the record would show a meeting
        // nothing is written for. What was committed is safe; the lock goes with the process.
        if std::thread::current().name() != Some("main") {
            std::process::exit(101);
        }
    }));
    (guard, path)
}
