import ArgumentParser
import Foundation
import OneThing
import OneThingPlan

/// A bundle and one applicant's answers, loaded for a command that plans: problems
/// are printed to standard error as diagnostics and end the command with status 1
/// (status 2 when a path cannot be read).
struct PlanningInput {
    /// The loaded bundle.
    let loaded: BundleLoader.Loaded
    /// The applicant's plan.
    let plan: Plan

    /// Loads `path` and plans it for `answers`, which must be given.
    static func load(
        bundle path: String, answers: AnswersSource?, catalogue: String?, language: Language
    ) throws -> PlanningInput {
        let loaded = try loadBundle(path, catalogue: catalogue, language: language)
        guard let answers else {
            StandardError.writeLine(
                language == .zh
                    ? "onething: 请用 --answers 文件 或 --case 用例名 给出申请人的答案"
                    : "onething: give the applicant's answers with --answers FILE or --case NAME")
            throw ExitStatus.usageOrInputError
        }
        return PlanningInput(loaded: loaded, plan: try plan(loaded, answers: answers, language: language))
    }

    /// The answers given, or else — for the commands that run cases, where a first try
    /// needs nothing set up — the bundle's first test case, said on standard error.
    static func answersOrFirstTestCase(
        _ given: AnswersSource?, of loaded: BundleLoader.Loaded, language: Language
    ) throws -> AnswersSource {
        if let given { return given }
        guard let first = loaded.bundle.tests.first?.name.value else {
            StandardError.writeLine(
                language.say(
                    "onething: the bundle has no test case; give answers with --answers FILE or --case NAME",
                    "onething: 该一件事没有测试用例；请用 --answers 文件 或 --case 用例名 给出答案"))
            throw ExitStatus.usageOrInputError
        }
        StandardError.writeLine(
            language.say(
                "no answers given: running the bundle's first test case '\(first)' (choose with --case or --answers)",
                "未给出答案：按本件事的第一个测试用例“\(first)”办理（可用 --case 或 --answers 指定）"))
        return .testCase(first)
    }

    /// The plan of `loaded` for `answers`; problems with the answers end the command.
    static func plan(_ loaded: BundleLoader.Loaded, answers: AnswersSource, language: Language) throws -> Plan
    {
        let resolved: AnswersSource.Resolved
        do {
            resolved = try answers.resolve(for: loaded.bundle)
        } catch {
            printDiagnostics(
                error.diagnostics, sources: [loaded.source] + [error.source].compactMap { $0 },
                language: language)
            throw ExitStatus.problemsFound
        }
        do {
            return try loaded.builder.plan(for: resolved.answers, missingAt: resolved.missingAt)
        } catch {
            if !error.ineligible.isEmpty {
                print(notEligibleText(loaded.bundle, rules: error.ineligible, language: language))
                throw ExitStatus.problemsFound
            }
            printDiagnostics(
                error.diagnostics, sources: [loaded.source] + [resolved.source].compactMap { $0 },
                language: language)
            throw ExitStatus.problemsFound
        }
    }

    /// The outcome for an applicant who does not meet the bundle's eligibility rules,
    /// printed instead of a plan: "not eligible", and each rule's own message.
    static func notEligibleText(_ bundle: ServiceBundle, rules: [ConditionRule], language: Language) -> String
    {
        let reasons = rules.map { "  - " + $0.message.text(in: language) }
        let head = language.say(
            "Not eligible for \(bundle.title) (\(bundle.id.value) \(bundle.version)), because:",
            "不符合\(bundle.title)（\(bundle.id.value) \(bundle.version)）的申请条件，原因：")
        return ([head] + reasons).joined(separator: "\n")
    }

    /// Loads and validates one bundle; its errors end the command.
    static func loadBundle(_ path: String, catalogue: String?, language: Language) throws
        -> BundleLoader.Loaded
    {
        do {
            switch try BundleLoader.load(path: path, catalogue: catalogue) {
            case .loaded(let loaded): return loaded
            case .invalid(let report):
                printDiagnostics(
                    report.diagnostics, sources: [report.source].compactMap { $0 }, language: language)
                throw ExitStatus.problemsFound
            }
        } catch let error as ValidationInputError {
            StandardError.writeLine("onething: \(error.path): \(error.reason.text(in: language))")
            throw ExitStatus.usageOrInputError
        }
    }

    /// Prints findings in the text format to standard error.
    static func printDiagnostics(_ diagnostics: [Diagnostic], sources: [SourceFile], language: Language) {
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let usesColor = TerminalColor.isWanted(
            environment: ProcessInfo.processInfo.environment, stream: .standardError)
        let text = TextDiagnosticRenderer(language: language, usesColor: usesColor)
            .render(
                diagnostics, fileCount: max(1, Set(diagnostics.map(\.span.file)).count),
                sources: { byPath[$0] })
        StandardError.write(text)
    }
}

extension PlanningInput {
    /// The plan on the catalogue's calendar from `start`; a date the calendar does not
    /// cover ends the command with status 2.
    static func schedule(_ input: PlanningInput, start: CalendarDate, language: Language) throws -> Schedule {
        try schedule(
            input.plan, calendar: input.loaded.catalogue.calendar(region: "CN"), start: start,
            language: language)
    }

    /// `plan` on `calendar` from `start`; a date the calendar does not cover ends the
    /// command with status 2.
    static func schedule(_ plan: Plan, calendar: WorkdayCalendar, start: CalendarDate, language: Language)
        throws
        -> Schedule
    {
        do {
            return try Schedule(plan: plan, calendar: calendar, accepted: start)
        } catch {
            StandardError.writeLine("onething: " + error.message.text(in: language))
            throw ExitStatus.usageOrInputError
        }
    }
}
