import OneThingModel
import OneThingSource

@testable import OneThingConditions

/// Forms, files and conditions built by hand for the tests.
enum Fixtures {
    static let path = "bundles/open-restaurant.yaml"

    static func span(line: Int = 1, column: Int = 1) -> SourceSpan {
        SourceSpan(file: path, at: SourceLocation(line: line, column: column))
    }

    static func field(
        _ id: String, _ type: FieldType, required: Bool = true, min: FieldBound? = nil,
        max: FieldBound? = nil,
        values: [String] = [], line: Int = 1
    ) -> FormField {
        FormField(
            id: id, span: span(line: line, column: 3), type: type, label: id, required: required,
            minimum: min,
            maximum: max,
            values: values.enumerated().map {
                EnumValue(id: $1, label: $1, span: span(line: line + 1 + $0, column: 7))
            })
    }

    /// The form most tests read.
    static let form = Form(fields: [
        field("venue.area_m2", .number, min: .number(0)),
        field("venue.headcount", .integer, min: .number(0), max: .number(500)),
        field("business.prepackaged_only", .bool),
        field("business.kind", .enum, values: ["restaurant", "cafe", "bakery"]),
        field("death.place", .enum, values: ["hospital", "outside-hospital"]),
        field("逝者.死亡地点", .enum, values: ["医院", "医院外"]),
        field("applicant.name", .text),
        field("applicant.phone", .phone, required: false),
        field("opening", .date, min: .date(CalendarDate("2024-01-01")!)),
        field("has_alcohol", .bool, required: false),
        field("seats", .integer, required: false),
        field("floors", .integer, min: .number(1), max: .number(30)),
    ])

    static func parse(_ text: String, limits: ConditionLimits = .default) -> (
        ConditionExpression?, [ConditionIssue]
    ) {
        var issues: [ConditionIssue] = []
        let expression = ConditionParser(limits: limits).parse(text, issues: &issues)
        return (expression, issues)
    }

    /// The grouping the parser gives `text`, or the first issue's message.
    static func grouping(_ text: String) -> String {
        let (expression, issues) = parse(text)
        return expression?.description ?? "error: \(issues.first?.message.en ?? "?")"
    }

    static func check(_ text: String, form: Form = form) -> (CheckedCondition?, [ConditionIssue]) {
        var issues: [ConditionIssue] = []
        guard let expression = ConditionParser().parse(text, issues: &issues) else { return (nil, issues) }
        let checked = ConditionTypeChecker(form: form).check(expression, text: text, issues: &issues)
        return (checked, issues)
    }

    /// A checked condition; fails the test (returns a condition that is always false) when it has issues.
    static func checked(_ text: String, form: Form = form) -> CheckedCondition {
        let (checked, issues) = check(text, form: form)
        precondition(issues.isEmpty, "unexpected issues in \(text): \(issues.map(\.message.en))")
        return checked!
    }

    /// A YAML file whose line `line` is `prefix` followed by `condition` as a plain
    /// scalar, and the condition source of that scalar.
    static func located(
        _ condition: String, line: Int = 40, prefix: String = "    when: ", style: YAMLScalarStyle = .plain
    ) -> (SourceFile, ConditionSource) {
        let written: String
        switch style {
        case .doubleQuoted:
            written = "\"" + condition.map { $0 == "\"" ? "\\\"" : String($0) }.joined() + "\""
        case .singleQuoted: written = "'" + condition.map { $0 == "'" ? "''" : String($0) }.joined() + "'"
        default: written = condition
        }
        var lines = (1..<line).map { "# line \($0)" }
        lines.append(prefix + written)
        lines.append("")
        let file = SourceFile(path: path, text: lines.joined(separator: "\n"))
        let column = prefix.unicodeScalars.count + 1
        let scalar = YAMLScalar(
            value: condition, style: style,
            span: SourceSpan(
                file: path, start: SourceLocation(line: line, column: column),
                end: SourceLocation(line: line, column: column + written.unicodeScalars.count)))
        return (file, ConditionSource(scalar: scalar))
    }

    /// The diagnostics of checking `condition`, written on line `line` after `prefix`.
    static func diagnostics(
        _ condition: String, form: Form = form, line: Int = 40, prefix: String = "    when: ",
        style: YAMLScalarStyle = .plain
    ) -> [Diagnostic] {
        let (file, source) = located(condition, line: line, prefix: prefix, style: style)
        return ConditionChecker(form: form, file: file).check([
            OwnedCondition(owner: .item("food-permit"), source: source)
        ])
        .diagnostics
    }

    /// Answers to `form`.
    static func answers(_ values: [String: ConditionValue], form: Form = form) -> ConditionAnswers {
        ConditionAnswers(form: form, values: values)
    }
}
