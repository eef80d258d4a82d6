import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime

/// Plans of the real bundles, for the tests of the runtime and what builds on it.
public enum RuntimeFixtures {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func loaded(_ name: String) throws -> BundleLoader.Loaded {
        guard
            case .loaded(let loaded) = try BundleLoader.load(
                path: root.appendingPathComponent("bundles/\(name)").path)
        else { throw StoreError("\(name) is not valid") }
        return loaded
    }

    /// The plan of a real bundle for one of its test cases.
    public static func plan(_ name: String, case caseName: String) throws -> Plan {
        let loaded = try loaded(name)
        let test = loaded.bundle.tests.first { $0.name.value == caseName }!
        return try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
    }

    public static let restaurantWorstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"
    public static let restaurantWithGaps = "新办餐饮店，消防告知承诺，设招牌，不售烟（容缺与承诺材料）"

    public static func restaurant(_ caseName: String = restaurantWorstCase) throws -> Plan {
        try plan("open-restaurant.yaml", case: caseName)
    }

    public static func start(for blueprint: CaseBlueprint, provided: [String]? = nil) -> CaseStart {
        CaseStart(
            bundle: blueprint.bundle, version: blueprint.version, answers: [:],
            provided: provided ?? blueprint.core, lead: blueprint.lead, blueprint: blueprint.fingerprint)
    }
}
