extension CaseBlueprint {
    /// A material the platform fetches when a case starts (电子证照, 数据共享), with
    /// what the case does when the service cannot provide it.
    public struct FetchedMaterial: Sendable, Hashable, Codable {
        /// Where it is fetched from.
        public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
            /// An electronic licence (电子证照).
            case eLicence = "e-licence"
            /// Shared government data (数据共享).
            case sharedData = "shared-data"
        }

        /// What the case does when the service cannot provide it.
        public enum Fallback: Sendable, Hashable, Codable {
            /// The applicant is asked to bring it; the steps that need it are held before
            /// approval until it is brought, at the latest by the case's promise.
            case paper
            /// The steps that need it wait for the service, at most `limit` after
            /// acceptance; a step still waiting then fails.
            case wait(TimeLimit)
        }

        /// The material's id.
        public let material: String
        /// Where it is fetched from.
        public let source: Source
        /// What the case does when the service cannot provide it.
        public let fallback: Fallback
        /// The steps that need it, by index.
        public let steps: [Int]

        /// Creates an entry.
        public init(material: String, source: Source, fallback: Fallback, steps: [Int]) {
            self.material = material
            self.source = source
            self.fallback = fallback
            self.steps = steps
        }

        /// The entry's fields as text, in a fixed order, for the blueprint's fingerprint.
        var canonical: [String] {
            let rule =
                switch fallback {
                case .paper: "paper"
                case .wait(let limit): "wait \(limit.description)"
                }
            return [material, source.rawValue, rule] + steps.map(String.init)
        }
    }

    /// The fetched material `material`, if the blueprint fetches it.
    public func fetched(_ material: String) -> FetchedMaterial? {
        fetched.first { $0.material == material }
    }
}

extension CaseState {
    /// The materials whose absence holds the approval of `step`: its deferred materials
    /// (容缺), and the fetched materials it needs that the service could not provide
    /// (``CaseEvent/Kind/materialUnavailable(material:reason:fallback:)``). One rule for
    /// the runtime's hold, release and deadline.
    public func awaitedMaterials(of step: Int) -> [String] {
        guard blueprint.steps.indices.contains(step) else { return [] }
        let unavailable = blueprint.fetched.filter {
            $0.steps.contains(step) && fetchFailures[$0.material] != nil
        }
        return blueprint.steps[step].deferred + unavailable.map(\.material)
    }
}

extension CaseState {
    /// The limit, counted from acceptance, within which the applicant brings `material`
    /// the case awaits from them: a deferred material's deadline (容缺), or the case's
    /// promise for a fetched material they were asked to bring instead
    /// (``FetchFallback/paper(dueBy:)``); `nil` for anything else.
    public func limitToBring(_ material: String) -> TimeLimit? {
        if let limit = blueprint.deferredDeadlines[material] { return limit }
        guard fetchFailures[material]?.fallback.isPaper == true else { return nil }
        return blueprint.promise
    }
}
