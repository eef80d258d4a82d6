import OneThing
import OneThingPresentation
import OneThingRuntime

/// Writes an ``ApplicantCasePage`` as one HTML document: the case at a glance, what to
/// bring and by when, every step with its department and due date, the outcome, a link
/// to the one-time notice, the answers given; Chinese with the English beside it, and
/// the live update (``LiveUpdateScript``) for a browser that runs scripts.
public struct ApplicantCasePageRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The page as an HTML document, in `frame` (a form's message, who is signed in).
    public func render(_ page: ApplicantCasePage, frame: PageFrame = PageFrame()) -> String {
        typealias M = PageMarkup
        var body = "<p id=\"live-status\" class=\"live-status\" role=\"status\" hidden></p>\n"
        body += M.section(
            id: "summary", heading: LocalizedText(en: "Where your case stands", zh: "办理进度"), live: true,
            summary(page))
        body += M.section(
            id: "bring", heading: LocalizedText(en: "What to bring, and by when", zh: "需要您补交的材料"), live: true,
            bring(page))
        body += M.section(
            id: "steps", heading: LocalizedText(en: "Steps and departments", zh: "各部门办理情况"), live: true,
            steps(page))
        if page.isClosed {
            body += M.section(
                id: "outcome", heading: LocalizedText(en: "Outcome", zh: "办理结果"), live: true, outcome(page))
        }
        if let notice = page.notice {
            body += M.section(
                id: "notice", heading: LocalizedText(en: "One-time notice", zh: "一次性告知书"), self.notice(notice)
            )
        }
        body += M.section(
            id: "answers", heading: LocalizedText(en: "Your answers", zh: "您填写的信息"), answers(page))
        var subtitle = [M.both("办件编号", "Case") + " " + M.e(page.caseID)]
        subtitle.append(M.both("牵头部门", "Lead department") + " " + M.both(page.lead))
        let attributes =
            page.isClosed
            ? "" : " data-events=\"\(M.e(page.eventsURL))\" data-sequence=\"\(page.sequence)\""
        return M.document(
            title: LocalizedText(en: page.title.en, zh: page.title.zh + " · 办件进度"), subtitle: subtitle,
            width: .medium, body: body, script: page.isClosed ? nil : LiveUpdateScript.source,
            rootAttributes: attributes, refresh: page.isClosed ? nil : 60, frame: frame)
    }

    func summary(_ page: ApplicantCasePage) -> String {
        typealias M = PageMarkup
        var facts: [(LocalizedText, String)] = []
        let state: String
        if let outcome = page.outcome {
            let words = LocalizedText(
                en: CaseEventText.outcome(outcome, in: .en), zh: CaseEventText.outcome(outcome, in: .zh))
            state = M.chip(
                words, tone: outcome == .completed ? .done : outcome == .partial ? .applicant : .late)
        } else {
            state = M.chip(LocalizedText(en: "in progress", zh: "办理中"), tone: .open)
        }
        facts.append((LocalizedText(en: "Status", zh: "状态"), state))
        let ended =
            page.ended > 0 ? "（" + M.both("另有 \(page.ended) 项未办成", "\(page.ended) ended otherwise") + "）" : ""
        let notNeeded =
            page.notNeeded > 0
            ? "（" + M.both("另有 \(page.notNeeded) 项依办理结果无需办理", "\(page.notNeeded) not needed") + "）" : ""
        facts.append(
            (
                LocalizedText(en: "Steps done", zh: "已办结事项"),
                M.both("\(page.approved)/\(page.total) 项", "\(page.approved) of \(page.total)") + ended
                    + notNeeded
            ))
        if let accepted = page.acceptedAt {
            facts.append((LocalizedText(en: "Accepted", zh: "受理时间"), M.moment(accepted)))
        }
        if let promised = page.promisedBy {
            facts.append(
                (
                    LocalizedText(en: "Promised by", zh: "承诺办结"),
                    M.dueDate(promised)
                ))
        }
        if let delivered = page.deliveredAt {
            facts.append((LocalizedText(en: "Delivered", zh: "出件时间"), M.moment(delivered)))
        }
        if !page.missingAtIntake.isEmpty {
            facts.append(
                (
                    LocalizedText(en: "Missing at intake", zh: "缺少的核心材料"),
                    page.missingAtIntake.map(M.both).joined(separator: "、")
                ))
        }
        if !page.waiting.isEmpty {
            facts.append(
                (
                    LocalizedText(en: "Waiting on", zh: "当前等待"),
                    "<ul>"
                        + page.waiting.map { "<li>\(M.both($0.who))：\(M.both($0.what))</li>" }.joined()
                        + "</ul>"
                ))
        }
        let percent = page.total == 0 ? 100 : page.approved * 100 / page.total
        var out =
            "<div class=\"meter\" role=\"img\" aria-label=\"\(page.approved)/\(page.total)\"><span style=\"width: \(percent)%\"></span></div>\n"
        out += "<table class=\"facts\">\n<tbody>\n"
        for (label, value) in facts {
            out += "<tr><th scope=\"row\">\(M.both(label))</th><td>\(value)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    func bring(_ page: ApplicantCasePage) -> String {
        typealias M = PageMarkup
        var out = ""
        if !page.supplements.isEmpty {
            out += "<h3>\(M.both("补正", "Supplements asked for"))</h3>\n"
            out += M.table(
                [
                    LocalizedText(en: "Step", zh: "事项"), LocalizedText(en: "Department", zh: "部门"),
                    LocalizedText(en: "What is missing", zh: "需补正的内容"),
                    LocalizedText(en: "Asked", zh: "告知时间"),
                ],
                page.supplements.map { supplement in
                    [
                        M.both(supplement.step), M.both(supplement.department), M.e(supplement.missing),
                        supplement.askedAt.map(M.moment) ?? "",
                    ]
                })
            out +=
                "<p>\(M.both("补正期间该事项暂停计时，补正后继续计算办结期限。", "The step's clock stands still until you supplement it."))</p>\n"
        }
        if !page.deferred.isEmpty {
            out += "<h3>\(M.both("容缺材料", "Deferred materials"))</h3>\n"
            out += M.table(
                [
                    LocalizedText(en: "Material", zh: "材料"), LocalizedText(en: "Bring by", zh: "补交期限"),
                    LocalizedText(en: "Needed by", zh: "所需事项"), LocalizedText(en: "Status", zh: "状态"),
                ],
                page.deferred.map { material in
                    let status =
                        material.supplied
                        ? M.chip(LocalizedText(en: "received", zh: "已补交"), tone: .done)
                        : material.late
                            ? M.chip(LocalizedText(en: "past its deadline", zh: "已逾期"), tone: .late)
                            : M.chip(LocalizedText(en: "to bring", zh: "待补交"), tone: .applicant)
                    let name =
                        material.notFetched.map { reason in
                            M.both(material.name) + "<br>"
                                + M.both(
                                    LocalizedText(
                                        en:
                                            "Could not be fetched electronically (\(reason)): please bring it.",
                                        zh: "未能通过电子证照或数据共享获取（\(reason)），请您提交。"))
                        } ?? M.both(material.name)
                    return [
                        name, M.dueDate(material.dueBy),
                        material.neededBy.map(M.both).joined(separator: "、"), status,
                    ]
                })
        }
        if page.supplements.isEmpty && page.toBring.isEmpty {
            out += M.none(LocalizedText(en: "Nothing to bring now.", zh: "目前无需补交材料。"))
        }
        return out
    }

    func steps(_ page: ApplicantCasePage) -> String {
        typealias M = PageMarkup
        return M.table(
            [
                LocalizedText(en: "Step", zh: "事项"), LocalizedText(en: "Department", zh: "办理部门"),
                LocalizedText(en: "Status", zh: "状态"), LocalizedText(en: "Due", zh: "办结期限"),
                LocalizedText(en: "Finished", zh: "办结时间"),
            ],
            page.steps.map { step in
                var status = M.chip(
                    step.status.words(kind: step.kind, waitsOnApplicant: step.waitsOnApplicant),
                    tone: step.status.tone(waitsOnApplicant: step.waitsOnApplicant))
                if step.overdue {
                    status += " " + M.chip(LocalizedText(en: "overdue", zh: "已超期"), tone: .late)
                }
                if let reason = step.reason { status += "<br>" + M.both("原因", "Reason") + "：" + M.e(reason) }
                if let material = step.missingMaterial { status += "<br>" + M.both(material) }
                return [
                    M.both(step.name), M.both(step.department), status, step.due.map(M.dueDate) ?? "—",
                    step.finishedAt.map(M.moment) ?? "—",
                ]
            }, className: "steps")
    }

    func outcome(_ page: ApplicantCasePage) -> String {
        typealias M = PageMarkup
        guard !page.outputs.isEmpty else {
            return M.none(LocalizedText(en: "No licence or certificate was issued.", zh: "本次未出具证照。"))
        }
        return "<p>\(M.both("统一出件，您将获得：", "Delivered together:"))</p>\n<ul>\n"
            + page.outputs.map { output in
                let number =
                    output.number.map { " " + M.both("编号", "No.") + " <code>\(M.e($0))</code>" } ?? ""
                let result = output.result.map { M.both("：", ": ") + M.both($0) } ?? ""
                return "<li>\(M.both(output.name))\(result)\(number)</li>\n"
            }.joined() + "</ul>\n"
    }

    /// The notice's letter, folded.
    func notice(_ notice: NoticeDocument) -> String {
        typealias M = PageMarkup
        let language = notice.language == .zh ? "zh-CN" : "en"
        var out =
            "<details class=\"letter\">\n<summary>\(M.both("展开告知书全文", "Show the whole notice"))</summary>\n"
        out += "<div class=\"letter\" lang=\"\(language)\">\n"
        out += "<h3>\(M.e(notice.title))</h3>\n"
        out += NoticeHTMLRenderer().renderLetter(notice, anchorPrefix: "notice-")
        return out + "</div>\n</details>\n"
    }

    func answers(_ page: ApplicantCasePage) -> String {
        typealias M = PageMarkup
        guard !page.answers.isEmpty else { return M.none(LocalizedText(en: "No answers.", zh: "无。")) }
        return M.table(
            [LocalizedText(en: "Question", zh: "问题"), LocalizedText(en: "Answer", zh: "回答")],
            page.answers.map { ["<code>\(M.e($0.field))</code>", M.e($0.value)] })
    }
}
