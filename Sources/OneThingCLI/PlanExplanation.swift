import OneThing
import OneThingConditions
import OneThingPlan
import OneThingPresentation

/// A plan explained for the terminal: the lead department, the dates, every item
/// with why it applies or not, the critical path and the materials checklist.
struct PlanExplanation {
    let plan: Plan
    let schedule: Schedule
    let catalogue: Catalogue
    let language: Language

    func department(_ id: String) -> String { catalogue.departments[id]?.name ?? id }

    func limit(_ limit: TimeLimit) -> String {
        language == .zh ? limit.chineseDescription : limit.description
    }

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// A date, marked when it lies in a provisional year: `2027-03-16 (provisional, 暂定)`.
    func date(_ date: CalendarDate) -> String {
        guard calendar.isProvisional(date) else { return date.description }
        return "\(date)" + say(" (provisional, 暂定)", "（暂定）")
    }

    /// A moment of the schedule: its date as ``date(_:)``, with the hour when a limit in
    /// hours ends inside office time (`2026-03-03 13:00`).
    func moment(_ moment: WorkingMoment) -> String {
        date(moment.date) + (moment.timeOfDay.map { " \($0)" } ?? "")
    }

    /// An applicant's deadline: `Deadline 申报出生登记: within 1 month of 2026-02-20, by
    /// 2026-03-20 (户口登记条例 第七条)`, with a warning when the case is accepted after it.
    func deadline(_ deadline: DeadlineDate) -> String {
        let rule = deadline.deadline.deadline
        let from = deadline.deadline.from.map(\.description) ?? say("(not answered)", "（未填写）")
        let due = deadline.due.map(date) ?? say("cannot be counted on the calendar", "无法按日历推算")
        let basis = rule.basis.map(\.cited).joined(separator: "; ")
        var line = say(
            "Deadline \(rule.name): within \(limit(rule.within.value)) of \(from), by \(due) (\(basis))",
            "申请人期限 \(rule.name)：自 \(from) 起\(limit(rule.within.value))内，即 \(due) 前（\(basis)）")
        if deadline.passed == true {
            line += "\n" + say("⚠ accepted after this deadline", "⚠ 受理日期已超过该期限")
        }
        return line
    }

    /// The windows of the bundle or an item: each window with its dates and basis, then
    /// where the day of acceptance falls, with `⚠` when it is outside every window.
    func windows(_ opening: WindowOpening) -> [String] {
        let words = WindowWords(language: language, date: { $0.description })
        var lines = [
            say("Windows for \(words.scope(opening.windows)):", "\(words.scope(opening.windows))的报名时间：")
        ]
        for window in opening.windows.windows {
            lines.append(
                "  \(window.name)" + say(": ", "：") + words.dates(window.dates.value)
                    + say(" (\(window.basis.cited.en))", "（\(window.basis.cited.zh)）"))
        }
        let state = words.state(opening)
        lines.append("  " + (state.warning ? "⚠ " : "") + state.text)
        return lines
    }

    /// The calendar the schedule was made on.
    var calendar: WorkdayCalendar { catalogue.calendar(region: StatutoryHolidays.region) }

    var text: String {
        let bundle = plan.bundle
        var lines: [String] = []
        lines.append("\(bundle.title) (\(bundle.id.value) \(bundle.version))")
        let leadRule = plan.lead.rule.map { say(" — chosen by rule \($0 + 1)", "（由第 \($0 + 1) 条规则选出）") } ?? ""
        lines.append(say("Lead department: ", "牵头部门：") + department(plan.lead.department) + leadRule)
        lines.append(say("Answers: ", "答案：") + plan.answers.description)
        let restDay =
            schedule.countsFrom == schedule.accepted
            ? ""
            : say(
                " (a rest day: counted from the next working day, \(schedule.countsFrom), itself not counted)",
                "（休息日受理，自下一个工作日 \(schedule.countsFrom) 起算，当日不计）")
        lines.append(
            say(
                "Accepted \(schedule.accepted)\(restDay); promised within \(limit(plan.promise)): by \(date(schedule.promisedBy)); predicted delivery \(date(schedule.delivery))",
                "受理日期 \(schedule.accepted)\(restDay)；承诺\(limit(plan.promise))内办结，即 \(date(schedule.promisedBy)) 前；预计出件 \(date(schedule.delivery))"
            ))
        if let included = UncountedTime.included(schedule.uncountedOnCriticalPath(of: bundle)) {
            lines.append("  " + say("(both dates: \(included.en))", "（以上两个日期\(included.zh)）"))
        }
        if schedule.isProvisional {
            let reason = WorkdayCalendar.provisionalReason(years: schedule.provisionalYears)
            lines.append(
                say("⚠ these dates are provisional (暂定): ", "⚠ 以上日期为暂定：") + reason.text(in: language))
        }
        if !schedule.keepsPromise {
            lines.append(say("⚠ the predicted delivery is later than the promise", "⚠ 预计出件晚于承诺期限"))
        }
        for deadline in DeadlineDate.all(of: plan, calendar: calendar, accepted: schedule.accepted) {
            lines.append(self.deadline(deadline))
        }
        for opening in WindowOpening.all(of: plan, accepted: schedule.accepted) {
            lines += windows(opening)
        }
        if !plan.parties.isEmpty {
            lines.append("")
            let taking = plan.partiesTakingPart.count
            lines.append(
                say(
                    "Parties (\(taking) of \(plan.parties.count) take part):",
                    "当事人（\(plan.parties.count) 个中 \(taking) 个参与）："))
            for decision in plan.parties {
                let party = decision.party
                let kind = party.kind.name.text(in: language)
                let english = language == .zh ? "" : " (\(party.title.en))"
                lines.append(
                    "  \(decision.takesPart ? "✔" : "✘") \(party.id.value)  \(party.name)\(english)  [\(kind)]"
                )
                if let when = party.when {
                    lines.append(
                        "      "
                            + reason(condition: when, holds: decision.takesPart, readings: decision.readings))
                }
            }
        }
        lines.append("")
        let critical = Set(
            schedule.times.criticalPath.compactMap { step -> Int? in
                if case .item(let i) = step { return i }
                return nil
            })
        let applying = plan.decisions.filter(\.applies)
        lines.append(say("Items that apply (\(applying.count)):", "办理的事项（\(applying.count) 项）："))
        for decision in applying {
            let item = bundle.items[decision.index]
            let start = schedule.times.itemStart[decision.index].map(\.description) ?? "?"
            let due = schedule.times.itemFinish[decision.index].map(moment) ?? "?"
            let slack = schedule.slack[decision.index].map(CriticalPath.format) ?? "?"
            let mark = critical.contains(decision.index) ? " ★" : ""
            // An item that applies only once a result of the case is known: "◐".
            let tick = decision.awaiting == nil ? "✔" : "◐"
            lines.append(
                "  \(tick) \(item.id.value)  \(item.name)  [\(department(item.department.value))]  \(limit(plan.promised(ofItem: decision.index)))  \(start) → \(due)  "
                    + say("slack \(slack)", "机动 \(slack) 个工作日") + mark)
            if let included = UncountedTime.included(item.notCounted) {
                lines.append("      " + say("(its due date: \(included.en))", "（预计办结日期\(included.zh)）"))
            }
            if let awaiting = decision.awaiting {
                lines.append("      " + awaiting.text.text(in: language))
            }
            if let reason = reason(decision) { lines.append("      \(reason)") }
            if let rejection = bundle.rejectionNote(of: item) {
                lines.append("      " + rejection.text(in: language))
            }
        }
        let skipped = plan.decisions.filter { !$0.applies }
        if !skipped.isEmpty {
            lines.append(say("Items that do not apply (\(skipped.count)):", "不办理的事项（\(skipped.count) 项）："))
            for decision in skipped {
                let item = bundle.items[decision.index]
                lines.append("  ✘ \(item.id.value)  \(item.name)")
                if let reason = reason(decision) { lines.append("      \(reason)") }
            }
        }
        for k in plan.inspections {
            let inspection = bundle.inspections[k]
            let members = plan.graph.participants[k].map { bundle.items[$0].id.value }.joined(separator: ", ")
            let from = schedule.times.inspectionStart[k].map(\.description) ?? "?"
            let to = schedule.times.inspectionFinish[k].map(moment) ?? "?"
            lines.append(
                say("Joint inspection: ", "联合勘验：")
                    + "\(inspection.name)  \(limit(inspection.duration.value))  \(from) → \(to)  (\(members))"
            )
        }
        lines.append("")
        let chains = CriticalPathWords(plan: plan, schedule: schedule, language: language)
        let notCounted = chains.notCounted
        lines.append(
            say(
                "Critical path (\(CriticalPathWords.workingDays(chains.deliveryChainWorkdays))\(notCounted.en)): ",
                "关键路径（\(chains.deliveryChainWorkdays) 个工作日\(notCounted.zh)）：")
                + chains.deliveryChain)
        if let counted = chains.longestCounted {
            lines.append(
                say(
                    "Longest chain the limits count (\(CriticalPathWords.workingDays(counted.workdays)); the promise is checked against it): ",
                    "计入办理时限最长的办理链（\(counted.workdays) 个工作日，承诺时限据此核定）：") + counted.chain)
        }
        lines.append("")
        lines.append(say("Materials:", "材料清单："))
        for status in MaterialStatus.allCases {
            let entries = plan.materials.filter { $0.status == status }
            guard !entries.isEmpty else { continue }
            lines.append("  " + heading(status))
            for entry in entries {
                var detail = ""
                if let deadline = entry.deadline {
                    detail += say(
                        " — within \(limit(deadline)) after acceptance", "——受理后\(limit(deadline))内补交")
                }
                if let issuer = entry.issuedBy { detail += say(" — issued by \(issuer)", "——由 \(issuer) 出具") }
                if entry.status == .fetched { detail += fallback(of: entry.id) }
                let core = entry.core ? say(" (core)", "（主要材料）") : ""
                lines.append(
                    "    · \(entry.title.text(in: language))\(core)\(detail)\(bringers(entry))  [\(entry.neededBy.joined(separator: ", "))]"
                )
            }
        }
        lines += whoBringsWhat()
        return lines.joined(separator: "\n")
    }

    /// Who brings a line, for a bundle with parties: ` — from 买方, 卖方`, or ` — for the
    /// application, once`.
    func bringers(_ entry: ChecklistEntry) -> String {
        guard !plan.parties.isEmpty, entry.status != .issued else { return "" }
        guard !entry.parties.isEmpty else { return say(" — for the application, once", "——共同提交一份") }
        let names = entry.parties.compactMap { plan.bundle.party($0)?.title.text(in: language) }
        return say(
            " — from \(names.joined(separator: ", "))",
            names.count == 1 ? "——由\(names[0])提交" : "——\(names.joined(separator: "、"))各一份")
    }

    /// The materials to bring, now or later, or to replace by a signed commitment, by the
    /// party who brings them: `卖方 / seller: 居民身份证, …`, for a bundle with parties.
    func whoBringsWhat() -> [String] {
        let brought = plan.materials.filter { [.bring, .later, .commitment].contains($0.status) }
        guard !plan.partiesTakingPart.isEmpty else { return [] }
        var lines = ["", say("Who brings what:", "各当事人提交的材料：")]
        for party in plan.partiesTakingPart {
            let own = brought.filter { $0.parties.contains(party.id.value) }.map { entry in
                entry.title.text(in: language)
                    + (entry.status == .commitment ? say(" (or a signed commitment)", "（或签署告知承诺书）") : "")
            }
            lines.append(
                say("  \(party.name) / \(party.title.en): ", "  \(party.name)：")
                    + (own.isEmpty ? say("nothing to bring", "无需提交") : own.joined(separator: say(", ", "、"))))
        }
        let shared = brought.filter(\.parties.isEmpty)
        if !shared.isEmpty {
            lines.append(
                say("  for the application, once: ", "  共同提交（一份）：")
                    + shared.map { $0.title.text(in: language) }.joined(separator: say(", ", "、")))
        }
        return lines
    }

    /// What happens when the fetched material `id` cannot be fetched, as the bundle (or
    /// the catalogue) says; nothing for an output issued as an electronic licence.
    func fallback(of id: String) -> String {
        guard
            let material = plan.bundle.materials.first(where: { $0.id.value == id })
                ?? catalogue.materials[id],
            material.source.isFetched
        else { return "" }
        switch material.effectiveFallback {
        case .paper:
            return say(" — if it cannot be fetched: brought on paper", "——无法获取时提交纸质材料")
        case .wait(let bound):
            return say(
                " — if it cannot be fetched: the items that need it wait up to \(limit(bound.value))",
                "——无法获取时相关事项最多等待\(limit(bound.value))")
        }
    }

    func heading(_ status: MaterialStatus) -> String {
        switch status {
        case .bring: say("Bring:", "需提交：")
        case .later: say("May follow later (accept-with-gaps):", "可容缺后补：")
        case .commitment: say("A signed commitment may replace:", "可用告知承诺书代替：")
        case .fetched: say("Fetched electronically, nothing to bring:", "电子证照或共享数据获取，无需提交：")
        case .issued: say("Issued within this case, nothing to bring:", "本次办理中出具，无需提交：")
        }
    }

    /// Why an item applies or not: its condition and the answers it read.
    func reason(_ decision: ItemDecision) -> String? {
        guard let condition = decision.condition else {
            return decision.applies ? say("always applies", "无条件办理") : nil
        }
        guard decision.awaiting == nil else {
            return say("condition ", "条件 ") + condition.text + say(": ", "：") + values(decision.readings)
        }
        return reason(condition: condition, holds: decision.applies, readings: decision.readings)
    }

    /// The answers a condition read: `buyer.loan = true, result.grade = (not yet known)`.
    func values(_ readings: [(field: FormField, value: ConditionValue?)]) -> String {
        readings.map { reading in
            let unknown =
                reading.field.isResult ? say("(not yet known)", "（尚未作出）") : say("(no answer)", "（未回答）")
            return "\(reading.field.id) = \(reading.value?.description ?? unknown)"
        }.joined(separator: ", ")
    }

    /// A condition, whether it holds, and the answers it read: `condition buyer.loan
    /// holds: buyer.loan = true`.
    func reason(
        condition: ConditionSource, holds: Bool, readings: [(field: FormField, value: ConditionValue?)]
    ) -> String {
        let verdict = holds ? say("holds", "成立") : say("does not hold", "不成立")
        return say("condition ", "条件 ") + "\(condition.text) " + verdict + say(": ", "：") + values(readings)
    }
}
