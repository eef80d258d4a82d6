import Hummingbird
import OneThing
import OneThingPresentation
import OneThingRuntime

extension CaseServer {
    /// The supervision route (督办): open, due-soon and overdue tasks by department, the
    /// on-time rate (按时办结率) by department and by bundle over a period, the cases at
    /// risk and the escalations (``OneThingPresentation/SupervisionFigures``).
    func addSupervisionRoutes(_ routes: RouteSet) {
        routes.add(.get, "/v1/supervision", "getSupervision", query: ["from", "through", "dueSoon"]) {
            request, context in
            let parameters = request.uri.queryParameters
            let query = try SupervisionQuery(now: self.engine.clock.now) {
                parameters[Substring($0)].map(String.init)
            }
            return Response.json(try await self.supervision.figures(query, server: self))
        }
    }
}

/// The query of `GET /v1/supervision`: `from` and `through` (dates, both included;
/// default the current month up to today), `dueSoon` (working days ahead that count as
/// soon, 0–30, default 2).
struct SupervisionQuery: Sendable, Hashable {
    var period: SupervisionPeriod
    var dueSoonWorkdays: Int

    init(now: Timestamp, parameters: (String) -> String?) throws(Problem) {
        let today = now.chinaDate
        var from = CalendarDate(year: today.year, month: today.month, day: 1) ?? today
        var through = today
        if let text = parameters("from") {
            guard let date = CalendarDate(text) else { throw Self.notADate("from", text) }
            from = date
        }
        if let text = parameters("through") {
            guard let date = CalendarDate(text) else { throw Self.notADate("through", text) }
            through = date
        }
        guard from <= through else {
            throw Problem(
                .invalidParameter,
                en: "the period runs from \(from) through \(through): from must not be after through",
                zh: "统计期间为 \(from) 至 \(through)：起始日期不能晚于截止日期", members: ["parameter": "from"])
        }
        dueSoonWorkdays = 2
        if let text = parameters("dueSoon") {
            guard let days = Int(text), (0...30).contains(days) else {
                throw Problem(
                    .invalidParameter,
                    en: "dueSoon takes a whole number of working days from 0 to 30, not '\(text)'",
                    zh: "dueSoon 应为 0 到 30 之间的工作日数，而不是“\(text)”", members: ["parameter": "dueSoon"])
            }
            dueSoonWorkdays = days
        }
        period = SupervisionPeriod(from: from, through: through)
    }

    static func notADate(_ name: String, _ text: String) -> Problem {
        Problem(
            .invalidParameter, en: "\(name) takes a date such as 2026-03-01, not '\(text)'",
            zh: "\(name) 应为日期，如 2026-03-01，而不是“\(text)”", members: ["parameter": name])
    }
}

/// The supervision figures, counted from the engine's open cases and the store's cases
/// delivered in the period, and kept for a few seconds: a dashboard that refreshes does
/// not count every case each time.
actor SupervisionBoard {
    /// How long counted figures are answered again.
    let freshness: Duration
    var kept: [SupervisionQuery: (at: ContinuousClock.Instant, json: [UInt8])] = [:]

    init(freshness: Duration = .seconds(5)) {
        self.freshness = freshness
    }

    /// The figures' JSON for `query`.
    func figures(_ query: SupervisionQuery, server: CaseServer) async throws(Problem) -> [UInt8] {
        let clock = ContinuousClock()
        if let known = kept[query], clock.now - known.at < freshness { return known.json }
        let states = try await Self.states(in: query.period, server: server)
        let calendar = server.desk.calendar
        let figures = SupervisionFigures(
            cases: states, calendars: [calendar.region: calendar], now: server.engine.clock.now,
            period: query.period,
            dueSoonWorkdays: query.dueSoonWorkdays)
        let json: [UInt8]
        do {
            json = try JSONText.bytes(figures)
        } catch {
            throw Problem(
                .internalError, en: "the figures could not be written: \(error)", zh: "无法生成督办数据：\(error)")
        }
        if kept.count > 100 { kept.removeAll() }
        kept[query] = (clock.now, json)
        return json
    }

    /// The cases the figures of `period` count: every open case, and those delivered in
    /// the period (the API's figures and the supervisor's dashboard count the same).
    static func states(in period: SupervisionPeriod, server: CaseServer) async throws(Problem) -> [CaseState]
    {
        var states = await server.engine.openStates
        let closed: [CaseSummary]
        do {
            closed = try await server.store.cases(CaseQuery(open: false))
        } catch {
            throw Problem(error)
        }
        for summary in closed where summary.deliveredAt.map(period.contains) ?? false {
            let (events, blueprint) = try await server.desk.history(summary.id)
            var state = CaseState(id: summary.id, blueprint: blueprint)
            for event in events { state.apply(event) }
            states.append(state)
        }
        return states
    }
}
