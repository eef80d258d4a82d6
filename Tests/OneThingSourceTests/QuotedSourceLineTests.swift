import Testing

@testable import OneThingSource

/// How the text renderer shows a quoted line on a terminal.
struct QuotedSourceLineTests {
    @Test func eachControlCharacterShowsAsItsPicture() {
        for value in UInt32(0)..<0x20 where value != 0x09 {
            let line = QuotedSourceLine(Substring(String(Character(Unicode.Scalar(UInt8(value))))))
            #expect(line.shown.unicodeScalars.map(\.value) == [0x2400 + value], "U+\(value)")
        }
    }

    @Test func aTabShowsAsSpaces() {
        #expect(
            QuotedSourceLine("\ta").shown == String(repeating: " ", count: QuotedSourceLine.tabWidth) + "a")
    }

    @Test func aFindingOnALongLineIsRenderedInLinearTime() {
        func render(columns: Int) -> (text: String, time: Duration) {
            let file = SourceFile(
                path: "long.yaml", text: "title: " + String(repeating: "a", count: columns) + " : b\n")
            let at = SourceLocation(line: 1, column: columns + 9)
            let finding = Diagnostic(
                code: DiagnosticCode("OT101"), severity: .error,
                span: SourceSpan(
                    file: "long.yaml", start: at, end: SourceLocation(line: 1, column: columns + 10)),
                message: LocalizedText(en: "a colon", zh: "冒号"))
            let renderer = TextDiagnosticRenderer(language: .en)
            var text = ""
            let time = ContinuousClock().measure {
                text = renderer.render([finding], fileCount: 1) { $0 == file.path ? file : nil }
            }
            return (text, time)
        }
        // Sixteen times the line takes about sixteen times as long; a copy of the line per
        // character (as once) took 256 times as long, 49 s on a 2 MB line. The bound
        // leaves a factor of four for a machine whose load changes between the runs.
        let short = (0..<3).map { _ in render(columns: 25_000).time }.min() ?? .zero
        let long = (0..<3).map { _ in render(columns: 400_000) }
        let ratio = (long.map(\.time).min() ?? .zero) / short
        #expect(ratio < 64, "16× the line took \(ratio)× as long")
        let lines = long[0].text.split(separator: "\n")
        #expect(lines[0] == "long.yaml:1:400009: error[OT101]: a colon")
        #expect(lines[3] == "  | " + String(repeating: " ", count: 400_008) + "^")
    }
}
