import Testing

@testable import OneThingSource

@Test func billionLaughsStopsAtTheAliasBudget() {
    var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    for (previous, name) in zip(names, names.dropFirst()) {
        lines.append(
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
    }
    let document = compose(lines.joined(separator: "\n") + "\n")
    #expect(codes(document) == [.aliasBudget])
    #expect(document.diagnostics.first?.span.start == at(5, 8))
    #expect(document.root == nil)
}

@Test func aliasBudgetCountsEveryExpandedNode() {
    let text = "a: &a [1, 2, 3, 4]\nb: [*a, *a]\n"
    #expect(codes(compose(text, limits: YAMLLimits(maxAliasExpansion: 10))) == [])
    #expect(codes(compose(text, limits: YAMLLimits(maxAliasExpansion: 9))) == [.aliasBudget])
}

@Test func deepFlowNestingStopsAtTheLimit() {
    let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    let document = compose(text)
    #expect(codes(document) == [.nestingTooDeep])
    // The root mapping is level 1, so the 64th bracket crosses the limit.
    #expect(document.diagnostics.first?.span.start == at(1, 67))
    #expect(document.root == nil)
}

@Test func deepBlockNestingStopsAtTheLimit() {
    let text = String(repeating: "- ", count: 10_000) + "x\n"
    let document = compose(text)
    #expect(codes(document) == [.nestingTooDeep])
    #expect(document.diagnostics.first?.span.start == at(1, 129))
}

@Test func nestingExactlyAtTheLimitIsAccepted() {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
    #expect(compose(text).diagnostics.isEmpty)
}

@Test func aliasThatWouldNestTooDeepIsReported() {
    let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
    let document = compose(
        "a: &d \(deep)\nb: \(String(repeating: "[", count: 30))*d\(String(repeating: "]", count: 30))\n")
    #expect(codes(document) == [.nestingTooDeep])
}

@Test func fileOverTheSizeLimitIsRejectedBeforeParsing() {
    var bytes = Array("a: ".utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
    let (file, document) = YAMLComposer.compose(path: testPath, bytes: bytes)
    #expect(file == nil)
    #expect(codes(document) == [.fileTooLarge])
    #expect(document.diagnostics.first?.message.en.contains("20 MiB") == true)
}

@Test func textOverTheSizeLimitIsRejected() {
    let document = compose("a: 12345\n", limits: YAMLLimits(maxBytes: 4))
    #expect(codes(document) == [.fileTooLarge])
}

@Test func gbkBytesAreNotTextAtTheirLineAndColumn() {
    // 中文 in GBK: D6 D0 CE C4.
    let bytes = Array("id: x\ntitle: ".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("\n".utf8)
    let (file, document) = YAMLComposer.compose(path: testPath, bytes: bytes)
    #expect(file == nil)
    #expect(codes(document) == [.notText])
    #expect(document.diagnostics.first?.span.start == at(2, 8))
}

@Test func binaryFileIsNotText() {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
    let (_, document) = YAMLComposer.compose(path: testPath, bytes: bytes)
    #expect(codes(document) == [.notText])
}

@Test func nulByteInTextIsNotText() {
    let (_, document) = YAMLComposer.compose(path: testPath, bytes: Array("a: 1\nb: \u{0}\n".utf8))
    #expect(codes(document) == [.notText])
    #expect(document.diagnostics.first?.span.start == at(2, 4))
}

@Test func tabIndentationIsReportedAtTheTab() {
    let document = compose("form:\n\tarea: 1\n")
    #expect(codes(document) == [.tabIndentation])
    #expect(document.diagnostics.first?.span == span(at(2, 1), at(2, 2)))
}

@Test func tabAfterSpacesInIndentationIsReportedAtTheTab() {
    let document = compose("form:\n  area: 1\n  \tkind: x\n")
    #expect(codes(document) == [.tabIndentation])
    #expect(document.diagnostics.first?.span.start == at(3, 3))
}

@Test func tabIndentingABlockScalarIsReportedAtTheTab() {
    let document = compose("a: |\n  x\n\ty\n")
    #expect(codes(document) == [.tabIndentation])
    #expect(document.diagnostics.first?.span.start == at(3, 1))
}

@Test func tabBetweenKeyAndValueIsAllowed() {
    #expect(compose("a:\tb\n").diagnostics.isEmpty)
}

@Test func syntaxErrorIsReportedWithLineAndColumn() throws {
    let document = compose("title: 开办:餐饮 店: x\n")
    let diagnostic = try #require(document.diagnostics.first)
    #expect(codes(document) == [.yamlSyntax])
    #expect(diagnostic.span.start == at(1, 15))
    #expect(diagnostic.message.zh.contains("冒号"))
    #expect(diagnostic.hint?.en.contains("quotes") == true)
    #expect(document.root == nil)
}

@Test func unclosedQuoteIsReportedAtTheOpeningQuote() {
    let document = compose("a: 1\nb: \"开办\nc: 2\n")
    #expect(codes(document) == [.yamlSyntax])
    #expect(document.diagnostics.first?.span.start == at(2, 4))
}

@Test func misalignedKeyPointsBackAtItsMapping() throws {
    let document = compose("a:\n  - b\n  c: d\n")
    let diagnostic = try #require(document.diagnostics.first)
    #expect(diagnostic.code == .yamlSyntax)
    #expect(diagnostic.span.start == at(3, 3))
    #expect(diagnostic.notes.map(\.span.start) == [at(2, 3)])
}

@Test func controlCharacterIsReportedAtItsByte() {
    let document = compose("a: 1\nb: x\u{7}\n")
    #expect(codes(document) == [.yamlSyntax])
    #expect(document.diagnostics.first?.span.start == at(2, 5))
    #expect(document.diagnostics.first?.message.en.contains("0x7") == true)
}

@Test func characterThatCannotStartAValueIsNamed() {
    let document = compose("a: @home\n")
    #expect(document.diagnostics.first?.message.en.contains("‘@’") == true)
}

@Test func eventLoopCountsEvents() {
    // stream, document, mapping, 2 scalars, and their ends.
    #expect(YAMLComposer.parseEventsOnly(Array("a: 1\n".utf8)) == 8)
    #expect(YAMLComposer.parseEventsOnly([]) == 2)
}
