//! `rasd serve`: the desk (JSON API, OpenAPI document, web UI) over a database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::Globals;

/// Arguments of `rasd serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The database (made by `rasd ingest`).
    #[arg(long, default_value = "rasd.db", value_name = "DB")]
    pub db: PathBuf,
    /// Address to listen on (loopback by default; port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub addr: SocketAddr,
    /// Requests slower than this many seconds answer 503.
    #[arg(long, default_value_t = 10, value_name = "SECS")]
    pub timeout: u64,
}

/// Run `rasd serve`.
pub fn run(g: &Globals, args: Args) -> anyhow::Result<ExitCode> {
    super::ensure_db(&args.db)?;
    serve(
        g,
        &args.db,
        args.addr,
        Duration::from_secs(args.timeout.max(1)),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Serve a database until Ctrl-C, printing the address once bound.
pub fn serve(
    g: &Globals,
    db: &std::path::Path,
    addr: SocketAddr,
    timeout: Duration,
) -> anyhow::Result<()> {
    let config = rasd_serve::Config {
        db: db.to_path_buf(),
        addr,
        lexicons: g.lexicons.clone(),
        timeout,
    };
    rasd_serve::run(&config, |bound| {
        println!(
            "rasd: serving {} at http://{bound}/ (API: http://{bound}/openapi.json); Ctrl-C stops",
            db.display()
        );
    })?;
    Ok(())
}
