import OneThingEvents
import PostgresNIO

/// A ``CaseQuery`` as one SQL statement over the `cases` table, in the cases' order,
/// using the partial indices of open cases (by number, by promise) and, for a
/// department, the `case_departments` key in the cases' order.
struct PostgresCaseQuery {
    /// The statement.
    let statement: PostgresQuery

    /// The statement for `query`.
    init(_ query: CaseQuery) {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        func parameter(_ append: (inout PostgresBindings) -> Void) -> String {
            append(&bindings)
            return "$\(bindings.count)"
        }
        var from = "cases c"
        var order = "c.ordinal"
        if let department = query.department {
            // The department's rows in order, each case looked up by its key: the planner
            // would rather scan every open case and join, which grows with the open cases.
            from =
                "case_departments d CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.ordinal = d.ordinal OFFSET 0) c"
            order = "d.ordinal"
            conditions.append("d.department = " + parameter { $0.append(department) })
        }
        if let open = query.open { conditions.append(open ? "c.outcome IS NULL" : "c.outcome IS NOT NULL") }
        if let dueBy = query.dueBy {
            conditions.append(
                "c.outcome IS NULL AND c.promised_by <= onething_timestamp("
                    + parameter { $0.append(dueBy.milliseconds) } + ")")
        }
        if let after = query.after {
            let id = parameter { $0.append(after) }
            conditions.append(
                "\(order) > coalesce((SELECT ordinal FROM cases WHERE id = \(id)), (SELECT max(ordinal) FROM cases))"
            )
        }
        var sql = "SELECT \(PostgresRows.caseColumns) FROM \(from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY \(order)"
        if let limit = query.limit { sql += " LIMIT " + parameter { $0.append(Int64(max(limit, 0))) } }
        statement = PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
