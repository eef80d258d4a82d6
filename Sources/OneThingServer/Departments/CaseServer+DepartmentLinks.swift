import OneThingDepartmentHTTP
import OneThingPages

extension CaseServer {
    /// The departments' systems connected over HTTP as their breakers stand, for the
    /// supervisor's dashboard.
    var departmentLinks: [SupervisorDashboard.DepartmentLink] {
        linked.map { adapter in
            let breaker = adapter.breaker
            let state: SupervisorDashboard.DepartmentLink.Breaker =
                switch breaker.state {
                case .closed: .closed
                case .open: .open
                case .halfOpen: .halfOpen
                }
            return SupervisorDashboard.DepartmentLink(
                department: adapter.department, breaker: state, failuresInRow: breaker.failuresInRow,
                escalations: adapter.escalations)
        }
    }
}
