//! The statistical entity tagger (not built yet).
