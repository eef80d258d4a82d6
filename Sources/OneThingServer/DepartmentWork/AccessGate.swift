import Hummingbird
import OneThing
import OneThingAccess
import OneThingRuntime

/// Who makes a request and whether they may, for every route: the principals of the
/// server's principals file (`Authorization: Bearer ot_…`) and the applicants' access
/// codes (`X-Access-Code`, or `?code=` for a browser's event stream), asked through
/// OneThingAccess's ``OneThingAccess/AccessPolicy``.
///
/// A server without a principals file (``ServerConfiguration/principals`` `nil`: a
/// demonstration on loopback) lets every request through; its callers are anonymous.
struct AccessGate: Sendable {
    /// The principals, or `nil` when nothing is checked.
    let principals: PrincipalDirectory?
    /// Where the cases' access codes are kept.
    let store: any EventStore
    /// The engine, for the departments a case has steps at.
    let engine: Engine

    /// Whether requests are checked at all.
    var isGuarding: Bool { principals != nil }

    /// Who makes `request`: the principal of its bearer token; else, for a request
    /// about case `id`, the applicant whose access code it presents; else nobody.
    func caller(of request: Request, case id: CaseID?) async throws(Problem) -> Caller {
        let authorization = request.headers[.authorization]
        if authorization != nil || id == nil {
            return principals?.caller(authorization: authorization) ?? .anonymous
        }
        guard let id, let code = Self.accessCode(of: request) else { return .anonymous }
        do {
            return try await AccessCode.caller(presenting: code, for: id, in: store)
        } catch {
            throw Problem(error)
        }
    }

    /// The access code `request` presents: its `X-Access-Code` header, else its `code`
    /// query parameter (a browser's event stream cannot send a header).
    static func accessCode(of request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == "x-access-code" }?.value
            ?? request.uri.queryParameters["code"].map(String.init)
    }

    /// The caller of `request` when they may do `action` (about case `id`, if any).
    ///
    /// - Throws: ``Problem`` 401 (no or an unknown credential), 403 (beyond the caller's
    ///   role or department), 404 (another applicant's case), with the reason in both
    ///   languages.
    @discardableResult
    func require(_ action: AccessAction, of request: Request, case id: CaseID? = nil) async throws(Problem)
        -> Caller
    {
        let caller = try await caller(of: request, case: id)
        guard isGuarding else { return caller }
        do {
            try AccessPolicy.require(caller, action)
        } catch {
            throw Problem(error)
        }
        return caller
    }

    /// Who makes `request`, checked against the policy when it is one of the API's
    /// requests about bundles, cases or supervision (what ``AccessMiddleware`` does
    /// before every route). Health, readiness, metrics and the contract are open to
    /// anyone; the department routes check for themselves, since they need the caller
    /// as the worker. A server that checks nothing still tells an applicant with their
    /// code from anyone else (what they are shown depends on it).
    func check(_ request: Request) async throws(Problem) -> Caller {
        let parts = request.uri.path.split(separator: "/").map {
            String($0).removingPercentEncoding ?? String($0)
        }
        guard parts.first == "v1", parts.count >= 2 else { return .anonymous }
        guard isGuarding else {
            return parts[1] == "cases" && parts.count >= 3
                ? try await caller(of: request, case: parts[2]) : .anonymous
        }
        switch (parts[1], parts.count) {
        case ("bundles", _):
            return try await require(.readBundles, of: request)
        case ("admin", _):
            return try await require(.manageBundles, of: request)
        case ("supervision", _):
            return try await require(.readSupervision, of: request)
        case ("cases", 2):
            if request.method == .post {
                return try await require(.createCase, of: request)
            }
            let department = request.uri.queryParameters["department"].map(String.init)
            return try await require(.listCases(department: department), of: request)
        case ("cases", _):
            let id = parts[2]
            let caller = try await caller(of: request, case: id)
            let action: AccessAction =
                request.method == .get
                ? .readCase(id, departments: await departments(of: id, for: caller)) : .actForApplicant(id)
            do {
                try AccessPolicy.require(caller, action)
            } catch {
                throw Problem(error)
            }
            return caller
        default:
            return try await caller(of: request, case: nil)
        }
    }

    /// The departments with a step in case `id`, when `caller` is one whose access
    /// depends on them (an officer or a department system); empty for anyone else and
    /// for a case that cannot be read (the route answers for that).
    func departments(of id: CaseID, for caller: Caller) async -> Set<String> {
        guard case .principal(let principal) = caller, principal.role.hasDepartment else { return [] }
        do {
            return Set(try await engine.read(id).blueprint.steps.map(\.department))
        } catch {
            return []
        }
    }
}

/// Checks every request of the API against the ``AccessGate`` before its route runs,
/// and tells the route who the caller is (``ServerRequestContext/caller``).
struct AccessMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    /// The gate.
    let gate: AccessGate

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.caller = try await gate.check(request)
        return try await next(request, context)
    }
}

extension CaseServer {
    /// The gate of this server's principals.
    var accessGate: AccessGate {
        AccessGate(principals: configuration.principals, store: store, engine: engine)
    }
}
