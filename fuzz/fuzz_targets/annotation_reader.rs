//! Differential: the fast reader of the canonical layout and ron alone load every annotation
//! file the same. Mutations: libFuzzer's own, and half the time the structure-aware ones of
//! `hashiya::fuzzing::mutator` (lines duplicated, moved, inserted; numbers and strings edited).
#![no_main]

use hashiya::fuzzing::{Rng, check_annotation_file, mutate_annotation_file};
use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| check_annotation_file(data));

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng::new(u64::from(seed));
    if rng.below(2) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let mut mutated = data[..size].to_vec();
    mutate_annotation_file(&mut mutated, max_size, &mut rng);
    data[..mutated.len()].copy_from_slice(&mutated);
    mutated.len()
});
