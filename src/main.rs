//! The `hashiya` executable: a command-line subcommand, or the window.

fn main() {
    let code = match hashiya::cli::parse(std::env::args_os()) {
        Ok(hashiya::cli::Cli {
            command: Some(command), ..
        }) => hashiya::cli::run(command),
        Ok(hashiya::cli::Cli { command: None, window }) => hashiya::ui::run_window(window),
        Err(code) => code,
    };
    std::process::exit(code);
}
