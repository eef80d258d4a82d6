import OneThing

extension NoticeWriter {
    /// The applicant's own deadlines, each with the day it falls on for this applicant
    /// and the law that sets it; a warning for each the case was accepted after.
    func deadlineBlocks() -> [NoticeBlock] {
        let dates = DeadlineDate.all(of: plan, calendar: calendar, accepted: schedule.accepted)
        guard !dates.isEmpty else { return [] }
        var blocks: [NoticeBlock] = [
            .paragraph(
                say(
                    "The law sets these deadlines on you, counted from the dates on your form; a deadline that ends on a rest day ends on the next working day.",
                    "以下期限是法律法规对申请人的要求，从您在申请表中填写的日期起算；期限最后一日是休息日的，以其后第一个工作日为最后一日。"
                )),
            .table(
                NoticeTable(
                    header: [
                        say("What you must do", "事项"), say("Within", "期限"), say("Counted from", "起算日期"),
                        say("Last day", "最后一日"), say("Basis", "依据"),
                    ],
                    rows: dates.map { date in
                        let deadline = date.deadline.deadline
                        return [
                            deadline.name, words.limit(deadline.within.value),
                            date.deadline.from.map(words.date) ?? say("not given", "未填写"),
                            date.due.map(words.date) ?? say("cannot be counted", "无法推算"),
                            deadline.basis.map(citation).joined(separator: say("; ", "；")),
                        ]
                    }, columns: [.name, .short, .short, .short, .text])),
        ]
        for date in dates where date.passed == true {
            guard let due = date.due else { continue }
            blocks.append(
                .warning(
                    say(
                        "Accepted on \(words.date(schedule.accepted)), after the last day for “\(date.deadline.deadline.name)” (\(words.date(due))).",
                        "本次受理日期（\(words.date(schedule.accepted))）已超过“\(date.deadline.deadline.name)”的期限（最后一日为\(words.date(due))）。"
                    )))
        }
        return blocks
    }
}
