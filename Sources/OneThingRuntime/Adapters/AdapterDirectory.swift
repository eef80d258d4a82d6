/// Which adapter serves which department: configuration, never part of a bundle.
public struct AdapterDirectory: Sendable {
    /// Adapters by department id.
    public var byDepartment: [String: any DepartmentAdapter]
    /// The adapter of every other department.
    public var fallback: any DepartmentAdapter

    /// Creates a directory.
    public init(byDepartment: [String: any DepartmentAdapter] = [:], fallback: any DepartmentAdapter) {
        self.byDepartment = byDepartment
        self.fallback = fallback
    }

    /// The adapter of `department`.
    public func adapter(for department: String) -> any DepartmentAdapter {
        byDepartment.isEmpty ? fallback : byDepartment[department] ?? fallback
    }
}
