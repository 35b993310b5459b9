use std::process::ExitCode;

use pavilion::cli;
use pavilion::cli::outcome::{Exit, exit_of, report};
use pavilion::lang::Lang;

fn main() -> ExitCode {
    pavilion::cli::reader_left::end_quietly_when_the_reader_leaves();
    // A mistake on the command line is said in the reader's language (status 2).
    let args = match pavilion::cli::usage::parse() {
        Ok(args) => args,
        Err(status) => return status,
    };
    let lang = Lang::detect(args.lang.map(Lang::from));
    match cli::run(args) {
        Ok(()) => Exit::Ok.into(),
        // `pavilion … | head`: the reader has what it wanted.
        Err(err) if err.is::<pavilion::cli::reader_left::ReaderLeft>() => Exit::Ok.into(),
        Err(err) => {
            // One line per problem (input files), then what happened, in the reader's language.
            for line in report(&err, lang) {
                eprintln!("{line}");
            }
            exit_of(&err).into()
        }
    }
}
