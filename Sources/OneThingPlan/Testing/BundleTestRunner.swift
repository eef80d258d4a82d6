import OneThingConditions
import OneThingModel
import OneThingSource

/// Runs a bundle's own test cases (OpenFisca-style: given answers, the expected
/// plan) and reports every expectation that does not hold as a diagnostic at the
/// expectation in the file.
public struct BundleTestRunner: Sendable {
    /// The outcome of one test case.
    public struct CaseResult: Sendable {
        /// The case's name.
        public let name: String
        /// Where the name was written.
        public let span: SourceSpan
        /// Whether every expectation held.
        public var passed: Bool { diagnostics.isEmpty }
        /// Why it failed.
        public let diagnostics: [Diagnostic]
        /// The plan, when one was built.
        public let plan: Plan?
    }

    /// The builder of the bundle's plans.
    public let builder: PlanBuilder

    /// Creates a runner.
    public init(builder: PlanBuilder) {
        self.builder = builder
    }

    /// Runs every test case of the bundle, in file order.
    public func run() -> [CaseResult] {
        builder.bundle.tests.map(run)
    }

    /// Runs one test case.
    public func run(_ test: TestCase) -> CaseResult {
        let name = test.name.value
        let plan: Plan
        do {
            plan = try builder.plan(for: test.answers, missingAt: test.name.span)
        } catch {
            let codes = error.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
            if !error.ineligible.isEmpty, test.expect.eligible?.value == false {
                return CaseResult(name: name, span: test.name.span, diagnostics: [], plan: nil)
            }
            if let expected = test.expect.error {
                if codes.contains(expected.value) {
                    return CaseResult(name: name, span: test.name.span, diagnostics: [], plan: nil)
                }
                return CaseResult(
                    name: name, span: test.name.span,
                    diagnostics: [.testErrorMismatch(test: name, expected: expected, got: codes)]
                        + error.diagnostics,
                    plan: nil)
            }
            return CaseResult(
                name: name, span: test.name.span,
                diagnostics: [.testUnexpectedError(test: name, at: test.name.span, got: codes)]
                    + error.diagnostics,
                plan: nil)
        }
        var found: [Diagnostic] = []
        let expect = test.expect
        if let expected = expect.error {
            found.append(.testErrorMismatch(test: name, expected: expected, got: []))
        }
        if let eligible = expect.eligible, !eligible.value {
            found.append(.testExpectedNotEligible(test: name, at: eligible.span))
        }
        if let items = expect.items {
            let actual = plan.applicableItems.map(\.id.value)
            if let d = Diagnostic.setMismatch(
                test: name, what: .init(en: "items", zh: "事项"), expected: items, actual: actual)
            {
                found.append(d)
            }
        }
        if let materials = expect.materials {
            let actual = plan.materialsToBring.map(\.id)
            if let d = Diagnostic.setMismatch(
                test: name, what: .init(en: "materials to bring", zh: "需提交的材料"), expected: materials,
                actual: actual)
            {
                found.append(d)
            }
        }
        if let parties = expect.parties,
            let d = Diagnostic.setMismatch(
                test: name, what: .init(en: "parties taking part", zh: "参与的当事人"), expected: parties,
                actual: plan.partiesTakingPart.map(\.id.value))
        {
            found.append(d)
        }
        for expected in expect.brings {
            let actual = plan.materialsToBring.filter { $0.parties.contains(expected.party.value) }.map(\.id)
            guard
                let d = Diagnostic.setMismatch(
                    test: name,
                    what: .init(
                        en: "materials '\(expected.party.value)' brings",
                        zh: "当事人“\(expected.party.value)”提交的材料"),
                    expected: expected.materials, actual: actual)
            else { continue }
            found.append(d)
        }
        if let lead = expect.lead, lead.value != plan.lead.department {
            found.append(
                .testValueMismatch(
                    test: name, what: .init(en: "lead department", zh: "牵头部门"), expected: lead.value,
                    actual: plan.lead.department, at: lead.span))
        }
        if let promise = expect.promise, promise.value != plan.promise {
            found.append(
                .testValueMismatch(
                    test: name, what: .init(en: "promise", zh: "承诺时限"), expected: promise.value.description,
                    actual: plan.promise.description, at: promise.span))
        }
        if let workdays = expect.workdays, abs(workdays.value - plan.criticalPath.workdays) > 0.005 {
            found.append(
                .testValueMismatch(
                    test: name, what: .init(en: "working days", zh: "工作日"),
                    expected: CriticalPath.format(workdays.value),
                    actual: CriticalPath.format(plan.criticalPath.workdays),
                    at: workdays.span))
        }
        return CaseResult(name: name, span: test.name.span, diagnostics: found, plan: plan)
    }
}

extension Diagnostic {
    /// A list expectation that does not hold: what is missing and what is extra.
    static func setMismatch(
        test: String, what: LocalizedText, expected: [Located<String>], actual: [String]
    ) -> Diagnostic? {
        let expectedIDs = expected.map(\.value)
        let missing = expectedIDs.filter { !actual.contains($0) }
        let extra = actual.filter { !expectedIDs.contains($0) }
        guard !missing.isEmpty || !extra.isEmpty else { return nil }
        let span =
            missing.first.flatMap { id in expected.first { $0.value == id }?.span } ?? expected.first?.span
            ?? SourceSpan.wholeFile("")
        var en: [String] = []
        var zh: [String] = []
        if !missing.isEmpty {
            en.append("expected but not in the plan: \(missing.joined(separator: ", "))")
            zh.append("预期有但计划中没有：\(missing.joined(separator: "、"))")
        }
        if !extra.isEmpty {
            en.append("in the plan but not expected: \(extra.joined(separator: ", "))")
            zh.append("计划中有但未预期：\(extra.joined(separator: "、"))")
        }
        return Diagnostic(
            code: .testFailed, severity: .error, span: span,
            message: .init(
                en: "test case '\(test)': the \(what.en) differ; \(en.joined(separator: "; "))",
                zh: "测试用例“\(test)”：\(what.zh)不符；\(zh.joined(separator: "；"))"),
            hint: .init(
                en: "the plan has: \(actual.isEmpty ? "nothing" : actual.joined(separator: ", "))",
                zh: "计划中实际为：\(actual.isEmpty ? "无" : actual.joined(separator: "、"))"))
    }

    /// A single-value expectation that does not hold.
    static func testValueMismatch(
        test: String, what: LocalizedText, expected: String, actual: String, at span: SourceSpan
    ) -> Diagnostic {
        Diagnostic(
            code: .testFailed, severity: .error, span: span,
            message: .init(
                en: "test case '\(test)': expected \(what.en) \(expected), the plan has \(actual)",
                zh: "测试用例“\(test)”：预期\(what.zh)为 \(expected)，计划中为 \(actual)"),
            hint: .init(
                en: "if the plan is right, change the expectation to \(actual)",
                zh: "如果计划正确，请把预期改为 \(actual)"))
    }

    /// A test case expects an error other than the one its answers cause, or none.
    static func testErrorMismatch(test: String, expected: Located<String>, got: [String]) -> Diagnostic {
        Diagnostic(
            code: .testErrorMismatch, severity: .error, span: expected.span,
            message: .init(
                en: got.isEmpty
                    ? "test case '\(test)' expects error \(expected.value), but its answers make a plan"
                    : "test case '\(test)' expects error \(expected.value), but its answers cause \(got.joined(separator: ", "))",
                zh: got.isEmpty
                    ? "测试用例“\(test)”预期错误 \(expected.value)，但其答案能生成计划"
                    : "测试用例“\(test)”预期错误 \(expected.value)，实际为 \(got.joined(separator: "、"))"),
            hint: .init(
                en: "run 'onething explain \(expected.value)' to see what the code means",
                zh: "可运行“onething explain \(expected.value)”查看该代码的含义"))
    }

    /// A test case's answers cause an error the case does not expect.
    static func testUnexpectedError(test: String, at span: SourceSpan, got: [String]) -> Diagnostic {
        let notEligible = got.allSatisfy { $0 == DiagnosticCode.notEligible.rawValue }
        let expectation = notEligible ? "eligible: false" : "error: \(got.first ?? "OT…")"
        return Diagnostic(
            code: .testErrorMismatch, severity: .error, span: span,
            message: notEligible
                ? .init(
                    en: "test case '\(test)': its answers do not meet the bundle's eligibility rules (OT807)",
                    zh: "测试用例“\(test)”：其答案不符合一件事的申请条件（OT807）")
                : .init(
                    en: "test case '\(test)': its answers cannot be planned (\(got.joined(separator: ", ")))",
                    zh: "测试用例“\(test)”：其答案无法生成计划（\(got.joined(separator: "、"))）"),
            hint: .init(
                en:
                    "fix the answers (see the findings below), or add '\(expectation)' to 'expect:' if this is meant",
                zh: "请修正答案（见下方提示）；如属预期，请在“expect:”中写“\(expectation)”"))
    }

    /// A test case expects "not eligible", but its answers meet every eligibility rule.
    static func testExpectedNotEligible(test: String, at span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .testFailed, severity: .error, span: span,
            message: .init(
                en:
                    "test case '\(test)' expects the applicant not to be eligible, but the answers meet every eligibility rule and make a plan",
                zh: "测试用例“\(test)”预期申请人不符合申请条件，但其答案满足全部申请条件并生成了计划"),
            hint: .init(
                en:
                    "if the plan is right, remove 'eligible: false'; else check the answers and the rules under 'eligibility:'",
                zh: "如果计划正确，请删去“eligible: false”；否则请核对答案和“eligibility:”中的条件"))
    }
}
