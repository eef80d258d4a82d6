// Bundle decoding and every check of the validator over (mutated) bundle files, checked
// against the real catalogue.
import OneThing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBundle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = Validator().validate(bytes: bytes, name: "fuzz.yaml", catalogue: FuzzInput.catalogue)
    FuzzInput.renderAll(report.diagnostics, sources: [report.source].compactMap { $0 })
    return 0
}
