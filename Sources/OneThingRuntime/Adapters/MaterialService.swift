/// A service that provides the materials a case fetches instead of asking the applicant
/// (电子证照 from a licence library, 数据共享 from a data exchange). The engine asks it
/// for each fetched material of a case's blueprint when the case starts; which service
/// it is is configuration (the adapters file's `e-licence` entry), never part of a bundle.
///
/// A fetch does not throw: a service that is down, slow or has no record answers
/// ``MaterialFetchOutcome/unavailable(reason:)`` with why, and the bundle's fallback
/// decides what the case does.
public protocol MaterialService: Sendable {
    /// Fetches one material for a case.
    func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome
}

/// What the engine asks a ``MaterialService`` for.
public struct MaterialRequest: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: CaseID
    /// The material's id.
    public var material: String
    /// Its name, as the bundle writes it: `居民身份证`.
    public var name: String
    /// Where it is fetched from.
    public var source: CaseBlueprint.FetchedMaterial.Source
    /// The applicant's answers (field id → value as written), from which a service
    /// takes whom the material is about (an identity or credit-code number).
    public var answers: [String: String]

    /// Creates a request.
    public init(
        caseID: CaseID, material: String, name: String, source: CaseBlueprint.FetchedMaterial.Source,
        answers: [String: String]
    ) {
        self.caseID = caseID
        self.material = material
        self.name = name
        self.source = source
        self.answers = answers
    }
}

/// What a ``MaterialService`` answered.
public enum MaterialFetchOutcome: Sendable, Hashable {
    /// It provided the material: `reference` is the licence number or the record's
    /// reference, as the service gave it.
    case fetched(reference: String)
    /// It could not provide it, saying `reason`.
    case unavailable(reason: String)
}

extension MaterialService {
    /// Fetches every material of `blueprint` that the applicant did not bring
    /// (`provided`), all at once: material id → outcome.
    public func fetchAll(
        for caseID: CaseID, blueprint: CaseBlueprint, answers: [String: String], provided: [String]
    ) async -> [String: MaterialFetchOutcome] {
        let brought = Set(provided)
        let requests = blueprint.fetched.filter { !brought.contains($0.material) }.map {
            MaterialRequest(
                caseID: caseID, material: $0.material, name: blueprint.materials[$0.material] ?? $0.material,
                source: $0.source, answers: answers)
        }
        return await withTaskGroup(of: (String, MaterialFetchOutcome).self) { group in
            for request in requests {
                group.addTask { (request.material, await fetch(request)) }
            }
            var outcomes: [String: MaterialFetchOutcome] = [:]
            for await (material, outcome) in group { outcomes[material] = outcome }
            return outcomes
        }
    }
}
