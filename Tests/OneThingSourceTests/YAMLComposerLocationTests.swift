import Testing

@testable import OneThingSource

@Test func keysAndValuesAreLocatedAtTheirFirstCharacter() throws {
    let root = try #require(compose("id: open-restaurant\ntitle: 开办餐饮店一件事\n").root)
    let entries = try #require(root.entries)
    #expect(entries[0].key.span == span(at(1, 1), at(1, 3)))
    #expect(entries[0].value.span == span(at(1, 5), at(1, 20)))
    #expect(entries[1].key.span == span(at(2, 1), at(2, 6)))
    #expect(entries[1].value.span == span(at(2, 8), at(2, 16)))
}

@Test func columnsAfterChineseTextOnTheSameLineCountCharacters() throws {
    let root = try #require(compose("名称: 开办餐饮店\n条件: {面积: 150, 类型: 餐馆}\n").root)
    let inner = try #require(root["条件"]?.entries)
    #expect(inner[1].key.span == span(at(2, 15), at(2, 17)))
    #expect(inner[1].value.span == span(at(2, 19), at(2, 21)))
}

@Test func sequenceElementsAreLocatedAfterTheirDash() throws {
    let root = try #require(compose("材料:\n  - 身份证\n  - 营业执照\n").root)
    let elements = try #require(root["材料"]?.elements)
    #expect(elements.map(\.span) == [span(at(2, 5), at(2, 8)), span(at(3, 5), at(3, 9))])
}

@Test func blockMappingEndsAtItsLastValueNotAtTheNextKey() throws {
    let root = try #require(compose("form:\n  area: 150\n  kind: 餐馆\nitems: x\n").root)
    let form = try #require(root["form"])
    #expect(form.span == span(at(2, 3), at(3, 11)))
    #expect(root.span == span(at(1, 1), at(4, 9)))
}

@Test func blockSequenceEndsAtItsLastElement() throws {
    let root = try #require(compose("list:\n- a\n- bc\nnext: 1\n").root)
    #expect(root["list"]?.span == span(at(2, 1), at(3, 5)))
}

@Test func flowCollectionsEndAfterTheirClosingBracket() throws {
    let root = try #require(compose("a: [1, {b: c}]  # note\n").root)
    let list = try #require(root["a"])
    #expect(list.span == span(at(1, 4), at(1, 15)))
    #expect(list.elements?[1].span == span(at(1, 8), at(1, 14)))
}

@Test func quotedScalarSpanIncludesItsQuotes() throws {
    let root = try #require(compose("a: \"中文\"\nb: 'x'\n").root)
    #expect(root["a"]?.span == span(at(1, 4), at(1, 8)))
    #expect(root["b"]?.span == span(at(2, 4), at(2, 7)))
}

@Test func blockScalarSpanEndsAtItsLastCharacter() throws {
    let root = try #require(compose("text: |\n  第一行\n  second\n\n\nnext: x\n").root)
    #expect(root["text"]?.span == span(at(1, 7), at(3, 9)))
}

@Test func multiLinePlainScalarSpanEndsOnItsLastLine() throws {
    let root = try #require(compose("a: one\n  two three\nb: 2\n").root)
    #expect(root["a"]?.span == span(at(1, 4), at(2, 12)))
    #expect(root["a"]?.scalar?.value == "one two three")
}

@Test func emptyValueIsAZeroWidthNullAfterTheColon() throws {
    let root = try #require(compose("a:\nb: 1\n").root)
    let value = try #require(root["a"]?.scalar)
    #expect(value.isNull)
    #expect(value.span == span(at(1, 3), at(1, 3)))
}

@Test func locationsFollowTheFilesLinesWhenLibyamlSeesExtraLineBreaks() throws {
    // U+2028 and a lone carriage return are line breaks to libyaml but not to editors.
    let root = try #require(compose("a: \"x\u{2028}y\"\nb: 1\rc: 2\nd: 3\n").root)
    let keys = try #require(root.entries?.map(\.key.span.start))
    #expect(keys == [at(1, 1), at(2, 1), at(2, 6), at(3, 1)])
    #expect(root["a"]?.span == span(at(1, 4), at(1, 9)))
    #expect(root["c"]?.span == span(at(2, 9), at(2, 10)))
}

@Test func locationsIgnoreAByteOrderMark() throws {
    let (_, document) = YAMLComposer.compose(
        path: testPath, bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
    let root = try #require(document.root)
    #expect(root["a"]?.span == span(at(1, 4), at(1, 5)))
}

@Test func windowsLineEndingsDoNotShiftLocations() throws {
    let root = try #require(compose("a: 1\r\nb: 二\r\n").root)
    #expect(root["b"]?.span == span(at(2, 4), at(2, 5)))
}
