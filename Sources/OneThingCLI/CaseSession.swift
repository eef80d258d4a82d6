import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// What the commands about cases share: the case database, the catalogue whose
/// calendar counts working days (when one is found), and the language.
struct CaseSession: Sendable {
    let store: any EventStore
    /// The database as a user may see it: its path, or its URL without the password.
    let databasePath: String
    let catalogue: Catalogue?
    let calendar: WorkdayCalendar?
    let language: Language

    /// Opens the database (created when `create` is set, else it must exist) and the
    /// catalogue at `folder` (default `bundles/catalogue`, when present).
    static func open(
        _ database: CaseStoreOptions, catalogue folder: String?, create: Bool = false, readOnly: Bool = false,
        language: Language
    ) async throws -> CaseSession {
        let catalogue = try RuntimeInput.catalogue(folder, language: language)
        let store = try await CaseStore.open(
            database.path, create: create, readOnly: readOnly, catalogue: catalogue, language: language)
        return CaseSession(
            store: store, databasePath: database.display, catalogue: catalogue,
            calendar: catalogue?.calendar(region: "CN"), language: language)
    }

    /// Opens the database (created when `create` is set) with a catalogue already loaded.
    static func open(_ database: CaseStoreOptions, catalogue: Catalogue, create: Bool, language: Language)
        async throws
        -> CaseSession
    {
        let store = try await CaseStore.open(
            database.path, create: create, catalogue: catalogue, language: language)
        return CaseSession(
            store: store, databasePath: database.display, catalogue: catalogue,
            calendar: catalogue.calendar(region: "CN"), language: language)
    }

    /// The calendar, which acting on a case needs; without a catalogue the command ends
    /// with status 2 and says how to name one.
    func requireCalendar() throws -> WorkdayCalendar {
        if let calendar { return calendar }
        StandardError.writeLine(
            language.say(
                "onething: acting on a case needs the working-day calendar of the catalogue; name its folder with --catalogue DIR",
                "onething: 办理案件需要共享目录中的工作日历；请用 --catalogue 目录 指定"))
        throw ExitStatus.usageOrInputError
    }

    /// The events and blueprint of case `id`; an unknown id ends the command with
    /// status 2, with the closest known id as a hint.
    func history(_ id: CaseID) async throws -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        let events = try await store.events(of: id)
        guard case .started(let start)? = events.first?.kind else {
            let known = try await store.cases(CaseQuery()).map(\.id)
            let hint = Suggestion.hint(for: id, among: known)?.text(in: language)
            StandardError.writeLine(
                language.say(
                    "onething: no case '\(PrintableText.escaped(id))' in the database",
                    "onething: 案件库中没有案件“\(PrintableText.escaped(id))”")
                    + (hint.map { language.say("; ", "；") + $0 } ?? ""))
            throw ExitStatus.usageOrInputError
        }
        guard let blueprint = try await store.blueprint(start.blueprint) else {
            throw StoreError(
                .corrupt, "case \(id): its blueprint \(start.blueprint) is missing from the store", caseID: id
            )
        }
        return (events, blueprint)
    }

    /// The adapters case `id` runs with: those recorded when it started. Options that
    /// say otherwise are an error that lists what differs; a case recorded without
    /// adapters (started by an earlier OneThing) runs with what the options say.
    func adapters(for id: CaseID, options: AdapterOptions, blueprint: CaseBlueprint) async throws
        -> CaseAdapters
    {
        let departments = Set(blueprint.steps.map(\.department))
        let given: AdapterSettings? =
            options.adapters == nil
            ? nil
            : try RuntimeInput.adapterSettings(
                options.adapters, departments: catalogue.map { Set($0.departments.keys) }, language: language)
        guard let text = try await store.metadata(CaseAdapters.metadataKey(for: id)) else {
            return CaseAdapters(settings: given ?? AdapterSettings(), seed: options.runSeed)
        }
        let stored: CaseAdapters
        do {
            stored = try CaseAdapters(json: text)
        } catch {
            throw StoreError(
                .corrupt, "case \(id): the record of its adapters cannot be read (\(error))", caseID: id)
        }
        let asked = CaseAdapters(settings: given ?? stored.settings, seed: options.seed ?? stored.seed)
        let differences = asked.differences(from: stored, departments: departments.sorted())
        guard differences.isEmpty else {
            StandardError.writeLine(
                language.say(
                    "onething: case \(id) runs with other adapters than the options say; leave out --adapters and --seed to use its own:",
                    "onething: 案件 \(id) 办理时使用的适配器与所给选项不同；不写 --adapters 和 --seed 即沿用其原设置："))
            for difference in differences { StandardError.writeLine("  " + words(for: difference)) }
            throw ExitStatus.usageOrInputError
        }
        return stored
    }

    /// One difference between the options (“given”) and a case's record, in words.
    func words(for difference: CaseAdapters.Difference) -> String {
        func kind(_ kind: AdapterKind) -> String {
            kind == .manual ? language.say("decided by hand", "人工审查") : language.say("simulated", "模拟")
        }
        switch difference {
        case .department(let id, let mine, let theirs):
            let name = catalogue?.departments[id].map { language.say($0.englishName ?? id, $0.name) } ?? id
            return language.say(
                "\(name): \(kind(mine)) in the options, \(kind(theirs)) in the case",
                "\(name)：选项中为\(kind(mine))，案件中为\(kind(theirs))")
        case .behaviour(let id):
            return language.say(
                "\(id): the simulated department behaves otherwise", "\(id)：模拟部门的设置不同")
        case .deferredMaterials(let mine, let theirs):
            return language.say(
                "deferred materials: \(kind(mine)) in the options, \(kind(theirs)) in the case",
                "容缺材料：选项中为\(kind(mine))，案件中为\(kind(theirs))")
        case .deferredArrival:
            return language.say(
                "the simulated applicant brings deferred materials on another schedule", "模拟申请人补交容缺材料的时间设置不同")
        case .seed(let mine, let theirs):
            return language.say(
                "seed: \(mine) in the options, \(theirs) in the case", "种子：选项中为 \(mine)，案件中为 \(theirs)")
        }
    }
}
