import OneThingCalendar
import OneThingSource

/// Time that an item's step takes but that no time limit counts (不计入办理时限): 行政许可法
/// §45's "听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审 … 所需时间不计算在本节规定的期限内",
/// or a period another law fixes, such as 市场主体登记管理条例 §33's 20-day 公示.
///
/// Its meaning is one rule, read in one place each (``StepGraph`` in OneThingPlan): the
/// step takes its promised limit and then each period not counted, in the order
/// written. The checks of promises against the law and against the bundle's promise
/// leave it out, as the law does; the dates shown to the applicant include it, and say so.
public struct UncountedTime: Hashable, Sendable {
    /// Whether the period always runs its full length, or may end sooner.
    public enum Bound: String, Hashable, Sendable, CaseIterable {
        /// A fixed period that runs its full length (`lasts:`): a 公示, an objection period.
        case lasts
        /// The most it may take (`at-most:`): a 检验, 鉴定 or 专家评审, which the office
        /// tells the applicant in writing (§45) and which may end sooner.
        case atMost = "at-most"
    }

    /// What takes the time: `公示`, `专家评审`.
    public var name: String
    /// How long it takes, or at most.
    public var period: Located<TimeLimit>
    /// Whether ``period`` is fixed or the most it may take.
    public var bound: Bound
    /// The law that leaves it out of the limit, or that sets the period.
    public var basis: [LegalBasis]
    /// The span of the whole entry.
    public var span: SourceSpan

    /// Creates a period not counted.
    public init(
        name: String, period: Located<TimeLimit>, bound: Bound = .lasts, basis: [LegalBasis], span: SourceSpan
    ) {
        self.name = name
        self.period = period
        self.bound = bound
        self.basis = basis
        self.span = span
    }

    /// The period as the applicant reads it: `简易注销公示20日`, `专家评审最长15个工作日`;
    /// `简易注销公示 (20 days)`, `专家评审 (at most 15 workdays)`.
    public var description: LocalizedText {
        switch bound {
        case .lasts:
            LocalizedText(en: "\(name) (\(period.value))", zh: "\(name)\(period.value.chineseDescription)")
        case .atMost:
            LocalizedText(
                en: "\(name) (at most \(period.value))", zh: "\(name)最长\(period.value.chineseDescription)")
        }
    }

    /// The longest period not counted that the language accepts: a year. Anything longer
    /// is a mistake in the file (a unit or a digit), not a period a law fixes.
    public static let longestPeriod = TimeLimit(365, .days)
}

extension UncountedTime {
    /// The periods of `times`, one after the other: `简易注销公示20日、专家评审最长15个工作日`.
    public static func list(_ times: [UncountedTime]) -> LocalizedText {
        LocalizedText(
            en: times.map(\.description.en).joined(separator: "; "),
            zh: times.map(\.description.zh).joined(separator: "、"))
    }

    /// What a date that includes `times` says of them: `已含不计入办理时限的简易注销公示20日`,
    /// "including 简易注销公示 (20 days), which the time limits do not count"; `nil` when
    /// there are none. Every date shown with such time in it (plan, notice) says it so.
    public static func included(_ times: [UncountedTime]) -> LocalizedText? {
        guard !times.isEmpty else { return nil }
        let list = list(times)
        return LocalizedText(
            en: "including \(list.en), which the time limits do not count",
            zh: "已含不计入办理时限的\(list.zh)")
    }
}

extension UncountedTime {
    /// A step's time as a plan or notice shows it: its limit as written (`limit`), then
    /// each period not counted: `当场办结；不计入：简易注销公示20日`.
    public static func stepTime(_ limit: String, _ times: [UncountedTime], in language: Language) -> String {
        let periods = times.map {
            LocalizedText(en: "not counted: ", zh: "不计入：").text(in: language)
                + $0.description.text(in: language)
        }
        return ([limit] + periods).joined(separator: language == .zh ? "；" : "; ")
    }
}
