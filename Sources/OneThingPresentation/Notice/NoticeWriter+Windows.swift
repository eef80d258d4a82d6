import OneThing

extension NoticeWriter {
    /// The windows in which the application (or an item of it) can be made, with what
    /// sets each; where the day of acceptance falls, and a warning when it is outside.
    func windowBlocks() -> [NoticeBlock] {
        let openings = WindowOpening.all(of: plan, accepted: schedule.accepted)
        guard !openings.isEmpty else { return [] }
        let windowWords = WindowWords(language: language, date: { [words] in words.date($0) })
        var rows: [[String]] = []
        for opening in openings {
            for window in opening.windows.windows {
                rows.append([
                    window.name, windowWords.scope(opening.windows), windowWords.dates(window.dates.value),
                    window.basis.cited.text(in: language), window.note ?? "",
                ])
            }
        }
        var blocks: [NoticeBlock] = [
            .paragraph(
                say(
                    "These can be applied for only in the periods below, which the law or the local notice sets; a year whose dates are not recorded here is as that year's local notice says.",
                    "以下事项只能在规定的报名时间内申请，报名时间由法律法规或当地公告规定；本告知书未载明当年日期的，以当地当年公告为准。"
                )),
            .table(
                NoticeTable(
                    header: [
                        say("Window", "报名事项"), say("For", "适用于"), say("Dates", "报名时间"), say("Basis", "依据"),
                        say("Note", "说明"),
                    ], rows: rows, columns: [.name, .short, .text, .text, .text])),
        ]
        for opening in openings {
            let state = windowWords.state(opening)
            blocks.append(state.warning ? .warning(state.text) : .paragraph(state.text))
        }
        return blocks
    }
}
