import OneThingCalendar
import OneThingSource

/// Reads an item's `legal:`: a time limit, `none` (the law sets none), or a mapping
/// with the limit's real shape: on the spot first, an extension on stated grounds.
enum LegalLimitDecoder {
    /// The keys of `legal:` written as a mapping.
    static let keys = ["limit", "on-the-spot", "extendable-by", "extendable-to", "grounds"]

    /// The word that says the law sets no limit.
    static let none = "none"

    /// The limit that binds every case, and the terms besides it.
    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> (Located<TimeLimit>?, LegalTerms) {
        if case .scalar(let s) = node, s.value.trimmingWhitespace() == none {
            return (nil, LegalTerms(noneByLaw: s.span))
        }
        guard case .mapping = node else { return (reader.duration(node), LegalTerms()) }
        let what = LocalizedText(en: "the legal limit", zh: "法定时限")
        guard let f = reader.mapping(node, what: what, owner: node.span, known: keys, required: ["limit"])
        else {
            return (nil, LegalTerms())
        }
        let limit = f["limit"].flatMap { reader.duration($0) }
        var terms = LegalTerms(onTheSpot: f["on-the-spot"].flatMap { reader.bool($0) } ?? false)
        if terms.onTheSpot, let limit, limit.value.amount == 0 {
            reader.report(
                badValue(
                    at: limit.span,
                    en: "'on-the-spot: true' with a limit of on the spot says the same thing twice",
                    zh: "写了“on-the-spot: true”，时限又是当场办结，前后重复",
                    hintEN:
                        "write the limit for when the item cannot be done on the spot (不能当场办结的): 3 workdays",
                    hintZH: "“limit”请写不能当场办结时的时限，如 3个工作日"))
        }
        let by = f["extendable-by"].flatMap { reader.duration($0) }
        let to = f["extendable-to"].flatMap { reader.duration($0) }
        let grounds = f["grounds"].flatMap { reader.text($0) }
        if by != nil, to != nil, let second = f.keySpan("extendable-to") {
            reader.report(
                badValue(
                    at: second,
                    en: "the legal limit is extendable by a time or to a time, not both",
                    zh: "法定时限的延长只能写“extendable-by”（延长多少）或“extendable-to”（延长至多少）之一",
                    hintEN:
                        "write 'extendable-by: 3 workdays' for 可以延长3个工作日, or 'extendable-to: 30 days' for 可以延长至30日",
                    hintZH: "“可以延长3个工作日”写 extendable-by: 3个工作日；“可以延长至30日”写 extendable-to: 30日"))
        }
        let reach: Located<LimitExtension.Reach>? =
            by.map { Located(.by($0.value), at: $0.span) } ?? to.map { Located(.to($0.value), at: $0.span) }
        if let reach, let limit, let problem = problem(with: reach, limit: limit) {
            reader.report(problem)
        }
        switch (reach, grounds) {
        case (let reach?, let grounds?):
            terms.allowedExtension = LimitExtension(reach: reach, grounds: grounds)
        case (_?, nil) where f["grounds"] == nil:
            reader.report(
                Diagnostic(
                    code: .missingKey, severity: .error, span: node.span,
                    message: .init(
                        en: "the legal limit is extendable, but 'grounds:' does not say when",
                        zh: "法定时限写了可以延长，但没有用“grounds:”写明延长的条件"),
                    hint: .init(
                        en: "write the grounds as the law states them: grounds: 情形复杂的，经负责人批准",
                        zh: "请按法规原文写明条件，如 grounds: 情形复杂的，经负责人批准")))
        case (nil, _?):
            if let key = f.keySpan("grounds") {
                reader.report(
                    badValue(
                        at: key,
                        en: "'grounds:' says when the limit may be extended, but no extension is written",
                        zh: "写了延长条件“grounds:”，却没有写可以延长多少",
                        hintEN: "add 'extendable-by:' or 'extendable-to:', or remove 'grounds:'",
                        hintZH: "请补写“extendable-by:”或“extendable-to:”，或删去“grounds:”"))
            }
        default: break
        }
        return (limit, terms)
    }

    /// What is wrong with an extension of `limit`, if anything.
    static func problem(with reach: Located<LimitExtension.Reach>, limit: Located<TimeLimit>) -> Diagnostic? {
        switch reach.value {
        case .by(let more) where more.amount == 0:
            return badValue(
                at: reach.span, en: "an extension by nothing is no extension", zh: "延长0不是延长",
                hintEN: "write how much longer the law allows, or remove 'extendable-by:'",
                hintZH: "请写法规允许延长的时间，或删去“extendable-by:”")
        case .by(let more) where more.unit != limit.value.unit:
            return badValue(
                at: reach.span,
                en: "the extension (\(more)) is written in another unit than the limit (\(limit.value))",
                zh: "延长时间（\(more.chineseDescription)）与时限（\(limit.value.chineseDescription)）的单位不同",
                hintEN: "write both in the unit the law uses: working days (工作日) or calendar days (日)",
                hintZH: "请按法规原文使用同一单位：工作日或日")
        case .to(let total)
        where total.unit != limit.value.unit || total.amount <= limit.value.amount:
            return badValue(
                at: reach.span,
                en:
                    "the limit extended to \(total) must be longer than the limit of \(limit.value), in the same unit",
                zh: "延长至的时限（\(total.chineseDescription)）必须与原时限（\(limit.value.chineseDescription)）单位相同且更长",
                hintEN: "for 可以延长3个工作日 write 'extendable-by: 3 workdays'",
                hintZH: "“可以延长3个工作日”请写 extendable-by: 3个工作日")
        default:
            return nil
        }
    }

    private static func badValue(
        at span: SourceSpan, en: String, zh: String, hintEN: String, hintZH: String
    ) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span, message: .init(en: en, zh: zh),
            hint: .init(en: hintEN, zh: hintZH))
    }
}
