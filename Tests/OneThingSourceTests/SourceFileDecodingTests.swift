import Testing

@testable import OneThingSource

/// The diagnostic that decoding `bytes` rejects them with, if any.
private func rejection(_ bytes: [UInt8]) -> Diagnostic? {
    if case .rejected(let diagnostic) = SourceFile.decode(path: testPath, bytes: bytes) { return diagnostic }
    return nil
}

@Test func invalidByteAfterAByteOrderMarkIsLocatedAfterTheMark() {
    let diagnostic = rejection([0xEF, 0xBB, 0xBF] + Array("a: 中\nb: ".utf8) + [0xFF])
    #expect(diagnostic?.code == .notText)
    #expect(diagnostic?.span.start == at(2, 4))
    #expect(diagnostic?.message.en.contains("0xFF") == true)
}

@Test func invalidByteAfterALongASCIIRunIsFound() {
    let diagnostic = rejection(Array(String(repeating: "abcdefgh", count: 5).utf8) + [0xC0, 0x80])
    #expect(diagnostic?.span.start == at(1, 41))
}

@Test func truncatedSequenceAtTheEndIsInvalid() {
    #expect(rejection(Array("a: ".utf8) + [0xE4, 0xB8])?.span.start == at(1, 4))
}

@Test func nulAfterAByteOrderMarkIsLocatedAfterTheMark() {
    let diagnostic = rejection([0xEF, 0xBB, 0xBF] + Array("abcdefghij\nxy".utf8) + [0])
    #expect(diagnostic?.span.start == at(2, 3))
}

@Test func validChineseTextDecodes() {
    guard case .text(let file) = SourceFile.decode(path: testPath, bytes: Array("标题: 开办餐饮店\n".utf8)) else {
        Issue.record("valid UTF-8 was rejected")
        return
    }
    #expect(file.lineCount == 2)
    #expect(file.line(1) == "标题: 开办餐饮店")
}
