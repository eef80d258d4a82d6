import OneThingModel

extension ReformFigures {
    /// The visits before the reform: one per department that has an in-person step,
    /// that is, an applicable item that is not fully online (`online: true`, 全程网办).
    /// Several items of one department are one visit to its window; the published
    /// "跑10个部门" (宣恩) counts the same way.
    public static func visitsBefore(_ plan: Plan) -> Int {
        Set(plan.applicableItems.filter { !$0.online }.map(\.department.value)).count
    }

    /// The visits after the reform: one visit to the one window (一窗受理) when any
    /// applicable item is not fully online, none when every one is.
    ///
    /// A material that may follow later (容缺) is not counted as a second visit: it can
    /// be sent in, and a reform figure counts the visits the procedure requires.
    public static func visitsAfter(_ plan: Plan) -> Int {
        plan.applicableItems.contains { !$0.online } ? 1 : 0
    }

    /// The departments the case involves: those of the applicable items and of the
    /// joint inspections that take place (an inspection's organiser, when named).
    public static func departments(_ plan: Plan) -> Int {
        departmentIDs(plan).count
    }

    /// The ids of the departments ``departments(_:)`` counts, in the order the bundle
    /// first names them (items, then inspections).
    public static func departmentIDs(_ plan: Plan) -> [String] {
        var ids: [String] = []
        let named =
            plan.applicableItems.map(\.department.value)
            + plan.inspections.compactMap { plan.bundle.inspections[$0].department?.value }
        for id in named where !ids.contains(id) { ids.append(id) }
        return ids
    }
}
