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
            officer on a task; supply and supplement are the applicant's; each recovers the \
            open cases, makes the change, drives the simulated departments on and prints \
            what happened. Give them the --adapters and --seed of the run. Exit status: 0, \
            1 when the case or task is not in a state that allows the change, 2 for a usage \
            error, an unknown case, task or material, or a database that cannot be read.
            """,
        subcommands: [
            CaseListCommand.self, CaseShowCommand.self, CaseApproveCommand.self, CaseRejectCommand.self,
            CaseRequestSupplementCommand.self, CaseSupplyCommand.self, CaseSupplementCommand.self,
        ])
}
