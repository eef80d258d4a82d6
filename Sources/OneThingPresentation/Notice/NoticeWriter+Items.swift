import OneThing

extension NoticeWriter {
    /// What the applicant applies for: the bundle's title and description, the lead
    /// department, how many items and departments.
    func applicationBlocks() -> [NoticeBlock] {
        var blocks: [NoticeBlock] = []
        if let description = bundle.description { blocks.append(.paragraph(description)) }
        let departments = Set(applying.map { bundle.items[$0.index].department.value })
        var facts = [
            NoticeFact(say("Applying for", "申请事项"), bundle.title),
            NoticeFact(say("Lead department", "牵头部门"), departmentName(plan.lead.department)),
            NoticeFact(
                say("This case", "本次办理"),
                say(
                    "\(applying.count) items of \(departments.count) departments, handled in parallel",
                    "\(applying.count)个事项，涉及\(departments.count)个部门，并联办理")),
            NoticeFact(say("Promised time", "承诺时限"), words.limit(plan.promise)),
        ]
        if let locality = bundle.locality {
            facts.append(NoticeFact(say("Local practice of", "适用地区"), locality))
        }
        blocks.append(.facts(facts))
        return blocks
    }

    /// The items that apply, each with its department and why it applies.
    func applyingBlocks() -> [NoticeBlock] {
        let rows = applying.enumerated().map { number, decision -> [String] in
            let item = bundle.items[decision.index]
            var notes: [String] = []
            if item.online { notes.append(say("Fully online.", "可全程网办。")) }
            if let rejection = bundle.rejectionNote(of: item) {
                notes.append(say(rejection.en, rejection.zh))
            }
            if let note = item.note { notes.append(note) }
            return [
                String(number + 1), item.name, departmentName(item.department.value),
                reasons.sentence(for: decision), notes.joined(separator: say(" ", "")),
            ]
        }
        return [
            .paragraph(
                say(
                    "From your answers, these items will be handled for you. You apply once at the window; the departments handle them in parallel.",
                    "根据您的申报，本次将为您办理以下事项。您只需在窗口提出一次申请，各部门并联办理。")),
            .table(
                NoticeTable(
                    header: [
                        say("No.", "序号"), say("Item", "事项"), say("Department", "办理部门"), say("Why", "办理原因"),
                        say("Note", "说明"),
                    ],
                    rows: rows, columns: [.number, .name, .name, .text, .text])),
        ]
    }

    /// The items that apply only once a result produced in the case is known (the grade
    /// an assessment decides): "以下事项视评定结果办理", each with the values for which it
    /// applies. They are among the items to be handled, and their materials and time are
    /// counted: the notice tells the worst case, never less.
    func awaitingBlocks() -> [NoticeBlock] {
        let decisions = plan.awaitingDecisions
        var results: [String] = []
        for output in decisions.flatMap({ $0.awaiting?.outputs ?? [] }) where !results.contains(output.name) {
            results.append(output.name)
        }
        let names = results.map { "“\($0)”" }
        return [
            .paragraph(
                say(
                    "The following items depend on the result of \(names.joined(separator: " and ")), which is decided during your case: whether they are handled is settled once it is known. Their materials and time limits are already counted above, as if they are handled.",
                    "以下事项视评定结果办理：须待\(names.joined(separator: "、"))在办理中作出后，才能确定是否办理。其所需材料和办理时限已按需要办理计入本告知书。"
                )),
            .table(
                NoticeTable(
                    header: [
                        say("No.", "序号"), say("Item", "事项"), say("Department", "办理部门"),
                        say("When it applies", "办理条件"),
                    ],
                    rows: reasonRows(decisions), columns: [.number, .name, .name, .text])),
        ]
    }

    /// The items of the bundle that do not apply, and why not.
    func skippedBlocks() -> [NoticeBlock] {
        [
            .paragraph(
                say(
                    "These items belong to “\(bundle.title)” but are not needed in your case; you bring nothing for them.",
                    "以下事项属于“\(bundle.title)”，但根据您的情况本次无需办理，也无需为其准备材料。")),
            .table(
                NoticeTable(
                    header: [
                        say("No.", "序号"), say("Item", "事项"), say("Department", "办理部门"), say("Why not", "原因"),
                    ],
                    rows: reasonRows(skipped), columns: [.number, .name, .name, .text])),
        ]
    }

    /// One numbered row per decision: the item, its department, and why it applies or not.
    func reasonRows(_ decisions: [ItemDecision]) -> [[String]] {
        decisions.enumerated().map { number, decision in
            let item = bundle.items[decision.index]
            return [
                String(number + 1), item.name, departmentName(item.department.value),
                reasons.sentence(for: decision),
            ]
        }
    }
}
