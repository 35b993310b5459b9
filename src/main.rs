use std::process::ExitCode;

use clap::Parser;
use pavilion::cli::{self, Cli};
use pavilion::intake::Problems;

fn main() -> ExitCode {
    let args = Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // Several problems in an input file: one line each, then what happened.
            if let Some(problems) = err.downcast_ref::<Problems>() {
                for p in &problems.0 {
                    eprintln!("{p}");
                }
                let n = problems.0.len();
                eprintln!(
                    "pavilion: {n} problem{} found; nothing was written",
                    if n == 1 { "" } else { "s" }
                );
            } else {
                eprintln!("pavilion: {err:#}");
            }
            ExitCode::FAILURE
        }
    }
}
