import OneThingSource

/// The checks of a calendar year: every date in its year, holidays in order, each
/// make-up working day on a weekend and not inside a holiday, nothing listed twice.
public enum CalendarChecker {
    /// Every finding about `year`.
    public static func check(_ year: CalendarYear) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func outside(_ date: CalendarDate, _ span: SourceSpan) {
            found.append(
                Diagnostic(
                    code: .badCalendarDate, severity: .error, span: span,
                    message: .init(
                        en: "\(date) lies outside the calendar's year \(year.year)",
                        zh: "\(date) 不在本日历的年份 \(year.year) 内"),
                    hint: .init(
                        en: "a calendar file covers one year; put this day in the file of its own year",
                        zh: "一个日历文件只含一年；请把该日期放入所属年份的文件")))
        }
        var offDays: [CalendarDate: Holiday] = [:]
        for holiday in year.holidays {
            if holiday.from > holiday.to {
                found.append(
                    Diagnostic(
                        code: .badCalendarDate, severity: .error, span: holiday.span,
                        message: .init(
                            en:
                                "holiday '\(holiday.name)' ends (\(holiday.to)) before it starts (\(holiday.from))",
                            zh: "节假日“\(holiday.name)”的结束日期（\(holiday.to)）早于开始日期（\(holiday.from)）"),
                        hint: .init(en: "swap 'from' and 'to'", zh: "请交换“from”和“to”")))
                continue
            }
            // A holiday may reach into the next year only from the last days of this one.
            if holiday.from.year != year.year { outside(holiday.from, holiday.span) }
            for n in holiday.from.dayNumber...holiday.to.dayNumber {
                let day = CalendarDate(dayNumber: n)
                if let other = offDays[day] {
                    found.append(
                        Diagnostic(
                            code: .badCalendarDate, severity: .error, span: holiday.span,
                            message: .init(
                                en: "\(day) is in both '\(other.name)' and '\(holiday.name)'",
                                zh: "\(day) 同时属于“\(other.name)”和“\(holiday.name)”"),
                            notes: [
                                DiagnosticNote(
                                    span: other.span, message: .init(en: "the other holiday", zh: "另一个节假日"))
                            ]))
                    break
                }
                offDays[day] = holiday
            }
        }
        var seen: [CalendarDate: SourceSpan] = [:]
        for day in year.makeUpWorkdays {
            if day.value.year != year.year { outside(day.value, day.span) }
            if let first = seen[day.value] {
                found.append(
                    Diagnostic(
                        code: .badCalendarDate, severity: .error, span: day.span,
                        message: .init(en: "\(day.value) is listed twice", zh: "\(day.value) 重复列出"),
                        notes: [
                            DiagnosticNote(
                                span: first, message: .init(en: "first listed here", zh: "第一次出现在这里"))
                        ]))
            }
            seen[day.value] = day.span
            if !day.value.isWeekend {
                found.append(
                    Diagnostic(
                        code: .calendarConflict, severity: .error, span: day.span,
                        message: .init(
                            en:
                                "make-up working day \(day.value) is a \(weekdayName(day.value.weekday).en), already a working day",
                            zh: "调休上班日 \(day.value) 是\(weekdayName(day.value.weekday).zh)，本来就是工作日"),
                        hint: .init(
                            en: "make-up working days (调休上班) are Saturdays or Sundays; check the notice",
                            zh: "调休上班日应为周六或周日；请核对放假通知")))
            }
            if let holiday = offDays[day.value] {
                found.append(
                    Diagnostic(
                        code: .calendarConflict, severity: .error, span: day.span,
                        message: .init(
                            en: "\(day.value) is both a make-up working day and part of '\(holiday.name)'",
                            zh: "\(day.value) 既是调休上班日，又在“\(holiday.name)”假期内"),
                        notes: [
                            DiagnosticNote(span: holiday.span, message: .init(en: "the holiday", zh: "该节假日"))
                        ]))
            }
        }
        return found
    }

    static func weekdayName(_ weekday: Int) -> LocalizedText {
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return LocalizedText(en: en[weekday - 1], zh: zh[weekday - 1])
    }
}
