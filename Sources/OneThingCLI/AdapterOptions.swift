import ArgumentParser

/// The options that say which department systems cases run against: `--adapters FILE`
/// and `--seed S` (and, hidden, `--adapter-journal FILE` for the crash test).
struct AdapterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The adapters file: which departments are simulated and which an officer decides, and how the simulated ones behave (default: every department simulated; for a case started before, what it was started with).",
            valueName: "file"))
    var adapters: String?

    @Option(
        help: ArgumentHelp(
            "The seed of the simulated departments and applicant (default: 1; for a case started before, its seed).",
            valueName: "n"))
    var seed: UInt64?

    @Option(
        name: .customLong("adapter-journal"),
        help: ArgumentHelp(
            "Append every key the adapters receive to this file (for tests).", visibility: .hidden))
    var journal: String?

    /// The seed of a new run.
    var runSeed: UInt64 { seed ?? 1 }
}
