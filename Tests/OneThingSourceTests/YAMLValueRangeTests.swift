import Testing

@testable import OneThingSource

/// Composes `text` and returns its file and the scalar value of key `key`.
private func scalar(_ key: String, in text: String) throws -> (SourceFile, YAMLScalar) {
    let file = SourceFile(path: testPath, text: text)
    let root = try #require(YAMLComposer.compose(file).root)
    return (file, try #require(root[key]?.scalar))
}

@Test func plainValueRangeMapsToColumnsAfterTheScalarStart() throws {
    let (file, value) = try scalar("when", in: "when:     venue.area_m2 >= 150 and x\n")
    // Character 17 of the condition (0-based 16) starts at column 11 + 16.
    #expect(value.span(ofValueRange: 16..<19, in: file) == span(at(1, 27), at(1, 30)))
}

@Test func plainValueRangeCountsChineseCharactersAsOneColumn() throws {
    let (file, value) = try scalar("条件", in: "条件: 逝者.死亡地点 == x\n")
    #expect(value.span(ofValueRange: 3..<7, in: file) == span(at(1, 8), at(1, 12)))
}

@Test func doubleQuotedValueRangeStepsOverEscapes() throws {
    let (file, value) = try scalar("a", in: "a: \"\\u4E2D\\t文 x\"\n")
    #expect(value.value == "中\t文 x")
    #expect(value.span(ofValueRange: 0..<1, in: file) == span(at(1, 5), at(1, 11)))
    #expect(value.span(ofValueRange: 2..<4, in: file) == span(at(1, 13), at(1, 15)))
    #expect(value.span(ofValueRange: 4..<5, in: file) == span(at(1, 15), at(1, 16)))
}

@Test func singleQuotedValueRangeStepsOverDoubledQuotes() throws {
    let (file, value) = try scalar("a", in: "a: 'it''s x'\n")
    #expect(value.value == "it's x")
    #expect(value.span(ofValueRange: 5..<6, in: file) == span(at(1, 11), at(1, 12)))
    #expect(value.span(ofValueRange: 2..<3, in: file) == span(at(1, 7), at(1, 9)))
}

@Test func literalBlockValueRangeMapsLineByLine() throws {
    let text = "when: |\n  a == 1\n\n  or 条件 == 2\nnext: x\n"
    let (file, value) = try scalar("when", in: text)
    #expect(value.value == "a == 1\n\nor 条件 == 2\n")
    // "条件" is characters 11 and 12 of the value, written at columns 6 and 7 of line 4.
    #expect(value.span(ofValueRange: 11..<13, in: file) == span(at(4, 6), at(4, 8)))
}

@Test func foldedBlockValueRangeMapsLineByLine() throws {
    let (file, value) = try scalar("a", in: "a: >\n    one\n    two three\n")
    #expect(value.value == "one two three\n")
    #expect(value.span(ofValueRange: 8..<13, in: file) == span(at(3, 9), at(3, 14)))
}

@Test func blockScalarWithIndentationIndicatorMaps() throws {
    let (file, value) = try scalar("a", in: "a: |1\n   x\n   y\n")
    #expect(value.value == "  x\n  y\n")
    #expect(value.span(ofValueRange: 6..<7, in: file) == span(at(3, 4), at(3, 5)))
}

@Test func multiLinePlainValueRangeMapsLineByLine() throws {
    let (file, value) = try scalar("a", in: "a: x and\n   y or z\nb: 1\n")
    #expect(value.value == "x and y or z")
    #expect(value.span(ofValueRange: 6..<12, in: file) == span(at(2, 4), at(2, 10)))
}

@Test func multiLineDoubleQuotedValueRangeFollowsFolding() throws {
    let (file, value) = try scalar("a", in: "a: \"x\n\n  y \\\n z\"\n")
    #expect(value.value == "x\ny z")
    #expect(value.span(ofValueRange: 4..<5, in: file) == span(at(4, 2), at(4, 3)))
}

@Test func valueRangeSkipsAnchorAndTag() throws {
    let (file, value) = try scalar("a", in: "a: &x !!str hello\n")
    #expect(value.span(ofValueRange: 1..<3, in: file) == span(at(1, 14), at(1, 16)))
}

@Test func emptyValueRangeIsAZeroWidthSpan() throws {
    let (file, value) = try scalar("a", in: "a: hello\n")
    #expect(value.span(ofValueRange: 5..<5, in: file) == span(at(1, 9), at(1, 9)))
}

@Test func valueRangeOutsideTheValueFallsBackToTheWholeScalar() throws {
    let (file, value) = try scalar("a", in: "a: hello\n")
    #expect(value.span(ofValueRange: 3..<40, in: file) == value.span)
}

@Test func scalarWhoseSourceDoesNotMatchFallsBackToTheWholeScalar() throws {
    let file = SourceFile(path: testPath, text: "a: hello\n")
    let stale = YAMLScalar(value: "goodbye", style: .plain, span: span(at(1, 4), at(1, 9)))
    #expect(stale.span(ofValueRange: 0..<2, in: file) == stale.span)
}
