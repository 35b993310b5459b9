//! The reader's language for this run of the command line, chosen once at the start (`--lang`, else
//! the locale), and the helpers that print catalogue texts in it.

use std::sync::OnceLock;

use crate::i18n::Catalogue;
use crate::lang::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Fixes the language for this process (the first call wins).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run: as set at the start, else from the locale.
pub fn lang() -> Lang {
    *LANG.get_or_init(|| Lang::detect(None))
}

/// A catalogue text in this run's language, placeholders filled.
pub fn text<C: Catalogue>(key: C, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    key.fill(lang(), args)
}

/// Prints a catalogue text on stdout.
pub fn say<C: Catalogue>(key: C, args: &[(&str, &dyn std::fmt::Display)]) {
    println!("{}", text(key, args));
}

/// A count of something in this run's language: `3 个事件` / `1 event`.
pub fn count<C: Catalogue>(n: impl TryInto<i64>, one: C, many: C) -> String {
    crate::i18n::terms::counted(lang(), n, one, many)
}
