//! rasd's document model: one [`Doc`] per article, with code-point [`Span`]s into its
//! cleaned `body`, that every pipeline stage annotates in turn.
//!
//! The main types are [`Doc`], [`Span`], [`Why`] (the provenance every annotation
//! carries), the layers ([`Entity`], [`TimeExpr`], [`Quantity`], [`Claim`],
//! [`Event`]), the text layer's [`Normalized`] form and [`Token`]s, and the wire
//! view [`wire::Article`] that `rasd extract` writes. This crate holds data only:
//! it reads no files and runs no analysis.
//!
//! ```
//! use rasd_model::{Doc, Content, Span};
//! let mut doc = Doc::new("a1", "-", Content::Text(String::new()));
//! doc.set_body("قال المسماري".to_string());
//! assert_eq!(doc.text(Span::new(4, 12)), "المسماري");
//! ```
#![warn(missing_docs)]

mod analysis;
mod doc;
mod layers;
mod published;
mod span;
mod why;
pub mod wire;

pub use analysis::{Clitics, FormRange, Normalized, Token, TokenKind};
pub use doc::{Content, Doc};
pub use layers::{
    ser_number, Approx, Claim, Entity, EntityType, Event, EventTime, Grain, Mention, Modality,
    Quantity, RefRecord, Removed, Stance, TimeExpr, TimeKind, TimePart, Toll, Trigger,
};
pub use published::{civil_from_days, days_from_civil, days_in_month, is_leap, weekday, Published};
pub use span::{CharIndex, Span};
pub use why::Why;
