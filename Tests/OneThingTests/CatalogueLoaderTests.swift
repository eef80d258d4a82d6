import Foundation
import OneThing
import Testing

/// Loading a catalogue folder, and naming one that is not there.
struct CatalogueLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")
    static let missing = fixtures.appendingPathComponent("no-such-catalogue").path

    @Test func aFolderThatCannotBeReadIsAnErrorOfItsOwn() throws {
        let loaded = CatalogueLoader.load(folder: Self.missing)
        #expect(loaded.hasErrors)
        let report = try #require(loaded.reports.values.first)
        #expect(loaded.reports.count == 1)
        #expect(report.path == Self.missing)
        #expect(report.diagnostics.map(\.code) == [.catalogueMissing])
        #expect(report.diagnostics.first?.message.en == "cannot read the catalogue folder")
    }

    @Test func aBundleLoadedWithACatalogueFolderThatIsNotThereIsAnInputError() {
        let bundle = Self.fixtures.appendingPathComponent("diagnostics/valid.yaml").path
        #expect {
            try BundleLoader.load(path: bundle, catalogue: Self.missing)
        } throws: { error in
            let error = error as? ValidationInputError
            return error?.path == Self.missing && error?.reason.en == "the catalogue folder does not exist"
        }
    }
}
