import Foundation

/// Whether to colour the text output.
enum TerminalColor {
    /// True when standard output is a terminal, `NO_COLOR` is not set (see
    /// no-color.org) and `TERM` is not `dumb`.
    static func isWanted(environment: [String: String]) -> Bool {
        guard isatty(STDOUT_FILENO) != 0 else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
