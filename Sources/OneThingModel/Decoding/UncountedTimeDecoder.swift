import OneThingCalendar
import OneThingSource

/// Reads an item's `not-counted:`: the time its step takes that no limit counts, as one
/// mapping `{name, lasts | at-most, basis}` or a list of them.
enum UncountedTimeDecoder {
    /// The keys of one period.
    static let keys = ["name"] + UncountedTime.Bound.allCases.map(\.rawValue) + ["basis"]

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> [UncountedTime] {
        if case .mapping = node { return decodeOne(node, reader: &reader).map { [$0] } ?? [] }
        let what = LocalizedText(en: "time not counted", zh: "不计入办理时限的时间")
        return (reader.list(node, what: what) ?? []).compactMap { decodeOne($0, reader: &reader) }
    }

    static func decodeOne(_ node: YAMLNode, reader: inout NodeReader) -> UncountedTime? {
        let what = LocalizedText(en: "time not counted", zh: "不计入办理时限的时间")
        guard let f = reader.mapping(node, what: what, owner: node.span, known: keys, required: ["name"])
        else {
            return nil
        }
        let name = f["name"].flatMap { reader.text($0) }
        guard
            let key = reader.oneKey(
                of: UncountedTime.Bound.allCases.map(\.rawValue), in: f,
                missing: Diagnostic(
                    code: .missingKey, severity: .error, span: node.span,
                    message: .init(
                        en: "time not counted must say how long it takes: 'lasts' or 'at-most'",
                        zh: "不计入办理时限的时间必须写明期间：“lasts”或“at-most”"),
                    hint: .init(
                        en:
                            "a period the law fixes (公示) lasts: 20 days; time that may end sooner (专家评审) at-most: 15 workdays",
                        zh: "法规规定的固定期间（公示）写 lasts: 20日；可能提前结束的（专家评审）写 at-most: 15个工作日")),
                twice: { _, _, span in
                    Diagnostic(
                        code: .badValue, severity: .error, span: span,
                        message: .init(
                            en: "time not counted either lasts a fixed period or takes at most one, not both",
                            zh: "不计入办理时限的时间只能写“lasts”（固定期间）或“at-most”（最长期间）之一"),
                        hint: .init(
                            en:
                                "keep 'lasts' for a period that always runs its full length, 'at-most' for one that may end sooner",
                            zh: "期间总是届满才结束的保留“lasts”，可能提前结束的保留“at-most”"))
                }),
            let bound = UncountedTime.Bound(rawValue: key), let value = f[key]
        else { return nil }
        guard let period = reader.duration(value) else { return nil }
        let basis = f["basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? []
        let label = name ?? key
        if f["basis"] == nil {
            reader.report(
                Diagnostic(
                    code: .uncountedWithoutBasis, severity: .error, span: f.keySpan("name") ?? node.span,
                    message: .init(
                        en:
                            "'\(label)' is left out of the time limits, but no law that leaves it out is named",
                        zh: "“\(label)”不计入办理时限，但没有写明依据"),
                    hint: .init(
                        en:
                            "add basis: the law and article (行政许可法 第四十五条 for 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审); without one, count the time in 'promised:'",
                        zh:
                            "请用 basis: 写明法律法规及条款（听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审为行政许可法第四十五条）；没有依据的，请把这段时间计入“promised:”"
                    )))
        }
        if let problem = problem(with: period, label: label) { reader.report(problem) }
        guard let name, !basis.isEmpty else { return nil }
        return UncountedTime(name: name, period: period, bound: bound, basis: basis, span: f.span)
    }

    /// What is wrong with `period`, if anything: nothing, or more than a year.
    static func problem(with period: Located<TimeLimit>, label: String) -> Diagnostic? {
        let longest = UncountedTime.longestPeriod
        if period.value.amount <= 0 {
            return Diagnostic(
                code: .uncountedPeriodOutOfBounds, severity: .error, span: period.span,
                message: .init(
                    en: "'\(label)' is left out of the time limits, but it takes no time (\(period.value))",
                    zh: "“\(label)”不计入办理时限，但写的期间为零（\(period.value.chineseDescription)）"),
                hint: .init(
                    en:
                        "write how long it takes, as the law fixes it or at most; remove the entry if it takes no time",
                    zh: "请写明所需期间（法定期间或最长期间）；不占用时间的，请删去该条目"))
        }
        if period.value.workdayEquivalent > longest.workdayEquivalent {
            return Diagnostic(
                code: .uncountedPeriodOutOfBounds, severity: .error, span: period.span,
                message: .init(
                    en:
                        "'\(label)' is left out of the time limits for \(period.value), more than a year (\(longest)): every date the applicant is told would move that far",
                    zh:
                        "“\(label)”不计入办理时限的期间为\(period.value.chineseDescription)，超过一年（\(longest.chineseDescription)）：告知申请人的日期都会因此推后"
                ),
                hint: .init(
                    en:
                        "check the number and the unit against the law (days 日, working days 工作日, months 个月): a 公示 of 20日 is 'lasts: 20 days'",
                    zh: "请对照法规核对数字和单位（日、工作日、个月）：如公示期20日写 lasts: 20日"))
        }
        return nil
    }
}
