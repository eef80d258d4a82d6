import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// What the commands that run cases read besides the bundle: the adapters file, the
/// adapter journal, the catalogue that names departments and dates times. Problems are
/// printed to standard error and end the command: status 1 for a file with findings,
/// 2 for a path that cannot be read.
enum RuntimeInput {
    /// The settings of the adapters file at `path` (every department simulated when
    /// `nil`); department names are checked against `departments` when given.
    static func adapterSettings(_ path: String?, departments: Set<String>?, language: Language) throws
        -> AdapterSettings
    {
        guard let path else { return AdapterSettings() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            StandardError.writeLine(
                "onething: \(path): " + (language == .zh ? "适配器配置文件不存在" : "no such adapters file"))
            throw ExitStatus.usageOrInputError
        }
        let loaded = AdaptersFile.load(path: path, departments: departments)
        if !loaded.diagnostics.isEmpty {
            PlanningInput.printDiagnostics(
                loaded.diagnostics, sources: [loaded.source].compactMap { $0 }, language: language)
        }
        if loaded.hasErrors { throw ExitStatus.problemsFound }
        return loaded.settings
    }

    /// The journal at `path`, if one is asked for.
    static func journal(_ path: String?, language: Language) throws -> AdapterJournal? {
        guard let path else { return nil }
        do {
            return try AdapterJournal(path: path)
        } catch {
            StandardError.writeLine("onething: \(error.reason)")
            throw ExitStatus.usageOrInputError
        }
    }

    /// The catalogue at `folder`, or at `bundles/catalogue` when that exists; `nil`
    /// when there is none or it has errors (then departments are shown by id and
    /// times by working day).
    static func catalogue(_ folder: String?, language: Language) throws -> Catalogue? {
        let path = folder ?? "bundles/catalogue"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            if folder != nil {
                StandardError.writeLine(
                    "onething: \(path): " + (language == .zh ? "目录文件夹不存在" : "no such catalogue folder"))
                throw ExitStatus.usageOrInputError
            }
            return nil
        }
        let loaded = CatalogueLoader.load(folder: path)
        return loaded.hasErrors ? nil : loaded.catalogue
    }

    /// The work time at the end of `date` on `dates`; a date the calendar does not
    /// cover ends the command with status 2.
    static func time(atEndOf date: CalendarDate, on dates: WorkTimeCalendar, language: Language) throws
        -> WorkTime
    {
        do {
            return try dates.time(atEndOf: date)
        } catch {
            let years = error.years.map(String.init).joined(separator: ", ")
            StandardError.writeLine(
                language == .zh
                    ? "onething: \(date) 不在工作日历覆盖的年份（\(years)）内"
                    : "onething: \(date) lies outside the years the working-day calendar covers (\(years))")
            throw ExitStatus.usageOrInputError
        }
    }

    /// The work time at the start of `date` on `dates`; a date the calendar does not
    /// cover ends the command with status 2.
    static func time(atStartOf date: CalendarDate, on dates: WorkTimeCalendar, language: Language) throws
        -> WorkTime
    {
        do {
            return try dates.time(atStartOf: date)
        } catch {
            let years = error.years.map(String.init).joined(separator: ", ")
            StandardError.writeLine(
                language == .zh
                    ? "onething: \(date) 不在工作日历覆盖的年份（\(years)）内；请用 --start 指定这些年份内的受理日期，或在 catalogue 中添加该年的日历"
                    : "onething: \(date) lies outside the years the working-day calendar covers (\(years)); give a --start date within them, or add that year's calendar to the catalogue"
            )
            throw ExitStatus.usageOrInputError
        }
    }
}
