import OneThing
import Testing

struct TextDiagnosticRendererTests {
    @Test(arguments: Language.allCases)
    func rendersTheSampleReportAsTheGoldenFileSays(language: Language) throws {
        let text = SampleReport.rendered(by: TextDiagnosticRenderer(language: language))
        try GoldenFile.expect(text, matches: "text-\(language.rawValue).txt")
    }

    @Test func coloursWithANSIEscapesWhenAskedTo() throws {
        let text = SampleReport.rendered(by: TextDiagnosticRenderer(language: .en, usesColor: true))
        try GoldenFile.expect(text, matches: "text-en-color.txt")
    }

    @Test func writesNoEscapeSequenceWithoutColour() {
        let text = SampleReport.rendered(by: TextDiagnosticRenderer(language: .en))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func underlinesChineseCharactersTwoColumnsEach() {
        let lines = render(SampleReport.unknownDepartment)
        #expect(lines[2] == "9 |     department: 市场监管局")
        #expect(lines[3] == underline(gutterWidth: 1, indent: 16, width: 10))
    }

    @Test func showsATabAsFourSpacesInLineAndUnderline() {
        let lines = render(SampleReport.promiseTooLong)
        #expect(lines[2] == "12 |     promised:    30 workdays")
        #expect(lines[3] == underline(gutterWidth: 2, indent: 17, width: 11))
    }

    @Test func marksASpanOfNoWidthWithOneCaret() {
        let lines = render(SampleReport.missingKind)
        #expect(lines[2] == "7 |   food-permit:")
        #expect(lines[3] == underline(gutterWidth: 1, indent: 14, width: 1))
    }

    @Test func underlinesASpanOverSeveralLinesToTheEndOfItsFirstLine() {
        let span = SampleReport.span(of: "fire-check:", line: 13)
        var diagnostic = SampleReport.duplicateName
        diagnostic.span.start = span.start
        diagnostic.span.end.line = 15
        diagnostic.notes = []
        let lines = render(diagnostic)
        #expect(lines[2] == "13 |   fire-check:")
        #expect(lines[3] == underline(gutterWidth: 2, indent: 2, width: 11))
    }

    @Test func putsTheCaretAtTheEndOfALineForASpanBeyondIt() {
        var diagnostic = SampleReport.missingKind
        diagnostic.span.start.column = 40
        diagnostic.span.end.column = 45
        let lines = render(diagnostic)
        #expect(lines[3] == underline(gutterWidth: 1, indent: 14, width: 1))
    }

    @Test func showsOnlyTheHeaderWhenTheFileTextIsNotAtHand() {
        let lines = render(SampleReport.binary)
        #expect(
            lines[0]
                == "bundles/scan.yaml:1:1: error[OT106]: this is a binary file, not YAML text (it contains a NUL byte)"
        )
        #expect(lines[1].hasPrefix("  = hint: "))
        #expect(lines.count == 2)
    }

    @Test func showsControlCharactersAsTheirPictures() {
        let source = SourceFile(path: "a.yaml", text: "a:\u{7}b\n")
        let diagnostic = Diagnostic(
            code: .yamlSyntax, severity: .error, span: source.span(ofLine: 1),
            message: .init(en: "bell", zh: "响铃"))
        let text = TextDiagnosticRenderer(language: .en).render([diagnostic], fileCount: 1) { _ in source }
        #expect(text.contains("1 | a:\u{2407}b\n  | ^~~~\n"))
    }

    @Test func alignsTheLaterLinesOfAHintUnderItsFirst() {
        var diagnostic = SampleReport.conditionTypo
        diagnostic.hint = .init(en: "did you mean 'not'?\nconditions use 'and', 'or', 'not'", zh: "")
        let lines = render(diagnostic)
        #expect(lines[4] == "   = hint: did you mean 'not'?")
        #expect(lines[5] == "           conditions use 'and', 'or', 'not'")
    }

    @Test func saysSoWhenThereIsNothingToReport() {
        let renderer = TextDiagnosticRenderer(language: .en)
        #expect(renderer.render([], fileCount: 3) { _ in nil } == "no errors or warnings in 3 files\n")
        #expect(
            TextDiagnosticRenderer(language: .zh).render([], fileCount: 3) { _ in nil } == "3 个文件中没有错误或警告\n")
    }

    /// The row under a quoted line: an empty gutter, `indent` columns, then a caret and
    /// tildes over `width` columns.
    private func underline(gutterWidth: Int, indent: Int, width: Int) -> String {
        String(repeating: " ", count: gutterWidth) + " | " + String(repeating: " ", count: indent) + "^"
            + String(repeating: "~", count: width - 1)
    }

    /// The lines of one finding rendered alone, without the summary.
    private func render(_ diagnostic: Diagnostic) -> [String] {
        let text = TextDiagnosticRenderer(language: .en).render(
            [diagnostic], fileCount: 1, sources: SampleReport.report.source(of:))
        return Array(
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(3))
    }
}
