import OneThingModel

extension ReformFigures {
    /// The time before the reform, in working days: the serial sum of the legal limits
    /// (法定时限) of the applicable items, as if the applicant went from one department
    /// to the next and each used its full legal limit — the "法定工作日" the published
    /// figures compress (綦江: "承诺办结时限由34977个法定工作日压缩至6298个工作日").
    ///
    /// An item without a legal limit counts with its promised limit (承诺时限): the law
    /// sets it no longer limit to compare with. Limits in other units are converted to
    /// working-day equivalents (``TimeLimit/workdayEquivalent``: 8 hours = 1 working
    /// day, 7 calendar days = 5). A joint inspection adds nothing: before the reform
    /// each department's own site check was part of its item's legal limit.
    ///
    /// Time not counted (`not-counted:`: a 公示, 检验, 专家评审) is on neither side of the
    /// figures: the law leaves it out of the legal limits added up here, and the promise
    /// leaves it out of the critical path after (``workdaysAfter(_:)``), so the figures
    /// compare limits with limits, as the published "法定工作日" do.
    public static func workdaysBefore(_ plan: Plan) -> Double {
        plan.decisions.filter(\.applies).reduce(0) { sum, decision in
            sum
                + (plan.bundle.items[decision.index].legal?.value ?? plan.promised(ofItem: decision.index))
                .workdayEquivalent
        }
    }

    /// The part of ``workdaysBefore(_:)`` that is legal, in working days: the sum of
    /// the legal limits (法定时限) of the applicable items that have one. The rest of
    /// ``workdaysBefore(_:)`` is promised limits of items without a legal limit, which a
    /// page must not present as legal.
    public static func legalWorkdaysBefore(_ plan: Plan) -> Double {
        plan.decisions.filter(\.applies).reduce(0) { sum, decision in
            sum + (plan.bundle.items[decision.index].legal?.value.workdayEquivalent ?? 0)
        }
    }

    /// The share of ``workdaysBefore(_:)`` that is legal, in percent rounded to one
    /// decimal. When there is no time before (every limit 即办), days cannot weigh the
    /// items: the share is that of the applicable items with a legal limit, so that
    /// items with no legal limit stated anywhere are 0 % legal ("法定占0%"), never a
    /// 100 % of nothing; with no item at all it is 0.
    public static func legalShareBefore(_ plan: Plan) -> Double {
        let before = workdaysBefore(plan)
        guard before > 0 else {
            let applicable = plan.applicableItems
            guard !applicable.isEmpty else { return 0 }
            let legal = applicable.filter { $0.legal != nil }.count
            return FigureChange.roundedToOneDecimal(Double(legal) / Double(applicable.count) * 100)
        }
        return FigureChange.roundedToOneDecimal(legalWorkdaysBefore(plan) / before * 100)
    }

    /// The time after the reform, in working days: the plan's critical path of promised
    /// limits (``CriticalPath``), the items running in parallel where they do not wait
    /// for each other and a joint inspection taking its own promised duration. Time not
    /// counted is not on it (``CriticalPath`` counts what the limits count).
    public static func workdaysAfter(_ plan: Plan) -> Double {
        plan.criticalPath.workdays
    }
}
