fn main() {
    std::process::exit(leaklint::cli::main_with_args(std::env::args_os().collect()));
}
