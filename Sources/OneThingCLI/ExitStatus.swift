import ArgumentParser

/// The exit statuses that `onething` promises to scripts and CI pipelines.
enum ExitStatus {
    /// Nothing is wrong.
    static let clean = ExitCode(0)
    /// An error was found in the input (or a warning, with `--strict`).
    static let problemsFound = ExitCode(1)
    /// The command line is wrong, or a path cannot be read.
    static let usageOrInputError = ExitCode(2)
}
