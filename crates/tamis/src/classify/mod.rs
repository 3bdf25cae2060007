//! Decides what each [`Block`](crate::blocks::Block) is: content, boilerplate, comment, title or byline.
//!
//! HTML blocks are judged with the page's structure ([`html`]); text blocks with what their wording
//! and neighbours still show ([`text`]). Both read the same phrase lists ([`phrases`]).

pub mod html;
pub mod phrases;
pub mod text;
