import OneThingCalendar
import OneThingSource

// The findings of the model stage about the shape of a file: keys, types, values.

extension Diagnostic {
    /// A key this place does not know, with the closest known key as a suggestion.
    public static func unknownKey(_ key: YAMLScalar, in what: LocalizedText, known: [String]) -> Diagnostic {
        let match = Suggestion.closest(to: key.value, among: known)
        let hint =
            match.map(Suggestion.hint(for:))
            ?? LocalizedText(
                en: "known keys here: \(known.joined(separator: ", "))",
                zh: "此处可用的键：\(known.joined(separator: "、"))")
        return Diagnostic(
            code: .unknownKey, severity: .error, span: key.span,
            message: .init(
                en: "unknown key '\(key.value)' in \(what.en)", zh: "\(what.zh)中有未知的键“\(key.value)”"),
            hint: hint,
            fixes: match.flatMap { DiagnosticFix.rewrite(key.span, value: key.value, as: $0) }.map { [$0] }
                ?? [])
    }

    /// A misspelt key, read as the known key `intended`.
    static func misspeltKey(_ key: YAMLScalar, in what: LocalizedText, readAs intended: String) -> Diagnostic
    {
        Diagnostic(
            code: .unknownKey, severity: .error, span: key.span,
            message: .init(
                en: "unknown key '\(key.value)' in \(what.en); it was read as '\(intended)'",
                zh: "\(what.zh)中有未知的键“\(key.value)”，已按“\(intended)”读取"),
            hint: .init(en: "write '\(intended)'", zh: "请改为“\(intended)”"),
            fixes: DiagnosticFix.rewrite(key.span, value: key.value, as: intended).map { [$0] } ?? [])
    }

    /// A required key is missing.
    public static func missingKey(_ key: String, in what: LocalizedText, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .missingKey, severity: .error, span: span,
            message: .init(
                en: "\(what.en) is missing the required key '\(key)'", zh: "\(what.zh)缺少必填的键“\(key)”"),
            hint: .init(en: "add '\(key): …'", zh: "请补上“\(key): …”"))
    }

    /// A required key is present but has no value.
    static func missingValue(_ key: YAMLScalar, in what: LocalizedText) -> Diagnostic {
        Diagnostic(
            code: .missingKey, severity: .error, span: key.span,
            message: .init(
                en: "'\(key.value)' in \(what.en) has no value", zh: "\(what.zh)中的“\(key.value)”没有填写值"),
            hint: .init(en: "write the value after '\(key.value): '", zh: "请在“\(key.value): ”后填写值"))
    }

    /// A value of the wrong kind of node.
    public static func wrongType(_ node: YAMLNode, expected: LocalizedText) -> Diagnostic {
        let found = node.kindName
        return Diagnostic(
            code: .wrongType, severity: .error, span: node.span,
            message: .init(
                en: "expected \(expected.en), found \(found.en)", zh: "此处应为\(expected.zh)，实际是\(found.zh)"))
    }

    /// A scalar where `true` or `false` is required.
    static func notABool(_ s: YAMLScalar) -> Diagnostic {
        let yesLike = ["yes", "y", "on", "是", "对", "真", "1"].contains(s.value.lowercased())
        let noLike = ["no", "n", "off", "否", "不", "假", "0"].contains(s.value.lowercased())
        let quoted = s.style != .plain && (s.value == "true" || s.value == "false")
        let hint: LocalizedText =
            quoted
            ? .init(en: "remove the quotes: \(s.value)", zh: "请去掉引号：\(s.value)")
            : yesLike
                ? .init(en: "write true", zh: "请写 true")
                : noLike
                    ? .init(en: "write false", zh: "请写 false")
                    : .init(en: "write true or false", zh: "请写 true 或 false")
        return Diagnostic(
            code: .wrongType, severity: .error, span: s.span,
            message: .init(
                en: "expected true or false, found '\(s.value)'", zh: "此处应为 true 或 false，实际是“\(s.value)”"),
            hint: hint)
    }

    /// A scalar where a number is required.
    static func notANumber(_ s: YAMLScalar, integer: Bool) -> Diagnostic {
        let what: LocalizedText =
            integer ? .init(en: "a whole number", zh: "整数") : .init(en: "a number", zh: "数字")
        let quotedNumber = s.style != .plain && NodeReader.decimal(s.value) != nil
        return Diagnostic(
            code: .wrongType, severity: .error, span: s.span,
            message: .init(
                en: "expected \(what.en), found '\(s.value)'", zh: "此处应为\(what.zh)，实际是“\(s.value)”"),
            hint: quotedNumber
                ? .init(en: "remove the quotes: \(s.value)", zh: "请去掉引号：\(s.value)")
                : integer
                    ? .init(en: "write a whole number in digits, such as 150", zh: "请用数字写整数，如 150")
                    : .init(en: "write digits only, such as 150 or 12.5", zh: "请只写数字，如 150 或 12.5"))
    }

    /// A scalar where a date is required.
    static func notADate(_ s: YAMLScalar) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(en: "'\(s.value)' is not a date", zh: "“\(s.value)”不是有效日期"),
            hint: .init(
                en: "write a date that exists as YYYY-MM-DD, such as 2025-10-01",
                zh: "请按 YYYY-MM-DD 写一个真实存在的日期，如 2025-10-01"))
    }

    /// A scalar where a time limit is required.
    static func badDuration(_ s: YAMLScalar) -> Diagnostic {
        let text = s.value.trimmingWhitespace()
        let bare = NodeReader.decimal(text) != nil
        // A misspelt unit after a number: `1 workdya` → `1 workday`.
        let number = String(text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") })
        let unit = String(text.dropFirst(number.count)).trimmingWhitespace()
        if NodeReader.decimal(number) != nil, !unit.isEmpty,
            let closest = Suggestion.closest(to: unit, among: TimeLimit.unitSpellings)
        {
            return Diagnostic(
                code: .badDuration, severity: .error, span: s.span,
                message: .init(
                    en: "'\(s.value)' is not a time limit: the unit '\(unit)' is not known",
                    zh: "“\(s.value)”不是可识别的时限：单位“\(unit)”无法识别"),
                hint: .init(
                    en: "did you mean '\(number) \(closest)'?",
                    zh: "是否应为“\(number) \(closest)”？"))
        }
        return Diagnostic(
            code: .badDuration, severity: .error, span: s.span,
            message: bare
                ? .init(en: "the time limit '\(s.value)' has no unit", zh: "时限“\(s.value)”缺少单位")
                : .init(en: "'\(s.value)' is not a time limit", zh: "“\(s.value)”不是可识别的时限"),
            hint: .init(
                en:
                    "write a number and a unit: 3 workdays, 10 days, 4 hours, 1 month (or 3个工作日, 10日, 4小时, 1个月)",
                zh: "请写数字加单位：3个工作日、10日、4小时、1个月（或 3 workdays、10 days）"))
    }

    /// A time limit longer than any calendar: a slip of the keyboard, never a promise.
    static func durationTooLong(_ s: YAMLScalar) -> Diagnostic {
        let largest = DecimalText.trimmed(TimeLimit.largestAmount, places: 0)
        return Diagnostic(
            code: .badDuration, severity: .error, span: s.span,
            message: .init(
                en: "the time limit '\(s.value)' is longer than any calendar", zh: "时限“\(s.value)”超出任何日历的范围"),
            hint: .init(
                en:
                    "a time limit is at most \(largest) of its unit (about ten thousand years); check the number",
                zh: "时限最多为 \(largest) 个单位（约一万年），请检查数字"))
    }

    /// Which kind of identifier a check was about.
    enum IdentifierKind {
        case id
        case field
    }

    /// A name that is not a valid identifier.
    static func badIdentifier(_ s: YAMLScalar, kind: IdentifierKind) -> Diagnostic {
        switch kind {
        case .id:
            let suggestion = Diagnostic.kebab(s.value)
            return Diagnostic(
                code: .badIdentifier, severity: .error, span: s.span,
                message: .init(en: "'\(s.value)' is not a valid id", zh: "“\(s.value)”不是有效的标识"),
                hint: .init(
                    en: "ids are lowercase English words joined by '-'"
                        + (suggestion.map { ", such as '\($0)'" } ?? ", such as 'food-permit'"),
                    zh: "标识由小写英文单词和“-”组成"
                        + (suggestion.map { "，如“\($0)”" } ?? "，如“food-permit”")))
        case .field:
            return Diagnostic(
                code: .badIdentifier, severity: .error, span: s.span,
                message: .init(en: "'\(s.value)' is not a valid field id", zh: "“\(s.value)”不是有效的字段标识"),
                hint: .init(
                    en: "a field id is names of letters, digits and '_' joined by '.', such as venue.area_m2",
                    zh: "字段标识由字母、数字、下划线组成的名称用“.”连接，如 venue.area_m2 或 逝者.死亡地点"))
        }
    }

    /// A value that is not one of the allowed choices.
    static func notAChoice(_ s: YAMLScalar, what: LocalizedText, choices: [String]) -> Diagnostic {
        let list = choices.joined(separator: ", ")
        return Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(en: "'\(s.value)' is not a valid \(what.en)", zh: "“\(s.value)”不是有效的\(what.zh)"),
            hint: Suggestion.hint(for: s.value, among: choices).map {
                LocalizedText(en: "\($0.en) (one of: \(list))", zh: "\($0.zh)（可选：\(list)）")
            } ?? .init(en: "one of: \(list)", zh: "可选：\(list)"))
    }

    /// `fallback:` on a material that is not fetched: nothing can fail to be fetched.
    static func fallbackWithoutFetch(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(
                en: "'fallback' only applies to a material with 'source: e-licence' or 'source: shared-data'",
                zh: "只有“source: e-licence”或“source: shared-data”的材料才能填写“fallback”"),
            hint: .init(
                en: "remove 'fallback', or give the material the source it is fetched from",
                zh: "请删去“fallback”，或写明该材料从哪里获取（e-licence 或 shared-data）"))
    }

    /// A fetched material that does not say what happens when the service cannot
    /// provide it (it falls back to paper: the applicant is asked to bring it).
    static func fallbackMissing(_ span: SourceSpan, what: LocalizedText) -> Diagnostic {
        Diagnostic(
            code: .fallbackMissing, severity: .warning, span: span,
            message: .init(
                en: "\(what.en) is fetched but does not say what happens when the service cannot provide it; "
                    + "the applicant will be asked to bring it (fallback: paper)",
                zh: "\(what.zh)通过系统获取，但未写明获取不到时怎么办；届时将请申请人提交纸质材料（fallback: paper）"),
            hint: .init(
                en:
                    "write 'fallback: paper', or 'fallback: {wait: 2 workdays}' to let the steps wait for the service",
                zh: "请写“fallback: paper”，或写“fallback: {wait: 2 workdays}”让相关事项等待系统提供"))
    }

    /// `fallback: wait` without a bound: a case could wait for ever.
    static func waitWithoutBound(_ s: YAMLScalar) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: s.span,
            message: .init(
                en: "'fallback: wait' needs a bound: how long the steps may wait for the service",
                zh: "“fallback: wait”需要写明最多等待多久"),
            hint: .init(
                en:
                    "write 'fallback: {wait: 2 workdays}', or 'fallback: paper' to ask the applicant to bring it",
                zh: "请写成“fallback: {wait: 2 workdays}”，或写“fallback: paper”请申请人提交纸质材料"))
    }

    /// Two entries of a list with the same name.
    public static func duplicateName(_ name: Located<String>, first: SourceSpan, what: LocalizedText)
        -> Diagnostic
    {
        Diagnostic(
            code: .duplicateName, severity: .error, span: name.span,
            message: .init(
                en: "\(what.en) '\(name.value)' is declared twice", zh: "\(what.zh)“\(name.value)”重复"),
            hint: .init(en: "give each one its own name", zh: "请为每一项取不同的名字"),
            notes: [DiagnosticNote(span: first, message: .init(en: "first declared here", zh: "第一次出现在这里"))])
    }

    /// A lowercase, dash-joined version of a name, if one can be made.
    static func kebab(_ text: String) -> String? {
        var out = ""
        var previousLower = false
        for c in text {
            if c.isASCII, c.isLetter || c.isNumber {
                if c.isUppercase, previousLower { out.append("-") }
                out.append(Character(c.lowercased()))
                previousLower = c.isLowercase || c.isNumber
            } else if c == "_" || c == " " || c == "-" || c == "." {
                if !out.isEmpty, out.last != "-" { out.append("-") }
                previousLower = false
            } else {
                return nil
            }
        }
        while out.last == "-" { out.removeLast() }
        return NodeReader.isID(out) ? out : nil
    }
}
