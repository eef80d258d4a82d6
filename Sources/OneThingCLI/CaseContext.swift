import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// What the `onething case` subcommands share: the case database, the catalogue that
/// names departments and dates times, and the language.
struct CaseContext: Sendable {
    let store: any EventStore
    let catalogue: Catalogue?
    /// The catalogue's folder, beside which bundles are looked for.
    let catalogueFolder: String?
    let names: CaseNames
    let dates: WorkTimeCalendar?
    let language: Language

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// Opens the database (which must exist) and the catalogue.
    static func open(_ database: CaseStoreOptions, catalogue folder: String?, language: Language) throws
        -> CaseContext
    {
        let catalogue = try RuntimeInput.catalogue(folder, language: language)
        let store = try CaseStore.open(database.path, create: false, language: language)
        return CaseContext(
            store: store, catalogue: catalogue,
            catalogueFolder: catalogue == nil ? nil : folder ?? "bundles/catalogue",
            names: CaseNames(catalogue: catalogue),
            dates: catalogue.map { WorkTimeCalendar(calendar: $0.calendar(region: "CN")) }, language: language
        )
    }

    /// The names of a case of `blueprint`: the catalogue's, and its bundle's when the
    /// bundle file is found beside the catalogue.
    func names(for blueprint: CaseBlueprint) -> CaseNames {
        guard let catalogueFolder,
            let bundle = BundleFinder.bundle(
                id: blueprint.bundle, version: blueprint.version, catalogue: catalogueFolder)
        else { return names }
        return CaseNames(catalogue: catalogue, bundle: bundle)
    }

    /// The events and blueprint of case `id`; an unknown id ends the command with status 2.
    func history(_ id: CaseID) async throws -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        let events = try await store.events(of: id)
        guard case .started(let start)? = events.first?.kind else {
            let known = try await store.cases(CaseQuery()).map(\.id)
            let hint = Suggestion.hint(for: id, among: known)?.text(in: language)
            StandardError.writeLine(
                say("onething: no case '\(id)' in the database", "onething: 案件库中没有案件“\(id)”")
                    + (hint.map { say("; ", "；") + $0 } ?? ""))
            throw ExitStatus.usageOrInputError
        }
        guard let blueprint = try await store.blueprint(start.blueprint) else {
            throw StoreError("case \(id): blueprint \(start.blueprint) is missing from the store")
        }
        return (events, blueprint)
    }

    /// The index of the task of item `item`; an unknown item ends the command with status 2.
    func task(_ item: String, of id: CaseID, in blueprint: CaseBlueprint) throws -> Int {
        if let index = blueprint.tasks.firstIndex(where: { $0.item == item }) { return index }
        let items = blueprint.tasks.map(\.item)
        let hint = Suggestion.hint(for: item, among: items)?.text(in: language)
        StandardError.writeLine(
            say("onething: case \(id) has no task '\(item)'", "onething: 案件 \(id) 没有事项“\(item)”")
                + say("; ", "；")
                + (hint ?? say("its tasks: ", "其事项：") + items.joined(separator: say(", ", "、"))))
        throw ExitStatus.usageOrInputError
    }

    /// Ends the command with status 1: the case is not in a state that allows the change.
    func refuse(_ en: String, _ zh: String) -> ExitCode {
        StandardError.writeLine("onething: " + say(en, zh))
        return ExitStatus.problemsFound
    }
}
