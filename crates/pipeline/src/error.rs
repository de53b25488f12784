//! Errors of the pipeline: a stage failed on an article.

/// A stage failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Clean failed.
    #[error(transparent)]
    Clean(#[from] rasd_clean::Error),
    /// Recognize failed.
    #[error(transparent)]
    Recognize(#[from] rasd_recognize::Error),
    /// Measure failed.
    #[error(transparent)]
    Measure(#[from] rasd_measure::Error),
    /// Attribute failed.
    #[error(transparent)]
    Attribute(#[from] rasd_attribute::Error),
    /// Events failed.
    #[error(transparent)]
    Events(#[from] rasd_events::Error),
}

/// `Result` of this crate.
pub type Result<T> = std::result::Result<T, Error>;
