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
    /// is otherwise a usage error. With `readOnly`, nothing is written to the file. A
    /// file of OneThing's first format is converted on opening for writing when the
    /// catalogue's calendar is at hand (its times were counted on it). A file that
    /// cannot be opened ends the command with status 2 and says why.
    static func open(
        _ path: String, create: Bool, readOnly: Bool = false, catalogue: Catalogue?, language: Language
    )
        throws -> any EventStore
    {
        if !create, !FileManager.default.fileExists(atPath: path) {
            StandardError.writeLine(
                language.say(
                    "onething: \(path): no case database here; start a case with 'onething run', or name the database with --db",
                    "onething: \(path)：案件库不存在；请先用 onething run 办理案件，或用 --db 指定案件库"))
            throw ExitStatus.usageOrInputError
        }
        let legacy = catalogue.map { catalogue in
            SQLiteEventStore.LegacyConversion(
                calendar: catalogue.calendar(region: "CN"),
                departmentNames: catalogue.departments.mapValues {
                    CaseBlueprint.DepartmentName(zh: $0.name, en: $0.englishName)
                })
        }
        do {
            return try SQLiteEventStore(
                path: path, mode: readOnly ? .readOnly : .readWrite, legacy: readOnly ? nil : legacy)
        } catch {
            StandardError.writeLine(error.line(in: language))
            throw ExitStatus.usageOrInputError
        }
    }
}
