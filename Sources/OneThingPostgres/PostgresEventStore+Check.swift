import NIOCore
import OneThingEvents
import PostgresNIO

extension PostgresEventStore {
    /// The full check of the store, reading only: the schema version and the event
    /// format, every event against its digest, every case's events without a gap,
    /// folding (``CaseState/check(_:)``) to its summary, events without a case, the
    /// department table against the summaries, and every blueprint against its
    /// fingerprint (``StoreCheckReport/checkFold(_:_:damaged:blueprints:)``, the rule
    /// the SQLite store's check applies too). Pages of PostgreSQL itself are the
    /// server's business (`pg_amcheck`, data checksums).
    ///
    /// It reads every case, a page of cases at a time.
    ///
    /// - Returns: The report; damage is a problem in it, not an error.
    /// - Throws: ``StoreError`` when the server cannot be read at all.
    public func check(pageSize: Int = 500) async throws(StoreError) -> StoreCheckReport {
        var report = StoreCheckReport(path: address.description)
        let logger = self.logger
        let address = self.address
        report.schemaVersion = try await withConnection("checking the store") { connection in
            try await connection.query("SELECT max(version) FROM schema_migrations", logger: logger)
                .decode(Int32?.self).collected().first.flatMap { $0 }.map(Int.init)
        }
        var blueprints: [String: CaseBlueprint] = [:]
        let stored = try await withConnection("reading the blueprints") { connection in
            try await connection.query("SELECT fingerprint, json FROM blueprints", logger: logger)
                .decode((String, String).self).collected()
        }
        for (fingerprint, json) in stored {
            do {
                blueprints[fingerprint] = try CaseBlueprint(storedJSON: json, fingerprint: fingerprint)
            } catch {
                report.add(.init(.blueprint, error.reason))
            }
        }
        report.blueprints = stored.count
        var after: Int64 = 0
        while true {
            let page = try await checkPage(
                after: after, size: pageSize, blueprints: blueprints, into: &report)
            guard let last = page else { break }
            after = last
        }
        let orphans = try await withConnection("looking for events without a case") { connection in
            try await connection.query(
                """
                SELECT e.case_id, count(*)::int8 FROM events e
                WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id AND c.case_month = e.case_month)
                GROUP BY e.case_id ORDER BY e.case_id
                """, logger: logger
            ).decode((String, Int64).self).collected()
        }
        for (id, count) in orphans {
            report.events += Int(count)
            report.add(
                .init(
                    .missingEvent, caseID: id,
                    "the store holds \(count) events of this case, but no summary of it"))
        }
        _ = address
        return report
    }

    /// Checks the cases numbered after `after`, `size` of them at most; returns the
    /// last number checked, `nil` when there were none.
    private func checkPage(
        after: Int64, size: Int, blueprints: [String: CaseBlueprint], into report: inout StoreCheckReport
    ) async throws(StoreError) -> Int64? {
        let logger = self.logger
        let address = self.address
        let rows = try await withConnection("reading the cases after number \(after)") { connection in
            var summaries: [(CaseSummary, StoredCase)] = []
            let rows = try await connection.query(
                """
                SELECT \(unescaped: PostgresRows.caseColumns) FROM cases c
                WHERE c.ordinal > \(after) ORDER BY c.ordinal LIMIT \(Int64(size))
                """, logger: logger)
            for try await row in rows { summaries.append(try PostgresRows.summary(row, address: address)) }
            let ids = summaries.map(\.0.id)
            var events: [(String, Int32, Int64, String, ByteBuffer, Int64)] = []
            var departments: [(Int64, String)] = []
            if !ids.isEmpty {
                events = try await connection.query(
                    """
                    SELECT e.case_id, e.sequence, onething_milliseconds(e.at), e.kind, e.payload, e.digest
                    FROM events e JOIN cases c ON c.id = e.case_id AND c.case_month = e.case_month
                    WHERE c.id = ANY(\(ids)::text[]) ORDER BY e.case_id, e.sequence
                    """, logger: logger
                ).decode((String, Int32, Int64, String, ByteBuffer, Int64).self).collected()
                departments = try await connection.query(
                    """
                    SELECT d.ordinal, d.department FROM case_departments d
                    WHERE d.ordinal > \(after) AND d.ordinal <= \(summaries.last?.1.ordinal ?? after)
                    """, logger: logger
                ).decode((Int64, String).self).collected()
            }
            return (summaries, events, departments)
        }
        let (summaries, eventRows, departmentRows) = rows
        guard let last = summaries.last?.1.ordinal else { return nil }
        var found: [CaseID: [CaseEvent]] = [:]
        var damaged: [CaseID: Set<Int>] = [:]
        for (id, sequence, at, name, payload, digest) in eventRows {
            do {
                found[id, default: []].append(
                    try EventCodec.event(
                        caseID: id, sequence: Int(sequence), at: Timestamp(milliseconds: at), name: name,
                        payload: Array(payload.readableBytesView), digest: UInt64(bitPattern: digest)))
            } catch {
                report.add(.init(.event, caseID: id, sequence: Int(sequence), error.reason))
                damaged[id, default: []].insert(Int(sequence))
            }
        }
        report.cases += summaries.count
        report.events += eventRows.count
        var byOrdinal: [Int64: CaseID] = [:]
        var bySummary: [CaseID: CaseSummary] = [:]
        for (summary, stored) in summaries {
            byOrdinal[stored.ordinal] = summary.id
            bySummary[summary.id] = summary
            report.checkFold(
                summary, found[summary.id], damaged: damaged[summary.id] ?? [], blueprints: blueprints)
        }
        var departments: [CaseID: Set<String>] = [:]
        for (ordinal, department) in departmentRows {
            departments[byOrdinal[ordinal] ?? "#\(ordinal)", default: []].insert(department)
        }
        report.checkDepartments(departments, summaries: bySummary)
        return last
    }
}
