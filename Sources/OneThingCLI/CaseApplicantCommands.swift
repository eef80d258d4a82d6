import ArgumentParser
import OneThing

/// Where the run's cases and departments are, for the applicant's commands.
struct CaseRunOptions: ParsableArguments {
    @OptionGroup
    var database: CaseStoreOptions

    @OptionGroup
    var adapterOptions: AdapterOptions

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "The catalogue folder that names departments and dates times (default: bundles/catalogue).",
            valueName: "dir"))
    var catalogue: String?

    func continuation() throws -> CaseContinuation {
        try CaseContinuation.open(
            database: database, adapters: adapterOptions, catalogue: catalogue,
            language: languageOptions.language)
    }
}

/// `onething case supply ID MATERIAL`: the applicant brings a deferred material (容缺).
struct CaseSupplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supply", abstract: "Record that the applicant brought a deferred material (容缺).")

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The material's id.")
    var material: String

    @OptionGroup
    var options: CaseRunOptions

    func run() throws {
        let continuation = try options.continuation()
        let context = continuation.context
        let (id, material) = (self.id, self.material)
        try AsyncBridge.wait {
            try await continuation.run(id) { state, blueprint in
                let deferred = blueprint.deferredDeadlines.keys.sorted()
                guard deferred.contains(material) else {
                    let hint =
                        Suggestion.hint(for: material, among: deferred)?.text(in: context.language)
                        ?? context.say("its deferred materials: ", "其容缺材料：")
                        + (deferred.isEmpty ? "-" : deferred.joined(separator: ", "))
                    StandardError.writeLine(
                        context.say(
                            "onething: '\(material)' is not a deferred material of case \(id); \(hint)",
                            "onething: “\(material)”不是案件 \(id) 的容缺材料；\(hint)"))
                    throw ExitStatus.usageOrInputError
                }
                if state.isClosed { throw context.refuse("case \(id) is delivered already", "案件 \(id) 已办结") }
                if state.supplied.contains(material) {
                    throw context.refuse("\(material) was supplied already", "“\(material)”已补交")
                }
            } change: { driver, _ in
                try await driver.supply(material, case: id)
            }
        }
    }
}

/// `onething case supplement ID ITEM`: the applicant supplied what a department asked for (补正).
struct CaseSupplementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supplement",
        abstract: "Record that the applicant supplied what a department asked for (补正).")

    @Argument(help: "The case id.")
    var id: String

    @Argument(help: "The task: the id of its item.")
    var item: String

    @OptionGroup
    var options: CaseRunOptions

    func run() throws {
        let continuation = try options.continuation()
        let context = continuation.context
        let (id, item) = (self.id, self.item)
        try AsyncBridge.wait {
            try await continuation.run(id) { state, blueprint in
                let task = try context.task(item, of: id, in: blueprint)
                guard state.tasks[task].status == .supplementRequested else {
                    throw context.refuse(
                        "task \(item) of case \(id) is \(state.tasks[task].status.rawValue); no supplement was asked for",
                        "案件 \(id) 的事项“\(item)”当前为 \(state.tasks[task].status.rawValue)，没有待补正的内容")
                }
            } change: { driver, blueprint in
                try await driver.supplement(case: id, task: try context.task(item, of: id, in: blueprint))
            }
        }
    }
}
