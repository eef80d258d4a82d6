import OneThingRuntime

extension CaseState {
    /// The materials step `index` needs from the applicant that have not arrived: its
    /// deferred materials (容缺), then the fetched ones the service could not provide and
    /// the applicant was asked to bring (`fallback: paper`); none for a step the
    /// blueprint does not have.
    public func missingDeferred(ofStep index: Int) -> [String] {
        awaitedMaterials(of: index).filter {
            !supplied.contains($0) && (fetchFailures[$0].map(\.fallback.isPaper) ?? true)
        }
    }

    /// Whether open step `index` waits for the applicant rather than its department: a
    /// supplement (补正) was asked for, or its approval is held for a deferred material
    /// that has not arrived.
    public func waitsOnApplicant(step index: Int) -> Bool {
        guard steps.indices.contains(index) else { return false }
        switch steps[index].status {
        case .supplementRequested: return true
        case .held: return !missingDeferred(ofStep: index).isEmpty
        default: return false
        }
    }

    /// Working days from `now`'s day through the day `due` ends (0 when it is that day,
    /// negative once it has passed), on `calendar`; calendar days where the calendar
    /// does not reach or is not given, as the runtime's escalation timer does.
    public static func workdaysLeft(from now: Timestamp, to due: Timestamp, on calendar: WorkdayCalendar?)
        -> Int
    {
        let today = now.chinaDate
        let dueDate = WorkdayCalendar.date(endingAt: due)
        if let calendar {
            do {
                return try calendar.workdays(from: today, through: dueDate)
            } catch {
                // Beyond the calendar's years calendar days stand in for working days.
            }
        }
        return dueDate.dayNumber - today.dayNumber
    }
}
