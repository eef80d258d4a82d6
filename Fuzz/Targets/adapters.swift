// The adapters file of `onething simulate` and `onething run`, over arbitrary bytes,
// checked against the real catalogue's departments.
import OneThing
import OneThingSimulation
import OneThingSource

let departmentIDs = Set(FuzzInput.catalogue.departments.keys)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAdapters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (source, document) = YAMLComposer.compose(path: "adapters.yaml", bytes: bytes)
    var diagnostics = document.diagnostics
    if let root = document.root {
        diagnostics += AdaptersFile.decode(root, departments: departmentIDs).1
    }
    FuzzInput.renderAll(diagnostics, sources: [source].compactMap { $0 })
    return 0
}
