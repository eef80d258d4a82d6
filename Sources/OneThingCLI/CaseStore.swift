import Foundation
import OneThing
import OneThingRuntime

/// The case database of the commands that run cases: a SQLite file, by default
/// `onething.sqlite` in the working directory.
enum CaseStore {
    /// The default path.
    static let defaultPath = "onething.sqlite"

    /// Opens the store at `path`; a missing file is created when `create` is set, and
    /// is otherwise a usage error. A file that cannot be opened ends the command with
    /// status 2 and says why.
    static func open(_ path: String, create: Bool, language: Language) throws -> any EventStore {
        if !create, !FileManager.default.fileExists(atPath: path) {
            StandardError.writeLine(
                language.say(
                    "onething: \(path): no case database here; start a case with 'onething run', or name the database with --db",
                    "onething: \(path)：案件库不存在；请先用 onething run 办理案件，或用 --db 指定案件库"))
            throw ExitStatus.usageOrInputError
        }
        do throws(StoreError) {
            return try temporaryStore()  // TEMPORARY while the SQLite store is rewritten
        } catch {
            StandardError.writeLine("onething: " + RuntimeFailure.words(for: error, language: language))
            throw ExitStatus.usageOrInputError
        }
    }

    static func temporaryStore() throws(StoreError) -> any EventStore { InMemoryEventStore() }
}
