import OneThingModel

/// Builds the representative answers of fields from their requirements; see
/// ``AnswerSpace`` for the rules.
struct Representatives {
    let layout: FieldLayout
    let requirements: [Int: FieldRequirements]

    /// Small values loose comparisons always try.
    private static let looseDefaults: [Double] = [0, 1]
    /// The day a date field gets when nothing else places it: 2000-01-01, as a day
    /// number (days after 1970-01-01).
    private static let anchorDay = 10_957

    /// The representatives of every field with requirements, by slot.
    func all() -> [Int: [ConditionValue?]] {
        var result: [Int: [ConditionValue?]] = [:]
        for slot in requirements.keys { result[slot] = values(slot: slot) }
        return result
    }

    /// The representatives of the field in `slot`.
    func values(slot: Int) -> [ConditionValue?] {
        let field = layout.fields[slot]
        let requirement = requirements[slot] ?? FieldRequirements()
        var values: [ConditionValue?]
        switch field.type {
        case .bool:
            values = [.bool(true), .bool(false)]
        case .enum:
            var seen = Set<String>()
            values = field.values.compactMap { seen.insert($0.id).inserted ? .text($0.id) : nil }
        case .integer, .number:
            values = numbers(field, requirement).map { .number($0) }
        case .date:
            values = days(field, requirement).map { .date(CalendarDate(dayNumber: $0)) }
        case .text, .idNumber, .creditCode, .phone:
            values = texts(slot).map { .text($0) }
        case .multiChoice:
            values = choiceSets(field, requirement).map { .choices($0) }
        }
        if !field.required || values.isEmpty { values.append(nil) }
        return values
    }

    // MARK: Numbers

    private func numbers(_ field: FormField, _ requirement: FieldRequirements) -> [Double] {
        let integer = field.type == .integer
        var values = Set<Double>()
        let thresholds = requirement.thresholds.sorted()
        if integer {
            for t in thresholds { values.formUnion(Self.integerNeighbours(t)) }
        } else if let first = thresholds.first, let last = thresholds.last {
            values.formUnion(thresholds)
            values.insert(first - 1)
            values.insert(last + 1)
            for (a, b) in zip(thresholds, thresholds.dropFirst()) { values.insert(a + (b - a) / 2) }
        }
        if requirement.isLoose {
            var loose = requirement.looseConstants.union(Self.looseDefaults)
            for peer in requirement.loosePeers {
                if let other = requirements[peer] {
                    loose.formUnion(other.thresholds.union(other.looseConstants))
                }
            }
            for c in loose where c.isFinite {
                if integer {
                    values.formUnion(Self.integerNeighbours(c))
                } else {
                    values.formUnion([c - 1, c, c + 1])
                }
            }
        }
        var low: Double?
        var high: Double?
        if case .number(let bound) = field.minimum { low = integer ? bound.rounded(.up) : bound }
        if case .number(let bound) = field.maximum { high = integer ? bound.rounded(.down) : bound }
        return Self.clip(values, low: low, high: high, fallback: 0)
    }

    private static func integerNeighbours(_ t: Double) -> [Double] {
        let floor = t.rounded(.down)
        let ceiling = t.rounded(.up)
        return floor == ceiling ? [t - 1, t, t + 1] : [floor, ceiling]
    }

    /// Keeps the values within `low…high`, adding a bound where a value beyond it was
    /// dropped; one value (`fallback` or a bound) when none is left.
    private static func clip<T: Comparable & Hashable>(_ values: Set<T>, low: T?, high: T?, fallback: T)
        -> [T]
    {
        var kept = Set<T>()
        var droppedLow = false
        var droppedHigh = false
        for value in values {
            if let low, value < low {
                droppedLow = true
            } else if let high, value > high {
                droppedHigh = true
            } else {
                kept.insert(value)
            }
        }
        if droppedLow, let low, high.map({ low <= $0 }) ?? true { kept.insert(low) }
        if droppedHigh, let high, low.map({ $0 <= high }) ?? true { kept.insert(high) }
        if kept.isEmpty { kept.insert(low ?? high ?? fallback) }
        return kept.sorted()
    }

    // MARK: Dates

    private func days(_ field: FormField, _ requirement: FieldRequirements) -> [Int] {
        var values = Set<Int>()
        for t in requirement.dayThresholds { values.formUnion([t - 1, t, t + 1]) }
        if requirement.isLoose {
            for peer in requirement.loosePeers {
                for t in requirements[peer]?.dayThresholds ?? [] { values.formUnion([t - 1, t, t + 1]) }
            }
        }
        var low: Int?
        var high: Int?
        if case .date(let bound) = field.minimum { low = bound.dayNumber }
        if case .date(let bound) = field.maximum { high = bound.dayNumber }
        if values.isEmpty, requirement.isLoose {
            // Two days, so that fields compared with each other can be equal or not.
            let anchor = low ?? high.map { $0 - 1 } ?? Self.anchorDay
            values = [anchor, anchor + 1]
        }
        return Self.clip(values, low: low, high: high, fallback: Self.anchorDay)
    }

    // MARK: Choices

    /// Every subset of the values the conditions test a multi-choice field for (in the
    /// field's order): the other values never change an outcome.
    private func choiceSets(_ field: FormField, _ requirement: FieldRequirements) -> [[String]] {
        var tested: [String] = []
        for value in field.values where requirement.choices.contains(value.id) && !tested.contains(value.id) {
            tested.append(value.id)
        }
        var sets: [[String]] = [[]]
        for value in tested {
            sets += sets.map { $0 + [value] }
        }
        return sets.map { set in tested.filter { set.contains($0) } }
    }

    // MARK: Text

    /// The compared texts of the field's group (text fields linked by equality), and
    /// one value that is none of them for each field in the group.
    private func texts(_ slot: Int) -> [String] {
        var group: Set<Int> = [slot]
        var queue = [slot]
        while let next = queue.popLast() {
            for peer in requirements[next]?.textPeers ?? [] where group.insert(peer).inserted {
                queue.append(peer)
            }
        }
        var texts = Set<String>()
        for member in group { texts.formUnion(requirements[member]?.texts ?? []) }
        var others: [String] = []
        var counter = 1
        while others.count < group.count {
            let candidate = counter == 1 ? "(其他)" : "(其他\(counter))"
            if !texts.contains(candidate) { others.append(candidate) }
            counter += 1
        }
        return texts.sorted() + others
    }
}
