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
}
