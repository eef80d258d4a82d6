import Hummingbird
import OneThing
import OneThingPlan
import OneThingPresentation

extension CaseServer {
    /// The routes about bundles: the list, one bundle with its form (一表申报), validating
    /// an uploaded bundle text, and one applicant's plan with the one-time notice.
    func addBundleRoutes(_ routes: RouteSet) {
        routes.add(.get, "/v1/bundles", "listBundles") { _, context in
            let entries = await self.library.entries
            let refused = await self.library.refused
            return try Response.json(
                BundleList(
                    bundles: entries.map(BundleSummary.init),
                    refused: refused.map { RefusedBundle($0, language: context.language) }))
        }
        routes.add(.get, "/v1/bundles/{bundle}", "getBundle") { _, context in
            let entry = try await self.bundle(try context.parameter("bundle"))
            return try Response.json(BundleDetail(entry))
        }
        routes.add(.post, "/v1/bundles/validate", "validateBundle", query: ["name"]) { request, context in
            try self.body.requireMediaType(request, anyOf: ["application/yaml", "text/yaml", "text/plain"])
            let bytes = try await self.body.bytes(of: request)
            let name = request.uri.queryParameters["name"].map(String.init) ?? "upload.yaml"
            guard (1...200).contains(name.count) else {
                throw Problem(
                    .invalidParameter,
                    en: "the query parameter name takes a file name of 1 to 200 characters",
                    zh: "查询参数 name 应为 1 到 200 个字符的文件名", members: ["parameter": "name"])
            }
            let report = await self.library.validate(bytes, name: name)
            return try Response.json(ValidationBody(report, language: context.language))
        }
        routes.add(.post, "/v1/bundles/{bundle}/plan", "planBundle") { request, context in
            let entry = try await self.bundle(try context.parameter("bundle"))
            let document = try await self.body.json(of: request)
            var object = document.object(
                LocalizedText(en: "the request", zh: "请求"), known: ["answers", "start"])
            let answers = object.object("answers", required: true)
            let start = object.string("start", required: false)
            try object.finish()
            guard let answers else { throw Problem.invalidRequest(object.diagnostics) }
            var accepted = self.engine.clock.now.chinaDate
            if let start {
                guard let date = CalendarDate(start) else {
                    throw Problem.invalidRequest([
                        .wrongType(
                            object.node["start"] ?? object.node,
                            expected: LocalizedText(en: "a date such as 2026-03-02", zh: "日期，如 2026-03-02"))
                    ])
                }
                accepted = date
            }
            let plan = try CaseCreation.plan(entry, answers: answers)
            let calendar = entry.loaded.catalogue.calendar(region: "CN")
            do {
                let schedule = try Schedule(plan: plan, calendar: calendar, accepted: accepted)
                let notice = try NoticeDocument(
                    plan: plan, schedule: schedule, catalogue: entry.loaded.catalogue,
                    language: context.language)
                return try Response.json(
                    PlanBody(
                        plan: PlanDocument(plan: plan, schedule: schedule, calendar: calendar),
                        notice: NoticeHTMLRenderer().render(notice)))
            } catch let error as WorkdayCalendar.OutOfRange {
                throw Problem(
                    .invalidRequest, error.message,
                    members: ["start": accepted.description])
            }
        }
    }

    /// The bundle served as `id`, or 404.
    func bundle(_ id: String) async throws(Problem) -> BundleLibrary.Entry {
        guard let entry = await library.entry(id) else {
            let known = await library.entries.map(\.id)
            let hint = Suggestion.hint(for: id, among: known)
            throw Problem(
                .notFound,
                LocalizedText(
                    en: "no bundle '\(id)' is served" + (hint.map { "; \($0.en)" } ?? ""),
                    zh: "没有提供一件事“\(id)”" + (hint.map { "；\($0.zh)" } ?? "")),
                members: ["bundle": id])
        }
        return entry
    }
}

/// `GET /v1/bundles`.
struct BundleList: Encodable {
    var bundles: [BundleSummary]
    var refused: [RefusedBundle]
}

/// What the list and the detail of a bundle both begin with: id, title, version, the
/// day it takes effect, category, promised limit and description. One place, written
/// flat into each (`GET /v1/bundles` and `GET /v1/bundles/{bundle}` share these members).
struct BundleHeader: Encodable {
    var id: String
    var title: String
    var version: String
    var effective: String
    var category: String
    var promise: TimeLimit
    var description: String?

    init(_ bundle: ServiceBundle) {
        id = bundle.id.value
        title = bundle.title
        version = bundle.version
        effective = bundle.effective.description
        category = bundle.category.rawValue
        promise = bundle.promise.value
        description = bundle.description
    }
}

/// A bundle in the list: its header, its lead department (when fixed) and how many items it has.
struct BundleSummary: Encodable {
    var header: BundleHeader
    var lead: String?
    var items: Int

    init(_ entry: BundleLibrary.Entry) {
        let bundle = entry.loaded.bundle
        header = BundleHeader(bundle)
        if case .fixed(let department) = bundle.lead { lead = department.value } else { lead = nil }
        items = bundle.items.count
    }

    enum CodingKeys: String, CodingKey {
        case lead, items
    }

    func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(lead, forKey: .lead)
        try container.encode(items, forKey: .items)
    }
}

/// A bundle file the server refused, with its findings.
struct RefusedBundle: Encodable {
    var file: String
    var diagnostics: [JSONFinding]

    init(_ report: FileReport, language: Language) {
        file = report.path
        diagnostics = report.diagnostics.map { JSONFinding($0, language: language) }
    }
}

/// `GET /v1/bundles/{bundle}`: the bundle's header with its form, materials and items.
struct BundleDetail: Encodable {
    struct Field: Encodable {
        struct Value: Encodable {
            var id: String
            var label: String
        }
        var id: String
        var type: String
        var label: String
        var required: Bool
        var minimum: String?
        var maximum: String?
        var values: [Value]
        var unit: String?
        var help: String?
        /// The condition under which the field must be answered, when it is required
        /// only under one.
        var requiredWhen: String?
        /// The party whose fact the question asks, when it asks about one.
        var party: String?
    }

    /// A party of the bundle (`parties:`).
    struct PartyEntry: Encodable {
        var id: String
        var name: String
        var kind: String
        /// The condition under which it takes part, when it has one.
        var when: String?
        /// Present and true when there may be several of it.
        var several: Bool?
    }

    /// A condition with its message: a form rule or an eligibility rule.
    struct Rule: Encodable {
        struct Message: Encodable {
            var zh: String
            var en: String
        }
        var check: String
        var message: Message

        init(_ rule: ConditionRule) {
            check = rule.check.text
            message = Message(zh: rule.message.zh, en: rule.message.en)
        }
    }

    struct MaterialEntry: Encodable {
        var id: String
        var name: String
        var core: Bool
        var deferrable: TimeLimit?
        var commitment: Bool
        /// When the commitment is the applicant's choice: the condition under which they sign it.
        var commitmentWhen: String?
        var description: String?
    }

    struct ItemEntry: Encodable {
        var id: String
        var name: String
        var department: String
        var promised: TimeLimit
        var legal: TimeLimit?
        /// `stated`, `none-by-law` or `not-known` (``LegalLimitStatus``).
        var legalStatus: String
        /// Whether the law asks for the item on the spot first; written only when it does.
        var onTheSpot: Bool?
        var extendableBy: TimeLimit?
        var extendableTo: TimeLimit?
        var grounds: String?
        var when: String?

        init(_ item: Item) {
            id = item.id.value
            name = item.name
            department = item.department.value
            promised = item.promised.value
            legal = item.legal?.value
            legalStatus = item.legalStatus.rawValue
            onTheSpot = item.legalTerms.onTheSpot ? true : nil
            if let allowed = item.legalTerms.allowedExtension {
                switch allowed.reach.value {
                case .by(let more): extendableBy = more
                case .to(let total): extendableTo = total
                }
                grounds = allowed.grounds
            }
            when = item.when?.text
        }

        enum CodingKeys: String, CodingKey {
            case id, name, department, promised, legal, grounds, when
            case legalStatus = "legal-status"
            case onTheSpot = "on-the-spot"
            case extendableBy = "extendable-by"
            case extendableTo = "extendable-to"
        }
    }

    var header: BundleHeader
    var form: [Field]
    var formRules: [Rule]
    var eligibility: [Rule]
    /// The parties; empty (and not written) for a bundle with one implicit applicant.
    var parties: [PartyEntry]
    var materials: [MaterialEntry]
    var items: [ItemEntry]

    enum CodingKeys: String, CodingKey {
        case form, formRules, eligibility, parties, materials, items
    }

    func encode(to encoder: any Encoder) throws {
        try header.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(form, forKey: .form)
        try container.encode(formRules, forKey: .formRules)
        try container.encode(eligibility, forKey: .eligibility)
        if !parties.isEmpty { try container.encode(parties, forKey: .parties) }
        try container.encode(materials, forKey: .materials)
        try container.encode(items, forKey: .items)
    }

    init(_ entry: BundleLibrary.Entry) {
        let bundle = entry.loaded.bundle
        header = BundleHeader(bundle)
        form = bundle.form.fields.map { field in
            Field(
                id: field.id, type: field.type.rawValue, label: field.label, required: field.required,
                minimum: field.minimum.map(Self.text), maximum: field.maximum.map(Self.text),
                values: field.values.map { Field.Value(id: $0.id, label: $0.label) }, unit: field.unit,
                help: field.help, requiredWhen: field.requiredWhen?.text, party: field.party?.value)
        }
        parties = bundle.parties.map { party in
            PartyEntry(
                id: party.id.value, name: party.name, kind: party.kind.rawValue, when: party.when?.text,
                several: party.several ? true : nil)
        }
        formRules = bundle.form.rules.map(Rule.init)
        eligibility = bundle.eligibility.map(Rule.init)
        materials = bundle.materials.map { material in
            MaterialEntry(
                id: material.id.value, name: material.name, core: material.core,
                deferrable: material.deferrable?.value,
                commitment: material.commitment, commitmentWhen: material.commitmentWhen?.text,
                description: material.description)
        }
        items = bundle.items.map(ItemEntry.init)
    }

    static func text(_ bound: FieldBound) -> String {
        switch bound {
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        case .date(let date): date.description
        }
    }
}

/// `POST /v1/bundles/validate`: the findings, as `onething validate --format json` gives them.
struct ValidationBody: Encodable {
    var valid: Bool
    var errors: Int
    var warnings: Int
    var diagnostics: [JSONFinding]

    init(_ report: FileReport, language: Language) {
        errors = report.diagnostics.count { $0.severity == .error }
        warnings = report.diagnostics.count { $0.severity == .warning }
        valid = errors == 0
        diagnostics = report.diagnostics.map { JSONFinding($0, language: language) }
    }
}

/// `POST /v1/bundles/{bundle}/plan`: the plan and the one-time notice (一次性告知书) in HTML.
struct PlanBody: Encodable {
    var plan: PlanDocument
    var notice: String
}
