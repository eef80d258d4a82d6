import OneThingSource

/// What a principal does at the service, and so what it may do: the roles of the
/// principals file (`grammar/principals-format.md`).
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// Window staff (综合窗口): create cases and act for the applicants they serve.
    case window
    /// A department's officer (部门审批人员): reads, claims and decides the tasks of
    /// their own department.
    case officer
    /// A department's own system (部门业务系统): pulls and decides the tasks of its
    /// department through the API, as an officer does by hand.
    case departmentSystem = "department-system"
    /// A supervisor (督办人员): reads everything and escalates; decides nothing.
    case supervisor
    /// An administrator (管理员): manages the bundles the service offers.
    case admin

    /// Whether a principal of this role belongs to one department (and must name it).
    public var hasDepartment: Bool { self == .officer || self == .departmentSystem }

    /// The role's name for people.
    public var title: LocalizedText {
        switch self {
        case .window: .init(en: "window staff", zh: "窗口人员")
        case .officer: .init(en: "department officer", zh: "部门审批人员")
        case .departmentSystem: .init(en: "department system", zh: "部门业务系统")
        case .supervisor: .init(en: "supervisor", zh: "督办人员")
        case .admin: .init(en: "administrator", zh: "管理员")
        }
    }

    /// The roles as the file writes them, for messages.
    public static var names: [String] { allCases.map(\.rawValue) }
}
