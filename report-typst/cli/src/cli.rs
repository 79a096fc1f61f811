//! The command line's own words in the chosen language: every subcommand's description,
//! every argument's, the headings and usage of `--help`, and clap's errors (a missing or
//! unknown argument, an invalid value, an unknown subcommand …), all from the message
//! files (`report-core/l10n/*.ftl`), never from doc comments.
//!
//! The language is decided before clap parses ([`lang_arg`] reads `--lang` the way clap
//! will), then the derived [`clap::Command`] is rewritten through the builder API
//! ([`localized`]): each text is looked up by a systematic id built from the command's
//! path and the argument's id:
//!
//! - `cli-help` is the program's description (its attribute `.long` the one of `--help`),
//!   `cli-help-<sub>` a subcommand's;
//! - `cli-arg-<arg>` is an argument of the program itself, `cli-arg-<sub>-<arg>` one of a
//!   subcommand (the arg's id with `_` written `-`); `cli-arg-help` is the `-h, --help`
//!   of every command, the one argument deliberately shared;
//! - `cli-value-<sub>-<arg>-<value>` is a possible value's description;
//! - `cli-heading-…`, `cli-usage-…` the words of the help around them; `cli-clap-…` clap's
//!   errors, rendered here from [`clap::Error::kind`] and its context.
//!
//! clap's own `--help`, `--version` and `help` subcommand carry English words, so they
//! are replaced by equivalents whose words come from the message files; a test walks
//! the whole command and fails on an argument, a value or a subcommand without its
//! message in either language.

use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;

use clap::builder::{PossibleValue, Resettable, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command, CommandFactory, FromArgMatches};
use report_core::l10n::{self, Lang, arg};
use unicode_width::UnicodeWidthChar;

/// Exit status of a wrong command line, as clap's.
const USAGE: u8 = 2;

/// The name of the `help` subcommand and of the `-h, --help` argument.
const HELP: &str = "help";

/// The value of `--lang` in `args` (the program's name first), read as clap reads it:
/// `--lang VALUE` or `--lang=VALUE`, anywhere before a `--`; the last one if repeated.
pub fn lang_arg(args: &[OsString]) -> Option<&OsStr> {
    let mut found = None;
    let mut rest = args.iter().skip(1);
    while let Some(a) = rest.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            found = rest.next().map(OsString::as_os_str);
        } else if let Some(value) = a
            .as_encoded_bytes()
            .strip_prefix(b"--lang=")
            .and_then(|v| std::str::from_utf8(v).ok())
        {
            found = Some(OsStr::new(value));
        }
    }
    found
}

/// A message of the command line in `lang`.
fn tr(lang: Lang, id: &str, args: &[l10n::Arg]) -> String {
    l10n::tr(lang, id, args)
}

/// The suffix of the ids of a command at `path` (the subcommands' names from the
/// program's down): empty for the program itself, `-init` for `govreport init`.
fn id_suffix(path: &[&str]) -> String {
    path.iter().map(|name| format!("-{name}")).collect()
}

/// The id of an argument's description: `cli-arg-<sub>-<arg>`.
fn arg_id(path: &[&str], arg: &str) -> String {
    format!("cli-arg{}-{}", id_suffix(path), arg.replace('_', "-"))
}

/// The id of a possible value's description: `cli-value-<sub>-<arg>-<value>`.
fn value_id(path: &[&str], arg: &str, value: &str) -> String {
    format!("cli-value{}-{}-{value}", id_suffix(path), arg.replace('_', "-"))
}

/// The id of a command's description: `cli-help-<sub>`.
fn about_id(path: &[&str]) -> String {
    format!("cli-help{}", id_suffix(path))
}

/// `a` and `b` side by side: a space between them, unless either side is full-width
/// where they meet (`用法：govreport`, `说明（默认：…）`), which carries its own spacing.
fn beside(a: &str, b: &str) -> String {
    let wide = |c: Option<char>| c.and_then(|c| c.width()).is_some_and(|w| w > 1);
    if a.is_empty() || b.is_empty() || wide(a.chars().last()) || wide(b.chars().next()) {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// `command` with every text in `lang`: the descriptions of the program, of its
/// subcommands, arguments and values; the help's headings and usage; and a `-h, --help`,
/// `-V, --version` and `help` subcommand of its own in place of clap's English ones.
pub fn localized(command: Command, lang: Lang) -> Command {
    let command =
        command.disable_help_subcommand(true).disable_version_flag(true).subcommand(
            Command::new(HELP).arg(
                Arg::new("command")
                    .action(ArgAction::Append)
                    .num_args(..)
                    .value_name(tr(lang, "cli-usage-command", &[])),
            ),
        );
    let mut command = localize(command, lang, &[], false).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .display_order(usize::MAX)
            .help(tr(lang, &arg_id(&[], "version"), &[])),
    );
    // clap writes `[OPTIONS]` in the usage line itself: where the language has other
    // words for it, each usage line is set to the one clap computes on the built command
    // (global arguments propagated, each subcommand's name after the program's) with
    // them. An error's usage is then this one too, not the required arguments alone.
    let options = tr(lang, "cli-usage-options", &[]);
    if options != CLAP_OPTIONS {
        let mut built = command.clone();
        built.build();
        with_usage(&mut command, &mut built, &options);
    }
    command
}

/// The words clap writes in a usage line for the options.
const CLAP_OPTIONS: &str = "[OPTIONS]";

/// Sets the usage line of `command` and of its subcommands from `built`, the same tree
/// built, with `options` for clap's `[OPTIONS]`.
fn with_usage(command: &mut Command, built: &mut Command, options: &str) {
    let usage = plain_usage(&built.render_usage()).replace(CLAP_OPTIONS, options);
    *command = std::mem::take(command).override_usage(usage);
    for sub in command.get_subcommands_mut() {
        if let Some(built_sub) = built.find_subcommand_mut(sub.get_name()) {
            with_usage(sub, built_sub, options);
        }
    }
}

/// [`localized`] for the command at `path`, and its subcommands; `inherited_long_help`
/// when a global argument of a parent has a long help, which clap copies in when it
/// builds the command.
fn localize(
    mut command: Command,
    lang: Lang,
    path: &[&str],
    inherited_long_help: bool,
) -> Command {
    let about = about_id(path);
    let long_about = match l10n::text(lang, &about, Some("long"), &[]) {
        Some(text) => Resettable::Value(StyledStr::from(text)),
        None => Resettable::Reset,
    };
    command = command.about(tr(lang, &about, &[])).long_about(long_about);
    let ids: Vec<String> =
        command.get_arguments().map(|a| a.get_id().as_str().to_owned()).collect();
    for id in &ids {
        command = command.mut_arg(id, |a| localize_arg(a, lang, path));
    }
    let long_help = inherited_long_help
        || command.get_long_about().is_some()
        || command.get_arguments().any(|a| a.get_long_help().is_some());
    let global_long_help = inherited_long_help
        || command
            .get_arguments()
            .any(|a| a.is_global_set() && a.get_long_help().is_some());
    let help = if long_help {
        Arg::new(HELP)
            .help(l10n::text(lang, "cli-arg-help", Some("more"), &[]).unwrap_or_default())
            .long_help(
                l10n::text(lang, "cli-arg-help", Some("summary"), &[])
                    .unwrap_or_default(),
            )
    } else {
        Arg::new(HELP).help(tr(lang, "cli-arg-help", &[]))
    };
    command = command
        .disable_help_flag(true)
        .disable_version_flag(true)
        // Last, after the global `--lang`, as clap places its own.
        .arg(
            help.short('h').long(HELP).action(ArgAction::Help).display_order(usize::MAX),
        );
    let names: Vec<String> =
        command.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in &names {
        let mut sub_path = path.to_vec();
        sub_path.push(name);
        command = command
            .mut_subcommand(name, |sub| localize(sub, lang, &sub_path, global_long_help));
    }
    let positionals = command.get_positionals().next().is_some();
    let template = template(lang, &command, positionals, !names.is_empty());
    command
        .subcommand_value_name(tr(lang, "cli-usage-command", &[]))
        .help_template(template)
}

/// The help's layout with its headings in `lang` (clap's default layout otherwise): the
/// description, the usage, then the commands, the arguments and the options, each under
/// its heading.
fn template(
    lang: Lang,
    command: &Command,
    positionals: bool,
    subcommands: bool,
) -> String {
    let styles = command.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let heading = |id: &str, tag: &str| {
        format!("\n\n{header}{}{header:#}\n{{{tag}}}", tr(lang, id, &[]))
    };
    let words = tr(lang, "cli-heading-usage", &[]);
    let space = if beside(&words, "{usage}").contains(' ') { " " } else { "" };
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{words}{usage:#}{space}{{usage}}"
    );
    if subcommands {
        template += &heading("cli-heading-commands", "subcommands");
    }
    if positionals {
        template += &heading("cli-heading-arguments", "positionals");
    }
    template += &heading("cli-heading-options", "options");
    template + "{after-help}"
}

/// An argument's description in `lang` (`cli-arg-…`), with its default value and its
/// possible values (each described, `cli-value-…`, in the long help) written in `lang`
/// too: clap's `[default: …]` and `Possible values:` are English.
fn localize_arg(arg: Arg, lang: Lang, path: &[&str]) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let description = tr(lang, &arg_id(path, &id), &[]);
    let takes_values = arg.get_action().takes_values();
    let values: Vec<PossibleValue> = if takes_values {
        let parser = arg.get_value_parser();
        parser
            .possible_values()
            .map(|v| v.filter(|v| !v.is_hide_set()).collect())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default = (takes_values && !defaults.is_empty())
        .then(|| tr(lang, "cli-default", &[l10n::arg("value", defaults.join(" "))]));
    let separator = tr(lang, "cli-list-separator", &[]);
    let mut short = description.clone();
    if let Some(default) = &default {
        short = beside(&short, default);
    }
    let mut long = description;
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short = beside(
            &short,
            &tr(
                lang,
                "cli-possible-values",
                &[l10n::arg("values", names.join(&separator))],
            ),
        );
        let widest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        long += "\n\n";
        long += &tr(lang, "cli-possible-values-heading", &[]);
        for name in names {
            let padding = " ".repeat(widest - name.chars().count());
            let help = tr(lang, &value_id(path, &id, name), &[]);
            let line = [
                l10n::arg("name", name),
                l10n::arg("padding", padding),
                l10n::arg("help", help),
            ];
            long += &format!("\n- {}", tr(lang, "cli-possible-value", &line));
        }
    }
    if let Some(default) = default {
        long += "\n\n";
        long += &default;
    }
    let arg = arg.hide_default_value(true).hide_possible_values(true).help(short.clone());
    if long == short { arg.long_help(None) } else { arg.long_help(long) }
}

/// Parses `args` (the program's name first) with the [`localized`] command of `T`; `Err`
/// with the exit status after printing, in `lang`, the help (`--help`, `help COMMAND`:
/// on stdout, 0), the version (0) or clap's error with the usage and a hint to run
/// `--help` (on stderr, 2).
pub fn parse<T: CommandFactory + FromArgMatches>(
    lang: Lang,
    args: &[OsString],
) -> Result<T, u8> {
    let command = localized(T::command(), lang);
    let matches = match command.clone().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) => return Err(report(lang, &e)),
    };
    if let Some((HELP, help)) = matches.subcommand() {
        return Err(print_help(lang, command, help));
    }
    T::from_arg_matches(&matches).map_err(|e| report(lang, &e))
}

/// `govreport help [COMMAND…]`: the long help of the command named, on stdout.
fn print_help(lang: Lang, command: Command, matches: &ArgMatches) -> u8 {
    let mut built = command;
    built.build();
    let mut shown = &mut built;
    for name in matches.get_many::<String>("command").into_iter().flatten() {
        let usage = plain_usage(&shown.render_usage());
        match shown.find_subcommand_mut(name) {
            Some(sub) => shown = sub,
            None => {
                let message =
                    tr(lang, "cli-clap-invalid-subcommand", &[arg("name", name)]);
                eprint!("{}", error_text(lang, &message, &[], Some(&usage)));
                return USAGE;
            }
        }
    }
    let help = shown.render_long_help();
    let text = if std::io::stdout().is_terminal() {
        help.ansi().to_string()
    } else {
        help.to_string()
    };
    out!("{text}");
    0
}

/// Prints clap's `error` (or the help or version it stands for) in `lang`; the exit
/// status, clap's: 0 for the help and the version, 2 for a wrong command line.
fn report(lang: Lang, error: &clap::Error) -> u8 {
    let code = u8::try_from(error.exit_code()).unwrap_or(USAGE);
    match error.kind() {
        // Rendered by clap from the localized command: the help, on stdout (on stderr
        // for a command line with nothing but the program's name), or the version.
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
        }
        _ => match message(lang, error) {
            Some((message, tips)) => {
                let usage = match error.get(ContextKind::Usage) {
                    Some(ContextValue::StyledStr(usage)) => Some(plain_usage(usage)),
                    _ => None,
                };
                eprint!("{}", error_text(lang, &message, &tips, usage.as_deref()));
            }
            // A kind this command line cannot produce: clap's own words.
            None => {
                let _ = error.print();
            }
        },
    }
    code
}

/// A usage line of an error without clap's `Usage: ` title.
fn plain_usage(usage: &StyledStr) -> String {
    let usage = usage.to_string();
    usage.strip_prefix("Usage: ").unwrap_or(&usage).to_owned()
}

/// An error as clap lays it out, in `lang`: `error: message`, the tips, the usage line,
/// and the hint to run `--help`.
fn error_text(lang: Lang, message: &str, tips: &[String], usage: Option<&str>) -> String {
    let mut out = tr(lang, "cli-error", &[arg("message", message)]);
    for (i, tip) in tips.iter().enumerate() {
        out += if i == 0 { "\n\n  " } else { "\n  " };
        out += &tr(lang, "cli-clap-tip", &[arg("tip", tip)]);
    }
    if let Some(usage) = usage {
        out += "\n\n";
        out += &beside(&tr(lang, "cli-heading-usage", &[]), usage);
    }
    out += "\n\n";
    out += &tr(lang, "cli-clap-try-help", &[arg("help", "--help")]);
    out + "\n"
}

/// A string of an error's context.
fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The strings of an error's context (one or several).
fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A number of an error's context.
fn number(error: &clap::Error, kind: ContextKind) -> Option<isize> {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    }
}

/// `'a', 'b'` in `lang`'s quotes and separator.
fn quoted_list(lang: Lang, items: &[String]) -> String {
    let quoted: Vec<String> =
        items.iter().map(|i| tr(lang, "cli-clap-quoted", &[arg("value", i)])).collect();
    quoted.join(&tr(lang, "cli-list-separator", &[]))
}

/// The message of clap's `error` in `lang` and its tips, from its kind and context (as
/// clap's `RichFormatter` reads them); `None` for a kind this command line cannot
/// produce, or one without its context.
fn message(lang: Lang, error: &clap::Error) -> Option<(String, Vec<String>)> {
    let t = |id: &str, args: &[l10n::Arg]| tr(lang, id, args);
    let separator = t("cli-list-separator", &[]);
    let invalid_arg = string(error, ContextKind::InvalidArg);
    let invalid_value = string(error, ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => {
            t("cli-clap-unknown-argument", &[arg("arg", invalid_arg?)])
        }
        ErrorKind::InvalidSubcommand => t(
            "cli-clap-invalid-subcommand",
            &[arg("name", string(error, ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg);
            let mut m = t("cli-clap-missing-required-argument", &[]);
            for a in missing {
                m += &format!("\n  {a}");
            }
            m
        }
        ErrorKind::MissingSubcommand => {
            let name = string(error, ContextKind::InvalidSubcommand)?;
            let mut m = t("cli-clap-missing-subcommand", &[arg("name", name)]);
            let valid = strings(error, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                let values = valid.join(&separator);
                m += &format!(
                    "\n  {}",
                    t("cli-clap-subcommands", &[arg("values", values)])
                );
            }
            m
        }
        ErrorKind::InvalidValue => {
            let (a, v) = (invalid_arg?, invalid_value?);
            let mut m = if v.is_empty() {
                t("cli-clap-value-required", &[arg("arg", a)])
            } else {
                t("cli-clap-invalid-value", &[arg("arg", a), arg("value", v)])
            };
            let valid = strings(error, ContextKind::ValidValue);
            if !valid.is_empty() {
                let values = valid.join(&separator);
                m += &format!(
                    "\n  {}",
                    t("cli-possible-values", &[arg("values", values)])
                );
            }
            m
        }
        ErrorKind::ValueValidation => {
            let (a, v) = (invalid_arg?, invalid_value?);
            let reason = std::error::Error::source(error)
                .map(|source| reason(lang, &v, source))
                .unwrap_or_default();
            t(
                "cli-clap-value-validation",
                &[arg("arg", a), arg("value", v), arg("reason", reason)],
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(error, ContextKind::PriorArg);
            match (invalid_arg, string(error, ContextKind::InvalidSubcommand)) {
                (Some(a), _) if prior == [a.clone()] => {
                    t("cli-clap-argument-used-twice", &[arg("arg", a)])
                }
                (Some(a), _) => t(
                    "cli-clap-argument-conflict",
                    &[arg("arg", a), arg("others", quoted_list(lang, &prior))],
                ),
                (None, Some(s)) => t(
                    "cli-clap-subcommand-conflict",
                    &[arg("name", s), arg("others", quoted_list(lang, &prior))],
                ),
                (None, None) => return None,
            }
        }
        ErrorKind::NoEquals => t("cli-clap-no-equals", &[arg("arg", invalid_arg?)]),
        ErrorKind::TooManyValues => t(
            "cli-clap-too-many-values",
            &[arg("arg", invalid_arg?), arg("value", invalid_value?)],
        ),
        ErrorKind::TooFewValues => t(
            "cli-clap-too-few-values",
            &[
                arg("arg", invalid_arg?),
                arg("min", number(error, ContextKind::MinValues)?),
                arg("actual", number(error, ContextKind::ActualNumValues)?),
            ],
        ),
        ErrorKind::WrongNumberOfValues => t(
            "cli-clap-wrong-number-of-values",
            &[
                arg("arg", invalid_arg?),
                arg("expected", number(error, ContextKind::ExpectedNumValues)?),
                arg("actual", number(error, ContextKind::ActualNumValues)?),
            ],
        ),
        ErrorKind::InvalidUtf8 => t("cli-clap-invalid-utf8", &[]),
        _ => return None,
    };
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "cli-clap-tip-similar-subcommand"),
        (ContextKind::SuggestedArg, "cli-clap-tip-similar-argument"),
        (ContextKind::SuggestedValue, "cli-clap-tip-similar-value"),
    ] {
        let similar = strings(error, kind);
        if !similar.is_empty() {
            let args =
                [arg("count", similar.len()), arg("names", quoted_list(lang, &similar))];
            tips.push(t(id, &args));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested)
    {
        tips.extend(suggestions.iter().map(|s| suggestion(lang, &s.to_string())));
    }
    Some((message, tips))
}

/// One of clap's free-text tips in `lang`: clap writes three (`to pass '-x' as a value,
/// use '-- -x'`; `'sub --flag' exists`; `subcommand 'x' exists; to use it, remove the
/// '--' before it`), recognised by their fixed words; any other is kept as clap wrote it.
fn suggestion(lang: Lang, text: &str) -> String {
    let quoted = |s: &str| -> Vec<String> {
        s.split('\'').skip(1).step_by(2).map(str::to_owned).collect()
    };
    let parts = quoted(text);
    let id = if text.starts_with("to pass '") && text.contains("' as a value, use '") {
        "cli-clap-tip-escape"
    } else if text.starts_with("subcommand '") && text.contains("remove the '--'") {
        "cli-clap-tip-double-dash"
    } else if text.starts_with('\'') && text.ends_with("' exists") {
        "cli-clap-tip-in-subcommand"
    } else {
        return text.to_owned();
    };
    let first = parts.first().cloned().unwrap_or_default();
    let second = parts.get(1).cloned().unwrap_or_default();
    tr(lang, id, &[arg("value", first), arg("usage", second)])
}

/// Why a value could not be read, in `lang`: the integer parsers' errors in words of the
/// message files; any other in its own text.
fn reason(lang: Lang, value: &str, source: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;
    if let Some(e) = source.downcast_ref::<std::num::ParseIntError>() {
        let id = match e.kind() {
            IntErrorKind::Empty => "cli-clap-int-empty",
            IntErrorKind::PosOverflow => "cli-clap-int-too-large",
            IntErrorKind::NegOverflow => "cli-clap-int-too-small",
            _ => "cli-clap-int-invalid-digit",
        };
        return tr(lang, id, &[]);
    }
    // clap's ranged integer parsers: `{value} is not in {range}`.
    let text = source.to_string();
    match text.split_once(" is not in ") {
        Some((number, range))
            if number.trim() == value.trim() || number.parse::<i64>().is_ok() =>
        {
            tr(
                lang,
                "cli-clap-int-out-of-range",
                &[arg("value", number), arg("range", range)],
            )
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of the tree under `command`, itself first, with the names of its
    /// path below the program.
    fn commands(
        command: &Command,
        path: &[String],
        out: &mut Vec<(Vec<String>, Command)>,
    ) {
        out.push((path.to_vec(), command.clone()));
        for sub in command.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_owned());
            commands(sub, &sub_path, out);
        }
    }

    /// The message ids the command line needs that a language's file lacks: each
    /// command's description, each argument's (the shared `-h, --help` as
    /// `cli-arg-help`), each possible value's. A new subcommand, argument or value without
    /// its message in both files fails here.
    fn missing(lang: Lang) -> Vec<String> {
        let mut all = Vec::new();
        commands(&localized(crate::Cli::command(), lang), &[], &mut all);
        let mut ids = Vec::new();
        for (path, command) in &all {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            ids.push(about_id(&path));
            for a in command.get_arguments() {
                let id = a.get_id().as_str();
                if id == HELP {
                    ids.push("cli-arg-help".to_owned());
                    continue;
                }
                ids.push(arg_id(&path, id));
                if a.get_action().takes_values()
                    && let Some(values) = a.get_value_parser().possible_values()
                {
                    ids.extend(values.map(|v| value_id(&path, id, v.get_name())));
                }
            }
        }
        assert!(ids.len() > 60, "the walk reached every command: {ids:?}");
        ids.into_iter().filter(|id| l10n::text(lang, id, None, &[]).is_none()).collect()
    }

    #[test]
    fn every_subcommand_argument_and_value_has_its_message_in_both_languages() {
        for lang in Lang::ALL {
            assert_eq!(missing(lang), Vec::<String>::new(), "{lang:?}");
        }
    }

    /// One source of truth: the derive carries no description of an argument or a value
    /// (a doc comment would be a second, English-only copy of the message files').
    #[test]
    fn no_argument_is_described_in_the_code() {
        let mut all = Vec::new();
        commands(&crate::Cli::command(), &[], &mut all);
        for (path, command) in &all {
            for a in command.get_arguments() {
                let id = a.get_id();
                assert!(a.get_help().is_none(), "{path:?} {id}: {:?}", a.get_help());
                assert!(a.get_long_help().is_none(), "{path:?} {id}");
                let values = a.get_value_parser().possible_values().into_iter().flatten();
                for v in values {
                    assert!(v.get_help().is_none(), "{path:?} {id} {}", v.get_name());
                }
            }
        }
    }

    /// The localized command builds in both languages, and its help shows no message id
    /// in place of a text.
    #[test]
    fn the_localized_command_builds_and_shows_no_id() {
        for lang in Lang::ALL {
            let mut command = localized(crate::Cli::command(), lang);
            command.build();
            let help = command.render_long_help().to_string();
            assert!(!help.contains("cli-"), "{lang:?}: an id shown as text: {help}");
        }
    }

    #[test]
    fn lang_is_read_as_clap_reads_it() {
        let args = |a: &[&str]| -> Vec<OsString> {
            std::iter::once("govreport")
                .chain(a.iter().copied())
                .map(OsString::from)
                .collect()
        };
        let value =
            |a: &[&str]| lang_arg(&args(a)).map(|v| v.to_string_lossy().into_owned());
        assert_eq!(value(&["check", "--lang", "zh", "f.toml"]), Some("zh".to_owned()));
        assert_eq!(value(&["--lang=en", "check"]), Some("en".to_owned()));
        assert_eq!(value(&["check", "f.toml"]), None);
        // After `--` everything is a value.
        assert_eq!(value(&["check", "--", "--lang", "zh"]), None);
        assert_eq!(value(&["--lang"]), None);
    }

    #[test]
    fn full_width_punctuation_carries_its_own_spacing() {
        assert_eq!(beside("Usage:", "govreport"), "Usage: govreport");
        assert_eq!(beside("用法：", "govreport"), "用法：govreport");
        assert_eq!(beside("说明", "（默认：0）"), "说明（默认：0）");
        assert_eq!(beside("text", "[default: 0]"), "text [default: 0]");
    }
}
