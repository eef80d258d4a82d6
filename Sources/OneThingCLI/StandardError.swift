import Foundation

/// The standard error stream, for usage and input errors only: findings go to
/// standard output.
enum StandardError {
    /// Writes `text` and a line break to standard error.
    static func writeLine(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
