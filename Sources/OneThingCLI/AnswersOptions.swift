import ArgumentParser
import OneThing

/// Where a command takes one applicant's answers from: `--answers FILE` or `--case NAME`.
struct AnswersOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file with one applicant's answers to the bundle's form: JSON (an object) if its name ends in .json, YAML otherwise.",
            valueName: "file"))
    var answers: String?

    @Option(
        name: .customLong("case"),
        help: ArgumentHelp("Use the answers of the bundle's test case with this name.", valueName: "name"))
    var caseName: String?

    func validate() throws {
        if answers != nil, caseName != nil {
            throw ValidationError("give either --answers or --case, not both")
        }
    }

    /// The source of the answers, if one was given.
    var source: AnswersSource? {
        if let answers { return .file(answers) }
        if let caseName { return .testCase(caseName) }
        return nil
    }
}
