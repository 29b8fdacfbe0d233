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

/// Whether we run as root (apt-get directly; PostgreSQL as its own user).
pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0")
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

/// Runs `command`, echoing its standard output line by line, and returns
/// the lines that contain `marker` along with whether it exited 0.
pub fn run_collecting(command: &mut Command, marker: &str) -> (Result<(), Fail>, Vec<String>) {
    use std::io::BufRead;
    let mut child = match command.stdout(std::process::Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(e) => {
            let fail = Fail(format!("cannot start {}: {e}", describe(command)));
            return (Err(fail), Vec::new());
        }
    };
    let mut marked = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            println!("{line}");
            if let Some(at) = line.find(marker) {
                marked.push(line[at..].to_string());
            }
        }
    }
    let result = match child.wait() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Fail(format!("{} failed ({status})", describe(command)))),
        Err(e) => Err(Fail(format!("{} did not finish: {e}", describe(command)))),
    };
    (result, marked)
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
