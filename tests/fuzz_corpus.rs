//! The fuzz targets' checks on stable Rust: every seed of the checked-in corpus
//! (`fuzz/corpus/TARGET/`) and every input a fuzzer once failed on (`fuzz/regressions/TARGET/`)
//! goes through the same check function as the cargo-fuzz target `TARGET`; and the
//! annotation seeds through a few hundred structure-aware mutants each, so the differential
//! check of the two annotation readers runs on every `cargo test`.

use std::path::{Path, PathBuf};

use hashiya::fuzzing::{self, Rng, TARGETS, check_annotation_file, check_for, mutate_annotation_file};

/// Mutants tried per annotation seed on every test run (the fuzzer tries millions).
const MUTANTS_PER_SEED: u64 = 300;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of `fuzz/KIND/TARGET`, sorted (none when the folder does not exist).
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(fuzz_dir().join(kind).join(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn run_all(kind: &str) -> usize {
    let mut count = 0;
    for target in TARGETS {
        let check = check_for(target).expect("every target has a check");
        for file in inputs(kind, target) {
            let bytes = std::fs::read(&file).expect("reads the input");
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target} fails on {}", file.display());
            count += 1;
        }
    }
    count
}

#[test]
fn every_seed_passes_its_target_check() {
    for target in TARGETS {
        assert!(!inputs("corpus", target).is_empty(), "fuzz/corpus/{target} has no seed");
    }
    assert!(run_all("corpus") >= TARGETS.len());
}

#[test]
fn every_regression_input_passes_its_target_check() {
    run_all("regressions");
}

#[test]
fn corpus_and_regression_folders_name_real_targets() {
    for kind in ["corpus", "regressions"] {
        for entry in std::fs::read_dir(fuzz_dir().join(kind)).expect("folder exists") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                assert!(check_for(name).is_some(), "fuzz/{kind}/{name} is not a fuzz target");
            }
        }
    }
}

#[test]
fn annotation_readers_agree_on_mutated_seeds() {
    for seed in inputs("corpus", "annotation_reader") {
        let original = std::fs::read(&seed).expect("reads the seed");
        for n in 0..MUTANTS_PER_SEED {
            let mut rng = Rng::new(n);
            let mut mutant = original.clone();
            mutate_annotation_file(&mut mutant, 1 << 16, &mut rng);
            let outcome = std::panic::catch_unwind(|| check_annotation_file(&mutant));
            assert!(
                outcome.is_ok(),
                "mutant {n} of {} fails:\n{}",
                seed.display(),
                String::from_utf8_lossy(&mutant)
            );
        }
    }
}

#[test]
fn brat_inputs_split_into_the_folder_files() {
    // The layout the brat target expects is what the seeds use: conf, then txt/ann pairs.
    for seed in inputs("corpus", "import_brat") {
        let bytes = std::fs::read(&seed).expect("reads the seed");
        let parts = bytes.split(|&b| b == fuzzing::BRAT_SEPARATOR).count();
        assert!(parts >= 3 && parts % 2 == 1, "{} has {parts} parts", seed.display());
    }
}
