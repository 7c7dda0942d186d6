//! Fuzz target: brat import (visual.conf, then .txt/.ann pairs separated by NUL bytes); see `hashiya::fuzzing::check_brat`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hashiya::fuzzing::check_brat(data));
