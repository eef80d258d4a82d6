import OneThing
import OneThingCalendar

extension FiguresTable {
    /// The table for people: for each bundle a heading, whose plan it is, the figures
    /// before and after with their reductions, and what became of the materials; then
    /// the averages. Columns are aligned for terminals that show Chinese characters two
    /// columns wide.
    public func text(language: Language) -> String {
        let zh = language == .zh
        var lines: [String] = []
        for row in rows {
            lines += Self.lines(row, zh: zh)
            lines.append("")
        }
        lines.append(zh ? Self.modelZH : Self.modelEN)
        lines.append("")
        lines += averageLines(zh: zh)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one bundle.
    private static func lines(_ row: Row, zh: Bool) -> [String] {
        let figures = row.figures
        var lines = [
            zh ? "\(row.title)（\(row.bundle)，\(row.file)）" : "\(row.bundle) — \(row.title) (\(row.file))",
            caseLine(row.case, items: figures.items, zh: zh),
            "",
        ]
        var cells = [
            zh
                ? ["指标", "改革前", "改革后", "降幅", "依据（改革前 / 改革后）"]
                : ["Figure", "Before", "After", "Reduction", "Basis (before / after)"]
        ]
        for figure in ReformFigure.allCases {
            let change = figures[figure]
            cells.append([
                label(figure, zh: zh), number(change.before), number(change.after),
                percent(change.reduction), bases(change.beforeBasis, change.afterBasis, zh: zh),
            ])
        }
        cells.append([
            zh ? "涉及部门（个）" : "Departments", String(figures.departmentsBefore), String(figures.departments),
            "—",
            bases(figures.departmentsBeforeBasis, .counted, zh: zh),
        ])
        lines += layout(cells, textColumns: [4])
        lines.append("")
        lines.append("  " + checklistLine(figures.checklist, zh: zh))
        lines += sourceLines(figures, zh: zh)
        return lines
    }

    /// The bases of a figure's two sides, for the table's last column.
    static func bases(_ before: FigureBasis, _ after: FigureBasis, zh: Bool) -> String {
        basisLabel(before, zh: zh) + " / " + basisLabel(after, zh: zh)
    }

    /// What one side of a figure rests on, in a few words; a figure resting mostly on
    /// assumptions says so.
    static func basisLabel(_ basis: FigureBasis, zh: Bool) -> String {
        switch basis {
        case .counted: return zh ? "按文件清点" : "counted"
        case .legal(let share):
            let shown = DecimalText.trimmed(share, places: 1)
            if share == 0 {
                return zh ? "法定占0%，全为承诺" : "0% legal: all promised"
            }
            if share < 50 {
                return zh ? "法定仅占\(shown)%，余为承诺" : "only \(shown)% legal, the rest promised"
            }
            return zh ? "法定时限（法定占\(shown)%）" : "legal limits (\(shown)% legal)"
        case .promised: return zh ? "承诺（假定兑现）" : "promised (assumed kept)"
        case .assumed: return zh ? "口径假定" : "model assumption"
        case .declared(let place, _):
            return zh ? "公布数字（\(place ?? "见来源")）" : "published (\(place ?? "see the source"))"
        }
    }

    /// The sources of the declared figures of a row, one line each; none when no figure
    /// is declared.
    private static func sourceLines(_ figures: ReformFigures, zh: Bool) -> [String] {
        var sources: [BaselineSource] = []
        var computed: [String] = []
        for figure in ReformFigure.allCases {
            guard case .declared(_, let source) = figures[figure].beforeBasis else { continue }
            if !sources.contains(source) { sources.append(source) }
            if let before = figures[figure].computedBefore {
                computed.append(label(figure, zh: zh) + " " + number(before))
            }
        }
        if case .declared(_, let source) = figures.departmentsBeforeBasis, !sources.contains(source) {
            sources.append(source)
        }
        guard !sources.isEmpty else { return [] }
        var lines = sources.map {
            (zh ? "  改革前数字来源：" : "  Before-reform figures published in: ") + $0.citation
        }
        if !computed.isEmpty {
            lines.append(
                zh
                    ? "  按本文件事项计算的改革前数字：" + computed.joined(separator: "，") + "。"
                    : "  The before figures computed from this file's items: "
                        + computed.joined(separator: ", ") + ".")
        }
        return lines
    }

    /// Whose plan the figures are of, and how many items apply.
    private static func caseLine(_ planCase: Case, items: Int, zh: Bool) -> String {
        let apply = items == 1 ? "1 item applies." : "\(items) items apply."
        switch planCase {
        case .worstCase:
            return zh
                ? "最坏情况：未给出答案，按关键路径最长的申请人计算；适用 \(items) 个事项。"
                : "Worst case: no answers given; the applicant whose critical path is longest. \(apply)"
        case .testCase(let name):
            return zh ? "用例：\(name)；适用 \(items) 个事项。" : "Case: \(name). \(apply)"
        case .answersFile(let path):
            return zh ? "答案：\(path)；适用 \(items) 个事项。" : "Answers: \(path). \(apply)"
        }
    }

    /// What became of the unique materials of the checklist.
    private static func checklistLine(_ checklist: [MaterialStatus: Int], zh: Bool) -> String {
        let count = { (status: MaterialStatus) in checklist[status] ?? 0 }
        return zh
            ? "改革后材料：提交 \(count(.bring)) 份，容缺后补 \(count(.later)) 份；无需提交：告知承诺代替 "
                + "\(count(.commitment)) 份，电子证照或共享数据 \(count(.fetched)) 份，本件事内出具 \(count(.issued)) 份。"
            : "Materials after: \(count(.bring)) to bring, \(count(.later)) later (容缺); not brought: "
                + "\(count(.commitment)) replaced by a commitment, \(count(.fetched)) fetched electronically, "
                + "\(count(.issued)) issued within the case."
    }

    /// The averages, as a table and as the published reports word them.
    private func averageLines(zh: Bool) -> [String] {
        let averages = averages
        guard averages.bundles > 0 else {
            return [zh ? "没有可计算平均值的一件事。" : "No bundle to average."]
        }
        var lines = [
            zh
                ? "\(averages.bundles) 件事平均（各件事降幅的算术平均）："
                : "Averages over \(averages.bundles) bundle\(averages.bundles == 1 ? "" : "s") "
                    + "(the plain mean of each bundle's reduction):",
            "",
        ]
        var cells = [zh ? ["指标", "平均降幅", "件数"] : ["Figure", "Average reduction", "Bundles"]]
        for figure in ReformFigure.allCases {
            cells.append([
                Self.label(figure, zh: zh), Self.percent(averages.reduction(figure)),
                String(averages.counted[figure] ?? 0),
            ])
        }
        lines += Self.layout(cells)
        lines.append("")
        let shown = ReformFigure.allCases.map { Self.percent(averages.reduction($0)) }
        lines.append(
            zh
                ? "  即申报材料平均精简\(shown[0])，办理时限平均压缩\(shown[1])，跑动次数平均减少\(shown[2])，办事环节平均减少\(shown[3])。"
                : "  That is, on average: materials cut by \(shown[0]), time by \(shown[1]), visits by \(shown[2]), "
                    + "steps by \(shown[3]).")
        return lines
    }

    /// How the figures are counted, in one paragraph.
    private static let modelEN = """
        Before: item by item — every item's materials, legal limits one after another (an item without \
        one counts with its promise, which is not legal), a visit to each department, 4 steps per item; \
        a figure the bundle declares from a published baseline replaces the computed one. After: one \
        bundle — the unique materials still brought, the critical path of promised limits, one window, one \
        application, acceptance and delivery around each item's decision. The last column says what each \
        side rests on.
        """

    private static let modelZH = """
        改革前按逐项办理计：各事项材料分别提交，法定时限依次相加（没有法定时限的事项按承诺时限计，不是法定时限），\
        每个部门跑一次，每个事项 4 个环节；文件声明了某地公布的改革前数字的，以公布数字代替计算值。\
        改革后按一件事计：去重后仍需提交的材料，承诺时限的关键路径，一窗受理，一次申请、受理和统一出件加各事项审查决定。\
        最后一列写明每个数字的依据。
        """

    /// The row label of a figure.
    static func label(_ figure: ReformFigure, zh: Bool) -> String {
        switch figure {
        case .materials: zh ? "申报材料（份）" : "Materials (pieces)"
        case .workdays: zh ? "办理时限（工作日）" : "Time (working days)"
        case .visits: zh ? "跑动次数（次）" : "Visits"
        case .steps: zh ? "办事环节（个）" : "Steps"
        }
    }

    /// A figure for the table: rounded to one decimal, without `.0`: `28`, `8.6`.
    static func number(_ value: Double) -> String {
        DecimalText.trimmed(FigureChange.roundedToOneDecimal(value), places: 1)
    }

    /// A reduction as published, with one decimal: `89.3%`, `50.0%`, `-5.0%`; `—` when
    /// there is none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        let magnitude = abs(FigureChange.roundedToOneDecimal(value))
        let sign = value < 0 && magnitude > 0 ? "-" : ""
        return sign + DecimalText.fixed(magnitude, places: 1) + "%"
    }
}
