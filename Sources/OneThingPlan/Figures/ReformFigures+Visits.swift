import OneThingModel

extension ReformFigures {
    /// The visits before the reform: one per department that has an in-person step,
    /// that is, an applicable item that is not fully online (`online: true`, 全程网办).
    /// Several items of one department are one visit to its window; the published
    /// "跑10个部门" (宣恩) counts the same way.
    public static func visitsBefore(_ plan: Plan) -> Int {
        Set(plan.applicableItems.filter { !$0.online }.map(\.department.value)).count
    }

    /// The visits after the reform: one visit to the one window (一窗受理) when an
    /// applicable item done there is not fully online, and one to each other place an
    /// applicable item must be done at (`place:`, such as the recycler the old car is
    /// delivered to); none when every item is fully online.
    ///
    /// A material that may follow later (容缺) is not counted as a second visit: it can
    /// be sent in, and a reform figure counts the visits the procedure requires.
    public static func visitsAfter(_ plan: Plan) -> Int {
        let inPerson = plan.applicableItems.filter { !$0.online }
        return (inPerson.contains { $0.place == nil } ? 1 : 0) + otherPlaces(plan).count
    }

    /// The places other than the one window that the applicable items are done at, in
    /// the order the bundle first names them.
    public static func otherPlaces(_ plan: Plan) -> [String] {
        var places: [String] = []
        for place in plan.applicableItems.filter({ !$0.online }).compactMap(\.place)
        where !places.contains(place) {
            places.append(place)
        }
        return places
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
