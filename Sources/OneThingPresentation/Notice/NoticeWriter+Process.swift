import OneThing

extension NoticeWriter {
    /// What happens after the applicant hands in the materials, and how to ask for help.
    func processBlocks() -> [NoticeBlock] {
        let departments = Set(applying.map { bundle.items[$0.index].department.value }).count
        var steps: [String] = []
        steps.append(
            say(
                "Intake (综合收件): the window checks your materials and accepts the case. If something must be corrected or added (补正), you are told once, everything at the same time.",
                "综合收件：窗口一次收齐材料并当场审核。材料齐全的予以受理；需要补正的，一次性告知需要补正的全部内容，不再多次告知。"
            ))
        var parallel = say(
            "Parallel approvals (并联审批): the \(applying.count) items go to \(departments) departments, and those that do not wait for one another run at the same time; no department asks you again for what you have handed in.",
            "并联审批：\(applying.count)个事项分送\(departments)个部门办理，互不等待的事项同时办理；各部门共享您已提交的材料，不再要求您重复提交。")
        let inspections = plan.inspections.map { words.quote(bundle.inspections[$0].name) }
        if !inspections.isEmpty {
            parallel += say(
                " Site checks are done together in one joint inspection: \(words.join(inspections)).",
                "需要现场核查的，由相关部门一次联合勘验：\(words.join(inspections))。")
        }
        steps.append(parallel)
        let later = entries(.later)
        if !later.isEmpty {
            steps.append(
                say(
                    "Materials that follow later (容缺): bring \(words.join(later.map { words.quote($0.name) })) by the deadline in section “Materials”. Until they arrive, the approvals that need them cannot be issued; past the deadline those items fail. The other items go on.",
                    "容缺补交：请在期限内补交\(words.join(later.map { words.quote($0.name) }))。补交前，需要这些材料的事项不能作出审批决定、不能发证；逾期未补交的，这些事项不予办结，其他事项照常办理。"
                ))
        }
        let results = outputs()
        steps.append(
            say(
                "Unified delivery (统一出件): when every item is done, you receive all results together at the window"
                    + (results.isEmpty ? "." : ": \(words.join(results))."),
                "统一出件：全部事项办结后，在综合窗口统一领取办理结果" + (results.isEmpty ? "。" : "：\(words.join(results))。")))
        var blocks: [NoticeBlock] = [.steps(steps)]
        blocks.append(
            .paragraph(
                say(
                    "While you correct or add a material at a department's request, that department's time limit stops, and it runs on when the material arrives.",
                    "部门要求补正材料的，补正期间该事项的时限暂停计算，材料补齐后继续计算。")))
        blocks.append(.paragraph(problemsText()))
        return blocks
    }

    /// Whom to ask when something cannot get done: the lead department, and the centre's
    /// 办不成事 window with its reply times only as the catalogue records them.
    func problemsText() -> String {
        let lead = departmentName(plan.lead.department)
        guard let centre = catalogue.serviceCentre, let problems = centre.problems else {
            return say(
                "If something cannot get done or you have a question, ask the lead department, \(lead).",
                "办理中遇到问题、事情办不成的，可以向牵头部门\(lead)咨询。")
        }
        let window = problems.window.map { "（\($0)）" } ?? ""
        let windowEN = problems.window.map { " (\($0))" } ?? ""
        let reply = problems.reply.map { say(" \($0)", $0.hasSuffix("。") ? $0 : $0 + "。") } ?? ""
        return say(
            "If something cannot get done or you have a question, go to the “办不成事” (cannot-get-it-done) window of \(centre.name)\(windowEN), or ask the lead department, \(lead).\(reply)",
            "办理中遇到问题、事情办不成的，可以到\(centre.name)“办不成事”反映窗口\(window)反映，或向牵头部门\(lead)咨询。\(reply)")
    }

    /// The names of the results the applicable items issue, in file order:
    /// `营业执照（电子证照）`.
    func outputs() -> [String] {
        var names: [String] = []
        for decision in applying {
            for id in bundle.items[decision.index].produces {
                guard let output = bundle.outputs.first(where: { $0.id.value == id.value }) else { continue }
                let name =
                    output.eLicence ? output.name + say(" (electronic licence)", "（电子证照）") : output.name
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// The legal basis of the bundle and of every applicable item that gives one.
    func basisBlocks() -> [NoticeBlock] {
        var blocks: [NoticeBlock] = []
        if !bundle.basis.isEmpty {
            blocks.append(.subheading(words.quote(bundle.title)))
            blocks.append(.list(bundle.basis.map(citation)))
        }
        let rows = applying.compactMap { decision -> [String]? in
            let item = bundle.items[decision.index]
            guard !item.basis.isEmpty else { return nil }
            return [item.name, item.basis.map(citation).joined(separator: say("; ", "；"))]
        }
        if !rows.isEmpty {
            blocks.append(.subheading(say("Items", "各事项")))
            blocks.append(
                .table(
                    NoticeTable(
                        header: [say("Item", "事项"), say("Legal basis", "依据")], rows: rows,
                        columns: [.name, .text])))
        }
        return blocks
    }

    /// A legal basis as cited: `中华人民共和国消防法 第十五条（2021年4月29日起施行）`.
    func citation(_ basis: LegalBasis) -> String {
        var text = basis.cited
        if let effective = basis.effective {
            text += say(
                " (in force from \(effective))", "（\(effective.year)年\(effective.month)月\(effective.day)日起施行）"
            )
        }
        return text
    }
}
