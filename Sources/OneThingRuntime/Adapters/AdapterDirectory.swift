/// Which adapter serves which department: configuration, never part of a bundle.
public struct AdapterDirectory: Sendable {
    /// Adapters by department id.
    public var byDepartment: [String: any DepartmentAdapter]
    /// The adapter of every other department.
    public var fallback: any DepartmentAdapter
    /// The service that provides fetched materials (电子证照, 数据共享), if one is
    /// configured. Without one nothing is fetched or recorded, and fetched materials
    /// count as in hand, as before the service existed.
    public var materials: (any MaterialService)?

    /// Creates a directory.
    public init(
        byDepartment: [String: any DepartmentAdapter] = [:], fallback: any DepartmentAdapter,
        materials: (any MaterialService)? = nil
    ) {
        self.byDepartment = byDepartment
        self.fallback = fallback
        self.materials = materials
    }

    /// The adapter of `department`.
    public func adapter(for department: String) -> any DepartmentAdapter {
        byDepartment.isEmpty ? fallback : byDepartment[department] ?? fallback
    }
}
