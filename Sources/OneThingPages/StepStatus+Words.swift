import OneThing
import OneThingPresentation
import OneThingRuntime

/// Where a step stands, in words and a tone, as the pages show it.
extension StepStatus {
    /// The words for a step of `kind` in this status: an inspection passes rather
    /// than is approved. `waitsOnApplicant` tells a held approval whose deferred
    /// material has not arrived from one about to be issued.
    func words(kind: CaseBlueprint.StepKind, waitsOnApplicant: Bool = false) -> LocalizedText {
        let inspection = kind == .inspection
        switch self {
        case .waiting: return LocalizedText(en: "waiting for earlier steps", zh: "等待前序事项")
        case .ready: return LocalizedText(en: "being sent", zh: "待推送")
        case .dispatched: return LocalizedText(en: "sent, not yet taken up", zh: "已推送，待受理")
        case .inReview:
            return inspection
                ? LocalizedText(en: "inspection under way", zh: "勘验中")
                : LocalizedText(en: "in review", zh: "审查中")
        case .supplementRequested: return LocalizedText(en: "supplement requested", zh: "待补正")
        case .held:
            return waitsOnApplicant
                ? LocalizedText(en: "approved, awaiting deferred material", zh: "已核准，待补交容缺材料")
                : LocalizedText(en: "approved, being issued", zh: "已核准，待出证")
        case .approved:
            return inspection
                ? LocalizedText(en: "passed", zh: "勘验通过") : LocalizedText(en: "approved", zh: "已办结")
        case .rejected:
            return inspection
                ? LocalizedText(en: "not passed", zh: "勘验未通过") : LocalizedText(en: "rejected", zh: "不予许可")
        case .cancelled: return LocalizedText(en: "cancelled", zh: "已取消")
        case .failed: return LocalizedText(en: "failed: deferred material late", zh: "容缺材料逾期，办理失败")
        case .notNeeded:
            return LocalizedText(en: "not needed: the results of the case rule it out", zh: "依评定结果无需办理")
        }
    }

    /// The tone of the status's chip.
    func tone(waitsOnApplicant: Bool = false) -> PageMarkup.Tone {
        switch self {
        case .approved: .done
        case .rejected, .failed: .late
        case .waiting, .cancelled, .notNeeded: .off
        case .supplementRequested: .applicant
        case .held: waitsOnApplicant ? .applicant : .open
        case .ready, .dispatched, .inReview: .open
        }
    }
}
