import ArgumentParser
import OneThing

/// The output formats of `onething validate`.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// For people: compiler-style messages with the source line underlined.
    case text
    /// One JSON document, for tools and editors.
    case json
    /// A SARIF 2.1.0 log, for code-scanning services.
    case sarif
    /// GitHub Actions workflow commands, shown as annotations.
    case github

    /// The renderer of this format.
    func renderer(language: Language, usesColor: Bool) -> any DiagnosticRenderer {
        switch self {
        case .text: TextDiagnosticRenderer(language: language, usesColor: usesColor)
        case .json: JSONDiagnosticRenderer(language: language)
        case .sarif:
            SARIFDiagnosticRenderer(
                language: language, toolVersion: OneThingCommand.version,
                informationURI: OneThingCommand.homepage)
        case .github: GitHubDiagnosticRenderer(language: language)
        }
    }
}
