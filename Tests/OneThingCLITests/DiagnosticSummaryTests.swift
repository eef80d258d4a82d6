import OneThing
import Testing

struct DiagnosticSummaryTests {
    @Test func countsErrorsAndWarningsInEnglishWithPlurals() {
        #expect(
            DiagnosticSummary(errorCount: 2, warningCount: 1, fileCount: 3).sentence(in: .en)
                == "2 errors, 1 warning in 3 files")
        #expect(
            DiagnosticSummary(errorCount: 1, warningCount: 0, fileCount: 1).sentence(in: .en)
                == "1 error in 1 file")
        #expect(
            DiagnosticSummary(errorCount: 0, warningCount: 2, fileCount: 2).sentence(in: .en)
                == "2 warnings in 2 files")
    }

    @Test func countsErrorsAndWarningsInChinese() {
        #expect(
            DiagnosticSummary(errorCount: 2, warningCount: 1, fileCount: 3).sentence(in: .zh)
                == "3 个文件中有 2 个错误、1 个警告")
        #expect(
            DiagnosticSummary(errorCount: 0, warningCount: 1, fileCount: 1).sentence(in: .zh)
                == "1 个文件中有 1 个警告")
    }

    @Test func saysWhenNothingWasFoundOrNothingWasRead() {
        let clean = DiagnosticSummary(errorCount: 0, warningCount: 0, fileCount: 4)
        #expect(clean.sentence(in: .en) == "no errors or warnings in 4 files")
        #expect(clean.sentence(in: .zh) == "4 个文件中没有错误或警告")
        let empty = DiagnosticSummary(errorCount: 0, warningCount: 0, fileCount: 0)
        #expect(empty.sentence(in: .en) == "no files to check")
        #expect(empty.sentence(in: .zh) == "没有需要检查的文件")
    }

    @Test func doesNotCountNotes() {
        let note = Diagnostic(
            code: .yamlSyntax, severity: .note, span: .wholeFile("a.yaml"), message: .init(en: "n", zh: "n"))
        let summary = DiagnosticSummary(
            [note, SampleReport.conditionTypo, SampleReport.unusedField], fileCount: 1)
        #expect(summary == DiagnosticSummary(errorCount: 1, warningCount: 1, fileCount: 1))
    }
}
