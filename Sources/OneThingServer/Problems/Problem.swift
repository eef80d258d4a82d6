import Foundation
import HTTPTypes
import OneThing

/// A refusal of the API, answered as RFC 9457 problem details (`application/problem+json`):
/// its ``kind`` gives the stable `type`, the status and the title; the ``detail`` says
/// what was wrong with this request, in Chinese and English; bundle and answer
/// problems carry the same ``diagnostics`` the command line prints (code, file, line,
/// column, message, hint).
///
/// ```json
/// {"type": "urn:onething:problem:answers-invalid", "status": 422,
///  "title": "答案不符合一件事的申请表", "detail": "…",
///  "zh": {"title": "…", "detail": "…"}, "en": {"title": "…", "detail": "…"},
///  "diagnostics": [{"code": "OT802", "file": "request", "line": 1, "column": 52, …}]}
/// ```
public struct Problem: Error, Sendable {
    /// The kind: type, status and title.
    public var kind: ProblemKind
    /// What was wrong with this request.
    public var detail: LocalizedText
    /// Findings about a bundle or answers, as the command line prints them.
    public var diagnostics: [Diagnostic]
    /// Further members that say where or what (`caseId`, `step`, `status`).
    public var members: [String: String]
    /// Seconds after which trying again may succeed (`Retry-After`).
    public var retryAfter: Int?

    /// A problem of `kind` saying `detail`.
    public init(
        _ kind: ProblemKind, _ detail: LocalizedText, diagnostics: [Diagnostic] = [],
        members: [String: String] = [:],
        retryAfter: Int? = nil
    ) {
        self.kind = kind
        self.detail = detail
        self.diagnostics = diagnostics
        self.members = members
        self.retryAfter = retryAfter
    }

    /// A problem of `kind` whose detail is `en` and `zh`.
    public init(_ kind: ProblemKind, en: String, zh: String, members: [String: String] = [:]) {
        self.init(kind, LocalizedText(en: en, zh: zh), members: members)
    }

    /// The media type of problem details.
    public static let mediaType = "application/problem+json"

    /// The problem as JSON in `language` (title and detail), with both languages beside
    /// it; `instance` is the request's path.
    public func json(in language: Language, instance: String?) -> [UInt8] {
        let body = Body(
            type: kind.type, status: kind.status.code, title: kind.title.text(in: language),
            detail: detail.text(in: language), instance: instance,
            zh: .init(title: kind.title.zh, detail: detail.zh),
            en: .init(title: kind.title.en, detail: detail.en),
            diagnostics: diagnostics.isEmpty ? nil : diagnostics.map { JSONFinding($0, language: language) },
            members: members)
        do {
            return try JSONText.bytes(body)
        } catch {
            // Only text is encoded here, which always encodes; keep the type and status regardless.
            return Array(#"{"type":"\#(kind.type)","status":\#(kind.status.code)}"#.utf8)
        }
    }

    struct Body: Encodable {
        struct Texts: Encodable {
            var title: String
            var detail: String
        }
        var type: String
        var status: Int
        var title: String
        var detail: String
        var instance: String?
        var zh: Texts
        var en: Texts
        var diagnostics: [JSONFinding]?
        var members: [String: String]

        enum Key: CodingKey {
            case type, status, title, detail, instance, zh, en, diagnostics
            case member(String)

            var stringValue: String {
                switch self {
                case .type: "type"
                case .status: "status"
                case .title: "title"
                case .detail: "detail"
                case .instance: "instance"
                case .zh: "zh"
                case .en: "en"
                case .diagnostics: "diagnostics"
                case .member(let name): name
                }
            }
            init?(stringValue: String) { self = .member(stringValue) }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(type, forKey: .type)
            try container.encode(status, forKey: .status)
            try container.encode(title, forKey: .title)
            try container.encode(detail, forKey: .detail)
            try container.encodeIfPresent(instance, forKey: .instance)
            try container.encode(zh, forKey: .zh)
            try container.encode(en, forKey: .en)
            try container.encodeIfPresent(diagnostics, forKey: .diagnostics)
            for (name, value) in members.sorted(by: { $0.key < $1.key }) {
                try container.encode(value, forKey: .member(name))
            }
        }
    }
}
