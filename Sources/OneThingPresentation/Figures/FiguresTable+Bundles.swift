import OneThing

extension FiguresTable {
    /// The figures of every bundle under `paths`, each for one applicant: the worst case
    /// when `answers` is `nil`, else the answers it names (the same test case of each
    /// bundle, or one answers file). A bundle that is not valid, lacks the test case, or
    /// whose plan cannot be built for the answers is a ``Failure``; the others are rows.
    ///
    /// - Throws: ``ValidationInputError`` when a path or a catalogue folder cannot be read.
    public static func collect(paths: [String], answers: AnswersSource?, catalogue: String? = nil)
        throws(ValidationInputError) -> FiguresTable
    {
        let tree = try SourceTree(paths: paths)
        var table = FiguresTable(rows: [])
        for file in tree.files where !file.isCatalogue {
            switch try BundleLoader.load(path: file.path, catalogue: catalogue) {
            case .invalid(let report):
                table.failures.append(
                    Failure(
                        file: file.path, diagnostics: report.diagnostics,
                        sources: [report.source].compactMap { $0 }))
            case .loaded(let loaded):
                switch plan(loaded, answers: answers) {
                case .success(let (plan, planCase)):
                    table.rows.append(
                        Row(
                            file: file.path, bundle: loaded.bundle.id.value, title: loaded.bundle.title,
                            case: planCase, figures: ReformFigures(plan: plan)))
                case .failure(let failure):
                    table.failures.append(
                        Failure(file: file.path, diagnostics: failure.diagnostics, sources: failure.sources))
                }
            }
        }
        return table
    }

    /// Why one loaded bundle has no plan.
    private struct PlanFailure: Error {
        var diagnostics: [Diagnostic]
        var sources: [SourceFile]
    }

    /// The plan of `loaded` for `answers`, or the findings that say why there is none.
    private static func plan(_ loaded: BundleLoader.Loaded, answers: AnswersSource?) -> Result<
        (Plan, Case), PlanFailure
    > {
        guard let answers else {
            do {
                return .success((try loaded.builder.worstCasePlan(), .worstCase))
            } catch {
                return .failure(PlanFailure(diagnostics: error.diagnostics, sources: [loaded.source]))
            }
        }
        let planCase: Case
        switch answers {
        case .file(let path), .document(_, name: let path, syntax: _): planCase = .answersFile(path)
        case .testCase(let name): planCase = .testCase(name)
        }
        let resolved: AnswersSource.Resolved
        do {
            resolved = try answers.resolve(for: loaded.bundle)
        } catch {
            return .failure(
                PlanFailure(
                    diagnostics: error.diagnostics,
                    sources: [loaded.source] + [error.source].compactMap { $0 }))
        }
        do {
            let plan = try loaded.builder.plan(for: resolved.answers, missingAt: resolved.missingAt)
            return .success((plan, planCase))
        } catch {
            return .failure(
                PlanFailure(
                    diagnostics: error.diagnostics,
                    sources: [loaded.source] + [resolved.source].compactMap { $0 }))
        }
    }
}
