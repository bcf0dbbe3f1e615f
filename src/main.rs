//! `reader`: parse the command line, run the chosen mode, map errors to exit codes.

use clap::Parser;

fn main() {
    let settings: reader::cli::Settings = reader::cli::Cli::parse().into();
    println!("{settings:?}");
}
