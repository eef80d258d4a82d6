// The located YAML composer over arbitrary bytes, and the renderers over what it finds.
import OneThingSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (source, document) = YAMLComposer.compose(path: "fuzz.yaml", bytes: bytes)
    FuzzInput.renderAll(document.diagnostics, sources: [source].compactMap { $0 })
    return 0
}
