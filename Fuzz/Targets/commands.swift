// The commands downstream of a clean validation, on (mutated) bundles: what `plan`,
// `test`, `metrics`, `graph`, `notice` and `simulate` do once a bundle loads clean.
import OneThing
import OneThingPlan
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommands(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .loaded(let loaded) = BundleLoader.load(bytes: bytes, name: "fuzz.yaml", catalogue: FuzzInput.catalogue)
    else { return 0 }
    let calendar = loaded.catalogue.calendar(region: "CN")
    let start = CalendarDate(year: 2026, month: 3, day: 2)
    // test
    for result in BundleTestRunner(builder: loaded.builder).run() { _ = result.passed }
    // graph
    if let worst = try? loaded.builder.worstCasePlan() {
        let graph = PlanGraph(plan: worst, catalogue: loaded.catalogue, language: .zh)
        _ = graph.dot
        _ = graph.mermaid
        _ = graph.svg(title: loaded.bundle.title)
    }
    for test in loaded.bundle.tests.prefix(3) where test.expect.error == nil {
        guard let plan = try? loaded.builder.plan(for: test.answers, missingAt: test.name.span) else { continue }
        // metrics
        let table = FiguresTable(
            rows: [.init(file: "fuzz.yaml", bundle: loaded.bundle.id.value, title: loaded.bundle.title, case: .testCase(test.name.value), figures: ReformFigures(plan: plan))])
        _ = table.text(language: .en)
        _ = table.text(language: .zh)
        _ = table.csv
        _ = try? table.json()
        // notice
        guard let start, let schedule = try? Schedule(plan: plan, calendar: calendar, accepted: start) else { continue }
        for language in [Language.zh, .en] {
            if let notice = try? NoticeDocument(plan: plan, schedule: schedule, catalogue: loaded.catalogue, language: language) {
                _ = NoticeMarkdownRenderer().render(notice)
                _ = NoticeHTMLRenderer().render(notice)
            }
        }
        // simulate
        let blueprint = CaseBlueprint(plan: plan, catalogue: loaded.catalogue)
        let simulation = Simulation(
            blueprint: blueprint, calendar: calendar, start: start, seed: 7,
            answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        _ = try? simulation.run(cases: 3)
    }
    return 0
}
