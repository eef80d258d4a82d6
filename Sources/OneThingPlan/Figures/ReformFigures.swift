import OneThingModel

/// The reform figures (改革成效) of one plan: what the applicant's case would have
/// taken item by item before the "一件事一次办" reform, and what it takes as one
/// bundle, in the terms the published reports use — "申报材料精简50%",
/// "时限压缩69.6%", "办事环节减少40.5%", "跑动次数减少80%".
///
/// Every figure is computed from the plan alone (the bundle, the items that apply and
/// the materials checklist); the model behind each is documented where it is
/// computed:
/// - materials: ``materialsBefore(_:)`` and ``materialsAfter(_:)``;
/// - time: ``workdaysBefore(_:)`` and ``workdaysAfter(_:)``;
/// - visits: ``visitsBefore(_:)`` and ``visitsAfter(_:)``;
/// - steps: ``stepsBefore(_:)`` and ``stepsAfter(_:)``;
/// - departments: ``departments(_:)``.
///
/// ```swift
/// let figures = ReformFigures(plan: try builder.worstCasePlan())
/// figures.materials  // before 37, after 3 (after-death's worst case)
/// figures.materials.publishedReduction  // 91.9, as in "申报材料精简91.9%"
/// ```
public struct ReformFigures: Hashable, Sendable {
    /// Materials the applicant hands in: item by item before, unique ones to bring after.
    public var materials: FigureChange
    /// Time in working days: the serial sum of legal limits before, the critical path of
    /// promised limits after.
    public var workdays: FigureChange
    /// Visits to a window: one per department before, one window after.
    public var visits: FigureChange
    /// Steps of the procedure (办事环节).
    public var steps: FigureChange
    /// The departments the case involves, before and after alike: the reform changes
    /// whom the applicant deals with (``visits``), not which departments decide.
    public var departments: Int
    /// The departments before the reform: ``departments`` unless a declared baseline
    /// publishes another count ("跑10个部门"), which may cover other items than this
    /// bundle's and so is never compared with ``departments`` as a reduction.
    public var departmentsBefore: Int
    /// What ``departmentsBefore`` rests on: counted, or the declared baseline.
    public var departmentsBeforeBasis: FigureBasis = .counted
    /// The number of items that apply.
    public var items: Int
    /// The unique materials of the checklist by how they are provided: what stands
    /// behind ``materials``' after figure (``MaterialStatus/bring`` and
    /// ``MaterialStatus/later``) and what the reform took off the applicant's hands.
    public var checklist: [MaterialStatus: Int]

    /// The figures of `plan`. Where the bundle declares a published pre-reform figure
    /// (``ServiceBundle/baseline``), it is the figure before, with its source as its
    /// basis, and the computed one is kept in ``FigureChange/computedBefore``.
    public init(plan: Plan) {
        let baseline = plan.bundle.baseline
        let declared = baseline.map { FigureBasis.declared(place: $0.place, source: $0.source) }
        func change(
            _ computed: Double, _ published: Double?, after: Double, basis: FigureBasis,
            afterBasis: FigureBasis
        ) -> FigureChange {
            guard let published, let declared else {
                return FigureChange(
                    before: computed, after: after, beforeBasis: basis, afterBasis: afterBasis)
            }
            return FigureChange(
                before: published, after: after, beforeBasis: declared, afterBasis: afterBasis,
                computedBefore: computed)
        }
        self.materials = change(
            Double(Self.materialsBefore(plan)), baseline?.materials.map { Double($0.value) },
            after: Double(Self.materialsAfter(plan)), basis: .counted, afterBasis: .counted)
        self.workdays = change(
            Self.workdaysBefore(plan), baseline?.workdays?.value, after: Self.workdaysAfter(plan),
            basis: .legal(legalShare: Self.legalShareBefore(plan)), afterBasis: .promised)
        self.visits = change(
            Double(Self.visitsBefore(plan)), baseline?.visits.map { Double($0.value) },
            after: Double(Self.visitsAfter(plan)), basis: .assumed, afterBasis: .assumed)
        self.steps = FigureChange(
            before: Double(Self.stepsBefore(plan)), after: Double(Self.stepsAfter(plan)),
            beforeBasis: .assumed,
            afterBasis: .assumed)
        self.departments = Self.departments(plan)
        self.departmentsBefore = departments
        if let published = baseline?.departments, let declared {
            self.departmentsBefore = published.value
            self.departmentsBeforeBasis = declared
        }
        self.items = plan.applicableItems.count
        self.checklist = Dictionary(plan.materials.map { ($0.status, 1) }, uniquingKeysWith: +)
    }

    /// Creates figures from their values.
    public init(
        materials: FigureChange, workdays: FigureChange, visits: FigureChange, steps: FigureChange,
        departments: Int, items: Int, checklist: [MaterialStatus: Int] = [:]
    ) {
        self.materials = materials
        self.workdays = workdays
        self.visits = visits
        self.steps = steps
        self.departments = departments
        self.departmentsBefore = departments
        self.items = items
        self.checklist = checklist
    }

    /// The figure of one kind.
    public subscript(figure: ReformFigure) -> FigureChange {
        switch figure {
        case .materials: materials
        case .workdays: workdays
        case .visits: visits
        case .steps: steps
        }
    }
}
