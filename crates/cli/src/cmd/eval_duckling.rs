//! Not built yet.

use std::process::ExitCode;

use super::Globals;

/// Arguments.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Run.
pub fn run(_g: &Globals, _a: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
