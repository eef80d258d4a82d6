import OneThingCalendar
import OneThingSource

/// Reads a bundle's `deadlines:`: the applicant's own deadlines, by id.
enum DeadlineDecoder {
    /// The keys of a deadline.
    static let keys = ["name", "within", "from", "when", "basis"]

    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [ApplicantDeadline] {
        guard let entries = reader.table(node, what: .init(en: "deadlines", zh: "申请人期限")) else { return [] }
        return entries.compactMap { decode($0, reader: &reader) }
    }

    static func decode(_ entry: YAMLEntry, reader: inout NodeReader) -> ApplicantDeadline? {
        let id = reader.checkedID(entry.key)
        let what = LocalizedText(en: "deadline '\(entry.key.value)'", zh: "期限“\(entry.key.value)”")
        guard
            let f = reader.mapping(
                entry.value, what: what, owner: entry.key.span, known: keys,
                required: ["name", "within", "from", "basis"])
        else { return nil }
        let name = f["name"].flatMap { reader.text($0) }
        var within = f["within"].flatMap { reader.duration($0) }
        if let limit = within, limit.value.unit == .hours {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: limit.span,
                    message: .init(
                        en: "an applicant's deadline falls on a day: \(limit.value) is not a number of days",
                        zh: "申请人的期限以日计：\(limit.value.chineseDescription)不是天数"),
                    hint: .init(
                        en: "write it as the law does: 1 month, 30 days or 5 workdays",
                        zh: "请按法规原文写成 1个月、30日或 5个工作日")))
            within = nil
        }
        let from = f["from"].flatMap {
            reader.scalar($0, expected: .init(en: "a form field (a date)", zh: "表单字段（日期）"))
        }
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
        let basis = f["basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? []
        guard let id, let name, let within, let from, !basis.isEmpty else { return nil }
        return ApplicantDeadline(
            id: id, name: name, within: within, from: Located(from.value, at: from.span),
            when: when.map(ConditionSource.init), basis: basis, span: f.span)
    }
}
