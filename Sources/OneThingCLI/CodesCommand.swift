import ArgumentParser
import OneThing

/// `onething codes`: every diagnostic code with its severity and summary.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "List every diagnostic code with its severity and summary.")

    @OptionGroup
    var languageOptions: LanguageOptions

    func run() {
        let language = languageOptions.language
        let labelWidth = Severity.allCases.map { $0.label(in: language).count }.max() ?? 0
        for entry in DiagnosticCode.catalogue {
            let label = entry.severity.label(in: language)
            let padding = String(repeating: " ", count: labelWidth - label.count)
            print("\(entry.code)  \(label)\(padding)  \(entry.summary.text(in: language))")
        }
    }
}
