import OneThing
import Testing

struct GitHubDiagnosticRendererTests {
    @Test(arguments: Language.allCases)
    func rendersTheSampleReportAsTheGoldenFileSays(language: Language) throws {
        let commands = SampleReport.rendered(by: GitHubDiagnosticRenderer(language: language))
        try GoldenFile.expect(commands, matches: "github-\(language.rawValue).txt")
    }

    @Test func escapesPercentAndLineBreaksInData() {
        #expect(GitHubDiagnosticRenderer.escapedData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
    }

    @Test func escapesColonsAndCommasInPropertiesToo() {
        #expect(
            GitHubDiagnosticRenderer.escapedProperty("C:\\bundles\\a,b%.yaml\n")
                == "C%3A\\bundles\\a%2Cb%25.yaml%0A")
    }

    @Test func writesOneCommandPerFindingWithItsSpanAndCode() {
        let output = GitHubDiagnosticRenderer(language: .en).render(
            [SampleReport.conditionTypo], fileCount: 1, sources: { _ in nil })
        #expect(
            output == """
                ::error file=bundles/open-restaurant.yaml,line=10,col=36,endLine=10,endColumn=39,title=OT401::\
                unexpected word 'nto'%0Ahint: did you mean 'not'?
                1 error in 1 file

                """)
    }

    @Test func mapsSeveritiesToCommands() {
        var note = SampleReport.conditionTypo
        note.severity = .note
        let output = GitHubDiagnosticRenderer(language: .en).render(
            [SampleReport.unusedField, note], fileCount: 1, sources: { _ in nil })
        let lines = output.split(separator: "\n")
        #expect(lines[0].hasPrefix("::warning file="))
        #expect(lines[1].hasPrefix("::notice file="))
    }

    @Test func leavesOutColumnsForASpanOverSeveralLines() {
        var diagnostic = SampleReport.duplicateName
        diagnostic.span.end.line = 16
        diagnostic.notes = []
        let output = GitHubDiagnosticRenderer(language: .en).render([diagnostic], fileCount: 1) { _ in nil }
        #expect(
            output.hasPrefix("::error file=bundles/open-restaurant.yaml,line=15,endLine=16,title=OT102::"))
    }

    @Test func escapesAPathWithAComma() {
        var diagnostic = SampleReport.conditionTypo
        diagnostic.span.file = "bundles/a,b:c.yaml"
        let output = GitHubDiagnosticRenderer(language: .en).render([diagnostic], fileCount: 1) { _ in nil }
        #expect(output.hasPrefix("::error file=bundles/a%2Cb%3Ac.yaml,line=10,"))
    }
}
