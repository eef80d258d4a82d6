/// Masks the personal numbers in text written for others than their owner: logs,
/// metrics, a department's work queue, the supervisor's lists. The applicant's own view shows them whole.
///
/// - **Identity numbers** (居民身份证号码, GB 11643-1999: a 6-digit address code, an
///   8-digit birth date, a 3-digit sequence number whose last digit tells the sex, a
///   check character): the first 4 characters stay (province and prefecture of the
///   address code, which say no more than a city), the other 14 become `*`:
///   `110101199003074514` → `1101**************`. Hidden are the county, the birth
///   date, the sequence number, the sex and the check character. The common "first 6,
///   last 4" hides only the birth date, which the visible check character then narrows
///   to about 3,300 dates in a century, or about 33 in a known year of birth: no mask
///   against anyone who knows the person.
/// - **Mobile numbers** (11 digits, `1` then `3`–`9`): the first 3 and the last 4 stay,
///   as on a receipt: `13800138000` → `138****8000`; also with `86` before it, and in
///   groups `138 0013 8000` or `138-0013-8000`.
///
/// A number is found by its shape, not by its label: a run of digits (an identity
/// number's may end in `X`) that no digit touches on either side. An identity number
/// must carry a real birth date (1900–2099) in its place; its check character is not
/// required, because a number with one digit mistyped still points at its owner. So a
/// 19-digit order number, a 13-digit timestamp or 18 digits without a date are left as
/// they are.
public enum PersonalNumberMask {
    /// `text` with every identity number and mobile number in it masked.
    public static func masked(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            let end = runEnd(scalars, from: index)
            if let (masked, next) = identityNumber(scalars, from: index, runEnd: end)
                ?? mobileNumber(scalars, from: index, runEnd: end)
            {
                out.append(contentsOf: masked.unicodeScalars)
                index = next
            } else {
                out.append(contentsOf: scalars[index..<end])
                index = end
            }
        }
        return String(out)
    }

    /// `answers` with every value masked as ``masked(_:)`` masks text.
    public static func masked(_ answers: [String: String]) -> [String: String] {
        answers.mapValues(masked)
    }

    /// Whether `caller` sees personal numbers whole: only the applicant, in their own
    /// view (they presented their case's access code). Everyone else — window staff,
    /// officers, department systems, supervisors, an anonymous caller — sees them masked.
    public static func showsWhole(to caller: Caller) -> Bool {
        if case .applicant = caller { return true }
        return false
    }

    /// What text shown to `caller` passes through: unchanged for the applicant's own
    /// view, ``masked(_:)`` for everyone else.
    public static func mask(for caller: Caller) -> @Sendable (String) -> String {
        if showsWhole(to: caller) { return { (text: String) -> String in text } }
        return { (text: String) -> String in masked(text) }
    }

    /// The masked identity number that starts at `start`, and where it ends.
    static func identityNumber(_ scalars: [Unicode.Scalar], from start: Int, runEnd end: Int) -> (
        String, Int
    )? {
        var last = end
        switch end - start {
        case 18: break
        case 17 where end < scalars.count && (scalars[end] == "X" || scalars[end] == "x"):
            guard end + 1 == scalars.count || !isDigit(scalars[end + 1]) else { return nil }
            last = end + 1
        default: return nil
        }
        let digits = scalars[start..<end].map { Int($0.value) - 48 }
        guard isBirthDate(Array(digits[6..<14])) else { return nil }
        return (
            String(String.UnicodeScalarView(scalars[start..<start + 4])) + String(repeating: "*", count: 14),
            last
        )
    }

    /// The masked mobile number that starts at `start` (alone, after `86`, or in groups
    /// of 3, 4 and 4 digits split by one space or hyphen), and where it ends.
    static func mobileNumber(_ scalars: [Unicode.Scalar], from start: Int, runEnd end: Int) -> (String, Int)?
    {
        let run = String(String.UnicodeScalarView(scalars[start..<end]))
        if end - start == 11, isMobile(run) {
            return (mask(run), end)
        }
        if end - start == 13, run.hasPrefix("86"), isMobile(String(run.dropFirst(2))) {
            return ("86" + mask(String(run.dropFirst(2))), end)
        }
        guard end - start == 3, end < scalars.count, scalars[end] == " " || scalars[end] == "-" else {
            return nil
        }
        let separator = scalars[end]
        let middleEnd = runEnd(scalars, from: end + 1)
        guard middleEnd - end - 1 == 4, middleEnd < scalars.count, scalars[middleEnd] == separator else {
            return nil
        }
        let lastEnd = runEnd(scalars, from: middleEnd + 1)
        guard lastEnd - middleEnd - 1 == 4 else { return nil }
        let digits = String(String.UnicodeScalarView(scalars[start..<lastEnd].filter(isDigit)))
        guard isMobile(digits) else { return nil }
        let gap = String(separator)
        return (run + gap + "****" + gap + String(digits.suffix(4)), lastEnd)
    }

    /// A mobile number with its middle 4 digits hidden.
    static func mask(_ mobile: String) -> String {
        String(mobile.prefix(3)) + "****" + String(mobile.suffix(4))
    }

    /// Whether `digits` (11 of them) are a mainland mobile number: `1`, then `3`–`9`.
    static func isMobile(_ digits: String) -> Bool {
        let bytes = Array(digits.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1])
    }

    /// Whether the 8 digits are a date YYYYMMDD from 1900 to 2099 that exists.
    static func isBirthDate(_ digits: [Int]) -> Bool {
        guard digits.count == 8 else { return false }
        let year = digits[0..<4].reduce(0) { $0 * 10 + $1 }
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard (1900...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Where the run of digits that starts at `start` ends.
    static func runEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, isDigit(scalars[end]) { end += 1 }
        return end
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
