// Answers documents, YAML and JSON, against the forms of the real bundles, then the plan:
// the first byte picks the bundle and the syntax, the rest is the document.
import OneThing
import OneThingSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bundles = FuzzInput.bundles
    guard size > 0, !bundles.isEmpty else { return 0 }
    let loaded = bundles[Int(data[0] >> 1) % bundles.count]
    let syntax: SourceSyntax = data[0] & 1 == 0 ? .yaml : .json
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let name = syntax == .json ? "answers.json" : "answers.yaml"
    do {
        let resolved = try AnswersSource.document(bytes, name: name, syntax: syntax).resolve(for: loaded.bundle)
        do {
            let plan = try loaded.builder.plan(for: resolved.answers, missingAt: resolved.missingAt)
            _ = ReformFigures(plan: plan)
        } catch {
            FuzzInput.renderAll(error.diagnostics, sources: [loaded.source] + [resolved.source].compactMap { $0 })
        }
    } catch {
        FuzzInput.renderAll(error.diagnostics, sources: [loaded.source] + [error.source].compactMap { $0 })
    }
    return 0
}
