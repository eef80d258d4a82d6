import ArgumentParser
import Foundation
import OneThing

/// `onething explain CODE`: what a diagnostic code means, in both languages.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code: what its rule protects, a wrong and a right example, the fix.")

    @Argument(help: "A diagnostic code, such as OT102 (the OT may be left out).")
    var code: String

    @OptionGroup
    var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.language
        let code = DiagnosticCode(Self.normalized(code))
        guard let entry = code.entry else {
            StandardError.writeLine(Self.unknownCodeMessage(self.code, language: language))
            throw ExitStatus.usageOrInputError
        }
        let otherLanguage: Language = language == .en ? .zh : .en
        print(
            """
            \(entry.code) (\(entry.severity.label(in: language)))
              \(entry.summary.text(in: language))
              \(entry.summary.text(in: otherLanguage))
            """)
        if let explanation = code.explanation { print(Self.text(of: explanation, in: language)) }
    }

    /// The explanation's sections, each under its heading, examples indented as file text.
    static func text(of explanation: DiagnosticExplanation, in language: Language) -> String {
        let headings: [LocalizedText] = [
            .init(en: "What the rule protects:", zh: "这条规则保护什么："),
            .init(en: "Wrong:", zh: "错误示例："),
            .init(en: "Right:", zh: "正确示例："),
            .init(en: "How to fix it:", zh: "如何修改："),
        ]
        let bodies = [explanation.protects, explanation.wrong, explanation.right, explanation.fix]
        return zip(headings, bodies).map { heading, body in
            let lines = body.text(in: language).split(separator: "\n", omittingEmptySubsequences: false)
            return "\n" + heading.text(in: language) + "\n"
                + lines.map { "    " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A code as typed, made canonical: `ot102`, ` OT102 ` and `102` all become `OT102`.
    static func normalized(_ typed: String) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespaces).uppercased()
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            return "OT" + trimmed
        }
        return trimmed
    }

    /// The message for a code that the registry does not have, with the closest one.
    static func unknownCodeMessage(_ typed: String, language: Language) -> String {
        let known = DiagnosticCode.catalogue.map(\.code.rawValue)
        let suggestion = Suggestion.closest(to: normalized(typed), among: known)
        switch language {
        case .en:
            let advice = suggestion.map { "did you mean \($0)?" } ?? "'onething codes' lists every code"
            return "onething: unknown diagnostic code '\(typed)'; \(advice)"
        case .zh:
            let advice = suggestion.map { "是否应为 \($0)？" } ?? "运行 “onething codes” 可查看全部代码"
            return "onething: 未知的诊断代码“\(typed)”；\(advice)"
        }
    }
}
