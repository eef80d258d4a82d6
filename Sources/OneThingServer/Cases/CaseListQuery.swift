import Hummingbird
import OneThing
import OneThingPresentation
import OneThingRuntime

/// The query of `GET /v1/cases`: `status` (`open` or `closed`), `department` (cases with
/// an unfinished step there), `dueBy` (open cases promised by the end of that day, a date
/// such as `2026-03-20`), `overdue=true` (open cases whose promise has passed), `limit`
/// (1–500, default 50) and `cursor` (the `next` of the previous page).
struct CaseListQuery: Sendable {
    /// The query as the store takes it.
    var store: CaseQuery

    /// The most cases a page may have.
    static let largestPage = 500

    /// Reads the query parameters; other parameters (`lang`) are left to others.
    init(now: Timestamp, parameters: (String) -> String?) throws(Problem) {
        var query = CaseQuery(limit: 50)
        if let status = parameters("status") {
            switch status {
            case "open": query.open = true
            case "closed": query.open = false
            default:
                throw Self.invalid(
                    "status", status, expected: .init(en: "open or closed", zh: "open 或 closed"))
            }
        }
        if let department = parameters("department") {
            guard !department.isEmpty else {
                throw Self.invalid("department", "", expected: .init(en: "a department id", zh: "部门标识"))
            }
            query.department = department
        }
        if let dueBy = parameters("dueBy") {
            guard let date = CalendarDate(dueBy) else {
                throw Self.invalid(
                    "dueBy", dueBy, expected: .init(en: "a date such as 2026-03-20", zh: "日期，如 2026-03-20"))
            }
            query.dueBy = WorkdayCalendar.end(of: date)
        }
        if let overdue = parameters("overdue") {
            switch overdue {
            case "true": query.dueBy = min(query.dueBy ?? now, now)
            case "false": break
            default:
                throw Self.invalid(
                    "overdue", overdue, expected: .init(en: "true or false", zh: "true 或 false"))
            }
        }
        if let limit = parameters("limit") {
            guard let number = Int(limit), (1...Self.largestPage).contains(number) else {
                throw Self.invalid(
                    "limit", limit,
                    expected: .init(
                        en: "a whole number from 1 to \(Self.largestPage)",
                        zh: "1 到 \(Self.largestPage) 之间的整数"))
            }
            query.limit = number
        }
        if let cursor = parameters("cursor") {
            guard !cursor.isEmpty else {
                throw Self.invalid(
                    "cursor", "", expected: .init(en: "the next of a previous page", zh: "上一页返回的 next"))
            }
            query.after = cursor
        }
        store = query
    }

    static func invalid(_ name: String, _ value: String, expected: LocalizedText) -> Problem {
        Problem(
            .invalidParameter,
            en: "the query parameter \(name) takes \(expected.en), not '\(value)'",
            zh: "查询参数 \(name) 应为\(expected.zh)，而不是“\(value)”", members: ["parameter": name])
    }
}

/// `GET /v1/cases`: a page of cases (as `onething case list --format json` lists them)
/// and the cursor of the next page, `null` on the last.
struct CaseList: Encodable {
    var cases: [CaseSummaryRow]
    var next: CaseID?

    enum CodingKeys: CodingKey { case cases, next }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cases, forKey: .cases)
        try container.encode(next, forKey: .next)
    }
}
