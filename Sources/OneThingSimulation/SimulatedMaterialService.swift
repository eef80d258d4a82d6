import OneThingRuntime

/// A simulated e-licence and shared-data service (电子证照库, 数据共享交换平台), for tests and
/// the commands on a virtual clock: each fetch is unavailable with probability
/// ``unavailable``, drawn from the seed, the case and the material alone, so a seed
/// repeats a run; otherwise it answers with a made-up licence number.
public struct SimulatedMaterialService: MaterialService {
    /// The probability that a fetch is unavailable, from 0 to 1.
    public let unavailable: Double
    /// The seed the draws come from.
    public let seed: UInt64

    /// A service that is unavailable with probability `unavailable` (clamped to 0…1).
    public init(unavailable: Double, seed: UInt64) {
        self.unavailable = min(1, max(0, unavailable))
        self.seed = seed
    }

    /// The reason a simulated fetch gives when it is unavailable.
    public static let unavailableReason = "simulated: the service did not provide it"

    /// Fetches one material: unavailable with the service's probability, else a number
    /// made from the draw (`SIM-` and 16 hexadecimal digits).
    public func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome {
        let bits = StableHash.fnv1a("material/\(request.caseID)/\(request.material)", seed: seed)
        if StableHash.unit(bits) < unavailable { return .unavailable(reason: Self.unavailableReason) }
        return .fetched(reference: "SIM-" + StableHash.hex(bits))
    }
}
