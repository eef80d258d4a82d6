import Foundation

/// Whether to colour the text output.
enum TerminalColor {
    /// The stream that would be coloured.
    enum Stream {
        case standardOutput, standardError
    }

    /// True when the stream (standard output unless named) is a terminal, `NO_COLOR`
    /// is not set (see no-color.org) and `TERM` is not `dumb`.
    static func isWanted(environment: [String: String], stream: Stream = .standardOutput) -> Bool {
        guard isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) != 0 else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
