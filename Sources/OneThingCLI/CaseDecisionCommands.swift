import ArgumentParser
import OneThing
import OneThingRuntime

/// What an officer's decision command takes: the case, the task, a reason, and where
/// the run's cases and departments are.
struct CaseDecisionOptions: ParsableArguments {
    @Argument(help: "The case id (see 'onething case list').")
    var id: String

    @Argument(help: "The task: the id of its item, such as fire-safety-inspection.")
    var item: String

    @Option(help: ArgumentHelp("Why, for the case's history.", valueName: "text"))
    var reason: String?

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

    /// Reports `outcome` (given the reason) on the task as its department, then drives on.
    func decide(_ outcome: @escaping @Sendable (String?) -> AdapterOutcome) throws {
        let language = languageOptions.language
        let continuation = try CaseContinuation.open(
            database: database, adapters: adapterOptions, catalogue: catalogue, language: language)
        let (id, item, reason) = (self.id, self.item, self.reason)
        let context = continuation.context
        try AsyncBridge.wait {
            try await continuation.run(id) { state, blueprint in
                let task = try context.task(item, of: id, in: blueprint)
                if state.isClosed {
                    throw context.refuse("case \(id) is delivered already", "案件 \(id) 已办结")
                }
                let status = state.tasks[task].status
                guard status == .dispatched || status == .inReview else {
                    throw context.refuse(
                        "task \(item) of case \(id) is \(status.rawValue), not waiting for a decision",
                        "案件 \(id) 的事项“\(item)”当前为 \(status.rawValue)，不在待审查状态")
                }
            } change: { driver, blueprint in
                let task = try context.task(item, of: id, in: blueprint)
                try await driver.decide(outcome(reason), case: id, task: task)
            }
        }
    }
}

/// `onething case approve ID ITEM`: a manual department approves a task.
struct CaseApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a task, as the officer of its (manual) department.")

    @OptionGroup
    var options: CaseDecisionOptions

    func run() throws { try options.decide { _ in .approved } }
}

/// `onething case reject ID ITEM --reason TEXT`: a manual department rejects a task.
struct CaseRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a task, as the officer of its (manual) department.")

    @OptionGroup
    var options: CaseDecisionOptions

    func run() throws {
        try options.decide { .rejected(reason: $0 ?? "rejected by the officer") }
    }
}

/// `onething case request-supplement ID ITEM --reason TEXT`: a manual department asks
/// the applicant for a supplement (补正); the task's clock stops.
struct CaseRequestSupplementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-supplement",
        abstract: "Ask the applicant for a supplement (补正) to a task, as its department's officer.")

    @OptionGroup
    var options: CaseDecisionOptions

    func run() throws {
        try options.decide { .supplementRequested(note: $0 ?? "supplement requested by the officer") }
    }
}
