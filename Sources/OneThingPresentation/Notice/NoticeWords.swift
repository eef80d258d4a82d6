import OneThing
import OneThingCalendar

/// The small words of the notice in one language: dates, limits, fees, numbers, lists.
struct NoticeWords: Sendable {
    /// The language of the letter.
    let language: Language

    /// `zh` in Chinese, `en` in English.
    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// A date with its weekday: `2026年9月25日（星期五）`, `Fri 25 Sep 2026`.
    func date(_ date: CalendarDate) -> String {
        switch language {
        case .zh: "\(date.year)年\(date.month)月\(date.day)日（星期\(Self.chineseWeekdays[date.weekday - 1])）"
        case .en:
            "\(Self.englishWeekdays[date.weekday - 1]) \(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// A date without its weekday, and without its year when it is `year`: `10月9日`, `9 Oct`.
    func shortDate(_ date: CalendarDate, year: Int) -> String {
        switch language {
        case .zh: (date.year == year ? "" : "\(date.year)年") + "\(date.month)月\(date.day)日"
        case .en:
            "\(date.day) \(Self.englishMonths[date.month - 1])" + (date.year == year ? "" : " \(date.year)")
        }
    }

    /// A date range: `10月1日至10月7日`, `1 Oct to 7 Oct`; one day when both ends are the same.
    func range(_ from: CalendarDate, _ to: CalendarDate, year: Int) -> String {
        guard from != to else { return shortDate(from, year: year) }
        return shortDate(from, year: year) + say(" to ", "至") + shortDate(to, year: year)
    }

    /// A time limit as the applicant reads it: `3个工作日`, `4小时`, `当场办结`.
    func limit(_ limit: TimeLimit) -> String { CriticalPathWords.limit(limit, in: language) }

    /// An item's legal limit as the applicant reads it, with what the law says besides
    /// the limit: `当场办结；不能当场办结的3个工作日（情形复杂的，可延长3个工作日）`;
    /// `法律未规定` where the bundle says the law sets none, `未写明` where it says nothing.
    func legal(_ item: Item) -> String {
        guard let legal = item.legal?.value else {
            return item.legalTerms.noneByLaw == nil
                ? say("not stated", "未写明") : say("none set by law", "法律未规定")
        }
        var text = limit(legal)
        if item.legalTerms.onTheSpot, legal.amount > 0 {
            text = say("on the spot; else \(text)", "当场办结；不能当场办结的\(text)")
        }
        if let allowed = item.legalTerms.allowedExtension {
            switch allowed.reach.value {
            case .by(let more):
                text += say(
                    " (extendable by \(limit(more)) when \(allowed.grounds))",
                    "（\(allowed.grounds)，可延长\(limit(more))）")
            case .to(let total):
                text += say(
                    " (extendable to \(limit(total)) when \(allowed.grounds))",
                    "（\(allowed.grounds)，可延长至\(limit(total))）")
            }
        }
        return text
    }

    /// A fee as the bundle states it: `免费`, `120元`, `按规定收费` (the amount set by its
    /// basis), and `未写明，以窗口告知为准` when the bundle states none.
    func fee(_ fee: Fee?) -> String {
        switch fee {
        case nil: return say("not stated: as the window tells you", "未写明，以窗口告知为准")
        case .free: return say("free", "免费")
        case .byLaw: return say("as the basis sets it", "按规定收费")
        case .amount(let value, _):
            let amount = DecimalText.trimmed(value, places: 2)
            return say("¥\(amount)", "\(amount)元")
        }
    }

    /// A number of working days: `11`, `1.5`.
    func workdays(_ days: Double) -> String { CriticalPath.format(days) }

    /// A section number: `一、`, `1. `.
    func sectionNumber(_ index: Int) -> String {
        switch language {
        case .zh: Self.chineseNumeral(index) + "、"
        case .en: "\(index). "
        }
    }

    /// Names joined as a list: `甲、乙和丙`, `a, b and c`.
    func join(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default:
            let head = names.dropLast().joined(separator: say(", ", "、"))
            return head + say(" and ", "和") + names[names.count - 1]
        }
    }

    /// A quoted name: `“营业执照”`.
    func quote(_ text: String) -> String { "“" + text + "”" }

    /// Chinese numerals for section numbers, 1 to 99.
    static func chineseNumeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n >= 1, n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10
        let ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }

    static let chineseWeekdays = ["一", "二", "三", "四", "五", "六", "日"]
    static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
