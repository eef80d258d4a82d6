import Foundation
import OneThing
import OneThingRuntime
import OneThingSimulation

/// What the commands that run cases read besides the bundle: the adapters file, the
/// adapter journal, the catalogue whose calendar counts working days. Problems are
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
                "onething: \(path): " + language.say("no such adapters file", "适配器配置文件不存在"))
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
    /// when none was named and the default is missing. A named folder that is missing,
    /// or a catalogue with errors, ends the command.
    static func catalogue(_ folder: String?, language: Language) throws -> Catalogue? {
        let path = folder ?? "bundles/catalogue"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            if folder != nil {
                StandardError.writeLine(
                    "onething: \(path): " + language.say("no such catalogue folder", "目录文件夹不存在"))
                throw ExitStatus.usageOrInputError
            }
            return nil
        }
        let loaded = CatalogueLoader.load(folder: path)
        if loaded.hasErrors {
            let reports = loaded.reports.values.sorted { $0.path < $1.path }
            PlanningInput.printDiagnostics(
                reports.flatMap(\.diagnostics), sources: reports.compactMap(\.source), language: language)
            throw ExitStatus.problemsFound
        }
        return loaded.catalogue
    }
}
