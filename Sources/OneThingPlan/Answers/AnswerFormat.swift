import OneThingConditions
import OneThingModel
import OneThingSource

/// The formats of identity numbers that a text answer must follow.
enum AnswerFormat {
    /// The smallest magnitude a number answer cannot have: 2^53, beyond which a
    /// `Double` no longer holds every whole number, so 9007199254740993 would be read
    /// as 9007199254740992 without a word.
    static let exactLimit = 9_007_199_254_740_992.0

    /// Why `value` is not a valid answer of `field`'s format, or `nil` when it is.
    static func problem(with value: ConditionValue, for field: FormField) -> LocalizedText? {
        if case .number(let number) = value, abs(number) >= exactLimit {
            return .init(
                en: "numbers of 2^53 (9007199254740992) or more cannot be read exactly; "
                    + "the largest is 9007199254740991",
                zh: "绝对值达到 2^53（9007199254740992）的数无法精确读取；最大为 9007199254740991")
        }
        guard case .text(let text) = value else { return nil }
        switch field.type {
        case .idNumber: return idNumberProblem(text)
        case .creditCode: return creditCodeProblem(text)
        case .phone: return phoneProblem(text)
        default: return nil
        }
    }

    /// Why a number answer that is not a number as the bundle format writes numbers was
    /// refused, when the reason is one a person would not guess: a leading `+` (numbers
    /// take only a `-`). `nil` for the other refusals, which the expected type explains.
    static func numberProblem(_ node: YAMLNode, for field: FormField) -> LocalizedText? {
        guard field.type == .integer || field.type == .number, let scalar = node.scalar,
            scalar.value.first == "+", YAMLScalar.isDecimalNumber(String(scalar.value.dropFirst()))
        else { return nil }
        let unsigned = scalar.value.dropFirst()
        return .init(
            en: "a number takes no '+' sign (only '-' for a negative number); write \(unsigned)",
            zh: "数字前不写“+”号（负数才写“-”）；请写为 \(unsigned)")
    }

    /// A mainland resident identity number (GB 11643-1999): 17 digits and a check
    /// character (a digit or X) computed with weights 2^(17-i) mod 11.
    static func idNumberProblem(_ text: String) -> LocalizedText? {
        let chars = Array(text.uppercased())
        let digits = chars.prefix(17).compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard chars.count == 18, digits.count == 17, chars[17].isASCII, chars[17].isNumber || chars[17] == "X"
        else {
            return .init(
                en: "an identity number has 18 characters: 17 digits and a digit or X",
                zh: "身份证号应为18位：17位数字加1位数字或X")
        }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = Array("10X98765432")[sum % 11]
        guard check == chars[17] else {
            return .init(
                en:
                    "the check character of this identity number is wrong (expected \(check)): a digit may be mistyped",
                zh: "身份证号校验位不正确（应为 \(check)），可能有数字输错")
        }
        return nil
    }

    /// A unified social credit code (GB 32100-2015): 18 characters of 0-9 and A-Z
    /// without I, O, S, V, Z, the last a check character mod 31.
    static func creditCodeProblem(_ text: String) -> LocalizedText? {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let chars = Array(text.uppercased())
        let codes = chars.compactMap { c in alphabet.firstIndex(of: c) }
        guard chars.count == 18, codes.count == chars.count else {
            return .init(
                en:
                    "a unified social credit code has 18 characters of digits and capital letters (no I, O, S, V, Z)",
                zh: "统一社会信用代码应为18位数字或大写字母（不含 I、O、S、V、Z）")
        }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(codes[..<17], weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = alphabet[(31 - sum % 31) % 31]
        guard check == chars[17] else {
            return .init(
                en:
                    "the check character of this credit code is wrong (expected \(check)): a character may be mistyped",
                zh: "统一社会信用代码校验位不正确（应为 \(check)），可能有字符输错")
        }
        return nil
    }

    /// A telephone number: digits, optionally with a leading + and - or spaces between groups.
    static func phoneProblem(_ text: String) -> LocalizedText? {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let allowed = text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == " " || $0 == "+" }
        guard allowed, (7...15).contains(digits.count) else {
            return .init(
                en: "a telephone number has 7 to 15 digits, such as 13800138000 or 0531-12345678",
                zh: "电话号码应为7到15位数字，如 13800138000 或 0531-12345678")
        }
        return nil
    }
}
