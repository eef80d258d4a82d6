import OneThingRuntime

/// The server's routes the pages link to and post to, relative to the server (no
/// scheme, no host: the pages name no other site). One place, so the server and the
/// pages agree:
///
/// - `GET  {prefix}/cases/{id}/events` — the case's events as Server-Sent Events
///   (`id:` the sequence, `event:` the kind's name, `data:` JSON);
/// - `GET  {prefix}/cases/{id}/notice` — the case's one-time notice (一次性告知书) as HTML;
/// - `POST {prefix}/departments/{department}/tasks/{key}/claim` — claim a task;
/// - `POST {prefix}/departments/{department}/tasks/{key}/decision` — decide a claimed
///   task, form fields `outcome` (`approved`, `rejected` or `supplement`), `reason`
///   (required to reject), `missing` (required to ask for a supplement) and `outputs`
///   (once for each output issued with an approval).
///
/// The two `POST`s are plain HTML forms: `application/x-www-form-urlencoded`, with a
/// field `csrf` when the page was given a form token; the server answers `303 See Other`
/// back to the queue page (or a page that says what went wrong). With the applicant's
/// query (the access code), `events` and `notice` carry it; the live update also
/// fetches the page's own address again, so that address must serve the page anew.
///
/// The pages themselves are mounted where the server chooses;
/// `scripts/render-pages.sh` serves them at `/cases/{id}`,
/// `/departments/{department}/queue` and `/supervision`.
///
/// Path segments are percent-encoded: a task's key (`C20260302-0001/food-permit/1`)
/// travels as one segment, its slashes as `%2F`.
public struct PageRoutes: Sendable, Hashable {
    /// The API's prefix: `/v1`.
    public var prefix: String
    /// A query the applicant's links carry (the access code given at creation, as the
    /// server names it: `code=…`), already encoded; `nil` when the server knows the
    /// applicant otherwise (a cookie).
    public var applicantQuery: String?

    /// Routes under `prefix`.
    public init(prefix: String = "/v1", applicantQuery: String? = nil) {
        self.prefix = prefix
        self.applicantQuery = applicantQuery
    }

    /// The case's event stream.
    public func events(of id: CaseID) -> String { applicant("\(prefix)/cases/\(Self.segment(id))/events") }

    /// The case's one-time notice.
    public func notice(of id: CaseID) -> String { applicant("\(prefix)/cases/\(Self.segment(id))/notice") }

    /// Where a department claims a task.
    public func claim(_ key: String, department: String) -> String {
        task(key, department: department) + "/claim"
    }

    /// Where a department decides a task.
    public func decision(_ key: String, department: String) -> String {
        task(key, department: department) + "/decision"
    }

    func task(_ key: String, department: String) -> String {
        "\(prefix)/departments/\(Self.segment(department))/tasks/\(Self.segment(key))"
    }

    func applicant(_ path: String) -> String {
        guard let applicantQuery, !applicantQuery.isEmpty else { return path }
        return path + "?" + applicantQuery
    }

    /// `text` as one path segment: every character but the unreserved ones
    /// (`A–Z a–z 0–9 - . _ ~`) percent-encoded as UTF-8.
    public static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
