//! Running commands, with the failure said plainly.

use std::path::PathBuf;
use std::process::Command;

/// A step that failed, with what to do about it.
#[derive(Debug)]
pub struct Fail(pub String);

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// The cargo that runs us.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs `command`, inheriting the terminal; fails unless it exits 0.
pub fn run(command: &mut Command) -> Result<(), Fail> {
    let status = command
        .status()
        .map_err(|e| Fail(format!("cannot start {}: {e}", describe(command))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Fail(format!("{} failed ({status})", describe(command))))
    }
}

/// Runs `command` and returns its standard output; fails unless it exits 0.
pub fn output(command: &mut Command) -> Result<String, Fail> {
    let output = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| Fail(format!("cannot start {}: {e}", describe(command))))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(Fail(format!(
            "{} failed ({})",
            describe(command),
            output.status
        )))
    }
}

/// Whether `program` runs at all (found on PATH and exits 0 with `args`).
pub fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn describe(command: &Command) -> String {
    let args: Vec<_> = command.get_args().map(|a| a.to_string_lossy()).collect();
    format!(
        "`{} {}`",
        command.get_program().to_string_lossy(),
        args.join(" ")
    )
}
