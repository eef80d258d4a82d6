import OneThing

extension NoticeWriter {
    /// Where to go: the comprehensive window of the lead department, the places other
    /// items are done at, the visits (as the reform figures count them), items fully
    /// online, joint inspections.
    func placeBlocks() -> [NoticeBlock] {
        var facts = [NoticeFact(say("Where", "办理地点"), window)]
        facts += centreFacts()
        facts += [
            NoticeFact(say("Visits", "跑动次数"), visits),
            NoticeFact(
                say("Results", "领取结果"),
                say("all results together at the same window (unified delivery)", "办结后在综合窗口统一出件")),
        ]
        if !entries(.later).isEmpty {
            facts.append(
                NoticeFact(
                    say("Materials that follow later", "容缺材料"),
                    say(
                        "bring them to the same window by their deadline (this may take one more visit)",
                        "在期限内交到同一窗口（可能需要再跑一次）")))
        }
        for place in ReformFigures.otherPlaces(plan) {
            let items = applying.map { bundle.items[$0.index] }.filter { !$0.online && $0.place == place }
            facts.append(
                NoticeFact(
                    say("Also go to", "另需前往"),
                    say(
                        "\(place), for \(words.join(items.map(\.name)))",
                        "\(place)，办理\(words.join(items.map { words.quote($0.name) }))")))
        }
        var blocks: [NoticeBlock] = [.facts(facts)]
        let online = applying.map { bundle.items[$0.index] }.filter(\.online)
        if !online.isEmpty {
            blocks.append(
                .paragraph(
                    say(
                        "Fully online (全程网办): \(words.join(online.map(\.name))).",
                        "以下事项可全程网上办理：\(words.join(online.map { words.quote($0.name) }))。")))
        }
        for k in plan.inspections {
            let inspection = bundle.inspections[k]
            let members = plan.graph.participants[k].map { words.quote(bundle.items[$0].name) }
            let organiser =
                inspection.department.map { departmentName($0.value) } ?? departmentName(plan.lead.department)
            var sentence = say(
                "Joint inspection “\(inspection.name)”: one site visit, organised by \(organiser), for \(words.join(members)).",
                "联合勘验：“\(inspection.name)”由\(organiser)组织，\(words.join(members))一次共同到场勘验，不再分别检查。")
            if let start = schedule.times.inspectionStart[k], let end = schedule.times.inspectionFinish[k] {
                sentence += say(
                    " Expected between \(words.date(start.date)) and \(words.date(end.date)); please be at the premises.",
                    "预计在\(short(start.date))至\(short(end.date))之间进行，届时请在场配合。")
            }
            blocks.append(.paragraph(sentence))
        }
        return blocks
    }

    /// The dates: acceptance, the promised completion, the predicted delivery, how
    /// working days are counted across the holidays in between, each item's dates, the
    /// critical path and the graph.
    func timeBlocks() -> [NoticeBlock] {
        let promise = words.limit(plan.promise)
        // The dates include the time not counted on the critical path, and say so.
        let notCounted = UncountedTime.included(schedule.uncountedOnCriticalPath(of: bundle)).map {
            say(" (\($0.en))", "（\($0.zh)）")
        }
        var facts = [
            NoticeFact(say("Accepted on", "受理日期"), words.date(schedule.accepted)),
            NoticeFact(say("Promised time", "承诺时限"), promise),
            NoticeFact(
                say("Promised completion by", "承诺办结日期"),
                provisionalDate(schedule.promisedBy) + (notCounted ?? "")),
            NoticeFact(
                say("Expected delivery", "预计出件日期"), provisionalDate(schedule.delivery) + (notCounted ?? "")),
        ]
        let uncounted = applying.flatMap { bundle.items[$0.index].notCounted }
        if !uncounted.isEmpty {
            facts.append(
                NoticeFact(
                    say("Not counted in the time limits", "不计入办理时限"),
                    uncounted.map { time in
                        let basis = time.basis.map(citation).joined(separator: say("; ", "；"))
                        return time.description.text(in: words.language) + say(" (\(basis))", "（\(basis)）")
                    }.joined(separator: say("; ", "；"))))
        }
        var blocks: [NoticeBlock] = [.facts(facts)]
        if !uncounted.isEmpty {
            blocks.append(
                .paragraph(
                    say(
                        "The law leaves this time out of the time limits (行政许可法 §45: hearings, tenders, auctions, tests, inspections, quarantine, appraisals and expert reviews; or the law that fixes the period): the promised time does not count it, but the dates in this letter do. A period marked “at most” may end sooner; the department tells you in writing how long it takes.",
                        "上述时间依法不计入办理时限（行政许可法第四十五条规定的听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审，或规定该期间的法规）：承诺时限不含这些时间，本告知书中的日期已含。标明“最长”的可能提前结束，所需时间由办理部门书面告知。"
                    )))
        }
        if schedule.isProvisional {
            let years = WorkdayCalendar.describe(years: schedule.provisionalYears)
            let law = WorkdayCalendar.provisionalBasis(years: schedule.provisionalYears)
            blocks.append(
                .warning(
                    say(
                        "Every date of this letter in \(years) is provisional (暂定): the State Council's holiday arrangement for \(years) is not yet in this system, so these dates are counted on the statutory holidays of \(law.en), without the make-up working days (调休) that the arrangement will set, and may move by a few days. The window will confirm them once the arrangement is published.",
                        "本告知书中\(years)年的日期均为暂定：本系统尚无国务院办公厅该年的节假日安排，这些日期按\(law.zh)规定的法定节假日计算，未计入届时安排的调休上班日，可能前后变动几日。节假日安排公布后，窗口将向您确认。"
                    )))
        }
        var counting = say(
            "Time limits count working days: the day of acceptance is not counted; weekends and public holidays are not counted; make-up working days are.",
            "时限按工作日计算：受理当日不计入，周末和法定节假日不计入，调休上班日计入。")
        if schedule.countsFrom != schedule.accepted {
            counting += say(
                " \(short(schedule.accepted)) is a rest day: the case counts as accepted on the next working day, \(short(schedule.countsFrom)), which is not counted either.",
                "\(short(schedule.accepted))为休息日，受理日期顺延至其后的第一个工作日（\(short(schedule.countsFrom))），该日同样不计入。")
        }
        if applying.contains(where: { plan.promised(ofItem: $0.index).unit == .hours }) {
            counting += say(
                " Limits in hours count office hours, 9:00 to 17:00 of working days, from the first working day after acceptance; an item in hours that follows another goes on the same day.",
                "以小时计的时限按工作日9:00至17:00的办公时间计算，自受理后的第一个工作日起算；前后衔接的以小时计的事项在同一工作日内接续计算。")
        }
        let last = max(schedule.promisedBy, schedule.delivery)
        let holidays = holidays(from: schedule.accepted, through: last)
        if !holidays.isEmpty {
            counting += say(
                " Holidays in this period: \(holidays.joined(separator: "; ")).",
                "本次办理期间的节假日：\(holidays.joined(separator: "；"))。")
        }
        let worked = makeUpWorkdays(from: schedule.accepted, through: last)
        if !worked.isEmpty {
            counting += say(
                " Make-up working days: \(worked.joined(separator: ", ")).",
                "调休上班日：\(worked.joined(separator: "、"))。")
        }
        blocks.append(.paragraph(counting))
        if schedule.accepted < bundle.effective {
            blocks.append(
                .warning(
                    say(
                        "This version of “\(bundle.title)” is in force from \(words.date(bundle.effective)), after the day of acceptance: ask the window which rules apply.",
                        "本告知书依据的“\(bundle.title)”第\(bundle.version)版自\(words.date(bundle.effective))起施行，晚于受理日期，请向窗口确认适用的规定。"
                    )))
        }
        if !schedule.keepsPromise {
            blocks.append(
                .warning(
                    say(
                        "The expected delivery is later than the promise. The lead department will tell you why and supervise the overdue work.",
                        "预计出件日期晚于承诺办结日期。牵头部门将向您说明原因，并督办超时事项。")))
        }
        blocks.append(.subheading(say("Dates of each item", "各事项办理时间")))
        blocks.append(
            .paragraph(
                say(
                    "Each step's limit runs from the day after it is counted from: the day of acceptance, or the day the steps it waits for are due.",
                    "各事项的时限从起算日的次日开始计算；起算日是受理之日，或其所等待的前序事项预计办结之日。")))
        blocks.append(.table(itemTimes()))
        blocks.append(.paragraph(criticalPathSentence()))
        blocks.append(
            .graph(
                caption: say(
                    "How your case runs: left to right. The bold red line is the chain that decides the completion date; grey dashed boxes are items not needed in your case.",
                    "办理流程图：自左向右办理。红色粗线是决定办结时间的关键路径；灰色虚线框是本次无需办理的事项。")))
        return blocks
    }

    /// Each applicable item's promised and legal limit and its dates, and the joint inspections.
    func itemTimes() -> NoticeTable {
        var rows: [[String]] = []
        // The law's terms (on the spot first, an extension and its grounds) are running text.
        let legalColumn: NoticeTable.Column =
            applying.contains {
                let terms = bundle.items[$0.index].legalTerms
                return terms.onTheSpot || terms.allowedExtension != nil
            } ? .text : .short
        for decision in applying {
            let item = bundle.items[decision.index]
            if let k = plan.graph.inspectionOf[decision.index], let start = schedule.times.inspectionStart[k],
                let end = schedule.times.inspectionFinish[k],
                plan.graph.participants[k].first == decision.index
            {
                let inspection = bundle.inspections[k]
                rows.append([
                    say("Joint inspection: ", "联合勘验：") + inspection.name,
                    words.limit(inspection.duration.value), "—",
                    short(start), short(end),
                ])
            }
            let promised = UncountedTime.stepTime(
                words.limit(plan.promised(ofItem: decision.index)), item.notCounted, in: words.language)
            rows.append([
                item.name, promised,
                words.legal(item),
                schedule.times.itemStart[decision.index].map(short) ?? "—",
                schedule.times.itemFinish[decision.index].map(short) ?? "—",
            ])
        }
        return NoticeTable(
            header: [
                say("Step", "事项"), say("Promised", "承诺时限"), say("Legal limit", "法定时限"),
                say("Counted from", "起算日"),
                say("Due", "预计办结"),
            ],
            rows: rows, columns: [.name, .short, legalColumn, .short, .short])
    }

    /// The chain of steps that decides the completion date, in words, and the longest
    /// chain the limits count when time not counted makes it another one.
    func criticalPathSentence() -> String {
        let words = CriticalPathWords(plan: plan, schedule: schedule, language: self.words.language)
        let days = words.deliveryChainWorkdays
        let notCounted = words.notCounted
        var sentence = say(
            "The completion date is decided by this chain (\(CriticalPathWords.workingDays(days))\(notCounted.en)): \(words.deliveryChain). The other items run alongside it and finish no later.",
            "决定办结时间的是这条办理链（共\(days)个工作日\(notCounted.zh)）：\(words.deliveryChain)。其他事项与它同时办理，不晚于它办结。")
        if let counted = words.longestCounted {
            sentence += say(
                " The longest chain the time limits count, which the promise is checked against, is \(CriticalPathWords.workingDays(counted.workdays)): \(counted.chain).",
                "计入办理时限最长的办理链共\(counted.workdays)个工作日，承诺时限据此核定：\(counted.chain)。")
        }
        return sentence
    }

    /// A date with its weekday, marked when it lies in a provisional year of the
    /// calendar: `2027年3月16日（星期二）（暂定）`.
    func provisionalDate(_ date: CalendarDate) -> String {
        guard calendar.isProvisional(date) else { return words.date(date) }
        return words.date(date) + say(" (provisional, 暂定)", "（暂定）")
    }

    /// The holiday periods of the calendar that overlap the days after `start` up to
    /// `end`: `国庆节（10月1日至10月7日）`, marked when provisional:
    /// `元旦（2027年1月1日，暂定）`.
    func holidays(from start: CalendarDate, through end: CalendarDate) -> [String] {
        calendar.holidayPeriods(from: start, through: end).map { period in
            let days = words.range(
                period.days.lowerBound, period.days.upperBound, year: schedule.accepted.year)
            let mark = calendar.isProvisional(period.days.lowerBound) ? say(", provisional", "，暂定") : ""
            return "\(period.name)（\(days)\(mark)）"
        }
    }

    /// The make-up working days between `start` and `end`: `10月10日（星期六）`.
    func makeUpWorkdays(from start: CalendarDate, through end: CalendarDate) -> [String] {
        calendar.makeUpWorkdays(from: start, through: end)
            .map {
                short($0)
                    + say(
                        " (\(NoticeWords.englishWeekdays[$0.weekday - 1]))",
                        "（星期\(NoticeWords.chineseWeekdays[$0.weekday - 1])）")
            }
    }

    /// Each applicable item's fee as the bundle states it, with its basis where the
    /// bundle gives one; a word where the bundle states none.
    func feeBlocks() -> [NoticeBlock] {
        let withBasis = applying.contains { !(bundle.items[$0.index].fee?.basis.isEmpty ?? true) }
        let rows = applying.enumerated().map { number, decision -> [String] in
            let item = bundle.items[decision.index]
            let row = [
                String(number + 1), item.name, departmentName(item.department.value), words.fee(item.fee),
            ]
            guard withBasis else { return row }
            let basis = (item.fee?.basis ?? []).map(citation)
            return row + [basis.isEmpty ? "—" : basis.joined(separator: say("; ", "；"))]
        }
        var header = [say("No.", "序号"), say("Item", "事项"), say("Department", "办理部门"), say("Fee", "收费")]
        var columns: [NoticeTable.Column] = [.number, .name, .name, .short]
        if withBasis {
            header.append(say("Basis of the fee", "收费依据"))
            columns.append(.name)
        }
        var blocks: [NoticeBlock] = [.table(NoticeTable(header: header, rows: rows, columns: columns))]
        if applying.contains(where: { bundle.items[$0.index].fee == nil }) {
            blocks.append(
                .paragraph(
                    say(
                        "Where the fee is “not stated”, the bundle behind this notice does not say it; the window tells you the amount and its basis when it accepts the case.",
                        "收费“未写明”的，本告知书所依据的文件没有写明收费；窗口在受理时一并告知收费金额和依据。")))
        }
        return blocks
    }

    /// The visits the applicant makes, counted as the reform figures count them
    /// (``ReformFigures/visitsAfter(_:)``): the window once, and each other place.
    var visits: String {
        let count = ReformFigures.visitsAfter(plan)
        let others = ReformFigures.otherPlaces(plan).count
        if count == 0 {
            return say("none: every item is done online", "0次（全部事项全程网上办理）")
        }
        if others == 0 {
            return say(
                "one (hand in everything at the window once; you need not go to each department)",
                "1次（在综合窗口一次提交，无需分别到各部门）")
        }
        let window = count - others
        return say(
            "\(count): \(window == 1 ? "the window once, and " : "")\(others == 1 ? "one other place" : "\(others) other places") (below)",
            "\(count)次：\(window == 1 ? "综合窗口1次，" : "")另需前往\(others)处（见下）")
    }

    /// The service centre's address, telephone and hours as the catalogue records them;
    /// without a record, one line that says so rather than an address nobody wrote.
    func centreFacts() -> [NoticeFact] {
        guard let centre = catalogue.serviceCentre else {
            return [
                NoticeFact(
                    say("Address, telephone, hours", "地址、电话和办公时间"),
                    say(
                        "not recorded in this system: as your government service centre publishes them",
                        "本系统未登记，以当地政务服务中心公布的为准"))
            ]
        }
        var facts: [NoticeFact] = []
        if let address = centre.address { facts.append(NoticeFact(say("Address", "地址"), address)) }
        if let telephone = centre.telephone { facts.append(NoticeFact(say("Telephone", "咨询电话"), telephone)) }
        if let hours = centre.hours { facts.append(NoticeFact(say("Opening hours", "办公时间"), hours)) }
        return facts
    }
}
