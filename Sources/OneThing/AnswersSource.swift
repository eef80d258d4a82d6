import Foundation
import OneThingPlan

/// Where an applicant's answers come from: an answers file, an answers document in
/// memory, or a test case of the bundle.
///
/// An answers document maps field ids to answers, as a YAML mapping or a JSON object;
/// nested mappings are read as dotted ids. YAML and JSON are read into the same nodes,
/// so both get the same checks and findings (OT801–OT805), located in their own text.
public enum AnswersSource: Sendable {
    /// An answers file: JSON when its name ends in `.json`, YAML otherwise (see
    /// ``SourceSyntax/init(fileName:)``).
    case file(String)
    /// An answers document in memory: its bytes, the name findings show as its file,
    /// and its syntax (JSON from a program, or YAML as in an answers file).
    case document([UInt8], name: String, syntax: SourceSyntax)
    /// The answers of the bundle's test case with this name.
    case testCase(String)

    /// The answers, where findings about unanswered questions point, and the source
    /// of an answers document (for quoting it in findings).
    public struct Resolved: Sendable {
        /// The answers.
        public let answers: [Answer]
        /// Where findings about unanswered questions point.
        public let missingAt: SourceSpan
        /// The answers document, when the answers come from one.
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
            switch SourceReader.contents(path: path, limits: limits) {
            case .bytes(let bytes):
                return try Self.document(bytes, name: path, syntax: SourceSyntax(fileName: path))
                    .resolve(for: bundle, limits: limits)
            case .unreadable(let diagnostic):
                throw AnswersError(source: nil, diagnostics: [diagnostic])
            }
        case .document(let bytes, let name, let syntax):
            let (source, document) = syntax.compose(path: name, bytes: bytes, limits: limits)
            var diagnostics = document.diagnostics
            guard let root = document.root, let source else {
                throw AnswersError(source: source, diagnostics: diagnostics)
            }
            let decoded = AnswersDecoder.decode(root)
            diagnostics += decoded.diagnostics
            if diagnostics.contains(where: { $0.severity == .error }) {
                throw AnswersError(source: source, diagnostics: diagnostics)
            }
            return Resolved(answers: decoded.answers, missingAt: .wholeFile(name), source: source)
        }
    }
}

/// Answers that cannot be read, with the findings that say why.
public struct AnswersError: Error, Sendable {
    /// The answers document, when it could be read as text.
    public let source: SourceFile?
    /// The findings.
    public let diagnostics: [Diagnostic]
}
