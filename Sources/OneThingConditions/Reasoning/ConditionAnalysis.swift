import OneThingModel

/// What the representative values of one field must include so that they reach every
/// outcome of the conditions that read it.
struct FieldRequirements: Hashable, Sendable {
    /// Numbers `t` that a number field is compared with after normalising a comparison
    /// that is linear in this one field (`2 * x + 1 >= 9` gives 4).
    var thresholds: Set<Double> = []
    /// Day numbers a date field is compared with.
    var dayThresholds: Set<Int> = []
    /// Text a text field is compared with.
    var texts: Set<String> = []
    /// Other text fields (slots) this one is compared with for equality.
    var textPeers: Set<Int> = []
    /// Constants of comparisons that involve several fields or are not linear.
    var looseConstants: Set<Double> = []
    /// Fields (slots) this one shares such a comparison with.
    var loosePeers: Set<Int> = []
    /// Whether the field takes part in such a comparison.
    var isLoose = false
    /// Values a multi-choice field is tested for (`"value" in field`).
    var choices: Set<String> = []

    /// Adds what `other` requires.
    mutating func formUnion(_ other: FieldRequirements) {
        thresholds.formUnion(other.thresholds)
        dayThresholds.formUnion(other.dayThresholds)
        texts.formUnion(other.texts)
        textPeers.formUnion(other.textPeers)
        looseConstants.formUnion(other.looseConstants)
        loosePeers.formUnion(other.loosePeers)
        isLoose = isLoose || other.isLoose
        choices.formUnion(other.choices)
    }

    /// Whether everything `other` requires is required here too.
    func covers(_ other: FieldRequirements) -> Bool {
        other.thresholds.isSubset(of: thresholds) && other.dayThresholds.isSubset(of: dayThresholds)
            && other.texts.isSubset(of: texts) && other.textPeers.isSubset(of: textPeers)
            && other.looseConstants.isSubset(of: looseConstants) && other.loosePeers.isSubset(of: loosePeers)
            && (!other.isLoose || isLoose) && other.choices.isSubset(of: choices)
    }
}

/// A number-valued expression that is linear in the fields it reads:
/// Σ coefficient × field + constant.
struct LinearForm {
    /// Coefficients by slot; never zero.
    var coefficients: [Int: Double] = [:]
    /// The constant term.
    var constant: Double = 0

    func scaled(_ factor: Double) -> LinearForm {
        var result = LinearForm(constant: constant * factor)
        for (slot, c) in coefficients where c * factor != 0 { result.coefficients[slot] = c * factor }
        return result
    }

    func adding(_ other: LinearForm, sign: Double = 1) -> LinearForm {
        var result = self
        result.constant += sign * other.constant
        for (slot, c) in other.coefficients {
            let sum = (result.coefficients[slot] ?? 0) + sign * c
            result.coefficients[slot] = sum == 0 ? nil : sum
        }
        return result
    }

    /// The linear form of `operand`, or `nil` when it is not linear (a product of
    /// fields, a division by a field or by zero).
    init?(_ operand: CheckedOperand) {
        switch operand.kind {
        case .constant(.number(let value)):
            constant = value
        case .field(let reference):
            coefficients = [reference.slot: 1]
        case .negate(let inner):
            guard let form = LinearForm(inner) else { return nil }
            self = form.scaled(-1)
        case .arithmetic(let first, let terms):
            guard var result = LinearForm(first) else { return nil }
            for term in terms {
                guard let next = LinearForm(term.operand) else { return nil }
                switch term.op {
                case .add: result = result.adding(next)
                case .subtract: result = result.adding(next, sign: -1)
                case .multiply:
                    if result.coefficients.isEmpty {
                        result = next.scaled(result.constant)
                    } else if next.coefficients.isEmpty {
                        result = result.scaled(next.constant)
                    } else {
                        return nil
                    }
                case .divide:
                    guard next.coefficients.isEmpty, next.constant != 0 else { return nil }
                    result = result.scaled(1 / next.constant)
                }
            }
            self = result
        default:
            return nil
        }
    }

    init(coefficients: [Int: Double] = [:], constant: Double = 0) {
        self.coefficients = coefficients
        self.constant = constant
    }
}

/// What one condition compares each of its fields with.
///
/// Comparisons of one number field with constants after linear normalisation
/// (`x op c`, `c op x`, `x + c op d`, `2 * x op c`), of a date field with dates, of a
/// text field with text or other text fields for equality, tests of a multi-choice
/// field for its values, and any comparison of bool and enum fields (whose every value
/// is enumerated), are *exact*: the
/// representative values built from them reach every outcome. Comparisons of several
/// number or date fields with each other, or that are not linear (`x * y > 10`), are
/// *loose*: their fields get the constants, their neighbours and a few small values,
/// which is a heuristic search.
struct ConditionAnalysis: Sendable {
    /// The requirements of each field read, by slot.
    var requirements: [Int: FieldRequirements] = [:]
    /// Whether every comparison is exact.
    var isExact = true

    init(_ expression: CheckedExpression) {
        for reference in expression.fieldReferences { requirements[reference.slot] = FieldRequirements() }
        visit(expression)
    }

    private mutating func visit(_ e: CheckedExpression) {
        switch e.kind {
        case .constant, .field: break
        case .not(let operand): visit(operand)
        case .and(let operands), .or(let operands):
            for operand in operands { visit(operand) }
        case .comparison(_, let lhs, let rhs): comparison(lhs, rhs)
        case .membership(let subject, let values, _): membership(subject, values)
        case .chosen(let reference, let value, _, _):
            requirements[reference.slot, default: FieldRequirements()].choices.insert(value)
        }
    }

    private mutating func comparison(_ lhs: CheckedOperand, _ rhs: CheckedOperand) {
        switch lhs.type {
        case .number:
            if let left = LinearForm(lhs), let right = LinearForm(rhs) {
                let difference = left.adding(right, sign: -1)
                if difference.coefficients.isEmpty { return }
                if difference.coefficients.count == 1, let (slot, a) = difference.coefficients.first {
                    let t = -difference.constant / a
                    if t.isFinite {
                        requirements[slot, default: FieldRequirements()].thresholds.insert(t)
                        return
                    }
                }
                loose([lhs, rhs], extra: [-difference.constant])
            } else {
                loose([lhs, rhs], extra: [])
            }
        case .date:
            switch (lhs.kind, rhs.kind) {
            case (.field(let reference), .constant(.date(let day))),
                (.constant(.date(let day)), .field(let reference)):
                requirements[reference.slot, default: FieldRequirements()].dayThresholds.insert(day.dayNumber)
            case (.field, .field):
                loose([lhs, rhs], extra: [])
            default:
                break
            }
        case .text:
            switch (lhs.kind, rhs.kind) {
            case (.field(let reference), .constant(.text(let text))),
                (.constant(.text(let text)), .field(let reference)):
                requirements[reference.slot, default: FieldRequirements()].texts.insert(text)
            case (.field(let a), .field(let b)):
                requirements[a.slot, default: FieldRequirements()].textPeers.insert(b.slot)
                requirements[b.slot, default: FieldRequirements()].textPeers.insert(a.slot)
            default:
                break
            }
        case .enumeration, .choices:
            break
        case .bool:
            for operand in [lhs, rhs] {
                if case .condition(let inner) = operand.kind { visit(inner) }
            }
        }
    }

    private mutating func membership(_ subject: CheckedOperand, _ values: [ConditionValue]) {
        switch (subject.type, subject.kind) {
        case (.number, _):
            guard let form = LinearForm(subject) else {
                loose([subject], extra: values.compactMap { if case .number(let n) = $0 { n } else { nil } })
                return
            }
            guard let (slot, a) = form.coefficients.first else { return }
            if form.coefficients.count > 1 {
                loose([subject], extra: values.compactMap { if case .number(let n) = $0 { n } else { nil } })
                return
            }
            for case .number(let v) in values {
                let t = (v - form.constant) / a
                if t.isFinite { requirements[slot, default: FieldRequirements()].thresholds.insert(t) }
            }
        case (.date, .field(let reference)):
            for case .date(let day) in values {
                requirements[reference.slot, default: FieldRequirements()].dayThresholds.insert(day.dayNumber)
            }
        case (.text, .field(let reference)):
            for case .text(let text) in values {
                requirements[reference.slot, default: FieldRequirements()].texts.insert(text)
            }
        case (.bool, .condition(let inner)):
            visit(inner)
        default:
            break
        }
    }

    /// Records a loose comparison over the fields of `operands`.
    private mutating func loose(_ operands: [CheckedOperand], extra: [Double]) {
        isExact = false
        var fields: [FieldReference] = []
        var constants = Set(extra.filter { $0.isFinite })
        for operand in operands {
            operand.collectFields(into: &fields)
            Self.collectConstants(operand, into: &constants)
        }
        let slots = Set(fields.map { $0.slot })
        for slot in slots {
            var requirement = requirements[slot, default: FieldRequirements()]
            requirement.isLoose = true
            requirement.looseConstants.formUnion(constants)
            requirement.loosePeers.formUnion(slots.subtracting([slot]))
            requirements[slot] = requirement
        }
    }

    private static func collectConstants(_ operand: CheckedOperand, into constants: inout Set<Double>) {
        switch operand.kind {
        case .constant(.number(let value)): constants.insert(value)
        case .constant, .field, .condition: break
        case .negate(let inner): collectConstants(inner, into: &constants)
        case .arithmetic(let first, let terms):
            collectConstants(first, into: &constants)
            for term in terms { collectConstants(term.operand, into: &constants) }
        }
    }
}
