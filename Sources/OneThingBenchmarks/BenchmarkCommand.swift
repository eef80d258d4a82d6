import ArgumentParser
import OneThing

/// `onething-bench`: OneThing's benchmarks, each printing our figure beside the peer
/// or the limit measured in the same run. Build with `-c release` for figures worth
/// comparing: `swift run -c release onething-bench runtime`.
@main
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onething-bench",
        abstract:
            "Measure OneThing: validation beside libyaml, plans per second, the runtime beside SQLite and PostgreSQL, the server beside Hummingbird.",
        subcommands: [
            BenchCommand.self, RuntimeBenchCommand.self, ServerBenchCommand.self, PostgresBenchCommand.self,
            FaultStormCommand.self, FailoverCommand.self, LanguageServerBenchCommand.self,
        ])
}
