//! The app's views: one module per screen or widget.

pub mod app;
pub mod compare;
pub mod grade;
pub mod grades;
pub mod home;
pub mod items;
pub mod ladder;
pub mod not_found;
pub mod pay;
#[cfg(feature = "posting")]
pub mod posting;
pub mod posting_slot;
pub mod rich;
pub mod role;
pub mod search;
