import Testing

@testable import OneThingSource

@Test func duplicateKeyIsReportedAtTheSecondWithANoteAtTheFirst() throws {
    let document = compose("id: a\ntitle: 一\nid: b\n")
    let diagnostic = try #require(document.diagnostics.first)
    #expect(codes(document) == [.duplicateKey])
    #expect(diagnostic.span == span(at(3, 1), at(3, 3)))
    #expect(diagnostic.notes.map(\.span) == [span(at(1, 1), at(1, 3))])
    #expect(diagnostic.hint != nil)
}

@Test func duplicateKeyKeepsTheFirstValue() throws {
    let root = try #require(compose("id: a\nid: b\n").root)
    #expect(root.entries?.count == 1)
    #expect(root["id"]?.scalar?.value == "a")
}

@Test func duplicateKeyIsFoundInLargeMappings() throws {
    let lines = (0..<40).map { "k\($0): v" } + ["k7: again"]
    let document = compose(lines.joined(separator: "\n") + "\n")
    #expect(codes(document) == [.duplicateKey])
    #expect(document.diagnostics.first?.notes.first?.span.start == at(8, 1))
    #expect(document.root?["k7"]?.scalar?.value == "v")
}

@Test func keysThatDifferOnlyInQuotingAreDuplicates() {
    #expect(codes(compose("a: 1\n'a': 2\n")) == [.duplicateKey])
}

@Test func mappingKeyThatIsAListIsAComplexKey() throws {
    let document = compose("? [a, b]\n: 1\nc: 2\n")
    #expect(codes(document) == [.complexKey])
    #expect(document.diagnostics.first?.span == span(at(1, 3), at(1, 9)))
    #expect(document.root?.entries?.map(\.key.value) == ["c"])
}

@Test func aliasUsedAsAKeyIsReported() throws {
    let document = compose("a: &k name\n*k : 1\nb: 2\n")
    #expect(codes(document) == [.aliasBudget])
    #expect(document.diagnostics.first?.span.start == at(2, 1))
    #expect(document.root?.entries?.map(\.key.value) == ["a", "b"])
}

@Test func aliasToAnUnknownAnchorIsASyntaxError() {
    let document = compose("a: *nowhere\n")
    #expect(codes(document) == [.yamlSyntax])
    #expect(document.diagnostics.first?.span == span(at(1, 4), at(1, 12)))
    #expect(document.root == nil)
}

@Test func anchorCannotReferToItself() {
    #expect(codes(compose("a: &a [*a]\n")) == [.yamlSyntax])
}

@Test func topLevelListComposesAsASequence() throws {
    let document = compose("- a\n- b\n")
    #expect(document.diagnostics.isEmpty)
    #expect(document.root?.elements?.count == 2)
}

@Test func topLevelScalarComposes() throws {
    #expect(compose("just text\n").root?.scalar?.value == "just text")
}

@Test func secondDocumentIsReportedAtItsStart() {
    let document = compose("a: 1\n---\nb: 2\n")
    #expect(codes(document) == [.multipleDocuments])
    #expect(document.diagnostics.first?.span.start == at(2, 1))
}

@Test func explicitDocumentMarkersAroundOneDocumentAreFine() {
    let document = compose("---\na: 1\n...\n")
    #expect(document.diagnostics.isEmpty)
    #expect(document.root?["a"] != nil)
}

@Test func emptyFileIsReported() {
    let document = compose("")
    #expect(codes(document) == [.emptyFile])
    #expect(document.root == nil)
}

@Test func commentsOnlyFileIsEmpty() {
    #expect(codes(compose("# 开办餐饮店\n\n   # todo\n")) == [.emptyFile])
}

@Test func documentMarkerAloneIsEmpty() {
    #expect(codes(compose("---\n")) == [.emptyFile])
}

@Test func everyFindingHasBothLanguagesAndAHint() {
    let inputs = [
        "a: 1\na: 2\n", "? [a]\n: 1\n", "a: &k x\n*k : 1\n", "a: *x\n", "a: 1\n---\nb: 2\n", "",
        "a:\n\tb: 1\n", "a: b: c\n", "a: \"x\n",
    ]
    for input in inputs {
        for diagnostic in compose(input).diagnostics {
            #expect(!diagnostic.message.en.isEmpty && !diagnostic.message.zh.isEmpty)
            #expect(diagnostic.hint != nil)
        }
    }
}

@Test func duplicateKeyInAFlowMappingIsReported() {
    let document = compose("a: {x: 1, y: 2, x: 3}\n")
    #expect(codes(document) == [.duplicateKey])
    #expect(document.diagnostics.first?.span.start == at(1, 17))
}

@Test func anchoredKeyIsAnOrdinaryKey() throws {
    let document = compose("&k name: 1\nother: *k\n")
    #expect(document.diagnostics.isEmpty)
    #expect(document.root?["other"]?.scalar?.value == "name")
}
