//! Fuzz target: the layout of `hashiya debug layout` on arbitrary Unicode; see `hashiya::fuzzing::check_layout`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hashiya::fuzzing::check_layout(data));
