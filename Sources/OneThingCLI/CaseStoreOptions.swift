import ArgumentParser

/// The `--db PATH` option of the commands that run or read cases.
struct CaseStoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The case database, a SQLite file.", valueName: "path"))
    var path: String = CaseStore.defaultPath

    /// The options to repeat in a command printed for the user: empty for the default.
    var repeated: [String] { path == CaseStore.defaultPath ? [] : ["--db", path] }
}
