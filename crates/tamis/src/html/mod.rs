//! HTML: parsing into an arena DOM and cutting it into blocks.

pub mod dom;
pub mod prune;
pub mod segment;
