import Testing

@testable import OneThingSource

@Test func yaml11BooleansNumbersAndTimesStayPlainText() throws {
    let root = try #require(compose("a: no\nb: 010\nc: 1:30\nd: yes\ne: 1e3\nf: ~\n").root)
    let values = try #require(root.entries?.map(\.value.scalar))
    #expect(values.map(\.?.value) == ["no", "010", "1:30", "yes", "1e3", "~"])
    #expect(values.allSatisfy { $0?.style == .plain && $0?.tag == nil })
}

@Test func quotedScalarsKeepTheirStyleAndUnquotedValue() throws {
    let root = try #require(compose("a: 'it''s'\nb: \"x\\ty\\u4E2D\"\nc: \"true\"\n").root)
    #expect(
        root["a"]?.scalar == YAMLScalar(value: "it's", style: .singleQuoted, span: span(at(1, 4), at(1, 11))))
    #expect(root["b"]?.scalar?.value == "x\ty中")
    #expect(root["b"]?.scalar?.style == .doubleQuoted)
    #expect(root["c"]?.scalar?.style == .doubleQuoted)
}

@Test func blockScalarsKeepTheirStyleAndValue() throws {
    let root = try #require(compose("a: |\n  line 1\n  line 2\nb: >-\n  one\n  two\n").root)
    #expect(root["a"]?.scalar?.style == .literal)
    #expect(root["a"]?.scalar?.value == "line 1\nline 2\n")
    #expect(root["b"]?.scalar?.style == .folded)
    #expect(root["b"]?.scalar?.value == "one two")
}

@Test func explicitTagsAreKeptInShortForm() throws {
    let root = try #require(compose("a: !!str 12\nb: !local x\nc: 12\n").root)
    #expect(root["a"]?.scalar?.tag == "!!str")
    #expect(root["b"]?.scalar?.tag == "!local")
    #expect(root["c"]?.scalar?.tag == nil)
}

@Test func taggedScalarSpanStartsAtItsTag() throws {
    let root = try #require(compose("a: !!str 12\n").root)
    #expect(root["a"]?.span == span(at(1, 4), at(1, 12)))
}

@Test func aliasesExpandToTheAnchoredNode() throws {
    let document = compose("base: &b {x: 1}\ncopy: *b\nname: &n 甲\nagain: *n\n")
    let root = try #require(document.root)
    #expect(document.diagnostics.isEmpty)
    #expect(root["copy"] == root["base"])
    #expect(root["again"]?.scalar?.value == "甲")
}

@Test func mergeKeyIsAnOrdinaryKey() throws {
    let root = try #require(compose("a: &a {x: 1}\nb:\n  <<: *a\n").root)
    #expect(root["b"]?.entries?.first?.key.value == "<<")
}
