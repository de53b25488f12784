//! Errors of this stage.

/// An error of this stage, naming the article it happened on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] rasd_lexicon::Error),
    /// The article could not be processed.
    #[error("article {article}: {message}")]
    Article {
        /// Article id.
        article: String,
        /// What went wrong.
        message: String,
    },
}

/// `Result` of this crate.
pub type Result<T> = std::result::Result<T, Error>;
