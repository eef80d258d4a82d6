import Foundation
import OneThing
import OneThingRuntime

/// The ids the command line gives cases: `C`, the day of acceptance and the case's
/// number in the database, `C20260925-0003`; readable, sortable, and unique in one
/// database whichever process started the case.
enum CaseIDs {
    /// The id of the `number`th case of a database, accepted on `date`.
    static func make(date: CalendarDate, number: Int) -> CaseID {
        let digits = String(number)
        let day = String(describing: date).replacingOccurrences(of: "-", with: "")
        return "C\(day)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
