import OneThingModel
import OneThingPlan
import OneThingSource

/// The chains of steps a plan is timed by, in words: the chain that decides the delivery
/// date, and the longest chain the time limits count when it is another one. `onething
/// plan` and the notice both say them with these words.
///
/// Without time that no limit counts the two are one chain. A 公示 of 20日 before a
/// registration of 1 working day, beside a 清税 of 10 working days, makes them two: the
/// 公示's chain decides the dates (1 working day counted, 20日 not), the 清税's is what
/// the promise of 11 working days is checked against.
public struct CriticalPathWords: Sendable {
    /// The plan.
    public let plan: Plan
    /// Its schedule.
    public let schedule: Schedule
    /// The language of the words.
    public let language: Language

    /// Words for the chains of `plan` on `schedule`, in `language`.
    public init(plan: Plan, schedule: Schedule, language: Language) {
        self.plan = plan
        self.schedule = schedule
        self.language = language
    }

    /// The chain that decides the delivery date: `综合收件 → 简易注销公示（当场办结；不计入：
    /// 简易注销公示20日） → 简易注销登记（1个工作日） → 统一出件`.
    public var deliveryChain: String { chain(schedule.times.criticalPath) }

    /// The working days the limits count along ``deliveryChain``, formatted (`1`, `2.5`).
    public var deliveryChainWorkdays: String {
        CriticalPath.format(schedule.countedWorkdaysOfCriticalPath(of: plan))
    }

    /// What ``deliveryChain`` takes besides, that no limit counts: `，另有不计入办理时限的
    /// 简易注销公示20日`, `` (none) ``.
    public var notCounted: LocalizedText {
        let onPath = schedule.uncountedOnCriticalPath(of: plan.bundle)
        guard !onPath.isEmpty else { return LocalizedText(en: "", zh: "") }
        let besides = UncountedTime.list(onPath)
        return LocalizedText(
            en: " counted; besides, not counted: \(besides.en)", zh: "，另有不计入办理时限的\(besides.zh)")
    }

    /// The longest chain the limits count, with its working days, when it is not
    /// ``deliveryChain``; `nil` when it is.
    public var longestCounted: (workdays: String, chain: String)? {
        let counted = plan.criticalPath.workdays
        guard abs(schedule.countedWorkdaysOfCriticalPath(of: plan) - counted) > 1e-9 else { return nil }
        return (CriticalPath.format(counted), chain(plan.criticalPath.steps))
    }

    /// `综合收件 → 步骤（时限） → … → 统一出件`.
    func chain<Clock>(_ steps: [StepTimes<Clock>.Step]) -> String {
        let named = steps.map { step -> String in
            switch step {
            case .item(let i):
                "\(plan.bundle.items[i].name)（"
                    + UncountedTime.stepTime(
                        Self.limit(plan.promised(ofItem: i), in: language), plan.bundle.items[i].notCounted,
                        in: language)
                    + "）"
            case .inspection(let k):
                "\(plan.bundle.inspections[k].name)（"
                    + Self.limit(plan.bundle.inspections[k].duration.value, in: language) + "）"
            }
        }
        return ([language.say("intake", "综合收件")] + named + [language.say("delivery", "统一出件")])
            .joined(separator: " → ")
    }

    /// `1 working day`, `2.5 working days`: formatted working days in English.
    public static func workingDays(_ days: String) -> String {
        days == "1" ? "1 working day" : "\(days) working days"
    }

    /// A step's limit: `当场办结` for none, else `1个工作日`, `1 workday`.
    static func limit(_ limit: TimeLimit, in language: Language) -> String {
        if limit.amount == 0 { return language.say("on the spot", "当场办结") }
        return language.say(limit.description, limit.chineseDescription)
    }
}
