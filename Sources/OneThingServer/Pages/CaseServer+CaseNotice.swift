import OneThing
import OneThingPlan
import OneThingPresentation
import OneThingRuntime

extension CaseServer {
    /// The one-time notice (一次性告知书, in Chinese) of case `state`: its bundle planned
    /// again for the answers it started with, scheduled from the day it was accepted.
    /// `nil` when the bundle served now is not the version the case is pinned to (the
    /// plan would say something else than the case), or the case has no start.
    func notice(of state: CaseState) async -> NoticeDocument? {
        guard let start = state.start, let accepted = state.startedAt?.chinaDate,
            let entry = await library.entry(start.bundle)
        else { return nil }
        // The answers as stored are the values as written (`true`, `80`, `"text"`): a
        // flow mapping of them is the answers document the case was created with.
        let text =
            "{"
            + start.answers.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(
                separator: ", ")
            + "}"
        do {
            let document = try RequestDocument(parsing: Array(text.utf8))
            let plan = try CaseCreation.plan(entry, answers: document.root)
            guard
                CaseBlueprint(plan: plan, catalogue: entry.loaded.catalogue).fingerprint
                    == state.blueprint.fingerprint
            else { return nil }
            let schedule = try Schedule(plan: plan, calendar: desk.calendar, accepted: accepted)
            return try NoticeDocument(
                plan: plan, schedule: schedule, catalogue: entry.loaded.catalogue, language: .zh)
        } catch {
            logger.warning(
                "the case's one-time notice could not be made again; its page shows none",
                metadata: ["case": "\(state.id)", "error": "\(error)"])
            return nil
        }
    }
}
