import OneThingEvents
import OneThingSource

/// What a caller asks to do, with the resource it is about: the case, or the
/// department whose tasks it concerns.
public enum AccessAction: Sendable, Hashable {
    /// List the bundles, read one with its form, validate or plan one (public
    /// information: the one-time notice of what to bring).
    case readBundles
    /// Add, replace or reload bundles.
    case manageBundles
    /// Create a case for an applicant.
    case createCase
    /// List cases; `department` when the list is of one department's cases.
    case listCases(department: String?)
    /// Read a case (state, timeline, events); `departments` are those with a step in it.
    case readCase(CaseID, departments: Set<String>)
    /// Act for the applicant of a case: supply a deferred material, answer a
    /// supplement request, withdraw.
    case actForApplicant(CaseID)
    /// Read the tasks waiting for a department.
    case readTasks(department: String)
    /// Claim (activate) tasks of a department.
    case claimTasks(department: String)
    /// Decide a claimed task of a department: approve, reject, request a supplement.
    case decideTask(department: String)
    /// Read the supervision figures (督办): open, due-soon and overdue tasks, on-time rates.
    case readSupervision
    /// Escalate a case (督办).
    case escalate(CaseID)

    /// The action in words, for refusals.
    var text: LocalizedText {
        switch self {
        case .readBundles: .init(en: "read bundles", zh: "查看事项")
        case .manageBundles: .init(en: "manage bundles", zh: "管理事项")
        case .createCase: .init(en: "create cases", zh: "创建办件")
        case .listCases(let department):
            department.map { .init(en: "list the cases of department \($0)", zh: "查看部门“\($0)”的办件列表") }
                ?? .init(en: "list all cases", zh: "查看全部办件列表")
        case .readCase(let id, _): .init(en: "read case \(id)", zh: "查看办件 \(id)")
        case .actForApplicant(let id): .init(en: "act for the applicant of case \(id)", zh: "代申请人办理办件 \(id)")
        case .readTasks(let department):
            .init(en: "read the tasks of department \(department)", zh: "查看部门“\(department)”的任务")
        case .claimTasks(let department):
            .init(en: "claim tasks of department \(department)", zh: "领取部门“\(department)”的任务")
        case .decideTask(let department):
            .init(en: "decide tasks of department \(department)", zh: "办理部门“\(department)”的任务")
        case .readSupervision: .init(en: "read the supervision figures", zh: "查看督办数据")
        case .escalate(let id): .init(en: "escalate case \(id)", zh: "督办办件 \(id)")
        }
    }
}
