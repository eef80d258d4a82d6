import OneThingSource

// The findings of the model stage about the working-day calendar a bundle is planned on.

extension Diagnostic {
    /// The bundle takes effect on `effective`, in a year that the calendar covers only
    /// provisionally (no State Council notice in the catalogue).
    static func provisionalCalendar(effective: CalendarDate, at span: SourceSpan) -> Diagnostic {
        let reason = WorkdayCalendar.provisionalReason(years: [effective.year])
        let file = "catalogue/calendar-\(effective.year).yaml"
        return Diagnostic(
            code: .provisionalCalendar, severity: .warning, span: span,
            message: .init(
                en:
                    "this version takes effect on \(effective), and plans from that day are provisional (暂定): \(reason.en)",
                zh: "本版本自 \(effective) 起施行，自该日起的办理日期均为暂定：\(reason.zh)"),
            hint: .init(
                en:
                    "add \(file) from the State Council's holiday notice for \(effective.year) once it is published (in the autumn of the year before)",
                zh: "国务院办公厅发布\(effective.year)年放假通知后（通常在上一年秋冬），请据此添加 \(file)"))
    }
}
