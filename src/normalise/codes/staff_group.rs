//! Staff groups: the ten NHS Data Dictionary groups in their ESR spellings, and the default clinical split.

use super::{StaffGroup, Workforce};

/// Classifies one staff-group value; `None` when it is not recognised.
pub fn classify(raw: &str) -> Option<StaffGroup> {
    let _ = raw;
    None
}

/// The default workforce block of a staff group (spec decision 8); `None` for Students (outside the workforce).
pub fn default_workforce(group: StaffGroup) -> Option<Workforce> {
    let _ = group;
    None
}
