import Foundation
import OneThing
import OneThingRuntime
import OneThingSimulation

/// A deterministic corpus of generated bundle files for benchmarks: items,
/// materials, forms and conditions shaped like the real bundles, with a catalogue.
public struct BenchmarkCorpus: Sendable {
    /// The files, as path relative to the corpus folder and text.
    public var files: [(path: String, text: String)]

    /// The total size in bytes of the bundle files.
    public var bundleBytes: Int {
        files.filter { !$0.path.hasPrefix("catalogue/") }.reduce(0) { $0 + $1.text.utf8.count }
    }

    /// Generates `count` bundle files from `seed`; the same arguments give the same bytes.
    public init(bundles count: Int, seed: UInt64 = 1) {
        var random = SplitMix64(seed: seed)
        var files: [(String, String)] = [("catalogue/departments.yaml", Self.departmentsFile)]
        files.append(
            (
                "catalogue/materials.yaml",
                "materials:\n  id-card: {name: 居民身份证, source: applicant, core: true}\n"
            ))
        for index in 0..<count {
            files.append(("bundle-\(Self.padded(index)).yaml", Self.bundle(index, random: &random)))
        }
        self.files = files
    }

    /// Writes the corpus into `folder` (created if needed).
    public func write(to folder: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/catalogue", withIntermediateDirectories: true)
        for file in files {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + file.path))
        }
    }

    static let departments = [
        "market-regulation", "fire-rescue", "housing-construction", "urban-management", "water-drainage",
        "tobacco", "public-security", "health", "civil-affairs", "human-resources-social-security",
        "medical-insurance", "housing-fund", "natural-resources-planning", "finance", "tax",
    ]

    static let departmentsFile =
        "departments:\n" + departments.map { "  \($0): {name: \($0)部门, en: \($0)}\n" }.joined()

    static func padded(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 5 - s.count)) + s
    }

    /// One bundle: a chain of registration → parallel approvals, conditions on a form
    /// of a number, an enum and bools, materials some of which are deferrable or may
    /// be replaced by a commitment, and two test cases.
    static func bundle(_ index: Int, random: inout SplitMix64) -> String {
        bundle(index, items: 8 + Int(random.next() % 5), random: &random)
    }

    /// One bundle of `itemCount` items. Items from the fifth on also wait for the
    /// result of an earlier item (a tree of fan-out four), so large bundles have
    /// depth as well as breadth.
    public static func bundle(_ index: Int, items itemCount: Int, random: inout SplitMix64) -> String {
        let boolCount = 3
        var text = """
            # Generated bundle \(index) for the validation benchmark.
            id: generated-\(index)
            title: 生成的一件事 \(index)
            version: 1.0.\(index % 10)
            effective: 2025-01-01
            category: \(index % 2 == 0 ? "business" : "individual")
            lead: \(departments[index % departments.count])
            promise: 40 workdays
            description: 用于基准测试的生成文件，事项、材料与条件的形状与真实的一件事相近。
            form:
              venue.area_m2: {type: number, label: 经营场所面积（平方米）, min: 0, max: 100000, unit: 平方米}
              business.kind:
                type: enum
                label: 经营类型
                values: {restaurant: 餐馆, snack: 小吃店, canteen: 单位食堂}

            """
        for b in 0..<boolCount { text += "  flags.option_\(b): {type: bool, label: 是否需要办理选项\(b)？}\n" }
        text += "materials:\n"
        for i in 0..<itemCount {
            let extra =
                i % 3 == 0 ? ", deferrable: 1 workdays" : i % 3 == 1 ? ", commitment: true" : ", core: true"
            text += "  material-\(i): {name: 申请材料\(i)（加盖公章）\(extra)}\n"
        }
        text += "outputs:\n  licence: {name: 营业执照, kind: licence, e-licence: true}\n"
        // Electronic results: an item needing the result of one that does not apply to
        // an applicant fetches it, rather than asking for a paper nobody issued (OT313).
        for i in 1..<itemCount {
            text += "  result-\(i): {name: 审批结果\(i), kind: decision, e-licence: true}\n"
        }
        text += "items:\n"
        for i in 0..<itemCount {
            let department = departments[(index + i) % departments.count]
            let legal = 5 + Int(random.next() % 16)
            let promised = 1 + Int(random.next() % UInt64(min(legal, 8)))
            text += "  item-\(i):\n"
            text += "    name: 审批事项\(i)\n"
            text += "    department: \(department)\n"
            text += "    kind: \(i == 0 ? "registration" : i % 2 == 0 ? "permit" : "filing")\n"
            text += "    legal: \(legal) workdays\n"
            text += "    promised: \(promised) workdays\n"
            switch i % 4 {
            case 1:
                text +=
                    "    when: venue.area_m2 >= \(50 * (1 + Int(random.next() % 6))) and not flags.option_\(i % boolCount)\n"
            case 2:
                text +=
                    "    when: business.kind in [\"restaurant\", \"snack\"] or flags.option_\(i % boolCount)\n"
            case 3:
                text +=
                    "    when: flags.option_\(i % boolCount) and venue.area_m2 < \(100 * (1 + Int(random.next() % 5)))\n"
            default: break
            }
            if i == 0 {
                text += "    needs: [id-card, material-0]\n"
            } else if i > 4 {
                text += "    needs: [licence, material-\(i), result-\((i - 1) / 4)]\n"
            } else {
                text += "    needs: [licence, material-\(i)]\n"
            }
            text += i == 0 ? "    produces: [licence]\n" : "    produces: [result-\(i)]\n"
            text += "    fee: 0\n    online: \(i % 2 == 0)\n"
            text += "    basis: {law: 中华人民共和国行政许可法, article: 第四十二条, effective: 2019-04-23}\n"
        }
        text += """
            tests:
              - name: 小餐馆
                answers: {venue.area_m2: 80, business.kind: restaurant, flags.option_0: false, flags.option_1: false, flags.option_2: false}
                expect: {lead: \(departments[index % departments.count])}
              - name: 单位食堂
                answers: {venue.area_m2: 300, business.kind: canteen, flags.option_0: true, flags.option_1: true, flags.option_2: true}
                expect: {lead: \(departments[index % departments.count])}

            """
        return text
    }
}
