import OneThingEvents

/// Case ids: the store gives them out, numbered per day of acceptance, never twice.
extension StoreContract {
    /// Whether `id` is `C`, eight digits of `date`, a hyphen and at least four digits of
    /// a number from 1.
    static func isWellFormed(_ id: CaseID, acceptedOn date: CalendarDate) -> Bool {
        let day = date.description.filter { $0 != "-" }
        guard id.hasPrefix("C\(day)-") else { return false }
        let number = id.dropFirst(day.count + 2)
        return number.count >= 4 && number.allSatisfy { $0.isASCII && $0.isNumber } && Int(number) ?? 0 >= 1
    }

    static let caseIDChecks: [Check] = [
        Check("case ids are well formed, numbered per day, and never given twice") { store in
            let first = CalendarDate(dayNumber: 20_514)  // 2026-03-02
            let second = first.adding(days: 1)
            var given: [CaseID] = []
            for date in [first, first, second, first, second] {
                let id = try await store.newCaseID(acceptedOn: date)
                try Expect.that(
                    isWellFormed(id, acceptedOn: date), "a case id for \(date)",
                    expected: "C\(date.description.filter { $0 != "-" })-NNNN", actual: id)
                given.append(id)
            }
            try Expect.equal(
                given,
                ["C20260302-0001", "C20260302-0002", "C20260303-0001", "C20260302-0003", "C20260303-0002"],
                "the ids given for 03-02, 03-02, 03-03, 03-02 and 03-03")
            let longAgo = try await store.newCaseID(acceptedOn: CalendarDate(dayNumber: -25_567))
            try Expect.equal(longAgo, "C19000101-0001", "the first id for 1900-01-01")
        },
        Check("fifty callers at once get fifty different case ids") { store in
            let date = CalendarDate(dayNumber: 20_600)
            let ids = try await withThrowingTaskGroup(of: CaseID.self) { group in
                for _ in 0..<50 {
                    group.addTask { try await store.newCaseID(acceptedOn: date) }
                }
                var ids: [CaseID] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            try Expect.equal(Set(ids).count, 50, "the number of different ids given to 50 callers")
            for id in ids {
                try Expect.that(
                    isWellFormed(id, acceptedOn: date), "a case id given to one of 50 callers",
                    expected: "a well-formed id for \(date)", actual: id)
            }
            try Expect.equal(
                Set(ids), Set((1...50).map { CaseIDFormat.make(acceptedOn: date, number: $0) }),
                "the ids given to 50 callers (numbers 1 to 50)")
        },
    ]
}
