import OneThingSource

// The findings of the model stage about references between the parts of a bundle.

extension Diagnostic {
    /// What kind of thing a broken reference named.
    enum ReferenceKind {
        case department, material, output, item, inspection, party

        var code: DiagnosticCode {
            switch self {
            case .department: .unknownDepartment
            case .material: .unknownMaterial
            case .output: .unknownOutput
            case .item: .unknownItem
            case .inspection: .unknownInspection
            case .party: .unknownParty
            }
        }

        var name: LocalizedText {
            switch self {
            case .department: .init(en: "department", zh: "部门")
            case .material: .init(en: "material", zh: "材料")
            case .output: .init(en: "output", zh: "证照/结果")
            case .item: .init(en: "item", zh: "事项")
            case .inspection: .init(en: "joint inspection", zh: "联合勘验")
            case .party: .init(en: "party", zh: "当事人")
            }
        }

        var whereDeclared: LocalizedText {
            switch self {
            case .department:
                .init(en: "add it to catalogue/departments.yaml", zh: "请在 catalogue/departments.yaml 中添加该部门")
            case .material:
                .init(
                    en: "declare it under 'materials:' or in catalogue/materials.yaml",
                    zh: "请在“materials:”下或 catalogue/materials.yaml 中声明该材料")
            case .output: .init(en: "declare it under 'outputs:'", zh: "请在“outputs:”下声明")
            case .item: .init(en: "declare it under 'items:'", zh: "请在“items:”下声明")
            case .inspection: .init(en: "declare it under 'inspections:'", zh: "请在“inspections:”下声明")
            case .party: .init(en: "declare it under 'parties:'", zh: "请在“parties:”下声明该当事人")
            }
        }
    }

    /// A reference to something that is not declared. `names` holds the Chinese name
    /// of each candidate id: a name written where the id belongs is named as such, with
    /// its id, and an unknown department is shown the closest known ones.
    static func unknownReference(
        _ name: Located<String>, kind: ReferenceKind, candidates: [String], names: [String: String] = [:]
    ) -> Diagnostic {
        let owners = candidates.filter { names[$0] == name.value }.sorted()
        if !owners.isEmpty {
            let ids = owners.map { "'\($0)'" }.joined(separator: " or ")
            let idsZH = owners.map { "“\($0)”" }.joined(separator: "或")
            return Diagnostic(
                code: kind.code, severity: .error, span: name.span,
                message: .init(
                    en:
                        "'\(name.value)' is the name of \(kind.name.en) \(ids); a \(kind.name.en) is named here by its id, not its name",
                    zh: "“\(name.value)”是\(kind.name.zh)\(idsZH)的名称；此处应写\(kind.name.zh)的标识，而不是名称"),
                hint: .init(en: "write \(ids)", zh: "请改为\(idsZH)"),
                fixes: owners.count == 1
                    ? DiagnosticFix.rewrite(name.span, value: name.value, as: owners[0]).map { [$0] } ?? []
                    : [])
        }
        let written = name.value.unicodeScalars.contains { $0.properties.isIdeographic }
        let match = written ? nil : Suggestion.closest(to: name.value, among: candidates)
        var hint = match.map(Suggestion.hint(for:))
        if hint == nil, kind == .department || written, !candidates.isEmpty {
            let nearest = Suggestion.nearest(
                to: name.value,
                among: candidates.sorted().map { ($0, [$0] + (names[$0].map { [$0] } ?? [])) }, count: 3)
            let listed = nearest.map { id in names[id].map { "\(id) (\($0))" } ?? id }
            let listedZH = nearest.map { id in names[id].map { "\(id)（\($0)）" } ?? id }
            hint = .init(
                en: "the closest known \(kind.name.en)s are \(listed.joined(separator: ", ")); "
                    + "otherwise \(kind.whereDeclared.en)",
                zh: "最接近的已知\(kind.name.zh)：\(listedZH.joined(separator: "、"))；若都不是，\(kind.whereDeclared.zh)")
        }
        let message: LocalizedText =
            written
            ? .init(
                en:
                    "unknown \(kind.name.en) '\(name.value)': no \(kind.name.en) has this name, and a \(kind.name.en) is named here by its id",
                zh: "未知的\(kind.name.zh)“\(name.value)”：没有叫这个名称的\(kind.name.zh)，且此处应写标识")
            : .init(en: "unknown \(kind.name.en) '\(name.value)'", zh: "未知的\(kind.name.zh)“\(name.value)”")
        return Diagnostic(
            code: kind.code, severity: .error, span: name.span, message: message,
            hint: hint ?? kind.whereDeclared,
            fixes: match.flatMap { DiagnosticFix.rewrite(name.span, value: name.value, as: $0) }.map { [$0] }
                ?? [])
    }

    /// A declared material that no item needs.
    static func unusedMaterial(_ material: Material) -> Diagnostic {
        Diagnostic(
            code: .unusedMaterial, severity: .warning, span: material.id.span,
            message: .init(
                en: "material '\(material.id.value)' (\(material.name)) is declared but no item needs it",
                zh: "材料“\(material.id.value)”（\(material.name)）已声明，但没有事项需要它"),
            hint: .init(
                en: "add it to the 'needs:' of the items that need it, or remove it",
                zh: "请把它加入需要它的事项的“needs:”，或删除它"))
    }

    /// A declared party that no need is from and no form field asks about.
    static func unusedParty(_ party: Party) -> Diagnostic {
        Diagnostic(
            code: .unusedParty, severity: .warning, span: party.id.span,
            message: .init(
                en:
                    "party '\(party.id.value)' (\(party.name)) is declared, but no need is from it and no form field asks about it",
                zh: "当事人“\(party.id.value)”（\(party.name)）已声明，但没有所需材料由其提交，也没有表单字段问及"),
            hint: .init(
                en:
                    "add it to the 'from:' of the needs it brings ({material: ID, from: [\(party.id.value)]}), or remove it",
                zh: "请把它加入其提交的所需材料的“from:”（{material: 标识, from: [\(party.id.value)]}），或删除它"))
    }

    /// A party named twice in one need's `from:`.
    static func partyNamedTwice(_ name: Located<String>, first: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .duplicateName, severity: .error, span: name.span,
            message: .init(
                en: "party '\(name.value)' is named twice in the same 'from:'",
                zh: "当事人“\(name.value)”在同一个“from:”中出现了两次"),
            hint: .init(
                en: "name each party once; a party brings one copy of a material", zh: "每个当事人只写一次；每个当事人提交一份材料"
            ),
            notes: [DiagnosticNote(span: first, message: .init(en: "first named here", zh: "第一次出现在这里"))])
    }

    /// Two parties with the same name, which the notice could not tell apart.
    static func partyNameShared(_ party: Party, with first: Party) -> Diagnostic {
        Diagnostic(
            code: .duplicateName, severity: .error, span: party.id.span,
            message: .init(
                en:
                    "parties '\(first.id.value)' and '\(party.id.value)' have the same name '\(party.name)': the notice could not tell them apart",
                zh: "当事人“\(first.id.value)”和“\(party.id.value)”同名（“\(party.name)”）：告知书无法区分二者"),
            hint: .init(
                en: "name each party as the applicant would call them, such as 买方配偶 and 卖方配偶",
                zh: "请按申请人的称呼分别命名，如“买方配偶”“卖方配偶”"),
            notes: [
                DiagnosticNote(span: first.id.span, message: .init(en: "the other party", zh: "另一个当事人在这里"))
            ])
    }

    /// A declared output no item produces or needs.
    static func unusedOutput(_ output: Output) -> Diagnostic {
        Diagnostic(
            code: .unusedOutput, severity: .warning, span: output.id.span,
            message: .init(
                en: "output '\(output.id.value)' (\(output.name)) is declared but no item produces it",
                zh: "证照/结果“\(output.id.value)”（\(output.name)）已声明，但没有事项产出它"),
            hint: .init(
                en: "add it to the 'produces:' of the item that issues it, or remove it",
                zh: "请把它加入出具它的事项的“produces:”，或删除它"))
    }

    /// An output that an item needs but no item produces.
    static func outputNeverProduced(_ need: Located<String>, output: Output) -> Diagnostic {
        Diagnostic(
            code: .outputNeverProduced, severity: .error, span: need.span,
            message: .init(
                en: "'\(need.value)' (\(output.name)) is needed here, but no item produces it",
                zh: "此处需要“\(need.value)”（\(output.name)），但没有事项产出它"),
            hint: .init(
                en: "add '\(need.value)' to the 'produces:' of the item that issues it",
                zh: "请在出具它的事项的“produces:”中加入“\(need.value)”"),
            notes: [DiagnosticNote(span: output.id.span, message: .init(en: "declared here", zh: "在此声明"))])
    }

    /// A joint inspection with fewer than two items.
    static func lonelyInspection(_ inspection: Inspection, count: Int) -> Diagnostic {
        Diagnostic(
            code: .lonelyInspection, severity: .warning, span: inspection.id.span,
            message: .init(
                en:
                    "joint inspection '\(inspection.id.value)' has \(count) item(s); a joint inspection joins at least two",
                zh: "联合勘验“\(inspection.id.value)”只有 \(count) 个事项参加；联合勘验至少需要两个事项"),
            hint: .init(
                en: "name it in the 'inspection:' of every item that takes part, or remove it",
                zh: "请在每个参加事项的“inspection:”中写上它，或删除它"))
    }

    /// Items that wait for each other in a circle.
    static func dependencyCycle(_ path: [(item: Located<String>, via: Located<String>)]) -> Diagnostic {
        let names = path.map(\.item.value) + [path[0].item.value]
        let chain = names.joined(separator: " → ")
        let notes = path.dropFirst().map { step in
            DiagnosticNote(
                span: step.via.span,
                message: .init(en: "'\(step.item.value)' waits here", zh: "“\(step.item.value)”在此等待"))
        }
        return Diagnostic(
            code: .dependencyCycle, severity: .error, span: path[0].via.span,
            message: .init(
                en: "items wait for each other in a circle: \(chain)", zh: "事项之间循环等待：\(chain)"),
            hint: .init(
                en: "remove one of these 'after:' or 'needs:' entries so the order has a start",
                zh: "请删去其中一处“after:”或“needs:”，使办理顺序有起点"),
            notes: notes)
    }

    /// A promise longer than the legal limit.
    static func promiseExceedsLegal(item: Item, promised: Located<TimeLimit>, legal: Located<TimeLimit>)
        -> Diagnostic
    {
        Diagnostic(
            code: .promiseExceedsLegal, severity: .error, span: promised.span,
            message: .init(
                en:
                    "item '\(item.id.value)' promises \(promised.value), longer than its legal limit of \(legal.value)",
                zh:
                    "事项“\(item.id.value)”承诺时限\(promised.value.chineseDescription)，超过法定时限\(legal.value.chineseDescription)"
            ),
            hint: extensionHint(item: item, promised: promised.value, legal: legal.value)
                ?? .init(
                    en: "a promised limit may be shorter than the legal one, never longer",
                    zh: "承诺时限只能短于或等于法定时限"),
            notes: [DiagnosticNote(span: legal.span, message: .init(en: "the legal limit", zh: "法定时限"))])
    }

    /// The hint for a promise that only the law's extension would cover: the extension
    /// needs its grounds in each case, so a promise to every applicant cannot count on it.
    static func extensionHint(item: Item, promised: TimeLimit, legal: TimeLimit) -> LocalizedText? {
        guard let allowed = item.legalTerms.allowedExtension, let extended = allowed.extended(legal),
            !BundleChecker.exceeds(promised, extended)
        else { return nil }
        return .init(
            en:
                "the law allows \(extended) only when \(allowed.grounds); a promise to every applicant cannot count on the extension: promise at most \(legal)",
            zh:
                "法规只在“\(allowed.grounds)”时允许延长至\(extended.chineseDescription)，对所有申请人的承诺不能以延长为准：承诺时限最多为\(legal.chineseDescription)"
        )
    }

    /// A promise that ends after a legal limit in calendar days (日) or months on some
    /// start dates, compared on the calendar: which start weekdays, and the largest
    /// promise that fits.
    static func promiseEndsAfterLegal(
        item: Item, promised: Located<TimeLimit>, legal: Located<TimeLimit>, comparison: LimitComparison
    ) -> Diagnostic {
        let weekdays = comparison.usualLaterWeekdays
        let unusual = comparison.unusualLaterStarts
        let (calendarUnitEN, calendarUnitZH) =
            legal.value.unit == .months || promised.value.unit == .months
            ? ("months are calendar months, not working days", "“个月”按日历月计算，不是工作日")
            : ("日 are calendar days, not working days", "“日”指自然日，不是工作日")
        var whenEN: [String] = []
        var whenZH: [String] = []
        if !weekdays.isEmpty {
            whenEN.append(
                "when accepted on a " + Self.list(weekdays.map { Self.weekdayNames[$0].en }, and: "or"))
            whenZH.append(weekdays.map { Self.weekdayNames[$0].zh }.joined(separator: "、") + "受理时")
        }
        if let example = unusual.first {
            let count = unusual.count
            let dates = count == 1 ? "start date" : "start dates"
            whenEN.append(
                weekdays.isEmpty
                    ? "when accepted on \(count) \(dates) near holidays, such as \(example)"
                    : "and on \(count) other \(dates) near holidays, such as \(example)")
            whenZH.append(
                weekdays.isEmpty
                    ? "节假日前后的 \(count) 个受理日（如 \(example)）受理时"
                    : "以及节假日前后另有 \(count) 个受理日（如 \(example)）")
        }
        let ordinary = comparison.largestFittingOrdinaryWeeks
        let every = comparison.largestFittingEveryDate
        var fitsEN = ordinary.map {
            "promise at most \($0), which ends no later than \(legal.value.chineseDescription) in ordinary weeks"
        }
        var fitsZH = ordinary.map {
            "请把承诺时限改为不超过\($0.chineseDescription)（平常各周受理都不晚于\(legal.value.chineseDescription)届满）"
        }
        if let every, every != ordinary {
            fitsEN =
                (fitsEN.map { $0 + "; " } ?? "")
                + "at most \(every) to end no later also when accepted just before a long holiday"
            fitsZH = (fitsZH.map { $0 + "；" } ?? "") + "若要在长假前受理也不晚于法定时限，则不超过\(every.chineseDescription)"
        }
        let sameUnitEN =
            "or write the promise in the legal limit's unit, such as \(legal.value.chineseDescription)"
        let sameUnitZH = "或按法定时限的单位写承诺，如\(legal.value.chineseDescription)"
        let counted = comparison.laterStarts.count
        return Diagnostic(
            code: .promiseExceedsLegal, severity: .error, span: promised.span,
            message: .init(
                en:
                    "item '\(item.id.value)' promises \(promised.value), which can end after its legal limit of \(legal.value.chineseDescription): \(calendarUnitEN), and \(promised.value) end later \(whenEN.joined(separator: ", ")) (\(counted) of the \(comparison.startsCompared) working days compared)",
                zh:
                    "事项“\(item.id.value)”承诺\(promised.value.chineseDescription)，可能晚于法定时限\(legal.value.chineseDescription)届满：\(calendarUnitZH)；\(whenZH.joined(separator: "，"))，\(promised.value.chineseDescription)都晚于\(legal.value.chineseDescription)届满（比较的 \(comparison.startsCompared) 个工作日中有 \(counted) 个）"
            ),
            hint: .init(
                en: [fitsEN, sameUnitEN].compactMap { $0 }.joined(separator: "; "),
                zh: [fitsZH, sameUnitZH].compactMap { $0 }.joined(separator: "；")),
            notes: [
                DiagnosticNote(
                    span: legal.span,
                    message: .init(
                        en:
                            "the legal limit, in \(legal.value.unit == .months ? "calendar months" : "calendar days")",
                        zh: "法定时限，以\(legal.value.unit == .months ? "日历月" : "自然日")计"))
            ])
    }

    /// The names of the ISO weekdays, 1 = Monday; index 0 is unused.
    static let weekdayNames: [(en: String, zh: String)] = [
        ("", ""), ("Monday", "周一"), ("Tuesday", "周二"), ("Wednesday", "周三"), ("Thursday", "周四"),
        ("Friday", "周五"), ("Saturday", "周六"), ("Sunday", "周日"),
    ]

    /// `a, b or c`.
    static func list(_ words: [String], and conjunction: String) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// A core material that may follow later.
    public static func coreMaterialDeferrable(_ material: Material, deferrable: Located<TimeLimit>)
        -> Diagnostic
    {
        Diagnostic(
            code: .coreMaterialDeferrable, severity: .error, span: deferrable.span,
            message: .init(
                en: "core material '\(material.id.value)' is marked deferrable",
                zh: "核心材料“\(material.id.value)”被标为可容缺后补"),
            hint: .init(
                en:
                    "accept-with-gaps (容缺受理) needs every core material at intake: remove 'deferrable' or 'core: true'",
                zh: "容缺受理要求主要材料齐全：请删去“deferrable”或“core: true”"))
    }

    /// A deferral deadline longer than an item's promise.
    static func deferralExceedsPromise(material: Material, deadline: Located<TimeLimit>, item: Item)
        -> Diagnostic
    {
        Diagnostic(
            code: .deferralExceedsPromise, severity: .error, span: deadline.span,
            message: .init(
                en:
                    "material '\(material.id.value)' may follow within \(deadline.value), longer than the \(item.promised.value) promised by item '\(item.id.value)' that needs it",
                zh:
                    "材料“\(material.id.value)”可在\(deadline.value.chineseDescription)内补交，超过需要它的事项“\(item.id.value)”的承诺时限\(item.promised.value.chineseDescription)"
            ),
            hint: .init(
                en: "the deadline to supply a deferred material may not exceed the item's promised limit",
                zh: "容缺材料的补交期限不得超过事项的承诺时限"),
            notes: [
                DiagnosticNote(
                    span: item.promised.span, message: .init(en: "the item's promise", zh: "事项的承诺时限"))
            ])
    }

    /// A fetched material whose `fallback: {wait: …}` is longer than the promise of an
    /// item that needs it: the item could be held past its promise (the rule of OT505).
    static func waitExceedsPromise(material: Material, bound: Located<TimeLimit>, item: Item) -> Diagnostic {
        Diagnostic(
            code: .deferralExceedsPromise, severity: .error, span: bound.span,
            message: .init(
                en:
                    "item '\(item.id.value)' may wait \(bound.value) for material '\(material.id.value)' from the service, longer than its promised \(item.promised.value)",
                zh:
                    "事项“\(item.id.value)”可能等待系统提供材料“\(material.id.value)”达\(bound.value.chineseDescription)，超过其承诺时限\(item.promised.value.chineseDescription)"
            ),
            hint: .init(
                en: "wait at most the promised limit of every item that needs it, or write 'fallback: paper'",
                zh: "等待期限不得超过需要它的每个事项的承诺时限；或改写为“fallback: paper”"),
            notes: [
                DiagnosticNote(
                    span: item.promised.span, message: .init(en: "the item's promise", zh: "事项的承诺时限"))
            ])
    }

    /// An item that names no legal basis.
    static func missingBasis(_ item: Item) -> Diagnostic {
        Diagnostic(
            code: .missingBasis, severity: .warning, span: item.id.span,
            message: .init(
                en: "item '\(item.id.value)' (\(item.name)) names no legal basis",
                zh: "事项“\(item.id.value)”（\(item.name)）未写明法律依据"),
            hint: .init(
                en:
                    "add 'basis: {law: …, article: …}'; for local practice, the local document, and 'locality: …'",
                zh: "请加上“basis: {law: …, article: …}”；属于地方做法的，写明地方文件并加上“locality: …”"))
    }

    /// An item that states no fee.
    static func missingFee(_ item: Item) -> Diagnostic {
        Diagnostic(
            code: .missingFee, severity: .warning, span: item.id.span,
            message: .init(
                en: "item '\(item.id.value)' (\(item.name)) states no fee; the notice can only say "
                    + "\"not stated: as the window tells you\"",
                zh: "事项“\(item.id.value)”（\(item.name)）未写明收费，告知书只能写“未写明，以窗口告知为准”"),
            hint: .init(
                en: "add 'fee: free', 'fee: 80' (yuan), 'fee: {amount: 80, basis: …}' or 'fee: {by-law: …}'",
                zh: "请加上“fee: free”“fee: 80”（元）、“fee: {amount: 80, basis: …}”或“fee: {by-law: …}”"))
    }
}
