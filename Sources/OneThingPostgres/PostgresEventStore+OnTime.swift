import OneThingEvents
import PostgresNIO

extension PostgresEventStore {
    /// How one department kept its time limits in a bundle over a period.
    public struct OnTimeRate: Sendable, Hashable {
        /// The bundle.
        public var bundle: String
        /// The department.
        public var department: String
        /// The steps the department decided (approved or rejected) in the period.
        public var decided: Int
        /// How many of them by their due moment.
        public var decidedOnTime: Int
        /// The cases it led that were delivered in the period.
        public var delivered: Int
        /// How many of them by their promised moment.
        public var deliveredOnTime: Int

        /// The share of decisions on time, `nil` when there were none.
        public var decisionRate: Double? { decided == 0 ? nil : Double(decidedOnTime) / Double(decided) }
        /// The share of deliveries on time, `nil` when there were none.
        public var deliveryRate: Double? {
            delivered == 0 ? nil : Double(deliveredOnTime) / Double(delivered)
        }
    }

    /// The on-time rates by bundle and department of the days `from` through `through`
    /// (China time), from the counts each append keeps (`on_time_by_day`): a few rows
    /// a day, whatever the number of cases.
    public func onTimeRates(from: CalendarDate, through: CalendarDate, bundle: String? = nil)
        async throws(StoreError) -> [OnTimeRate]
    {
        let logger = self.logger
        return try await withConnection("reading the on-time rates of \(from) to \(through)") { connection in
            let rows = try await connection.query(
                """
                SELECT bundle, department, sum(decided)::int8, sum(decided_on_time)::int8, sum(delivered)::int8,
                    sum(delivered_on_time)::int8
                FROM on_time_by_day
                WHERE day BETWEEN \(from.description)::date AND \(through.description)::date
                    AND (\(bundle)::text IS NULL OR bundle = \(bundle))
                GROUP BY bundle, department ORDER BY bundle, department
                """, logger: logger)
            var rates: [OnTimeRate] = []
            for try await (bundle, department, decided, decidedOnTime, delivered, deliveredOnTime)
                in rows.decode(
                    (String, String, Int64, Int64, Int64, Int64).self)
            {
                rates.append(
                    OnTimeRate(
                        bundle: bundle, department: department, decided: Int(decided),
                        decidedOnTime: Int(decidedOnTime), delivered: Int(delivered),
                        deliveredOnTime: Int(deliveredOnTime)))
            }
            return rates
        }
    }
}
