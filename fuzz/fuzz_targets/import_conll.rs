//! Fuzz target: CoNLL import; see `hashiya::fuzzing::check_conll`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hashiya::fuzzing::check_conll(data));
