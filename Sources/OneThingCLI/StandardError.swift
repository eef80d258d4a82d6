import Foundation

/// The standard error stream: usage and input errors, and the findings of commands
/// whose standard output is a document (a plan, a notice, a graph). `validate` and
/// `test` print their findings to standard output.
enum StandardError {
    /// Writes `text` as it is to standard error.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` and a line break to standard error.
    static func writeLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
