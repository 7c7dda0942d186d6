//! Shared by the benchmarks: the long-document workload, pathological articles and a headless
//! window driver.

pub mod app_driver;
pub mod pathological;
pub mod workload;
