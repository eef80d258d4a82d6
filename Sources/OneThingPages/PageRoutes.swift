import OneThingRuntime

/// Every route the pages are served at, link to and post to, relative to the server
/// (no scheme, no host: the pages name no other site). The one place: the server
/// registers its page routes from the patterns here (``Pattern``) and the pages write
/// their links and forms with the functions here, so the two cannot disagree.
///
/// Pages (HTML, outside the JSON API's `/v1`):
///
/// - `GET  /sign-in`, `POST /sign-in` — a principal's token for a session cookie;
/// - `POST /sign-out` — ends the session;
/// - `GET  /cases/{id}?code=…` — the applicant's case page (the access code given at
///   creation); `GET /cases?id=…&code=…` (the look-up form) leads there;
/// - `GET  /departments/{department}/queue` — a department's work queue;
/// - `POST /departments/{department}/queue/claim` — claim the next waiting task;
/// - `POST /departments/{department}/queue/{task}/claim` — claim this waiting task;
/// - `POST /departments/{department}/queue/{task}/decision` — decide a claimed task,
///   form fields `outcome` (`approved`, `rejected` or `supplement`), `reason`
///   (required to reject), `missing` (required to ask for a supplement) and, with an
///   approval, `output.{id}` (the number of each document issued) and `result.{id}`
///   (the value of each result of the case it decided);
/// - `GET  /supervision` — the supervisor's dashboard.
///
/// The form posts are plain HTML forms (`application/x-www-form-urlencoded`) with a
/// field `csrf` (the session's form token); the server answers `303 See Other` back to
/// the queue page, with a message for it, or a page that says what went wrong.
///
/// The JSON API the pages call: `GET {prefix}/cases/{id}/events` — the case's events
/// as Server-Sent Events (`id:` the sequence, `event:` the kind's name, `data:` JSON),
/// with the applicant's query (the access code) on the applicant's page. The live
/// update also fetches the page's own address again, so that address serves the page anew.
///
/// Path segments are percent-encoded: a task's key (`C20260302-0001/food-permit/1`)
/// travels as one segment, its slashes as `%2F`.
public struct PageRoutes: Sendable, Hashable {
    /// The patterns of the page routes, parameters in braces, as a router takes them.
    public enum Pattern {
        /// The sign-in page and its form.
        public static let signIn = "/sign-in"
        /// Sign-out (a form post).
        public static let signOut = "/sign-out"
        /// The case look-up form's target (`?id=…&code=…`).
        public static let caseLookUp = "/cases"
        /// The applicant's case page.
        public static let casePage = "/cases/{id}"
        /// A department's work queue.
        public static let queue = "/departments/{department}/queue"
        /// Claim the next waiting task of a department (a form post).
        public static let claim = "/departments/{department}/queue/claim"
        /// Claim a chosen waiting task of a department (a form post).
        public static let claimTask = "/departments/{department}/queue/{task}/claim"
        /// Decide a claimed task (a form post).
        public static let decision = "/departments/{department}/queue/{task}/decision"
        /// The supervisor's dashboard.
        public static let supervision = "/supervision"
    }

    /// The API's prefix: `/v1`.
    public var prefix: String
    /// A query the applicant's links carry (the access code given at creation, as the
    /// server names it: `code=…`), already encoded; `nil` when the server knows the
    /// applicant otherwise.
    public var applicantQuery: String?

    /// Routes with the API under `prefix`.
    public init(prefix: String = "/v1", applicantQuery: String? = nil) {
        self.prefix = prefix
        self.applicantQuery = applicantQuery
    }

    /// The case's event stream (the JSON API).
    public func events(of id: CaseID) -> String { applicant("\(prefix)/cases/\(Self.segment(id))/events") }

    /// The applicant's page of case `id`.
    public func casePage(of id: CaseID) -> String { applicant(Self.fill(Pattern.casePage, ["id": id])) }

    /// The work queue page of `department`.
    public func queue(of department: String) -> String {
        Self.fill(Pattern.queue, ["department": department])
    }

    /// Where a department claims its next waiting task.
    public func claim(department: String) -> String { Self.fill(Pattern.claim, ["department": department]) }

    /// Where a department claims the waiting task with `key`.
    public func claim(_ key: String, department: String) -> String {
        Self.fill(Pattern.claimTask, ["department": department, "task": key])
    }

    /// Where a department decides a task it claimed.
    public func decision(_ key: String, department: String) -> String {
        Self.fill(Pattern.decision, ["department": department, "task": key])
    }

    /// The sign-in page.
    public var signIn: String { Pattern.signIn }
    /// Where a session ends.
    public var signOut: String { Pattern.signOut }
    /// The supervisor's dashboard.
    public var supervision: String { Pattern.supervision }

    func applicant(_ path: String) -> String {
        guard let applicantQuery, !applicantQuery.isEmpty else { return path }
        return path + "?" + applicantQuery
    }

    /// `pattern` with each `{name}` replaced by its value in `values`, as one segment.
    public static func fill(_ pattern: String, _ values: [String: String]) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
            guard part.hasPrefix("{"), part.hasSuffix("}"),
                let value = values[String(part.dropFirst().dropLast())]
            else { return String(part) }
            return segment(value)
        }.joined(separator: "/")
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
