//! The `hashiya` executable: a command-line subcommand, or the window.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = if hashiya::cli::is_subcommand(&args) {
        hashiya::cli::run(&args)
    } else {
        hashiya::ui::run_window(&args)
    };
    std::process::exit(code);
}
