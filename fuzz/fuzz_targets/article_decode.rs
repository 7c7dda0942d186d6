//! Fuzz target: article decoding (encoding detection, BOM, line ends); see `hashiya::fuzzing::check_article`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hashiya::fuzzing::check_article(data));
