import ArgumentParser

/// The options that say which department systems cases run against: `--adapters FILE`
/// and `--seed S` (and, hidden, `--adapter-journal FILE` for the crash test).
struct AdapterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The adapters file: which departments are simulated and which an officer decides, and how the simulated ones behave (default: every department simulated).",
            valueName: "file"))
    var adapters: String?

    @Option(help: ArgumentHelp("The seed of the simulated departments and applicant.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(
        name: .customLong("adapter-journal"),
        help: ArgumentHelp(
            "Append every key the adapters receive to this file (for tests).", visibility: .hidden))
    var journal: String?

    /// The options to repeat in a command printed for the user, so that a later
    /// command continues the run with the same departments.
    var repeated: [String] {
        (adapters.map { ["--adapters", $0] } ?? []) + (seed == 1 ? [] : ["--seed", String(seed)])
    }
}
