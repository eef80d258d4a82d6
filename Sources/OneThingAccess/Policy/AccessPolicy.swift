import OneThingEvents
import OneThingSource

/// Who may do what, as pure functions of the caller and the action: the one place the
/// server asks, route by route.
///
/// | role | may |
/// |---|---|
/// | anyone, without a token | read bundles (public: the service guide and its one-time notice) |
/// | window staff | create cases, list and read every case, act for any applicant |
/// | officer, department system | read, claim and decide their own department's tasks; list their department's cases; read a case their department has a step in |
/// | supervisor | read every case, every department's tasks and the supervision figures; escalate |
/// | admin | manage bundles |
/// | applicant with the code | read their own case and act on it (answer a supplement, withdraw) |
///
/// Refusals: no credential or an unknown token is `unauthenticated` (401); a known
/// caller asking beyond their role or department is `forbidden` (403); an applicant
/// asking about any case but their own, or presenting a wrong code, is `notFound` (404),
/// so that nobody learns from a refusal that another case exists.
public enum AccessPolicy {
    /// Whether `caller` may do `action`.
    public static func decide(_ caller: Caller, _ action: AccessAction) -> AccessDecision {
        switch caller {
        case .anonymous:
            return action == .readBundles ? .allowed : .refused(.noCredential(action))
        case .unknownToken:
            return .refused(.unknownToken)
        case .wrongAccessCode:
            switch action {
            case .readBundles: return .allowed
            case .readCase, .actForApplicant: return .refused(.noSuchCase)
            default: return .refused(.noCredential(action))
            }
        case .applicant(let own):
            switch action {
            case .readBundles: return .allowed
            case .readCase(let id, _), .actForApplicant(let id):
                return id == own ? .allowed : .refused(.noSuchCase)
            default: return .refused(.applicantOnly(action))
            }
        case .principal(let principal):
            return decide(principal, action)
        }
    }

    /// ``decide(_:_:)``, throwing the refusal: for a handler that stops at it.
    public static func require(_ caller: Caller, _ action: AccessAction) throws(AccessRefusal) {
        if case .refused(let refusal) = decide(caller, action) { throw refusal }
    }

    static func decide(_ principal: Principal, _ action: AccessAction) -> AccessDecision {
        let allowed: Bool
        switch (principal.role, action) {
        case (_, .readBundles): allowed = true
        case (.window, .createCase), (.window, .listCases), (.window, .readCase), (.window, .actForApplicant):
            allowed = true
        case (.supervisor, .listCases), (.supervisor, .readCase), (.supervisor, .readTasks),
            (.supervisor, .readSupervision), (.supervisor, .escalate):
            allowed = true
        case (.admin, .manageBundles): allowed = true
        case (.officer, _), (.departmentSystem, _):
            return decideForDepartment(principal, action)
        default: allowed = false
        }
        return allowed ? .allowed : .refused(.notForRole(principal, action))
    }

    /// An officer's or department system's request: only about its own department.
    static func decideForDepartment(_ principal: Principal, _ action: AccessAction) -> AccessDecision {
        let own = principal.department
        switch action {
        case .readTasks(let department), .claimTasks(let department), .decideTask(let department),
            .listCases(department: .some(let department)):
            return department == own ? .allowed : .refused(.otherDepartment(principal, action))
        case .readCase(_, let departments):
            return own.map(departments.contains) == true
                ? .allowed : .refused(.otherDepartment(principal, action))
        default:
            return .refused(.notForRole(principal, action))
        }
    }
}

extension AccessRefusal {
    /// No credential, for an action that needs one.
    static func noCredential(_ action: AccessAction) -> AccessRefusal {
        AccessRefusal(
            .unauthenticated,
            .init(
                en: "to \(action.text.en), sign in: send 'Authorization: Bearer' with your token",
                zh: "\(action.text.zh)需要身份认证：请在“Authorization: Bearer”中提供令牌"))
    }

    /// A token that is nobody's.
    public static let unknownToken = AccessRefusal(
        .unauthenticated,
        .init(
            en:
                "the token is not valid (mistyped, or its principal was removed); ask the administrator for a new one",
            zh: "令牌无效（可能输错，或该身份已被删除），请向管理员申请新令牌"))

    /// A case the caller may not know of (another's, or a wrong access code).
    public static let noSuchCase = AccessRefusal(
        .notFound,
        .init(
            en: "no case with this number and access code; check both on the acceptance receipt",
            zh: "没有与此办件编号和查询码相符的办件，请核对受理回执上的编号和查询码"))

    /// An applicant asking for staff work.
    static func applicantOnly(_ action: AccessAction) -> AccessRefusal {
        AccessRefusal(
            .forbidden,
            .init(
                en:
                    "an applicant's access code reaches only their own case; a staff token is needed to \(action.text.en)",
                zh: "申请人的查询码只能查看本人办件；\(action.text.zh)需要工作人员令牌"))
    }

    /// A principal asking beyond their role.
    static func notForRole(_ principal: Principal, _ action: AccessAction) -> AccessRefusal {
        AccessRefusal(
            .forbidden,
            .init(
                en: "\(principal.id) is \(principal.role.title.en) and may not \(action.text.en)",
                zh: "\(principal.id) 的角色是\(principal.role.title.zh)，无权\(action.text.zh)"))
    }

    /// An officer or department system asking about another department.
    static func otherDepartment(_ principal: Principal, _ action: AccessAction) -> AccessRefusal {
        let own = principal.department ?? "-"
        return AccessRefusal(
            .forbidden,
            .init(
                en: "\(principal.id) works for department \(own) and may not \(action.text.en)",
                zh: "\(principal.id) 属于部门“\(own)”，无权\(action.text.zh)"))
    }
}
