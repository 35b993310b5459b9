//! What leaves the program: the machine-readable shapes (tally JSON) and, later, minutes and notices.

pub mod json_shapes;
