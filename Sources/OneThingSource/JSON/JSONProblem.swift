// What can be wrong with JSON text, in plain words. The people who send answers as
// JSON are programmers, but the same findings reach the staff who read them, so
// every problem says what was found and how to write it instead.

/// One way in which text is not JSON, for an OT111 finding.
enum JSONProblem: Hashable, Sendable {
    /// The text holds no value at all.
    case empty
    /// A value was expected; `found` is the character there (`nil` at the end).
    case expectedValue(found: String?)
    /// A word that is not `true`, `false` or `null` (`yes`, `True`, `NaN`, `~`).
    case notAValue(String)
    /// Text in single quotes.
    case singleQuote
    /// A comment (`//`, `/*` or `#`).
    case comment
    /// A number that starts with `+` or `.`.
    case numberSign
    /// A key was expected; `found` is the character there.
    case expectedKey(found: String?)
    /// A key written without quotes.
    case unquotedKey(String)
    /// A colon was expected after a key.
    case expectedColon(found: String?)
    /// A comma or the closing bracket was expected after a value.
    case expectedCommaOrClose(close: Character, found: String?)
    /// A comma right before a closing bracket.
    case trailingComma(close: Character)
    /// A string that is not closed before the end of the text.
    case unclosedString
    /// A line break inside a string.
    case lineBreakInString
    /// A control character inside a string.
    case controlCharacter(UInt8)
    /// An escape that JSON does not have, as written (`\x`).
    case badEscape(String)
    /// `\u` not followed by four hexadecimal digits.
    case badUnicodeEscape
    /// Half of a surrogate pair, as its four hexadecimal digits.
    case loneSurrogate(String)
    /// A number with a leading zero (`012`).
    case leadingZero
    /// A digit was expected in a number.
    case digitExpected
    /// An exponent beyond ``JSONParser/maxExponent``.
    case exponentTooLarge
    /// More text after the one value.
    case textAfterValue

    /// What is wrong.
    var message: LocalizedText {
        switch self {
        case .empty:
            return .init(en: "the text holds no JSON value", zh: "文本中没有 JSON 值")
        case .expectedValue(let found):
            return .init(
                en: "expected a JSON value, found \(Self.shown(found).en)",
                zh: "此处应为一个 JSON 值，却是\(Self.shown(found).zh)")
        case .notAValue(let word):
            return .init(en: "‘\(word)’ is not a JSON value", zh: "“\(word)”不是 JSON 值")
        case .singleQuote:
            return .init(
                en: "JSON text is written in double quotes, not single quotes", zh: "JSON 的文字要用双引号，不能用单引号")
        case .comment:
            return .init(en: "JSON has no comments", zh: "JSON 中不能写注释")
        case .numberSign:
            return .init(en: "a JSON number does not start with ‘+’ or ‘.’", zh: "JSON 数字不能以“+”或“.”开头")
        case .expectedKey(let found):
            return .init(
                en: "expected a key in double quotes, found \(Self.shown(found).en)",
                zh: "此处应为用双引号括起的键，却是\(Self.shown(found).zh)")
        case .unquotedKey(let word):
            return .init(
                en: "the key ‘\(word)’ is not in double quotes", zh: "键“\(word)”没有用双引号括起来")
        case .expectedColon(let found):
            return .init(
                en: "expected ‘:’ after the key, found \(Self.shown(found).en)",
                zh: "键后面应为“:”，却是\(Self.shown(found).zh)")
        case .expectedCommaOrClose(let close, let found):
            return .init(
                en: "expected ‘,’ or ‘\(close)’ after the value, found \(Self.shown(found).en)",
                zh: "值后面应为“,”或“\(close)”，却是\(Self.shown(found).zh)")
        case .trailingComma(let close):
            return .init(
                en: "a comma right before ‘\(close)’ is not allowed in JSON", zh: "JSON 中“\(close)”前不能有逗号")
        case .unclosedString:
            return .init(en: "this text in double quotes is never closed", zh: "这段双引号中的文字没有结束")
        case .lineBreakInString:
            return .init(en: "a line break inside text in double quotes", zh: "双引号中的文字里有换行")
        case .controlCharacter(let byte):
            return .init(
                en: "a control character (U+\(JSONParser.hex(UInt32(byte)))) inside text in double quotes",
                zh: "双引号中的文字里有控制字符（U+\(JSONParser.hex(UInt32(byte)))）")
        case .badEscape(let written):
            return .init(en: "‘\(written)’ is not an escape JSON knows", zh: "“\(written)”不是 JSON 的转义写法")
        case .badUnicodeEscape:
            return .init(
                en: "‘\\u’ must be followed by four hexadecimal digits", zh: "“\\u”后面应为四位十六进制数字")
        case .loneSurrogate(let digits):
            return .init(
                en: "‘\\u\(digits)’ is half of a character (a UTF-16 surrogate) without its other half",
                zh: "“\\u\(digits)”只是一个字符的一半（UTF-16 代理项），缺少另一半")
        case .leadingZero:
            return .init(
                en: "a JSON number does not start with 0 unless it is 0", zh: "JSON 数字除 0 本身外不能以 0 开头")
        case .digitExpected:
            return .init(en: "a digit is expected here in the number", zh: "数字的这里应为一位数字")
        case .exponentTooLarge:
            return .init(
                en: "the exponent of this number is beyond ±\(JSONParser.maxExponent)",
                zh: "这个数的指数超出了 ±\(JSONParser.maxExponent)")
        case .textAfterValue:
            return .init(en: "more text follows the JSON value", zh: "JSON 值之后还有其他内容")
        }
    }

    /// How to write it instead.
    var hint: LocalizedText {
        switch self {
        case .empty:
            return .init(
                en: "write one JSON value, such as an object: {\"key\": value}",
                zh: "请写一个 JSON 值，例如对象：{\"键\": 值}")
        case .expectedValue:
            return .init(
                en:
                    "a value is an object {…}, a list […], text in double quotes, a number, true, false or null",
                zh: "值可以是对象 {…}、列表 […]、双引号中的文字、数字、true、false 或 null")
        case .notAValue(let word):
            return Self.wordHint(word)
        case .singleQuote:
            return .init(en: "write the text as \"…\"", zh: "请写成 \"…\"")
        case .comment:
            return .init(en: "remove the comment", zh: "请删除注释")
        case .numberSign, .digitExpected:
            return .init(
                en: "JSON numbers look like 12, -3, 0.5 or 1e3", zh: "JSON 数字的写法如 12、-3、0.5 或 1e3")
        case .expectedKey, .unquotedKey:
            return .init(
                en: "each key of a JSON object is text in double quotes: {\"key\": value}",
                zh: "JSON 对象的每个键都是双引号中的文字：{\"键\": 值}")
        case .expectedColon:
            return .init(
                en: "write a colon between a key and its value: \"key\": value", zh: "键和值之间要有冒号：\"键\": 值")
        case .expectedCommaOrClose(let close, _):
            return close == "}"
                ? .init(
                    en: "separate the entries of an object with commas and close it with ‘}’",
                    zh: "对象的各项之间用逗号分隔，并以“}”结束")
                : .init(
                    en: "separate the elements of a list with commas and close it with ‘]’",
                    zh: "列表的各项之间用逗号分隔，并以“]”结束")
        case .trailingComma:
            return .init(en: "remove the last comma", zh: "请删除最后一个逗号")
        case .unclosedString:
            return .init(en: "end the text with a double quote ‘\"’", zh: "请用双引号“\"”结束这段文字")
        case .lineBreakInString:
            return .init(
                en: "close the quotes before the end of the line, or write the line break as \\n",
                zh: "请在行尾前结束引号，或把换行写成 \\n")
        case .controlCharacter:
            return .init(
                en: "write it as an escape such as \\t or \\u0009, or remove it",
                zh: "请写成转义形式（如 \\t 或 \\u0009），或删除它")
        case .badEscape:
            return .init(
                en:
                    "JSON's escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\",
                zh: "JSON 的转义只有 \\\" \\\\ \\/ \\b \\f \\n \\r \\t 和 \\uXXXX；反斜杠本身要写成 \\\\")
        case .badUnicodeEscape:
            return .init(
                en: "write a character as \\u and four digits, such as \\u4E2D",
                zh: "请用 \\u 加四位数字表示字符，如 \\u4E2D")
        case .loneSurrogate:
            return .init(
                en: "write both halves, such as \\uD83D\\uDE00, or the character itself",
                zh: "请写出两半，如 \\uD83D\\uDE00，或直接写出该字符")
        case .leadingZero:
            return .init(
                en: "remove the leading zeros; a code such as \"012\" is text and goes in double quotes",
                zh: "请去掉开头的 0；“012”这样的编号是文字，应加双引号")
        case .exponentTooLarge:
            return .init(
                en: "write the number in decimals, such as 1000 for 1e3", zh: "请直接写出十进制数，如把 1e3 写成 1000")
        case .textAfterValue:
            return .init(
                en: "JSON text holds one value: remove what follows, or put the values in one object or list",
                zh: "JSON 文本只能有一个值：请删除后面的内容，或把多个值放进一个对象或列表")
        }
    }

    /// The hint for a word that is not JSON: YAML's booleans and nulls, other spellings,
    /// numbers JSON does not have, and text without quotes.
    private static func wordHint(_ word: String) -> LocalizedText {
        switch word.lowercased() {
        case "true", "false", "yes", "no", "on", "off", "y", "n":
            return .init(
                en:
                    "JSON's booleans are true and false, in lower case; text goes in double quotes: \"\(word)\"",
                zh: "JSON 的布尔值只有小写的 true 和 false；文字要加双引号：\"\(word)\"")
        case "null", "none", "nil", "undefined", "~":
            return .init(en: "JSON writes ‘no value’ as null, in lower case", zh: "JSON 中“无值”写作小写的 null")
        case "nan", "infinity", "inf":
            return .init(en: "JSON numbers are finite, such as 12 or 0.5", zh: "JSON 数字必须是有限数，如 12 或 0.5")
        default:
            return .init(en: "text goes in double quotes: \"\(word)\"", zh: "文字要加双引号：\"\(word)\"")
        }
    }

    /// `‘x’`, or `the end of the text`, for messages.
    private static func shown(_ found: String?) -> LocalizedText {
        guard let found else { return .init(en: "the end of the text", zh: "文本结尾") }
        return .init(en: "‘\(found)’", zh: "“\(found)”")
    }
}
