import OneThing

extension NoticeDocument {
    /// Writes the notice of `plan`, scheduled as `schedule`, with the departments and
    /// calendar of `catalogue`, in `language`.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when a deadline of a material that may
    ///   follow later falls outside the years the calendar covers.
    public init(plan: Plan, schedule: Schedule, catalogue: Catalogue, language: Language)
        throws(WorkdayCalendar.OutOfRange)
    {
        self = try NoticeWriter(plan: plan, schedule: schedule, catalogue: catalogue, language: language)
            .document()
    }
}

/// Writes a ``NoticeDocument``: one method per section, in `NoticeWriter+*.swift`.
struct NoticeWriter {
    let plan: Plan
    let schedule: Schedule
    let catalogue: Catalogue
    let language: Language
    let words: NoticeWords
    let reasons: NoticeReasons
    let calendar: WorkdayCalendar

    init(plan: Plan, schedule: Schedule, catalogue: Catalogue, language: Language) {
        self.plan = plan
        self.schedule = schedule
        self.catalogue = catalogue
        self.language = language
        self.words = NoticeWords(language: language)
        self.reasons = NoticeReasons(language: language)
        self.calendar = catalogue.calendar(region: "CN")
    }

    var bundle: ServiceBundle { plan.bundle }

    /// `zh` in Chinese, `en` in English.
    func say(_ en: String, _ zh: String) -> String { words.say(en, zh) }

    /// The whole letter.
    func document() throws(WorkdayCalendar.OutOfRange) -> NoticeDocument {
        var drafts: [(anchor: String, title: String, blocks: [NoticeBlock])] = []
        drafts.append(("application", say("What you are applying for", "申请事项"), applicationBlocks()))
        drafts.append(
            (
                "items", say("Items to be handled (\(applying.count))", "需要办理的事项（共\(applying.count)项）"),
                applyingBlocks()
            ))
        let awaiting = plan.awaitingDecisions
        if !awaiting.isEmpty {
            drafts.append(
                (
                    "awaiting",
                    say(
                        "Items that depend on a result of the case (\(awaiting.count))",
                        "视办理结果确定的事项（共\(awaiting.count)项）"),
                    awaitingBlocks()
                ))
        }
        if !skipped.isEmpty {
            drafts.append(
                (
                    "not-needed", say("Items not needed (\(skipped.count))", "无需办理的事项（共\(skipped.count)项）"),
                    skippedBlocks()
                ))
        }
        drafts.append(("materials", say("Materials", "申请材料"), try materialBlocks()))
        drafts.append(("where", say("Where to go", "办理地点和方式"), placeBlocks()))
        drafts.append(("when", say("Time limits", "办理时限"), timeBlocks()))
        let deadlines = deadlineBlocks()
        if !deadlines.isEmpty { drafts.append(("deadlines", say("Your deadlines", "申请人的期限"), deadlines)) }
        let windows = windowBlocks()
        if !windows.isEmpty { drafts.append(("windows", say("When you can apply", "报名时间"), windows)) }
        drafts.append(("fees", say("Fees", "收费标准"), feeBlocks()))
        drafts.append(("next", say("What happens next", "办理流程"), processBlocks()))
        let basis = basisBlocks()
        if !basis.isEmpty { drafts.append(("basis", say("Legal basis", "办理依据"), basis)) }
        let sections = drafts.enumerated().map { index, draft in
            NoticeSection(
                anchor: draft.anchor, heading: words.sectionNumber(index + 1) + draft.title,
                blocks: draft.blocks)
        }
        return NoticeDocument(
            language: language,
            title: say("One-time notice: \(bundle.title)", "\(bundle.title)一次性告知书"),
            byline: [
                say("Notice date: ", "告知日期：") + words.date(schedule.accepted),
                say("Bundle: ", "依据版本：") + "\(bundle.id.value) \(bundle.version)",
            ],
            salutation: say("Dear applicant,", "尊敬的申请人："),
            opening: say(
                "You are applying for “\(bundle.title)”. From the answers on your one form, this letter tells you once and in full which items will be handled, what to bring, where to go, how long it takes, what it costs and what happens next. No department will ask you for anything this letter does not list; if something must be corrected, you are told once, all of it.",
                "您好！您申请办理“\(bundle.title)”。根据您在一张申请表中填写的情况，现将需要办理的事项、需要提交的材料、办理地点、办理时限、收费标准和办理流程一次性告知如下。除本告知书列明的材料外，各部门不再要求您另行提交；材料需要补正的，一次性告知全部内容。"
            ),
            sections: sections,
            closing: [
                say(
                    "This notice was produced from “\(bundle.title)” version \(bundle.version) (in force from \(bundle.effective)) and the answers on your form.",
                    "本告知书根据“\(bundle.title)”第\(bundle.version)版（\(bundle.effective.year)年\(bundle.effective.month)月\(bundle.effective.day)日起施行）和您的申报内容生成。"
                ),
                say(
                    "Lead department: \(departmentName(plan.lead.department)).",
                    "牵头部门：\(departmentName(plan.lead.department))。"),
            ],
            graph: PlanGraph(plan: plan, catalogue: catalogue, language: language),
            graphNotes: graphNotes())
    }

    /// The dates written into the graph's boxes.
    func graphNotes() -> [PlanGraph.Kind: String] {
        var notes: [PlanGraph.Kind: String] = [
            .intake: say("accepted ", "受理 ") + short(schedule.accepted),
            .delivery: say("expected ", "预计 ") + short(schedule.delivery),
        ]
        for decision in applying {
            if let due = schedule.times.itemFinish[decision.index] {
                notes[.item(decision.index)] = say("due ", "预计 ") + short(due.date) + say("", "办结")
            }
        }
        for k in plan.inspections {
            if let due = schedule.times.inspectionFinish[k] {
                notes[.inspection(k)] = say("due ", "预计 ") + short(due.date) + say("", "完成")
            }
        }
        return notes
    }

    // MARK: - Shared helpers

    /// The decisions of the items that apply, in file order.
    var applying: [ItemDecision] { plan.decisions.filter(\.applies) }

    /// The decisions of the items that do not apply, in file order.
    var skipped: [ItemDecision] { plan.decisions.filter { !$0.applies } }

    /// A department's name in the letter's language.
    func departmentName(_ id: String) -> String {
        guard let department = catalogue.departments[id] else { return id }
        return language == .zh ? department.name : (department.englishName ?? department.name)
    }

    /// The name of the item with id `id`.
    func itemName(_ id: String) -> String { bundle.item(id)?.name ?? id }

    /// The names of the items with these ids, joined.
    func itemNames(_ ids: [String]) -> String {
        ids.map(itemName).joined(separator: say("; ", "；"))
    }

    /// The comprehensive window of the lead department.
    var window: String {
        let lead = departmentName(plan.lead.department)
        guard let centre = catalogue.serviceCentre else {
            return say(
                "the comprehensive window of the government service centre (lead department: \(lead))",
                "政务服务中心综合窗口（牵头部门：\(lead)）")
        }
        return say(
            "the comprehensive window of \(centre.name) (lead department: \(lead))",
            "\(centre.name)综合窗口（牵头部门：\(lead)）")
    }

    /// A date in the year of acceptance, without its year.
    func short(_ date: CalendarDate) -> String { words.shortDate(date, year: schedule.accepted.year) }

    /// A moment of the schedule: its date as ``short(_:)-(CalendarDate)``, with the hour
    /// when a limit in hours ends inside office time (`3月3日 13:00`).
    func short(_ moment: WorkingMoment) -> String {
        short(moment.date) + (moment.timeOfDay.map { " \($0)" } ?? "")
    }
}
