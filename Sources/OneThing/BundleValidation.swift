import OneThingConditions
import OneThingPlan

/// Every stage's checks of one bundle file, in the order of the data's way.
enum BundleValidation {
    /// The findings about the bundle at `path`, checked against `catalogue`, and the
    /// bundle when it has no error: the file is read, then validated as bytes.
    static func validate(path: String, catalogue: Catalogue?, limits: YAMLLimits)
        -> (report: FileReport, bundle: ServiceBundle?, decoded: ServiceBundle?)
    {
        switch SourceReader.contents(path: path, limits: limits) {
        case .bytes(let bytes):
            return validate(bytes: bytes, name: path, catalogue: catalogue, limits: limits)
        case .unreadable(let diagnostic):
            return (FileReport(path: path, source: nil, diagnostics: [diagnostic]), nil, nil)
        }
    }

    /// The findings about the bundle `bytes` that findings name `name`, checked against
    /// `catalogue`; the bundle when it has no error; and the bundle as decoded, errors
    /// or not, when its shape could be read at all (an editor's names and places).
    static func validate(bytes: [UInt8], name: String, catalogue: Catalogue?, limits: YAMLLimits)
        -> (report: FileReport, bundle: ServiceBundle?, decoded: ServiceBundle?)
    {
        let (source, document) = YAMLComposer.compose(path: name, bytes: bytes, limits: limits)
        var diagnostics = document.diagnostics
        var bundle: ServiceBundle?
        if let root = document.root, let source {
            // A key written twice keeps only its first value: what the second one used
            // would look unused, so the file counts as not completely read.
            let composedWhole = !document.diagnostics.contains { $0.severity == .error }
            let result = validate(
                root: root, source: source, catalogue: catalogue, composedWhole: composedWhole)
            diagnostics += result.diagnostics
            bundle = result.bundle
        }
        diagnostics.sort(by: Diagnostic.sourceOrder)
        let clean = !diagnostics.contains { $0.severity == .error }
        return (
            FileReport(path: name, source: source, diagnostics: diagnostics), clean ? bundle : nil, bundle
        )
    }

    /// The findings of the model, condition and plan stages about a composed bundle;
    /// `composedWhole` is false when the composer left part of the file out.
    static func validate(
        root: YAMLNode, source: SourceFile, catalogue: Catalogue?, composedWhole: Bool = true
    )
        -> (bundle: ServiceBundle?, diagnostics: [Diagnostic])
    {
        var decoded = BundleDecoder.decode(root)
        decoded.isComplete = decoded.isComplete && composedWhole
        var diagnostics = decoded.diagnostics
        guard let bundle = decoded.bundle else { return (nil, diagnostics) }
        guard let catalogue else {
            diagnostics.append(
                Diagnostic(
                    code: .catalogueMissing, severity: .error, span: .wholeFile(source.path),
                    message: .init(
                        en: "no 'catalogue' folder was found beside this bundle or in a folder above it",
                        zh: "在本文件所在文件夹及其上级文件夹中找不到“catalogue”共享目录"),
                    hint: .init(
                        en:
                            "put the bundle in a folder that has a catalogue/ folder (like bundles/), or name one with --catalogue",
                        zh: "请把文件放在含有 catalogue/ 的文件夹中（如 bundles/），或用 --catalogue 指定")))
            return (nil, diagnostics)
        }
        // Which items wait for which: worked out once for the checks of every stage.
        let dependencies = ItemDependencies(bundle: bundle)
        diagnostics += BundleChecker.check(
            bundle, catalogue: catalogue, reportUnused: decoded.isComplete, dependencies: dependencies)
        diagnostics += BundleChecker.checkTests(bundle, catalogue: catalogue)
        let conditions = BundleConditions.check(
            bundle, source: source, reportUnused: decoded.isComplete, dependencies: dependencies)
        diagnostics += conditions.diagnostics
        // Test answers must fit the form (and may give results produced in the case),
        // except in a case that expects them not to.
        let answers = AnswerChecker(
            form: bundle.conditionForm, conditions: conditions.conditions.checkedByOwner)
        for test in bundle.tests where test.expect.error == nil {
            diagnostics += answers.check(test.answers, missingAt: test.name.span).1
        }
        // The plan stage reasons over every applicant; it needs a sound bundle.
        if decoded.isComplete, !diagnostics.contains(where: { $0.severity == .error }) {
            let promise = PromiseCheck.run(
                bundle, conditions: conditions.conditions, dependencies: dependencies)
            diagnostics += promise.diagnostics
            diagnostics += NeedCheck.check(
                bundle, conditions: conditions.conditions, catalogue: catalogue, dependencies: dependencies)
            // Calendar days against the real calendar, for the bundles that have them:
            // the steps of the worst cases the promise check found, without searching
            // again: the applicant who misses their promise by the most in working-day
            // equivalents and, where promises differ, the one who waits longest (whose
            // months or days may break their promise on the calendar all the same). Their
            // answers need not choose a lead department, and dates do not depend on one,
            // so only the steps are planned.
            if !diagnostics.contains(where: { $0.severity == .error }),
                CalendarPromiseCheck.needsCheck(bundle)
            {
                let builder = PlanBuilder(
                    bundle: bundle, source: source, catalogue: catalogue, conditions: conditions.conditions)
                let cases =
                    promise.longestCase == promise.worstCase
                    ? [promise.worstCase] : [promise.worstCase, promise.longestCase]
                for answers in cases {
                    if let finding = CalendarPromiseCheck.check(
                        bundle, steps: builder.steps(for: answers), calendar: catalogue.calendar(region: "CN")
                    ) {
                        diagnostics.append(finding)
                        break
                    }
                }
            }
        }
        return (bundle, diagnostics)
    }
}
