import OneThing
import OneThingRuntime

/// One event of a case in plain words, in Chinese or English: what happened, to which
/// step, at which department; the idempotency key and the reason apart, for the
/// timeline to show on lines of their own. Everything a person or another system typed
/// (reasons, notes, keys, answers) is escaped (``PrintableText``).
public struct CaseEventText: Sendable {
    /// What happened.
    public var summary: String
    /// The idempotency key of a submission, if the event has one.
    public var key: String?
    /// The reason or note the event carries, if any.
    public var reason: String?

    /// The words for `event` of a case told in `names`, its moments as `clock` shows them.
    public init(_ event: CaseEvent, names: CaseNames, clock: CaseClockText) {
        let words = Words(names: names, clock: clock)
        (summary, key, reason) = words.describe(event.kind)
    }

    struct Words {
        let names: CaseNames
        let clock: CaseClockText
        var language: Language { clock.language }
        var blueprint: CaseBlueprint { names.blueprint }

        func say(_ en: String, _ zh: String) -> String { language.say(en, zh) }

        func step(_ index: Int) -> String {
            let name = names.step(index, in: language)
            return language.say(name, "“\(name)”")
        }

        func department(ofStep index: Int) -> String {
            guard blueprint.steps.indices.contains(index) else { return "?" }
            return names.department(blueprint.steps[index].department, in: language)
        }

        func isInspection(_ index: Int) -> Bool {
            blueprint.steps.indices.contains(index) && blueprint.steps[index].kind == .inspection
        }

        func list(_ items: [String]) -> String { items.joined(separator: say(", ", "、")) }

        func materials(_ ids: [String]) -> String { list(ids.map { names.material($0, in: language) }) }

        /// Where a fetched material comes from: from the electronic licence, or shared data.
        func source(of material: String, in language: Language) -> String {
            blueprint.fetched(material)?.source == .sharedData
                ? language.say("from shared government data", "通过政务数据共享")
                : language.say("from the electronic licence", "通过电子证照")
        }

        func describe(_ kind: CaseEvent.Kind) -> (String, String?, String?) {
            switch kind {
            case .started(let start):
                let bundle = PrintableText.escaped("\(start.bundle) \(start.version)")
                let lead = names.department(start.lead, in: language)
                return (
                    say(
                        "case opened: \(bundle); lead department \(lead)",
                        "立案：\(names.title)（\(bundle)）；牵头部门 \(lead)"),
                    nil, nil
                )
            case .intake(.accepted(let promisedBy, let deferred)) where deferred.isEmpty:
                return (
                    say(
                        "intake: every material is in; accepted, promised by \(clock.due(promisedBy))",
                        "综合收件：材料齐全，予以受理，承诺 \(clock.due(promisedBy)) 前办结"), nil, nil
                )
            case .intake(.accepted(let promisedBy, let deferred)):
                let due = deferred.map { entry in
                    say(
                        "\(names.material(entry.material, in: .en)) by \(clock.due(entry.dueBy))",
                        "\(names.material(entry.material, in: .zh))（\(clock.due(entry.dueBy)) 前）")
                }
                return (
                    say(
                        "intake: accepted with materials to follow (容缺): \(list(due)); promised by \(clock.due(promisedBy))",
                        "综合收件：容缺受理，待补交 \(list(due))；承诺 \(clock.due(promisedBy)) 前办结"), nil, nil
                )
            case .intake(.rejectedIncomplete(let missing)):
                return (
                    say(
                        "intake: not accepted, core materials missing: \(materials(missing))",
                        "综合收件：缺少核心材料 \(materials(missing))，不予受理"), nil, nil
                )
            case .dispatched(let s, let attempt, let key, let due):
                return (
                    say(
                        "sent \(step(s)) to \(department(ofStep: s)) (attempt \(attempt)); due \(clock.due(due))",
                        "推送\(step(s))至 \(department(ofStep: s))（第 \(attempt) 次），应于 \(clock.due(due)) 前办结"),
                    PrintableText.escaped(key), nil
                )
            case .dispatchFailed(let s, let attempt, let reason, let retryAt):
                return (
                    say(
                        "sending \(step(s)) failed (attempt \(attempt)); retried at \(retryAt.chinaText)",
                        "推送\(step(s))失败（第 \(attempt) 次），将于 \(retryAt.chinaText) 重试"), nil,
                    PrintableText.escaped(reason)
                )
            case .inReview(let s):
                return (
                    say(
                        "\(department(ofStep: s)) began \(isInspection(s) ? "the joint inspection" : "reviewing") \(step(s))",
                        "\(department(ofStep: s)) 开始\(isInspection(s) ? "组织联合勘验" : "审查")\(step(s))"), nil, nil
                )
            case .supplementRequested(let s, let note):
                return (
                    say(
                        "\(department(ofStep: s)) asks the applicant to supplement \(step(s)); its clock stops",
                        "\(department(ofStep: s)) 要求申请人补正\(step(s))，该事项计时暂停"), nil,
                    PrintableText.escaped(note)
                )
            case .supplementSupplied(let s, let due):
                return (
                    say(
                        "the applicant supplemented \(step(s)); its clock runs again, due \(clock.due(due))",
                        "申请人已补正\(step(s))，计时恢复，应于 \(clock.due(due)) 前办结"), nil, nil
                )
            case .approved(let s):
                return (
                    isInspection(s)
                        ? say("\(step(s)) passed", "\(step(s))通过")
                        : say(
                            "\(department(ofStep: s)) approved \(step(s))",
                            "\(department(ofStep: s)) 准予\(step(s))"),
                    nil, nil
                )
            case .approvalHeld(let s, let missing):
                return (
                    say(
                        "\(department(ofStep: s)) approved \(step(s)); issued once \(materials(missing)) arrives",
                        "\(department(ofStep: s)) 审查通过\(step(s))，待容缺材料 \(materials(missing)) 补交后出证"), nil,
                    nil
                )
            case .rejected(let s, let reason):
                return (
                    isInspection(s)
                        ? say("\(step(s)) was not passed", "\(step(s))未通过")
                        : say(
                            "\(department(ofStep: s)) rejected \(step(s))",
                            "\(department(ofStep: s)) 不予\(step(s))"),
                    nil, PrintableText.escaped(reason)
                )
            case .cancelled(let s, let cause):
                return (
                    say(
                        "\(step(s)) cancelled: \(step(cause)) did not succeed",
                        "\(step(s))取消办理：\(step(cause))未办成"), nil, nil
                )
            case .failed(let s, let material) where blueprint.fetched(material) != nil:
                return (
                    say(
                        "\(step(s)) failed: \(materials([material])) could not be fetched and did not arrive in time",
                        "\(step(s))办理失败：\(materials([material])) 未能获取，且未在期限内取得"), nil, nil
                )
            case .failed(let s, let material):
                return (
                    say(
                        "\(step(s)) failed: the deferred material \(materials([material])) did not arrive in time",
                        "\(step(s))办理失败：容缺材料 \(materials([material])) 未按期补交"), nil, nil
                )
            case .materialSupplied(let material, let late):
                return late
                    ? (
                        say(
                            "the applicant brought the deferred material \(materials([material])) after its deadline: recorded as late; what needed it has failed",
                            "申请人逾期补交容缺材料 \(materials([material]))：记为逾期，需要该材料的事项已失败"), nil, nil
                    )
                    : (
                        say(
                            "the applicant brought the deferred material \(materials([material]))",
                            "申请人补交容缺材料 \(materials([material]))"), nil, nil
                    )
            case .materialFetched(let material, let reference):
                return (
                    say(
                        "\(materials([material])) fetched (\(source(of: material, in: .en))), no need to bring it",
                        "\(materials([material])) 已\(source(of: material, in: .zh))获取，无需提交"),
                    nil, PrintableText.escaped(reference)
                )
            case .materialUnavailable(let material, let reason, .paper(let dueBy)):
                return (
                    say(
                        "\(materials([material])) could not be fetched (\(source(of: material, in: .en))): "
                            + "the applicant is asked to bring it by \(clock.due(dueBy))",
                        "\(materials([material])) 未能\(source(of: material, in: .zh))获取：请申请人于 "
                            + "\(clock.due(dueBy)) 前提交纸质材料"),
                    nil, PrintableText.escaped(reason)
                )
            case .materialUnavailable(let material, let reason, .wait(let until)):
                return (
                    say(
                        "\(materials([material])) could not be fetched (\(source(of: material, in: .en))): "
                            + "the steps that need it wait for it until \(clock.due(until))",
                        "\(materials([material])) 暂未能\(source(of: material, in: .zh))获取：需要它的事项等待至 "
                            + "\(clock.due(until))"),
                    nil, PrintableText.escaped(reason)
                )
            case .dueSoon(let s, let due):
                return (
                    say("\(step(s)) is due today (\(clock.due(due)))", "\(step(s))今日到期（\(clock.due(due))）"),
                    nil, nil
                )
            case .overdue(let s, let due):
                return (
                    say(
                        "\(step(s)) is overdue (was due \(clock.due(due)))",
                        "\(step(s))已超期（应于 \(clock.due(due)) 前办结）"),
                    nil, nil
                )
            case .decidedBy(let s, let principal):
                return (
                    say(
                        "\(principal) of \(department(ofStep: s)) decides \(step(s)):",
                        "\(department(ofStep: s)) 的 \(principal) 对\(step(s))作出决定："), nil, nil
                )
            case .issued(let s, let documents):
                let named = documents.keys.sorted().map {
                    names.output($0, in: language) + " " + PrintableText.escaped(documents[$0] ?? "")
                }
                return (
                    say("\(step(s)) issues \(list(named))", "\(step(s))出具\(list(named))"), nil, nil
                )
            case .resultRecorded(let s, let results):
                let decided = results.keys.sorted().map { output in
                    names.output(output, in: language) + say(": ", "：")
                        + names.result(results[output] ?? "", of: output, in: language)
                }
                return (
                    say("\(step(s)) decides \(list(decided))", "\(step(s))作出结果：\(list(decided))"), nil, nil
                )
            case .notNeeded(let s):
                return (
                    say(
                        "\(step(s)) is not needed: the results of the case rule it out; it is not sent",
                        "\(step(s))无需办理：依本件事已作出的结果不符合办理条件，不再推送"), nil, nil
                )
            case .escalated(let s, let to):
                let target = names.department(to, in: language)
                return (
                    say(
                        "\(step(s)) at \(department(ofStep: s)) escalated to \(target) (督办)",
                        "\(department(ofStep: s)) 的\(step(s))超期，提请 \(target) 督办"), nil, nil
                )
            case .dueChanged(let s, let from, let to):
                let what = s.map { step($0) } ?? say("the case's promise", "本件事的承诺时限")
                return (
                    say(
                        "\(what): due date moved from \(clock.due(from)) to \(clock.due(to)): the working-day calendar changed",
                        "\(what)：办结期限由 \(clock.due(from)) 调整为 \(clock.due(to))（工作日历已更新）"), nil, nil
                )
            case .outcomeIgnored(let s, let key, let outcome, let status):
                let current = blueprint.steps.indices.contains(s) ? status.rawValue : "?"
                return (
                    say(
                        "a report '\(PrintableText.escaped(outcome))' on \(step(s)) was ignored: the step is \(current)",
                        "关于\(step(s))的部门回报“\(PrintableText.escaped(outcome))”已忽略：该事项当前为 \(current)"),
                    PrintableText.escaped(key), nil
                )
            case .withdrawn(let reason):
                let said = PrintableText.escaped(reason)
                return (
                    say(
                        said.isEmpty
                            ? "the applicant withdrew the application (撤回申请); the steps not finished are cancelled"
                            : "the applicant withdrew the application (撤回申请): \(said); the steps not finished are cancelled",
                        said.isEmpty ? "申请人撤回申请，未办结的事项已撤销" : "申请人撤回申请（\(said)），未办结的事项已撤销"),
                    nil, nil
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
        switch outcome {
        case .completed: language.say("completed", "全部办结")
        case .partial: language.say("partly completed", "部分办结")
        case .refused: language.say("refused", "未获准予")
        case .notAccepted: language.say("not accepted", "不予受理")
        case .withdrawn: language.say("withdrawn by the applicant", "申请人已撤回")
        }
    }
}
