//! rasd's desk: a JSON API over a store, described by an OpenAPI document at
//! `/openapi.json`, and the web UI, served by one binary with every asset embedded
//! (no CDN, no tile server).
//!
//! The main items are [`Config`], [`router`] (the axum routes, for tests and
//! embedding) and [`run`] (bind, print the address, serve until Ctrl-C). Requests
//! are read-only: each borrows a read-only SQLite connection from a small pool on a
//! blocking thread. Every error is JSON `{"error", "status"}`; bad parameters are 400
//! with a message that names them. Limits: URIs over [`MAX_URI`] bytes are refused
//! (414), requests taking longer than the configured timeout answer 503, and only
//! GET and HEAD are served, and a connection silent for as long as the timeout (a
//! stalled half request, an idle keep-alive) is closed. The server binds 127.0.0.1
//! unless told otherwise.
//!
//! This crate extracts nothing and writes nothing: `rasd ingest` fills the store.
#![warn(missing_docs)]

mod api;
mod assets;
mod idle;
pub mod openapi;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use rasd_store::search::SearchIndex;
use rasd_store::Store;
use serde_json::json;

/// The longest request URI served, in bytes.
pub const MAX_URI: usize = 4096;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database.
    pub db: PathBuf,
    /// Address to bind.
    pub addr: SocketAddr,
    /// Lexicon directory (for the search analyzer), if overridden.
    pub lexicons: Option<PathBuf>,
    /// Requests slower than this answer 503.
    pub timeout: Duration,
}

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] rasd_store::Error),
    /// Binding or serving failed.
    #[error("{addr}: {source}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The error.
        source: std::io::Error,
    },
}

/// Shared state: the database path, a pool of read-only connections, the index.
pub struct App {
    db: PathBuf,
    pool: Mutex<Vec<Store>>,
    search: SearchIndex,
}

impl App {
    /// Open a database (read-only) and its search index.
    pub fn open(db: &std::path::Path, lexicons: Option<&std::path::Path>) -> Result<App, Error> {
        let first = Store::open_read_only(db)?;
        let src = match lexicons {
            Some(d) => rasd_lexicon::Source::with_dir(d),
            None => rasd_lexicon::Source::embedded(),
        };
        let search = SearchIndex::open(db, &src)?;
        Ok(App {
            db: db.to_path_buf(),
            pool: Mutex::new(vec![first]),
            search,
        })
    }

    /// Run `f` with a pooled connection on a blocking thread.
    async fn with<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &SearchIndex) -> Result<T, ApiError> + Send + 'static,
    {
        let app = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let store = match app.pool.lock().ok().and_then(|mut p| p.pop()) {
                Some(s) => s,
                None => Store::open_read_only(&app.db).map_err(ApiError::from)?,
            };
            let out = f(&store, &app.search);
            if let Ok(mut p) = app.pool.lock() {
                if p.len() < 8 {
                    p.push(store);
                }
            }
            out
        })
        .await;
        joined.unwrap_or_else(|_| Err(ApiError::internal("the request failed inside the server")))
    }
}

/// An error answer: a status and a message, sent as JSON.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<rasd_store::Error> for ApiError {
    fn from(e: rasd_store::Error) -> ApiError {
        match e {
            rasd_store::Error::BadRequest(m) => ApiError::bad(m),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status, &self.message)
    }
}

fn error_response(status: StatusCode, message: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": message, "status": status.as_u16()})),
    )
        .into_response()
}

/// Refuse long URIs and methods other than GET/HEAD, and time out slow requests.
async fn guard(timeout: Duration, req: Request, next: Next) -> Response {
    if req.uri().to_string().len() > MAX_URI {
        return error_response(
            StatusCode::URI_TOO_LONG,
            &format!("request URI longer than {MAX_URI} bytes"),
        );
    }
    let m = req.method();
    if m != axum::http::Method::GET && m != axum::http::Method::HEAD {
        return error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "only GET and HEAD are served",
        );
    }
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(r) => r,
        Err(_) => error_response(StatusCode::SERVICE_UNAVAILABLE, "the request took too long"),
    }
}

/// The routes: API, OpenAPI document, UI.
pub fn router(app: Arc<App>, timeout: Duration) -> Router {
    api::routes()
        .merge(assets::routes())
        .fallback(|| async {
            error_response(StatusCode::NOT_FOUND, "no such route; see /openapi.json")
        })
        .with_state(app)
        .layer(axum::middleware::from_fn(move |req, next| {
            guard(timeout, req, next)
        }))
        .layer(axum::extract::DefaultBodyLimit::max(16 * 1024))
}

/// Serve until Ctrl-C; `ready` is called with the bound address (port 0 picks one).
pub fn run(config: &Config, ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let app = Arc::new(App::open(&config.db, config.lexicons.as_deref())?);
    let addr = config.addr;
    let io = |source| Error::Io { addr, source };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(io)?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
        let bound = listener.local_addr().map_err(io)?;
        ready(bound);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let listener = idle::IdleListener {
            inner: listener,
            idle: config.timeout,
        };
        axum::serve(listener, router(app, config.timeout))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|source| Error::Io {
                addr: bound,
                source,
            })
    })
}
