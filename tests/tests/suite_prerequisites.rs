//! Issue 30, row 10: the suite's entry point never skips a whole backend silently. On a machine
//! without a Java runtime, `tests/run.sh` stops before building anything, exit 1, with the
//! command that installs one (it used to run and pass with the Spark tests skipped).

use std::path::Path;
use std::process::Command;

#[cfg(unix)]
#[test]
fn run_sh_without_java_fails_with_the_install_command() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // A PATH with the few tools the script's first lines use, and no java.
    let bin = tempfile::tempdir().unwrap();
    for tool in ["dirname", "bash"] {
        let found = ["/usr/bin", "/bin"].iter().map(|d| Path::new(d).join(tool)).find(|p| p.exists()).expect(tool);
        std::os::unix::fs::symlink(found, bin.path().join(tool)).unwrap();
    }
    let o = Command::new(bin.path().join("bash"))
        .arg(repo.join("tests/run.sh"))
        .env_clear()
        .env("PATH", bin.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("the Spark tests need a Java runtime") && err.contains("apt-get install -y default-jre-headless"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).is_empty(), "nothing ran before the check");
}
