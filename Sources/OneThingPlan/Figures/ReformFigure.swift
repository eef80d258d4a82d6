/// The reform figures that have a before, an after and a reduction, in the order the
/// published reports list them (材料、时限、跑动、环节).
public enum ReformFigure: String, Sendable, Hashable, CaseIterable {
    /// Materials the applicant hands in (申报材料).
    case materials
    /// Time in working days (办理时限).
    case workdays
    /// Visits to a window (跑动次数).
    case visits
    /// Steps of the procedure (办事环节).
    case steps
}
