import ArgumentParser
import Foundation
import OneThing

/// The `--lang` option that every subcommand shares.
struct LanguageOptions: ParsableArguments {
    /// A language as the command line names it.
    enum Choice: String, CaseIterable, ExpressibleByArgument {
        case zh
        case en
    }

    @Option(
        name: .customLong("lang"),
        help: "The language of messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var choice: Choice?

    /// The language asked for, or the environment's.
    var language: Language {
        switch choice {
        case .zh: .zh
        case .en: .en
        case nil: .fromEnvironment(ProcessInfo.processInfo.environment)
        }
    }
}
