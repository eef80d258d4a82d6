import OneThing
import OneThingRuntime

/// One event of a case in plain words, in Chinese or English: what happened, to which
/// task, at which department; the idempotency key and the reason apart, for the
/// timeline to show on lines of their own.
public struct CaseEventText: Sendable {
    /// What happened.
    public var summary: String
    /// The idempotency key of a submission, if the event has one.
    public var key: String?
    /// The reason or note the event carries, if any.
    public var reason: String?

    /// The words for `event` of a case of `blueprint` that started at `origin`
    /// (times are dates when `dates` is given, else working days after `origin`).
    public init(
        _ event: CaseEvent, blueprint: CaseBlueprint, names: CaseNames, dates: WorkTimeCalendar?,
        origin: WorkTime, language: Language
    ) {
        let words = Words(
            blueprint: blueprint, names: names, dates: dates, origin: origin, language: language)
        (summary, key, reason) = words.describe(event.kind)
    }

    struct Words {
        let blueprint: CaseBlueprint
        let names: CaseNames
        let dates: WorkTimeCalendar?
        let origin: WorkTime
        let language: Language

        func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

        func task(_ index: Int) -> String {
            guard blueprint.tasks.indices.contains(index) else { return "#\(index)" }
            return names.task(blueprint.tasks[index], in: language)
        }

        func department(ofTask index: Int) -> String {
            guard blueprint.tasks.indices.contains(index) else { return "?" }
            return names.department(blueprint.tasks[index].department, in: language)
        }

        func list(_ items: [String]) -> String { items.joined(separator: say(", ", "、")) }

        func materials(_ ids: [String]) -> String { list(ids.map { names.material($0, in: language) }) }

        /// A due date: the last day to act on.
        func time(_ time: WorkTime) -> String {
            if let date = dates?.deadline(at: time) { return date.description }
            return say(
                "working day \(WorkDays.format(time - origin))", "第 \(WorkDays.format(time - origin)) 工作日")
        }

        /// A moment: the date and hour.
        func moment(_ time: WorkTime) -> String {
            if let text = dates?.text(at: time) { return text }
            return say(
                "working day \(WorkDays.format(time - origin))", "第 \(WorkDays.format(time - origin)) 工作日")
        }

        func describe(_ kind: CaseEvent.Kind) -> (String, String?, String?) {
            switch kind {
            case .started(let start):
                let bundle = "\(start.bundle) \(start.version)"
                let title = names.title.map { "\($0)（\(bundle)）" } ?? bundle
                let lead = names.department(start.lead, in: language)
                return (
                    say("case opened: \(bundle); lead department \(lead)", "立案：\(title)；牵头部门 \(lead)"), nil,
                    nil
                )
            case .intake(.accepted):
                return (say("intake: every material is in; accepted", "综合收件：材料齐全，予以受理"), nil, nil)
            case .intake(.acceptedWithGaps(let missing)):
                return (
                    say(
                        "intake: accepted with materials to follow (容缺): \(materials(missing))",
                        "综合收件：容缺受理，待补交 \(materials(missing))"), nil, nil
                )
            case .intake(.rejectedIncomplete(let missing)):
                return (
                    say(
                        "intake: not accepted, core materials missing: \(materials(missing))",
                        "综合收件：缺少核心材料 \(materials(missing))，不予受理"), nil, nil
                )
            case .dispatched(let t, let attempt, let key):
                return (
                    say(
                        "sent \(task(t)) to \(department(ofTask: t)) (attempt \(attempt))",
                        "推送“\(task(t))”至 \(department(ofTask: t))（第 \(attempt) 次）"), key, nil
                )
            case .dispatchFailed(let t, let attempt, let reason, let retryAt):
                return (
                    say(
                        "sending \(task(t)) failed (attempt \(attempt)); retried at \(moment(retryAt))",
                        "推送“\(task(t))”失败（第 \(attempt) 次），将于 \(moment(retryAt)) 重试"), nil, reason
                )
            case .inReview(let t):
                return (
                    say(
                        "\(department(ofTask: t)) began reviewing \(task(t))",
                        "\(department(ofTask: t)) 开始审查“\(task(t))”"),
                    nil, nil
                )
            case .supplementRequested(let t, let note):
                return (
                    say(
                        "\(department(ofTask: t)) asks the applicant to supplement \(task(t)); its clock stops",
                        "\(department(ofTask: t)) 要求申请人补正“\(task(t))”，该事项计时暂停"), nil, note
                )
            case .supplementSupplied(let t):
                return (
                    say(
                        "the applicant supplemented \(task(t)); its clock runs again",
                        "申请人已补正“\(task(t))”，计时恢复"),
                    nil, nil
                )
            case .approved(let t):
                return (
                    say(
                        "\(department(ofTask: t)) approved \(task(t))",
                        "\(department(ofTask: t)) 准予“\(task(t))”"), nil, nil
                )
            case .approvalHeld(let t, let missing):
                return (
                    say(
                        "\(department(ofTask: t)) approved \(task(t)); issued once \(materials(missing)) arrives",
                        "\(department(ofTask: t)) 审查通过“\(task(t))”，待容缺材料 \(materials(missing)) 补交后出证"), nil,
                    nil
                )
            case .rejected(let t, let reason):
                return (
                    say(
                        "\(department(ofTask: t)) rejected \(task(t))",
                        "\(department(ofTask: t)) 不予“\(task(t))”"), nil,
                    reason
                )
            case .cancelled(let t, let reason):
                return (say("\(task(t)) cancelled", "“\(task(t))”取消办理"), nil, reason)
            case .failed(let t, let reason):
                return (say("\(task(t)) failed", "“\(task(t))”办理失败"), nil, reason)
            case .materialSupplied(let material):
                return (
                    say(
                        "the applicant brought the deferred material \(materials([material]))",
                        "申请人补交容缺材料 \(materials([material]))"), nil, nil
                )
            case .dueSoon(let t, let due):
                return (
                    say("\(task(t)) is due soon (\(time(due)))", "“\(task(t))”即将到期（\(time(due))）"), nil, nil
                )
            case .overdue(let t, let due):
                return (
                    say(
                        "\(task(t)) is overdue (was due \(time(due)))", "“\(task(t))”已超期（应于 \(time(due)) 办结）"),
                    nil, nil
                )
            case .escalated(let t, let lead):
                let to = names.department(lead, in: language)
                return (
                    say(
                        "\(task(t)) at \(department(ofTask: t)) escalated to the lead department \(to) (督办)",
                        "\(department(ofTask: t)) 的“\(task(t))”超期，提请牵头部门 \(to) 督办"), nil, nil
                )
            case .outcomeIgnored(let t, let reason):
                return (
                    say("a report on \(task(t)) was ignored", "关于“\(task(t))”的部门回报已忽略"), nil, reason
                )
            case .delivered(let outputs, let outcome):
                let issued =
                    outputs.isEmpty
                    ? say("nothing issued", "无证照") : list(outputs.map { names.output($0, in: language) })
                return (
                    say(
                        "delivered (统一出件): \(CaseEventText.outcome(outcome, in: .en)); \(issued)",
                        "统一出件：\(CaseEventText.outcome(outcome, in: .zh))；\(issued)"),
                    nil, nil
                )
            }
        }

    }

    /// How a case ended, in words.
    public static func outcome(_ outcome: CaseOutcome, in language: Language) -> String {
        switch (outcome, language) {
        case (.completed, .zh): "全部办结"
        case (.completed, .en): "completed"
        case (.partial, .zh): "部分办结"
        case (.partial, .en): "partly completed"
        case (.refused, .zh): "未获准予"
        case (.refused, .en): "refused"
        case (.notAccepted, .zh): "不予受理"
        case (.notAccepted, .en): "not accepted"
        }
    }
}
