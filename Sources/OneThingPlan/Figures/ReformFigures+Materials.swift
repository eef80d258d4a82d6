import OneThingModel

extension ReformFigures {
    /// The materials the applicant would have handed in before the reform: every need of
    /// every applicable item, counted once per item, because each department asked for
    /// its own copy.
    ///
    /// Everything an item needs counts, however the bundle now provides it: an identity
    /// card now fetched as an electronic licence was a photocopy at every window, and a
    /// certificate that one item of the bundle now issues to the next (the 死亡证明) was
    /// carried by the applicant from the department that issued it to each department
    /// that asked for it. A need counts where it applies (a need under a condition
    /// only for the applicants it concerns), and a group (`one-of`, `any-of`,
    /// `all-that-apply`) is one material. A thing that is not a document (the old car,
    /// ``MaterialKind/object``) is no 申报材料 and is not counted. A need from parties
    /// (`from:`) counts once for each of them that takes part: each brings their own copy
    /// (the buyer's and the seller's 居民身份证 are two materials), as after the reform
    /// (``ChecklistEntry/copies``).
    public static func materialsBefore(_ plan: Plan) -> Int {
        let takingPart = Set(plan.partiesTakingPart.map(\.id.value))
        return plan.decisions.filter(\.applies).reduce(0) { sum, decision in
            sum
                + plan.applicableNeeds(ofItem: decision.index).filter { need in
                    !(need.kind == .single && need.choices.allSatisfy { plan.objects.contains($0.value) })
                }.reduce(0) { count, need in
                    count + max(1, need.from.filter { takingPart.contains($0.value) }.count)
                }
        }
    }

    /// The materials the applicant still brings after the reform: the unique entries of
    /// the plan's checklist (一次性告知) whose status is ``MaterialStatus/bring`` or
    /// ``MaterialStatus/later`` (容缺: brought after acceptance, but brought).
    ///
    /// Not counted, because the applicant hands in no paper for them:
    /// - ``MaterialStatus/commitment``: a signed commitment (告知承诺) replaces the
    ///   material; the commitment is signed on the one application form ("材料'一大堆'
    ///   到'一纸承诺'", 宣恩);
    /// - ``MaterialStatus/fetched``: taken from an electronic licence or shared data;
    /// - ``MaterialStatus/issued``: issued by an item of the same case and passed on by
    ///   the back office.
    ///
    /// Nor is a thing that is not a document (``MaterialKind/object``): brought, but no 申报材料.
    /// A line brought by several parties counts once for each of them
    /// (``ChecklistEntry/copies``).
    public static func materialsAfter(_ plan: Plan) -> Int {
        plan.materialsToBring.filter { !$0.isObject }.reduce(0) { $0 + $1.copies }
    }
}
