//! Fuzz target: JSONL import (every flavor); see `hashiya::fuzzing::check_jsonl`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hashiya::fuzzing::check_jsonl(data));
