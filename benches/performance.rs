//! Criterion benchmarks of issue 6 (filled in later).

fn main() {}
