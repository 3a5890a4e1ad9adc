//! debrief: a terminal briefing reader.
//!
//! The [`loader`] turns a document into a [`model::Briefing`] (sentences sorted into sections,
//! speakers with parties, claims and a timeline); [`report`] prints it as JSON or text; [`tui`]
//! is the interactive reader; [`library`] reads a folder or several files together. The loader,
//! model and library never touch the terminal.

pub mod cli;
pub mod config;
pub mod corrections;
pub mod library;
pub mod loader;
pub mod model;
pub mod report;
pub mod shown;
#[cfg(feature = "train")]
pub mod train;
pub mod tui;
