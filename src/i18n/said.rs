//! A message value: a catalogue text and its data, rendered in the reader's language only at the
//! edge (the screens, the command line). Library errors carry one instead of an English sentence.

use std::borrow::Cow;
use std::fmt;

use super::Catalogue;
use crate::lang::Lang;

/// Boxed, so that errors carrying one stay small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    /// The catalogue key (`FlatNotInRoster`), or empty for text that is not from a catalogue.
    key: String,
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
    /// The data, by placeholder name, already written as text (flats, numbers, file names).
    args: Vec<(&'static str, String)>,
    /// Data that is itself a word of the catalogue (a step, a choice): Chinese and English.
    words: Vec<(&'static str, String, String)>,
}

impl Said {
    /// The text `key` with its placeholders' values.
    pub fn new<C: Catalogue>(key: C, args: &[(&'static str, &dyn fmt::Display)]) -> Said {
        Said(Box::new(Inner {
            key: format!("{key:?}"),
            zh: Cow::Borrowed(key.text(Lang::Zh)),
            en: Cow::Borrowed(key.text(Lang::En)),
            args: args.iter().map(|(n, v)| (*n, v.to_string())).collect(),
            words: Vec::new(),
        }))
    }

    /// Adds a placeholder whose value is a catalogue word, rendered in the reader's language.
    pub fn word<C: Catalogue>(self, name: &'static str, word: C) -> Said {
        self.both(name, word.text(Lang::Zh), word.text(Lang::En))
    }

    /// Adds a placeholder whose value is another message (a table's name, a guess).
    pub fn with(self, name: &'static str, inner: &Said) -> Said {
        self.both(name, inner.render(Lang::Zh), inner.render(Lang::En))
    }

    /// Adds a placeholder whose value is written differently in each language (a scope).
    pub fn both(
        mut self,
        name: &'static str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Said {
        self.0.words.push((name, zh.into(), en.into()));
        self
    }

    /// Adds a placeholder whose value is a day, written as each language writes a date
    /// (2026年11月28日 / 28 Nov 2026).
    pub fn date(self, name: &'static str, day: jiff::civil::Date) -> Said {
        self.both(name, super::date(Lang::Zh, day), super::date(Lang::En, day))
    }

    /// Text that is the same in every language: a name, a quotation, a message from another
    /// program (SQLite, the TOML parser) that has no translation.
    pub fn verbatim(text: impl Into<String>) -> Said {
        let text: String = text.into();
        Said(Box::new(Inner {
            key: String::new(),
            zh: Cow::Owned(text.clone()),
            en: Cow::Owned(text),
            args: Vec::new(),
            words: Vec::new(),
        }))
    }

    /// A text already written in each language (an error of another kind, rendered).
    pub fn each(zh: impl Into<String>, en: impl Into<String>) -> Said {
        Said(Box::new(Inner {
            key: String::new(),
            zh: Cow::Owned(zh.into()),
            en: Cow::Owned(en.into()),
            args: Vec::new(),
            words: Vec::new(),
        }))
    }

    /// The catalogue key (`FlatNotInRoster`), or empty for verbatim text.
    pub fn key(&self) -> &str {
        &self.0.key
    }

    /// Whether this is the catalogue text `key` (whatever its data).
    pub fn is<C: Catalogue>(&self, key: C) -> bool {
        self.0.key == format!("{key:?}") && self.0.zh == key.text(Lang::Zh)
    }

    pub fn is_empty(&self) -> bool {
        self.0.zh.is_empty() && self.0.en.is_empty()
    }

    /// The message in `lang`, placeholders filled.
    pub fn render(&self, lang: Lang) -> String {
        let template = match lang {
            Lang::Zh => &self.0.zh,
            Lang::En => &self.0.en,
        };
        let mut out = template.to_string();
        for (name, value) in &self.0.args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        for (name, zh, en) in &self.0.words {
            let value = match lang {
                Lang::Zh => zh,
                Lang::En => en,
            };
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// English, for logs and for code that has no reader (tests, `{err}` in a panic).
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Said {}

/// Compares the English text (tests of the library say what they expect in English).
impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.render(Lang::En) == *other
    }
}

impl From<&str> for Said {
    fn from(s: &str) -> Said {
        Said::verbatim(s)
    }
}

impl From<String> for Said {
    fn from(s: String) -> Said {
        Said::verbatim(s)
    }
}

/// `said!(Key, flat = f, n = 3)`: a [`Said`] with named data.
macro_rules! said {
    ($key:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Said::new($key, &[$((stringify!($name), &$value as &dyn std::fmt::Display)),*])
    };
}
pub(crate) use said;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::CliText;

    #[test]
    fn renders_in_either_language_with_its_data() {
        let s = said!(CliText::DigestNotFound, digest = "abc");
        assert!(s.render(Lang::Zh).contains("abc"));
        assert!(
            s.render(Lang::En)
                .starts_with("no event has the digest abc")
        );
        assert_eq!(s.key(), "DigestNotFound");
        assert_eq!(Said::verbatim("x").render(Lang::Zh), "x");
    }
}
