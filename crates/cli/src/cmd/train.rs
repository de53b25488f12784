//! `rasd train …`: reproduce a committed model from its training data.

use std::process::ExitCode;

use super::Globals;

/// Training subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {}

/// Run a training command.
pub fn run(_g: &Globals, c: Command) -> anyhow::Result<ExitCode> {
    match c {}
}
