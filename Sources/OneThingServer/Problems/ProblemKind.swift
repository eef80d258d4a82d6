import HTTPTypes
import OneThing

/// A kind of problem the API answers with: a stable `type` (`urn:onething:problem:SLUG`),
/// an HTTP status and a title in Chinese and English. The one table of them is
/// ``all``: the OpenAPI document lists the same slugs (a test compares them), so a
/// client can match `type` and never the prose.
public struct ProblemKind: Sendable, Hashable {
    /// The slug that ends the type: `unknown-bundle`.
    public let slug: String
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The title, the same for every problem of the kind.
    public let title: LocalizedText

    /// A kind of problem.
    public init(_ slug: String, _ status: HTTPResponse.Status, en: String, zh: String) {
        self.slug = slug
        self.status = status
        self.title = LocalizedText(en: en, zh: zh)
    }

    /// The problem type, an RFC 9457 `type` URI: `urn:onething:problem:unknown-bundle`.
    public var type: String { Self.typePrefix + slug }

    /// What every type starts with.
    public static let typePrefix = "urn:onething:problem:"

    public static func == (lhs: ProblemKind, rhs: ProblemKind) -> Bool { lhs.slug == rhs.slug }
    public func hash(into hasher: inout Hasher) { hasher.combine(slug) }
}

extension ProblemKind {
    // MARK: The request

    /// The body is not JSON (RFC 8259); the finding names line and column.
    public static let malformedJSON = ProblemKind(
        "malformed-json", .badRequest, en: "The request body is not valid JSON", zh: "请求体不是有效的 JSON")
    /// The body is JSON of the wrong shape: an unknown or missing field, a value of the wrong type.
    public static let invalidRequest = ProblemKind(
        "invalid-request", .unprocessableContent, en: "The request body does not fit this operation",
        zh: "请求体的内容不符合要求")
    /// A query parameter or a header has a value the operation does not take.
    public static let invalidParameter = ProblemKind(
        "invalid-parameter", .badRequest, en: "A parameter has a value this operation does not take",
        zh: "参数的值不符合要求")
    /// The body is larger than the server takes.
    public static let payloadTooLarge = ProblemKind(
        "payload-too-large", .contentTooLarge, en: "The request body is too large", zh: "请求体过大")
    /// The body is not of a media type the operation takes.
    public static let unsupportedMediaType = ProblemKind(
        "unsupported-media-type", .unsupportedMediaType,
        en: "The request body is of a media type not accepted here",
        zh: "请求体的媒体类型不受支持")
    /// The client sent the request too slowly.
    public static let requestTimeout = ProblemKind(
        "request-timeout", .requestTimeout, en: "The request was not received in time", zh: "请求接收超时")
    /// No route has this path.
    public static let notFound = ProblemKind(
        "not-found", .notFound, en: "Nothing is found at this address", zh: "未找到所请求的资源")
    /// The path exists, but not with this method.
    public static let methodNotAllowed = ProblemKind(
        "method-not-allowed", .methodNotAllowed, en: "This address does not take this method",
        zh: "该地址不支持此请求方法")

    // MARK: Who may

    /// No credentials, or credentials that are not valid (unknown, expired).
    public static let unauthorized = ProblemKind(
        "unauthorized", .unauthorized, en: "Sign-in is required", zh: "需要身份认证")
    /// The principal may not do this.
    public static let forbidden = ProblemKind(
        "forbidden", .forbidden, en: "You may not do this", zh: "无权执行此操作")

    // MARK: Idempotency

    /// The idempotency key was used before for another request.
    public static let idempotencyKeyReused = ProblemKind(
        "idempotency-key-reused", .unprocessableContent,
        en: "The Idempotency-Key was used for a different request", zh: "该幂等键已用于另一个不同的请求")
    /// A request with the same idempotency key is still being answered.
    public static let idempotencyKeyInUse = ProblemKind(
        "idempotency-key-in-use", .conflict, en: "A request with this Idempotency-Key is still in progress",
        zh: "使用该幂等键的请求仍在处理中")

    // MARK: Bundles and answers

    /// The body names a bundle the server does not serve.
    public static let unknownBundle = ProblemKind(
        "unknown-bundle", .unprocessableContent, en: "No such bundle is served", zh: "没有这个一件事")
    /// The answers do not fit the bundle's form (the findings say where).
    public static let answersInvalid = ProblemKind(
        "answers-invalid", .unprocessableContent, en: "The answers do not fit the bundle's form",
        zh: "答案不符合一件事的申请表")
    /// The answers fit the form, but do not meet the bundle's eligibility rules: the
    /// applicant is not eligible, and the findings (OT807) give each rule's own reason.
    public static let notEligible = ProblemKind(
        "not-eligible", .unprocessableContent, en: "The applicant is not eligible for this bundle",
        zh: "申请人不符合该一件事的申请条件")
    /// Reloading found bundles with errors; nothing changed.
    public static let reloadRefused = ProblemKind(
        "reload-refused", .unprocessableContent, en: "The bundles were not reloaded: some have errors",
        zh: "一件事未重新加载：部分文件有错误")

    // MARK: Cases and tasks

    /// The case is delivered: nothing more happens to it.
    public static let caseClosed = ProblemKind(
        "case-closed", .conflict, en: "The case is closed", zh: "案件已办结")
    /// The step does not wait for this (a decision, a supplement).
    public static let stepNotWaiting = ProblemKind(
        "step-not-waiting", .conflict, en: "The step is not waiting for this", zh: "该环节当前不等待此操作")
    /// The case does not wait for this deferred material.
    public static let materialNotAwaited = ProblemKind(
        "material-not-awaited", .conflict, en: "The case does not wait for this material",
        zh: "案件不在等待这份材料")
    /// A refusal or a supplement request without a reason.
    public static let reasonRequired = ProblemKind(
        "reason-required", .unprocessableContent, en: "A reason is required", zh: "需要填写理由")
    /// The task is not claimed, or claimed by someone else, or its lease has run out.
    public static let taskNotClaimed = ProblemKind(
        "task-not-claimed", .conflict, en: "The task is not claimed by you", zh: "该任务未由您认领")
    /// The task was cancelled or withdrawn: it takes no decision.
    public static let taskCancelled = ProblemKind(
        "task-cancelled", .conflict, en: "The task was cancelled", zh: "该任务已撤销")
    /// The task was decided already, otherwise.
    public static let taskDecided = ProblemKind(
        "task-decided", .conflict, en: "The task was decided already", zh: "该任务已作出决定")

    // MARK: The server and its store

    /// The store is locked or cannot be reached now; try again.
    public static let storeUnavailable = ProblemKind(
        "store-unavailable", .serviceUnavailable, en: "The case store is unavailable; try again shortly",
        zh: "案件库暂时不可用，请稍后重试")
    /// The store's disk is full: nothing was written.
    public static let storeFull = ProblemKind(
        "store-full", HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"),
        en: "The case store is full; nothing was written",
        zh: "案件库已满，未写入任何内容")
    /// The store failed otherwise (damaged, read-only): nothing was written.
    public static let storeFailed = ProblemKind(
        "store-failed", .internalServerError, en: "The case store failed; nothing was written",
        zh: "案件库出错，未写入任何内容")
    /// The server has not yet taken over the store's open cases.
    public static let notReady = ProblemKind(
        "not-ready", .serviceUnavailable, en: "The server is starting and not ready yet", zh: "服务正在启动，尚未就绪")
    /// The server is shutting down and takes no new work.
    public static let shuttingDown = ProblemKind(
        "shutting-down", .serviceUnavailable, en: "The server is shutting down", zh: "服务正在停止")
    /// Something the server did not expect.
    public static let internalError = ProblemKind(
        "internal-error", .internalServerError, en: "The server failed unexpectedly", zh: "服务器内部错误")

    /// A department's callback whose signature is missing, wrong, or outside the window.
    public static let callbackSignatureInvalid = ProblemKind(
        "callback-signature-invalid", .unauthorized, en: "The callback's signature does not hold",
        zh: "回调签名无效")
    /// A department's callback whose id was used before for another body.
    public static let callbackReplayed = ProblemKind(
        "callback-replayed", .conflict, en: "The callback id was used before", zh: "回调标识已被使用")
    /// A department's answer on a task that no longer waits for it.
    public static let taskNotCurrent = ProblemKind(
        "task-not-current", .conflict, en: "The task no longer waits for an answer", zh: "该任务已不再等待答复")

    /// Every kind, in the order the OpenAPI document lists them.
    public static let all: [ProblemKind] = [
        malformedJSON, invalidRequest, invalidParameter, payloadTooLarge, unsupportedMediaType,
        requestTimeout,
        notFound, methodNotAllowed, unauthorized, forbidden, idempotencyKeyReused, idempotencyKeyInUse,
        unknownBundle, answersInvalid, notEligible, reloadRefused, caseClosed, stepNotWaiting,
        materialNotAwaited,
        reasonRequired, taskNotClaimed, taskCancelled, taskDecided, storeUnavailable, storeFull, storeFailed,
        notReady, shuttingDown, internalError, callbackSignatureInvalid, callbackReplayed, taskNotCurrent,
    ]
}
