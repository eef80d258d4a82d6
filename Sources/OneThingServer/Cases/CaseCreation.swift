import OneThing
import OneThingPlan
import OneThingRuntime

/// A request to create a case, read and planned, ready to start: the bundle it names,
/// the applicant's plan for the answers it gives, the blueprint the case will be pinned
/// to, and the materials brought.
///
/// ```json
/// {"bundle": "open-restaurant",
///  "answers": {"business.has_licence": false, "venue.area_m2": 80},
///  "provided": ["id-card", "lease-contract"]}
/// ```
///
/// `provided` is optional: without it the applicant brings every material the plan
/// says to bring (deferred ones follow later, 容缺). Every problem is a finding at its
/// line and column in the body: an unknown key, a bundle not served, answers that do
/// not fit the form (the same findings, OT801–OT805, as the command line's), a
/// material the plan does not know.
struct CaseCreation: Sendable {
    /// The bundle.
    let entry: BundleLibrary.Entry
    /// The applicant's plan.
    let plan: Plan
    /// What the case is pinned to.
    let blueprint: CaseBlueprint
    /// The answers, field id → value as written.
    let answers: [String: String]
    /// The materials brought at intake.
    let provided: [String]

    /// The keys of the request.
    static let keys = ["bundle", "answers", "provided"]

    /// Reads and plans the request `document` against the bundles of `library`.
    static func read(_ document: RequestDocument, library: BundleLibrary) async throws(Problem)
        -> CaseCreation
    {
        var object = document.object(LocalizedText(en: "the request", zh: "请求"), known: keys)
        let bundleID = object.string("bundle", required: true)
        let answersNode = object.object("answers", required: true)
        let provided = object.strings("provided", required: false)
        try object.finish()
        guard let bundleID, let answersNode else { throw Problem.invalidRequest(object.diagnostics) }
        guard let entry = await library.entry(bundleID) else {
            let known = await library.entries.map(\.id)
            let span = object.node["bundle"]?.span ?? object.node.span
            throw Problem(
                .unknownBundle,
                LocalizedText(
                    en: "no bundle '\(bundleID)' is served; GET /v1/bundles lists them",
                    zh: "没有提供一件事“\(bundleID)”；GET /v1/bundles 可列出全部"),
                diagnostics: [
                    Diagnostic(
                        code: .badValue, severity: .error, span: span,
                        message: LocalizedText(
                            en: "no bundle '\(bundleID)' is served", zh: "没有提供一件事“\(bundleID)”"),
                        hint: Suggestion.hint(for: bundleID, among: known)
                            ?? LocalizedText(
                                en: "bundles served: \(known.joined(separator: ", "))",
                                zh: "可办理的一件事：\(known.joined(separator: "、"))"))
                ],
                members: ["bundle": bundleID])
        }
        let plan = try Self.plan(entry, answers: answersNode)
        let checklist = Dictionary(
            plan.materials.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var brought = plan.materials.filter { $0.status == .bring }.map(\.id)
        // A material of a line the applicant chooses from provides that line.
        var lineOf: [String: String] = [:]
        for entry in plan.materials {
            for member in entry.alternatives?.members ?? [] where lineOf[member.id] == nil {
                lineOf[member.id] = entry.id
            }
        }
        if var provided {
            provided = provided.map { checklist[$0] == nil ? lineOf[$0] ?? $0 : $0 }
            var findings: [Diagnostic] = []
            let elements = object.node["provided"]?.elements ?? []
            for (index, material) in provided.enumerated() where checklist[material] == nil {
                findings.append(
                    Diagnostic(
                        code: .badValue, severity: .error,
                        span: elements.indices.contains(index) ? elements[index].span : object.node.span,
                        message: LocalizedText(
                            en: "this applicant's plan has no material '\(material)'",
                            zh: "该申请人的办事清单中没有材料“\(material)”"),
                        hint: Suggestion.hint(for: material, among: checklist.keys.sorted())))
            }
            if !findings.isEmpty { throw Problem.invalidRequest(findings) }
            brought = provided
        }
        return CaseCreation(
            entry: entry, plan: plan, blueprint: CaseBlueprint(plan: plan, catalogue: entry.loaded.catalogue),
            answers: plan.answers.values.mapValues(\.description), provided: brought)
    }

    /// The plan of `entry` for the answers in `node`.
    static func plan(_ entry: BundleLibrary.Entry, answers node: YAMLNode) throws(Problem) -> Plan {
        let decoded = AnswersDecoder.decode(node)
        if decoded.diagnostics.contains(where: { $0.severity == .error }) {
            throw Problem.answersInvalid(decoded.diagnostics)
        }
        do {
            return try entry.loaded.builder.plan(for: decoded.answers, missingAt: node.span)
        } catch {
            if !error.ineligible.isEmpty { throw Problem.notEligible(error.ineligible, error.diagnostics) }
            throw Problem.answersInvalid(error.diagnostics)
        }
    }
}

extension Problem {
    /// Answers that do not meet the bundle's eligibility rules: each unmet rule's own
    /// reason in the detail, and its finding (OT807).
    static func notEligible(_ rules: [ConditionRule], _ diagnostics: [Diagnostic]) -> Problem {
        Problem(
            .notEligible,
            LocalizedText(
                en: "not eligible, because: " + rules.map(\.message.en).joined(separator: "; "),
                zh: "不符合申请条件，原因：" + rules.map(\.message.zh).joined(separator: "；")),
            diagnostics: diagnostics)
    }

    /// Answers that do not fit the bundle's form, with the findings that say where.
    static func answersInvalid(_ diagnostics: [Diagnostic]) -> Problem {
        Problem(
            .answersInvalid,
            LocalizedText(
                en: "the answers do not fit the bundle's form: \(diagnostics.count) finding(s) say where",
                zh: "答案不符合一件事的申请表：共 \(diagnostics.count) 处问题，位置见诊断信息"),
            diagnostics: diagnostics)
    }
}
