import Foundation
import OneThingPlan

/// Where an applicant's answers come from: an answers file, or a test case of the bundle.
public enum AnswersSource: Sendable {
    /// A YAML file mapping field ids to answers.
    case file(String)
    /// The answers of the bundle's test case with this name.
    case testCase(String)

    /// The answers, where findings about unanswered questions point, and the source
    /// of an answers file (for quoting it in findings).
    public struct Resolved: Sendable {
        /// The answers.
        public let answers: [Answer]
        /// Where findings about unanswered questions point.
        public let missingAt: SourceSpan
        /// The answers file, when the answers come from one.
        public let source: SourceFile?
    }

    /// Reads the answers for `bundle`.
    ///
    /// - Throws: ``AnswersError`` with the findings when the answers cannot be read.
    public func resolve(for bundle: ServiceBundle, limits: YAMLLimits = .default) throws(AnswersError)
        -> Resolved
    {
        switch self {
        case .testCase(let name):
            guard let test = bundle.tests.first(where: { $0.name.value == name }) else {
                let names = bundle.tests.map(\.name.value)
                throw AnswersError(
                    source: nil,
                    diagnostics: [
                        Diagnostic(
                            code: .unknownTestCase, severity: .error, span: bundle.id.span,
                            message: .init(
                                en: "bundle '\(bundle.id.value)' has no test case '\(name)'",
                                zh: "一件事“\(bundle.id.value)”没有名为“\(name)”的测试用例"),
                            hint: Suggestion.hint(for: name, among: names)
                                ?? .init(
                                    en: names.isEmpty
                                        ? "the bundle has no test cases"
                                        : "its cases: \(names.joined(separator: ", "))",
                                    zh: names.isEmpty ? "该一件事没有测试用例" : "已有的用例：\(names.joined(separator: "、"))"
                                ))
                    ])
            }
            return Resolved(answers: test.answers, missingAt: test.name.span, source: nil)
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw AnswersError(
                    source: nil,
                    diagnostics: [
                        Diagnostic(
                            code: .notText, severity: .error, span: .wholeFile(path),
                            message: .init(en: "the answers file does not exist", zh: "答案文件不存在"))
                    ])
            }
            let (source, document) = SourceReader.read(path: path, limits: limits)
            var diagnostics = document.diagnostics
            guard let root = document.root, let source else {
                throw AnswersError(source: source, diagnostics: diagnostics)
            }
            let decoded = AnswersDecoder.decode(root)
            diagnostics += decoded.diagnostics
            if diagnostics.contains(where: { $0.severity == .error }) {
                throw AnswersError(source: source, diagnostics: diagnostics)
            }
            return Resolved(answers: decoded.answers, missingAt: .wholeFile(path), source: source)
        }
    }
}

/// Answers that cannot be read, with the findings that say why.
public struct AnswersError: Error, Sendable {
    /// The answers file, when it could be read as text.
    public let source: SourceFile?
    /// The findings.
    public let diagnostics: [Diagnostic]
}
