//! `rasd eval …`: measure a layer against a reference corpus.

use std::process::ExitCode;

use super::Globals;

/// Evaluation subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Duckling's Arabic corpora (time, numeral, ordinal …): pass rate per dimension.
    Duckling(super::eval_duckling::Args),
    /// conlleval-style precision, recall and F1 of the entity tagger on a CoNLL file.
    Ner(super::eval_ner::Args),
}

/// Run an evaluation.
pub fn run(g: &Globals, c: Command) -> anyhow::Result<ExitCode> {
    match c {
        Command::Duckling(a) => super::eval_duckling::run(g, a),
        Command::Ner(a) => super::eval_ner::run(g, a),
    }
}
