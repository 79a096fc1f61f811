//! Diagnostics in Chinese and English: the message files (Project Fluent, `.ftl`, one
//! per language, embedded in the crate from `report-core/l10n/`) and the language a
//! reader chose.
//!
//! Every message of a [`Diagnostic`](crate::Diagnostic) built with
//! [`Diagnostic::from_id`](crate::Diagnostic::from_id) is a Fluent message: its id, its
//! arguments (official labels, numbers, the values found), its text as the value and its
//! hint as the attribute `.hint`. The same id exists in `en.ftl` and `zh.ftl` (a test
//! checks it), so a diagnostic is data and is written in the language asked for at the
//! moment it is shown ([`Diagnostic::in_lang`](crate::Diagnostic::in_lang)).
//!
//! Adding a kind of diagnostic: add the message with its `.hint` to both files, then
//! build it with `Diagnostic::from_id(rule, location, "the-id", vec![arg("name", value)])`.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

/// A language diagnostics are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// English, the default (what `Display` writes).
    #[default]
    En,
    /// Simplified Chinese, as the clerk who fills in the report writes it.
    Zh,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language's tag: `en` or `zh`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a locale such as `zh_CN.UTF-8` or `en_US`: Chinese when it
    /// starts with `zh`, else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set and not empty ([`Lang::of_locale`]), else English. `var` reads
    /// a variable (`|name| std::env::var(name).ok()`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())
            .map_or(Lang::En, |value| Lang::of_locale(&value))
    }
}

/// One argument of a message: its name in the `.ftl` files and its value as text.
pub type Arg = (&'static str, String);

/// An argument of a message: `arg("total", 10)`.
pub fn arg(name: &'static str, value: impl ToString) -> Arg {
    (name, value.to_string())
}

const EN_FTL: &str = include_str!("../l10n/en.ftl");
const ZH_FTL: &str = include_str!("../l10n/zh.ftl");

fn bundle(tag: &str, text: &'static str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around arguments would print as stray characters in a
    // terminal and in JSON.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
    // A message defined twice keeps the first; a test checks the files are clean.
    let _ = bundle.add_resource(resource);
    bundle
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle("en", EN_FTL), bundle("zh", ZH_FTL)]);

/// The text of the message `id` (or of its attribute `attribute`, e.g. `hint`) in `lang`
/// with `args`, or `None` if the message files have no such message.
pub fn text(
    lang: Lang,
    id: &str,
    attribute: Option<&str>,
    args: &[Arg],
) -> Option<String> {
    let bundle = &BUNDLES[lang as usize];
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, fluent_value(value));
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(out.into_owned())
}

/// [`text`], or the id itself when the message is missing (a test keeps the files
/// complete, so this shows only during development).
pub fn tr(lang: Lang, id: &str, args: &[Arg]) -> String {
    text(lang, id, None, args).unwrap_or_else(|| id.to_owned())
}

/// A whole number of at most 15 digits is passed as a Fluent number (so that `[0]` and
/// plural variants select on it); anything else as text, digit for digit.
fn fluent_value(value: &str) -> FluentValue<'static> {
    let integer = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    match value.parse::<i64>() {
        Ok(n) if integer => FluentValue::from(n),
        _ => FluentValue::from(value.to_owned()),
    }
}

/// An operating system's error as a reader of `lang` is told it: the common ones (not
/// found, permission denied, a folder where a file was wanted, a full disk, text that is
/// not UTF-8) in the language's own words, any other in the system's text.
pub fn io_reason(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let id = match error.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::IsADirectory => "io-is-a-directory",
        ErrorKind::NotADirectory => "io-not-a-directory",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "io-storage-full",
        ErrorKind::InvalidData => "io-not-utf8",
        ErrorKind::AlreadyExists => "io-already-exists",
        _ => return error.to_string(),
    };
    tr(lang, id, &[])
}

/// The message file of `lang` as Fluent text (`l10n/en.ftl`, `l10n/zh.ftl`): for tools
/// and translators that read the messages themselves.
pub fn messages(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN_FTL,
        Lang::Zh => ZH_FTL,
    }
}
