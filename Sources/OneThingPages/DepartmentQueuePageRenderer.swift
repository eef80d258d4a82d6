import OneThing
import OneThingPresentation
import OneThingRuntime

/// Writes a ``DepartmentQueuePage`` as one HTML document: the counts at a glance, then
/// each task as a card with its case, due date, materials and answers, and the forms
/// that post to the server (``PageRoutes``): claim a waiting task; approve (with the
/// outputs issued), reject (a reason required) or ask for a supplement (what is missing
/// required) on a claimed one. Plain HTML forms: no script.
public struct DepartmentQueuePageRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The page as an HTML document, in `frame` (who is signed in, what the last form did).
    public func render(_ page: DepartmentQueuePage, frame: PageFrame = PageFrame()) -> String {
        typealias M = PageMarkup
        let overdue = page.items.filter(\.overdue).count
        var body = "<div class=\"cards\">\n"
        body += card(LocalizedText(en: "Waiting", zh: "待认领"), page.waiting.count)
        body += card(LocalizedText(en: "Claimed", zh: "已认领"), page.claimed.count)
        body += card(LocalizedText(en: "With the applicant", zh: "待申请人"), page.withApplicant.count)
        body += card(LocalizedText(en: "Overdue", zh: "已超期"), overdue, alert: overdue > 0)
        body += "</div>\n"
        if let limit = page.shownCasesLimit {
            body +=
                "<p class=\"hint\">"
                + M.both(
                    "本部门在办案件超过\(limit)件，仅列出最早受理的\(limit)件中的任务。",
                    "The department has more than \(limit) open cases; the tasks of the \(limit) accepted first are listed."
                )
                + "</p>\n"
        }
        body += M.section(
            id: "waiting", heading: LocalizedText(en: "Waiting for the department", zh: "待认领的任务"),
            claimNext(page)
                + tasks(
                    page.waiting, page: page,
                    empty: LocalizedText(en: "No task is waiting.", zh: "暂无待认领的任务。"),
                    claimable: true))
        body += M.section(
            id: "claimed", heading: LocalizedText(en: "Claimed", zh: "已认领的任务"),
            tasks(page.claimed, page: page, empty: LocalizedText(en: "No task is claimed.", zh: "暂无已认领的任务。")))
        body += M.section(
            id: "with-applicant", heading: LocalizedText(en: "Waiting for the applicant", zh: "等待申请人的任务"),
            tasks(
                page.withApplicant, page: page,
                empty: LocalizedText(en: "No task waits for the applicant.", zh: "暂无等待申请人的任务。")))
        let subtitle = [
            M.both("办理部门", "Department") + " " + M.both(page.name),
            M.both("统计时间", "As of") + " " + M.moment(page.now),
        ]
        return M.document(
            title: LocalizedText(en: "Work queue", zh: "部门待办"), subtitle: subtitle, width: .wide, body: body,
            frame: frame)
    }

    func card(_ label: LocalizedText, _ value: Int, alert: Bool = false) -> String {
        "<div class=\"card\(alert ? " alert" : "")\"><div class=\"label\">\(PageMarkup.both(label))</div>"
            + "<div class=\"value\">\(value)</div></div>\n"
    }

    /// The cards of `tasks`; `claimable` when they wait for the department to claim them.
    func tasks(
        _ tasks: [DepartmentQueuePage.WorkItem], page: DepartmentQueuePage, empty: LocalizedText,
        claimable: Bool = false
    ) -> String {
        guard !tasks.isEmpty else { return PageMarkup.none(empty) }
        return tasks.map { task($0, page: page, claimable: claimable) }.joined()
    }

    func task(_ task: DepartmentQueuePage.WorkItem, page: DepartmentQueuePage, claimable: Bool) -> String {
        typealias M = PageMarkup
        var out =
            "<article class=\"task\(task.overdue ? " overdue" : "")\" id=\"task-\(M.e(PageRoutes.segment(task.key)))\">\n"
        var status = M.chip(
            task.status.words(kind: task.kind, waitsOnApplicant: task.waitsOnApplicant),
            tone: task.status.tone(waitsOnApplicant: task.waitsOnApplicant))
        if task.overdue { status += " " + M.chip(LocalizedText(en: "overdue", zh: "已超期"), tone: .late) }
        out += "<h3>\(M.both(task.name)) \(status)</h3>\n"
        var facts: [(LocalizedText, String)] = [
            (LocalizedText(en: "Case", zh: "办件"), M.e(task.caseID) + " · " + M.both(task.bundle)),
            (LocalizedText(en: "Task key", zh: "任务编号"), "<code>\(M.e(task.key))</code>"),
        ]
        if let sent = task.sentAt { facts.append((LocalizedText(en: "Sent", zh: "推送时间"), M.moment(sent))) }
        if let due = task.due {
            var text = M.dueDate(due)
            if let left = task.workdaysLeft, !task.overdue { text += " " + M.both(M.workdaysLeft(left)) }
            facts.append((LocalizedText(en: "Due", zh: "办结期限"), text))
        }
        if let claim = task.claim {
            facts.append(
                (
                    LocalizedText(en: "Claimed by", zh: "认领人"),
                    M.e(claim.principal) + "，" + M.both("租约至", "lease until") + " " + M.moment(claim.until)
                ))
        }
        if let note = task.supplementNote {
            facts.append((LocalizedText(en: "Supplement asked", zh: "要求补正"), M.e(note)))
        }
        out += "<div class=\"task-grid\">\n<div>\n<table class=\"facts\">\n<tbody>\n"
        for (label, value) in facts {
            out += "<tr><th scope=\"row\">\(M.both(label))</th><td>\(value)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<div>\n"
        // Open on a claimed task, the one being decided; folded elsewhere, to keep the queue short.
        let awaited = task.materials.filter { !$0.inHand }.count
        let counts = LocalizedText(
            en:
                "Materials (\(task.materials.count), \(awaited) to follow) and answers (\(task.answers.count))",
            zh: "材料 \(task.materials.count) 项（\(awaited) 项待补）与申报信息 \(task.answers.count) 项")
        out += "<details\(task.claim == nil ? "" : " open")>\n<summary>\(M.both(counts))</summary>\n"
        out += materials(task)
        out += answers(task)
        out += "</details>\n</div>\n</div>\n"
        out += forms(task, page: page, claimable: claimable)
        return out + "</article>\n"
    }

    func materials(_ task: DepartmentQueuePage.WorkItem) -> String {
        typealias M = PageMarkup
        guard !task.materials.isEmpty else { return "" }
        return M.table(
            [LocalizedText(en: "Material", zh: "材料"), LocalizedText(en: "Status", zh: "状态")],
            task.materials.map { material in
                var status =
                    material.inHand
                    ? M.chip(LocalizedText(en: "in hand", zh: "已收"), tone: .done)
                    : M.chip(LocalizedText(en: "to follow", zh: "容缺待补"), tone: .applicant)
                if let due = material.dueBy, !material.inHand {
                    status += " " + M.both("补交期限", "due") + " " + M.dueDate(due)
                }
                if material.neededHere {
                    status += " " + M.chip(LocalizedText(en: "this step needs it", zh: "本事项需要"), tone: .open)
                }
                return [M.both(material.name), status]
            })
    }

    func answers(_ task: DepartmentQueuePage.WorkItem) -> String {
        typealias M = PageMarkup
        guard !task.answers.isEmpty else { return "" }
        return M.table(
            [LocalizedText(en: "Form field", zh: "申报信息"), LocalizedText(en: "Answer", zh: "填写内容")],
            task.answers.map { ["<code>\(M.e($0.field))</code>", M.e($0.value)] })
    }

    /// The form that claims the next waiting task: the work queue gives out the oldest
    /// first (as to a department system), for the lease the server grants.
    func claimNext(_ page: DepartmentQueuePage) -> String {
        typealias M = PageMarkup
        guard page.mayDecide, !page.waiting.isEmpty else { return "" }
        return """
            <div class="actions">
            <form class="claim" method="post" action="\(M.e(page.routes.claim(department: page.department)))">\
            \(token(page))<button type="submit" class="primary">\(M.both("认领下一件", "Claim the next task"))</button>\
            </form>
            <p class="hint">\(M.both("按推送先后分派，最早推送的任务先认领。", "Tasks are given out oldest first, in the order they were sent."))</p>
            </div>

            """
    }

    /// The hidden field that carries the session's form token, if the page has one.
    func token(_ page: DepartmentQueuePage) -> String {
        page.formToken.map { "<input type=\"hidden\" name=\"csrf\" value=\"\(PageMarkup.e($0))\">" } ?? ""
    }

    /// The forms of a task: claim it when it waits for the department; on a task the
    /// viewer has claimed, approve (with the numbers of the documents issued), ask for a
    /// supplement, reject.
    func forms(_ task: DepartmentQueuePage.WorkItem, page: DepartmentQueuePage, claimable: Bool) -> String {
        typealias M = PageMarkup
        let token = token(page)
        guard page.mayDecide else { return "" }
        guard let claim = task.claim else {
            guard claimable else { return "" }
            return """
                <div class="actions">
                <form class="claim" method="post" action="\(M.e(page.routes.claim(task.key, department: page.department)))">\
                \(token)<button type="submit">\(M.both("认领此件", "Claim this task"))</button></form>
                </div>

                """
        }
        guard page.viewer == nil || page.viewer == claim.principal else { return "" }
        let action = M.e(page.routes.decision(task.key, department: page.department))
        let inspection = task.kind == .inspection
        let outputs = task.outputs.map {
            "<label>\(M.both($0.name)) \(M.both("证照编号", "number"))<input name=\"output.\(M.e($0.id))\" autocomplete=\"off\"></label>"
        }.joined()
        let results = task.outputs.filter { !$0.values.isEmpty }.map { output in
            let choices = output.values.map { "<option value=\"\(M.e($0.id))\">\(M.both($0.name))</option>" }
            return "<label>\(M.both(output.name)) \(M.both("办理结果", "result"))"
                + (output.awaited ? M.both("（必选，后续事项依此确定）", " (required: later steps depend on it)") : "")
                + "<select name=\"result.\(M.e(output.id))\"\(output.awaited ? " required" : "")>"
                + "<option value=\"\"></option>\(choices.joined())</select></label>"
        }.joined()
        let approve = inspection ? M.both("勘验通过", "Passed") : M.both("准予许可", "Approve")
        let reject = inspection ? M.both("勘验未通过", "Not passed") : M.both("不予许可", "Reject")
        return """
            <div class="actions">
            <form method="post" action="\(action)">\(token)<input type="hidden" name="outcome" value="approved">\
            \(outputs.isEmpty ? "" : "<p>\(M.both("出具证照", "Documents issued"))</p>\(outputs)")\
            \(results.isEmpty ? "" : "<p>\(M.both("办理结果", "Results"))</p>\(results)")\
            <button type="submit" class="primary">\(approve)</button></form>
            <form method="post" action="\(action)">\(token)<input type="hidden" name="outcome" value="supplement">\
            <label>\(M.both("需补正的内容（必填）", "What is missing (required)"))<textarea name="missing" required></textarea></label>\
            <button type="submit">\(M.both("要求补正", "Request a supplement"))</button></form>
            <form method="post" action="\(action)">\(token)<input type="hidden" name="outcome" value="rejected">\
            <label>\(inspection ? M.both("未通过的理由（必填）", "Why it did not pass (required)") : M.both("不予许可的理由（必填）", "Reason (required)"))<textarea name="reason" required></textarea></label>\
            <button type="submit" class="danger">\(reject)</button></form>
            </div>

            """
    }
}
