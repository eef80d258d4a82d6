import Testing

@testable import OneThingSource

/// The path every JSON test text is composed under.
private let jsonPath = "test.json"

/// Composes `text` as the JSON file `test.json`.
private func composeJSON(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    JSONComposer.compose(SourceFile(path: jsonPath, text: text), limits: limits)
}

/// The one finding of a document that is not JSON: code, start, end and English message.
private func finding(_ text: String) -> (
    code: DiagnosticCode, start: OneThingSource.SourceLocation, end: OneThingSource.SourceLocation, en: String
)? {
    let document = composeJSON(text)
    guard document.root == nil, document.diagnostics.count == 1, let d = document.diagnostics.first else {
        return nil
    }
    return (d.code, d.span.start, d.span.end, d.message.en)
}

/// The scalar that is the value of `key` in the root object of `text`.
private func scalar(_ text: String, _ key: String = "a") -> YAMLScalar? {
    composeJSON(text).root?[key]?.scalar
}

struct JSONComposerStructureTests {
    @Test func anObjectIsAMappingWithItsKeysInOrderAndLocated() throws {
        let document = composeJSON(#"{"b": 1, "a": "x", "c": [true, null]}"#)
        #expect(document.diagnostics.isEmpty)
        let entries = try #require(document.root?.entries)
        #expect(entries.map(\.key.value) == ["b", "a", "c"])
        #expect(entries[0].key.span == SourceSpan(file: jsonPath, start: at(1, 2), end: at(1, 5)))
        #expect(entries[0].key.style == .doubleQuoted)
        #expect(entries[1].value.span == SourceSpan(file: jsonPath, start: at(1, 15), end: at(1, 18)))
        #expect(entries[2].value.elements?.map(\.scalar?.value) == ["true", "null"])
        #expect(entries[2].value.span == SourceSpan(file: jsonPath, start: at(1, 25), end: at(1, 37)))
        #expect(document.root?.span == SourceSpan(file: jsonPath, start: at(1, 1), end: at(1, 38)))
    }

    @Test func linesAndColumnsCountCharactersAfterChineseText() {
        let text = "{\n  \"名称\": \"小店\",\n  \"面积\": 80\n}"
        let value = scalar(text, "面积")
        #expect(value?.span == SourceSpan(file: jsonPath, start: at(3, 9), end: at(3, 11)))
        #expect(composeJSON(text).root?["名称"]?.scalar?.span.start == at(2, 9))
    }

    @Test func aTabBetweenTokensIsWhitespace() {
        let value = scalar("{\t\"a\"\t:\t1\t}")
        #expect(value?.value == "1")
        #expect(value?.span.start == at(1, 9))
    }

    @Test func aTopLevelArrayOrScalarIsAValue() {
        #expect(composeJSON("[1, 2]").root?.elements?.count == 2)
        #expect(composeJSON(#" "text" "#).root?.scalar?.value == "text")
        #expect(composeJSON("12").root?.scalar?.style == .plain)
        #expect(composeJSON("{}").root?.entries?.isEmpty == true)
    }

    @Test func aKeyWrittenTwiceIsReportedAndTheFirstKept() {
        let document = composeJSON("{\"a\": 1,\n \"a\": 2}")
        #expect(codes(document) == [.duplicateKey])
        #expect(document.diagnostics.first?.span.start == at(2, 2))
        #expect(document.diagnostics.first?.notes.first?.span.start == at(1, 2))
        #expect(document.root?["a"]?.scalar?.value == "1")
        #expect(document.root?.entries?.count == 1)
    }

    @Test func nestingIsLimitedAsInYAML() {
        let limit = YAMLLimits.default.maxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let tooDeep = "[" + deepest + "]"
        #expect(composeJSON(deepest).root != nil)
        #expect(compose(deepest).root != nil)
        #expect(codes(composeJSON(tooDeep)) == [.nestingTooDeep])
        #expect(codes(compose(tooDeep)) == [.nestingTooDeep])
        #expect(composeJSON(tooDeep).diagnostics.first?.span.start == at(1, limit + 1))
    }

    @Test func aMillionOpenBracketsStopAtTheLimitWithoutRecursion() {
        let document = composeJSON(String(repeating: "[", count: 1_000_000))
        #expect(codes(document) == [.nestingTooDeep])
    }

    @Test func aLongObjectOrListIsReadInLinearTime() {
        func fastest(_ text: String) -> Duration {
            let clock = ContinuousClock()
            return (0..<3).map { _ in clock.measure { _ = composeJSON(text) } }.min() ?? .zero
        }
        func object(_ count: Int) -> String {
            "{" + (0..<count).map { "\"k\($0)\": [\($0)]" }.joined(separator: ",") + "}"
        }
        // Four times the entries take about four times as long; a copy of the entries
        // per entry would take sixteen times as long.
        let ratio = fastest(object(16_000)) / fastest(object(4_000))
        #expect(ratio < 10, "4× the entries took \(ratio)× as long")
        #expect(composeJSON(object(16_000)).root?.entries?.count == 16_000)
    }

    @Test func sizeAndTextAreCheckedBeforeJSON() {
        let limits = YAMLLimits(maxBytes: 8)
        let (_, large) = JSONComposer.compose(
            path: jsonPath, bytes: Array(#"{"a": 12345}"#.utf8), limits: limits)
        #expect(codes(large) == [.fileTooLarge])
        let (_, notText) = JSONComposer.compose(path: jsonPath, bytes: [0x7B, 0xFF, 0x7D])
        #expect(codes(notText) == [.notText])
        let (file, bom) = JSONComposer.compose(
            path: jsonPath, bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(bom.root?["a"]?.scalar?.span.start == at(1, 7))
        #expect(file?.text == #"{"a": 1}"#)
    }

    @Test func theSyntaxOfAFileIsItsExtension() {
        #expect(SourceSyntax(fileName: "answers.json") == .json)
        #expect(SourceSyntax(fileName: "ANSWERS.JSON") == .json)
        #expect(SourceSyntax(fileName: "answers.yaml") == .yaml)
        #expect(SourceSyntax(fileName: "answers") == .yaml)
        #expect(SourceSyntax(fileName: "json") == .yaml)
    }
}

struct JSONComposerScalarTests {
    @Test func stringsAreDoubleQuotedTextWithEscapesDecoded() {
        #expect(scalar(#"{"a": "true"}"#)?.style == .doubleQuoted)
        #expect(scalar(#"{"a": "a\/b"}"#)?.value == "a/b")
        #expect(scalar(#"{"a": "\u4e2d\u6587"}"#)?.value == "中文")
        #expect(scalar(#"{"a": "\"\\\b\f\n\r\t"}"#)?.value == "\"\\\u{8}\u{C}\n\r\t")
        #expect(scalar(#"{"a": "\u0000"}"#)?.value == "\u{0}")
    }

    @Test func aSurrogatePairIsOneCharacter() {
        let value = scalar(#"{"a": "\ud83d\ude00!"}"#)
        #expect(value?.value == "😀!")
        #expect(value?.span == SourceSpan(file: jsonPath, start: at(1, 7), end: at(1, 22)))
    }

    @Test func halfASurrogatePairIsNotACharacter() {
        let high = finding(#"{"a": "\ud83d x"}"#)
        #expect(high?.code == .jsonSyntax)
        #expect(high?.start == at(1, 8))
        #expect(high?.end == at(1, 14))
        #expect(high?.en == "‘\\uD83D’ is half of a character (a UTF-16 surrogate) without its other half")
        #expect(finding(#"{"a": "\ude00"}"#)?.start == at(1, 8))
        #expect(finding(#"{"a": "\ud83d\u0041"}"#)?.code == .jsonSyntax)
    }

    @Test func trueFalseAndNullArePlainWords() {
        #expect(
            scalar(#"{"a": true}"#)
                == YAMLScalar(
                    value: "true", style: .plain,
                    span: SourceSpan(file: jsonPath, start: at(1, 7), end: at(1, 11))))
        #expect(scalar(#"{"a": false}"#)?.value == "false")
        #expect(scalar(#"{"a": null}"#)?.isNull == true)
    }

    @Test func yamlWordsAreNotJSON() {
        #expect(finding(#"{"a": yes}"#)?.en == "‘yes’ is not a JSON value")
        #expect(finding(#"{"a": yes}"#)?.start == at(1, 7))
        #expect(finding(#"{"a": yes}"#)?.end == at(1, 10))
        #expect(finding(#"{"a": ~}"#)?.en == "‘~’ is not a JSON value")
        #expect(finding(#"{"a": True}"#)?.code == .jsonSyntax)
        #expect(finding(#"{"a": NULL}"#)?.code == .jsonSyntax)
        #expect(finding(#"{"a": NaN}"#)?.code == .jsonSyntax)
        #expect(finding(#"{"a": trueish}"#)?.en == "‘trueish’ is not a JSON value")
        let hint = composeJSON(#"{"a": yes}"#).diagnostics.first?.hint
        #expect(hint?.en.contains("true and false") == true)
        #expect(hint?.zh.contains("true") == true)
    }

    @Test func numbersKeepTheirDigits() {
        #expect(scalar(#"{"a": 9007199254740993}"#)?.value == "9007199254740993")
        #expect(scalar(#"{"a": 123456789012345678901234567890}"#)?.value == "123456789012345678901234567890")
        #expect(scalar(#"{"a": -0}"#)?.value == "-0")
        #expect(scalar(#"{"a": 12.50}"#)?.value == "12.50")
        #expect(scalar(#"{"a": 1}"#)?.style == .plain)
    }

    @Test func anExponentIsWrittenOut() {
        #expect(scalar(#"{"a": 1e3}"#)?.value == "1000")
        #expect(scalar(#"{"a": 1E+3}"#)?.value == "1000")
        #expect(scalar(#"{"a": 2.5e-1}"#)?.value == "0.25")
        #expect(scalar(#"{"a": 1.50e1}"#)?.value == "15.0")
        #expect(scalar(#"{"a": -5e-3}"#)?.value == "-0.005")
        #expect(scalar(#"{"a": 0e5}"#)?.value == "0")
        #expect(scalar(#"{"a": 10e-1}"#)?.value == "1.0")
        #expect(scalar(#"{"a": 9.007199254740993e15}"#)?.value == "9007199254740993")
        #expect(scalar(#"{"a": 1e3}"#)?.span == SourceSpan(file: jsonPath, start: at(1, 7), end: at(1, 10)))
        #expect(scalar(#"{"a": 1e1000}"#)?.value.count == 1001)
        #expect(finding(#"{"a": 1e1001}"#)?.en == "the exponent of this number is beyond ±1000")
        #expect(finding(#"{"a": 1e99999999999999999999}"#)?.code == .jsonSyntax)
    }

    @Test func numbersJSONDoesNotHaveAreFound() {
        #expect(finding(#"{"a": 012}"#)?.en == "a JSON number does not start with 0 unless it is 0")
        #expect(finding(#"{"a": +1}"#)?.start == at(1, 7))
        #expect(finding(#"{"a": .5}"#)?.code == .jsonSyntax)
        #expect(finding(#"{"a": 1.}"#)?.start == at(1, 9))
        #expect(finding(#"{"a": 1e}"#)?.en == "a digit is expected here in the number")
        #expect(finding(#"{"a": -}"#)?.start == at(1, 8))
    }
}

struct JSONComposerSyntaxTests {
    @Test func trailingCommasAreFound() {
        let object = finding(#"{"a": 1,}"#)
        #expect(object?.en == "a comma right before ‘}’ is not allowed in JSON")
        #expect(object?.start == at(1, 9))
        #expect(finding("[1, 2,\n]")?.start == at(2, 1))
    }

    @Test func commentsAreFound() {
        #expect(finding("{\"a\": 1 // note\n}")?.en == "JSON has no comments")
        #expect(finding("{\"a\": 1 // note\n}")?.start == at(1, 9))
        #expect(finding("# note\n{}")?.en == "JSON has no comments")
        #expect(finding("{} /* end */")?.en == "JSON has no comments")
        #expect(finding("{/* x */}")?.en == "JSON has no comments")
    }

    @Test func keysAreTextInDoubleQuotes() {
        #expect(finding("{a: 1}")?.en == "the key ‘a’ is not in double quotes")
        #expect(finding("{'a': 1}")?.en == "JSON text is written in double quotes, not single quotes")
        #expect(finding(#"{"a": 'x'}"#)?.start == at(1, 7))
        #expect(finding("{1: 2}")?.en == "expected a key in double quotes, found ‘1’")
        #expect(finding(#"{"a" 1}"#)?.en == "expected ‘:’ after the key, found ‘1’")
    }

    @Test func missingCommasAndUnclosedCollectionsAreFound() {
        let missing = finding("{\"a\": 1\n \"b\": 2}")
        #expect(missing?.en == "expected ‘,’ or ‘}’ after the value, found ‘\"’")
        #expect(missing?.start == at(2, 2))
        let unclosed = composeJSON("[1, {\"a\": 2}")
        #expect(
            unclosed.diagnostics.first?.message.en
                == "expected ‘,’ or ‘]’ after the value, found the end of the text")
        #expect(unclosed.diagnostics.first?.notes.first?.span.start == at(1, 1))
    }

    @Test func stringsMustBeClosedOnTheirLine() {
        #expect(finding(#"{"a": "x}"#)?.en == "this text in double quotes is never closed")
        #expect(finding(#"{"a": "x}"#)?.start == at(1, 7))
        let broken = composeJSON("{\"a\": \"x\ny\"}")
        #expect(broken.diagnostics.first?.message.en == "a line break inside text in double quotes")
        #expect(broken.diagnostics.first?.span.start == at(1, 9))
        #expect(broken.diagnostics.first?.notes.first?.span.start == at(1, 7))
        #expect(
            finding("{\"a\": \"x\ty\"}")?.en == "a control character (U+0009) inside text in double quotes")
        #expect(finding(#"{"a": "\x"}"#)?.en == "‘\\x’ is not an escape JSON knows")
        #expect(finding(#"{"a": "\u12"}"#)?.en == "‘\\u’ must be followed by four hexadecimal digits")
    }

    @Test func oneValueAndNothingElse() {
        #expect(finding("")?.en == "the text holds no JSON value")
        #expect(finding(" \n\t")?.start == at(2, 2))
        #expect(finding("{} {}")?.en == "more text follows the JSON value")
        #expect(finding("{} {}")?.start == at(1, 4))
        #expect(finding(#"{"a": }"#)?.en == "expected a JSON value, found ‘}’")
        #expect(finding(#"{"a": 1"#)?.en == "expected ‘,’ or ‘}’ after the value, found the end of the text")
    }

    @Test func everyProblemHasAChineseMessageAndHint() {
        let texts = [
            "", "{a: 1}", "{'a': 1}", #"{"a": yes}"#, #"{"a": 1,}"#, "[1 2]", #"{"a": "\x"}"#, #"{"a": 012}"#,
            #"{"a": 1e1001}"#, "{} x", "// c", #"{"a" 1}"#, #"{"a": "\ud800"}"#, #"{"a": "x"#,
        ]
        for text in texts {
            let d = composeJSON(text).diagnostics.first
            #expect(d?.code == .jsonSyntax, "\(text)")
            #expect(d?.message.zh.isEmpty == false && d?.hint?.zh.isEmpty == false, "\(text)")
        }
    }
}
