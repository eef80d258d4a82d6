import ArgumentParser

/// `onething case …`: the cases in the case database — list them, show one's history,
/// and act on them as an officer of a manual department or for the applicant.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "List and show the cases of the case database, and decide or supply for them.",
        discussion: """
            Every subcommand reads the case database (--db, default ./onething.sqlite). \
            approve, reject and request-supplement are the decision of a manual department's \
            officer on a step (reject and request-supplement must say why); supply and \
            supplement are the applicant's; resume continues a case a killed process left \
            open. Each takes over the one case it names, makes the change at the moment the \
            case stopped, drives its simulated departments on and prints what happened, until \
            the case is delivered or waits for a person again. The adapters the case was \
            started with are kept in the database; --adapters and --seed are only checked \
            against them. Exit status: 0, 1 when the case or step is not in a state that \
            allows the change, 2 for a usage error, an unknown case, step or material, or a \
            database that cannot be read.
            """,
        subcommands: [
            CaseListCommand.self, CaseShowCommand.self, CaseApproveCommand.self, CaseRejectCommand.self,
            CaseRequestSupplementCommand.self, CaseSupplyCommand.self, CaseSupplementCommand.self,
            CaseResumeCommand.self,
        ])
}
