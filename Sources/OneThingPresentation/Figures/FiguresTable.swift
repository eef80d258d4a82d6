import OneThing

/// The reform figures (改革成效) of several bundles, one applicant's plan each, and
/// their averages: what `onething metrics` prints as a text table
/// (``text(language:)``), JSON (``json``) or CSV (``csv``).
public struct FiguresTable: Sendable {
    /// Whose plan a row's figures are of.
    public enum Case: Sendable, Hashable {
        /// No answers were given: the worst case, the applicant whose critical path is
        /// longest (``PlanBuilder/worstCasePlan()``).
        case worstCase
        /// The answers of the bundle's test case with this name.
        case testCase(String)
        /// The answers in this file.
        case answersFile(String)
    }

    /// The figures of one bundle.
    public struct Row: Sendable {
        /// The bundle file.
        public var file: String
        /// The bundle's id.
        public var bundle: String
        /// The bundle's title.
        public var title: String
        /// Whose plan the figures are of.
        public var `case`: Case
        /// The figures.
        public var figures: ReformFigures

        /// Creates a row.
        public init(file: String, bundle: String, title: String, case: Case, figures: ReformFigures) {
            self.file = file
            self.bundle = bundle
            self.title = title
            self.case = `case`
            self.figures = figures
        }
    }

    /// A bundle whose figures could not be computed, and the findings that say why.
    public struct Failure: Sendable {
        /// The bundle file.
        public var file: String
        /// The findings (at least one error).
        public var diagnostics: [Diagnostic]
        /// The files the findings point into, for quoting them.
        public var sources: [SourceFile]

        /// Creates a failure.
        public init(file: String, diagnostics: [Diagnostic], sources: [SourceFile]) {
            self.file = file
            self.diagnostics = diagnostics
            self.sources = sources
        }
    }

    /// The bundles whose figures were computed, in path order.
    public var rows: [Row]
    /// The bundles whose figures could not be computed, in path order.
    public var failures: [Failure]

    /// Creates a table.
    public init(rows: [Row], failures: [Failure] = []) {
        self.rows = rows
        self.failures = failures
    }

    /// The averages over every row: the plain mean of the per-bundle percentages.
    public var averages: ReformAverages { ReformAverages(rows.map(\.figures)) }
}
