import ArgumentParser

/// The `onething` command: validates bundle files and explains diagnostic codes.
///
/// Exit status: 0 when nothing is wrong, 1 when an error was found (or a warning,
/// with `--strict`), 2 for a usage error or a path that cannot be read.
@main
struct OneThingCommand: AsyncParsableCommand {
    /// The version that `--version` prints and the SARIF output names.
    static let version = "0.1.0"

    /// The project's home page, named in the SARIF output; `nil` until it has one.
    static let homepage: String? = nil

    static let configuration = CommandConfiguration(
        commandName: "onething",
        abstract: "Validate one-thing bundle files (一件事) and explain their diagnostics.",
        discussion: """
            Exit status: 0 when nothing is wrong, 1 when an error was found (or a warning, \
            with --strict), 2 for a usage error or a path that cannot be read.
            """,
        version: version,
        subcommands: [
            ValidateCommand.self, TestCommand.self, PlanCommand.self, GraphCommand.self, NoticeCommand.self,
            MetricsCommand.self, CatalogueCommand.self, RunCommand.self, SimulateCommand.self,
            CaseCommand.self, StoreCommand.self, MigrateCommand.self, ServeCommand.self,
            CalendarCommand.self, ExplainCommand.self, CodesCommand.self, PrincipalsCommand.self,
            LanguageServerCommand.self,
        ],
        defaultSubcommand: ValidateCommand.self)

    /// Runs the command, mapping every usage error to exit status 2.
    ///
    /// ArgumentParser exits with 64 (`EX_USAGE`) when arguments do not parse; OneThing
    /// promises 2 for every usage or input error, as actionlint and grep do.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let status as ExitCode {
            Self.exit(withError: status)
        } catch {
            guard exitCode(for: error) != .success else {
                Self.exit(withError: error)  // --help and --version print to stdout and exit 0
            }
            StandardError.writeLine(fullMessage(for: error))
            Self.exit(withError: ExitStatus.usageOrInputError)
        }
    }
}
