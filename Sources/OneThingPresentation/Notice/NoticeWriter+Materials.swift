import OneThing

extension NoticeWriter {
    /// The materials: those to bring, those that may follow later with their deadline,
    /// those a signed commitment may replace, and those not to bring.
    func materialBlocks() throws(WorkdayCalendar.OutOfRange) -> [NoticeBlock] {
        let bring = entries(.bring).filter { !$0.isObject }
        let later = entries(.later).filter { !$0.isObject }
        let things = plan.materialsToBring.filter(\.isObject)
        let commitment = entries(.commitment)
        let fetched = entries(.fetched) + entries(.issued)
        var blocks: [NoticeBlock] = partyBlocks()
        let copies = bring.reduce(0) { $0 + $1.copies }
        blocks.append(.subheading(say("Materials to bring (\(copies))", "需要提交的材料（共\(copies)份）")))
        if bring.isEmpty {
            blocks.append(.paragraph(say("You need not bring any material now.", "您无需现场提交材料。")))
        } else {
            blocks.append(
                .paragraph(
                    say(
                        "Bring these materials to the window, once. A material several items need is brought once. Without a core material the case cannot be accepted.",
                        "请带齐以下材料，到窗口一次提交。多个事项都需要的材料只需提交一份。标明“主要材料”的，缺少时不能受理。"
                    )))
            blocks.append(.table(materialTable(bring)))
        }
        if !things.isEmpty {
            blocks.append(
                .subheading(
                    say("Things to bring, not documents (\(things.count))", "需要带来或交付的实物（共\(things.count)件）")))
            blocks.append(
                .paragraph(
                    say(
                        "Bring or hand over these where the item that needs them is done.",
                        "以下实物不是申请材料，请带到（交付到）需要它的事项的办理地点。")))
            blocks.append(
                .table(
                    NoticeTable(
                        header: [
                            say("No.", "序号"), say("Thing", "实物"), say("For", "用于办理"), say("Where", "地点"),
                            say("Note", "说明"),
                        ],
                        rows: things.enumerated().map { number, entry in
                            [
                                String(number + 1), entry.title.text(in: words.language),
                                itemNames(entry.neededBy),
                                placeOf(entry), note(entry),
                            ]
                        }, columns: [.number, .name, .text, .text, .text])))
        }
        if !later.isEmpty {
            let copies = later.reduce(0) { $0 + $1.copies }
            blocks.append(
                .subheading(say("May follow later (\(copies))", "可以容缺后补的材料（共\(copies)份）")))
            blocks.append(
                .paragraph(
                    say(
                        "When the core materials are complete, the case is accepted without these (容缺受理). Bring them by the date shown: until they arrive, the items that need them make no decision and issue nothing; past the date those items are not completed, while the others go on.",
                        "主要材料齐全的，窗口先行受理（容缺受理）。以下材料请在期限内补交：补交前，需要它们的事项不作出决定、不发放证照；逾期未补交的，这些事项不予办结，其他事项照常办理。"
                    )))
            var rows: [[String]] = []
            for (number, entry) in later.enumerated() {
                var due = ""
                if let deadline = entry.deadline {
                    let date = try calendar.due(after: schedule.accepted, limit: deadline)
                    due = say(
                        "within \(words.limit(deadline)) of acceptance: by \(words.date(date))",
                        "受理后\(words.limit(deadline))内，即\(words.date(date))前")
                }
                rows.append(
                    [String(number + 1), entry.title.text(in: words.language), due]
                        + (plan.parties.isEmpty ? [] : [broughtBy(entry)])
                        + [itemNames(entry.neededBy), note(entry)])
            }
            blocks.append(
                .table(
                    NoticeTable(
                        header: [say("No.", "序号"), say("Material", "材料名称"), say("Bring by", "补交期限")]
                            + (plan.parties.isEmpty ? [] : [say("Brought by", "提交人")])
                            + [say("For", "用于办理"), say("Note", "说明")],
                        rows: rows,
                        columns: [.number, .name, .text] + (plan.parties.isEmpty ? [] : [.text]) + [
                            .text, .text,
                        ])))
        }
        if !commitment.isEmpty {
            let copies = commitment.reduce(0) { $0 + $1.copies }
            blocks.append(
                .subheading(
                    say(
                        "A signed commitment may replace (\(copies))",
                        "可以用告知承诺书代替的材料（共\(copies)份）")))
            blocks.append(
                .paragraph(
                    say(
                        "Bring these, or sign a commitment at the window instead. You answer for the truth of what you commit to; it is checked afterwards.",
                        "以下材料可以提交，也可以在窗口签署告知承诺书代替。您须对承诺内容的真实性负责，有关部门将事后核查。")))
            blocks.append(.table(materialTable(commitment)))
        }
        blocks += whoBringsWhat()
        if !fetched.isEmpty {
            let copies = fetched.reduce(0) { $0 + $1.copies }
            blocks.append(.subheading(say("Not to bring (\(copies))", "无需提交的材料（共\(copies)份）")))
            blocks.append(
                .paragraph(
                    say(
                        "These are obtained by the departments themselves: from electronic licences, shared data, or the items of this case that issue them.",
                        "以下材料由部门通过电子证照、数据共享获取，或由本次办理的事项出具，您无需提交。")))
            blocks.append(
                .table(
                    NoticeTable(
                        header: [say("No.", "序号"), say("Material", "材料名称")]
                            + (plan.parties.isEmpty ? [] : [say("Whose", "所属当事人")])
                            + [say("How it is obtained", "获取方式"), say("For", "用于办理")],
                        rows: fetched.enumerated().map { number, entry in
                            [String(number + 1), entry.title.text(in: words.language)]
                                + (plan.parties.isEmpty
                                    ? [] : [entry.status == .issued ? "—" : broughtBy(entry)])
                                + [obtained(entry), itemNames(entry.neededBy)]
                        },
                        columns: [.number, .name] + (plan.parties.isEmpty ? [] : [.text]) + [.text, .text])))
        }
        return blocks
    }

    /// A table of materials: number, name, the items they are for and a note, with a
    /// column of the parties who bring each when the bundle has parties.
    func materialTable(_ entries: [ChecklistEntry]) -> NoticeTable {
        let byParty = !plan.parties.isEmpty
        return NoticeTable(
            header: [say("No.", "序号"), say("Material", "材料名称")]
                + (byParty ? [say("Brought by", "提交人")] : [])
                + [say("For", "用于办理"), say("Note", "说明")],
            rows: entries.enumerated().map { number, entry in
                [String(number + 1), entry.title.text(in: words.language)]
                    + (byParty ? [broughtBy(entry)] : [])
                    + [itemNames(entry.neededBy), note(entry)]
            },
            columns: [.number, .name] + (byParty ? [.text] : []) + [.text, .text])
    }

    /// The parties who take part, for a bundle with parties: who applies together.
    func partyBlocks() -> [NoticeBlock] {
        let taking = plan.partiesTakingPart
        guard !taking.isEmpty else { return [] }
        let names = words.join(taking.map { $0.title.text(in: language) })
        return [
            .paragraph(
                say(
                    "This application is made by: \(names). Each brings the materials marked with their name; a material marked “for the application” is brought once.",
                    "本次申请的当事人：\(names)。标明当事人的材料，由该当事人各自提交一份；标明“共同提交”的材料，只需提交一份。"
                ))
        ]
    }

    /// Who brings the material of `entry`: its parties' names, or "for the application".
    func broughtBy(_ entry: ChecklistEntry) -> String {
        guard !entry.parties.isEmpty else { return say("for the application", "共同提交") }
        return entry.parties.compactMap { bundle.party($0)?.title.text(in: language) }
            .joined(separator: say(", ", "、"))
    }

    /// The materials to bring now or later, or to replace by a signed commitment, by the
    /// party who brings them ("卖方：居民身份证；存量房买卖合同"), for a bundle with parties.
    func whoBringsWhat() -> [NoticeBlock] {
        let taking = plan.partiesTakingPart
        guard !taking.isEmpty else { return [] }
        let brought = plan.materials.filter {
            !$0.isObject && [.bring, .later, .commitment].contains($0.status)
        }
        func names(_ entries: [ChecklistEntry]) -> String {
            entries.map { entry in
                entry.title.text(in: language)
                    + (entry.status == .commitment ? say(" (or a signed commitment)", "（或签署告知承诺书）") : "")
            }.joined(separator: say("; ", "；"))
        }
        var lines: [String] = []
        for party in taking {
            let own = brought.filter { $0.parties.contains(party.id.value) }
            lines.append(
                party.title.text(in: language) + say(": ", "：")
                    + (own.isEmpty ? say("nothing to bring", "无需提交材料") : names(own)))
        }
        let shared = brought.filter(\.parties.isEmpty)
        if !shared.isEmpty { lines.append(say("For the application, once: ", "共同提交（一份）：") + names(shared)) }
        return [.subheading(say("Who brings what", "各当事人需提交的材料")), .list(lines)]
    }

    /// Where a thing is brought: the places of the items that need it, else the window.
    func placeOf(_ entry: ChecklistEntry) -> String {
        let places = entry.neededBy.compactMap { bundle.item($0)?.place }
        return places.isEmpty ? say("the window", "综合窗口") : words.join(Array(Set(places)).sorted())
    }

    /// The checklist entries with `status`, in the order first needed.
    func entries(_ status: MaterialStatus) -> [ChecklistEntry] {
        plan.materials.filter { $0.status == status }
    }

    /// What the applicant should know about a material: whether it is core, and its description.
    func note(_ entry: ChecklistEntry) -> String {
        var parts: [String] = []
        if entry.core { parts.append(say("Core material.", "主要材料。")) }
        if entry.commitmentDeclined {
            parts.append(
                say(
                    "You chose on the form to bring it rather than sign a commitment.",
                    "您在申请表中选择提交此材料，不以告知承诺书代替。"))
        }
        if let description = entry.description { parts.append(description) }
        return parts.joined(separator: say(" ", ""))
    }

    /// How a material the applicant does not bring is obtained.
    func obtained(_ entry: ChecklistEntry) -> String {
        if entry.status == .issued, let issuer = entry.issuedBy {
            return say(
                "issued within this case by “\(itemName(issuer))”", "由本次办理的“\(itemName(issuer))”出具")
        }
        let material = bundle.materials.first { $0.id.value == entry.id } ?? catalogue.materials[entry.id]
        let how =
            material?.source == .sharedData
            ? say("fetched from shared government data", "通过政务数据共享获取")
            : say("fetched from the electronic licence", "通过电子证照获取")
        guard let material, material.source.isFetched else { return how }
        return how + fallback(material.effectiveFallback)
    }

    /// What the applicant is told happens when a fetched material cannot be fetched.
    func fallback(_ fallback: MaterialFallback) -> String {
        switch fallback {
        case .paper:
            say("; if it cannot be fetched, you will be asked to bring it", "；无法获取时，将请您提交纸质材料")
        case .wait(let bound):
            say(
                "; if it cannot be fetched at once, the items that need it wait for it up to "
                    + "\(words.limit(bound.value)) after acceptance",
                "；暂时无法获取时，需要它的事项在受理后最多等待\(words.limit(bound.value))")
        }
    }
}
