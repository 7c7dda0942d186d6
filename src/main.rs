//! The `hashiya` executable: the window, or a command-line subcommand.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if hashiya::cli::is_subcommand(&args) {
        std::process::exit(hashiya::cli::run(&args));
    }
}
