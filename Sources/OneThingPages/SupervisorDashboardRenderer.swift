import OneThing
import OneThingPresentation
import OneThingRuntime

/// Writes a ``SupervisorDashboard`` as one HTML document: the totals as cards, bar
/// charts (open and overdue tasks by department, on-time rates by department and by
/// bundle), then the tables behind them, the cases at risk and the escalations. Laid
/// out for a 1280-pixel screen and for print; no script.
public struct SupervisorDashboardRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    static let overdueColor = "#c8102e"
    static let dueSoonColor = "#e0a100"
    static let openColor = "#9db3cf"
    static let stepsColor = "#2f6db3"
    static let casesColor = "#2e7d4f"

    /// The page as an HTML document, in `frame` (who is signed in).
    public func render(_ dashboard: SupervisorDashboard, frame: PageFrame = PageFrame()) -> String {
        typealias M = PageMarkup
        let figures = dashboard.figures
        let totals = figures.totals
        var body = "<div class=\"cards\">\n"
        body += card(LocalizedText(en: "Open cases", zh: "在办件"), "\(totals.openCases)")
        body += card(LocalizedText(en: "Open tasks", zh: "在办任务"), "\(totals.open)")
        body += card(LocalizedText(en: "Due soon", zh: "临期任务"), "\(totals.dueSoon)")
        body += card(LocalizedText(en: "Overdue", zh: "超期任务"), "\(totals.overdue)", alert: totals.overdue > 0)
        body += card(LocalizedText(en: "Steps on time", zh: "事项按时办结率"), Self.percent(totals.steps))
        body += card(LocalizedText(en: "Cases on time", zh: "办件按时办结率"), Self.percent(totals.cases))
        body += card(
            LocalizedText(en: "Escalations", zh: "督办"), "\(totals.escalations)", alert: totals.escalations > 0
        )
        body += "</div>\n"
        body += M.section(
            id: "charts", heading: LocalizedText(en: "By department", zh: "各部门情况"),
            "<div class=\"charts\">\n\(openChart(dashboard))\(departmentRateChart(dashboard))</div>\n"
                + departmentTable(dashboard))
        body += M.section(
            id: "bundles", heading: LocalizedText(en: "By bundle", zh: "各一件事情况"),
            bundleChart(dashboard) + bundleTable(dashboard))
        body += M.section(
            id: "at-risk", heading: LocalizedText(en: "Cases at risk", zh: "临期与超期办件"), riskTable(dashboard))
        body += M.section(
            id: "escalations", heading: LocalizedText(en: "Escalations", zh: "督办记录"),
            escalationTable(dashboard))
        if !dashboard.links.isEmpty {
            body += M.section(
                id: "department-systems", heading: LocalizedText(en: "Department systems", zh: "部门系统连接"),
                linkTable(dashboard))
        }
        let period = figures.period
        let subtitle = [
            M.both("统计时间", "As of") + " " + M.moment(figures.now),
            M.both("统计期间", "Period") + " " + M.e("\(period.from) — \(period.through)"),
            M.both(
                "临期：\(figures.dueSoonWorkdays) 个工作日内到期",
                "Due soon: within \(figures.dueSoonWorkdays) working days"),
        ]
        return M.document(
            title: LocalizedText(en: "Supervision dashboard", zh: "督办看板"), subtitle: subtitle, width: .wide,
            body: body, frame: frame)
    }

    func card(_ label: LocalizedText, _ value: String, alert: Bool = false) -> String {
        "<div class=\"card\(alert ? " alert" : "")\"><div class=\"label\">\(PageMarkup.both(label))</div>"
            + "<div class=\"value\">\(PageMarkup.e(value))</div></div>\n"
    }

    /// `75%`, or `—` when nothing finished.
    static func percent(_ rate: OnTimeRate) -> String {
        guard let value = rate.rate else { return "—" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// `75% (6/8)`, or `—` when nothing finished.
    static func note(_ rate: OnTimeRate) -> String {
        rate.finished == 0 ? "—" : "\(percent(rate)) (\(rate.onTime)/\(rate.finished))"
    }

    func figure(_ chart: BarChart, caption: LocalizedText, legend: [(String, LocalizedText)]) -> String {
        typealias M = PageMarkup
        let keys = legend.map {
            "<span class=\"swatch\" style=\"background: \($0.0)\"></span>\(M.both($0.1))"
        }
        return "<figure class=\"chart\">\n<figcaption>\(M.both(caption))</figcaption>\n"
            + (keys.isEmpty ? "" : "<p class=\"legend\">\(keys.joined(separator: " "))</p>\n")
            + chart.svg() + "</figure>\n"
    }

    func openChart(_ dashboard: SupervisorDashboard) -> String {
        let departments = dashboard.departments.filter {
            $0.figures.open > 0 || $0.figures.steps.finished > 0
        }
        let (maximum, ticks) = BarChart.countTicks(upTo: departments.map(\.figures.open).max() ?? 0)
        let chart = BarChart(
            title: LocalizedText(en: "Open and overdue tasks by department", zh: "各部门在办与超期任务"),
            rows: departments.map { department in
                let f = department.figures
                return BarChart.Row(
                    label: department.name,
                    bars: [
                        BarChart.Bar(
                            segments: [
                                .init(
                                    value: Double(f.overdue), color: Self.overdueColor,
                                    label: "超期 overdue \(f.overdue)"),
                                .init(
                                    value: Double(f.dueSoon), color: Self.dueSoonColor,
                                    label: "临期 due soon \(f.dueSoon)"),
                                .init(
                                    value: Double(f.open - f.overdue - f.dueSoon), color: Self.openColor,
                                    label: "其他在办 other open \(f.open - f.overdue - f.dueSoon)"),
                            ], note: f.overdue > 0 ? "\(f.open)，超期 \(f.overdue)" : "\(f.open)")
                    ])
            }, maximum: maximum, ticks: ticks)
        return figure(
            chart, caption: chart.title,
            legend: [
                (Self.overdueColor, LocalizedText(en: "overdue", zh: "超期")),
                (Self.dueSoonColor, LocalizedText(en: "due soon", zh: "临期")),
                (Self.openColor, LocalizedText(en: "other open", zh: "其他在办")),
            ])
    }

    func departmentRateChart(_ dashboard: SupervisorDashboard) -> String {
        let departments = dashboard.departments.filter {
            $0.figures.open > 0 || $0.figures.steps.finished > 0
        }
        let chart = BarChart(
            title: LocalizedText(en: "On-time rate of steps by department", zh: "各部门按时办结率"),
            rows: departments.map { department in
                BarChart.Row(
                    label: department.name, bars: [rateBar(department.figures.steps, color: Self.stepsColor)])
            }, maximum: 1, ticks: BarChart.rateTicks)
        return figure(chart, caption: chart.title, legend: [])
    }

    func rateBar(_ rate: OnTimeRate, color: String) -> BarChart.Bar {
        BarChart.Bar(
            segments: [.init(value: rate.rate ?? 0, color: color, label: Self.note(rate))],
            note: Self.note(rate))
    }

    func bundleChart(_ dashboard: SupervisorDashboard) -> String {
        let chart = BarChart(
            title: LocalizedText(en: "On-time rate by bundle", zh: "各一件事按时办结率"),
            rows: dashboard.bundles.map { bundle in
                BarChart.Row(
                    label: bundle.title,
                    bars: [
                        rateBar(bundle.figures.steps, color: Self.stepsColor),
                        rateBar(bundle.figures.cases, color: Self.casesColor),
                    ])
            }, maximum: 1, ticks: BarChart.rateTicks)
        return "<div class=\"charts\">\n"
            + figure(
                chart, caption: chart.title,
                legend: [
                    (Self.stepsColor, LocalizedText(en: "steps", zh: "事项")),
                    (Self.casesColor, LocalizedText(en: "cases", zh: "办件")),
                ]) + "</div>\n"
    }

    func departmentTable(_ dashboard: SupervisorDashboard) -> String {
        typealias M = PageMarkup
        return M.table(
            [
                LocalizedText(en: "Department", zh: "部门"), LocalizedText(en: "Open", zh: "在办"),
                LocalizedText(en: "With applicant", zh: "待申请人"), LocalizedText(en: "Due soon", zh: "临期"),
                LocalizedText(en: "Overdue", zh: "超期"), LocalizedText(en: "Decided", zh: "期内办结"),
                LocalizedText(en: "On time", zh: "按时办结率"), LocalizedText(en: "Escalated", zh: "被督办"),
                LocalizedText(en: "Supervising", zh: "督办他人"),
            ],
            dashboard.departments.map { department in
                let f = department.figures
                return [
                    M.both(department.name), "\(f.open)", "\(f.withApplicant)", "\(f.dueSoon)",
                    f.overdue > 0 ? "<strong class=\"alert\">\(f.overdue)</strong>" : "0",
                    "\(f.steps.finished)",
                    M.e(Self.note(f.steps)), "\(f.escalated)", "\(f.supervising)",
                ]
            }, numeric: Set(1...8))
    }

    func bundleTable(_ dashboard: SupervisorDashboard) -> String {
        typealias M = PageMarkup
        return M.table(
            [
                LocalizedText(en: "Bundle", zh: "一件事"), LocalizedText(en: "Open cases", zh: "在办件"),
                LocalizedText(en: "Past promise", zh: "超承诺时限"),
                LocalizedText(en: "Steps on time", zh: "事项按时办结率"),
                LocalizedText(en: "Cases on time", zh: "办件按时办结率"),
            ],
            dashboard.bundles.map { bundle in
                let f = bundle.figures
                return [
                    M.both(bundle.title), "\(f.openCases)", "\(f.overdueCases)", M.e(Self.note(f.steps)),
                    M.e(Self.note(f.cases)),
                ]
            }, numeric: Set(1...4))
    }

    func riskTable(_ dashboard: SupervisorDashboard) -> String {
        typealias M = PageMarkup
        guard !dashboard.atRisk.isEmpty else {
            return M.none(LocalizedText(en: "No case is at risk.", zh: "暂无临期或超期办件。"))
        }
        return M.table(
            [
                LocalizedText(en: "Case", zh: "办件"), LocalizedText(en: "Bundle", zh: "一件事"),
                LocalizedText(en: "Steps at risk", zh: "临期或超期事项"),
                LocalizedText(en: "Promised by", zh: "承诺办结"),
                LocalizedText(en: "Supplements and rejections", zh: "补正与不予许可"),
            ],
            dashboard.atRisk.map { risk in
                let steps = risk.steps.map { step in
                    let f = step.figures
                    let when =
                        f.overdue
                        ? M.chip(
                            LocalizedText(en: "overdue since \(f.dueDate)", zh: "\(f.dueDate) 到期，已超期"),
                            tone: .late)
                        : M.chip(
                            LocalizedText(
                                en: "due \(f.dueDate), " + M.workdaysLeft(f.workdaysLeft).en,
                                zh: "\(f.dueDate) 到期，" + M.workdaysLeft(f.workdaysLeft).zh), tone: .applicant)
                    let escalated =
                        f.escalated
                        ? " " + M.chip(LocalizedText(en: "escalated", zh: "已督办"), tone: .late) : ""
                    return "<li>\(M.both(step.name)) · \(M.both(step.department)) \(when)\(escalated)</li>"
                }
                var promise = risk.figures.promisedBy.map(M.dueDate) ?? "—"
                if risk.figures.promiseOverdue {
                    promise += " " + M.chip(LocalizedText(en: "past", zh: "已超期"), tone: .late)
                } else if let left = risk.figures.promiseWorkdaysLeft,
                    left <= dashboard.figures.dueSoonWorkdays
                {
                    promise += " " + M.chip(M.workdaysLeft(left), tone: .applicant)
                }
                let notes = risk.notes.map { note in
                    let kind =
                        note.kind == .supplement
                        ? M.chip(LocalizedText(en: "supplement", zh: "待补正"), tone: .applicant)
                        : M.chip(LocalizedText(en: "rejected", zh: "不予许可"), tone: .late)
                    return "<li>\(kind) \(M.both(note.step))：\(M.e(note.text))</li>"
                }
                return [
                    M.id(risk.figures.caseID), M.both(risk.title),
                    steps.isEmpty ? "—" : "<ul>\(steps.joined())</ul>", promise,
                    notes.isEmpty ? "—" : "<ul>\(notes.joined())</ul>",
                ]
            }, className: "risk")
    }

    func escalationTable(_ dashboard: SupervisorDashboard) -> String {
        typealias M = PageMarkup
        guard !dashboard.escalations.isEmpty else {
            return M.none(LocalizedText(en: "No escalation in the period.", zh: "统计期间内无督办。"))
        }
        return M.table(
            [
                LocalizedText(en: "Escalated", zh: "督办时间"), LocalizedText(en: "Case", zh: "办件"),
                LocalizedText(en: "Step", zh: "事项"), LocalizedText(en: "Late department", zh: "超期部门"),
                LocalizedText(en: "Escalated to", zh: "督办部门"), LocalizedText(en: "Was due", zh: "原办结期限"),
                LocalizedText(en: "Now", zh: "现状"),
            ],
            dashboard.escalations.map { escalation in
                let record = escalation.record
                return [
                    M.moment(record.at), M.id(record.caseID), M.both(escalation.step),
                    M.both(escalation.from),
                    M.both(escalation.to), record.due.map(M.dueDate) ?? "—",
                    record.open
                        ? M.chip(LocalizedText(en: "still open", zh: "仍在办"), tone: .late)
                        : M.chip(LocalizedText(en: "no longer open", zh: "已结束"), tone: .done),
                ]
            })
    }

    /// The department systems connected over HTTP: each breaker, its failures in a row,
    /// and the pushes escalated after their last try.
    func linkTable(_ dashboard: SupervisorDashboard) -> String {
        typealias M = PageMarkup
        return M.table(
            [
                LocalizedText(en: "Department", zh: "部门"), LocalizedText(en: "Circuit breaker", zh: "熔断状态"),
                LocalizedText(en: "Failures in a row", zh: "连续失败次数"),
                LocalizedText(en: "Escalated pushes", zh: "推送失败上报次数"),
            ],
            dashboard.links.map { link in
                let breaker: String
                switch link.breaker {
                case .closed:
                    breaker = M.chip(LocalizedText(en: "closed: calls go through", zh: "正常"), tone: .done)
                case .open:
                    breaker = M.chip(LocalizedText(en: "open: system taken as down", zh: "已熔断"), tone: .late)
                case .halfOpen:
                    breaker = M.chip(
                        LocalizedText(en: "half-open: trying one call", zh: "半开：试探中"), tone: .open)
                }
                return [
                    M.id(link.department), breaker, "\(link.failuresInRow)", "\(link.escalations)",
                ]
            })
    }
}
