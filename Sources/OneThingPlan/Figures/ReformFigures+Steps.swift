import OneThingModel

extension ReformFigures {
    /// The steps per item before the reform: application, acceptance, review and
    /// decision, issue.
    public static let stepsPerItemBefore = 4

    /// The steps (办事环节) before the reform: four per applicable item, and one site
    /// check per applicable item that now takes part in a joint inspection.
    ///
    /// The model, before and after (``stepsAfter(_:)``):
    ///
    /// **Before the reform** every item is its own procedure of four steps, the stages
    /// 行政许可法 chapter 4 sets for a permit and that the other kinds of item (登记,
    /// 给付, 证明) are taken to share: application (申请) and acceptance (受理, §§29–33),
    /// review and decision (审查与决定, §§34–41), and issue (颁发、送达, §44). An item that
    /// now takes part in a joint inspection had its own site check then: one more step.
    ///
    /// **After the reform** the case is one procedure: one application (一表申请), one
    /// acceptance (一窗受理: the plan's intake, 综合收件), one review and decision per
    /// applicable item (the departments still decide, in parallel), one step per joint
    /// inspection that takes place (联合勘验), and one delivery (统一出件).
    ///
    /// With `n` applicable items, `m` of them in joint inspections and `k` inspections:
    /// before `4n + m`, after `n + k + 3`. Application and acceptance are counted alike
    /// before and after, one each per application (not merged into one intake step
    /// after the reform only), so a "bundle" of a single item shows no reduction:
    /// bundling one item changes nothing. Without inspections the reduction is
    /// 1 − (n + 3) ÷ 4n: 0% for one item, 37.5% for two, 50% for three, 62.5% for six,
    /// 65.6% for eight, approaching 75% as the bundle grows. The published figures fall
    /// in that range: 綦江 "办事环节减少40.5%" (articles/002; a bundle of two or three
    /// items in this model) and 黄石 "办事环节平均减少75%" (articles/000) — the model's
    /// limit, and what a count gives that keeps only each item's decision after the
    /// reform (4 → 1 per item) and leaves out the window's own steps. Counting those, as
    /// here, is the more conservative choice.
    ///
    /// Not modelled: items decided on the spot (即办件) may have fewer stages; every item
    /// counts four here. The published figures do not say how they count them.
    public static func stepsBefore(_ plan: Plan) -> Int {
        let items = plan.applicableItems.count
        let inspected = plan.inspections.reduce(0) { $0 + plan.graph.participants[$1].count }
        return stepsPerItemBefore * items + inspected
    }

    /// The steps after the reform: one application, one acceptance, one review and
    /// decision per applicable item, one per joint inspection that takes place, and one
    /// delivery; none when no item applies. The model is documented at
    /// ``stepsBefore(_:)``.
    public static func stepsAfter(_ plan: Plan) -> Int {
        let items = plan.applicableItems.count
        guard items > 0 else { return 0 }
        return 1 + 1 + items + plan.inspections.count + 1
    }
}
