import Foundation
import OneThing
import OneThingRuntime
import OneThingSQLite

/// The case database of the commands that run cases: a SQLite file, by default
/// `onething.sqlite` in the working directory.
enum CaseStore {
    /// The default path.
    static let defaultPath = "onething.sqlite"

    /// Opens the store at `path`; a missing file is created when `create` is set, and
    /// is otherwise a usage error. A file that cannot be opened ends the command with
    /// status 2.
    static func open(_ path: String, create: Bool, language: Language) throws -> any EventStore {
        if !create, !FileManager.default.fileExists(atPath: path) {
            StandardError.writeLine(
                language == .zh
                    ? "onething: \(path)：案件库不存在；请先用 onething run 办理案件，或用 --db 指定案件库"
                    : "onething: \(path): no case database here; start a case with 'onething run', or name the database with --db"
            )
            throw ExitStatus.usageOrInputError
        }
        do {
            return try SQLiteEventStore(path: path)
        } catch {
            StandardError.writeLine("onething: \(path): \(error.message)")
            throw ExitStatus.usageOrInputError
        }
    }
}
