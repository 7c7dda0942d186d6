//! Shared by the benchmarks: the long-document workload and a headless window driver.

pub mod app_driver;
pub mod workload;
